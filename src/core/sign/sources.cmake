target_sources(pnm_core PRIVATE
  sign/tokensigner.h sign/tokensigner.cpp)
# Event bodies, scenarios and delivery for pnm-webhook-send and "send test event"
target_sources(pnm_core PRIVATE
  sign/protojsonvalue.h sign/protojsonvalue.cpp
  sign/eventencoder.h sign/eventencoder.cpp
  sign/eventspec.h sign/eventbuilder.h sign/eventbuilder.cpp
  sign/meetingscenario.h sign/meetingscenario.cpp
  sign/sendplan.h sign/sendplan.cpp
  sign/webhookjob.h sign/webhookjob.cpp
  sign/retrypolicy.h sign/retrypolicy.cpp
  sign/webhooksender.h sign/webhooksender.cpp
  sign/replayfile.h sign/replayfile.cpp)
