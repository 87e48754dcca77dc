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
    m_pending.append(Pending{atMs, m_nextOrder++, context, context != nullptr, std::move(fn)});
}

void ManualClock::advance(qint64 ms)
{
    setNow(m_now + qMax<qint64>(0, ms));
}

void ManualClock::setNow(qint64 target)
{
    for (;;) {
        auto due = std::min_element(m_pending.begin(), m_pending.end(),
                                    [](const Pending &a, const Pending &b) {
                                        return a.at != b.at ? a.at < b.at : a.order < b.order;
                                    });
        if (due == m_pending.end() || due->at > target)
            break;
        Pending p = std::move(*due);
        m_pending.erase(due);
        m_now = qMax(m_now, p.at);
        if (p.hadContext && !p.context)
            continue;
        p.fn();
    }
    m_now = qMax(m_now, target);
}

} // namespace TableTap
