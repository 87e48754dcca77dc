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
//
// Bounds: at most MaxWaiting actions wait (pending, sent or unknown); one more is refused at once
// (OUTBOX_FULL, shown in the outbox) rather than dropped later. A pending action older than
// MaxAgeMs is not sent by itself any more (the hub remembers request ids for its event retention,
// 72 h by default, and a day-old status change is rarely still meant): unknown. Retries of an
// unanswered action back off exponentially with jitter, capped, and after MaxAttempts it stays
// unknown ("unconfirmed") for the user to retry or discard (retry(), discard()).
#pragma once

#include "eventsource.h"
#include "outboxmodel.h"

#include <QDateTime>
#include <QHash>
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

    static constexpr int MaxWaiting = 200;
    static constexpr qint64 MaxAgeMs = 24LL * 60 * 60 * 1000;
    static constexpr int MaxAttempts = 8;
    // The n-th retry waits BaseRetryMs·2^(n-1), at most MaxRetryMs, less up to half at random
    // (consoles that lost one hub do not all come back in step).
    static constexpr qint64 BaseRetryMs = 1000;
    static constexpr qint64 MaxRetryMs = 60000;
    // The error type of an action refused because the outbox is full.
    static QString outboxFullType() { return QStringLiteral("OUTBOX_FULL"); }

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
    // What "now" is for the entries' times (and their age).
    void setClock(std::function<QDateTime()> now) { m_now = std::move(now); }
    // A monotonic clock in ms for retry delays, and the jitter's random number in [0, 1).
    void setRetryClock(std::function<qint64()> ms) { m_monotonicMs = std::move(ms); }
    void setJitter(std::function<double()> zeroToOne) { m_jitter = std::move(zeroToOne); }

    // Pending, sent and unknown actions: what the bound counts and the store keeps.
    int waitingCount() const;
    // By the user: an unknown action, or one refused because the outbox was full, goes out again
    // from the first attempt with its request id (the hub applies it once; a server without
    // request ids might apply it twice, which the outbox panel says). False if there is none.
    bool retry(const QString &requestId);
    // By the user: an action not in flight (or, closing, even one in flight: the server may still
    // apply that) leaves the outbox and is never sent again. False if there is none, or it is in
    // flight and evenInFlight is not set.
    bool discard(const QString &requestId, bool evenInFlight = false);
    // Actions read back from the store (OutboxStore), in order; ones already here are skipped.
    void restore(const QList<OutboxEntry> &entries);
    // How long until a pending action may go out again after a failed attempt (0: at once).
    qint64 retryInMs(const QString &requestId) const;

Q_SIGNALS:
    // An action's final answer (done, or refused with the hub's error type and message).
    void finished(const QString &requestId, bool ok, const QString &errorType,
                  const QString &message);
    // The ack data of an action the server applied (just before its finished(…, true, …)).
    void answered(const QString &requestId, const QJsonValue &data);
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
    // Pending again after an attempt without an answer, after its back-off; unknown past
    // MaxAttempts.
    void retryLater(const QString &requestId, const QString &why, bool backOff);

    QPointer<EventSource> m_source;
    OutboxModel *m_model;
    int m_timeoutMs = 10000;
    bool m_resendUnanswered = true;
    std::function<QDateTime()> m_now;
    std::function<qint64()> m_monotonicMs;
    std::function<double()> m_jitter;
    QSet<QString> m_inFlight;
    QHash<QString, qint64> m_retryAt; // on m_monotonicMs
};

} // namespace TableTap
