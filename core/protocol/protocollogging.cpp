// Logging categories of the protocol layer.
#include "protocollogging.h"

namespace TableTap {
Q_LOGGING_CATEGORY(lcProtocol, "tabletap.protocol", QtInfoMsg)
Q_LOGGING_CATEGORY(lcWire, "tabletap.protocol.wire", QtWarningMsg)
} // namespace TableTap
