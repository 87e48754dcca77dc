// Loads a namespace's snapshots through an EventSource: asks its snapshot commands, maps each
// answer with EventMapper::mapSnapshot and hands it on (loaded). An answer that never came marks
// the namespace stale: asked again shortly while connected, and on the next connect even when the
// hub recovered the session (recovery replays events, not lost answers).
//
// It also learns whether the server offers snapshots at all. Our hub answers them; a server that
// implements only the event contract (docs/events.md) never does. The first snapshot requests of
// a link wait ProbeMs at most: one answered (even with a refusal) means snapshots are offered;
// requests on ProbeNamespaces namespaces that time out while their namespaces stay connected, or
// that the server refuses with an `error` event, before any was answered, mean they are not (one
// namespace's lost answer is only marked stale). Then nothing is asked again on that link (no
// retries, no reloads on reconnect), until an answer from the server proves otherwise or a new link
// starts over.
#pragma once

#include "cafesnapshot.h"
#include "contract.h"
#include "eventsource.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QSet>

#include <functional>

namespace TableTap {

class SnapshotLoader final : public QObject
{
    Q_OBJECT
public:
    // Whether the server answers snapshot commands, as far as this link has shown.
    enum class Offer { Unknown, Offered, NotOffered };
    Q_ENUM(Offer)

    explicit SnapshotLoader(EventSource *source, QObject *parent = nullptr);

    // Asks every snapshot command of the namespace (loaded() once per answer).
    void load(const QString &nsp);
    // One snapshot command with a payload; done gets its answer (not loaded()). False (and
    // nothing asked) when the server is known to offer no snapshots.
    bool query(Contract::Command command, const QJsonObject &payload,
               std::function<void(const CafeSnapshot &)> done);
    void setTimeout(int ms) { m_timeoutMs = ms; }
    // How long a snapshot request waits while it is not known whether the server answers them.
    void setProbeTimeout(int ms) { m_probeMs = ms; }
    static constexpr int ProbeMs = 5000;
    static constexpr int ProbeNamespaces = 2;
    Offer offer() const { return m_offer; }
    // The server answered a request (any, e.g. an action's ack): it answers, so it is asked.
    void serverAnswered();
    // Whether a snapshot request of the namespace waits for its answer.
    bool awaiting(const QString &nsp) const { return m_awaiting.value(nsp) > 0; }
    // The server refused a snapshot request of the namespace with an `error` event instead of
    // an answer (a server without snapshots that says so): counts as its probe's timeout.
    void refusedByErrorEvent(const QString &nsp);
    static bool isSnapshotCommand(const QString &name);
    // How long a namespace waits before a lost answer is asked again while connected.
    static constexpr int RetryMs = 2000;

    void markStale(const QString &nsp);
    bool isStale(const QString &nsp) const { return m_stale.contains(nsp); }
    // A new link loads everything anyway: nothing is stale, and what the server offers is
    // learnt again.
    void forget();

Q_SIGNALS:
    void loaded(const QString &nsp, const TableTap::CafeSnapshot &snapshot);
    // The hub answered a snapshot command with an error.
    void refused(const QString &nsp, const QString &command, const QString &message);
    void offerChanged(TableTap::SnapshotLoader::Offer offer);

private:
    void setOffer(Offer offer);
    void probeFailed(const QString &nsp);
    void settleOne(const QString &nsp);

    QPointer<EventSource> m_source;
    int m_timeoutMs = 10000;
    int m_probeMs = ProbeMs;
    Offer m_offer = Offer::Unknown;
    QSet<QString> m_stale;
    // Namespaces whose request timed out (or was refused by an error event) while Unknown.
    QSet<QString> m_probeTimeouts;
    QHash<QString, int> m_awaiting; // snapshot requests in flight per namespace
};

} // namespace TableTap
