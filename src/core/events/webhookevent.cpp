#include "events/webhookevent.h"
