// Per-user token bucket for commands.
#include "commandratelimiter.h"

namespace TableTap {

bool CommandRateLimiter::allow(const QString &key, qint64 nowMs)
{
    if (m_perSecond <= 0 || m_burst <= 0)
        return true;
    if (m_buckets.size() > 10000) {
        // Full buckets carry no state worth keeping.
        for (auto it = m_buckets.begin(); it != m_buckets.end();) {
            if (it->tokens + double(nowMs - it->at) * m_perSecond / 1000.0 >= m_burst)
                it = m_buckets.erase(it);
            else
                ++it;
        }
    }
    auto it = m_buckets.find(key);
    if (it == m_buckets.end())
        it = m_buckets.insert(key, Bucket{double(m_burst), nowMs});
    it->tokens = qMin<double>(
        m_burst, it->tokens + double(qMax<qint64>(0, nowMs - it->at)) * m_perSecond / 1000.0);
    it->at = nowMs;
    if (it->tokens < 1.0)
        return false;
    it->tokens -= 1.0;
    return true;
}

} // namespace TableTap
