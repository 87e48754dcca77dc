// Ordered, versioned schema migrations on the store's schema version (SQLite: PRAGMA
// user_version). Each step runs in its own transaction together with the version bump, so a crash
// mid-migration leaves the previous version intact and the next start simply runs the step again.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace TableTap {

class StoreConnection;

struct MigrationStep
{
    int version = 0; // the schema version after this step; steps are 1, 2, 3, ...
    QStringList statements;
};

class SchemaMigrator final
{
public:
    // Brings the database up to the last step's version (or maxVersion when >= 0, for tests).
    // False with a message when a step fails or the file is newer than this program knows.
    static bool migrate(StoreConnection &db, const QList<MigrationStep> &steps, QString *error,
                        int maxVersion = -1);
};

} // namespace TableTap
