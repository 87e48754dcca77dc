// The hub's operations endpoints on its own port: GET /healthz (liveness and a storage check)
// and GET /metrics (Prometheus text), each open to allowed client addresses (loopback by
// default) or to a bearer token, 403 otherwise.
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QJsonObject>
#include <QList>
#include <QPair>

namespace TableTap {

class HttpExchange;
class HubServer;

class HubOperations final
{
public:
    using Subnet = QPair<QHostAddress, int>;
    struct Options
    {
        bool enabled = true; // false: /healthz and /metrics answer 404 like any unknown path
        // Clients allowed by address (IPv4-mapped IPv6 peers count as their IPv4 address).
        QList<Subnet> allowed = loopback();
        // With a token, any client presenting "Authorization: Bearer <token>" is allowed too.
        QByteArray token;
        // /healthz fails when the data folder's file system has less free space than this.
        qint64 minFreeBytes = 64LL * 1024 * 1024;
    };

    struct Health
    {
        bool ok = false;
        QJsonObject body; // {"status":"ok"|"error", "problems":[...], "storage":{...}, ...}
    };

    static QList<Subnet> loopback();
    // "127.0.0.0/8", "::1", "192.168.1.0/24"; an address without a prefix is a single host.
    static bool parseSubnet(const QString &text, Subnet *out);
    static bool allows(const Options &options, const QHostAddress &peer,
                       const QByteArray &authorization);

    // Serves one request under /healthz or /metrics (GET and HEAD only).
    static void handle(HubServer *hub, HttpExchange *exchange);
    static Health health(HubServer *hub);
    static QByteArray metrics(HubServer *hub);
};

} // namespace TableTap
