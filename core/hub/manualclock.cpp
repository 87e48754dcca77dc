// A clock that only moves when told to.
#include "manualclock.h"

#include <algorithm>

namespace TableTap {

ManualClock::ManualClock(qint64 startMs, QObject *parent)
    : HubClock(parent)
    , m_now(startMs)
{}

void ManualClock::callAt(qint64 atMs, QObject *context, std::function<void()> fn)
{
    // As SystemClock: the delay is measured now and runs on the monotonic clock.
    m_pending.append(Pending{m_monotonic + qMax<qint64>(0, atMs - m_now), m_nextOrder++, context,
                             context != nullptr, std::move(fn)});
}

void ManualClock::advance(qint64 ms)
{
    const qint64 target = m_monotonic + qMax<qint64>(0, ms);
    for (;;) {
        auto due = std::min_element(m_pending.begin(), m_pending.end(),
                                    [](const Pending &a, const Pending &b) {
                                        return a.due != b.due ? a.due < b.due : a.order < b.order;
                                    });
        if (due == m_pending.end() || due->due > target)
            break;
        Pending p = std::move(*due);
        m_pending.erase(due);
        if (p.due > m_monotonic) {
            m_now += p.due - m_monotonic;
            m_monotonic = p.due;
        }
        if (p.hadContext && !p.context)
            continue;
        p.fn();
    }
    m_now += target - m_monotonic;
    m_monotonic = target;
}

void ManualClock::setNow(qint64 target)
{
    advance(target - m_now);
}

} // namespace TableTap
