// One event the hub emits: the envelope {event, data, meta} and where it goes. The wiring
// layer sends `envelope` as the single argument of `name` in namespace `nsp` to the sockets in
// any of `rooms`, minus those in any of `exceptRooms`, and only to sockets that are also in
// `cafeRoom` (a second fence: no event can ever reach another cafe).
#pragma once

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace TableTap {

struct HubEvent
{
    qint64 sequence = 0; // per cafe, increasing, gap-free among stored events (events table)
    QString cafeId;
    QString nsp;  // Contract::path() of the event's namespace
    QString name; // Contract::name() of the event
    QJsonObject envelope;
    QStringList rooms;
    QStringList exceptRooms;
    QString cafeRoom;

    QString eventId() const;
    QJsonObject data() const;
};

using HubEventList = QList<HubEvent>;

} // namespace TableTap

Q_DECLARE_METATYPE(TableTap::HubEvent)
