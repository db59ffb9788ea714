target_sources(pnm_core PRIVATE
  verify/cryptoprimitives.h verify/cryptoprimitives.cpp
  verify/compactjwt.h verify/compactjwt.cpp
  verify/verification.h verify/verification.cpp
  verify/passedsteps.h verify/passedsteps.cpp
  verify/keyring.h verify/keyring.cpp
  verify/webhookverifier.h verify/webhookverifier.cpp)
