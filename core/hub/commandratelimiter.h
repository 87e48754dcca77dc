// Per-user token bucket for commands: a burst of `burst` commands, refilled at `perSecond`.
// A flood from one client gets RATE_LIMITED instead of starving the cafe's other users.
#pragma once

#include <QHash>
#include <QString>

namespace TableTap {

class CommandRateLimiter final
{
public:
    CommandRateLimiter(int perSecond, int burst)
        : m_perSecond(perSecond)
        , m_burst(burst)
    {}

    // True when the command may run now (and takes a token); always true when disabled.
    bool allow(const QString &key, qint64 nowMs);

private:
    struct Bucket
    {
        double tokens = 0;
        qint64 at = 0;
    };
    int m_perSecond;
    int m_burst;
    QHash<QString, Bucket> m_buckets;
};

} // namespace TableTap
