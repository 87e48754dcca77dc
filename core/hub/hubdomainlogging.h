// Logging categories of the hub library (storage, auth, cafe rules, the wiring to the Socket.IO
// server, the simulator).
// Turn them on with QT_LOGGING_RULES="tabletap.hub.*.debug=true".
#pragma once

#include <QLoggingCategory>

namespace TableTap {
Q_DECLARE_LOGGING_CATEGORY(lcHubDomain)
Q_DECLARE_LOGGING_CATEGORY(lcHubStore)
Q_DECLARE_LOGGING_CATEGORY(lcHubAuth)
Q_DECLARE_LOGGING_CATEGORY(lcHubWiring)
Q_DECLARE_LOGGING_CATEGORY(lcHubSim)
} // namespace TableTap
