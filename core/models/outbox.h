// Sends the console's actions through an EventSource, each with a request id, and keeps
// OutboxModel telling where each stands. An action goes out only on a connected namespace, one
// request at a time. What settles it:
// - the server's ack (our hub): done, or refused with its error;
// - the event the action causes (confirm(): update_order_status by the matching
//   order:status_changed), for servers that never ack (the bare event contract);
// - an `error` event that answers it (refuse(): by request id, else command and order id,
//   else the one action still in flight in that namespace).
// Without any of these (timeout, or the link lost after it went out): against a server that acks
// and applies a request id once (our hub) it is pending again and goes out again with the same
// request id; against any other it is Unknown and never sent again by itself. An action that
// never left (NotSent) is always pending again.
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
    // Whether an action without an answer may go out again: only when the server is known to
    // answer acks and apply a request id once (our hub). Default: yes.
    void setResendUnanswered(bool resend) { m_resendUnanswered = resend; }
    bool resendUnanswered() const { return m_resendUnanswered; }
    // The oldest unsettled action (sent, unknown, or pending after an attempt) of the command
    // whose payload matches is done: its event arrived. Returns its request id, or empty.
    QString confirm(const QString &command,
                    const std::function<bool(const QJsonObject &)> &matches);
    // An `error` event on nsp: the action it answers is refused (see the rule above). Returns the
    // request id it was matched to, or empty when it names none of ours.
    QString refuse(const QString &nsp, const QString &type, const QString &message,
                   const QString &command, const QString &orderId, const QString &requestId);
    // What "now" is for the entries' times.
    void setClock(std::function<QDateTime()> now) { m_now = std::move(now); }

Q_SIGNALS:
    // An action's final answer (done, or refused with the hub's error type and message).
    void finished(const QString &requestId, bool ok, const QString &errorType,
                  const QString &message);
    // The server answered an action's request (it acks).
    void serverAnswered();
    // An action ended Unknown: the server may or may not have applied it.
    void unconfirmed(const QString &requestId, const QString &why);

private:
    void send(const OutboxEntry &entry);
    // The one place an entry's request ends.
    void resolve(const QString &requestId, const SourceReply &reply);
    void settle(const QString &requestId, bool ok, const QString &type, const QString &message);
    void leaveUnknown(const QString &requestId, const QString &why);

    QPointer<EventSource> m_source;
    OutboxModel *m_model;
    int m_timeoutMs = 10000;
    bool m_resendUnanswered = true;
    std::function<QDateTime()> m_now;
    QSet<QString> m_inFlight;
};

} // namespace TableTap
