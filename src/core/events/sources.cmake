target_sources(pnm_core PRIVATE
  events/webhookevent.h events/webhookevent.cpp
  events/eventdecoder.h events/eventdecoder.cpp
  events/eventmessages.h events/eventmessages.cpp
  events/protojsonreader.h events/protojsonreader.cpp
  events/protoenums.h events/protoenums.cpp
  events/eventfilter.h events/eventfilter.cpp
  events/eventfilterexpression.h events/eventfilterexpression.cpp)
