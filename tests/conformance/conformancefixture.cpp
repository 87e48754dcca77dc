// ConformanceFixture: the echo Engine.IO server and the Socket.IO test namespaces.
#include "conformancefixture.h"

#include "engineserver.h"
#include "enginesession.h"
#include "sionamespace.h"
#include "sioserver.h"
#include "sioserversocket.h"
#include "webserver.h"

namespace TableTap {

ConformanceFixture::ConformanceFixture(Options options, QObject *parent)
    : QObject(parent)
{
    WebServer::Options web;
    web.cors.enabled = true;
    web.cors.origins = {QByteArrayLiteral("*")};
    m_web = new WebServer(web, this);

    EngineServer::Options eio;
    eio.path = QByteArrayLiteral("/engine.io/");
    eio.pingInterval = options.pingInterval;
    eio.pingTimeout = options.pingTimeout;
    eio.maxPayload = options.maxPayload;
    m_engine = new EngineServer(eio, this);
    connect(m_engine, &EngineServer::connection, this, [](EngineSession *session) {
        connect(session, &EngineSession::messageReceived, session,
                [session](const EnginePacket &packet) { session->send(packet); });
    });

    EngineServer::Options sioEngine = eio;
    sioEngine.path = QByteArrayLiteral("/socket.io/");
    m_sioEngine = new EngineServer(sioEngine, this);
    SioServer::Options sio;
    sio.connectTimeout = options.connectTimeout;
    m_io = new SioServer(m_sioEngine, sio, this);
    for (const QString &name : {QStringLiteral("/"), QStringLiteral("/custom")}) {
        connect(m_io->of(name), &SioNamespace::connection, this, [](SioServerSocket *socket) {
            socket->emitEvent(QStringLiteral("auth"), QJsonArray{socket->handshake().auth});
            QPointer<SioServerSocket> guard(socket);
            socket->on(QStringLiteral("message"),
                       [guard](const QJsonArray &args, const QList<QByteArray> &attachments,
                               const SioServerSocket::Ack &) {
                           if (guard)
                               guard->emitEvent(QStringLiteral("message-back"), args, attachments);
                       });
            socket->on(QStringLiteral("message-with-ack"),
                       [](const QJsonArray &args, const QList<QByteArray> &attachments,
                          const SioServerSocket::Ack &ack) {
                           if (ack)
                               ack(args, attachments);
                       });
        });
    }
    m_web->mount(m_engine);
    m_web->mount(m_sioEngine);
}

bool ConformanceFixture::listen(quint16 port)
{
    return m_web->listen(QHostAddress::LocalHost, port);
}

quint16 ConformanceFixture::port() const
{
    return m_web->serverPort();
}

QString ConformanceFixture::errorString() const
{
    return m_web->errorString();
}

} // namespace TableTap
