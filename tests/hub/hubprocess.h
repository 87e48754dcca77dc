// A `tabletap-hub serve` child for the hub's process tests (tst_hubprocess, tst_hubflood): the
// program built alongside (TT_HUB_BINARY), its listening line read, stopped or killed, its
// resident memory read from /proc. Every wait is bounded.
#pragma once

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>
#include <QUrl>

#include <csignal>

namespace TableTap::Test {

// A `tabletap-hub serve` child: started, its listening line read, stopped or killed.
class HubProcess
{
public:
    explicit HubProcess(const QStringList &args,
                        const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
    {
        m_process.setProcessEnvironment(env);
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_process.start(QStringLiteral(TT_HUB_BINARY), args);
    }
    ~HubProcess()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }
    // Waits for "listening on http://ADDRESS:PORT"; 0 when it did not come.
    quint16 waitListening(int timeoutMs = 20000)
    {
        static const QRegularExpression re(QStringLiteral("^listening on (\\S+) "));
        (void)QTest::qWaitFor(
            [this] {
                m_out += QString::fromUtf8(m_process.readAllStandardOutput());
                return m_out.contains(u'\n') || m_process.state() == QProcess::NotRunning;
            },
            timeoutMs);
        const auto m = re.match(m_out);
        return m.hasMatch() ? quint16(QUrl(m.captured(1)).port()) : 0;
    }
    void signal(int sig) { ::kill(pid_t(m_process.processId()), sig); }
    // Exit code after a signal asked it to stop; -1 when it crashed or hung.
    int waitExit(int timeoutMs = 15000)
    {
        if (!m_process.waitForFinished(timeoutMs))
            return -1;
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    }
    QString out() { return m_out += QString::fromUtf8(m_process.readAllStandardOutput()); }
    // Accumulated: QVERIFY2 evaluates its message even when the check passes.
    QString err() { return m_err += QString::fromUtf8(m_process.readAllStandardError()); }
    QProcess &process() { return m_process; }
    // VmRSS of the running child in bytes (0 when it cannot be read).
    qint64 residentBytes() const
    {
        QFile status(QStringLiteral("/proc/%1/status").arg(m_process.processId()));
        if (!status.open(QIODevice::ReadOnly))
            return 0;
        for (const QByteArray &line : status.readAll().split('\n')) {
            if (line.startsWith("VmRSS:"))
                return line.mid(6).trimmed().split(' ').value(0).toLongLong() * 1024;
        }
        return 0;
    }

private:
    QProcess m_process;
    QString m_out;
    QString m_err;
};

} // namespace TableTap::Test
