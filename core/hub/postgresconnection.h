// One QPSQL connection to a PostgreSQL database, confined to one schema (the registry's or one
// cafe's) by its search_path, so the desks' unqualified SQL reaches that schema's tables only.
// Transactions are SERIALIZABLE and begin by locking the schema's one-row state table
// (tabletap_state) before their snapshot is taken, then bumping its data_version, so the write
// transactions of every node on the same cafe queue up behind each other and each sees what the
// one before committed. What still fails — a wait for that lock past the busy timeout (SQLSTATE
// 55P03), a serialization failure (40001), a deadlock (40P01) — is thrown as
// StorageError::Kind::Retryable, and the caller runs the whole unit of work again. The same
// counter is dataVersion().
#pragma once

#include "storageerror.h"
#include "storeconnection.h"

#include <QHash>

#include <QSqlDatabase>

class QSqlDriver;
class QSqlError;

namespace TableTap {

// Where a PostgreSQL database is: parsed from postgresql://USER[:PASSWORD]@HOST[:PORT]/DBNAME.
struct PostgresTarget
{
    QString host;
    int port = 5432;
    QString user;
    QString password;
    QString database;

    // Also postgres://. Query parameters (?sslmode=...) are refused. False with a message.
    static bool parse(const QString &url, PostgresTarget *target, QString *error);
    static bool isPostgresUrl(const QString &url);
    // The URL without the password, for messages.
    QString display() const;
};

class PostgresConnection final : public StoreConnection
{
public:
    static constexpr int kToolBusyTimeoutMs = 5000;
    static constexpr int kConnectTimeoutSeconds = 5;

    PostgresConnection();
    ~PostgresConnection() override;
    PostgresConnection(const PostgresConnection &) = delete;
    PostgresConnection &operator=(const PostgresConnection &) = delete;

    // Connects with search_path = schema (which need not exist yet). False with a message.
    bool open(const PostgresTarget &target, const QString &schema, QString *error);
    // Creates the schema's state table (schema and data version) if missing; call under the
    // schema's advisory lock (PostgresStorage).
    void ensureStateTable();

    void setBusyTimeout(int ms) override;
    void close() override;
    bool isOpen() const override;
    QString describe() const override;
    QString insertionOrder() const override { return QStringLiteral("ctid"); }
    QString schema() const { return m_schema; }

    // A write outside a transaction (INSERT, UPDATE, DELETE) runs in one of its own (begin() ..
    // commit()), so it is serialised and counted in data_version like any other.
    QSqlQuery exec(const QString &sql, const QVariantList &binds = {}) override;
    QVariant scalar(const QString &sql, const QVariantList &binds = {}) override;

    // BEGIN ISOLATION LEVEL SERIALIZABLE, LOCK TABLE tabletap_state (writers of this schema
    // one at a time), then its data_version + 1.
    void begin() override;
    void commit() override;
    void rollback() noexcept override;
    bool inTransaction() const override { return m_inTransaction; }
    void savepoint(const QString &name) override;
    void releaseSavepoint(const QString &name) override;
    void rollbackToSavepoint(const QString &name) noexcept override;

    int schemaVersion() override;
    void setSchemaVersion(int version) override;
    // Counts the commits of other connections seen so far (ours do not change it).
    qint64 dataVersion() override;
    // SELECT 1 FROM the state table: the server answers and the schema is still there.
    QString probe() override;

    // pg_advisory_lock / unlock on a key derived from name (session level). Throws StorageError.
    void advisoryLock(const QString &name);
    void advisoryUnlock(const QString &name) noexcept;

    // "cafe_x" quoted for SQL.
    static QString quoteIdentifier(const QString &name);
    // sql with each ? (outside quotes and comments) replaced by its value as a literal. Throws
    // StorageError when the counts differ.
    static QString inlineBinds(const QSqlDriver *driver, const QString &sql,
                               const QVariantList &binds);

    // Times the connection was made again after it was lost (see run()).
    int reconnects() const { return m_reconnects; }

private:
    // exec without wrapping a lone write in its own transaction. After the connection was lost
    // (the failure was Retryable, or Fatal at COMMIT), the next statement outside a transaction
    // connects again first.
    QSqlQuery run(const QString &sql, const QVariantList &binds = {});
    StorageError failure(const QString &what, const QSqlError &error, const QString &sql);
    void reconnect();
    // A SELECT, INSERT, UPDATE or DELETE is prepared on the server the first time this
    // connection runs its text (PREPARE, with ? as $1, $2, ...) and from then on sent as
    // EXECUTE name('literal', ...): still one round trip, and PostgreSQL no longer parses and
    // plans the same statement for every command. Empty: run the text itself (not such a
    // statement, or PostgreSQL could not prepare it, e.g. a parameter of no inferable type).
    QString preparedCall(QSqlDatabase &db, const QString &sql, const QVariantList &binds);
    // sql with each ? outside quotes and comments numbered $1, $2, ...; count gets how many.
    static QString numberPlaceholders(const QString &sql, int *count);

    QString m_connectionName;
    QString m_schema;
    QString m_display;
    PostgresTarget m_target;
    bool m_broken = false;
    int m_busyTimeoutMs = kToolBusyTimeoutMs;
    int m_reconnects = 0;
    bool m_inTransaction = false;
    qint64 m_lastSeenVersion = -1; // the state row's data_version when we last looked or wrote
    qint64 m_pendingVersion = -1;  // written by the open transaction
    qint64 m_foreignChanges = 0;
    QHash<QString, QString> m_prepared; // statement text -> its prepared name ("" = never)
    int m_preparedNames = 0;
    static constexpr int kMaxPrepared = 256;
};

} // namespace TableTap
