// Snapshots through the event source and the mapper.
#include "snapshotloader.h"

#include "eventmapper.h"
#include "eventsource.h"
#include "modelslogging.h"

#include <QTimer>

namespace TableTap {

namespace {

using Contract::Command;
namespace Keys = Contract::Keys;

struct Ask
{
    Command command;
    int recentLimit; // list_orders: how many closed orders (the rest take no payload)
};

// Each namespace's snapshot commands, in the order they are asked. The orders namespace asks for
// as many closed orders as the hub gives (500; its default is the last 50) for the queue's
// "finished today"; the day's counts and the dashboard come from the answer's `day` figures, which
// cover every order of the day.
QList<Ask> snapshotCommands(Contract::Namespace ns)
{
    switch (ns) {
    case Contract::Namespace::Orders:
        return {{Command::ListMenu, 0}, {Command::ListOrders, 500}};
    case Contract::Namespace::Inventory:
        return {{Command::ListInventory, 0}};
    case Contract::Namespace::Employees:
        return {{Command::ListTimesheets, 0}};
    case Contract::Namespace::Payments:
        return {{Command::ListPayments, 0}};
    case Contract::Namespace::System:
        return {{Command::GetSettings, 0}, {Command::ListCounters, 0}};
    }
    return {};
}

} // namespace

SnapshotLoader::SnapshotLoader(EventSource *source, QObject *parent)
    : QObject(parent)
    , m_source(source)
{}

void SnapshotLoader::load(const QString &nsp)
{
    // Against a server without snapshots nothing is asked; the namespace stays stale, so an
    // answer proving otherwise (serverAnswered) loads it.
    if (m_offer == Offer::NotOffered)
        return;
    m_stale.remove(nsp);
    const std::optional<Contract::Namespace> ns = Contract::namespaceFromPath(nsp);
    if (!ns)
        return;
    for (const Ask &ask : snapshotCommands(*ns)) {
        QJsonObject payload;
        if (ask.recentLimit > 0)
            payload.insert(QStringLiteral("recent_limit"), ask.recentLimit);
        query(ask.command, payload,
              [this, nsp](const CafeSnapshot &snapshot) { Q_EMIT loaded(nsp, snapshot); });
    }
}

bool SnapshotLoader::query(Contract::Command command, const QJsonObject &payload,
                           std::function<void(const CafeSnapshot &)> done)
{
    if (!m_source || m_offer == Offer::NotOffered)
        return false;
    const QString nsp = Contract::path(Contract::commandNamespace(command));
    const QString name = Contract::name(command);
    const int timeout = m_offer == Offer::Unknown ? qMin(m_timeoutMs, m_probeMs) : m_timeoutMs;
    ++m_awaiting[nsp];
    m_source->request(
        nsp, name, payload, timeout, this,
        [this, nsp, name, command, done = std::move(done)](const SourceReply &reply) {
            settleOne(nsp);
            if (reply.kind == SourceReply::Kind::NotSent)
                return;
            if (reply.kind == SourceReply::Kind::NoAnswer) {
                qCWarning(lcModels) << name << "on" << nsp << "failed:" << reply.error;
                // Timed out on a namespace still connected, and nothing answered yet. On two
                // namespaces, it is the server, not one namespace's trouble: a server without
                // snapshots. (A lost link says nothing about the server.)
                if (m_offer == Offer::Unknown && m_source && m_source->isConnected(nsp))
                    probeFailed(nsp);
                markStale(nsp);
                return;
            }
            serverAnswered();
            const QJsonObject answer = reply.answer.toObject();
            if (!answer.value(Keys::Ok).toBool()) {
                Q_EMIT refused(
                    nsp, name,
                    answer.value(Keys::Error).toObject().value(Keys::Message).toString());
                return;
            }
            Decoded<CafeSnapshot> snapshot
                = EventMapper::mapSnapshot(command, answer.value(Keys::Data));
            if (snapshot)
                done(*snapshot);
        });
    return true;
}

void SnapshotLoader::serverAnswered()
{
    if (m_offer == Offer::Offered)
        return;
    const bool wasRefused = m_offer == Offer::NotOffered;
    setOffer(Offer::Offered);
    // Taken for a server without snapshots too early (a slow answer): load what was skipped.
    if (wasRefused && m_source)
        for (const QString &nsp : std::as_const(m_stale))
            if (m_source->isConnected(nsp))
                QTimer::singleShot(0, this, [this, nsp] {
                    if (m_stale.contains(nsp))
                        load(nsp);
                });
}

void SnapshotLoader::probeFailed(const QString &nsp)
{
    m_probeTimeouts.insert(nsp);
    if (m_probeTimeouts.size() >= ProbeNamespaces)
        setOffer(Offer::NotOffered);
}

void SnapshotLoader::refusedByErrorEvent(const QString &nsp)
{
    // That request is answered, by the error: later errors are not taken for its answer.
    settleOne(nsp);
    if (m_offer == Offer::Unknown)
        probeFailed(nsp);
}

void SnapshotLoader::settleOne(const QString &nsp)
{
    const auto it = m_awaiting.find(nsp);
    if (it != m_awaiting.end() && --it.value() <= 0)
        m_awaiting.erase(it);
}

bool SnapshotLoader::isSnapshotCommand(const QString &name)
{
    for (const Contract::Namespace ns :
         {Contract::Namespace::Orders, Contract::Namespace::Inventory,
          Contract::Namespace::Employees, Contract::Namespace::Payments,
          Contract::Namespace::System})
        for (const Ask &ask : snapshotCommands(ns))
            if (Contract::name(ask.command) == name)
                return true;
    return false;
}

void SnapshotLoader::forget()
{
    m_stale.clear();
    m_probeTimeouts.clear();
    setOffer(Offer::Unknown);
}

void SnapshotLoader::setOffer(Offer offer)
{
    if (offer == m_offer)
        return;
    m_offer = offer;
    qCInfo(lcModels) << "snapshots:" << offer;
    Q_EMIT offerChanged(offer);
}

void SnapshotLoader::markStale(const QString &nsp)
{
    // The answer is lost (the link dropped or it timed out): reload the namespace once it is
    // connected again, or shortly if it still is.
    m_stale.insert(nsp);
    // Never on a timer against a server that offers no snapshots.
    QTimer::singleShot(RetryMs, this, [this, nsp] {
        if (m_stale.contains(nsp) && m_offer != Offer::NotOffered && m_source
            && m_source->isConnected(nsp))
            load(nsp);
    });
}

} // namespace TableTap
