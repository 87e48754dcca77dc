// The hub's registry (<data>/hub.db): which cafes this hub serves, and which cafe each user id
// belongs to. Each cafe's own data lives in <data>/cafes/<id>.db, so cafes are isolated by
// construction: no query of one cafe can ever read another's rows.
#pragma once

#include "sqliteconnection.h"

#include <QList>
#include <QString>

#include <optional>

namespace TableTap {

class HubRegistry final
{
public:
    struct Cafe
    {
        QString id, name;
        qint64 createdAt = 0;
    };

    explicit HubRegistry(QString dataDir);

    bool open(QString *error); // creates the folder and hub.db as needed, migrates
    void close();
    QString dataDir() const { return m_dataDir; }
    QString registryPath() const;
    QString cafeDatabasePath(const QString &cafeId) const;

    QList<Cafe> cafes();
    std::optional<Cafe> cafe(const QString &id);
    void addCafe(const Cafe &cafe); // throws StorageError
    // Records that userId belongs to cafeId. False when it already belongs to another cafe.
    bool claimUser(const QString &userId, const QString &cafeId);
    QString cafeOfUser(const QString &userId);

    // Cafe ids are file names too: 1 to 64 of A-Z a-z 0-9 _ - (a uuid fits).
    static bool isValidCafeId(const QString &id);
    SqliteConnection &connection() { return m_db; }

private:
    QString m_dataDir;
    SqliteConnection m_db;
};

} // namespace TableTap
