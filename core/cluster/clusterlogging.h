// Logging category of the cluster adapter: tabletap.cluster.
#pragma once

#include <QLoggingCategory>

namespace TableTap {
Q_DECLARE_LOGGING_CATEGORY(lcCluster)
}
