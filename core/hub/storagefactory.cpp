// Picks the hub's store.
#include "storagefactory.h"

#include "postgresstorage.h"
#include "sqlitestorage.h"

namespace TableTap {

bool isSqliteDatabase(const QString &url)
{
    return url.isEmpty() || url == u"sqlite";
}

QString checkDatabaseUrl(const QString &url)
{
    if (isSqliteDatabase(url))
        return {};
    if (!PostgresTarget::isPostgresUrl(url))
        return QStringLiteral("got \"%1\"").arg(url);
    PostgresTarget target;
    QString error;
    return PostgresTarget::parse(url, &target, &error) ? QString() : error;
}

std::unique_ptr<StorageBackend> makeStorage(const HubOptions &options)
{
    if (isSqliteDatabase(options.databaseUrl))
        return std::make_unique<SqliteStorage>(options.dataDir, options.syncEveryCommit);
    return std::make_unique<PostgresStorage>(options.databaseUrl);
}

} // namespace TableTap
