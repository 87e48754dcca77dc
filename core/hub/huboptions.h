// Settings of a hub process (not of a cafe): where data lives, the simulated provider, token
// lifetimes, per-user command rate, how long events are kept for recovery.
#pragma once

#include "pinhasher.h"

#include <QString>

#include <algorithm>
#include <cmath>

namespace TableTap {

struct HubOptions
{
    QString dataDir;
    // Where the cafes' data lives: empty (or "sqlite") the data folder's SQLite files;
    // postgresql://USER[:PASSWORD]@HOST[:PORT]/DBNAME a PostgreSQL database several hub nodes
    // share (each node still keeps its own data folder for its lock, logs and backups).
    QString databaseUrl;
    // Host part of QR payment links: payment://<qrHost>/pay?id=...&amount=...
    QString qrHost = QStringLiteral("tabletap.local");
    int cardProcessingDelayMs = 1500;
    double cardDeclineRate = 0.0;
    quint32 randomSeed = 1;
    // Per user: a token bucket of commandBurst commands refilled at commandsPerSecond; 0 = off.
    int commandsPerSecond = 50;
    int commandBurst = 100;
    int eventRetentionHours = 72;
    int recentOrdersLimit = 50;
    qint64 accessTokenTtlSeconds = 12 * 3600;
    qint64 refreshTokenTtlSeconds = 30 * 24 * 3600;
    int pinIterations = PinHasher::kDefaultIterations;
    // How often the hub looks whether another process (the admin command line) changed a
    // cafe's staff, so a disabled or revoked person's sockets go within this long; 0 = never
    // (handshakes, refreshes and commands still look each time).
    int staffCheckIntervalMs = 500;
    // How long the hub's thread waits for a write lock another process holds (the admin
    // commands, a backup) before the batch fails with CONFLICT ("nothing was applied, retry"):
    // short, because every client waits while it does.
    int storageBusyTimeoutMs = 100;
    // Each commit is fsynced before its ack (SQLite synchronous FULL), so an acked command
    // survives a power cut. Off (NORMAL in WAL: consistent after a crash, the last commits may
    // be lost) only for a simulated demo hub, whose simulator writes a whole morning at once.
    bool syncEveryCommit = true;

    // These options for a hub the simulator drives (a demo): some cards are declined (on top of
    // the .13 / .66 amounts), reproducibly by seed; commits skip the per-commit disk flush.
    // speed: how much faster than real time the simulated day runs on a hub that keeps real
    // time, so the simulated card provider answers within simulated seconds too; 1 for a hub on
    // simulated time (its delays are simulated time already).
    HubOptions forSimulation(double speed, quint32 seed) const
    {
        HubOptions o = *this;
        if (o.cardDeclineRate <= 0)
            o.cardDeclineRate = 0.04;
        o.randomSeed = seed;
        o.syncEveryCommit = false;
        if (speed > 1)
            o.cardProcessingDelayMs
                = std::max(20, int(std::lround(o.cardProcessingDelayMs / speed)));
        return o;
    }
};

} // namespace TableTap
