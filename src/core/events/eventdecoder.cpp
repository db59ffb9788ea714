#include "events/eventdecoder.h"
