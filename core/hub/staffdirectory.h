// The staff of one cafe: employee code, name, role, hashed PIN, hourly rate, drink allowance,
// whether they may sign in, and their token generation. Used by sign-in, the "self" commands,
// StaffAdmin and the admin CLI.
#pragma once

#include "hubactor.h"

#include <QList>
#include <QString>

#include <optional>

namespace TableTap {

class StoreConnection;

struct StaffRecord
{
    QString id, code, name;
    HubRole role = HubRole::Employee;
    QString pinHash;
    qint64 hourlyRateCents = 0;
    std::optional<int> drinkAllowance; // none: the cafe's default
    bool active = true;
    qint64 createdAt = 0;
    qint64 tokenGeneration = 0; // tokens signed with an older one are refused
    qint64 updatedAt = 0;       // 0: never changed since it was added
    QString updatedById;        // empty: the admin command line
    QString updatedByName;
    qint64 lastSignInAt = 0; // 0: never (since the hub kept it); not part of update()
};

class StaffDirectory final
{
public:
    explicit StaffDirectory(StoreConnection &db)
        : m_db(db)
    {}

    std::optional<StaffRecord> byId(const QString &id);
    std::optional<StaffRecord> byCode(const QString &code);
    QList<StaffRecord> list();
    // Inserts; false when the code is taken.
    bool add(const StaffRecord &record);
    // Writes what can change after adding (name, role, PIN, hourly rate, drink allowance,
    // active, token generation, who changed it) to the row with record.id.
    void update(const StaffRecord &record);
    // A successful PIN sign-in or token refresh, at atMs (ms since the epoch).
    void recordSignIn(const QString &id, qint64 atMs);

    // Employee codes: 1 to 32 of A-Z a-z 0-9 _ - (compared case-insensitively at sign-in).
    static bool isValidCode(const QString &code);

private:
    std::optional<StaffRecord> one(const QString &where, const QString &key);
    StoreConnection &m_db;
};

} // namespace TableTap
