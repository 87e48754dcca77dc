// The hub's room policy.
#include "hubrooms.h"

#include <QStringList>

namespace TableTap::HubRooms {

QStringList forConnection(const HubActor &actor, const QString &nsp)
{
    QStringList rooms{cafe(actor.cafeId), role(actor.cafeId, actor.role), user(actor.userId)};
    if (nsp == Contract::path(Contract::Namespace::Orders))
        rooms.append(orders(actor.cafeId));
    return rooms;
}

} // namespace TableTap::HubRooms
