// A clock that only moves when told to: advance() runs every callback that falls due, in time
// order, so tests (and a fast simulator) get reproducible timing without sleeping.
// setWallClock() sets the wall clock alone, forward or back, as an operator or NTP would.
#pragma once

#include "hubclock.h"

#include <QList>
#include <QPointer>

namespace TableTap {

class ManualClock final : public HubClock
{
    Q_OBJECT
public:
    explicit ManualClock(qint64 startMs, QObject *parent = nullptr);

    qint64 nowMs() const override { return m_now; }
    qint64 monotonicMs() const override { return m_monotonic; }
    void callAt(qint64 atMs, QObject *context, std::function<void()> fn) override;

    // Moves time (both clocks) forward by ms, stopping at each due callback to run it with
    // nowMs() equal to its deadline (unless the wall clock was set meanwhile). Callbacks
    // scheduled while advancing run too if they fall in the window.
    void advance(qint64 ms);
    // advance() to a wall-clock time; never backwards.
    void setNow(qint64 ms);
    // A jump of the wall clock only: no time passes, no callback runs.
    void setWallClock(qint64 ms) { m_now = ms; }
    qsizetype pendingCallbacks() const { return m_pending.size(); }

private:
    struct Pending
    {
        qint64 due = 0; // on the monotonic clock
        quint64 order = 0;
        QPointer<QObject> context;
        bool hadContext = false;
        std::function<void()> fn;
    };
    qint64 m_now = 0;
    qint64 m_monotonic = 0;
    quint64 m_nextOrder = 0;
    QList<Pending> m_pending;
};

} // namespace TableTap
