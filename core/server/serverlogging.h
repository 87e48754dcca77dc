// Logging category of the hub's web/Engine.IO/Socket.IO server. Turn it on with
// QT_LOGGING_RULES="tabletap.hub.server.debug=true".
#pragma once

#include <QLoggingCategory>

namespace TableTap {
Q_DECLARE_LOGGING_CATEGORY(lcServer)
} // namespace TableTap
