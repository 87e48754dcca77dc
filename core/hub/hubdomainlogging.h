// Logging categories of the hub library (storage, auth, cafe rules, the simulator); the wiring
// to the Socket.IO server logs as tabletap.hub.wiring (hubserverlogging.h).
// Turn them on with QT_LOGGING_RULES="tabletap.hub.*.debug=true".
#pragma once

#include <QLoggingCategory>

namespace TableTap {
Q_DECLARE_LOGGING_CATEGORY(lcHubDomain)
Q_DECLARE_LOGGING_CATEGORY(lcHubStore)
Q_DECLARE_LOGGING_CATEGORY(lcHubAuth)
Q_DECLARE_LOGGING_CATEGORY(lcHubSim)
} // namespace TableTap
