// The logging category of the hub's wiring to the Socket.IO server: start and stop, refused
// handshakes and operations requests, connections over the per-address limit, the cafe fence,
// sockets dropped or re-roled after a staff change. Beside the domain's tabletap.hub.* ones
// (hubdomainlogging.h), so QT_LOGGING_RULES="tabletap.hub.*.debug=true" still covers it.
#pragma once

#include <QLoggingCategory>

namespace TableTap {
Q_DECLARE_LOGGING_CATEGORY(lcHubWiring)
} // namespace TableTap
