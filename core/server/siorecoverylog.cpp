// SioRecoveryLog.
#include "siorecoverylog.h"

#include <QDeadlineTimer>
#include <QRandomGenerator>

namespace TableTap {

qint64 SioRecoveryLog::clockMs()
{
    return QDeadlineTimer::current(Qt::PreciseTimer).deadline();
}

SioRecoveryLog::SioRecoveryLog(qint64 windowMs, int maxPackets)
    : m_windowMs(windowMs)
    , m_maxPackets(std::max(1, maxPackets))
{
    // Offsets from an earlier run of the hub must not match this run's log.
    m_prefix = QString::number(QRandomGenerator::system()->generate(), 36);
}

QString SioRecoveryLog::nextOffset() const
{
    return m_prefix + QLatin1Char('-') + QString::number(m_nextSeq, 36);
}

void SioRecoveryLog::store(const QSet<QString> &rooms, const QSet<QString> &except,
                           QList<EnginePacket> frames, qint64 now)
{
    m_entries.push_back(Entry{m_nextSeq++, now, rooms, except, std::move(frames)});
    while (int(m_entries.size()) > m_maxPackets)
        m_entries.pop_front();
}

void SioRecoveryLog::persist(Session session, qint64 now)
{
    session.disconnectedAt = now;
    const QString pid = session.pid;
    m_sessions.insert(pid, std::move(session));
}

std::optional<SioRecoveryLog::Restored> SioRecoveryLog::restore(const QString &pid,
                                                                const QString &offset, qint64 now)
{
    auto it = m_sessions.find(pid);
    if (it == m_sessions.end())
        return std::nullopt;
    if (it->disconnectedAt + m_windowMs < now) {
        m_sessions.erase(it);
        return std::nullopt;
    }
    const qsizetype dash = offset.lastIndexOf(QLatin1Char('-'));
    if (dash < 0 || offset.left(dash) != m_prefix)
        return std::nullopt;
    bool ok = false;
    const qint64 seq = offset.mid(dash + 1).toLongLong(&ok, 36);
    if (!ok || m_entries.empty() || seq < m_entries.front().seq || seq >= m_nextSeq)
        return std::nullopt; // the offset is older than the log, or never issued
    Restored restored;
    restored.session = *it;
    m_sessions.erase(it);
    const QSet<QString> &rooms = restored.session.rooms;
    for (auto e = m_entries.begin() + (seq - m_entries.front().seq) + 1; e != m_entries.end();
         ++e) {
        const bool included = e->rooms.isEmpty() || e->rooms.intersects(rooms);
        const bool excluded = e->except.intersects(rooms);
        if (included && !excluded)
            restored.missed.append(e->frames);
    }
    return restored;
}

void SioRecoveryLog::prune(qint64 now)
{
    const qint64 threshold = now - m_windowMs;
    for (auto it = m_sessions.begin(); it != m_sessions.end();)
        it = it->disconnectedAt < threshold ? m_sessions.erase(it) : std::next(it);
    while (!m_entries.empty() && m_entries.front().emittedAt < threshold)
        m_entries.pop_front();
}

} // namespace TableTap
