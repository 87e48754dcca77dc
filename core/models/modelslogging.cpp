// Logging category of the models layer.
#include "modelslogging.h"

namespace TableTap {
Q_LOGGING_CATEGORY(lcModels, "tabletap.models", QtInfoMsg)
}
