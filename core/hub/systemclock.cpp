// Wall-clock time with QTimer-driven callbacks.
#include "systemclock.h"

#include <QDateTime>
#include <QPointer>
#include <QTimer>

namespace TableTap {

SystemClock::SystemClock(QObject *parent)
    : HubClock(parent)
{}

qint64 SystemClock::nowMs() const
{
    return QDateTime::currentMSecsSinceEpoch();
}

void SystemClock::callAt(qint64 atMs, QObject *context, std::function<void()> fn)
{
    const qint64 delay = qMax<qint64>(0, atMs - nowMs());
    // A timer may fire a millisecond early by the wall clock; callers compare against nowMs(),
    // so re-arm until the clock really reached the deadline.
    QTimer::singleShot(
        std::chrono::milliseconds(delay), context,
        [this, atMs, ctx = QPointer<QObject>(context), fn = std::move(fn)]() mutable {
            if (!ctx)
                return;
            if (nowMs() < atMs) {
                callAt(atMs, ctx, std::move(fn));
                return;
            }
            fn();
        });
}

} // namespace TableTap
