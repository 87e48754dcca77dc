// The console's actions, sent once each.
#include "outbox.h"

#include "contract.h"
#include "eventsource.h"

#include <QUuid>

namespace TableTap {

namespace Keys = Contract::Keys;

Outbox::Outbox(EventSource *source, OutboxModel *model, QObject *parent)
    : QObject(parent)
    , m_source(source)
    , m_model(model)
    , m_now([] { return QDateTime::currentDateTimeUtc(); })
{}

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
    m_model->add(entry);
    return entry.requestId;
}

void Outbox::flush()
{
    if (!m_source)
        return;
    for (const OutboxEntry &e : m_model->unfinished()) {
        if (e.state != OutboxEntry::State::Pending || m_inFlight.contains(e.requestId))
            continue;
        if (m_source->isConnected(e.nsp))
            send(e);
    }
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
    if (reply.kind == SourceReply::Kind::NotSent
        || (reply.kind == SourceReply::Kind::NoAnswer && m_resendUnanswered)) {
        // Never left, or a server that applies a request id once: pending, and out again with
        // the same request id.
        m_model->setState(requestId, OutboxEntry::State::Pending, reply.error);
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
    settle(requestId, answer.value(Keys::Ok).toBool(), error.value(Keys::Type).toString(),
           error.value(Keys::Message).toString());
}

void Outbox::settle(const QString &requestId, bool ok, const QString &type, const QString &message)
{
    m_inFlight.remove(requestId);
    if (ok)
        m_model->setState(requestId, OutboxEntry::State::Done);
    else
        m_model->setState(requestId, OutboxEntry::State::Refused, message, type);
    Q_EMIT finished(requestId, ok, type, message);
}

void Outbox::leaveUnknown(const QString &requestId, const QString &why)
{
    m_inFlight.remove(requestId);
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
    // Whatever was in flight is pending again and goes out with its request id next time, when
    // the server applies a request id once; otherwise it may have been applied: unknown.
    for (const OutboxEntry &e : m_model->unfinished()) {
        if (e.state != OutboxEntry::State::Sent)
            continue;
        if (m_resendUnanswered)
            m_model->setState(e.requestId, OutboxEntry::State::Pending);
        else
            leaveUnknown(e.requestId, tr("the link was replaced after it was sent"));
    }
}

} // namespace TableTap
