// The logging category of the session store (pnm.store). Any thread.
#pragma once

#include <QLoggingCategory>

namespace pnm {
Q_DECLARE_LOGGING_CATEGORY(lcStore)
} // namespace pnm
