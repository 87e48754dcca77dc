// What the hub knows of one cafe's staff for authorisation (active, role, token generation),
// kept in memory so handshakes and commands need no read of the table, and re-read whenever
// the table may have changed: after the hub's own staff commands, and when another connection
// (the admin command line writing while the hub serves) committed to the database, which
// StoreConnection::dataVersion() tells (SQLite: PRAGMA data_version, a look at the WAL index).
#pragma once

#include "staffdirectory.h"

#include <QHash>
#include <QList>
#include <QStringList>

#include <optional>

namespace TableTap {

// One staff member as before and after a re-read (before empty: added since).
struct StaffChange
{
    std::optional<StaffRecord> before;
    StaffRecord after;

    // What changed, in the words of staff:updated: "added", "disabled", "enabled",
    // "role_changed", "pin_changed", "sessions_revoked" (a new generation without either of the
    // two before it), "details_changed" (name, hourly rate, drink allowance). Empty when nothing
    // the hub announces changed (a sign-in time).
    QStringList kinds() const;
    // Whether the person's live sockets must go: disabled, or their tokens revoked.
    bool endsSessions() const;
    bool roleChanged() const { return before && before->role != after.role; }
};

class StaffRoster final
{
public:
    // Reads the table now (and notes the data version it saw).
    void load(StoreConnection &db);
    // Re-reads when another connection committed since the last read, or when forced (the hub
    // itself just changed a row), and returns who changed. Throws StorageError.
    QList<StaffChange> refresh(StoreConnection &db, bool force = false);
    const StaffRecord *find(const QString &userId) const;
    bool isLoaded() const { return m_dataVersion >= 0; }

private:
    QHash<QString, StaffRecord> m_staff;
    qint64 m_dataVersion = -1;
};

} // namespace TableTap
