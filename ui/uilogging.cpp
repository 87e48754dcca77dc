// The console views' logging category.
#include "uilogging.h"

namespace TableTap {
Q_LOGGING_CATEGORY(lcUi, "tabletap.ui", QtInfoMsg)
} // namespace TableTap
