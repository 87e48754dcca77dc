// The one-port web server and the polling state machine in process: requests in pieces and
// pipelined (and paused while answers lie unread), keep-alive, routing (Engine.IO paths,
// handlers, 404), timeouts, connections per address, CORS, TLS, and malformed or hostile HTTP
// answered with the right status and never a crash.
#include "engineserver.h"
#include "enginesession.h"
#include "httpexchange.h"
#include "testpeers.h"
#include "webserver.h"

#include <QProcess>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

using namespace TableTap;
using namespace TestPeers;

namespace {

struct EchoServer
{
    explicit EchoServer(WebServer::Options web = {}, EngineServer::Options eio = {})
    {
        eio.path = "/engine.io/";
        server = std::make_unique<WebServer>(web);
        engine = std::make_unique<EngineServer>(eio);
        QObject::connect(engine.get(), &EngineServer::connection, engine.get(),
                         [](EngineSession *s) {
                             QObject::connect(s, &EngineSession::messageReceived, s,
                                              [s](const EnginePacket &p) { s->send(p); });
                         });
        server->mount(engine.get());
    }
    bool listen() { return server->listen(QHostAddress::LocalHost, 0); }
    quint16 port() const { return server->serverPort(); }
    std::unique_ptr<WebServer> server;
    std::unique_ptr<EngineServer> engine;
};

const QByteArray base = "/engine.io/?EIO=4&transport=polling";

QByteArray getRequest(const QByteArray &target)
{
    return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
}

QByteArray postRequest(const QByteArray &target, const QByteArray &body)
{
    return "POST " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\n"
           + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

} // namespace

class tst_WebServer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void handshakeByteByByte();
    void postSplitAcrossWrites();
    void pipelinedRequests();
    void pipelinedPostThenGetOnOneConnection();
    void pipelinedAnswersWaitForTheReader();
    void readerThatNeverDrainsIsDropped();
    void connectionsPerAddress();
    void keepAliveManyRequests();
    void notFound();
    void httpHandlerRoutes();
    void handlerBodyLimit();
    void garbageIs400AndClosed();
    void headTooLargeIs431();
    void slowRequestIs408();
    void truncatedRequestThenClose();
    void idleKeepAliveClosed();
    void silentConnectionClosed();
    void upgradeOnUnknownPathIs404();
    void upgradeAfterKeepAliveRequestIs400();
    void upgradeWholeOrInPieces_data();
    void upgradeWholeOrInPieces();
    void corsWithCredentialsEchoesOrigin();
    void abortedPollClosesSession();
    void serverCloseReachesNextPoll();
    void listenBacklogConfigured();
    void tlsPollingAndWebSocket();
};

void tst_WebServer::handshakeByteByByte()
{
    EchoServer s;
    QVERIFY(s.listen());
    HttpPeer peer(s.port());
    peer.writeSlowly(getRequest(base));
    const HttpReply r = peer.read();
    QCOMPARE(r.status, 200);
    QVERIFY(r.body.startsWith("0{"));
    QCOMPARE(s.engine->clientCount(), 1);
}

void tst_WebServer::postSplitAcrossWrites()
{
    EchoServer s;
    QVERIFY(s.listen());
    HttpPeer peer(s.port());
    const QByteArray sid = sidFromOpen(peer.request("GET", base).body);
    const QByteArray post = postRequest(base + "&sid=" + sid, "4split-body");
    const qsizetype headEnd = post.indexOf("\r\n\r\n");
    peer.write(post.left(10));
    QTest::qWait(30);
    peer.write(post.mid(10, headEnd - 8)); // ends inside the blank line
    QTest::qWait(30);
    peer.write(post.mid(headEnd + 2, 3));
    QTest::qWait(30);
    peer.write(post.mid(headEnd + 5));
    QCOMPARE(peer.read().body, QByteArray("ok"));
    QCOMPARE(peer.request("GET", base + "&sid=" + sid).body, QByteArray("4split-body"));
}

void tst_WebServer::pipelinedRequests()
{
    EchoServer s;
    QVERIFY(s.listen());
    HttpPeer peer(s.port());
    peer.write(getRequest(base) + getRequest(base) + getRequest("/nowhere"));
    const HttpReply a = peer.read();
    const HttpReply b = peer.read();
    const HttpReply c = peer.read();
    QVERIFY(a.body.startsWith("0{") && b.body.startsWith("0{"));
    QVERIFY(sidFromOpen(a.body) != sidFromOpen(b.body));
    QCOMPARE(c.status, 404);
    QCOMPARE(s.engine->clientCount(), 2);
}

void tst_WebServer::pipelinedAnswersWaitForTheReader()
{
    WebServer::Options o;
    o.maxUnreadResponseBytes = 16 * 1024;
    EchoServer s(o);
    int answered = 0;
    const QByteArray body(32 * 1024, 'a');
    s.server->setHttpHandler("/big", [&](HttpExchange *e) {
        ++answered;
        e->respond(HttpResponse::make(200, body, "text/plain"));
    });
    QVERIFY(s.listen());
    StalledPeer client(s.port());
    // 1,000 requests asking for 32 MB of answers, none read.
    constexpr int kRequests = 1000;
    QByteArray requests;
    for (int i = 0; i < kRequests; ++i)
        requests += getRequest("/big");
    client.offer(requests);
    // The server answers what the kernels' buffers take (they grow a little over time), then
    // stops taking requests: without the pause it would answer all 1,000 at once.
    QTRY_VERIFY(answered > 0);
    QTest::qWait(1500);
    qInfo() << "answered before the reader stalled the connection:" << answered << "of"
            << kRequests;
    QVERIFY2(answered < kRequests / 2, qPrintable(QString::number(answered)));
    QCOMPARE(s.server->httpConnectionCount(), 1);
    // The reader comes back: every answer arrives, in order, on the same connection.
    client.socket.setReadBufferSize(0);
    QByteArray in;
    qsizetype answerSize = 0;
    QDeadlineTimer deadline(30000);
    while ((answerSize == 0 || in.size() < answerSize * kRequests) && !deadline.hasExpired()) {
        // The server runs in this thread: let it work while the client reads.
        if (client.socket.bytesAvailable() == 0)
            QTest::qWait(2);
        in += client.socket.readAll();
        if (answerSize == 0 && in.contains("\r\n\r\n"))
            answerSize = in.indexOf("\r\n\r\n") + 4 + body.size();
    }
    QCOMPARE(answered, kRequests);
    QCOMPARE(in.size(), answerSize * kRequests);
    QCOMPARE(in.count("HTTP/1.1 200 OK\r\n"), qsizetype(kRequests));
}

void tst_WebServer::readerThatNeverDrainsIsDropped()
{
    WebServer::Options o;
    o.maxUnreadResponseBytes = 16 * 1024;
    o.requestTimeout = 1000;
    EchoServer s(o);
    const QByteArray body(32 * 1024, 'a');
    s.server->setHttpHandler(
        "/big", [&](HttpExchange *e) { e->respond(HttpResponse::make(200, body, "text/plain")); });
    QVERIFY(s.listen());
    StalledPeer client(s.port());
    QByteArray requests;
    for (int i = 0; i < 1000; ++i)
        requests += getRequest("/big");
    client.offer(requests);
    QTRY_COMPARE_WITH_TIMEOUT(s.server->httpConnectionCount(), 1, 5000);
    // Paused, it waits for the reader no longer than a request may take.
    QTRY_COMPARE_WITH_TIMEOUT(s.server->httpConnectionCount(), 0, 10000);
}

void tst_WebServer::connectionsPerAddress()
{
    WebServer::Options o;
    o.maxConnectionsPerAddress = 3;
    o.limitLoopback = true;
    EchoServer s(o);
    s.server->setHttpHandler(
        "/h", [](HttpExchange *e) { e->respond(HttpResponse::make(200, "ok", "text/plain")); });
    QVERIFY(s.listen());
    const QHostAddress a(QStringLiteral("127.0.0.2")), b(QStringLiteral("127.0.0.3"));
    std::vector<std::unique_ptr<HttpPeer>> held;
    for (int i = 0; i < 3; ++i) {
        held.push_back(std::make_unique<HttpPeer>(s.port(), a));
        QCOMPARE(held.back()->request("GET", "/h").status, 200);
    }
    // The fourth from that address is told so and closed; another address is not affected.
    HttpPeer fourth(s.port(), a);
    const HttpReply refused = fourth.request("GET", "/h");
    QCOMPARE(refused.status, 429);
    QCOMPARE(refused.header("retry-after"), QByteArray("1"));
    QVERIFY(fourth.waitForClose());
    QCOMPARE(s.server->refusedConnections(), quint64(1));
    HttpPeer other(s.port(), b);
    QCOMPARE(other.request("GET", "/h").status, 200);
    // Counted while open: once one leaves, the address may connect again.
    held.front()->socket().disconnectFromHost();
    held.erase(held.begin());
    QTRY_COMPARE_WITH_TIMEOUT(s.server->httpConnectionCount(), 3, 5000);
    HttpPeer again(s.port(), a);
    QCOMPARE(again.request("GET", "/h").status, 200);

    // The loopback is exempt unless asked otherwise.
    o.limitLoopback = false;
    EchoServer exempt(o);
    exempt.server->setHttpHandler(
        "/h", [](HttpExchange *e) { e->respond(HttpResponse::make(200, "ok", "text/plain")); });
    QVERIFY(exempt.listen());
    std::vector<std::unique_ptr<HttpPeer>> many;
    for (int i = 0; i < 5; ++i) {
        many.push_back(std::make_unique<HttpPeer>(exempt.port(), a));
        QCOMPARE(many.back()->request("GET", "/h").status, 200);
    }
}

void tst_WebServer::pipelinedPostThenGetOnOneConnection()
{
    EchoServer s;
    QVERIFY(s.listen());
    HttpPeer peer(s.port());
    const QByteArray sid = sidFromOpen(peer.request("GET", base).body);
    // POST then GET in one write, byte by byte: answered in order.
    peer.writeSlowly(postRequest(base + "&sid=" + sid, "4a\x1e"
                                                       "4b")
                     + getRequest(base + "&sid=" + sid));
    QCOMPARE(peer.read().body, QByteArray("ok"));
    QCOMPARE(peer.read().body, QByteArray("4a\x1e"
                                          "4b"));
}

void tst_WebServer::keepAliveManyRequests()
{
    EchoServer s;
    QVERIFY(s.listen());
    HttpPeer peer(s.port());
    for (int i = 0; i < 50; ++i) {
        const HttpReply r = peer.request("GET", "/engine.io/?EIO=3&transport=polling");
        QCOMPARE(r.status, 400);
        QCOMPARE(r.header("connection"), QByteArray("keep-alive"));
    }
    QVERIFY(peer.isConnected());
    QCOMPARE(s.server->httpConnectionCount(), 1);
}

void tst_WebServer::notFound()
{
    EchoServer s;
    QVERIFY(s.listen());
    HttpPeer peer(s.port());
    const HttpReply r = peer.request("GET", "/socket.io/?EIO=4&transport=polling");
    QCOMPARE(r.status, 404);
    QCOMPARE(r.body, QByteArray("Not Found"));
}

void tst_WebServer::httpHandlerRoutes()
{
    EchoServer s;
    s.server->setHttpHandler("/healthz", [](HttpExchange *e) {
        e->respond(HttpResponse::make(200, "ok\n", "text/plain"));
    });
    s.server->setHttpHandler("/api/", [](HttpExchange *e) {
        e->respond(HttpResponse::make(200, "api:" + e->request().path, "text/plain"));
    });
    s.server->setHttpHandler("/api/auth/", [](HttpExchange *e) {
        // Answers later, as a handler waiting on storage would.
        QPointer<HttpExchange> guard(e);
        const QByteArray body = e->request().body;
        QTimer::singleShot(50, [guard, body] {
            if (guard)
                guard->respond(HttpResponse::make(201, "login:" + body, "application/json"));
        });
    });
    QVERIFY(s.listen());
    HttpPeer peer(s.port());
    QCOMPARE(peer.request("GET", "/healthz").body, QByteArray("ok\n"));
    QCOMPARE(peer.request("GET", "/api/menu?x=1").body, QByteArray("api:/api/menu"));
    const HttpReply login = peer.request("POST", "/api/auth/login", R"({"pin":"1234"})");
    QCOMPARE(login.status, 201);
    QCOMPARE(login.body, QByteArray(R"(login:{"pin":"1234"})"));
    QCOMPARE(peer.request("GET", "/metricsx").status, 404);
}

void tst_WebServer::handlerBodyLimit()
{
    WebServer::Options o;
    o.maxHandlerBodyBytes = 100;
    EchoServer s(o);
    bool called = false;
    s.server->setHttpHandler("/api/", [&called](HttpExchange *e) {
        called = !e->isBodyTooLarge();
        e->respond(HttpResponse::make(e->isBodyTooLarge() ? 413 : 200));
    });
    QVERIFY(s.listen());
    HttpPeer peer(s.port());
    const HttpReply r = peer.request("POST", "/api/x", QByteArray(101, 'x'));
    QCOMPARE(r.status, 413);
    QVERIFY(!called);
    QVERIFY(peer.waitForClose());
}

void tst_WebServer::garbageIs400AndClosed()
{
    EchoServer s;
    QVERIFY(s.listen());
    HttpPeer peer(s.port());
    static const char garbage[] = "\x16\x03\x01\x00\xa5\x01\x00\x00\xa1\x03\x03 not http\r\n\r\n";
    peer.write(QByteArray(garbage, sizeof(garbage) - 1));
    const HttpReply r = peer.read();
    QCOMPARE(r.status, 400);
    QVERIFY(peer.waitForClose());
    HttpPeer again(s.port());
    QCOMPARE(again.request("GET", base).status, 200);
}

void tst_WebServer::headTooLargeIs431()
{
    EchoServer s;
    QVERIFY(s.listen());
    HttpPeer peer(s.port());
    peer.write("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + QByteArray(20000, 'a'));
    const HttpReply r = peer.read();
    QCOMPARE(r.status, 431);
    QVERIFY(peer.waitForClose());
}

void tst_WebServer::slowRequestIs408()
{
    WebServer::Options o;
    o.requestTimeout = 300;
    EchoServer s(o);
    QVERIFY(s.listen());
    HttpPeer peer(s.port());
    // A complete first request, then a second that never finishes.
    QCOMPARE(peer.request("GET", "/nowhere").status, 404);
    peer.write("GET /engine.io/?EIO=4&transport=polling HTTP/1.1\r\nHost: x\r\n");
    const HttpReply r = peer.read(3000);
    QCOMPARE(r.status, 408);
    QVERIFY(peer.waitForClose());
}

void tst_WebServer::truncatedRequestThenClose()
{
    EchoServer s;
    QVERIFY(s.listen());
    {
        HttpPeer peer(s.port());
        const QByteArray sid = sidFromOpen(peer.request("GET", base).body);
        peer.write(postRequest(base + "&sid=" + sid, QByteArray(500, 'x')).left(200));
        QTest::qWait(50);
        peer.socket().abort();
    }
    QTest::qWait(50);
    HttpPeer again(s.port());
    QCOMPARE(again.request("GET", base).status, 200);
}

void tst_WebServer::idleKeepAliveClosed()
{
    WebServer::Options o;
    o.keepAliveTimeout = 200;
    EchoServer s(o);
    QVERIFY(s.listen());
    HttpPeer peer(s.port());
    QCOMPARE(peer.request("GET", "/x").status, 404);
    QVERIFY(peer.waitForClose(3000));
    QTRY_COMPARE_WITH_TIMEOUT(s.server->httpConnectionCount(), 0, 3000);
}

void tst_WebServer::silentConnectionClosed()
{
    WebServer::Options o;
    o.handshakeTimeout = 200;
    EchoServer s(o);
    QVERIFY(s.listen());
    HttpPeer peer(s.port());
    QVERIFY(peer.isConnected());
    QVERIFY(peer.waitForClose(3000)); // never sent a byte
}

void tst_WebServer::upgradeOnUnknownPathIs404()
{
    EchoServer s;
    QVERIFY(s.listen());
    WsPeer ws;
    QVERIFY(!ws.open(QStringLiteral("ws://127.0.0.1:%1/elsewhere/").arg(s.port()), 2000));
    HttpPeer peer(s.port());
    peer.write(
        "GET /elsewhere/ HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
    QCOMPARE(peer.read().status, 404);
    QVERIFY(peer.waitForClose());
}

void tst_WebServer::upgradeAfterKeepAliveRequestIs400()
{
    EchoServer s;
    QVERIFY(s.listen());
    HttpPeer peer(s.port());
    QCOMPARE(peer.request("GET", "/x").status, 404);
    peer.write("GET /engine.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: x\r\n"
               "Upgrade: websocket\r\nConnection: Upgrade\r\n"
               "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
    QCOMPARE(peer.read().status, 400);
    QVERIFY(peer.waitForClose());
}

void tst_WebServer::upgradeWholeOrInPieces_data()
{
    QTest::addColumn<bool>("native");
    QTest::addColumn<bool>("slowly");
    // A whole head takes the descriptor path (WebSocketConnection); a head in pieces, or native
    // websockets turned off, the QTcpSocket + QWebSocketServer path. The wire is the same.
    QTest::newRow("native, whole") << true << false;
    QTest::newRow("native, byte by byte") << true << true;
    QTest::newRow("qt, whole") << false << false;
}

void tst_WebServer::upgradeWholeOrInPieces()
{
    QFETCH(bool, native);
    QFETCH(bool, slowly);
    WebServer::Options o;
    o.nativeWebSockets = native;
    EchoServer s(o);
    QVERIFY(s.listen());
    HttpPeer peer(s.port());
    const QByteArray head
        = "GET /engine.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: x\r\n"
          "Upgrade: websocket\r\nConnection: Upgrade\r\n"
          "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
    if (slowly)
        peer.writeSlowly(head);
    else
        peer.write(head);
    QByteArray got;
    QDeadlineTimer deadline(5000);
    while (!got.contains("0{") && !deadline.hasExpired()) {
        QTest::qWait(5);
        got += peer.socket().readAll();
    }
    QVERIFY2(got.startsWith("HTTP/1.1 101 Switching Protocols\r\n"), got);
    QVERIFY(got.contains("\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"));
    const qsizetype body = got.indexOf("\r\n\r\n") + 4;
    QCOMPARE(quint8(got.at(body)), quint8(0x81)); // a text frame: the open packet
    QCOMPARE(got.mid(body + 2, 2), QByteArray("0{"));
    QTRY_COMPARE(s.engine->clientCount(), 1);
}

void tst_WebServer::corsWithCredentialsEchoesOrigin()
{
    WebServer::Options o;
    o.cors.enabled = true;
    o.cors.origins = {"http://allowed.test", "http://also.test"};
    o.cors.credentials = true;
    EchoServer s(o);
    QVERIFY(s.listen());
    HttpPeer peer(s.port());
    const HttpReply ok = peer.request("GET", base, {}, "Origin: http://allowed.test\r\n");
    QCOMPARE(ok.status, 200);
    QCOMPARE(ok.header("access-control-allow-origin"), QByteArray("http://allowed.test"));
    QCOMPARE(ok.header("access-control-allow-credentials"), QByteArray("true"));
    QCOMPARE(ok.header("vary"), QByteArray("Origin"));
    const HttpReply other = peer.request("GET", base, {}, "Origin: http://evil.test\r\n");
    QVERIFY(!other.hasHeader("access-control-allow-origin"));
    const HttpReply pre = peer.request("OPTIONS", base, {},
                                       "Origin: http://also.test\r\n"
                                       "Access-Control-Request-Method: POST\r\n");
    QCOMPARE(pre.status, 204);
    QCOMPARE(pre.header("access-control-allow-origin"), QByteArray("http://also.test"));
    QCOMPARE(pre.header("access-control-allow-credentials"), QByteArray("true"));
    // Errors carry the headers too.
    const HttpReply err = peer.request("GET", "/engine.io/?EIO=3&transport=polling", {},
                                       "Origin: http://allowed.test\r\n");
    QCOMPARE(err.status, 400);
    QCOMPARE(err.header("access-control-allow-origin"), QByteArray("http://allowed.test"));
    // "*" with credentials echoes, never "*".
    WebServer::Options any;
    any.cors.enabled = true;
    any.cors.origins = {"*"};
    any.cors.credentials = true;
    EchoServer s2(any);
    QVERIFY(s2.listen());
    HttpPeer peer2(s2.port());
    QCOMPARE(peer2.request("GET", base, {}, "Origin: http://x.test\r\n")
                 .header("access-control-allow-origin"),
             QByteArray("http://x.test"));
}

void tst_WebServer::abortedPollClosesSession()
{
    EchoServer s;
    QVERIFY(s.listen());
    QByteArray sid;
    QString reason;
    QObject::connect(s.engine.get(), &EngineServer::connection, s.engine.get(),
                     [&reason](EngineSession *session) {
                         QObject::connect(session, &EngineSession::closed, session,
                                          [&reason](const QString &r) { reason = r; });
                     });
    {
        HttpPeer peer(s.port());
        sid = sidFromOpen(peer.request("GET", base).body);
        peer.write(getRequest(base + "&sid=" + sid));
        QTest::qWait(30);
        peer.socket().abort();
    }
    QTRY_COMPARE_WITH_TIMEOUT(s.engine->clientCount(), 0, 3000);
    QCOMPARE(reason, QStringLiteral("transport error"));
}

void tst_WebServer::serverCloseReachesNextPoll()
{
    EchoServer s;
    QVERIFY(s.listen());
    HttpPeer peer(s.port());
    const QByteArray sid = sidFromOpen(peer.request("GET", base).body);
    EngineSession *session = s.engine->session(QString::fromLatin1(sid));
    QVERIFY(session);
    session->close(); // no GET is pending
    QCOMPARE(s.engine->clientCount(), 0);
    QCOMPARE(peer.request("GET", base + "&sid=" + sid).body, QByteArray("1"));
    QCOMPARE(peer.request("GET", base + "&sid=" + sid).status, 400);
}

void tst_WebServer::listenBacklogConfigured()
{
    WebServer::Options o;
    o.listenBacklog = 777;
    WebServer server(o);
    QVERIFY(server.listen());
    // ss(8) shows a listening socket's accept-queue limit as its Send-Q.
    const QString ss = QStandardPaths::findExecutable(QStringLiteral("ss"));
    if (ss.isEmpty())
        QSKIP("ss(8) is not installed");
    QProcess p;
    p.start(ss, {"-ltnH", QStringLiteral("sport = :%1").arg(server.serverPort())});
    QVERIFY(p.waitForFinished(5000));
    const QList<QByteArray> fields = p.readAllStandardOutput().simplified().split(' ');
    QVERIFY2(fields.size() >= 3, fields.join(' '));
    QCOMPARE(fields.at(2).toInt(), 777);
}

void tst_WebServer::tlsPollingAndWebSocket()
{
    const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    if (openssl.isEmpty())
        QSKIP("openssl(1) is not installed; cannot make a test certificate");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString cert = dir.filePath(QStringLiteral("cert.pem"));
    const QString key = dir.filePath(QStringLiteral("key.pem"));
    QProcess gen;
    gen.start(openssl, {"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out",
                        cert, "-days", "1", "-subj", "/CN=127.0.0.1"});
    QVERIFY(gen.waitForFinished(30000));
    QCOMPARE(gen.exitCode(), 0);
    WebServer::Options o;
    o.tlsCertificateFile = cert;
    o.tlsKeyFile = key;
    EchoServer s(o);
    QVERIFY(s.listen());
    QVERIFY(s.server->isSecure());

    QSslSocket tls;
    tls.setPeerVerifyMode(QSslSocket::VerifyNone);
    tls.connectToHostEncrypted(QStringLiteral("127.0.0.1"), s.port());
    // Server and client share this thread: wait with the event loop running.
    QTRY_VERIFY_WITH_TIMEOUT(tls.isEncrypted(), 5000);
    tls.write(getRequest(base));
    QByteArray got;
    for (int i = 0; i < 100 && !got.contains("0{"); ++i) {
        QTest::qWait(20);
        got += tls.readAll();
    }
    QVERIFY2(got.startsWith("HTTP/1.1 200 OK"), got);
    QVERIFY(got.contains("\r\n\r\n0{"));

    WsPeer ws;
    QObject::connect(&ws.socket(), &QWebSocket::sslErrors, &ws.socket(),
                     [&ws](const QList<QSslError> &) { ws.socket().ignoreSslErrors(); });
    QVERIFY(ws.open(
        QStringLiteral("wss://127.0.0.1:%1/engine.io/?EIO=4&transport=websocket").arg(s.port())));
    QVERIFY(ws.nextText().startsWith('0'));
    ws.sendText("4secure");
    QCOMPARE(ws.nextNonPing(), QByteArray("4secure"));
}

QTEST_GUILESS_MAIN(tst_WebServer)
#include "tst_webserver.moc"
