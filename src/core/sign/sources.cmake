target_sources(pnm_core PRIVATE
  sign/tokensigner.h sign/tokensigner.cpp)
