// Logging category of the server layer.
#include "serverlogging.h"

namespace TableTap {
Q_LOGGING_CATEGORY(lcServer, "tabletap.hub.server", QtInfoMsg)
} // namespace TableTap
