// What a client transport needs to reach a Socket.IO server: the endpoint, query, headers and
// TLS settings. One value per SioManager, shared by every transport it creates.
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QSslConfiguration>
#include <QString>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkRequest;

namespace TableTap {

struct ClientTransportConfig
{
    // http(s)://host:port/path/ ; ws and wss are accepted and mapped to http and https.
    QUrl endpoint;
    // User query parameters, sent on every request before EIO/transport/sid.
    QList<QPair<QString, QString>> query;
    QList<QPair<QByteArray, QByteArray>> headers;
    // Applied to https and wss only.
    QSslConfiguration ssl;
    // Polling adds a "t" cache buster to every request (engine.io-client's timestampRequests).
    bool timestampRequests = true;
    // Bound for one HTTP request when no handshake told us better (ms).
    int requestTimeout = 45000;
    // Polling requests go through this (owned by the manager; connections are reused).
    QNetworkAccessManager *network = nullptr;

    bool isSecure() const;
    // The URL of one request: scheme http(s) or ws(s), query + EIO=4 + transport [+ sid] [+ t].
    QUrl requestUrl(const QString &transport, const QString &sid, bool websocket,
                    bool cacheBuster) const;
    // Extra headers and TLS configuration applied to a request.
    void prepare(QNetworkRequest &request) const;
};

} // namespace TableTap
