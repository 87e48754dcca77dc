// One QSQLITE connection with the hub's durability settings: WAL journal, synchronous=FULL,
// foreign keys on, a busy timeout so the admin CLI can write while the hub runs.
// Query helpers throw StorageError, so a failed statement can never be silently ignored.
#pragma once

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

namespace TableTap {

class SqliteConnection final
{
public:
    SqliteConnection();
    ~SqliteConnection();
    SqliteConnection(const SqliteConnection &) = delete;
    SqliteConnection &operator=(const SqliteConnection &) = delete;

    // Opens (creating if needed) the file and applies the pragmas. False with a message on error.
    bool open(const QString &path, QString *error);
    void close();
    bool isOpen() const;
    QString path() const { return m_path; }

    // Runs one statement with positional bindings; throws StorageError on failure.
    QSqlQuery exec(const QString &sql, const QVariantList &binds = {});
    // The first column of the first row, or an invalid QVariant when there is no row.
    QVariant scalar(const QString &sql, const QVariantList &binds = {});

    // BEGIN IMMEDIATE: takes the write lock up front so a transaction never fails half-way
    // for lack of it.
    void begin();
    void commit();
    void rollback(); // never throws
    bool inTransaction() const { return m_inTransaction; }
    void savepoint(const QString &name);
    void releaseSavepoint(const QString &name);
    void rollbackToSavepoint(const QString &name); // never throws

    int userVersion();
    void setUserVersion(int version);

private:
    QString m_connectionName;
    QString m_path;
    bool m_inTransaction = false;
};

} // namespace TableTap
