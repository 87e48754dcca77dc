// What an emit-with-ack callback receives: the server's ack arguments, or an error
// ("operation has timed out", "socket has been disconnected") as socket.io-client reports it.
#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QList>
#include <QString>

namespace TableTap {

struct SioAckResult
{
    QString error;
    QJsonArray args;
    QList<QByteArray> attachments;

    bool ok() const { return error.isEmpty(); }
};

} // namespace TableTap
