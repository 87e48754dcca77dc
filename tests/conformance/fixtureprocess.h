// Starts tt-conformance-server as a child process on a free port and stops it with the test.
#pragma once

#include <QProcess>
#include <QTest>

class FixtureProcess
{
public:
    bool start(const QStringList &extraArgs = {})
    {
        m_process.setProgram(QStringLiteral(TT_CONFORMANCE_SERVER));
        m_process.setArguments(QStringList{QStringLiteral("--port"), QStringLiteral("0")}
                               + extraArgs);
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_process.start();
        if (!m_process.waitForStarted(5000))
            return false;
        QByteArray out;
        for (int i = 0; i < 100 && !out.contains('\n'); ++i) {
            m_process.waitForReadyRead(100);
            out += m_process.readAllStandardOutput();
        }
        const qsizetype at = out.indexOf("ready ");
        if (at < 0)
            return false;
        m_port = quint16(out.mid(at + 6).trimmed().toUInt());
        return m_port != 0;
    }
    ~FixtureProcess()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(3000);
        }
    }
    quint16 port() const { return m_port; }
    bool isRunning() const { return m_process.state() == QProcess::Running; }

private:
    QProcess m_process;
    quint16 m_port = 0;
};
