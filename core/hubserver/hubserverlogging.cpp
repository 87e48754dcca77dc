// Logging category of the hub's wiring.
#include "hubserverlogging.h"

namespace TableTap {
Q_LOGGING_CATEGORY(lcHubWiring, "tabletap.hub.wiring", QtInfoMsg)
} // namespace TableTap
