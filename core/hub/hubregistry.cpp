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

bool HubRegistry::isValidCafeId(const QString &id)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9_-]{1,64}$"));
    return re.match(id).hasMatch();
}

} // namespace TableTap
