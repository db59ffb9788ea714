target_sources(pnm_core PRIVATE
  ingest/recordedrequest.h ingest/recordedrequest.cpp
  ingest/ingestoptions.h ingest/requestjournal.h
  ingest/ingestpipeline.h ingest/ingestpipeline.cpp
  ingest/ingestworker.h ingest/ingestworker.cpp
  ingest/ingestservice.h ingest/ingestservice.cpp)
