// The hub's store in a PostgreSQL database: one schema for the registry, one per cafe.
#include "postgresstorage.h"

#include "hubdomainlogging.h"
#include "hubschema.h"
#include "storageerror.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

namespace TableTap {

namespace {
constexpr int kSecretBytes = 32;
// PostgreSQL's NAMEDATALEN - 1.
constexpr int kMaxIdentifierBytes = 63;

QString registrySchema()
{
    return QString::fromLatin1(PostgresStorage::kRegistrySchema);
}
} // namespace

PostgresStorage::PostgresStorage(const QString &url)
    : m_url(url)
{
    if (!PostgresTarget::parse(url, &m_target, &m_urlError) && m_urlError.isEmpty())
        m_urlError = QStringLiteral("invalid database URL");
}

PostgresStorage::~PostgresStorage() = default;

QString PostgresStorage::schemaFor(const QString &cafeId)
{
    const QString plain = QStringLiteral("cafe_") + cafeId;
    if (plain.size() <= kMaxIdentifierBytes) // cafe ids are ASCII: one byte a character
        return plain;
    const QByteArray hash
        = QCryptographicHash::hash(cafeId.toUtf8(), QCryptographicHash::Sha256).toHex().left(16);
    return QStringLiteral("cafe_") + cafeId.left(40) + u'_' + QString::fromLatin1(hash);
}

QString PostgresStorage::location() const
{
    return m_urlError.isEmpty() ? m_target.display() : m_url.section(u'@', -1);
}

PostgresConnection *PostgresStorage::control(QString *error)
{
    if (!m_urlError.isEmpty()) {
        if (error)
            *error = m_urlError;
        return nullptr;
    }
    if (m_control && m_control->isOpen() && m_control->probe().isEmpty())
        return m_control.get();
    auto db = std::make_unique<PostgresConnection>();
    if (!db->open(m_target, registrySchema(), error)) {
        m_control.reset();
        return nullptr;
    }
    m_control = std::move(db);
    return m_control.get();
}

std::unique_ptr<StoreConnection> PostgresStorage::openSchema(const QString &schema,
                                                             const QList<MigrationStep> &steps,
                                                             bool create, bool mustBeNew,
                                                             QString *error)
{
    if (!m_urlError.isEmpty()) {
        if (error)
            *error = m_urlError;
        return nullptr;
    }
    auto db = std::make_unique<PostgresConnection>();
    if (!db->open(m_target, schema, error))
        return nullptr;
    bool locked = false;
    try {
        // One node migrates a schema at a time; the others find it done.
        db->advisoryLock(schema);
        locked = true;
        const bool exists = db->scalar(QStringLiteral("SELECT 1 FROM pg_namespace WHERE "
                                                      "nspname = ?"),
                                       {schema})
                                .isValid();
        if (exists && mustBeNew) {
            db->advisoryUnlock(schema);
            if (error)
                *error = QStringLiteral("schema %1 already exists in %2")
                             .arg(schema, m_target.display());
            return nullptr;
        }
        if (!exists && !create) {
            db->advisoryUnlock(schema);
            if (error)
                *error = QStringLiteral("schema %1 does not exist in %2")
                             .arg(schema, m_target.display());
            return nullptr;
        }
        if (!exists)
            db->exec(QStringLiteral("CREATE SCHEMA ")
                     + PostgresConnection::quoteIdentifier(schema));
        db->ensureStateTable();
        if (schema == registrySchema())
            db->exec(QStringLiteral("CREATE TABLE IF NOT EXISTS hub_secret (id INTEGER PRIMARY "
                                    "KEY CHECK (id = 1), secret TEXT NOT NULL)"));
        const bool migrated = SchemaMigrator::migrate(*db, HubSchema::forPostgres(steps), error);
        db->advisoryUnlock(schema);
        if (!migrated)
            return nullptr;
    } catch (const StorageError &e) {
        if (locked)
            db->advisoryUnlock(schema);
        if (error)
            *error = e.message();
        return nullptr;
    }
    return db;
}

bool PostgresStorage::open(QString *error)
{
    return openSchema(registrySchema(), HubSchema::registrySteps(), true, false, error) != nullptr;
}

std::unique_ptr<StoreConnection> PostgresStorage::registry(QString *error)
{
    return openSchema(registrySchema(), HubSchema::registrySteps(), true, false, error);
}

std::unique_ptr<StoreConnection> PostgresStorage::cafe(const QString &cafeId, QString *error)
{
    return openSchema(schemaFor(cafeId), HubSchema::cafeSteps(), false, false, error);
}

std::unique_ptr<StoreConnection> PostgresStorage::createCafe(const QString &cafeId, QString *error)
{
    return openSchema(schemaFor(cafeId), HubSchema::cafeSteps(), true, true, error);
}

void PostgresStorage::dropCafe(const QString &cafeId)
{
    QString error;
    PostgresConnection *db = control(&error);
    try {
        if (db)
            db->exec(QStringLiteral("DROP SCHEMA IF EXISTS ")
                     + PostgresConnection::quoteIdentifier(schemaFor(cafeId))
                     + QStringLiteral(" CASCADE"));
    } catch (const StorageError &e) {
        error = e.message();
    }
    if (!error.isEmpty())
        qCWarning(lcHubStore) << "cannot drop cafe" << cafeId << ":" << error;
}

bool PostgresStorage::cafeExists(const QString &cafeId)
{
    PostgresConnection *db = control(nullptr);
    if (!db)
        return false;
    try {
        return db
            ->scalar(QStringLiteral("SELECT 1 FROM pg_namespace WHERE nspname = ?"),
                     {schemaFor(cafeId)})
            .isValid();
    } catch (const StorageError &) {
        return false;
    }
}

StorageHealth PostgresStorage::health(qint64 minFreeBytes)
{
    Q_UNUSED(minFreeBytes) // the server's disk is the server's to watch
    StorageHealth h;
    QString error;
    PostgresConnection *db = control(&error);
    if (db) {
        try {
            if (db->scalar(QStringLiteral("SELECT 1")).toInt() != 1)
                error = QStringLiteral("SELECT 1 did not answer 1");
        } catch (const StorageError &e) {
            error = e.message();
        }
    }
    if (!error.isEmpty())
        h.problems.append(QStringLiteral("PostgreSQL %1: %2").arg(location(), error));
    return h;
}

AdminResult PostgresStorage::backup(const QString &target, const QString &cafeId, int *cafes)
{
    Q_UNUSED(target)
    Q_UNUSED(cafeId)
    if (cafes)
        *cafes = 0;
    return AdminResult::failure(
        AdminResult::Status::UsageError,
        QStringLiteral("the hub's data is in PostgreSQL (%1): back it up with pg_dump, e.g. "
                       "pg_dump -Fc -f hub.dump %2 (schemas tabletap_registry and cafe_*)")
            .arg(location(),
                 m_target.database.isEmpty() ? QStringLiteral("DBNAME") : m_target.database));
}

QByteArray PostgresStorage::tokenSecret(QString *error)
{
    // The registry schema and its secret table exist once open() ran (any node, any time).
    if (!open(error))
        return {};
    PostgresConnection *db = control(error);
    if (!db)
        return {};
    try {
        QByteArray fresh(kSecretBytes, Qt::Uninitialized);
        QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(fresh.data()),
                                              kSecretBytes / sizeof(quint32));
        // The first node's secret wins; every later one reads it.
        db->exec(QStringLiteral("INSERT INTO hub_secret(id, secret) VALUES (1, ?) "
                                "ON CONFLICT (id) DO NOTHING"),
                 {QString::fromLatin1(fresh.toHex())});
        const QByteArray secret = QByteArray::fromHex(
            db->scalar(QStringLiteral("SELECT secret FROM hub_secret WHERE id = 1"))
                .toString()
                .toLatin1());
        if (secret.size() < kSecretBytes) {
            if (error)
                *error = QStringLiteral("the token secret in %1 is not a %2-byte hex secret")
                             .arg(location())
                             .arg(kSecretBytes);
            return {};
        }
        return secret;
    } catch (const StorageError &e) {
        if (error)
            *error = e.message();
        return {};
    }
}

} // namespace TableTap
