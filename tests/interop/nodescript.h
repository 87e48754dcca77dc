// Runs one of the hub-*.js scripts against the hub under test to its {"done":true} line
// (bounded), keeping our event loop turning (the hub runs in this process). onLine sees each JSON
// line as it comes and may answer on the script's standard input.
#pragma once

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include <functional>

namespace TableTap::Test {

inline QList<QJsonObject> runNodeScript(
    const QString &dir, const QString &script, const QStringList &args, int timeoutMs,
    QString *error, const std::function<void(const QJsonObject &, QProcess &)> &onLine = {})
{
    QProcess node;
    node.setWorkingDirectory(dir);
    node.setProcessChannelMode(QProcess::SeparateChannels);
    node.start(QStringLiteral("node"), QStringList{dir + u'/' + script} + args);
    QList<QJsonObject> lines;
    if (!node.waitForStarted(10000)) {
        *error = node.errorString();
        return lines;
    }
    QByteArray buffer;
    bool done = false;
    const bool finished = QTest::qWaitFor(
        [&] {
            buffer += node.readAllStandardOutput();
            qsizetype nl;
            while ((nl = buffer.indexOf('\n')) >= 0) {
                const QJsonObject o = QJsonDocument::fromJson(buffer.left(nl)).object();
                buffer.remove(0, nl + 1);
                lines.append(o);
                if (onLine)
                    onLine(o, node);
                done = done || o.value(u"done").toBool();
            }
            return done;
        },
        timeoutMs);
    if (!finished)
        *error = QStringLiteral("%1 did not finish: %2")
                     .arg(script, QString::fromLocal8Bit(node.readAllStandardError()));
    node.closeWriteChannel();
    if (!node.waitForFinished(5000)) {
        node.kill();
        node.waitForFinished(5000);
    }
    return lines;
}

} // namespace TableTap::Test
