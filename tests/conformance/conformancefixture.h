// The reference test application the Socket.IO project checks implementations with, on our
// server: a raw Engine.IO echo server at /engine.io/ and Socket.IO at /socket.io/ with
// namespaces "/" and "/custom" (emit "auth" on connect, "message" -> "message-back",
// "message-with-ack" acked with the same arguments).
#pragma once

#include <QObject>

namespace TableTap {

class EngineServer;
class SioServer;
class WebServer;

class ConformanceFixture final : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        int pingInterval = 300;
        int pingTimeout = 200;
        qint64 maxPayload = 1000000;
        int connectTimeout = 1000;
    };
    explicit ConformanceFixture(Options options, QObject *parent = nullptr);

    bool listen(quint16 port);
    quint16 port() const;
    QString errorString() const;

private:
    WebServer *m_web;
    EngineServer *m_engine;
    EngineServer *m_sioEngine;
    SioServer *m_io;
};

} // namespace TableTap
