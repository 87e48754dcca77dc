// Sends the domain's events to their rooms on the running Socket.IO server, each encoded once
// for all its recipients, behind a second fence: whatever the rooms say, only sockets in the
// event's cafe room get it (HubEvent). Events that come while no server runs are dropped (the
// domain stored them; recovering clients and snapshots catch up).
#pragma once

#include "hubevent.h"

#include <QObject>

namespace TableTap {

class SioServer;

class EventBroadcaster final : public QObject
{
    Q_OBJECT
public:
    explicit EventBroadcaster(QObject *parent = nullptr);

    // The server to send through while running; null once it stops.
    void setServer(SioServer *io) { m_io = io; }
    void broadcast(const TableTap::HubEventList &events);

    quint64 hubEvents() const { return m_hubEvents; } // each event once, whatever its audience
    void resetCounters() { m_hubEvents = 0; }

Q_SIGNALS:
    // The events just sent, for logs and panels.
    void broadcasted(const TableTap::HubEventList &events);

private:
    SioServer *m_io = nullptr;
    quint64 m_hubEvents = 0;
};

} // namespace TableTap
