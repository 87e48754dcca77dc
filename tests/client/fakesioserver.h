// A small Socket.IO server for client tests, on in-memory transports: EngineSession in the
// Server role plus the socket.io codec. It hands out LoopbackTransport pairs through the
// manager's transport factory and records every packet it receives.
#pragma once

#include "enginesession.h"
#include "loopbacktransport.h"
#include "siobinaryassembler.h"
#include "sioclientoptions.h"
#include "siocodec.h"

#include <QJsonObject>
#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>
#include <vector>

namespace TableTap {

struct FakeConn
{
    EngineSession *session = nullptr;
    QPointer<LoopbackTransport> serverSide;
    QPointer<LoopbackTransport> clientSide;
    SioBinaryAssembler assembler;
    QList<SioPacket> packets;
    QList<QByteArray> texts; // raw Engine.IO message payloads (text only)
    QHash<QString, QString> sids;
    int index = 0;

    int count(SioPacket::Type type, const QString &nsp = QString()) const
    {
        int n = 0;
        for (const auto &p : packets)
            n += p.type == type && (nsp.isEmpty() || p.nsp == nsp);
        return n;
    }
    QStringList events(const QString &nsp) const
    {
        QStringList names;
        for (const auto &p : packets)
            if (p.isEvent() && p.nsp == nsp)
                names.append(p.data.toArray().first().toString());
        return names;
    }
};

class FakeSioServer
{
public:
    // Up: accepts; Refuse: transports fail at once; Hang: transports open but nothing answers.
    enum class Mode { Up, Refuse, Hang };

    Mode mode = Mode::Up;
    EngineHandshake handshake;
    QStringList namespaces{QStringLiteral("/"), QStringLiteral("/orders"),
                           QStringLiteral("/admin")};
    bool recovery = false;
    bool autoAck = true;
    // Returns a CONNECT_ERROR payload to refuse, or Undefined to accept.
    std::function<QJsonValue(const QString &nsp, const QJsonValue &auth)> refuse;
    // Sees every packet first; returns true when it handled it.
    std::function<bool(FakeConn *conn, const SioPacket &packet)> handler;
    std::vector<std::unique_ptr<FakeConn>> conns;
    QList<SioTransportRequest> requests;
    QObject context;
    int pidCounter = 0;

    FakeSioServer()
    {
        handshake.upgrades = {};
        handshake.pingInterval = 5000;
        handshake.pingTimeout = 5000;
    }
    ~FakeSioServer()
    {
        for (auto &c : conns)
            delete c->session;
    }

    std::function<EngineTransport *(const SioTransportRequest &)> factory()
    {
        return [this](const SioTransportRequest &r) {
            return create(r);
        };
    }

    FakeConn *last() const { return conns.empty() ? nullptr : conns.back().get(); }
    int connectionCount() const { return int(conns.size()); }

    EngineTransport *create(const SioTransportRequest &request)
    {
        requests.append(request);
        auto *client = new LoopbackTransport(request.name);
        if (mode == Mode::Refuse) {
            QTimer::singleShot(0, client, [client] {
                Q_EMIT client->closed(QStringLiteral("transport error"),
                                      QStringLiteral("connection refused"));
            });
            return client;
        }
        auto *server = new LoopbackTransport(request.name);
        LoopbackTransport::connectPair(client, server);
        client->open();
        server->open();
        if (mode == Mode::Hang) {
            server->setParent(&context);
            return client;
        }
        if (!request.sid.isEmpty()) {
            for (auto &c : conns) {
                if (c->session->sid() == request.sid) {
                    c->session->probe(server);
                    c->serverSide = server;
                    return client;
                }
            }
            server->deleteLater();
            return client;
        }
        auto conn = std::make_unique<FakeConn>();
        FakeConn *c = conn.get();
        c->index = int(conns.size());
        c->serverSide = server;
        c->clientSide = client;
        c->session = new EngineSession(EngineSession::Role::Server);
        QObject::connect(c->session, &EngineSession::messageReceived, &context,
                         [this, c](const EnginePacket &m) { onMessage(c, m); });
        EngineHandshake h = handshake;
        h.sid = QStringLiteral("E%1").arg(conns.size());
        conns.push_back(std::move(conn));
        c->session->openServer(h, server);
        return client;
    }

    void send(FakeConn *c, const SioPacket &p) { c->session->send(SioCodec::encode(p)); }
    void sendText(FakeConn *c, const QByteArray &text)
    {
        c->session->send(EnginePacket::message(text));
    }
    void sendEvent(FakeConn *c, const QString &nsp, const QJsonArray &data, qint64 id = -1,
                   const QList<QByteArray> &attachments = {})
    {
        SioPacket p;
        p.type = SioPacket::Type::Event;
        p.nsp = nsp;
        p.data = data;
        p.id = id;
        p.attachments = attachments;
        send(c, p);
    }
    void acceptConnect(FakeConn *c, const QString &nsp, const QString &pid = {})
    {
        const QString sid = QStringLiteral("sock-%1-%2").arg(c->index).arg(nsp);
        c->sids.insert(nsp, sid);
        QJsonObject data{{QStringLiteral("sid"), sid}};
        if (!pid.isEmpty())
            data.insert(QStringLiteral("pid"), pid);
        SioPacket reply;
        reply.type = SioPacket::Type::Connect;
        reply.nsp = nsp;
        reply.data = data;
        send(c, reply);
    }
    // Drops the link without telling the client (like a dead network): only the heartbeat
    // can notice.
    void silence(FakeConn *c)
    {
        if (c->serverSide)
            c->serverSide->abort();
        QObject::disconnect(c->session, nullptr, &context, nullptr);
        c->session->abort(QStringLiteral("test"));
    }
    // Closes the connection the way a server going away does (the client sees a close).
    void drop(FakeConn *c)
    {
        if (c->serverSide)
            c->serverSide->cut();
    }

private:
    void onMessage(FakeConn *c, const EnginePacket &m)
    {
        if (!m.binary)
            c->texts.append(m.data);
        auto fed = c->assembler.feed(m);
        if (!fed || !fed->has_value())
            return;
        const SioPacket p = **fed;
        c->packets.append(p);
        if (handler && handler(c, p))
            return;
        if (p.type == SioPacket::Type::Connect) {
            SioPacket reply;
            reply.nsp = p.nsp;
            if (!namespaces.contains(p.nsp)) {
                reply.type = SioPacket::Type::ConnectError;
                reply.data
                    = QJsonObject{{QStringLiteral("message"), QStringLiteral("Invalid namespace")}};
                send(c, reply);
                return;
            }
            if (refuse) {
                const QJsonValue refusal = refuse(p.nsp, p.data);
                if (!refusal.isUndefined()) {
                    reply.type = SioPacket::Type::ConnectError;
                    reply.data = refusal;
                    send(c, reply);
                    return;
                }
            }
            acceptConnect(c, p.nsp,
                          recovery ? QStringLiteral("pid-%1").arg(++pidCounter) : QString());
            return;
        }
        if (p.isEvent() && p.hasId() && autoAck) {
            SioPacket ack;
            ack.type = SioPacket::Type::Ack;
            ack.nsp = p.nsp;
            ack.id = p.id;
            QJsonArray args = p.data.toArray();
            args.removeFirst();
            ack.data = args;
            ack.attachments = p.attachments;
            send(c, ack);
        }
    }
};

} // namespace TableTap
