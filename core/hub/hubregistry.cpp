// The hub's registry of cafes.
#include "hubregistry.h"

#include "storagebackend.h"
#include "storageerror.h"

#include <QRegularExpression>
#include <QSqlQuery>

namespace TableTap {

bool HubRegistry::open(StorageBackend &storage, QString *error)
{
    m_db = storage.registry(error);
    return m_db != nullptr;
}

void HubRegistry::close()
{
    m_db.reset();
}

StoreConnection &HubRegistry::connection()
{
    if (!m_db)
        throw StorageError(QStringLiteral("the registry is not open"));
    return *m_db;
}

QList<HubRegistry::Cafe> HubRegistry::cafes()
{
    QList<Cafe> all;
    QSqlQuery q
        = connection().exec(QStringLiteral("SELECT id, name, created_at FROM cafes ORDER BY id"));
    while (q.next())
        all.append(Cafe{q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong()});
    return all;
}

std::optional<HubRegistry::Cafe> HubRegistry::cafe(const QString &id)
{
    QSqlQuery q = connection().exec(
        QStringLiteral("SELECT id, name, created_at FROM cafes WHERE id = ?"), {id});
    if (!q.next())
        return std::nullopt;
    return Cafe{q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong()};
}

void HubRegistry::addCafe(const Cafe &cafe)
{
    connection().exec(QStringLiteral("INSERT INTO cafes(id, name, created_at) VALUES (?, ?, ?)"),
                      {cafe.id, cafe.name, cafe.createdAt});
}

bool HubRegistry::claimUser(const QString &userId, const QString &cafeId)
{
    const QString owner = cafeOfUser(userId);
    if (!owner.isEmpty())
        return owner == cafeId;
    connection().exec(QStringLiteral("INSERT INTO user_owners(user_id, cafe_id) VALUES (?, ?)"),
                      {userId, cafeId});
    return true;
}

QString HubRegistry::cafeOfUser(const QString &userId)
{
    return connection()
        .scalar(QStringLiteral("SELECT cafe_id FROM user_owners WHERE user_id = ?"), {userId})
        .toString();
}

bool HubRegistry::grantChainOwner(const ChainOwner &owner)
{
    if (isChainOwner(owner.cafeId, owner.staffId))
        return false;
    connection().exec(QStringLiteral("INSERT INTO chain_owners(cafe_id, staff_id, code, name, "
                                     "granted_at) VALUES (?, ?, ?, ?, ?)"),
                      {owner.cafeId, owner.staffId, owner.code, owner.name, owner.grantedAt});
    return true;
}

bool HubRegistry::revokeChainOwner(const QString &cafeId, const QString &staffId)
{
    if (!isChainOwner(cafeId, staffId))
        return false;
    connection().exec(QStringLiteral("DELETE FROM chain_owners WHERE cafe_id = ? AND staff_id = ?"),
                      {cafeId, staffId});
    return true;
}

QList<HubRegistry::ChainOwner> HubRegistry::chainOwners()
{
    QList<ChainOwner> all;
    QSqlQuery q
        = connection().exec(QStringLiteral("SELECT cafe_id, staff_id, code, name, granted_at FROM "
                                           "chain_owners ORDER BY cafe_id, code"));
    while (q.next())
        all.append(ChainOwner{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                              q.value(3).toString(), q.value(4).toLongLong()});
    return all;
}

bool HubRegistry::isChainOwner(const QString &cafeId, const QString &staffId)
{
    return connection()
               .scalar(QStringLiteral("SELECT COUNT(*) FROM chain_owners WHERE cafe_id = ? AND "
                                      "staff_id = ?"),
                       {cafeId, staffId})
               .toLongLong()
           > 0;
}

bool HubRegistry::isValidCafeId(const QString &id)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9_-]{1,64}$"));
    return re.match(id).hasMatch();
}

} // namespace TableTap
