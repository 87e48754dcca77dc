// Throttling of failed sign-ins, per key (an employee code in a cafe, or a client address key,
// see ClientAddress): after 5 failures each further failure locks the key for 1 s, 2 s, 4 s ...
// up to 15 minutes. A success clears the key; a key with no failure for an hour is forgotten.
#pragma once

#include <QHash>
#include <QString>

namespace TableTap {

class LoginThrottle final
{
public:
    static constexpr int kFreeFailures = 5;
    static constexpr qint64 kMaxLockMs = 15 * 60 * 1000;
    static constexpr qint64 kForgetMs = 60 * 60 * 1000;
    static constexpr int kMaxKeys = 20000;

    // Milliseconds the key is still locked for at nowMs (0 when free).
    qint64 lockedForMs(const QString &key, qint64 nowMs) const;
    void recordFailure(const QString &key, qint64 nowMs);
    void recordSuccess(const QString &key);
    int failures(const QString &key) const;
    // Whether the key failed within the last kForgetMs (an address that never failed may still
    // try a locked code: the lock must not keep the real person out).
    bool hasRecentFailure(const QString &key, qint64 nowMs) const;

private:
    struct Entry
    {
        int failures = 0;
        qint64 lockedUntil = 0;
        qint64 lastFailure = 0;
    };
    void prune(qint64 nowMs);
    QHash<QString, Entry> m_entries;
};

} // namespace TableTap
