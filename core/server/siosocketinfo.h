// A socket as fetchSockets() reports it, from this node or another (socket.io's RemoteSocket
// without its methods): what a cluster adapter can carry between nodes.
#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace TableTap {

struct SioSocketInfo
{
    QString id;
    // socket.io's fields: headers, time, address, xdomain, secure, issued, url, query, auth.
    QJsonObject handshake;
    QStringList rooms; // its own id included
    QJsonValue data;
    bool local = false; // on this node
};

} // namespace TableTap
