target_sources(pnm_core PRIVATE
  store/storelog.h store/storelog.cpp
  store/sessionstoreoptions.h
  store/verificationcodec.h store/verificationcodec.cpp
  store/fileidentity.h store/fileidentity.cpp
  store/sqlitestatement.h store/sqlitestatement.cpp
  store/requestrow.h store/requestrow.cpp
  store/sessiondatabase.h store/sessiondatabase.cpp
  store/walcheckpointer.h store/walcheckpointer.cpp
  store/sessionretention.h store/sessionretention.cpp
  store/sessionwriter.h store/sessionwriter.cpp
  store/sessionjournal.h store/sessionjournal.cpp
  store/sessionreader.h store/sessionreader.cpp
  store/sessionprefetcher.h store/sessionprefetcher.cpp)
target_sources(pnm_core PRIVATE
  store/exportformat.h store/exportformat.cpp
  store/sessionjson.h store/sessionjson.cpp
  store/harentry.h store/harentry.cpp
  store/csvrow.h store/csvrow.cpp
  store/redactor.h store/redactor.cpp
  store/exportoutput.h store/exportoutput.cpp
  store/sessionexporter.h store/sessionexporter.cpp)
target_sources(pnm_core PRIVATE store/sessionimporter.h store/sessionimporter.cpp)
target_sources(pnm_core PRIVATE
  store/sessionbrowserworker.h store/sessionbrowserworker.cpp
  store/sessionbrowser.h store/sessionbrowser.cpp)
target_sources(pnm_core PRIVATE store/sessionjob.h store/sessionjob.cpp)
