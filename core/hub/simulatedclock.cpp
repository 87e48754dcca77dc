// The clock of a simulated cafe day.
#include "simulatedclock.h"

#include <QTimerEvent>

#include <algorithm>
#include <cmath>

namespace TableTap {

namespace {
// Callbacks run per wake-up at most, so a burst that keeps scheduling work due at once never
// starves the event loop (acks and events keep flowing at any speed).
constexpr int kMaxPerWake = 1000;
// The longest single timer wait: a long quiet stretch wakes now and then (cheap) rather than
// trusting one timer across hours.
constexpr double kMaxWaitMs = 60000;
} // namespace

SimulatedClock::SimulatedClock(qint64 startMs, double speed, QObject *parent)
    : HubClock(parent)
    , m_speed(std::clamp(speed, 0.1, 3600.0))
    , m_wallOffset(startMs)
{}

SimulatedClock::~SimulatedClock() = default;

qint64 SimulatedClock::monotonicMs() const
{
    if (!m_real.isValid())
        return m_heldMonotonic;
    return m_runOrigin + qint64(double(m_real.nsecsElapsed()) / 1e6 * m_speed);
}

qint64 SimulatedClock::nowMs() const
{
    return monotonicMs() + m_wallOffset;
}

void SimulatedClock::run()
{
    if (m_real.isValid())
        return;
    m_runOrigin = m_heldMonotonic;
    m_real.start();
    arm();
}

void SimulatedClock::hold()
{
    if (!m_real.isValid())
        return;
    m_heldMonotonic = monotonicMs();
    m_real.invalidate();
    m_timer.stop();
}

void SimulatedClock::setWallClock(qint64 ms)
{
    if (m_real.isValid())
        return; // a running day is never set back or forth by hand; advance() moves it on
    m_wallOffset = ms - m_heldMonotonic;
}

void SimulatedClock::callAt(qint64 atMs, QObject *context, std::function<void()> fn)
{
    // As SystemClock: the delay is measured now and runs on the monotonic clock.
    const qint64 due = monotonicMs() + qMax<qint64>(0, atMs - nowMs());
    m_pending.emplace(Key{due, m_nextOrder++}, Pending{context, context != nullptr, std::move(fn)});
    if (m_real.isValid() && m_pending.begin()->first.first == due)
        arm();
}

void SimulatedClock::advance(qint64 ms)
{
    ms = qMax<qint64>(0, ms);
    if (m_real.isValid()) {
        // Running: the skipped stretch is added to the run, and what fell due runs at once.
        m_runOrigin += ms;
        m_timer.start(0, this);
        return;
    }
    const qint64 target = m_heldMonotonic + ms;
    while (!m_pending.empty() && m_pending.begin()->first.first <= target) {
        auto first = m_pending.begin();
        m_heldMonotonic = std::max(m_heldMonotonic, first->first.first);
        Pending p = std::move(first->second);
        m_pending.erase(first);
        if (p.hadContext && !p.context)
            continue;
        p.fn();
    }
    m_heldMonotonic = target;
}

void SimulatedClock::runDue(qint64 untilMonotonic)
{
    for (int n = 0;
         n < kMaxPerWake && !m_pending.empty() && m_pending.begin()->first.first <= untilMonotonic;
         ++n) {
        auto first = m_pending.begin();
        Pending p = std::move(first->second);
        m_pending.erase(first);
        if (p.hadContext && !p.context)
            continue;
        p.fn();
    }
}

void SimulatedClock::arm()
{
    if (!m_real.isValid() || m_pending.empty()) {
        m_timer.stop();
        return;
    }
    const double realMs = double(m_pending.begin()->first.first - monotonicMs()) / m_speed;
    m_timer.start(int(std::clamp(std::ceil(realMs), 0.0, kMaxWaitMs)), Qt::PreciseTimer, this);
}

void SimulatedClock::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_timer.timerId()) {
        HubClock::timerEvent(event);
        return;
    }
    m_timer.stop();
    runDue(monotonicMs());
    arm();
}

} // namespace TableTap
