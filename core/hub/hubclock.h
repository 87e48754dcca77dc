// The hub's source of time and of timed callbacks. Injected everywhere so tests and the fast
// simulator can move time by hand (ManualClock) while the real hub uses SystemClock.
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
    // Runs fn once when the clock reaches atMs (or right after, never before), unless context
    // has been destroyed by then. Callbacks due at the same time run in scheduling order.
    virtual void callAt(qint64 atMs, QObject *context, std::function<void()> fn) = 0;
};

} // namespace TableTap
