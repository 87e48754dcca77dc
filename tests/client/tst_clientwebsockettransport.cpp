// ClientWebSocketTransport against a QWebSocketServer on 127.0.0.1: the request URL and
// headers, text frames for text packets and binary frames for binary ones, closes from both
// sides, refused connections, and TLS (verification on, a custom CA, the insecure opt-in).
#include "clientwebsockettransport.h"
#include "testcerts.h"

#include <QSignalSpy>
#include <QSslConfiguration>
#include <QTest>
#include <QUrlQuery>
#include <QWebSocket>
#include <QWebSocketServer>

using namespace TableTap;

class tst_ClientWebSocketTransport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void framesBothWays();
    void closesFromBothSides();
    void refusedConnection();
    void tls();

private:
    static ClientTransportConfig config(const QString &scheme, quint16 port)
    {
        ClientTransportConfig c;
        c.endpoint = QUrl(QStringLiteral("%1://127.0.0.1:%2/socket.io/").arg(scheme).arg(port));
        c.ssl = QSslConfiguration::defaultConfiguration();
        return c;
    }
};

void tst_ClientWebSocketTransport::framesBothWays()
{
    QWebSocketServer server(QStringLiteral("test"), QWebSocketServer::NonSecureMode);
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    ClientTransportConfig c = config(QStringLiteral("http"), server.serverPort());
    c.query = {{QStringLiteral("cafe_id"), QStringLiteral("c1")}};
    c.headers = {{"X-Test", "yes"}};
    ClientWebSocketTransport t(c, QStringLiteral("abc"));
    QSignalSpy opened(&t, &EngineTransport::opened);
    QSignalSpy packets(&t, &EngineTransport::packetReceived);
    QSignalSpy closed(&t, &EngineTransport::closed);
    QVERIFY(!t.isWritable());
    t.open();
    QTRY_VERIFY(server.hasPendingConnections());
    QWebSocket *peer = server.nextPendingConnection();
    const QUrl requested = peer->requestUrl();
    QCOMPARE(requested.path(), QStringLiteral("/socket.io/"));
    const QUrlQuery q(requested);
    QCOMPARE(q.queryItemValue(QStringLiteral("EIO")), QStringLiteral("4"));
    QCOMPARE(q.queryItemValue(QStringLiteral("transport")), QStringLiteral("websocket"));
    QCOMPARE(q.queryItemValue(QStringLiteral("sid")), QStringLiteral("abc"));
    QCOMPARE(q.queryItemValue(QStringLiteral("cafe_id")), QStringLiteral("c1"));
    QVERIFY(!q.hasQueryItem(QStringLiteral("t")));
    QCOMPARE(peer->request().rawHeader("X-Test"), QByteArray("yes"));
    QTRY_COMPARE(opened.count(), 1);
    QVERIFY(t.isWritable());

    QStringList texts;
    QList<QByteArray> binaries;
    connect(peer, &QWebSocket::textMessageReceived, peer,
            [&](const QString &m) { texts.append(m); });
    connect(peer, &QWebSocket::binaryMessageReceived, peer,
            [&](const QByteArray &m) { binaries.append(m); });
    t.send({EnginePacket::text(EnginePacket::Type::Ping, "probe"),
            EnginePacket::message("42[\"x\"]"),
            EnginePacket::binaryMessage(QByteArray("\x00\xff", 2))});
    QTRY_COMPARE(texts.size(), 2);
    QTRY_COMPARE(binaries.size(), 1);
    QCOMPARE(texts, QStringList({QStringLiteral("2probe"), QStringLiteral("442[\"x\"]")}));
    QCOMPARE(binaries.at(0), QByteArray("\x00\xff", 2));

    peer->sendTextMessage(QStringLiteral("3probe"));
    peer->sendBinaryMessage(QByteArray("\x01\x02", 2));
    QTRY_COMPARE(packets.count(), 2);
    QCOMPARE(packets.at(0).at(0).value<EnginePacket>(),
             EnginePacket::text(EnginePacket::Type::Pong, "probe"));
    QCOMPARE(packets.at(1).at(0).value<EnginePacket>(),
             EnginePacket::binaryMessage(QByteArray("\x01\x02", 2)));

    // A frame that is not an Engine.IO packet ends the transport.
    peer->sendTextMessage(QStringLiteral("x"));
    QTRY_COMPARE(closed.count(), 1);
    QCOMPARE(closed.at(0).at(0).toString(), QStringLiteral("parse error"));
    delete peer;
}

void tst_ClientWebSocketTransport::closesFromBothSides()
{
    QWebSocketServer server(QStringLiteral("test"), QWebSocketServer::NonSecureMode);
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    {
        ClientWebSocketTransport t(config(QStringLiteral("ws"), server.serverPort()));
        QSignalSpy closed(&t, &EngineTransport::closed);
        t.open();
        QTRY_VERIFY(server.hasPendingConnections());
        QWebSocket *peer = server.nextPendingConnection();
        QTRY_VERIFY(t.isWritable());
        peer->close();
        QTRY_COMPARE(closed.count(), 1);
        QCOMPARE(closed.at(0).at(0).toString(), QStringLiteral("transport close"));
        QVERIFY(!t.isWritable());
        delete peer;
    }
    {
        ClientWebSocketTransport t(config(QStringLiteral("ws"), server.serverPort()));
        t.open();
        QTRY_VERIFY(server.hasPendingConnections());
        QWebSocket *peer = server.nextPendingConnection();
        QSignalSpy peerGone(peer, &QWebSocket::disconnected);
        QTRY_VERIFY(t.isWritable());
        QSignalSpy closed(&t, &EngineTransport::closed);
        t.close();
        QVERIFY(!t.isWritable());
        QTRY_COMPARE(peerGone.count(), 1);
        QTRY_COMPARE(closed.count(), 1);
        delete peer;
    }
}

void tst_ClientWebSocketTransport::refusedConnection()
{
    quint16 port = 0;
    {
        QWebSocketServer server(QStringLiteral("test"), QWebSocketServer::NonSecureMode);
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        port = server.serverPort();
    }
    ClientWebSocketTransport t(config(QStringLiteral("ws"), port));
    QSignalSpy closed(&t, &EngineTransport::closed);
    t.open();
    QTRY_COMPARE(closed.count(), 1);
    QCOMPARE(closed.at(0).at(0).toString(), QStringLiteral("transport error"));
    QVERIFY(closed.at(0).at(1).toString().startsWith(QStringLiteral("websocket error")));
}

void tst_ClientWebSocketTransport::tls()
{
    TestCerts certs;
    if (!certs.generate())
        QSKIP(qPrintable(certs.error));
    QWebSocketServer server(QStringLiteral("test"), QWebSocketServer::SecureMode);
    QSslConfiguration serverSsl = QSslConfiguration::defaultConfiguration();
    serverSsl.setLocalCertificate(certs.serverCertificate());
    serverSsl.setPrivateKey(certs.key());
    serverSsl.setPeerVerifyMode(QSslSocket::VerifyNone);
    server.setSslConfiguration(serverSsl);
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    connect(&server, &QWebSocketServer::newConnection, &server, [&server] {
        while (QWebSocket *s = server.nextPendingConnection())
            s->setParent(&server);
    });

    // Verification is on by default: an unknown CA is refused.
    {
        ClientWebSocketTransport t(config(QStringLiteral("wss"), server.serverPort()));
        QSignalSpy closed(&t, &EngineTransport::closed);
        QSignalSpy opened(&t, &EngineTransport::opened);
        t.open();
        QTRY_COMPARE(closed.count(), 1);
        QCOMPARE(opened.count(), 0);
        QCOMPARE(closed.at(0).at(0).toString(), QStringLiteral("transport error"));
        QVERIFY2(closed.at(0).at(1).toString().contains(QStringLiteral("TLS")),
                 qPrintable(closed.at(0).at(1).toString()));
    }
    // Trusting the CA on top of the system ones lets it through.
    {
        ClientTransportConfig c = config(QStringLiteral("https"), server.serverPort());
        c.ssl.setCaCertificates(QSslConfiguration::systemCaCertificates() + certs.ca());
        ClientWebSocketTransport t(c);
        QSignalSpy opened(&t, &EngineTransport::opened);
        QSignalSpy closed(&t, &EngineTransport::closed);
        t.open();
        QTRY_COMPARE(opened.count(), 1);
        QCOMPARE(closed.count(), 0);
    }
    // The insecure opt-in accepts anything.
    {
        ClientTransportConfig c = config(QStringLiteral("wss"), server.serverPort());
        c.ssl.setPeerVerifyMode(QSslSocket::VerifyNone);
        ClientWebSocketTransport t(c);
        QSignalSpy opened(&t, &EngineTransport::opened);
        t.open();
        QTRY_COMPARE(opened.count(), 1);
    }
}

QTEST_GUILESS_MAIN(tst_ClientWebSocketTransport)
#include "tst_clientwebsockettransport.moc"
