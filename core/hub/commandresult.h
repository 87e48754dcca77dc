// What a command gives back: the ack object ({"ok":true,"data":...} or {"ok":false,"error":...}),
// the events to emit (already durable), and a room the caller's socket joins or leaves
// (join_counter / leave_counter).
#pragma once

#include "commanderror.h"
#include "contract.h"
#include "hubevent.h"

#include <QJsonObject>

namespace TableTap {

struct CommandResult
{
    QJsonObject ack;
    HubEventList events;
    QString joinRoom;
    QString leaveRoom;
    bool replayed = false; // answered from a stored request_id result; no events

    bool ok() const { return ack.value(Contract::Keys::Ok).toBool(); }
    QJsonObject data() const { return ack.value(Contract::Keys::Data).toObject(); }
    QJsonObject error() const { return ack.value(Contract::Keys::Error).toObject(); }
    QString errorType() const { return error().value(Contract::Keys::Type).toString(); }

    static CommandResult success(const QJsonObject &data);
    static CommandResult failure(const CommandError &error);
};

} // namespace TableTap
