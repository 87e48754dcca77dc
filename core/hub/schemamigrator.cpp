// Ordered, versioned schema migrations.
#include "schemamigrator.h"

#include "hubdomainlogging.h"
#include "storageerror.h"
#include "storeconnection.h"

namespace TableTap {

bool SchemaMigrator::migrate(StoreConnection &db, const QList<MigrationStep> &steps, QString *error,
                             int maxVersion)
{
    try {
        const int known = steps.isEmpty() ? 0 : steps.last().version;
        const int target = maxVersion >= 0 ? qMin(maxVersion, known) : known;
        const int current = db.schemaVersion();
        if (current > known) {
            if (error)
                *error = QStringLiteral("%1 has schema version %2, newer than this hub knows (%3)")
                             .arg(db.describe())
                             .arg(current)
                             .arg(known);
            return false;
        }
        for (const MigrationStep &step : steps) {
            if (step.version <= db.schemaVersion() || step.version > target)
                continue;
            db.begin();
            try {
                for (const QString &sql : step.statements)
                    db.exec(sql);
                db.setSchemaVersion(step.version);
                db.commit();
            } catch (...) {
                db.rollback();
                throw;
            }
            qCInfo(lcHubStore) << "migrated" << db.describe() << "to schema version"
                               << step.version;
        }
    } catch (const StorageError &e) {
        if (error)
            *error = e.message();
        return false;
    }
    return true;
}

} // namespace TableTap
