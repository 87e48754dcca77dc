// The stock socket.io-client browser build in headless Chromium against our hub, through CORS:
// the page comes from one origin (a page server on its own port), the hub is another; default
// transports (polling, then the upgrade to websocket), events, acks both ways and binary.
#include "engineserver.h"
#include "enginesession.h"
#include "httpexchange.h"
#include "sioconnection.h"
#include "sionamespace.h"
#include "sioserver.h"
#include "sioserversocket.h"
#include "webserver.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace TableTap;

class tst_Browser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void socketIoClientInChromium();
};

void tst_Browser::socketIoClientInChromium()
{
    const QString chromium = QStringLiteral("/usr/bin/chromium");
    if (!QFile::exists(chromium))
        QSKIP("/usr/bin/chromium is not installed");
    QFile clientJs(
        QStringLiteral(TT_INTEROP_DIR "/node_modules/socket.io-client/dist/socket.io.min.js"));
    if (!clientJs.open(QIODevice::ReadOnly))
        QSKIP("run `npm ci` in tests/interop first");
    const QByteArray clientJsBytes = clientJs.readAll();
    QFile pageFile(QStringLiteral(TT_BROWSER_DIR "/page.html"));
    QVERIFY(pageFile.open(QIODevice::ReadOnly));
    const QByteArray pageTemplate = pageFile.readAll();

    // The page server: its own origin.
    WebServer pages;
    QByteArray result;
    QVERIFY(pages.listen());
    const QByteArray pageOrigin = "http://127.0.0.1:" + QByteArray::number(pages.serverPort());

    // The hub: CORS for the page's origin only, with credentials (so the origin is echoed).
    WebServer::Options hubOptions;
    hubOptions.cors.enabled = true;
    hubOptions.cors.origins = {pageOrigin};
    hubOptions.cors.credentials = true;
    WebServer hub(hubOptions);
    EngineServer engine;
    SioServer io(&engine);
    hub.mount(&engine);
    QByteArray seenOrigin;
    QString firstTransport;
    connect(&engine, &EngineServer::connection, this, [&](EngineSession *session) {
        if (firstTransport.isEmpty())
            firstTransport = session->transportName();
    });
    connect(io.of("/"), &SioNamespace::connection, this, [&](SioServerSocket *s) {
        seenOrigin = s->handshake().header("origin");
        s->emitEvent("welcome", {QJsonObject{{"hello", "browser"}}});
        s->on("echo", [](const QJsonArray &a, const QList<QByteArray> &, const auto &ack) {
            if (ack)
                ack(a, {});
        });
        s->on("bin", [](const QJsonArray &a, const QList<QByteArray> &att, const auto &ack) {
            if (ack)
                ack(a, att);
        });
        QPointer<SioServerSocket> guard(s);
        s->on("ask-me", [guard](const QJsonArray &a, const QList<QByteArray> &, const auto &) {
            if (!guard)
                return;
            guard->emitWithAck(
                "question", {a.first()},
                [guard](const SioServerSocket::AckReply &r) {
                    if (guard)
                        guard->emitEvent("answer-received",
                                         {r.ok() ? r.args.first() : QJsonValue(r.error)});
                },
                5000);
        });
    });
    QVERIFY(hub.listen());
    const QByteArray hubUrl = "http://127.0.0.1:" + QByteArray::number(hub.serverPort());

    QByteArray page = pageTemplate;
    page.replace("@HUB_URL@", hubUrl);
    pages.setHttpHandler("/socket.io.min.js", [&](HttpExchange *e) {
        e->respond(HttpResponse::make(200, clientJsBytes, "application/javascript"));
    });
    pages.setHttpHandler("/result", [&](HttpExchange *e) {
        result = e->request().body;
        e->respond(HttpResponse::make(204));
    });
    pages.setHttpHandler("/", [&](HttpExchange *e) {
        if (e->request().path == "/")
            e->respond(HttpResponse::make(200, page, "text/html; charset=utf-8"));
        else
            e->respond(HttpResponse::make(404));
    });

    QTemporaryDir profile;
    QVERIFY(profile.isValid());
    QProcess browser;
    browser.setProcessChannelMode(QProcess::MergedChannels);
    browser.start(chromium,
                  {"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                   "--no-first-run", "--disable-background-networking",
                   "--disable-component-update", "--disable-sync",
                   "--user-data-dir=" + profile.path(), QString::fromLatin1(pageOrigin + "/")});
    QVERIFY(browser.waitForStarted(10000));
    // Hub and page server run in this thread: wait with the event loop turning.
    QElapsedTimer clock;
    clock.start();
    while (result.isEmpty() && clock.elapsed() < 60000 && browser.state() != QProcess::NotRunning)
        QTest::qWait(20);
    browser.terminate();
    if (!browser.waitForFinished(5000)) {
        browser.kill();
        browser.waitForFinished(5000);
    }
    QVERIFY2(!result.isEmpty(), browser.readAll().right(3000).constData());

    const QJsonObject r = QJsonDocument::fromJson(result).object();
    QVERIFY2(!r.contains("error"), result.constData());
    QCOMPARE(r.value("upgradedTo").toString(), "websocket");
    QCOMPARE(r.value("welcome").toObject().value("hello").toString(), "browser");
    QCOMPARE(r.value("echo").toArray(), (QJsonArray{"from browser", QJsonObject{{"n", 1}}}));
    QCOMPARE(r.value("binaryBack").toArray(), (QJsonArray{9, 8, 7}));
    QCOMPARE(r.value("serverAck").toString(), "hi!");
    QCOMPARE(seenOrigin, pageOrigin); // a cross-origin client, let in by CORS
    // Polling first (the hub's handshake), then the upgrade (seen by the page).
    QCOMPARE(firstTransport, QStringLiteral("polling"));
}

QTEST_GUILESS_MAIN(tst_Browser)
#include "tst_browser.moc"
