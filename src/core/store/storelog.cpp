#include "store/storelog.h"

namespace pnm {
// Debug lines (which file, how many requests) only when asked for with QT_LOGGING_RULES.
Q_LOGGING_CATEGORY(lcStore, "pnm.store", QtInfoMsg)
} // namespace pnm
