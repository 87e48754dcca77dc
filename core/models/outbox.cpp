// The console's actions, sent once each.
#include "outbox.h"

#include "contract.h"
#include "eventsource.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QUuid>

#include <algorithm>

namespace TableTap {

namespace Keys = Contract::Keys;

Outbox::Outbox(EventSource *source, OutboxModel *model, QObject *parent)
    : QObject(parent)
    , m_source(source)
    , m_model(model)
    , m_now([] { return QDateTime::currentDateTimeUtc(); })
    , m_monotonicMs([timer =
                         [] {
                             QElapsedTimer t;
                             t.start();
                             return t;
                         }()] { return timer.elapsed(); })
    , m_jitter([] { return QRandomGenerator::global()->generateDouble(); })
{}

int Outbox::waitingCount() const
{
    int n = 0;
    for (const OutboxEntry &e : m_model->rows())
        n += e.state == OutboxEntry::State::Pending || e.state == OutboxEntry::State::Sent
             || e.state == OutboxEntry::State::Unknown;
    return n;
}

QString Outbox::submit(const QString &nsp, const QString &command, QJsonObject payload,
                       const QString &description)
{
    OutboxEntry entry;
    entry.requestId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    entry.createdAt = m_now();
    entry.description = description;
    entry.nsp = nsp;
    entry.command = command;
    entry.payload = std::move(payload);
    entry.payload.insert(Keys::RequestId, entry.requestId);
    if (waitingCount() >= MaxWaiting) {
        // Refused here and now, in the outbox for all to see, rather than dropped later.
        entry.state = OutboxEntry::State::Refused;
        entry.errorType = outboxFullType();
        entry.message = tr("the outbox is full: %1 actions wait for the hub; retry or discard "
                           "some first")
                            .arg(MaxWaiting);
        m_model->add(entry);
        Q_EMIT finished(entry.requestId, false, entry.errorType, entry.message);
        return entry.requestId;
    }
    m_model->add(entry);
    return entry.requestId;
}

void Outbox::flush()
{
    if (!m_source)
        return;
    const QDateTime now = m_now();
    for (const OutboxEntry &e : m_model->unfinished()) {
        if (e.state != OutboxEntry::State::Pending || m_inFlight.contains(e.requestId))
            continue;
        if (e.createdAt.isValid() && e.createdAt.msecsTo(now) > MaxAgeMs) {
            leaveUnknown(e.requestId,
                         tr("waited more than %1 h: not sent by itself any more; retry or discard")
                             .arg(MaxAgeMs / 3600000));
            continue;
        }
        if (retryInMs(e.requestId) > 0)
            continue;
        if (m_source->isConnected(e.nsp))
            send(e);
    }
}

qint64 Outbox::retryInMs(const QString &requestId) const
{
    const auto it = m_retryAt.constFind(requestId);
    return it == m_retryAt.constEnd() ? 0 : std::max<qint64>(0, *it - m_monotonicMs());
}

void Outbox::retryLater(const QString &requestId, const QString &why, bool backOff)
{
    const OutboxEntry *e = m_model->entry(requestId);
    if (!e)
        return;
    if (e->attempts >= MaxAttempts) {
        leaveUnknown(requestId,
                     tr("no answer after %1 attempts: retry or discard").arg(e->attempts));
        return;
    }
    m_model->setState(requestId, OutboxEntry::State::Pending, why);
    if (!backOff) {
        m_retryAt.remove(requestId);
        return;
    }
    const int doublings = std::clamp(e->attempts - 1, 0, 20);
    const qint64 delay = std::min(MaxRetryMs, BaseRetryMs << doublings);
    const double jitter = std::clamp(m_jitter(), 0.0, 1.0);
    m_retryAt.insert(requestId, m_monotonicMs() + delay - qint64(double(delay / 2) * jitter));
}

bool Outbox::retry(const QString &requestId)
{
    const OutboxEntry *e = m_model->entry(requestId);
    if (!e
        || !(e->state == OutboxEntry::State::Unknown
             || (e->state == OutboxEntry::State::Refused && e->errorType == outboxFullType())))
        return false;
    if (e->state == OutboxEntry::State::Refused && waitingCount() >= MaxWaiting)
        return false;
    OutboxEntry again = *e;
    again.state = OutboxEntry::State::Pending;
    again.attempts = 0;
    again.message.clear();
    again.errorType.clear();
    // Its age counts from the retry: the user just asked for it.
    again.createdAt = m_now();
    m_model->upsert(requestId, again);
    m_retryAt.remove(requestId);
    flush();
    return true;
}

bool Outbox::discard(const QString &requestId, bool evenInFlight)
{
    if (!m_model->entry(requestId) || (m_inFlight.contains(requestId) && !evenInFlight))
        return false;
    m_inFlight.remove(requestId);
    m_retryAt.remove(requestId);
    m_model->remove(requestId);
    return true;
}

void Outbox::restore(const QList<OutboxEntry> &entries)
{
    for (const OutboxEntry &e : entries)
        if (!m_model->entry(e.requestId))
            m_model->add(e);
}

void Outbox::send(const OutboxEntry &entry)
{
    const QString id = entry.requestId;
    m_inFlight.insert(id);
    m_model->countAttempt(id);
    m_model->setState(id, OutboxEntry::State::Sent);
    m_source->request(entry.nsp, entry.command, entry.payload, m_timeoutMs, this,
                      [this, id](const SourceReply &reply) { resolve(id, reply); });
}

void Outbox::resolve(const QString &requestId, const SourceReply &reply)
{
    m_inFlight.remove(requestId);
    const OutboxEntry *entry = m_model->entry(requestId);
    // Settled meanwhile by its event or an error event: the late end of the request says nothing.
    if (!entry || entry->state != OutboxEntry::State::Sent)
        return;
    if (reply.kind == SourceReply::Kind::NotSent) {
        // Never left: pending, out again once the namespace is back.
        m_model->setState(requestId, OutboxEntry::State::Pending, reply.error);
        return;
    }
    if (reply.kind == SourceReply::Kind::NoAnswer && m_resendUnanswered) {
        // A server that applies a request id once: out again with the same request id, later.
        retryLater(requestId, reply.error, true);
        return;
    }
    if (reply.kind == SourceReply::Kind::NoAnswer) {
        // It went out and may have been applied: sending it again could apply it twice.
        const bool timedOut = m_source && m_source->isConnected(entry->nsp);
        leaveUnknown(
            requestId,
            timedOut
                ? tr("no confirmation from the server within %1 s").arg((m_timeoutMs + 999) / 1000)
                : tr("the link dropped after it was sent: the server may have "
                     "applied it"));
        return;
    }
    Q_EMIT serverAnswered();
    const QJsonObject answer = reply.answer.toObject();
    const QJsonObject error = answer.value(Keys::Error).toObject();
    if (answer.value(Keys::Ok).toBool())
        Q_EMIT answered(requestId, answer.value(Keys::Data));
    settle(requestId, answer.value(Keys::Ok).toBool(), error.value(Keys::Type).toString(),
           error.value(Keys::Message).toString());
}

void Outbox::settle(const QString &requestId, bool ok, const QString &type, const QString &message)
{
    m_inFlight.remove(requestId);
    m_retryAt.remove(requestId);
    if (ok)
        m_model->setState(requestId, OutboxEntry::State::Done);
    else
        m_model->setState(requestId, OutboxEntry::State::Refused, message, type);
    Q_EMIT finished(requestId, ok, type, message);
}

void Outbox::leaveUnknown(const QString &requestId, const QString &why)
{
    m_inFlight.remove(requestId);
    m_retryAt.remove(requestId);
    m_model->setState(requestId, OutboxEntry::State::Unknown, why);
    Q_EMIT unconfirmed(requestId, why);
}

QString Outbox::confirm(const QString &command,
                        const std::function<bool(const QJsonObject &)> &matches)
{
    for (const OutboxEntry &e : m_model->rows()) {
        const bool unsettled = e.state == OutboxEntry::State::Sent
                               || e.state == OutboxEntry::State::Unknown
                               || (e.state == OutboxEntry::State::Pending && e.attempts > 0);
        if (unsettled && e.command == command && matches(e.payload)) {
            settle(e.requestId, true, {}, {});
            return e.requestId;
        }
    }
    return {};
}

QString Outbox::refuse(const QString &nsp, const QString &type, const QString &message,
                       const QString &command, const QString &orderId, const QString &requestId)
{
    // The rule (docs/commands.md): the request id names the action; else the command (and the
    // order, when given) names the oldest unsettled one of that kind; else, with neither, the
    // error answers the one action still in flight in its namespace, and none when there are
    // several (it is only shown then).
    QString match;
    if (!requestId.isEmpty()) {
        const OutboxEntry *e = m_model->entry(requestId);
        if (e && (e->state == OutboxEntry::State::Sent || e->state == OutboxEntry::State::Unknown))
            match = requestId;
    } else {
        QStringList candidates;
        for (const OutboxEntry &e : m_model->unsettled()) {
            // A bare error answers an action still in flight, not one already given up on.
            if (e.nsp != nsp || (command.isEmpty() && e.state != OutboxEntry::State::Sent))
                continue;
            if (!command.isEmpty() && e.command != command)
                continue;
            if (!orderId.isEmpty()
                && e.payload.value(QLatin1String("order_id")).toString() != orderId)
                continue;
            candidates << e.requestId;
        }
        if (!candidates.isEmpty() && (!command.isEmpty() || candidates.size() == 1))
            match = candidates.first();
    }
    if (!match.isEmpty())
        settle(match, false, type, message);
    return match;
}

void Outbox::linkLost()
{
    m_inFlight.clear();
    // A new link: what waits for a retry may go out on it at once.
    m_retryAt.clear();
    // Whatever was in flight is pending again and goes out with its request id next time, when
    // the server applies a request id once; otherwise it may have been applied: unknown.
    for (const OutboxEntry &e : m_model->unfinished()) {
        if (e.state != OutboxEntry::State::Sent)
            continue;
        if (m_resendUnanswered)
            retryLater(e.requestId, {}, false);
        else
            leaveUnknown(e.requestId, tr("the link was replaced after it was sent"));
    }
}

} // namespace TableTap
