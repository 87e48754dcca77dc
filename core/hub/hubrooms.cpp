// Room names of the contract.
#include "hubrooms.h"

#include <QStringList>

namespace TableTap::HubRooms {

QString cafe(const QString &cafeId)
{
    return QStringLiteral("cafe:") + cafeId;
}

QString orders(const QString &cafeId)
{
    return QStringLiteral("cafe:") + cafeId + QStringLiteral(":orders");
}

QString counter(const QString &cafeId, const QString &counter)
{
    return QStringLiteral("cafe:") + cafeId + QStringLiteral(":counter:") + counter;
}

QString role(const QString &cafeId, HubRole role)
{
    return QStringLiteral("cafe:") + cafeId + QStringLiteral(":role:") + HubActor::roleName(role);
}

QString user(const QString &userId)
{
    return QStringLiteral("user:") + userId;
}

QStringList forConnection(const HubActor &actor, const QString &nsp)
{
    QStringList rooms{cafe(actor.cafeId), role(actor.cafeId, actor.role), user(actor.userId)};
    if (nsp == u"/orders")
        rooms.append(orders(actor.cafeId));
    return rooms;
}

} // namespace TableTap::HubRooms
