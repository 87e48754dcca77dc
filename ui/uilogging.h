// The console views' logging category (tabletap.ui), so QT_LOGGING_RULES can turn it on.
#pragma once

#include <QLoggingCategory>

namespace TableTap {
Q_DECLARE_LOGGING_CATEGORY(lcUi)
} // namespace TableTap
