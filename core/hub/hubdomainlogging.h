// Logging categories of the hub library (storage, auth, cafe rules); the wiring to the Socket.IO
// server logs as tabletap.hub.wiring (hubserverlogging.h), the simulator as
// tabletap.hub.simulator (simulatorlogging.h).
// Turn them on with QT_LOGGING_RULES="tabletap.hub.*.debug=true".
#pragma once

#include <QLoggingCategory>

namespace TableTap {
Q_DECLARE_LOGGING_CATEGORY(lcHubDomain)
Q_DECLARE_LOGGING_CATEGORY(lcHubStore)
Q_DECLARE_LOGGING_CATEGORY(lcHubAuth)
} // namespace TableTap
