target_sources(pnm_core PRIVATE
  verify/verification.h verify/verification.cpp
  verify/keyring.h verify/keyring.cpp
  verify/webhookverifier.h verify/webhookverifier.cpp)
