target_sources(pnm_core PRIVATE
  text/jsontextwriter.h text/jsontextwriter.cpp
  text/isotime.h text/isotime.cpp)
