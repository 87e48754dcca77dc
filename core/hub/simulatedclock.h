// The clock of a simulated cafe day: time runs `speed` times faster than real time, so a demo
// hub stamps its orders, payments and shifts with the simulated time of day, and its timers
// (card answers, QR expiry, stock updates) fall due in simulated time too. It starts held: the
// simulator sets it to the simulated morning and advances it by hand while it writes the day so
// far, then lets it run.
#pragma once

#include "hubclock.h"

#include <QBasicTimer>
#include <QElapsedTimer>
#include <QPointer>

#include <map>

namespace TableTap {

class SimulatedClock final : public HubClock
{
    Q_OBJECT
public:
    // Held at startMs (ms since the epoch, UTC) until run(). speed: simulated per real second.
    SimulatedClock(qint64 startMs, double speed, QObject *parent = nullptr);
    ~SimulatedClock() override;

    qint64 nowMs() const override;
    qint64 monotonicMs() const override;
    void callAt(qint64 atMs, QObject *context, std::function<void()> fn) override;

    double speed() const { return m_speed; }
    bool isRunning() const { return m_real.isValid(); }
    // Lets time run at speed from where it stands.
    void run();
    // Stops it where it stands (callbacks wait until it runs or is advanced).
    void hold();
    // While held: sets the wall clock alone (before anything happened on the simulated day).
    void setWallClock(qint64 ms);
    // Time passes at once by ms (a skipped night, the morning written by the simulator): every
    // callback falling due meanwhile runs, in time order; while held each runs with nowMs() at
    // its deadline.
    void advance(qint64 ms);
    qsizetype pendingCallbacks() const { return qsizetype(m_pending.size()); }

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    struct Pending
    {
        QPointer<QObject> context;
        bool hadContext = false;
        std::function<void()> fn;
    };
    using Key = std::pair<qint64, quint64>; // due on the monotonic clock, scheduling order
    void runDue(qint64 untilMonotonic);
    void arm();

    double m_speed = 1;
    qint64 m_wallOffset = 0; // wall = monotonic + offset
    qint64 m_heldMonotonic = 0;
    qint64 m_runOrigin = 0; // monotonic when m_real started
    QElapsedTimer m_real;
    quint64 m_nextOrder = 0;
    std::map<Key, Pending> m_pending;
    QBasicTimer m_timer;
};

} // namespace TableTap
