// Logging categories of the protocol layer. Turn the wire trace on with
// QT_LOGGING_RULES="tabletap.protocol.wire.debug=true".
#pragma once

#include <QLoggingCategory>

namespace TableTap {
Q_DECLARE_LOGGING_CATEGORY(lcProtocol)
Q_DECLARE_LOGGING_CATEGORY(lcWire)
} // namespace TableTap
