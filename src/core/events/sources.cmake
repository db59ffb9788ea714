target_sources(pnm_core PRIVATE
  events/webhookevent.h events/webhookevent.cpp
  events/eventdecoder.h events/eventdecoder.cpp)
