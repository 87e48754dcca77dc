// The staff of a cafe as the hub authorises them.
#include "staffroster.h"

#include "storeconnection.h"

namespace TableTap {

QStringList StaffChange::kinds() const
{
    if (!before)
        return {QStringLiteral("added")};
    QStringList kinds;
    if (before->active && !after.active)
        kinds.append(QStringLiteral("disabled"));
    if (!before->active && after.active)
        kinds.append(QStringLiteral("enabled"));
    if (before->role != after.role)
        kinds.append(QStringLiteral("role_changed"));
    if (before->pinHash != after.pinHash)
        kinds.append(QStringLiteral("pin_changed"));
    if (before->tokenGeneration != after.tokenGeneration
        && !kinds.contains(QStringLiteral("disabled"))
        && !kinds.contains(QStringLiteral("pin_changed")))
        kinds.append(QStringLiteral("sessions_revoked"));
    if (before->name != after.name || before->hourlyRateCents != after.hourlyRateCents
        || before->drinkAllowance != after.drinkAllowance)
        kinds.append(QStringLiteral("details_changed"));
    return kinds;
}

bool StaffChange::endsSessions() const
{
    return before && (!after.active || before->tokenGeneration != after.tokenGeneration);
}

void StaffRoster::load(StoreConnection &db)
{
    m_dataVersion = db.dataVersion();
    m_staff.clear();
    for (const StaffRecord &s : StaffDirectory(db).list())
        m_staff.insert(s.id, s);
}

QList<StaffChange> StaffRoster::refresh(StoreConnection &db, bool force)
{
    if (!isLoaded()) {
        load(db);
        return {};
    }
    const qint64 version = db.dataVersion();
    if (!force && version == m_dataVersion)
        return {};
    const QHash<QString, StaffRecord> before = std::exchange(m_staff, {});
    m_dataVersion = version;
    QList<StaffChange> changes;
    for (const StaffRecord &s : StaffDirectory(db).list()) {
        m_staff.insert(s.id, s);
        const auto it = before.constFind(s.id);
        StaffChange change{it == before.constEnd() ? std::nullopt : std::optional(*it), s};
        if (!change.kinds().isEmpty())
            changes.append(std::move(change));
    }
    return changes;
}

const StaffRecord *StaffRoster::find(const QString &userId) const
{
    const auto it = m_staff.constFind(userId);
    return it == m_staff.constEnd() ? nullptr : &*it;
}

} // namespace TableTap
