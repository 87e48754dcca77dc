// The hub's registry: which cafes this hub serves, which cafe each user id belongs to, and who
// owns the chain (admins granted the overview of every cafe). Each
// cafe's own data lives in its own store (StorageBackend::cafe), so cafes are isolated by
// construction: no query of one cafe can ever read another's rows.
#pragma once

#include "storeconnection.h"

#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace TableTap {

class StorageBackend;

class HubRegistry final
{
public:
    struct Cafe
    {
        QString id, name;
        qint64 createdAt = 0;
    };

    HubRegistry() = default;

    // Takes the registry's connection from the backend (opened and migrated by it).
    bool open(StorageBackend &storage, QString *error);
    void close();

    QList<Cafe> cafes();
    std::optional<Cafe> cafe(const QString &id);
    void addCafe(const Cafe &cafe); // throws StorageError
    // Records that userId belongs to cafeId. False when it already belongs to another cafe.
    bool claimUser(const QString &userId, const QString &cafeId);
    QString cafeOfUser(const QString &userId);

    // Chain owners: an admin of one cafe (staffId there), granted by the hub's operator.
    struct ChainOwner
    {
        QString cafeId, staffId, code, name;
        qint64 grantedAt = 0;
    };
    // False when that person is one already. Throws StorageError.
    bool grantChainOwner(const ChainOwner &owner);
    // False when that person was none. Throws StorageError.
    bool revokeChainOwner(const QString &cafeId, const QString &staffId);
    QList<ChainOwner> chainOwners();
    bool isChainOwner(const QString &cafeId, const QString &staffId);

    // Cafe ids are file names too: 1 to 64 of A-Z a-z 0-9 _ - (a uuid fits).
    static bool isValidCafeId(const QString &id);
    // Throws StorageError while the registry is not open.
    StoreConnection &connection();

private:
    std::unique_ptr<StoreConnection> m_db;
};

} // namespace TableTap
