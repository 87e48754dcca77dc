// A throwaway redis-server for one test: 127.0.0.1 on a free port, its own temporary folder, no
// persistence (--save '' --appendonly no). kill() takes it away like a crash; start() again
// brings it back on the same port.
#pragma once

#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

namespace TableTap {

class RedisServer
{
public:
    RedisServer() = default;
    ~RedisServer() { kill(); }
    RedisServer(const RedisServer &) = delete;
    RedisServer &operator=(const RedisServer &) = delete;

    static bool available()
    {
        return !QStandardPaths::findExecutable(QStringLiteral("redis-server")).isEmpty();
    }

    // Empty on success, otherwise why it did not come up.
    QString start()
    {
        if (m_port == 0) {
            // A port the kernel just handed out and took back: free, as far as anyone knows.
            QTcpServer probe;
            if (!probe.listen(QHostAddress::LocalHost, 0))
                return QStringLiteral("no free port");
            m_port = probe.serverPort();
        }
        m_process.setWorkingDirectory(m_dir.path());
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start(QStringLiteral("redis-server"),
                        {QStringLiteral("--port"), QString::number(m_port),
                         QStringLiteral("--bind"), QStringLiteral("127.0.0.1"),
                         QStringLiteral("--save"), QString(), QStringLiteral("--appendonly"),
                         QStringLiteral("no"), QStringLiteral("--dir"), m_dir.path(),
                         QStringLiteral("--protected-mode"), QStringLiteral("no")});
        if (!m_process.waitForStarted(10000))
            return QStringLiteral("cannot start redis-server: ") + m_process.errorString();
        QDeadlineTimer deadline(10000);
        while (!deadline.hasExpired() && m_process.state() == QProcess::Running) {
            QTcpSocket s;
            s.connectToHost(QHostAddress::LocalHost, m_port);
            if (s.waitForConnected(200)) {
                s.write("PING\r\n");
                if (s.waitForReadyRead(1000) && s.readAll().startsWith("+PONG"))
                    return {};
            }
            QTest::qWait(20);
        }
        return QStringLiteral("redis-server did not answer: ")
               + QString::fromLocal8Bit(m_process.readAll());
    }
    void kill()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.kill();
        m_process.waitForFinished(5000);
    }
    quint16 port() const { return m_port; }

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_port = 0;
};

} // namespace TableTap
