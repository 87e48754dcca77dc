// Sends the console's actions through an EventSource, each with a request id, and keeps
// OutboxModel telling where each stands. An action goes out only on a connected namespace, one
// request at a time; without an answer (timeout, link lost) it is pending again and goes out
// again with the same request id, so the hub applies it once.
#pragma once

#include "eventsource.h"
#include "outboxmodel.h"

#include <QDateTime>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QSet>

#include <functional>

namespace TableTap {

class Outbox final : public QObject
{
    Q_OBJECT
public:
    Outbox(EventSource *source, OutboxModel *model, QObject *parent = nullptr);

    // Adds an action and sends it when its namespace is connected; returns its request id.
    QString submit(const QString &nsp, const QString &command, QJsonObject payload,
                   const QString &description);
    // Sends every pending action whose namespace is connected.
    void flush();
    // The link is gone: nothing is in flight any more, what was sent is pending again.
    void linkLost();
    void setTimeout(int ms) { m_timeoutMs = ms; }
    // What "now" is for the entries' times.
    void setClock(std::function<QDateTime()> now) { m_now = std::move(now); }

Q_SIGNALS:
    // An action's final answer (done, or refused with the hub's error type and message).
    void finished(const QString &requestId, bool ok, const QString &errorType,
                  const QString &message);

private:
    void send(const OutboxEntry &entry);
    // The one place an entry's request ends.
    void resolve(const QString &requestId, const SourceReply &reply);

    QPointer<EventSource> m_source;
    OutboxModel *m_model;
    int m_timeoutMs = 10000;
    std::function<QDateTime()> m_now;
    QSet<QString> m_inFlight;
};

} // namespace TableTap
