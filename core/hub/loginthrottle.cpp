// Throttling of failed sign-ins.
#include "loginthrottle.h"

namespace TableTap {

qint64 LoginThrottle::lockedForMs(const QString &key, qint64 nowMs) const
{
    const auto it = m_entries.constFind(key);
    if (it == m_entries.constEnd())
        return 0;
    return qMax<qint64>(0, it->lockedUntil - nowMs);
}

void LoginThrottle::recordFailure(const QString &key, qint64 nowMs)
{
    if (m_entries.size() >= kMaxKeys)
        prune(nowMs);
    Entry &e = m_entries[key];
    if (e.failures > 0 && nowMs - e.lastFailure > kForgetMs)
        e = Entry{};
    ++e.failures;
    e.lastFailure = nowMs;
    if (e.failures >= kFreeFailures) {
        const int exponent = qMin(e.failures - kFreeFailures, 20);
        e.lockedUntil = nowMs + qMin<qint64>(kMaxLockMs, qint64(1000) << exponent);
    }
}

void LoginThrottle::recordSuccess(const QString &key)
{
    m_entries.remove(key);
}

int LoginThrottle::failures(const QString &key) const
{
    return m_entries.value(key).failures;
}

bool LoginThrottle::hasRecentFailure(const QString &key, qint64 nowMs) const
{
    const auto it = m_entries.constFind(key);
    return it != m_entries.constEnd() && it->failures > 0 && nowMs - it->lastFailure <= kForgetMs;
}

void LoginThrottle::prune(qint64 nowMs)
{
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        if (nowMs - it->lastFailure > kForgetMs && it->lockedUntil <= nowMs)
            it = m_entries.erase(it);
        else
            ++it;
    }
    // Still full (a flood of distinct keys): drop unlocked entries first.
    for (auto it = m_entries.begin(); m_entries.size() >= kMaxKeys && it != m_entries.end();) {
        if (it->lockedUntil <= nowMs)
            it = m_entries.erase(it);
        else
            ++it;
    }
}

} // namespace TableTap
