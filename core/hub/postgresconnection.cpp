// One QPSQL connection confined to one schema.
#include "postgresconnection.h"

#include "hubdomainlogging.h"
#include "storageerror.h"

#include <QAtomicInteger>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlField>
#include <QSqlQuery>
#include <QUrl>
#include <QUrlQuery>

namespace TableTap {

static QAtomicInteger<quint64> s_pgConnectionCounter;

bool PostgresTarget::isPostgresUrl(const QString &url)
{
    return url.startsWith(u"postgresql://", Qt::CaseInsensitive)
           || url.startsWith(u"postgres://", Qt::CaseInsensitive);
}

bool PostgresTarget::parse(const QString &url, PostgresTarget *target, QString *error)
{
    const auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    if (!isPostgresUrl(url))
        return fail(QStringLiteral("a PostgreSQL database is postgresql://USER[:PASSWORD]@HOST"
                                   "[:PORT]/DBNAME, not %1")
                        .arg(url));
    const QUrl u(url, QUrl::StrictMode);
    if (!u.isValid())
        return fail(QStringLiteral("invalid database URL: %1").arg(u.errorString()));
    if (u.hasQuery() || u.hasFragment())
        return fail(QStringLiteral("database URL options (?%1) are not supported; give "
                                   "postgresql://USER[:PASSWORD]@HOST[:PORT]/DBNAME")
                        .arg(u.query()));
    PostgresTarget t;
    t.host = u.host();
    t.port = u.port(5432);
    t.user = u.userName();
    t.password = u.password();
    t.database = u.path().mid(1);
    if (t.host.isEmpty())
        return fail(QStringLiteral("the database URL names no host"));
    if (t.user.isEmpty())
        return fail(QStringLiteral("the database URL names no user"));
    if (t.database.isEmpty() || t.database.contains(u'/'))
        return fail(QStringLiteral("the database URL names no database (…/DBNAME)"));
    if (t.port <= 0 || t.port > 65535)
        return fail(QStringLiteral("the database URL's port is out of range"));
    *target = t;
    return true;
}

QString PostgresTarget::display() const
{
    return QStringLiteral("postgresql://%1@%2:%3/%4").arg(user, host).arg(port).arg(database);
}

PostgresConnection::PostgresConnection()
    : m_connectionName(QStringLiteral("tabletap-pg-%1").arg(++s_pgConnectionCounter))
{}

PostgresConnection::~PostgresConnection()
{
    close();
}

QString PostgresConnection::quoteIdentifier(const QString &name)
{
    QString quoted = name;
    quoted.replace(u'"', QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

bool PostgresConnection::open(const PostgresTarget &target, const QString &schema, QString *error)
{
    close();
    m_schema = schema;
    m_display = target.display();
    m_target = target;
    m_broken = false;
    m_prepared.clear(); // a new session has none of the old one's prepared statements
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_connectionName);
        if (!db.isValid()) {
            if (error)
                *error = QStringLiteral("the Qt PostgreSQL driver (QPSQL, Debian package "
                                        "libqt6sql6-psql) is not installed");
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(m_connectionName);
            return false;
        }
        db.setHostName(target.host);
        db.setPort(target.port);
        db.setUserName(target.user);
        db.setPassword(target.password);
        db.setDatabaseName(target.database);
        db.setConnectOptions(QStringLiteral("connect_timeout=%1").arg(kConnectTimeoutSeconds));
        // SUM() of BIGINT is NUMERIC in PostgreSQL: read it as a 64-bit integer, as SQLite gives.
        db.setNumericalPrecisionPolicy(QSql::LowPrecisionInt64);
        if (!db.open()) {
            if (error)
                *error = QStringLiteral("cannot connect to %1: %2")
                             .arg(m_display, db.lastError().text().simplified());
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(m_connectionName);
            return false;
        }
    }
    try {
        run(QStringLiteral("SET client_min_messages = warning"));
        run(QStringLiteral("SET search_path TO ") + quoteIdentifier(schema));
        run(QStringLiteral("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL "
                           "SERIALIZABLE"));
        // Commit before ack means on disk (the server's default; a server set otherwise does
        // not get to decide for us).
        run(QStringLiteral("SET synchronous_commit = on"));
        setBusyTimeout(kToolBusyTimeoutMs);
    } catch (const StorageError &e) {
        if (error)
            *error = e.message();
        close();
        return false;
    }
    return true;
}

void PostgresConnection::ensureStateTable()
{
    run(QStringLiteral("CREATE TABLE IF NOT EXISTS tabletap_state (id INTEGER PRIMARY KEY "
                       "CHECK (id = 1), schema_version BIGINT NOT NULL, "
                       "data_version BIGINT NOT NULL)"));
    // Only when missing: a write to the row would collide with the nodes already serving.
    if (!run(QStringLiteral("SELECT 1 FROM tabletap_state WHERE id = 1")).next())
        run(QStringLiteral("INSERT INTO tabletap_state(id, schema_version, data_version) "
                           "VALUES (1, 0, 0) ON CONFLICT (id) DO NOTHING"));
}

void PostgresConnection::setBusyTimeout(int ms)
{
    // lock_timeout 0 would mean "wait for ever"; SQLite's 0 means "do not wait".
    run(QStringLiteral("SET lock_timeout = %1").arg(qMax(1, ms)));
    m_busyTimeoutMs = ms;
}

void PostgresConnection::close()
{
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

bool PostgresConnection::isOpen() const
{
    return QSqlDatabase::contains(m_connectionName)
           && QSqlDatabase::database(m_connectionName, false).isOpen();
}

QString PostgresConnection::describe() const
{
    return QStringLiteral("%1 schema %2").arg(m_display, m_schema);
}

// The connection itself is gone (the server restarted, the backend was terminated, the network
// dropped): SQLSTATE class 08 or 57P, or a failure libpq reports without any.
static bool isConnectionLoss(const QString &state)
{
    return state.isEmpty() || state.startsWith(u"08") || state.startsWith(u"57P");
}

StorageError PostgresConnection::failure(const QString &what, const QSqlError &error,
                                         const QString &sql)
{
    const QString state = error.nativeErrorCode();
    // serialization_failure, deadlock_detected, lock_not_available (lock_timeout): another
    // transaction won; the same work may succeed when run again.
    bool retryable = state == u"40001" || state == u"40P01" || state == u"55P03";
    if (isConnectionLoss(state)) {
        // The next statement outside a transaction connects again. The transaction is gone
        // with the connection, so running the unit of work again is safe, except after COMMIT
        // was sent: whether it took is unknown, and that is not for a retry to guess.
        m_broken = true;
        m_inTransaction = false;
        m_pendingVersion = -1;
        retryable = !sql.startsWith(u"COMMIT");
    }
    return StorageError(
        QStringLiteral("%1: %2 [%3]%4")
            .arg(what, error.text().simplified(), sql.left(120),
                 state.isEmpty() ? QString() : QStringLiteral(" SQLSTATE ") + state),
        retryable ? StorageError::Kind::Retryable : StorageError::Kind::Fatal);
}

void PostgresConnection::reconnect()
{
    const int busyTimeoutMs = m_busyTimeoutMs;
    QString error;
    if (!open(m_target, m_schema, &error))
        throw StorageError(QStringLiteral("lost the connection to %1 and cannot connect again: %2")
                               .arg(describe(), error),
                           StorageError::Kind::Fatal);
    setBusyTimeout(busyTimeoutMs);
    ++m_reconnects;
    qCInfo(lcHubStore) << "connected again to" << describe();
}

static bool isWrite(const QString &sql)
{
    const QStringView head = QStringView(sql).trimmed().left(7);
    return head.startsWith(u"INSERT", Qt::CaseInsensitive)
           || head.startsWith(u"UPDATE", Qt::CaseInsensitive)
           || head.startsWith(u"DELETE", Qt::CaseInsensitive);
}

QSqlQuery PostgresConnection::exec(const QString &sql, const QVariantList &binds)
{
    if (m_inTransaction || !isWrite(sql))
        return run(sql, binds);
    // A write outside a transaction (the admin command line's single statements) is one of its
    // own, so it bumps data_version too and other nodes notice it.
    begin();
    try {
        QSqlQuery q = run(sql, binds);
        commit();
        return q;
    } catch (...) {
        rollback();
        throw;
    }
}

QSqlQuery PostgresConnection::run(const QString &sql, const QVariantList &binds)
{
    if (m_broken && !m_inTransaction)
        reconnect();
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.isOpen())
        throw StorageError(QStringLiteral("%1 is not open").arg(describe()));
    const QString call = preparedCall(db, sql, binds);
    QSqlQuery query(db);
    // Not forward-only: QPSQL would fetch such a result row by row and lose it as soon as the
    // next statement runs, and the desks run statements while they step through a result.
    query.setForwardOnly(false);
    // One round trip: the values go in as literals (inlineBinds), not through Qt's PREPARE,
    // EXECUTE and DEALLOCATE, three round trips for every statement; a statement this connection
    // prepared before is one EXECUTE with the values as literals (preparedCall).
    if (!query.exec(!call.isEmpty()   ? call
                    : binds.isEmpty() ? sql
                                      : inlineBinds(db.driver(), sql, binds)))
        throw failure(QStringLiteral("statement failed"), query.lastError(), sql);
    return query;
}

QString PostgresConnection::numberPlaceholders(const QString &sql, int *count)
{
    QString out;
    out.reserve(sql.size() + 16);
    int n = 0;
    QChar quote;
    for (qsizetype i = 0; i < sql.size(); ++i) {
        const QChar c = sql.at(i);
        if (!quote.isNull()) {
            out.append(c);
            if (c == quote)
                quote = QChar();
        } else if (c == u'\'' || c == u'"') {
            quote = c;
            out.append(c);
        } else if (c == u'-' && i + 1 < sql.size() && sql.at(i + 1) == u'-') {
            const qsizetype end = sql.indexOf(u'\n', i);
            const qsizetype stop = end < 0 ? sql.size() : end;
            out.append(QStringView(sql).mid(i, stop - i));
            i = stop - 1;
        } else if (c == u'?') {
            out.append(u'$' + QString::number(++n));
        } else if (c == u'$') {
            return {}; // already PostgreSQL's own placeholders or dollar quoting: leave it be
        } else {
            out.append(c);
        }
    }
    *count = n;
    return out;
}

QString PostgresConnection::preparedCall(QSqlDatabase &db, const QString &sql,
                                         const QVariantList &binds)
{
    auto it = m_prepared.constFind(sql);
    if (it == m_prepared.constEnd()) {
        const QStringView head = QStringView(sql).trimmed().left(7);
        const bool dml = head.startsWith(u"SELECT", Qt::CaseInsensitive)
                         || head.startsWith(u"INSERT", Qt::CaseInsensitive)
                         || head.startsWith(u"UPDATE", Qt::CaseInsensitive)
                         || head.startsWith(u"DELETE", Qt::CaseInsensitive);
        if (!dml || m_prepared.size() >= kMaxPrepared)
            return {};
        int count = 0;
        const QString numbered = numberPlaceholders(sql, &count);
        if (numbered.isEmpty() || count != binds.size())
            return {}; // the plain path reports a count that does not match
        const QString name = QStringLiteral("tt_s%1").arg(++m_preparedNames);
        // A PREPARE that fails inside a transaction would abort it: guard it with a savepoint.
        const auto plain = [&](const QString &text) {
            QSqlQuery q(db);
            if (!q.exec(text))
                throw failure(QStringLiteral("statement failed"), q.lastError(), text);
        };
        if (m_inTransaction)
            plain(QStringLiteral("SAVEPOINT tt_prepare"));
        QSqlQuery prepare(db);
        const bool ok
            = prepare.exec(QStringLiteral("PREPARE ") + name + QStringLiteral(" AS ") + numbered);
        if (!ok)
            qCDebug(lcHubStore) << "not prepared:" << prepare.lastError().text() << sql.left(120);
        if (m_inTransaction) {
            if (!ok)
                plain(QStringLiteral("ROLLBACK TO SAVEPOINT tt_prepare"));
            plain(QStringLiteral("RELEASE SAVEPOINT tt_prepare"));
        }
        it = m_prepared.insert(sql, ok ? name : QString());
    }
    if (it->isEmpty())
        return {};
    if (binds.isEmpty())
        return QStringLiteral("EXECUTE ") + *it;
    QString call = QStringLiteral("EXECUTE ") + *it + u'(';
    for (qsizetype i = 0; i < binds.size(); ++i)
        call += i ? QStringLiteral(", ?") : QStringLiteral("?");
    call += u')';
    return inlineBinds(db.driver(), call, binds);
}

QString PostgresConnection::inlineBinds(const QSqlDriver *driver, const QString &sql,
                                        const QVariantList &binds)
{
    // Each value becomes a quoted literal ('42', 'text', escaped by libpq) or NULL: a literal of
    // unknown type, which PostgreSQL types from where it stands exactly as it would a
    // parameter ($1). The desks bind flags as bool; the columns are integers, as in SQLite.
    const auto literal = [driver](const QVariant &v) -> QString {
        if (v.isNull())
            return QStringLiteral("NULL");
        switch (v.typeId()) {
        case QMetaType::Bool:
            return v.toBool() ? QStringLiteral("'1'") : QStringLiteral("'0'");
        case QMetaType::Int:
        case QMetaType::Long:
        case QMetaType::LongLong:
        case QMetaType::Short:
            return u'\'' + QString::number(v.toLongLong()) + u'\'';
        case QMetaType::UInt:
        case QMetaType::ULong:
        case QMetaType::ULongLong:
        case QMetaType::UShort:
            return u'\'' + QString::number(v.toULongLong()) + u'\'';
        case QMetaType::Double:
        case QMetaType::Float:
            return u'\'' + QString::number(v.toDouble(), 'g', 17) + u'\'';
        case QMetaType::QByteArray: {
            QSqlField f{QString(), QMetaType(QMetaType::QByteArray)};
            f.setValue(v);
            return driver->formatValue(f);
        }
        default: {
            const QString text = v.toString();
            // libpq takes the statement as a C string: a NUL would cut it short.
            if (text.contains(QChar(u'\0')))
                throw StorageError(QStringLiteral("a value holds a NUL character"));
            QSqlField f{QString(), QMetaType(QMetaType::QString)};
            f.setValue(text);
            return driver->formatValue(f);
        }
        }
    };
    QString out;
    out.reserve(sql.size() + 16 * binds.size());
    qsizetype next = 0;
    QChar quote; // inside '…' or "…" when set
    for (qsizetype i = 0; i < sql.size(); ++i) {
        const QChar c = sql.at(i);
        if (!quote.isNull()) {
            out.append(c);
            if (c == quote)
                quote = QChar(); // a doubled quote closes and opens again
        } else if (c == u'\'' || c == u'"') {
            quote = c;
            out.append(c);
        } else if (c == u'-' && i + 1 < sql.size() && sql.at(i + 1) == u'-') {
            const qsizetype end = sql.indexOf(u'\n', i);
            const qsizetype stop = end < 0 ? sql.size() : end;
            out.append(QStringView(sql).mid(i, stop - i));
            i = stop - 1;
        } else if (c == u'?') {
            if (next >= binds.size())
                throw StorageError(
                    QStringLiteral("more placeholders than values [%1]").arg(sql.left(120)));
            out.append(literal(binds.at(next++)));
        } else {
            out.append(c);
        }
    }
    if (next != binds.size())
        throw StorageError(QStringLiteral("%1 values for %2 placeholders [%3]")
                               .arg(binds.size())
                               .arg(next)
                               .arg(sql.left(120)));
    return out;
}

QVariant PostgresConnection::scalar(const QString &sql, const QVariantList &binds)
{
    QSqlQuery q = exec(sql, binds);
    if (!q.next())
        return {};
    return q.value(0);
}

void PostgresConnection::begin()
{
    run(QStringLiteral("BEGIN ISOLATION LEVEL SERIALIZABLE"));
    m_inTransaction = true;
    try {
        // Writers of this schema queue here, before the transaction's snapshot is taken (LOCK is
        // its first statement), so the one that waited sees what the other committed instead of
        // failing on it. Readers are not held up (SHARE ROW EXCLUSIVE leaves ACCESS SHARE be).
        run(QStringLiteral("LOCK TABLE tabletap_state IN SHARE ROW EXCLUSIVE MODE"));
        QSqlQuery q
            = run(QStringLiteral("UPDATE tabletap_state SET data_version = data_version + 1 "
                                 "RETURNING data_version"));
        if (!q.next())
            throw StorageError(QStringLiteral("%1 has no state row").arg(describe()));
        const qint64 version = q.value(0).toLongLong();
        // Anything between what we saw last and our own write was another connection's commit.
        if (m_lastSeenVersion >= 0 && version - 1 != m_lastSeenVersion)
            ++m_foreignChanges;
        m_pendingVersion = version;
    } catch (...) {
        rollback();
        throw;
    }
}

void PostgresConnection::commit()
{
    run(QStringLiteral("COMMIT"));
    m_inTransaction = false;
    if (m_pendingVersion >= 0)
        m_lastSeenVersion = m_pendingVersion;
    m_pendingVersion = -1;
}

void PostgresConnection::rollback() noexcept
{
    if (!m_inTransaction)
        return;
    m_inTransaction = false;
    m_pendingVersion = -1;
    try {
        run(QStringLiteral("ROLLBACK"));
    } catch (const StorageError &e) {
        qCWarning(lcHubStore) << "rollback:" << e.message();
    }
}

void PostgresConnection::savepoint(const QString &name)
{
    exec(QStringLiteral("SAVEPOINT ") + name);
}

void PostgresConnection::releaseSavepoint(const QString &name)
{
    exec(QStringLiteral("RELEASE SAVEPOINT ") + name);
}

void PostgresConnection::rollbackToSavepoint(const QString &name) noexcept
{
    try {
        exec(QStringLiteral("ROLLBACK TO SAVEPOINT ") + name);
        exec(QStringLiteral("RELEASE SAVEPOINT ") + name);
    } catch (const StorageError &e) {
        qCWarning(lcHubStore) << "rollback to savepoint:" << e.message();
    }
}

int PostgresConnection::schemaVersion()
{
    return scalar(QStringLiteral("SELECT schema_version FROM tabletap_state WHERE id = 1")).toInt();
}

void PostgresConnection::setSchemaVersion(int version)
{
    run(QStringLiteral("UPDATE tabletap_state SET schema_version = %1 WHERE id = 1").arg(version));
}

qint64 PostgresConnection::dataVersion()
{
    const qint64 version
        = scalar(QStringLiteral("SELECT data_version FROM tabletap_state WHERE id = 1"))
              .toLongLong();
    if (m_inTransaction)
        return m_foreignChanges; // our own uncommitted bump; looked at again after the commit
    if (version != m_lastSeenVersion) {
        // Our own commits set m_lastSeenVersion, so a difference is someone else's.
        if (m_lastSeenVersion >= 0)
            ++m_foreignChanges;
        m_lastSeenVersion = version;
    }
    return m_foreignChanges;
}

QString PostgresConnection::probe()
{
    try {
        if (!scalar(QStringLiteral("SELECT 1 FROM tabletap_state WHERE id = 1")).isValid())
            return QStringLiteral("%1 has lost its state row").arg(describe());
    } catch (const StorageError &e) {
        return e.message();
    }
    return {};
}

void PostgresConnection::advisoryLock(const QString &name)
{
    run(QStringLiteral("SELECT pg_advisory_lock(hashtextextended(?, 0))"),
        {QVariant(QStringLiteral("tabletap:") + name)});
}

void PostgresConnection::advisoryUnlock(const QString &name) noexcept
{
    try {
        run(QStringLiteral("SELECT pg_advisory_unlock(hashtextextended(?, 0))"),
            {QVariant(QStringLiteral("tabletap:") + name)});
    } catch (const StorageError &e) {
        qCWarning(lcHubStore) << "advisory unlock:" << e.message();
    }
}

} // namespace TableTap
