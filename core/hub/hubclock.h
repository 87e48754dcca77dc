// The hub's source of time and of timed callbacks. Injected everywhere so tests and the fast
// simulator can move time by hand (ManualClock) while the real hub uses SystemClock.
// Two clocks: the wall clock says what time it is (timestamps, token expiry, business dates,
// QR expiry shown to customers); the monotonic clock measures intervals (throttles, rate
// limits, timer delays) and never jumps when someone sets the wall clock.
#pragma once

#include <QObject>

#include <functional>

namespace TableTap {

class HubClock : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    // Milliseconds since the Unix epoch, UTC.
    virtual qint64 nowMs() const = 0;
    // Milliseconds on a clock that only moves forward at a steady rate (any origin).
    virtual qint64 monotonicMs() const = 0;
    // Runs fn once atMs - nowMs() (as it is now) has passed on the monotonic clock, unless
    // context has been destroyed by then. A wall clock set back meanwhile does not hold it
    // back, so callers that compare nowMs() against atMs must expect to run a little early
    // after such a jump. Callbacks due at the same time run in scheduling order.
    virtual void callAt(qint64 atMs, QObject *context, std::function<void()> fn) = 0;
};

} // namespace TableTap
