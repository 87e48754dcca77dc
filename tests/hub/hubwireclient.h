// A test device on the wire: our Socket.IO client (core/client) connected to a running hub with
// a token and the handshake query, recording every event it receives and every connect_error,
// with a blocking helper for commands with acks (bounded waits only).
#pragma once

#include "siomanager.h"
#include "siosocket.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <memory>
#include <optional>

namespace TableTap::Test {

class HubWireClient
{
public:
    struct Received
    {
        QString nsp;
        QString name;
        QJsonObject envelope;
    };
    struct Refusal
    {
        QString message;
        QJsonObject data;
    };

    HubWireClient(const QUrl &url, const QString &token, const QString &cafeId, const QString &role,
                  const QStringList &nsps, SioClientOptions options = {})
    {
        options.transports = {QStringLiteral("websocket")};
        options.reconnectionDelay = 100;
        options.reconnectionDelayMax = 300;
        options.randomizationFactor = 0;
        options.auth = QJsonObject{{QStringLiteral("token"), token}};
        if (!cafeId.isEmpty())
            options.query.append({QStringLiteral("cafe_id"), cafeId});
        if (!role.isEmpty())
            options.query.append({QStringLiteral("user_role"), role});
        manager = std::make_unique<SioManager>(url, options);
        for (const QString &nsp : nsps) {
            SioSocket *s = manager->socket(nsp);
            sockets.insert(nsp, s);
            QObject::connect(s, &SioSocket::eventReceived, manager.get(),
                             [this](const SioEvent &e) {
                                 events.append({e.nsp, e.name, e.args.at(0).toObject()});
                             });
            QObject::connect(s, &SioSocket::connectError, manager.get(),
                             [this, nsp](const QString &message, const QJsonValue &data) {
                                 refusals.insert(nsp, {message, data.toObject()});
                             });
        }
    }
    ~HubWireClient()
    {
        if (manager)
            manager->close();
    }

    SioSocket *socket(const QString &nsp) const { return sockets.value(nsp); }

    bool waitConnected(int timeoutMs = 10000) const
    {
        return QTest::qWaitFor(
            [this] {
                for (SioSocket *s : sockets)
                    if (!s->isConnected())
                        return false;
                return true;
            },
            timeoutMs);
    }
    bool waitRefused(const QString &nsp, int timeoutMs = 10000) const
    {
        return QTest::qWaitFor([this, nsp] { return refusals.contains(nsp); }, timeoutMs);
    }

    // Sends a command with an ack and waits for the answer ({"ok":...}); empty when none came.
    QJsonObject call(const QString &nsp, const QString &command, const QJsonObject &payload = {},
                     int timeoutMs = 10000)
    {
        std::optional<SioAckResult> got;
        QObject context;
        socket(nsp)->emitWithAck(
            command, {payload}, &context, [&got](const SioAckResult &r) { got = r; }, timeoutMs);
        (void)QTest::qWaitFor([&got] { return got.has_value(); }, timeoutMs + 1000);
        if (!got || !got->ok())
            return {};
        return got->args.at(0).toObject();
    }

    QList<Received> of(const QString &name) const
    {
        QList<Received> out;
        for (const Received &r : events)
            if (r.name == name)
                out.append(r);
        return out;
    }
    bool waitFor(const QString &name, int count = 1, int timeoutMs = 10000) const
    {
        return QTest::qWaitFor([&] { return of(name).size() >= count; }, timeoutMs);
    }

    std::unique_ptr<SioManager> manager;
    QHash<QString, SioSocket *> sockets;
    QList<Received> events;
    QHash<QString, Refusal> refusals;
};

} // namespace TableTap::Test
