// Logging categories of the hub's domain layer (storage, auth, cafe rules).
// Turn them on with QT_LOGGING_RULES="tabletap.hub.*.debug=true".
#pragma once

#include <QLoggingCategory>

namespace TableTap {
Q_DECLARE_LOGGING_CATEGORY(lcHubDomain)
Q_DECLARE_LOGGING_CATEGORY(lcHubStore)
Q_DECLARE_LOGGING_CATEGORY(lcHubAuth)
} // namespace TableTap
