// The hub interop tests' way of running a stock socket.io-client script (tests/interop/hub-*.js)
// against a hub in this process: the script prints one JSON line per step and {"done":true}; our
// event loop keeps turning meanwhile (the hub under test needs it). Needs TT_INTEROP_DIR.
#pragma once

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

namespace TableTap::Test {

// Runs one node script to its {"done":true} line (bounded). Returns every JSON line it printed.
inline QList<QJsonObject> runNode(const QString &script, const QStringList &args, int timeoutMs,
                                  QString *error)
{
    QProcess node;
    node.setWorkingDirectory(QStringLiteral(TT_INTEROP_DIR));
    node.setProcessChannelMode(QProcess::SeparateChannels);
    node.start(QStringLiteral("node"),
               QStringList{QStringLiteral(TT_INTEROP_DIR "/") + script} + args);
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

// runNode with the hub's port and the tokens as arguments; the lines by their "step".
inline QHash<QString, QJsonObject> runSteps(const QString &script, quint16 port,
                                            const QJsonObject &tokens, QString *error)
{
    const QList<QJsonObject> lines
        = runNode(script,
                  {QString::number(port),
                   QString::fromUtf8(QJsonDocument(tokens).toJson(QJsonDocument::Compact))},
                  45000, error);
    QHash<QString, QJsonObject> step;
    for (const QJsonObject &o : lines)
        step.insert(o.value(u"step").toString(), o);
    return step;
}

} // namespace TableTap::Test
