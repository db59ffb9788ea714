target_sources(pnm_core PRIVATE
  http/httpheaders.h http/httpheaders.cpp
  http/httprequest.h http/httprequest.cpp
  http/httprequestparser.h http/httprequestparser.cpp
  http/requestsink.h http/requestsink.cpp
  http/logthrottle.h http/logthrottle.cpp
  http/httpconnection.h http/httpconnection.cpp
  http/httplistener.h http/httplistener.cpp)
