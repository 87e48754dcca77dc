// The hub's store in a PostgreSQL database, shared by every hub node of a chain: the registry
// in schema tabletap_registry, each cafe in its own schema cafe_<id> (schemaFor), so a cafe's
// connection (search_path = its schema) reaches no other cafe's rows. The schemas are migrated
// with the same HubSchema steps as SQLite (HubSchema::forPostgres), under an advisory lock so
// nodes starting together migrate once. The token secret is a row of the registry schema.
#pragma once

#include "postgresconnection.h"
#include "schemamigrator.h"
#include "storagebackend.h"

#include <QString>

#include <memory>

namespace TableTap {

class PostgresStorage final : public StorageBackend
{
public:
    // url: postgresql://USER[:PASSWORD]@HOST[:PORT]/DBNAME (an invalid one fails in open()).
    explicit PostgresStorage(const QString &url);
    ~PostgresStorage() override;

    static constexpr const char *kRegistrySchema = "tabletap_registry";
    // The schema of a cafe id (HubRegistry::isValidCafeId): cafe_<id>, quoted so case and '-'
    // stay; ids too long for PostgreSQL's 63-byte names end in a hash of the whole id instead.
    static QString schemaFor(const QString &cafeId);

    // Connects (the server is reachable, the database exists) and creates the registry schema.
    bool open(QString *error) override;
    std::unique_ptr<StoreConnection> registry(QString *error) override;
    std::unique_ptr<StoreConnection> cafe(const QString &cafeId, QString *error) override;
    std::unique_ptr<StoreConnection> createCafe(const QString &cafeId, QString *error) override;
    void dropCafe(const QString &cafeId) override;
    bool cafeExists(const QString &cafeId) override;
    // A SELECT 1 on the server; free space is the server's business (-1).
    StorageHealth health(qint64 minFreeBytes) override;
    // Refused: a PostgreSQL store is copied with pg_dump.
    AdminResult backup(const QString &target, const QString &cafeId, int *cafes) override;
    QString location() const override;
    QByteArray tokenSecret(QString *error) override;

private:
    // A connection with search_path = schema; createSchema: make it first (failing if it exists
    // when mustBeNew). Migrated with steps under the schema's advisory lock.
    std::unique_ptr<StoreConnection> openSchema(const QString &schema,
                                                const QList<MigrationStep> &steps, bool create,
                                                bool mustBeNew, QString *error);
    // The storage's own connection (health, existence checks, the secret); reconnects once.
    PostgresConnection *control(QString *error);

    QString m_url;
    PostgresTarget m_target;
    QString m_urlError;
    std::unique_ptr<PostgresConnection> m_control;
};

} // namespace TableTap
