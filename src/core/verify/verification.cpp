#include "verify/verification.h"
