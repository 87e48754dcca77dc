// The simulator's logging category. Its name stays under tabletap.hub.* (it drives a hub), so
// QT_LOGGING_RULES="tabletap.hub.*.debug=true" and the tests' "tabletap.hub.*.info=false" still
// cover it.
#pragma once

#include <QLoggingCategory>

namespace TableTap {
Q_DECLARE_LOGGING_CATEGORY(lcHubSim)
} // namespace TableTap
