// Starts tests/interop/server.js (stock socket.io 4.8.4; or another script there) for one test:
// reads the port it listens on, collects the JSON lines it prints, sends it JSON-line commands, and
// makes sure the process is gone when the peer is (closing stdin ends it; a kill follows if it
// lingers).
#pragma once

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>
#include <QUrl>

namespace TableTap {

class NodePeer
{
public:
    explicit NodePeer(QJsonObject config = {}, QString script = QStringLiteral("server.js"))
        : m_config(std::move(config))
        , m_script(std::move(script))
    {
        QObject::connect(&m_process, &QProcess::readyReadStandardOutput, &m_process, [this] {
            m_buffer.append(m_process.readAllStandardOutput());
            qsizetype nl;
            while ((nl = m_buffer.indexOf('\n')) >= 0) {
                const QByteArray line = m_buffer.left(nl);
                m_buffer.remove(0, nl + 1);
                const QJsonObject o = QJsonDocument::fromJson(line).object();
                if (o.value(QLatin1String("type")) == QLatin1String("listening"))
                    m_port = quint16(o.value(QLatin1String("port")).toInt());
                messages.append(o);
            }
        });
    }
    ~NodePeer() { stop(); }
    NodePeer(const NodePeer &) = delete;
    NodePeer &operator=(const NodePeer &) = delete;

    static QString dir() { return QStringLiteral(TT_INTEROP_DIR); }

    // Empty on success, otherwise why the server did not come up.
    QString start()
    {
        if (!QFile::exists(dir() + QStringLiteral("/node_modules/socket.io/package.json")))
            return QStringLiteral("tests/interop/node_modules is missing: run `cd tests/interop "
                                  "&& npm ci` (scripts/deps.sh --test does it)");
        m_port = 0;
        messages.clear();
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_process.setWorkingDirectory(dir());
        m_process.start(
            QStringLiteral("node"),
            {dir() + QLatin1Char('/') + m_script,
             QString::fromUtf8(QJsonDocument(m_config).toJson(QJsonDocument::Compact))});
        if (!m_process.waitForStarted(10000))
            return QStringLiteral("cannot start node: ") + m_process.errorString();
        QDeadlineTimer deadline(15000);
        while (m_port == 0 && !deadline.hasExpired() && m_process.state() == QProcess::Running)
            QTest::qWait(10);
        if (m_port == 0)
            return QStringLiteral("node server did not start: ")
                   + QString::fromLocal8Bit(m_process.readAllStandardError());
        return {};
    }

    quint16 port() const { return m_port; }
    QUrl url(const QString &scheme = QStringLiteral("http")) const
    {
        return QUrl(QStringLiteral("%1://127.0.0.1:%2").arg(scheme).arg(m_port));
    }

    void command(const QJsonObject &c)
    {
        m_process.write(QJsonDocument(c).toJson(QJsonDocument::Compact) + '\n');
    }

    QList<QJsonObject> of(const QString &type) const
    {
        QList<QJsonObject> out;
        for (const QJsonObject &o : messages)
            if (o.value(QLatin1String("type")).toString() == type)
                out.append(o);
        return out;
    }
    QList<QJsonObject> events(const QString &nsp, const QString &event = {}) const
    {
        QList<QJsonObject> out;
        for (const QJsonObject &o : of(QStringLiteral("event")))
            if (o.value(QLatin1String("nsp")).toString() == nsp
                && (event.isEmpty() || o.value(QLatin1String("event")).toString() == event))
                out.append(o);
        return out;
    }

    // The server dies at once (no goodbye to its clients), like a crashed process.
    void kill()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.kill();
        m_process.waitForFinished(5000);
    }
    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.closeWriteChannel();
        if (!m_process.waitForFinished(3000))
            kill();
    }

    QList<QJsonObject> messages;

private:
    QJsonObject m_config;
    QString m_script;
    QProcess m_process;
    QByteArray m_buffer;
    quint16 m_port = 0;
};

} // namespace TableTap
