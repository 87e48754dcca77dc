// Wall-clock time, a monotonic clock and QTimer-driven callbacks.
#include "systemclock.h"

#include <QDateTime>
#include <QPointer>
#include <QTimer>

namespace TableTap {

namespace {
// QTimer runs on the monotonic clock and QDateTime on the wall clock; the two round differently
// and NTP slews the wall clock a little. A timer that ends this much before the wall clock
// shows its deadline waits out the difference; a bigger gap means the clock was set back.
constexpr qint64 kClockSlackMs = 1000;
} // namespace

SystemClock::SystemClock(QObject *parent)
    : HubClock(parent)
{
    m_monotonic.start(); // CLOCK_MONOTONIC
}

qint64 SystemClock::nowMs() const
{
    return QDateTime::currentMSecsSinceEpoch();
}

qint64 SystemClock::monotonicMs() const
{
    return m_monotonic.elapsed();
}

void SystemClock::callAt(qint64 atMs, QObject *context, std::function<void()> fn)
{
    const qint64 delay = qMax<qint64>(0, atMs - nowMs());
    QTimer::singleShot(
        std::chrono::milliseconds(delay), Qt::PreciseTimer, context,
        [this, atMs, ctx = QPointer<QObject>(context), fn = std::move(fn)]() mutable {
            if (!ctx)
                return;
            const qint64 early = atMs - nowMs();
            if (early > 0 && early <= kClockSlackMs) {
                callAt(atMs, ctx, std::move(fn));
                return;
            }
            fn();
        });
}

} // namespace TableTap
