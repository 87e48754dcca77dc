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
    if (reply.kind != SourceReply::Kind::Answered) {
        // No answer (timeout or the link dropped) or not sent at all: it stays pending and goes
        // out again, with the same request id, so the hub applies it once.
        m_model->setState(requestId, OutboxEntry::State::Pending, reply.error);
        return;
    }
    const QJsonObject answer = reply.answer.toObject();
    if (answer.value(Keys::Ok).toBool()) {
        m_model->setState(requestId, OutboxEntry::State::Done);
        Q_EMIT finished(requestId, true, {}, {});
        return;
    }
    const QJsonObject error = answer.value(Keys::Error).toObject();
    const QString type = error.value(Keys::Type).toString();
    const QString message = error.value(Keys::Message).toString();
    m_model->setState(requestId, OutboxEntry::State::Refused, message, type);
    Q_EMIT finished(requestId, false, type, message);
}

void Outbox::linkLost()
{
    m_inFlight.clear();
    // Whatever was in flight is pending again: it goes out with its request id next time.
    for (const OutboxEntry &e : m_model->unfinished())
        if (e.state == OutboxEntry::State::Sent)
            m_model->setState(e.requestId, OutboxEntry::State::Pending);
}

} // namespace TableTap
