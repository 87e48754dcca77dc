// Loads a namespace's snapshots through an EventSource: asks its snapshot commands, maps each
// answer with EventMapper::mapSnapshot and hands it on (loaded). An answer that never came marks
// the namespace stale: asked again shortly while connected, and on the next connect even when the
// hub recovered the session (recovery replays events, not lost answers).
#pragma once

#include "cafesnapshot.h"
#include "contract.h"
#include "eventsource.h"

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
    explicit SnapshotLoader(EventSource *source, QObject *parent = nullptr);

    // Asks every snapshot command of the namespace (loaded() once per answer).
    void load(const QString &nsp);
    // One snapshot command with a payload; done gets its answer (not loaded()).
    void query(Contract::Command command, const QJsonObject &payload,
               std::function<void(const CafeSnapshot &)> done);
    void setTimeout(int ms) { m_timeoutMs = ms; }
    // How long a namespace waits before a lost answer is asked again while connected.
    static constexpr int RetryMs = 2000;

    void markStale(const QString &nsp);
    bool isStale(const QString &nsp) const { return m_stale.contains(nsp); }
    // A new link loads everything anyway: nothing is stale.
    void forget() { m_stale.clear(); }

Q_SIGNALS:
    void loaded(const QString &nsp, const TableTap::CafeSnapshot &snapshot);
    // The hub answered a snapshot command with an error.
    void refused(const QString &nsp, const QString &command, const QString &message);

private:
    QPointer<EventSource> m_source;
    int m_timeoutMs = 10000;
    QSet<QString> m_stale;
};

} // namespace TableTap
