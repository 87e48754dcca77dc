// HubServer on a real port (127.0.0.1, port 0) with real cafes in a temporary folder, spoken to
// by our own Socket.IO client and plain HTTP: start/stop/restart, sign-in and refresh over HTTP
// (status codes, JSON errors, throttling, JSON only and the Origin check, PIN checks off the
// event loop with their bounds, a client leaving mid-check, CORS, TLS), the handshake refusals,
// commands with and without acks, rooms from join_counter, events after acks, timer events, the
// cafe fence and the operator figures.
#include "hubclock.h"
#include "hubdomain.h"
#include "hubserver.h"
#include "hubtestfixture.h"
#include "hubwireclient.h"
#include "testcerts.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpServer>

using namespace TableTap;
using namespace TableTap::Test;

namespace {

struct HttpAnswer
{
    int status = 0;
    QJsonObject body;
    QByteArray raw;
    QHash<QByteArray, QByteArray> headers; // lower-case names
};

HttpAnswer http(QNetworkAccessManager &nam, const QByteArray &method, const QUrl &url,
                const QByteArray &body = {},
                const QList<QPair<QByteArray, QByteArray>> &headers = {})
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setTransferTimeout(10000);
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    QNetworkReply *reply = nam.sendCustomRequest(request, method, body);
    (void)QTest::qWaitFor([reply] { return reply->isFinished(); }, 15000);
    HttpAnswer a;
    a.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    a.raw = reply->readAll();
    a.body = QJsonDocument::fromJson(a.raw).object();
    for (const auto &[name, value] : reply->rawHeaderPairs())
        a.headers.insert(name.toLower(), value);
    reply->deleteLater();
    return a;
}

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// One HTTP request on a connection of its own from a chosen loopback address (127.0.0.x), with
// exactly the headers given; the answer is collected while the event loop runs.
class RawCall
{
public:
    RawCall(quint16 port, const QString &from, const QByteArray &head, const QByteArray &body)
    {
        m_socket.bind(QHostAddress(from), 0);
        m_socket.connectToHost(QHostAddress::LocalHost, port);
        m_socket.write(head + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n"
                       + body);
        QObject::connect(&m_socket, &QTcpSocket::readyRead, &m_socket,
                         [this] { m_in += m_socket.readAll(); });
    }
    bool isDone() const
    {
        const qsizetype end = m_in.indexOf("\r\n\r\n");
        return end >= 0 && m_in.size() >= end + 4 + header("content-length").toLongLong();
    }
    bool wait(int timeoutMs = 15000) const
    {
        return QTest::qWaitFor([this] { return isDone(); }, timeoutMs);
    }
    int status() const { return m_in.split(' ').value(1).toInt(); }
    QByteArray header(const QByteArray &lowerName) const
    {
        const QList<QByteArray> lines = m_in.left(m_in.indexOf("\r\n\r\n")).split('\n');
        for (const QByteArray &line : lines) {
            const qsizetype colon = line.indexOf(':');
            if (colon > 0 && line.left(colon).trimmed().toLower() == lowerName)
                return line.mid(colon + 1).trimmed();
        }
        return {};
    }
    QJsonObject body() const
    {
        return QJsonDocument::fromJson(m_in.mid(m_in.indexOf("\r\n\r\n") + 4)).object();
    }
    QTcpSocket &socket() { return m_socket; }

private:
    QTcpSocket m_socket;
    QByteArray m_in;
};

QByteArray loginHead(quint16 port, const QByteArray &extraHeaders = {},
                     const QByteArray &contentType = "application/json")
{
    return "POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port)
           + "\r\nContent-Type: " + contentType + "\r\n" + extraHeaders;
}

QByteArray loginBody(const char *code, const char *pin, const char *cafe = "cafe1")
{
    return json({{"employee_code", code}, {"pin", pin}, {"cafe_id", cafe}});
}

} // namespace

class TestHubServer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void startStopRestart();
    void portInUseIsAnError();
    void signInOverHttp();
    void signInThrottled();
    void signInTakesJsonFromAllowedOrigins_data();
    void signInTakesJsonFromAllowedOrigins();
    void unknownCafeRefusedUnchecked();
    void pinChecksLeaveTheLoopFree();
    void pinCheckBounds();
    void failingAddressesCannotUseUpEverybodysBudget();
    void clientGoneWhileItsPinIsChecked();
    void corsForBrowsers();
    void handshakeRefusals_data();
    void handshakeRefusals();
    void commandsAcksAndEvents();
    void errorEventWithoutAck();
    void counterRoomsOverTheWire();
    void requestIdReplayOverTheWire();
    void timerEventsReachClients();
    void fenceKeepsOtherCafesOut();
    void operatorFigures();
    void tls();

private:
    HubServer *startServer(HubServer::Options options = {});
    QString token(const HubActor &actor, qint64 ttl = 3600);
    std::unique_ptr<HubWireClient> client(const HubActor &actor, const QStringList &nsps,
                                          SioClientOptions options = {});

    std::unique_ptr<HubFixture> m_fixture;
    std::unique_ptr<HubServer> m_server;
    QNetworkAccessManager m_nam;
};

void TestHubServer::init()
{
    m_fixture = std::make_unique<HubFixture>(
        QStringList{QStringLiteral("cafe1"), QStringLiteral("cafe2")});
    // The fixture's own service (manual clock) stays open for lookups (product ids); the
    // server under test opens the same folder with the wall clock.
}

void TestHubServer::cleanup()
{
    m_server.reset();
    m_fixture.reset();
}

HubServer *TestHubServer::startServer(HubServer::Options options)
{
    options.bindAddress = QHostAddress::LocalHost;
    options.port = 0;
    options.hub.cardProcessingDelayMs = 200;
    m_server = std::make_unique<HubServer>(m_fixture->dataDir, options);
    if (!m_server->start())
        qWarning() << "start failed:" << m_server->errorString();
    return m_server.get();
}

QString TestHubServer::token(const HubActor &actor, qint64 ttl)
{
    return QString::fromLatin1(
        m_server->service()->mintToken(actor, QStringLiteral("access"), ttl));
}

std::unique_ptr<HubWireClient> TestHubServer::client(const HubActor &actor, const QStringList &nsps,
                                                     SioClientOptions options)
{
    return std::make_unique<HubWireClient>(m_server->url(), token(actor), actor.cafeId,
                                           HubActor::roleName(actor.role), nsps, options);
}

void TestHubServer::startStopRestart()
{
    HubServer *server = startServer();
    QVERIFY(server->isRunning());
    const quint16 port = server->port();
    QVERIFY(port > 0);
    QCOMPARE(server->url(), QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
    QCOMPARE(server->start(), port); // already running: the same port

    auto c = client(m_fixture->employee(), {QStringLiteral("/orders")});
    QVERIFY(c->waitConnected());
    QSignalSpy stopped(server, &HubServer::stopped);
    // aboutToStop comes first, while the hub still runs and its clients are still there.
    int clientsAboutToStop = -1;
    bool stoppedBefore = true;
    QObject listener; // gone with this test's locals
    connect(server, &HubServer::aboutToStop, &listener, [&] {
        clientsAboutToStop = server->isRunning() ? server->stats().clients : -1;
        stoppedBefore = !stopped.isEmpty();
    });
    server->stop();
    QCOMPARE(clientsAboutToStop, 1);
    QVERIFY(!stoppedBefore);
    QCOMPARE(stopped.size(), 1);
    QVERIFY(!server->isRunning());
    QCOMPARE(server->port(), quint16(0));
    QVERIFY(QTest::qWaitFor([&] { return !c->socket(QStringLiteral("/orders"))->isConnected(); },
                            5000));
    // The same object serves again (the console's panel stops and starts its hub).
    QVERIFY(server->start() > 0);
    auto again = client(m_fixture->employee(), {QStringLiteral("/orders")});
    QVERIFY(again->waitConnected());
    QCOMPARE(
        again->call(QStringLiteral("/orders"), QStringLiteral("list_menu")).value(u"ok").toBool(),
        true);
}

void TestHubServer::portInUseIsAnError()
{
    QTcpServer squatter;
    QVERIFY(squatter.listen(QHostAddress::LocalHost, 0));
    HubServer::Options options;
    options.bindAddress = QHostAddress::LocalHost;
    options.port = squatter.serverPort();
    HubServer server(m_fixture->dataDir, options);
    QCOMPARE(server.start(), quint16(0));
    QVERIFY2(server.errorString().contains(QString::number(squatter.serverPort())),
             qPrintable(server.errorString()));
    QVERIFY(!server.isRunning());
    // A data folder that cannot be created is an error too, not a crash.
    HubServer nowhere(QStringLiteral("/proc/nonexistent/tabletap"));
    QCOMPARE(nowhere.start(), quint16(0));
    QVERIFY(!nowhere.errorString().isEmpty());
}

void TestHubServer::signInOverHttp()
{
    HubServer *server = startServer();
    const QUrl base = server->url();
    const auto url = [&base](const char *path) {
        QUrl u = base;
        u.setPath(QLatin1String(path));
        return u;
    };
    // Code + PIN: an access token for the sockets and a refresh token.
    HttpAnswer ok
        = http(m_nam, "POST", url("/api/auth/login"),
               json({{"employee_code", "emp001"}, {"pin", "1234"}, {"cafe_id", "cafe1"}}));
    QCOMPARE(ok.status, 200);
    QCOMPARE(ok.headers.value("content-type"), QByteArray("application/json"));
    QCOMPARE(ok.headers.value("cache-control"), QByteArray("no-store"));
    const QString access = ok.body.value(u"access_token").toString();
    const QString refreshToken = ok.body.value(u"refresh_token").toString();
    QVERIFY(!access.isEmpty() && !refreshToken.isEmpty());
    QCOMPARE(ok.body.value(u"user").toObject().value(u"id").toString(),
             m_fixture->employee().userId);
    QCOMPARE(ok.body.value(u"user").toObject().value(u"role").toString(),
             QStringLiteral("employee"));
    // The token opens the namespaces.
    HubWireClient device(base, access, QStringLiteral("cafe1"), QStringLiteral("employee"),
                         {QStringLiteral("/orders")});
    QVERIFY(device.waitConnected());

    // cafe_id may be left out only when the hub serves exactly one cafe (this one serves two).
    HttpAnswer noCafe = http(m_nam, "POST", url("/api/auth/login"),
                             json({{"employee_code", "EMP001"}, {"pin", "1234"}}));
    QCOMPARE(noCafe.status, 400);
    QCOMPARE(noCafe.body.value(u"error").toObject().value(u"type").toString(),
             QStringLiteral("INVALID_DATA"));

    HttpAnswer wrong
        = http(m_nam, "POST", url("/api/auth/login"),
               json({{"employee_code", "EMP001"}, {"pin", "9999"}, {"cafe_id", "cafe1"}}));
    QCOMPARE(wrong.status, 401);
    QCOMPARE(wrong.body.value(u"error").toObject().value(u"type").toString(),
             QStringLiteral("INVALID_CREDENTIALS"));
    QVERIFY(!wrong.body.contains(u"access_token"));

    // Refresh: a new access token; an access token is not a refresh token.
    HttpAnswer refreshed
        = http(m_nam, "POST", url("/api/auth/refresh"), json({{"refresh_token", refreshToken}}));
    QCOMPARE(refreshed.status, 200);
    QVERIFY(!refreshed.body.value(u"access_token").toString().isEmpty());
    HttpAnswer wrongType
        = http(m_nam, "POST", url("/api/auth/refresh"), json({{"refresh_token", access}}));
    QCOMPARE(wrongType.status, 401);

    // Malformed requests: JSON errors with the right status, never a token.
    QCOMPARE(http(m_nam, "POST", url("/api/auth/login"), "{not json").status, 400);
    QCOMPARE(http(m_nam, "POST", url("/api/auth/login"), "[1,2]").status, 400);
    HttpAnswer numberPin = http(m_nam, "POST", url("/api/auth/login"),
                                json({{"employee_code", "EMP001"}, {"pin", 1234}}));
    QCOMPARE(numberPin.status, 400);
    QCOMPARE(numberPin.body.value(u"error").toObject().value(u"type").toString(),
             QStringLiteral("INVALID_DATA"));
    QCOMPARE(http(m_nam, "POST", url("/api/auth/refresh"), json({{"token", "x"}})).status, 400);
    HttpAnswer get = http(m_nam, "GET", url("/api/auth/login"));
    QCOMPARE(get.status, 405);
    QCOMPARE(get.headers.value("allow"), QByteArray("POST"));
    HttpAnswer unknown = http(m_nam, "POST", url("/api/auth/logout"), "{}");
    QCOMPARE(unknown.status, 404);
    QCOMPARE(unknown.body.value(u"error").toObject().value(u"type").toString(),
             QStringLiteral("NOT_FOUND"));
    QCOMPARE(http(m_nam, "GET", url("/index.html")).status, 404);
    QCOMPARE(http(m_nam, "POST", url("/api/auth/login"), QByteArray(64 * 1024, 'x')).status, 413);
    HttpAnswer health = http(m_nam, "GET", url("/api/health"));
    QCOMPARE(health.status, 200);
    QCOMPARE(health.body.value(u"status").toString(), QStringLiteral("ok"));

    const HubServer::Stats stats = server->stats();
    QCOMPARE(stats.signIns, quint64(2)); // the login and the refresh
    QCOMPARE(stats.signInFailures, quint64(2));
}

void TestHubServer::signInThrottled()
{
    HubServer *server = startServer();
    QUrl login = server->url();
    login.setPath(QStringLiteral("/api/auth/login"));
    const QByteArray bad
        = json({{"employee_code", "MGR001"}, {"pin", "0000"}, {"cafe_id", "cafe1"}});
    QList<int> statuses;
    HttpAnswer last;
    for (int i = 0; i < 12 && last.status != 429; ++i) {
        last = http(m_nam, "POST", login, bad);
        statuses.append(last.status);
    }
    qInfo() << "statuses of failed sign-ins until the lock:" << statuses;
    // Five failures are answered; the fifth locks the code for 1 s, the next ones for 2 s,
    // 4 s ... so a quick sixth attempt is refused with 429 (a slow machine may get one more).
    QCOMPARE(statuses.mid(0, 5), QList<int>({401, 401, 401, 401, 401}));
    QCOMPARE(last.status, 429);
    QVERIFY(statuses.size() <= 8);
    const QJsonObject error = last.body.value(u"error").toObject();
    QCOMPARE(error.value(u"type").toString(), QStringLiteral("RATE_LIMITED"));
    QVERIFY(error.value(u"retry_after_ms").toInteger() > 0);
    QVERIFY(last.headers.value("retry-after").toInt() >= 1);
    // Even the right PIN waits for the lock to pass.
    QCOMPARE(http(m_nam, "POST", login,
                  json({{"employee_code", "MGR001"}, {"pin", "1234"}, {"cafe_id", "cafe1"}}))
                 .status,
             429);
    QVERIFY(server->stats().signInFailures >= 7);
}

void TestHubServer::signInTakesJsonFromAllowedOrigins_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("headers"); // {port} is the hub's port
    QTest::addColumn<int>("status");
    QTest::newRow("json, no origin (a native client)")
        << QByteArray("application/json") << QByteArray() << 200;
    QTest::newRow("json with a charset")
        << QByteArray("Application/JSON; charset=utf-8") << QByteArray() << 200;
    // What any web page may send anywhere without a preflight.
    QTest::newRow("text/plain") << QByteArray("text/plain") << QByteArray() << 415;
    QTest::newRow("form") << QByteArray("application/x-www-form-urlencoded") << QByteArray() << 415;
    QTest::newRow("no content type") << QByteArray() << QByteArray() << 415;
    // Browsers name the page's origin.
    QTest::newRow("allowed origin") << QByteArray("application/json")
                                    << QByteArray("Origin: http://console.example:8080\r\n") << 200;
    QTest::newRow("another origin")
        << QByteArray("application/json") << QByteArray("Origin: http://evil.example\r\n") << 403;
    QTest::newRow("null origin") << QByteArray("application/json") << QByteArray("Origin: null\r\n")
                                 << 403;
    QTest::newRow("the hub's own origin by address")
        << QByteArray("application/json") << QByteArray("Origin: http://127.0.0.1:{port}\r\n")
        << 200;
    // A host name can be rebound to the hub by whoever runs its DNS: not the hub's origin.
    QTest::newRow("a host name that points at the hub")
        << QByteArray("application/json")
        << QByteArray("Origin: http://hub.example:{port}\r\nHost: hub.example:{port}\r\n") << 403;
}

void TestHubServer::signInTakesJsonFromAllowedOrigins()
{
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, headers);
    QFETCH(int, status);
    HubServer::Options options;
    options.corsOrigins = {QStringLiteral("http://console.example:8080")};
    HubServer *server = startServer(options);
    const QByteArray port = QByteArray::number(server->port());
    headers.replace("{port}", port);
    QByteArray head = "POST /api/auth/login HTTP/1.1\r\n";
    if (!headers.contains("Host:"))
        head += "Host: 127.0.0.1:" + port + "\r\n";
    if (!contentType.isEmpty())
        head += "Content-Type: " + contentType + "\r\n";
    RawCall call(server->port(), QStringLiteral("127.0.0.1"), head + headers,
                 loginBody("EMP001", "1234"));
    QVERIFY(call.wait());
    QCOMPARE(call.status(), status);
    if (status != 200) {
        QVERIFY(!call.body().contains(u"access_token"));
        QVERIFY(!call.body().value(u"error").toObject().value(u"type").toString().isEmpty());
    }
    // Refused requests never reach a PIN check.
    QCOMPARE(server->stats().signIns, quint64(status == 200 ? 1 : 0));
    QCOMPARE(server->stats().signInFailures, quint64(0));
}

void TestHubServer::unknownCafeRefusedUnchecked()
{
    HubServer *server = startServer();
    RawCall call(server->port(), QStringLiteral("127.0.0.1"), loginHead(server->port()),
                 loginBody("EMP001", "1234", "nowhere"));
    QVERIFY(call.wait());
    QCOMPARE(call.status(), 400);
    QCOMPARE(call.body().value(u"error").toObject().value(u"type").toString(),
             QStringLiteral("INVALID_DATA"));
    // No PIN check, no failure counted against anyone.
    QCOMPARE(server->stats().signInFailures, quint64(0));
    QCOMPARE(
        m_server->service()->signInService().throttle().failures(QStringLiteral("addr:127.0.0.1")),
        0);
}

void TestHubServer::pinChecksLeaveTheLoopFree()
{
    HubServer::Options options;
    options.signInThreads = 1;
    m_fixture->slowPinChecks(QStringLiteral("cafe1"), QStringLiteral("EMP001"));
    HubServer *server = startServer(options);
    // Three slow PIN checks (3,000,000 rounds, one thread) from three addresses...
    std::vector<std::unique_ptr<RawCall>> logins;
    for (int i = 0; i < 3; ++i)
        logins.push_back(
            std::make_unique<RawCall>(server->port(), QStringLiteral("127.0.0.%1").arg(20 + i),
                                      loginHead(server->port()), loginBody("EMP001", "0000")));
    QTRY_COMPARE_WITH_TIMEOUT(server->stats().signInChecksInFlight, 3, 5000);
    // ...and meanwhile the loop answers everything else: the health check asked after them is
    // answered before any of them (on the hub's thread they would have gone first).
    RawCall health(server->port(), QStringLiteral("127.0.0.1"),
                   "GET /api/health HTTP/1.1\r\nHost: x\r\n", {});
    QVERIFY(health.wait());
    QCOMPARE(health.status(), 200);
    int answered = 0;
    for (const auto &login : logins)
        answered += login->isDone() ? 1 : 0;
    QCOMPARE(answered, 0);
    for (const auto &login : logins) {
        QVERIFY(login->wait());
        QCOMPARE(login->status(), 401);
    }
    QCOMPARE(server->stats().signInFailures, quint64(3));
}

void TestHubServer::pinCheckBounds()
{
    HubServer::Options options;
    options.signInThreads = 1;
    options.maxQueuedSignIns = 2;
    options.signInsPerSecond = 1000;
    // Slow checks, so the first check from an address is still running when the second comes.
    m_fixture->slowPinChecks(QStringLiteral("cafe1"), QStringLiteral("EMP002"));
    HubServer *server = startServer(options);
    // Eight at once from eight addresses: two are checked, the rest told to come back.
    std::vector<std::unique_ptr<RawCall>> logins;
    for (int i = 0; i < 8; ++i)
        logins.push_back(
            std::make_unique<RawCall>(server->port(), QStringLiteral("127.0.0.%1").arg(30 + i),
                                      loginHead(server->port()), loginBody("EMP002", "0000")));
    QList<int> statuses;
    for (const auto &login : logins) {
        QVERIFY(login->wait());
        statuses.append(login->status());
        if (login->status() == 429) {
            QCOMPARE(login->header("retry-after"), QByteArray("1"));
            QCOMPARE(login->body().value(u"error").toObject().value(u"type").toString(),
                     QStringLiteral("RATE_LIMITED"));
        }
    }
    qInfo() << "eight sign-ins at once with two checks allowed:" << statuses;
    QCOMPARE(statuses.count(401), 2);
    QCOMPARE(statuses.count(429), 6);
    QCOMPARE(server->stats().signInsShed, quint64(6));
    // One check at a time per address: a second sign-in while the first is checked waits.
    QTRY_COMPARE(server->stats().signInChecksInFlight, 0);
    RawCall first(server->port(), QStringLiteral("127.0.0.50"), loginHead(server->port()),
                  loginBody("EMP002", "0000"));
    QTRY_COMPARE_WITH_TIMEOUT(server->stats().signInChecksInFlight, 1, 5000);
    RawCall second(server->port(), QStringLiteral("127.0.0.50"), loginHead(server->port()),
                   loginBody("EMP001", "1234"));
    QVERIFY(second.wait());
    QVERIFY(first.wait());
    QCOMPARE(first.status(), 401);
    QCOMPARE(second.status(), 429);
}

void TestHubServer::failingAddressesCannotUseUpEverybodysBudget()
{
    HubServer::Options options;
    options.signInsPerSecond = 1; // bursts of 4 for clean addresses, 4 for failing ones
    HubServer *server = startServer(options);
    // Six addresses that failed a moment ago (recorded as a failed check would record it).
    SignInService &signIn = server->service()->signInService();
    const qint64 now = server->service()->clock()->monotonicMs();
    for (int a = 0; a < 6; ++a)
        signIn.throttle().recordFailure(QStringLiteral("addr:127.0.0.%1").arg(60 + a), now);
    // All six try at once: their own budget holds four, the rest are shed unchecked.
    std::vector<std::unique_ptr<RawCall>> guesses;
    for (int a = 0; a < 6; ++a)
        guesses.push_back(std::make_unique<RawCall>(
            server->port(), QStringLiteral("127.0.0.%1").arg(60 + a), loginHead(server->port()),
            loginBody(QByteArray("GUESS" + QByteArray::number(a)).constData(), "0000")));
    QList<int> statuses;
    for (const auto &guess : guesses) {
        QVERIFY(guess->wait());
        statuses.append(guess->status());
    }
    qInfo() << "six failing addresses at once, a budget of four:" << statuses;
    QVERIFY2(statuses.count(429) >= 2, qPrintable(QString::number(statuses.count(429))));
    QVERIFY(server->stats().signInsShed >= 2);
    // Their budget is spent; a till that never failed still gets its PIN checked at once.
    RawCall owner(server->port(), QStringLiteral("127.0.0.70"), loginHead(server->port()),
                  loginBody("MGR001", "1234"));
    QVERIFY(owner.wait());
    QCOMPARE(owner.status(), 200);
}

void TestHubServer::clientGoneWhileItsPinIsChecked()
{
    HubServer::Options options;
    options.signInThreads = 1;
    m_fixture->slowPinChecks(QStringLiteral("cafe1"), QStringLiteral("EMP001"));
    HubServer *server = startServer(options);
    {
        RawCall gone(server->port(), QStringLiteral("127.0.0.80"), loginHead(server->port()),
                     loginBody("EMP001", "0000"));
        QTRY_COMPARE_WITH_TIMEOUT(server->stats().signInChecksInFlight, 1, 5000);
        QVERIFY(!gone.isDone());
    } // closed here, before the answer
    // The failure still counts (leaving early must not dodge the throttle), nothing crashes,
    // and the address may sign in again once the check is over.
    QTRY_COMPARE_WITH_TIMEOUT(server->stats().signInFailures, quint64(1), 10000);
    QCOMPARE(
        server->service()->signInService().throttle().failures(QStringLiteral("addr:127.0.0.80")),
        1);
    RawCall back(server->port(), QStringLiteral("127.0.0.80"), loginHead(server->port()),
                 loginBody("EMP001", "1234"));
    QVERIFY(back.wait());
    QCOMPARE(back.status(), 200);
    // Stopping the hub with checks still running is safe too.
    RawCall pending(server->port(), QStringLiteral("127.0.0.81"), loginHead(server->port()),
                    loginBody("EMP001", "0000"));
    QTRY_COMPARE_WITH_TIMEOUT(server->stats().signInChecksInFlight, 1, 5000);
    server->stop();
    QTRY_COMPARE_WITH_TIMEOUT(server->stats().signInChecksInFlight, 0, 5000);
    // And destroying it while one runs.
    QVERIFY(server->start() > 0);
    RawCall last(server->port(), QStringLiteral("127.0.0.82"), loginHead(server->port()),
                 loginBody("EMP001", "0000"));
    QTRY_COMPARE_WITH_TIMEOUT(server->stats().signInChecksInFlight, 1, 5000);
    m_server.reset();
}

void TestHubServer::corsForBrowsers()
{
    HubServer::Options options;
    options.corsOrigins = {QStringLiteral("http://console.example:8080")};
    HubServer *server = startServer(options);
    QUrl login = server->url();
    login.setPath(QStringLiteral("/api/auth/login"));
    HttpAnswer preflight = http(m_nam, "OPTIONS", login, {},
                                {{"Origin", "http://console.example:8080"},
                                 {"Access-Control-Request-Method", "POST"},
                                 {"Access-Control-Request-Headers", "content-type"}});
    QCOMPARE(preflight.status, 204);
    QCOMPARE(preflight.headers.value("access-control-allow-origin"),
             QByteArray("http://console.example:8080"));
    HttpAnswer post
        = http(m_nam, "POST", login,
               json({{"employee_code", "EMP001"}, {"pin", "1234"}, {"cafe_id", "cafe1"}}),
               {{"Origin", "http://console.example:8080"}});
    QCOMPARE(post.status, 200);
    QCOMPARE(post.headers.value("access-control-allow-origin"),
             QByteArray("http://console.example:8080"));
    // Another origin earns no CORS headers (the browser then refuses the answer).
    HttpAnswer other = http(m_nam, "POST", login, "{}", {{"Origin", "http://evil.example"}});
    QVERIFY(!other.headers.contains("access-control-allow-origin"));
}

void TestHubServer::handshakeRefusals_data()
{
    QTest::addColumn<QString>("which");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("type");
    QTest::newRow("no token") << "none"
                              << "Authentication error"
                              << "INVALID_TOKEN";
    QTest::newRow("garbage") << "garbage"
                             << "Authentication error"
                             << "INVALID_TOKEN";
    QTest::newRow("expired") << "expired"
                             << "Authentication error"
                             << "INVALID_TOKEN";
    QTest::newRow("refresh token") << "refresh"
                                   << "Authentication error"
                                   << "INVALID_TOKEN";
    QTest::newRow("query cafe") << "query-cafe"
                                << "Permission denied"
                                << "PERMISSION_DENIED";
    QTest::newRow("query role") << "query-role"
                                << "Permission denied"
                                << "PERMISSION_DENIED";
    QTest::newRow("cafe not served") << "ghost"
                                     << "Permission denied"
                                     << "PERMISSION_DENIED";
}

void TestHubServer::handshakeRefusals()
{
    QFETCH(QString, which);
    QFETCH(QString, message);
    QFETCH(QString, type);
    HubServer *server = startServer();
    const HubActor e = m_fixture->employee();
    QString tok = token(e);
    QString cafe = e.cafeId, role = QStringLiteral("employee");
    if (which == u"none")
        tok.clear();
    else if (which == u"garbage")
        tok = QStringLiteral("not.a.token");
    else if (which == u"expired")
        tok = token(e, -60);
    else if (which == u"refresh")
        tok = QString::fromLatin1(server->service()->mintToken(e, QStringLiteral("refresh"), 3600));
    else if (which == u"query-cafe")
        cafe = QStringLiteral("cafe2");
    else if (which == u"query-role")
        role = QStringLiteral("manager");
    else if (which == u"ghost")
        tok = token(HubActor{e.userId, e.name, e.role, QStringLiteral("ghost")});
    HubWireClient c(server->url(), tok, cafe, role,
                    {QStringLiteral("/orders"), QStringLiteral("/inventory")});
    QVERIFY(c.waitRefused(QStringLiteral("/orders")));
    QVERIFY(c.waitRefused(QStringLiteral("/inventory")));
    const HubWireClient::Refusal r = c.refusals.value(QStringLiteral("/orders"));
    QCOMPARE(r.message, message);
    QCOMPARE(r.data.value(u"type").toString(), type);
    QVERIFY(!r.data.value(u"message").toString().isEmpty());
    QVERIFY(!c.socket(QStringLiteral("/orders"))->isConnected());
    QVERIFY(server->stats().refusedHandshakes >= 2);
}

void TestHubServer::commandsAcksAndEvents()
{
    startServer();
    auto employee
        = client(m_fixture->employee(), {QStringLiteral("/orders"), QStringLiteral("/inventory")});
    auto other = client(m_fixture->employee2(), {QStringLiteral("/orders")});
    auto stranger
        = client(m_fixture->employee(QStringLiteral("cafe2")), {QStringLiteral("/orders")});
    QVERIFY(employee->waitConnected());
    QVERIFY(other->waitConnected());
    QVERIFY(stranger->waitConnected());

    // The ack comes first (the order is stored), the event right after, to the whole cafe.
    QStringList seen;
    QObject context;
    employee->socket(QStringLiteral("/orders"))
        ->on(QStringLiteral("order:created"), &context,
             [&seen](const SioEvent &) { seen.append(QStringLiteral("event")); });
    const QJsonObject menu = employee->call(QStringLiteral("/orders"), QStringLiteral("list_menu"));
    QVERIFY(menu.value(u"ok").toBool());
    const QString latte = m_fixture->productId(QStringLiteral("Latte"));
    std::optional<QJsonObject> ack;
    employee->socket(QStringLiteral("/orders"))
        ->emitWithAck(
            QStringLiteral("create_order"),
            {QJsonObject{
                {"customer_name", "John Doe"},
                {"items", QJsonArray{QJsonObject{{"product_id", latte}, {"quantity", 1}}}}}},
            &context,
            [&](const SioAckResult &r) {
                seen.append(QStringLiteral("ack"));
                ack = r.args.at(0).toObject();
            },
            10000);
    QVERIFY(QTest::qWaitFor([&] { return seen.size() == 2; }, 10000));
    QCOMPARE(seen, QStringList({QStringLiteral("ack"), QStringLiteral("event")}));
    QVERIFY(ack->value(u"ok").toBool());
    QVERIFY(other->waitFor(QStringLiteral("order:created")));
    const QJsonObject envelope = other->of(QStringLiteral("order:created")).first().envelope;
    QCOMPARE(envelope.value(u"event").toString(), QStringLiteral("order:created"));
    QCOMPARE(envelope.value(u"meta").toObject().value(u"cafe_id").toString(),
             QStringLiteral("cafe1"));
    QCOMPARE(envelope.value(u"data").toObject().value(u"order").toObject().value(u"id"),
             ack->value(u"data").toObject().value(u"order").toObject().value(u"id"));
    // The stock it took is announced in /inventory.
    QVERIFY(employee->waitFor(QStringLiteral("inventory:stock_updated")));

    // Unknown commands, wrong namespaces, binary payloads: refused through the ack.
    const QJsonObject unknown
        = employee->call(QStringLiteral("/orders"), QStringLiteral("make_coffee"));
    QCOMPARE(unknown.value(u"ok").toBool(true), false);
    QCOMPARE(unknown.value(u"error").toObject().value(u"type").toString(),
             QStringLiteral("NOT_FOUND"));
    const QJsonObject misplaced
        = employee->call(QStringLiteral("/inventory"), QStringLiteral("list_orders"));
    QCOMPARE(misplaced.value(u"error").toObject().value(u"type").toString(),
             QStringLiteral("NOT_FOUND"));
    std::optional<SioAckResult> binary;
    employee->socket(QStringLiteral("/orders"))
        ->emitWithAck(QStringLiteral("list_menu"), {SioCodec::placeholder(0)}, &context,
                      [&](const SioAckResult &r) { binary = r; }, 10000, {QByteArray("\x01\x02")});
    QVERIFY(QTest::qWaitFor([&] { return binary.has_value(); }, 10000));
    QCOMPARE(binary->args.at(0).toObject().value(u"error").toObject().value(u"type").toString(),
             QStringLiteral("INVALID_DATA"));
    // Permission is checked on the token's role: an employee cannot adjust stock.
    QCOMPARE(employee
                 ->call(QStringLiteral("/inventory"), QStringLiteral("adjust_stock"),
                        {{"sku", "ESP001"}, {"change_type", "purchase"}, {"quantity", 10}})
                 .value(u"error")
                 .toObject()
                 .value(u"type")
                 .toString(),
             QStringLiteral("PERMISSION_DENIED"));
    // Another cafe never heard of any of it.
    QTest::qWait(200);
    QVERIFY(stranger->events.isEmpty());
}

void TestHubServer::errorEventWithoutAck()
{
    startServer();
    auto employee = client(m_fixture->employee(), {QStringLiteral("/orders")});
    QVERIFY(employee->waitConnected());
    SioSocket *orders = employee->socket(QStringLiteral("/orders"));
    // Without an ack, a failing command answers with the contract's `error` event.
    orders->emitEvent(
        QStringLiteral("update_order_status"),
        {QJsonObject{{"order_id", "nope"}, {"status", "ready"}, {"request_id", "r1"}}});
    QVERIFY(employee->waitFor(QStringLiteral("error")));
    const QJsonObject error = employee->of(QStringLiteral("error")).first().envelope;
    QCOMPARE(error.value(u"type").toString(), QStringLiteral("NOT_FOUND"));
    QVERIFY(!error.value(u"message").toString().isEmpty());
    QCOMPARE(error.value(u"command").toString(), QStringLiteral("update_order_status"));
    QCOMPARE(error.value(u"request_id").toString(), QStringLiteral("r1"));
    orders->emitEvent(QStringLiteral("cancel_order"), {QJsonObject{{"order_id", "x"}}});
    QVERIFY(employee->waitFor(QStringLiteral("error"), 2));
    QCOMPARE(employee->of(QStringLiteral("error")).at(1).envelope.value(u"type").toString(),
             QStringLiteral("PERMISSION_DENIED"));
    // A successful command without an ack answers nothing (its events still go out).
    orders->emitEvent(QStringLiteral("join_counter"), {QJsonObject{{"counter", "Counter 1"}}});
    QTest::qWait(300);
    QCOMPARE(employee->of(QStringLiteral("error")).size(), 2);
}

void TestHubServer::counterRoomsOverTheWire()
{
    HubServer *server = startServer();
    auto barista1 = client(m_fixture->employee(), {QStringLiteral("/orders")});
    auto barista2 = client(m_fixture->employee2(), {QStringLiteral("/orders")});
    auto manager = client(m_fixture->manager(), {QStringLiteral("/orders")});
    QVERIFY(barista1->waitConnected() && barista2->waitConnected() && manager->waitConnected());
    const QJsonObject joined = barista1->call(
        QStringLiteral("/orders"), QStringLiteral("join_counter"), {{"counter", "Counter 1"}});
    QVERIFY(joined.value(u"ok").toBool());
    QCOMPARE(joined.value(u"data").toObject().value(u"room").toString(),
             QStringLiteral("cafe:cafe1:counter:Counter 1"));
    const auto roomSize = [server](const QString &room) {
        for (const HubServer::NamespaceStats &n : server->stats().namespaces)
            if (n.name == u"/orders")
                return n.rooms.value(room);
        return -1;
    };
    QCOMPARE(roomSize(QStringLiteral("cafe:cafe1:counter:Counter 1")), 1);
    QCOMPARE(barista1
                 ->call(QStringLiteral("/orders"), QStringLiteral("join_counter"),
                        {{"counter", "Counter 9"}})
                 .value(u"error")
                 .toObject()
                 .value(u"type")
                 .toString(),
             QStringLiteral("NOT_FOUND"));

    // An order at Counter 1 moved to Counter 2: the Counter 1 barista and the manager hear it,
    // the barista who follows no counter does not.
    const QString id
        = manager
              ->call(QStringLiteral("/orders"), QStringLiteral("create_order"),
                     {{"customer_name", "Ann"},
                      {"items",
                       QJsonArray{QJsonObject{{"product_id", m_fixture->productId("Espresso")},
                                              {"quantity", 1}}}}})
              .value(u"data")
              .toObject()
              .value(u"order")
              .toObject()
              .value(u"id")
              .toString();
    QVERIFY(!id.isEmpty());
    QVERIFY(manager
                ->call(QStringLiteral("/orders"), QStringLiteral("assign_counter"),
                       {{"order_id", id}, {"counter", "Counter 2"}, {"reason", "Load balancing"}})
                .value(u"ok")
                .toBool());
    QVERIFY(barista1->waitFor(QStringLiteral("order:assigned_counter")));
    QVERIFY(manager->waitFor(QStringLiteral("order:assigned_counter")));
    QTest::qWait(200);
    QVERIFY(barista2->of(QStringLiteral("order:assigned_counter")).isEmpty());

    QVERIFY(barista1
                ->call(QStringLiteral("/orders"), QStringLiteral("leave_counter"),
                       {{"counter", "Counter 1"}})
                .value(u"ok")
                .toBool());
    QCOMPARE(roomSize(QStringLiteral("cafe:cafe1:counter:Counter 1")), 0);
}

void TestHubServer::requestIdReplayOverTheWire()
{
    startServer();
    auto till = client(m_fixture->employee(), {QStringLiteral("/orders")});
    auto watcher = client(m_fixture->manager(), {QStringLiteral("/orders")});
    QVERIFY(till->waitConnected() && watcher->waitConnected());
    const QJsonObject payload{
        {"customer_name", "Retry"},
        {"request_id", "till-42"},
        {"items", QJsonArray{QJsonObject{{"product_id", m_fixture->productId("Espresso")},
                                         {"quantity", 1}}}}};
    const QJsonObject first
        = till->call(QStringLiteral("/orders"), QStringLiteral("create_order"), payload);
    const QJsonObject second
        = till->call(QStringLiteral("/orders"), QStringLiteral("create_order"), payload);
    QVERIFY(first.value(u"ok").toBool());
    QCOMPARE(second, first);
    QVERIFY(watcher->waitFor(QStringLiteral("order:created")));
    QTest::qWait(300);
    QCOMPARE(watcher->of(QStringLiteral("order:created")).size(), 1);
}

void TestHubServer::timerEventsReachClients()
{
    startServer();
    auto till
        = client(m_fixture->employee(), {QStringLiteral("/orders"), QStringLiteral("/payments")});
    QVERIFY(till->waitConnected());
    const QString id
        = till->call(
                  QStringLiteral("/orders"), QStringLiteral("create_order"),
                  {{"customer_name", "Card"},
                   {"items", QJsonArray{QJsonObject{{"product_id", m_fixture->productId("Latte")},
                                                    {"quantity", 1}}}}})
              .value(u"data")
              .toObject()
              .value(u"order")
              .toObject()
              .value(u"id")
              .toString();
    QVERIFY(till->call(QStringLiteral("/payments"), QStringLiteral("start_payment"),
                       {{"order_id", id}, {"method", "card"}})
                .value(u"ok")
                .toBool());
    QVERIFY(till->waitFor(QStringLiteral("payment:processing")));
    // The provider answers from a timer (HubDomain::eventsReady), not from a command.
    QVERIFY(till->waitFor(QStringLiteral("payment:completed"), 1, 10000));
    QCOMPARE(till->of(QStringLiteral("payment:completed"))
                 .first()
                 .envelope.value(u"data")
                 .toObject()
                 .value(u"order_id")
                 .toString(),
             id);
}

void TestHubServer::fenceKeepsOtherCafesOut()
{
    HubServer *server = startServer();
    // A device id minted for two cafes (device tokens need not be registered): both sockets are
    // in `user:kiosk`. An event of cafe1 for that room reaches only cafe1's socket.
    const HubActor kiosk1{QStringLiteral("kiosk"), QStringLiteral("Kiosk"), HubRole::Employee,
                          QStringLiteral("cafe1")};
    HubActor kiosk2 = kiosk1;
    kiosk2.cafeId = QStringLiteral("cafe2");
    auto a = client(kiosk1, {QStringLiteral("/employees")});
    auto b = client(kiosk2, {QStringLiteral("/employees")});
    QVERIFY(a->waitConnected() && b->waitConnected());
    HubEvent e;
    e.cafeId = QStringLiteral("cafe1");
    e.nsp = QStringLiteral("/employees");
    e.name = QStringLiteral("employee:drink_consumed");
    e.envelope = QJsonObject{{"event", e.name}, {"data", QJsonObject{}}, {"meta", QJsonObject{}}};
    e.rooms = {QStringLiteral("user:kiosk")};
    e.cafeRoom = QStringLiteral("cafe:cafe1");
    Q_EMIT server->service()->eventsReady({e});
    QVERIFY(a->waitFor(e.name));
    QTest::qWait(300);
    QVERIFY(b->events.isEmpty());
    QCOMPARE(server->stats().hubEvents, quint64(1));
}

void TestHubServer::operatorFigures()
{
    HubServer *server = startServer();
    auto manager = client(m_fixture->manager(), HubDomain::namespaces());
    auto employee = client(m_fixture->employee(), {QStringLiteral("/orders")});
    QVERIFY(manager->waitConnected() && employee->waitConnected());
    for (int i = 0; i < 3; ++i)
        QVERIFY(employee->call(QStringLiteral("/orders"), QStringLiteral("list_orders"))
                    .value(u"ok")
                    .toBool());
    QVERIFY(
        !employee->call(QStringLiteral("/orders"), QStringLiteral("nope")).value(u"ok").toBool());
    const HubServer::Stats s = server->stats();
    QVERIFY(s.running);
    QCOMPARE(s.clients, 2);
    QCOMPARE(s.commands, quint64(4));
    QCOMPARE(s.commandErrors, quint64(1));
    QVERIFY(s.eventsIn >= 4);
    QHash<QString, int> sockets;
    for (const HubServer::NamespaceStats &n : s.namespaces)
        sockets.insert(n.name, n.sockets);
    QCOMPARE(sockets.value(QStringLiteral("/orders")), 2);
    QCOMPARE(sockets.value(QStringLiteral("/system")), 1);
    QVERIFY(!sockets.contains(QStringLiteral("/"))); // unused, left out
    for (const HubServer::NamespaceStats &n : s.namespaces) {
        if (n.name != u"/orders")
            continue;
        QCOMPARE(n.rooms.value(QStringLiteral("cafe:cafe1")), 2);
        QCOMPARE(n.rooms.value(QStringLiteral("cafe:cafe1:orders")), 2);
        QCOMPARE(n.rooms.value(QStringLiteral("cafe:cafe1:role:manager")), 1);
        QCOMPARE(n.rooms.value(QStringLiteral("user:") + m_fixture->employee().userId), 1);
    }
    // Rates are computed once a second.
    QVERIFY(QTest::qWaitFor([server] { return server->stats().commandsPerSecond > 0; }, 3000)
            || server->stats().commands == 4);
}

void TestHubServer::tls()
{
    TestCerts certs;
    if (!certs.generate())
        QSKIP(qPrintable(certs.error));
    HubServer::Options options;
    options.tlsCertificateFile = certs.serverPem();
    options.tlsKeyFile = certs.serverKey();
    HubServer *server = startServer(options);
    QVERIFY(server->isRunning());
    QCOMPARE(server->url().scheme(), QStringLiteral("https"));
    // Sign-in over https, trusting the test CA.
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.addCaCertificates(certs.ca());
    QNetworkRequest request(QUrl(server->url().toString() + QStringLiteral("/api/auth/login")));
    request.setSslConfiguration(ssl);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    request.setTransferTimeout(10000);
    QNetworkReply *reply = m_nam.post(
        request, json({{"employee_code", "EMP001"}, {"pin", "1234"}, {"cafe_id", "cafe1"}}));
    QVERIFY(QTest::qWaitFor([reply] { return reply->isFinished(); }, 15000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    const QString access
        = QJsonDocument::fromJson(reply->readAll()).object().value(u"access_token").toString();
    reply->deleteLater();
    // And the namespaces over wss.
    SioClientOptions o;
    o.caFile = certs.caPem();
    HubWireClient c(server->url(), access, QStringLiteral("cafe1"), QStringLiteral("employee"),
                    {QStringLiteral("/orders")}, o);
    QVERIFY(c.waitConnected());
    QVERIFY(c.call(QStringLiteral("/orders"), QStringLiteral("list_menu")).value(u"ok").toBool());
    // Unreadable key files stop the start with a clear error.
    HubServer::Options broken;
    broken.bindAddress = QHostAddress::LocalHost;
    broken.port = 0;
    broken.tlsCertificateFile = certs.serverPem();
    broken.tlsKeyFile = certs.dir.filePath(QStringLiteral("missing.key"));
    HubServer bad(m_fixture->dataDir, broken);
    QCOMPARE(bad.start(), quint16(0));
    QVERIFY(!bad.errorString().isEmpty());
}

QTEST_GUILESS_MAIN(TestHubServer)
#include "tst_hubserver.moc"
