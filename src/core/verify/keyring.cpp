#include "verify/keyring.h"
