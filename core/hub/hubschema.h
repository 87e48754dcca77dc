// The hub's schemas as ordered migration steps: the registry (hub.db, or PostgreSQL schema
// tabletap_registry) and one cafe (cafes/<id>.db, or schema cafe_<id>). New steps are appended,
// never edited once released; write them in the SQL both databases run.
#pragma once

#include "schemamigrator.h"

namespace TableTap::HubSchema {

QList<MigrationStep> registrySteps();
QList<MigrationStep> cafeSteps();

// The same steps as PostgreSQL runs them: INTEGER (64-bit in SQLite) becomes BIGINT, INTEGER
// PRIMARY KEY AUTOINCREMENT an identity column, and the one statement written in SQLite's own
// functions (step 5's standing alerts) its PostgreSQL equivalent. The versions are the same.
QList<MigrationStep> forPostgres(const QList<MigrationStep> &steps);

} // namespace TableTap::HubSchema
