// EventBroadcaster: the domain's events to their rooms, inside their cafe.
#include "eventbroadcaster.h"

#include "hubserverlogging.h"
#include "siobroadcast.h"
#include "sionamespace.h"
#include "sioserver.h"
#include "sioserversocket.h"

namespace TableTap {

EventBroadcaster::EventBroadcaster(QObject *parent)
    : QObject(parent)
{}

void EventBroadcaster::broadcast(const HubEventList &events)
{
    if (!m_io || events.isEmpty())
        return;
    for (const HubEvent &e : events) {
        if (!m_io)
            return; // stopped by a slot connected to one of our signals
        SioNamespace *nsp = m_io->findNamespace(e.nsp);
        if (!nsp || e.rooms.isEmpty())
            continue;
        SioBroadcast target = nsp->to(e.rooms);
        if (!e.exceptRooms.isEmpty())
            target = target.except(e.exceptRooms);
        // The second fence: whatever the rooms say, only sockets of the event's cafe get it.
        // Anyone else is left out through the room named by its socket id.
        if (!e.cafeRoom.isEmpty()) {
            QStringList strangers;
            for (SioServerSocket *s : target.sockets()) {
                if (!s->isInRoom(e.cafeRoom))
                    strangers.append(s->id());
            }
            if (!strangers.isEmpty()) {
                qCWarning(lcHubWiring) << e.name << "kept from" << strangers.size()
                                       << "socket(s) outside" << e.cafeRoom;
                target = target.except(strangers);
            }
        }
        target.emitEvent(e.name, {e.envelope});
        ++m_hubEvents;
    }
    Q_EMIT broadcasted(events);
}

} // namespace TableTap
