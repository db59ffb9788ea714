#include "verify/webhookverifier.h"
