// The simulator's logging category.
#include "simulatorlogging.h"

namespace TableTap {
Q_LOGGING_CATEGORY(lcHubSim, "tabletap.hub.simulator", QtInfoMsg)
} // namespace TableTap
