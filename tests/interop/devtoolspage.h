// One page in headless Chromium, driven through the DevTools protocol for a test: starts the
// browser on a fresh profile with a debugging port of its choosing (DevToolsActivePort), opens
// the page's websocket and evaluates expressions in it. Bounded waits only; the browser is
// killed with the object.
#pragma once

#include <QDeadlineTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

#include <optional>

namespace TableTap::Test {

class DevToolsPage
{
public:
    static QString chromium() { return QStringLiteral("/usr/bin/chromium"); }

    ~DevToolsPage()
    {
        m_socket.abort();
        if (m_browser.state() != QProcess::NotRunning) {
            m_browser.kill();
            m_browser.waitForFinished(5000);
        }
    }

    // Empty on success, otherwise why the page is not there.
    QString open(const QString &url, const QSize &window = {1280, 720})
    {
        if (!m_profile.isValid())
            return QStringLiteral("no temporary profile folder");
        m_browser.setProcessChannelMode(QProcess::MergedChannels);
        m_browser.start(
            chromium(),
            {QStringLiteral("--headless"), QStringLiteral("--no-sandbox"),
             QStringLiteral("--disable-gpu"), QStringLiteral("--disable-quic"),
             QStringLiteral("--no-first-run"), QStringLiteral("--disable-background-networking"),
             QStringLiteral("--disable-component-update"), QStringLiteral("--disable-sync"),
             QStringLiteral("--lang=en-US"), QStringLiteral("--remote-debugging-port=0"),
             QStringLiteral("--remote-allow-origins=*"),
             QStringLiteral("--window-size=%1,%2").arg(window.width()).arg(window.height()),
             QStringLiteral("--user-data-dir=") + m_profile.path(), url});
        if (!m_browser.waitForStarted(10000))
            return QStringLiteral("cannot start chromium: ") + m_browser.errorString();
        // Chromium writes the port it took into the profile.
        QByteArray port;
        // Bounded; an empty port afterwards says it did not come.
        (void)QTest::qWaitFor(
            [&] {
                QFile f(m_profile.filePath(QStringLiteral("DevToolsActivePort")));
                if (f.open(QIODevice::ReadOnly))
                    port = f.readLine().trimmed();
                return !port.isEmpty();
            },
            20000);
        if (port.isEmpty())
            return QStringLiteral("chromium wrote no DevToolsActivePort: ")
                   + QString::fromLocal8Bit(m_browser.readAll());
        // The page's own target (not the browser's).
        QNetworkAccessManager http;
        QString pageSocket;
        QDeadlineTimer deadline(20000);
        while (pageSocket.isEmpty() && !deadline.hasExpired()) {
            QNetworkReply *reply = http.get(QNetworkRequest(QUrl(
                QStringLiteral("http://127.0.0.1:%1/json/list").arg(QString::fromLatin1(port)))));
            (void)QTest::qWaitFor([reply] { return reply->isFinished(); }, 5000);
            for (const QJsonValue &t : QJsonDocument::fromJson(reply->readAll()).array()) {
                const QJsonObject target = t.toObject();
                if (target.value(u"type").toString() == u"page")
                    pageSocket = target.value(u"webSocketDebuggerUrl").toString();
            }
            reply->deleteLater();
            if (pageSocket.isEmpty())
                QTest::qWait(100);
        }
        if (pageSocket.isEmpty())
            return QStringLiteral("no page target in chromium");
        QObject::connect(&m_socket, &QWebSocket::textMessageReceived, &m_socket,
                         [this](const QString &text) {
                             const QJsonObject o = QJsonDocument::fromJson(text.toUtf8()).object();
                             if (o.contains(u"id"))
                                 m_replies.insert(o.value(u"id").toInt(), o);
                         });
        m_socket.open(QUrl(pageSocket));
        if (!QTest::qWaitFor([this] { return m_socket.state() == QAbstractSocket::ConnectedState; },
                             10000))
            return QStringLiteral("cannot open the page's DevTools socket");
        return {};
    }

    // The expression's value (JSON-able), or nothing if it threw or no answer came.
    std::optional<QJsonValue> evaluate(const QString &expression)
    {
        const int id = ++m_lastId;
        m_socket.sendTextMessage(QString::fromUtf8(
            QJsonDocument(
                QJsonObject{{QStringLiteral("id"), id},
                            {QStringLiteral("method"), QStringLiteral("Runtime.evaluate")},
                            {QStringLiteral("params"),
                             QJsonObject{{QStringLiteral("expression"), expression},
                                         {QStringLiteral("returnByValue"), true}}}})
                .toJson(QJsonDocument::Compact)));
        if (!QTest::qWaitFor([&] { return m_replies.contains(id); }, 10000))
            return std::nullopt;
        const QJsonObject result = m_replies.take(id).value(u"result").toObject();
        if (result.contains(u"exceptionDetails"))
            return std::nullopt;
        return result.value(u"result").toObject().value(u"value");
    }

private:
    QTemporaryDir m_profile;
    QProcess m_browser;
    QWebSocket m_socket;
    QHash<int, QJsonObject> m_replies;
    int m_lastId = 0;
};

} // namespace TableTap::Test
