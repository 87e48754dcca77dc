// One QSQLITE connection with the hub's durability settings.
#include "sqliteconnection.h"

#include "hubdomainlogging.h"
#include "storageerror.h"

#include <QAtomicInteger>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

namespace TableTap {

static QAtomicInteger<quint64> s_connectionCounter;

SqliteConnection::SqliteConnection()
    : m_connectionName(QStringLiteral("tabletap-hub-%1").arg(++s_connectionCounter))
{}

SqliteConnection::~SqliteConnection()
{
    close();
}

bool SqliteConnection::open(const QString &path, QString *error)
{
    close();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
        db.setDatabaseName(path);
        // The driver's own busy handler; PRAGMA busy_timeout below covers the same for statements.
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(kToolBusyTimeoutMs));
        if (!db.open()) {
            if (error)
                *error = db.lastError().text();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(m_connectionName);
            return false;
        }
    }
    m_path = path;
    try {
        setBusyTimeout(kToolBusyTimeoutMs);
        const QString mode = scalar(QStringLiteral("PRAGMA journal_mode = WAL")).toString();
        if (mode.compare(u"wal", Qt::CaseInsensitive) != 0)
            throw StorageError(QStringLiteral("cannot switch %1 to WAL (got %2)").arg(path, mode));
        // FULL: each commit is fsynced before we acknowledge it, so an acked command survives
        // a power cut, not only a crash of the process.
        exec(QStringLiteral("PRAGMA synchronous = FULL"));
        exec(QStringLiteral("PRAGMA foreign_keys = ON"));
        if (scalar(QStringLiteral("PRAGMA foreign_keys")).toInt() != 1)
            throw StorageError(QStringLiteral("foreign keys unavailable"));
    } catch (const StorageError &e) {
        if (error)
            *error = e.message();
        close();
        return false;
    }
    return true;
}

void SqliteConnection::setBusyTimeout(int ms)
{
    // The same handler the driver's QSQLITE_BUSY_TIMEOUT installs: the last setting wins.
    exec(QStringLiteral("PRAGMA busy_timeout = %1").arg(qMax(0, ms)));
}

void SqliteConnection::close()
{
    dropPrepared();
    if (!QSqlDatabase::contains(m_connectionName))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
    m_inTransaction = false;
}

bool SqliteConnection::isOpen() const
{
    return QSqlDatabase::contains(m_connectionName)
           && QSqlDatabase::database(m_connectionName, false).isOpen();
}

QSqlQuery SqliteConnection::takePrepared(const QString &sql)
{
    const auto it = m_idle.find(sql);
    if (it != m_idle.end() && !it->isEmpty()) {
        --m_idleCount;
        return it->takeLast();
    }
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        throw StorageError(
            QStringLiteral("prepare failed: %1 [%2]").arg(query.lastError().text(), sql.left(120)));
    return query;
}

void SqliteConnection::reclaimPrepared()
{
    for (auto &[sql, query] : m_lent) {
        if (m_idleCount >= kMaxPreparedStatements)
            break;
        query.finish(); // sqlite3_reset: the statement stays prepared, its read ends
        m_idle[sql].append(std::move(query));
        ++m_idleCount;
    }
    m_lent.clear();
}

void SqliteConnection::dropPrepared()
{
    m_lent.clear();
    m_idle.clear();
    m_idleCount = 0;
}

QSqlQuery SqliteConnection::exec(const QString &sql, const QVariantList &binds)
{
    // Outside a transaction every statement is its own (the admin command line, reads between
    // batches): prepared afresh and finalized when the caller drops it, as nothing would reset
    // a kept one before the next write.
    QSqlQuery query = m_inTransaction ? takePrepared(sql)
                                      : QSqlQuery(QSqlDatabase::database(m_connectionName, false));
    if (!m_inTransaction) {
        query.setForwardOnly(true);
        if (!query.prepare(sql))
            throw StorageError(QStringLiteral("prepare failed: %1 [%2]")
                                   .arg(query.lastError().text(), sql.left(120)));
    }
    for (const QVariant &v : binds)
        query.addBindValue(v);
    if (!query.exec())
        throw StorageError(QStringLiteral("statement failed: %1 [%2]")
                               .arg(query.lastError().text(), sql.left(120)));
    if (m_inTransaction && m_lent.size() < kMaxPreparedStatements)
        m_lent.append({sql, query});
    return query;
}

QVariant SqliteConnection::scalar(const QString &sql, const QVariantList &binds)
{
    QSqlQuery q = exec(sql, binds);
    if (!q.next())
        return {};
    return q.value(0);
}

void SqliteConnection::begin()
{
    exec(QStringLiteral("BEGIN IMMEDIATE"));
    m_inTransaction = true;
}

void SqliteConnection::commit()
{
    reclaimPrepared();
    exec(QStringLiteral("COMMIT"));
    m_inTransaction = false;
    reclaimPrepared();
}

void SqliteConnection::rollback() noexcept
{
    if (!m_inTransaction)
        return;
    reclaimPrepared();
    m_inTransaction = false;
    try {
        exec(QStringLiteral("ROLLBACK"));
    } catch (const StorageError &e) {
        // SQLite may already have rolled back on its own (e.g. after SQLITE_FULL).
        qCWarning(lcHubStore) << "rollback:" << e.message();
    }
}

void SqliteConnection::savepoint(const QString &name)
{
    reclaimPrepared();
    exec(QStringLiteral("SAVEPOINT ") + name);
}

void SqliteConnection::releaseSavepoint(const QString &name)
{
    reclaimPrepared();
    exec(QStringLiteral("RELEASE SAVEPOINT ") + name);
}

void SqliteConnection::rollbackToSavepoint(const QString &name) noexcept
{
    reclaimPrepared();
    try {
        exec(QStringLiteral("ROLLBACK TO SAVEPOINT ") + name);
        exec(QStringLiteral("RELEASE SAVEPOINT ") + name);
    } catch (const StorageError &e) {
        qCWarning(lcHubStore) << "rollback to savepoint:" << e.message();
    }
}

int SqliteConnection::schemaVersion()
{
    return scalar(QStringLiteral("PRAGMA user_version")).toInt();
}

void SqliteConnection::setSchemaVersion(int version)
{
    exec(QStringLiteral("PRAGMA user_version = %1").arg(version));
}

qint64 SqliteConnection::dataVersion()
{
    return scalar(QStringLiteral("PRAGMA data_version")).toLongLong();
}

QString SqliteConnection::probe()
{
    try {
        scalar(QStringLiteral("PRAGMA schema_version"));
    } catch (const StorageError &e) {
        return e.message();
    }
    if (!QFileInfo::exists(m_path))
        return QStringLiteral("%1 is gone").arg(m_path);
    return {};
}

} // namespace TableTap
