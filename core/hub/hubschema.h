// The hub's schemas as ordered migration steps: the registry (hub.db) and one cafe database
// (cafes/<id>.db). New steps are appended, never edited once released.
#pragma once

#include "schemamigrator.h"

namespace TableTap::HubSchema {

QList<MigrationStep> registrySteps();
QList<MigrationStep> cafeSteps();

} // namespace TableTap::HubSchema
