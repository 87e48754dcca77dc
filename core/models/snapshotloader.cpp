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
// the whole day so far (the hub's most; its default is the last 50 closed): the dashboard's
// buckets and "finished today" count every order of the day.
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

void SnapshotLoader::query(Contract::Command command, const QJsonObject &payload,
                           std::function<void(const CafeSnapshot &)> done)
{
    if (!m_source)
        return;
    const QString nsp = Contract::path(Contract::commandNamespace(command));
    const QString name = Contract::name(command);
    m_source->request(
        nsp, name, payload, m_timeoutMs, this,
        [this, nsp, name, command, done = std::move(done)](const SourceReply &reply) {
            if (reply.kind == SourceReply::Kind::NotSent)
                return;
            if (reply.kind == SourceReply::Kind::NoAnswer) {
                qCWarning(lcModels) << name << "on" << nsp << "failed:" << reply.error;
                markStale(nsp);
                return;
            }
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
}

void SnapshotLoader::markStale(const QString &nsp)
{
    // The answer is lost (the link dropped or it timed out): reload the namespace once it is
    // connected again, or shortly if it still is.
    m_stale.insert(nsp);
    QTimer::singleShot(RetryMs, this, [this, nsp] {
        if (m_stale.contains(nsp) && m_source && m_source->isConnected(nsp))
            load(nsp);
    });
}

} // namespace TableTap
