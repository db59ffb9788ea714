#include "store/storelog.h"

namespace pnm {
Q_LOGGING_CATEGORY(lcStore, "pnm.store")
} // namespace pnm
