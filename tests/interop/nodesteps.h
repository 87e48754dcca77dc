// The hub interop tests' way of running a stock socket.io-client script (tests/interop/hub-*.js)
// against a hub in this process: the script prints one JSON line per step and {"done":true}; our
// event loop keeps turning meanwhile (the hub under test needs it). Needs TT_INTEROP_DIR.
#pragma once

#include "nodescript.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>

namespace TableTap::Test {

// Runs one node script to its {"done":true} line (bounded). Returns every JSON line it printed.
inline QList<QJsonObject> runNode(const QString &script, const QStringList &args, int timeoutMs,
                                  QString *error)
{
    return runNodeScript(QStringLiteral(TT_INTEROP_DIR), script, args, timeoutMs, error);
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
