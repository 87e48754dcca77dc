// The cluster adapter's logging category.
#include "clusterlogging.h"

namespace TableTap {
Q_LOGGING_CATEGORY(lcCluster, "tabletap.cluster")
}
