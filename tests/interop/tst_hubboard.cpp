// The customer ready board against a live hub (HubServer on 127.0.0.1, port 0): its page and the
// socket.io-client build served at /board, the board token as stock socket.io-client 4.8.4 sees
// it (read-only, /orders only, only board rows: no phone, price, item or staff name), and the
// page itself in headless Chromium following orders that another client creates and moves.
#include "boardpage.h"
#include "devtoolspage.h"
#include "hubserver.h"
#include "hubtestfixture.h"
#include "hubwireclient.h"
#include "rawsioclient.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QStandardPaths>

using namespace TableTap;
using namespace TableTap::Test;

namespace {

struct HttpAnswer
{
    int status = 0;
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; // lower-case names
};

HttpAnswer request(const QByteArray &method, const QUrl &url, const QByteArray &body = {},
                   const QList<std::pair<QByteArray, QByteArray>> &headers = {})
{
    QNetworkAccessManager http;
    QNetworkRequest r(url);
    for (const auto &[name, value] : headers)
        r.setRawHeader(name, value);
    r.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    QNetworkReply *reply = http.sendCustomRequest(r, method, body);
    // Bounded; an unfinished reply answers status 0, which every caller compares.
    (void)QTest::qWaitFor([reply] { return reply->isFinished(); }, 10000);
    HttpAnswer a;
    a.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    a.body = reply->readAll();
    for (const auto &[name, value] : reply->rawHeaderPairs())
        a.headers.insert(name.toLower(), value);
    reply->deleteLater();
    return a;
}

} // namespace

class TestHubBoard : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void pageAndClientAreServed();
    void boardTokenIsNoStaffToken();
    void boardTokenReadsOnlyTheBoard();
    void recoveryKeepsBoardsAndStaffApart();
    void boardPageInChromium();

private:
    QString boardToken(qint64 ttl = 0);
    QString accessToken(const HubActor &actor);
    // create_order through the manager's client: the new order's id.
    QString createOrder(HubWireClient &till, const QString &customer, const QString &phone,
                        const QString &cafe = QStringLiteral("cafe1"));
    bool setStatus(HubWireClient &till, const QString &orderId, const QString &status);

    std::unique_ptr<HubFixture> m_fixture;
    std::unique_ptr<HubServer> m_server;
};

void TestHubBoard::init()
{
    m_fixture = std::make_unique<HubFixture>(
        QStringList{QStringLiteral("cafe1"), QStringLiteral("cafe2")});
    HubServer::Options options;
    options.bindAddress = QHostAddress::LocalHost;
    options.port = 0;
    m_server = std::make_unique<HubServer>(m_fixture->dataDir, options);
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
}

void TestHubBoard::cleanup()
{
    m_server.reset();
    m_fixture.reset();
}

QString TestHubBoard::boardToken(qint64 ttl)
{
    TokenRequest r;
    r.board = true;
    r.cafeId = QStringLiteral("cafe1");
    r.name = QStringLiteral("Front TV");
    r.ttlSeconds = ttl;
    QString token;
    const AdminResult result = m_server->admin().mintToken(r, &token);
    if (!result.ok())
        qWarning() << "board token:" << result.message;
    return token;
}

QString TestHubBoard::accessToken(const HubActor &actor)
{
    return QString::fromLatin1(
        m_server->service()->mintToken(actor, QStringLiteral("access"), 3600));
}

QString TestHubBoard::createOrder(HubWireClient &till, const QString &customer,
                                  const QString &phone, const QString &cafe)
{
    return till
        .call(QStringLiteral("/orders"), QStringLiteral("create_order"),
              {{"customer_name", customer},
               {"customer_phone", phone},
               {"items", QJsonArray{QJsonObject{{"product_id", m_fixture->productId("Latte", cafe)},
                                                {"quantity", 2}}}}})
        .value(u"data")
        .toObject()
        .value(u"order")
        .toObject()
        .value(u"id")
        .toString();
}

bool TestHubBoard::setStatus(HubWireClient &till, const QString &orderId, const QString &status)
{
    return till
        .call(QStringLiteral("/orders"), QStringLiteral("update_order_status"),
              {{"order_id", orderId}, {"status", status}})
        .value(u"ok")
        .toBool();
}

void TestHubBoard::pageAndClientAreServed()
{
    const QUrl base = m_server->url();
    const auto at = [&base](const QString &path) {
        return base.resolved(QUrl(path));
    };

    for (const QString &path : {QStringLiteral("/board"), QStringLiteral("/board/")}) {
        const HttpAnswer page = request("GET", at(path));
        QCOMPARE(page.status, 200);
        QCOMPARE(page.headers.value("content-type"), QByteArray("text/html; charset=utf-8"));
        QCOMPARE(page.headers.value("cache-control"), QByteArray("no-cache"));
        QVERIFY(page.headers.value("content-security-policy").contains("script-src 'self'"));
        QVERIFY(page.body.contains("/board/socket.io.min.js"));
        QVERIFY(!page.body.contains("<script>")); // no inline script: the policy forbids it
    }
    const HttpAnswer client = request("GET", at(QStringLiteral("/board/socket.io.min.js")));
    QCOMPARE(client.status, 200);
    QCOMPARE(client.headers.value("content-type"), QByteArray("text/javascript; charset=utf-8"));
    QCOMPARE(client.headers.value("cache-control"), QByteArray("public, max-age=86400"));
    QCOMPARE(client.headers.value("x-content-type-options"), QByteArray("nosniff"));
    // The stock build of the pinned package, byte for byte (the test's own npm copy).
    QFile stock(
        QStringLiteral(TT_INTEROP_DIR "/node_modules/socket.io-client/dist/socket.io.min.js"));
    if (stock.open(QIODevice::ReadOnly))
        QCOMPARE(client.body, stock.readAll());
    QVERIFY(client.body.startsWith("/*!\n * Socket.IO v4.8.4"));
    // A TV reloading the page revalidates instead of downloading.
    const QByteArray etag = client.headers.value("etag");
    QVERIFY(!etag.isEmpty());
    const HttpAnswer again = request("GET", at(QStringLiteral("/board/socket.io.min.js")), {},
                                     {{"If-None-Match", etag}});
    QCOMPARE(again.status, 304);
    QVERIFY(again.body.isEmpty());

    QCOMPARE(request("GET", at(QStringLiteral("/board/board.js"))).headers.value("content-type"),
             QByteArray("text/javascript; charset=utf-8"));
    QCOMPARE(request("GET", at(QStringLiteral("/board/board.css"))).headers.value("content-type"),
             QByteArray("text/css; charset=utf-8"));
    QCOMPARE(request("GET", at(QStringLiteral("/board/../hub.secret"))).status, 404);
    QCOMPARE(request("GET", at(QStringLiteral("/board/socket.io.js.map"))).status, 404);
    QCOMPARE(request("GET", at(QStringLiteral("/boards"))).status, 404);
    const HttpAnswer post = request("POST", at(QStringLiteral("/board")), "x");
    QCOMPARE(post.status, 405);
    QCOMPARE(post.headers.value("allow"), QByteArray("GET, HEAD"));
    QCOMPARE(BoardPage::content("/board/board.js"), request("GET", at("/board/board.js")).body);
}

void TestHubBoard::boardTokenIsNoStaffToken()
{
    const QString board = boardToken();
    QVERIFY(!board.isEmpty());
    HubDomain &hub = *m_server->service();
    // Not an access token, not a refresh token; and an access token is no board token.
    QCOMPARE(hub.verifyAccessToken(board).error, JsonWebToken::Error::WrongTokenType);
    QVERIFY(hub.verifyBoardToken(board, {}, {}).ok());
    QCOMPARE(hub.verifyBoardToken(board, QStringLiteral("cafe2"), {}).error,
             JsonWebToken::Error::QueryMismatch);
    QCOMPARE(hub.verifyBoardToken(board, {}, QStringLiteral("manager")).error,
             JsonWebToken::Error::QueryMismatch);
    QCOMPARE(hub.verifyBoardToken(accessToken(m_fixture->manager()), {}, {}).error,
             JsonWebToken::Error::WrongTokenType);
    const HttpAnswer refresh
        = request("POST", m_server->url().resolved(QUrl(QStringLiteral("/api/auth/refresh"))),
                  QJsonDocument(QJsonObject{{"refresh_token", board}}).toJson(),
                  {{"Content-Type", "application/json"}});
    QCOMPARE(refresh.status, 401);
    // Expired like any token; its lifetime defaults to 90 days.
    const QJsonObject claims
        = QJsonDocument::fromJson(QByteArray::fromBase64(board.section(u'.', 1, 1).toLatin1(),
                                                         QByteArray::Base64UrlEncoding))
              .object();
    QCOMPARE(claims.value(u"token_type").toString(), QStringLiteral("board"));
    QCOMPARE(claims.value(u"exp").toInteger() - claims.value(u"iat").toInteger(),
             HubAdminService::kBoardTokenTtlSeconds);
    TokenRequest unknownCafe;
    unknownCafe.board = true;
    unknownCafe.cafeId = QStringLiteral("nowhere");
    QString token;
    QCOMPARE(m_server->admin().mintToken(unknownCafe, &token).status,
             AdminResult::Status::NotFound);
}

void TestHubBoard::boardTokenReadsOnlyTheBoard()
{
    if (QStandardPaths::findExecutable(QStringLiteral("node")).isEmpty())
        QSKIP("node is not installed");
    if (!QFile::exists(QStringLiteral(TT_INTEROP_DIR "/node_modules/socket.io-client")))
        QSKIP("run `npm ci` in tests/interop first");
    HubWireClient till(m_server->url(), accessToken(m_fixture->manager()), QStringLiteral("cafe1"),
                       {}, {QStringLiteral("/orders")});
    QVERIFY(till.waitConnected());
    const QString waiting
        = createOrder(till, QStringLiteral("Zoe Waiting"), QStringLiteral("+15550000001"));
    QVERIFY(!waiting.isEmpty());
    // Another cafe's order: never on this cafe's board.
    HubWireClient other(m_server->url(), accessToken(m_fixture->manager(QStringLiteral("cafe2"))),
                        QStringLiteral("cafe2"), {}, {QStringLiteral("/orders")});
    QVERIFY(other.waitConnected());

    QProcess node;
    node.setWorkingDirectory(QStringLiteral(TT_INTEROP_DIR));
    node.start(QStringLiteral("node"), {QStringLiteral(TT_INTEROP_DIR "/hub-board.js"),
                                        QString::number(m_server->port()), boardToken()});
    QVERIFY(node.waitForStarted(10000));
    QList<QJsonObject> lines;
    QByteArray buffer;
    const auto seen = [&](const QString &type) {
        buffer += node.readAllStandardOutput();
        qsizetype nl;
        while ((nl = buffer.indexOf('\n')) >= 0) {
            lines.append(QJsonDocument::fromJson(buffer.left(nl)).object());
            buffer.remove(0, nl + 1);
        }
        for (const QJsonObject &l : std::as_const(lines))
            if (l.value(u"type").toString() == type
                || (type == u"done" && l.value(u"done").toBool()))
                return true;
        return false;
    };
    QVERIFY2(QTest::qWaitFor([&] { return seen(QStringLiteral("ready")); }, 30000),
             qPrintable(QString::fromLocal8Bit(node.readAllStandardError())));

    // Now the till works: one order all the way, one cancelled, one in the other cafe.
    const QString anna
        = createOrder(till, QStringLiteral("Anna Schmidt"), QStringLiteral("+15551234567"));
    QVERIFY(setStatus(till, anna, QStringLiteral("preparing")));
    QVERIFY(setStatus(till, anna, QStringLiteral("ready")));
    QVERIFY(setStatus(till, anna, QStringLiteral("completed")));
    const QString bob = createOrder(till, QStringLiteral("Bob"), QStringLiteral("+15557654321"));
    QVERIFY(till.call(QStringLiteral("/orders"), QStringLiteral("cancel_order"),
                      {{"order_id", bob}, {"reason", "changed mind"}})
                .value(u"ok")
                .toBool());
    QVERIFY(!createOrder(other, QStringLiteral("Carl Othercafe"), QStringLiteral("+15559999999"),
                         QStringLiteral("cafe2"))
                 .isEmpty());
    // Six rows for this cafe's board: Anna four times, Bob twice.
    const auto boardEvents = [&] {
        QList<QJsonObject> rows;
        for (const QJsonObject &l : std::as_const(lines))
            if (l.value(u"type").toString() == u"event"
                && l.value(u"name").toString() == u"board:order")
                rows.append(l.value(u"args").toArray().at(0).toObject());
        return rows;
    };
    QVERIFY(QTest::qWaitFor(
        [&] {
            seen({});
            return boardEvents().size() >= 6;
        },
        15000));
    QTest::qWait(300); // nothing else may follow (the other cafe's order above all)
    node.write("finish\n");
    QVERIFY(QTest::qWaitFor([&] { return seen(QStringLiteral("done")); }, 10000));
    node.closeWriteChannel();
    QVERIFY(node.waitForFinished(10000));

    QJsonObject list, listAgain;
    QHash<QString, QJsonObject> commands, namespaces;
    QList<QJsonObject> errors;
    for (const QJsonObject &l : std::as_const(lines)) {
        const QString type = l.value(u"type").toString();
        if (type == u"connect_error")
            QFAIL(qPrintable(QStringLiteral("board refused: ") + l.value(u"message").toString()));
        if (type == u"list")
            list = l.value(u"answer").toObject();
        else if (type == u"list_again")
            listAgain = l.value(u"answer").toObject();
        else if (type == u"command")
            commands.insert(l.value(u"name").toString(), l.value(u"answer").toObject());
        else if (type == u"namespace")
            namespaces.insert(l.value(u"nsp").toString(), l);
        else if (type == u"event" && l.value(u"name").toString() == u"error")
            errors.append(l.value(u"args").toArray().at(0).toObject());
        else if (type == u"event")
            QCOMPARE(l.value(u"name").toString(), QStringLiteral("board:order"));
    }

    // The list: the waiting order, as a board row.
    QVERIFY(list.value(u"ok").toBool());
    QCOMPARE(list.value(u"data").toObject().value(u"cafe_name").toString(),
             QStringLiteral("Cafe cafe1"));
    const QJsonArray rows = list.value(u"data").toObject().value(u"orders").toArray();
    QCOMPARE(rows.size(), 1);
    const QJsonObject row = rows.at(0).toObject();
    QCOMPARE(row.value(u"name").toString(), QStringLiteral("Zoe"));
    QCOMPARE(row.value(u"status").toString(), QStringLiteral("pending"));
    QCOMPARE(row.value(u"ticket").toInt(), 1);
    QVERIFY(row.value(u"order_number").toString().startsWith(u"ORD"));
    // Asked again at once: refused, the hub reads the list at most once a second per board.
    QCOMPARE(listAgain.value(u"error").toObject().value(u"type").toString(),
             QStringLiteral("RATE_LIMITED"));

    // Every command refused before it reached the cafe: nothing was created or changed.
    QCOMPARE(commands.size(), 7);
    for (auto it = commands.cbegin(); it != commands.cend(); ++it) {
        QVERIFY2(!it.value().value(u"ok").toBool(), qPrintable(it.key()));
        QCOMPARE(it.value().value(u"error").toObject().value(u"type").toString(),
                 QStringLiteral("PERMISSION_DENIED"));
    }
    QCOMPARE(m_fixture
                 ->scalar(QStringLiteral("cafe1"),
                          QStringLiteral("SELECT count(*) FROM orders WHERE customer_name = ?"),
                          QStringLiteral("Mallory"))
                 .toInt(),
             0);
    QCOMPARE(errors.size(), 1); // the command sent without an ack
    QCOMPARE(errors.at(0).value(u"type").toString(), QStringLiteral("PERMISSION_DENIED"));
    QCOMPARE(errors.at(0).value(u"command").toString(), QStringLiteral("update_order_status"));
    // Every other namespace refuses the token.
    QCOMPARE(namespaces.size(), 5);
    for (const QJsonObject &n : std::as_const(namespaces)) {
        QCOMPARE(n.value(u"result").toString(), QStringLiteral("connect_error"));
        QCOMPARE(n.value(u"message").toString(), QStringLiteral("Permission denied"));
    }

    // The events: board rows only, in order, with nothing but the board's six fields.
    const QList<QJsonObject> events = boardEvents();
    QStringList seenStatuses;
    const QSet<QString> allowed{"order_number", "ticket",     "name",
                                "status",       "created_at", "updated_at"};
    for (const QJsonObject &e : events) {
        for (const QString &key : e.keys())
            QVERIFY2(allowed.contains(key), qPrintable(key));
        seenStatuses.append(e.value(u"name").toString() + u':' + e.value(u"status").toString());
        const QByteArray text = QJsonDocument(e).toJson(QJsonDocument::Compact);
        for (const char *secret : {"555", "Schmidt", "Manager", "Othercafe", "Latte", "total",
                                   "price", "phone", "counter"})
            QVERIFY2(!text.contains(secret), text.constData());
    }
    QCOMPARE(seenStatuses, (QStringList{"Anna:pending", "Anna:preparing", "Anna:ready",
                                        "Anna:completed", "Bob:pending", "Bob:cancelled"}));
    QCOMPARE(events.size(), 6);
}

void TestHubBoard::recoveryKeepsBoardsAndStaffApart()
{
    HubWireClient till(m_server->url(), accessToken(m_fixture->manager()), QStringLiteral("cafe1"),
                       {}, {QStringLiteral("/orders")});
    QVERIFY(till.waitConnected());
    const QString board = boardToken();
    const QString staff = accessToken(m_fixture->employee());
    const auto ordersSockets = [&] {
        for (const HubServer::NamespaceStats &n : m_server->stats().namespaces)
            if (n.name == u"/orders")
                return n.sockets;
        return 0;
    };
    struct Session
    {
        QString pid, offset;
    };
    // Connects with a token, notes the session and the offset of the first event it hears
    // (eventPrefix), drops the line and lets one order be missed.
    const auto dropped = [&](const QString &token, const QByteArray &eventPrefix) {
        Session s;
        const int base = ordersSockets();
        RawSioClient raw(m_server->url());
        if (!raw.open() || !raw.connectNamespace(QStringLiteral("/orders"), {{"token", token}}))
            return s;
        s.pid = QJsonDocument::fromJson(raw.waitFor("40/orders,").value_or(QByteArray()).mid(10))
                    .object()
                    .value(u"pid")
                    .toString();
        createOrder(till, QStringLiteral("Before Drop"), QStringLiteral("+15550000004"));
        if (const auto frame = raw.waitFor(eventPrefix))
            s.offset = QJsonDocument::fromJson(frame->mid(frame->indexOf('[')))
                           .array()
                           .last()
                           .toString();
        raw.socket().abort();
        (void)QTest::qWaitFor([&] { return ordersSockets() == base; }, 10000);
        createOrder(till, QStringLiteral("While Away"), QStringLiteral("+15550000005"));
        return s;
    };
    const auto recover = [&](RawSioClient &raw, const QString &token, const Session &s) {
        return raw.open()
               && raw.connectNamespace(QStringLiteral("/orders"),
                                       {{"token", token}, {"pid", s.pid}, {"offset", s.offset}});
    };
    const auto count = [](const RawSioClient &raw, const QByteArray &prefix) {
        int n = 0;
        for (const QByteArray &f : raw.frames())
            n += f.startsWith(prefix) ? 1 : 0;
        return n;
    };

    // A board recovers its own session with its token and hears rows again (none were made
    // while no board of the cafe was connected: the page lists the board on every connection).
    Session s = dropped(board, "42/orders,[\"board:order\"");
    QVERIFY(!s.pid.isEmpty() && !s.offset.isEmpty());
    {
        RawSioClient raw(m_server->url());
        QVERIFY(recover(raw, board, s));
        createOrder(till, QStringLiteral("After Return"), QStringLiteral("+15550000006"));
        QTRY_COMPARE(count(raw, "42/orders,[\"board:order\""), 1);
        QCOMPARE(count(raw, "42/orders,[\"order:"), 0);
    }
    // A staff token cannot take over a board's session...
    s = dropped(board, "42/orders,[\"board:order\"");
    {
        RawSioClient raw(m_server->url());
        QVERIFY(!recover(raw, staff, s));
        QCOMPARE(raw.refusal().value(u"message").toString(), QStringLiteral("Permission denied"));
        QCOMPARE(count(raw, "42/orders,"), 0);
    }
    // ... nor a board token a staff member's, whose missed events carry phones and prices.
    s = dropped(staff, "42/orders,[\"order:created\"");
    QVERIFY(!s.pid.isEmpty() && !s.offset.isEmpty());
    {
        RawSioClient raw(m_server->url());
        QVERIFY(!recover(raw, board, s));
        QCOMPARE(raw.refusal().value(u"message").toString(), QStringLiteral("Permission denied"));
        QCOMPARE(count(raw, "42/orders,"), 0);
    }
}

void TestHubBoard::boardPageInChromium()
{
    if (!QFile::exists(DevToolsPage::chromium()))
        QSKIP("/usr/bin/chromium is not installed");
    HubWireClient till(m_server->url(), accessToken(m_fixture->manager()), QStringLiteral("cafe1"),
                       {}, {QStringLiteral("/orders")});
    QVERIFY(till.waitConnected());
    const QString early
        = createOrder(till, QStringLiteral("Early Bird"), QStringLiteral("+15550000002"));

    DevToolsPage page;
    const QString problem
        = page.open(m_server->url().toString() + QStringLiteral("/board#token=") + boardToken());
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    // What the board shows: each column's entries as "ticket name", the highlighted one, and
    // whether any markup from the network became an element.
    const QString read
        = QStringLiteral("JSON.stringify({"
                         " title: document.title,"
                         " status: document.getElementById('status').textContent,"
                         " preparing: [...document.querySelectorAll('#preparing-list li')].map("
                         "   (li) => li.querySelector('.ticket').textContent + ' ' + "
                         "li.querySelector('.name').textContent),"
                         " ready: [...document.querySelectorAll('#ready-list li')].map("
                         "   (li) => li.querySelector('.ticket').textContent + ' ' + "
                         "li.querySelector('.name').textContent),"
                         " newest: [...document.querySelectorAll('#ready-list li.newest "
                         ".name')].map((n) => n.textContent),"
                         " elements: document.querySelectorAll('main li *').length,"
                         " text: document.body.innerText,"
                         " speech: document.getElementById('speech').getAttribute('aria-pressed')"
                         "})");
    QJsonObject shown;
    const auto showsThat = [&](const std::function<bool(const QJsonObject &)> &wanted) {
        return QTest::qWaitFor(
            [&] {
                const auto v = page.evaluate(read);
                shown
                    = v ? QJsonDocument::fromJson(v->toString().toUtf8()).object() : QJsonObject();
                return wanted(shown);
            },
            15000);
    };
    const auto list = [](const QJsonObject &o, const char *key) {
        QStringList out;
        for (const QJsonValue &v : o.value(QLatin1String(key)).toArray())
            out.append(v.toString());
        return out;
    };
    // Loaded and listed: the order placed before the page opened is under Preparing.
    QVERIFY2(showsThat([&](const QJsonObject &o) {
                 return o.value(u"title").toString() == QStringLiteral("Cafe cafe1 – Orders")
                        && list(o, "preparing") == QStringList{QStringLiteral("1 Early")};
             }),
             QJsonDocument(shown).toJson().constData());
    QCOMPARE(shown.value(u"status").toString(), QString());
    QCOMPARE(shown.value(u"speech").toString(), QStringLiteral("false")); // call-out off

    // Orders another client makes appear live; a name with markup stays text.
    const QString anna
        = createOrder(till, QStringLiteral("Anna Schmidt"), QStringLiteral("+15551234567"));
    const QString ben
        = createOrder(till, QStringLiteral("<b>Ben</b>"), QStringLiteral("+15557654321"));
    QVERIFY2(showsThat([&](const QJsonObject &o) {
                 return list(o, "preparing")
                        == QStringList{QStringLiteral("1 Early"), QStringLiteral("2 Anna"),
                                       QStringLiteral("3 <b>Ben</b>")};
             }),
             QJsonDocument(shown).toJson().constData());
    QCOMPARE(shown.value(u"elements").toInt(), 4 + 2); // two spans per entry, nothing more

    // Anna ready: she moves to Ready for pickup and is highlighted.
    QVERIFY(setStatus(till, anna, QStringLiteral("preparing")));
    QVERIFY(setStatus(till, anna, QStringLiteral("ready")));
    QVERIFY2(showsThat([&](const QJsonObject &o) {
                 return list(o, "ready") == QStringList{QStringLiteral("2 Anna")}
                        && list(o, "newest") == QStringList{QStringLiteral("Anna")}
                        && list(o, "preparing")
                               == QStringList{QStringLiteral("1 Early"),
                                              QStringLiteral("3 <b>Ben</b>")};
             }),
             QJsonDocument(shown).toJson().constData());
    // Ben ready after her: he is the newest, on top.
    QVERIFY(setStatus(till, ben, QStringLiteral("preparing")));
    QVERIFY(setStatus(till, ben, QStringLiteral("ready")));
    QVERIFY2(showsThat([&](const QJsonObject &o) {
                 return list(o, "ready")
                            == QStringList{QStringLiteral("3 <b>Ben</b>"), QStringLiteral("2 Anna")}
                        && list(o, "newest") == QStringList{QStringLiteral("<b>Ben</b>")};
             }),
             QJsonDocument(shown).toJson().constData());
    // Picked up, cancelled: off the board.
    QVERIFY(setStatus(till, anna, QStringLiteral("completed")));
    QVERIFY(till.call(QStringLiteral("/orders"), QStringLiteral("cancel_order"),
                      {{"order_id", early}, {"reason", "left"}})
                .value(u"ok")
                .toBool());
    QVERIFY2(showsThat([&](const QJsonObject &o) {
                 return list(o, "ready") == QStringList{QStringLiteral("3 <b>Ben</b>")}
                        && list(o, "preparing").isEmpty();
             }),
             QJsonDocument(shown).toJson().constData());
    const QString text = shown.value(u"text").toString();
    QVERIFY(!text.contains(u"555"));
    QVERIFY(!text.contains(u"Schmidt"));

    // The hub restarts (on the same port): the page reconnects by itself and lists again.
    HubServer::Options options = m_server->options();
    options.port = m_server->port();
    m_server.reset();
    QVERIFY(
        showsThat([&](const QJsonObject &o) { return !o.value(u"status").toString().isEmpty(); }));
    m_server = std::make_unique<HubServer>(m_fixture->dataDir, options);
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    HubWireClient till2(m_server->url(), accessToken(m_fixture->manager()), QStringLiteral("cafe1"),
                        {}, {QStringLiteral("/orders")});
    QVERIFY(till2.waitConnected());
    createOrder(till2, QStringLiteral("Dana"), QStringLiteral("+15550000003"));
    QVERIFY2(showsThat([&](const QJsonObject &o) {
                 return o.value(u"status").toString().isEmpty()
                        && list(o, "preparing") == QStringList{QStringLiteral("4 Dana")};
             }),
             QJsonDocument(shown).toJson().constData());

    // A token the hub refuses, and none at all: the page says so instead of staying blank.
    for (const auto &[fragment, expected] :
         {std::pair<QString, QString>{QStringLiteral("#token=not-a-token"),
                                      QStringLiteral("The hub refused this board's token: "
                                                     "Authentication error (malformed).")},
          std::pair<QString, QString>{QString(), QStringLiteral("This board has no token")}}) {
        DevToolsPage other;
        const QString opened
            = other.open(m_server->url().toString() + QStringLiteral("/board") + fragment);
        QVERIFY2(opened.isEmpty(), qPrintable(opened));
        QString status;
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         const auto v = other.evaluate(
                             QStringLiteral("document.getElementById('status').textContent"));
                         status = v ? v->toString() : QString();
                         return status.startsWith(expected);
                     },
                     15000),
                 qPrintable(status));
    }
}

QTEST_GUILESS_MAIN(TestHubBoard)
#include "tst_hubboard.moc"
