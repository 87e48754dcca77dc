// The cafe's staff for managers: name, code, role, status, hourly rate, drink allowance, last
// sign-in. Filled from list_staff (ConsoleSession::loadStaff) and kept current by staff:updated.
#pragma once

#include "keyedrowmodel.h"
#include "staffmember.h"

namespace TableTap {

class StaffModel final : public KeyedRowModel<StaffMember>
{
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        CodeColumn,
        RoleColumn,
        StatusColumn,
        HourlyRateColumn,
        DrinkAllowanceColumn,
        LastSignInColumn,
        ColumnCount
    };
    enum Role { UserIdRole = Qt::UserRole + 1, EmployeeCodeRole, RoleNameRole, ActiveRole };

    explicit StaffModel(QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // A whole list (list_staff): replaces what was there and marks the model loaded.
    void resetStaff(const QList<StaffMember> &staff);
    // One member as the hub now has them (a command's answer, staff:updated). Ignored until
    // the model was loaded, so a partial list never passes for the whole staff.
    void apply(const StaffMember &member);
    bool isLoaded() const { return m_loaded; }
    void clear();
    const StaffMember *member(const QString &userId) const { return find(userId); }

    // The cafe's drink_allowance_default (a setting), shown beside "cafe default"; none: unknown.
    void setCafeDefaultAllowance(std::optional<int> allowance);

    // "Employee", "Manager", "Admin" (translated); the wire name for an unknown role.
    static QString roleTitle(const QString &role);

private:
    bool m_loaded = false;
    std::optional<int> m_cafeDefault;
};

} // namespace TableTap
