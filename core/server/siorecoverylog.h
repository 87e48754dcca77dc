// Connection state recovery for one namespace (socket.io's SessionAwareAdapter): the log of
// recent non-volatile, ack-less events with their offsets, and the sessions of sockets that
// dropped, kept for the recovery window so a reconnecting client gets what it missed.
#pragma once

#include "enginepacket.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QVariantMap>

#include <deque>
#include <optional>

namespace TableTap {

class SioRecoveryLog
{
public:
    struct Session
    {
        QString sid;
        QString pid;
        QSet<QString> rooms; // including the socket's own id
        QVariantMap data;
        qint64 disconnectedAt = 0;
    };
    struct Restored
    {
        Session session;
        QList<QList<EnginePacket>> missed; // encoded events, oldest first
    };

    SioRecoveryLog(qint64 windowMs, int maxPackets);

    // The clock every `now` below is read from: monotonic milliseconds, so setting the wall
    // clock neither stretches nor cuts the recovery window.
    static qint64 clockMs();

    // The offset the next stored event carries (appended to its arguments before encoding).
    QString nextOffset() const;
    // Stores the event that carries nextOffset().
    void store(const QSet<QString> &rooms, const QSet<QString> &except, QList<EnginePacket> frames,
               qint64 now);
    void persist(Session session, qint64 now);
    // The session and the events it missed after offset, or nothing (expired, unknown, too old).
    std::optional<Restored> restore(const QString &pid, const QString &offset, qint64 now);
    void prune(qint64 now);

    qsizetype storedPackets() const { return qsizetype(m_entries.size()); }
    qsizetype storedSessions() const { return m_sessions.size(); }

private:
    struct Entry
    {
        qint64 seq = 0;
        qint64 emittedAt = 0;
        QSet<QString> rooms;
        QSet<QString> except;
        QList<EnginePacket> frames;
    };

    qint64 m_windowMs;
    int m_maxPackets;
    QString m_prefix;
    qint64 m_nextSeq = 0;
    std::deque<Entry> m_entries;
    QHash<QString, Session> m_sessions;
};

} // namespace TableTap
