// Logging categories of the hub's domain layer.
#include "hubdomainlogging.h"

namespace TableTap {
Q_LOGGING_CATEGORY(lcHubDomain, "tabletap.hub.domain", QtInfoMsg)
Q_LOGGING_CATEGORY(lcHubStore, "tabletap.hub.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcHubAuth, "tabletap.hub.auth", QtInfoMsg)
} // namespace TableTap
