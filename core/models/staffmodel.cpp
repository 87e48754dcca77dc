// The staff model.
#include "staffmodel.h"

namespace TableTap {

StaffModel::StaffModel(QObject *parent)
    : KeyedRowModel<StaffMember>(parent)
{}

int StaffModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString StaffModel::roleTitle(const QString &role)
{
    if (role == QLatin1String("employee"))
        return tr("Employee");
    if (role == QLatin1String("manager"))
        return tr("Manager");
    if (role == QLatin1String("admin"))
        return tr("Admin");
    return role;
}

QVariant StaffModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const StaffMember &m = rowAt(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case NameColumn:
            return m.name;
        case CodeColumn:
            return m.employeeCode;
        case RoleColumn:
            return roleTitle(m.role);
        case StatusColumn:
            return m.active ? tr("Active") : tr("Disabled");
        case HourlyRateColumn:
            return formatCents(m.hourlyRate);
        case DrinkAllowanceColumn:
            if (m.drinkAllowance)
                return QString::number(*m.drinkAllowance);
            return m_cafeDefault ? tr("cafe default (%1)").arg(*m_cafeDefault) : tr("cafe default");
        case LastSignInColumn:
            return m.lastSignInAt.isValid()
                       ? m.lastSignInAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                       : tr("never");
        }
        return {};
    }
    if (role == Qt::TextAlignmentRole
        && (index.column() == HourlyRateColumn || index.column() == DrinkAllowanceColumn))
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    switch (role) {
    case UserIdRole:
        return m.userId;
    case EmployeeCodeRole:
        return m.employeeCode;
    case RoleNameRole:
        return m.role;
    case ActiveRole:
        return m.active;
    }
    return {};
}

QVariant StaffModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case CodeColumn:
        return tr("Code");
    case RoleColumn:
        return tr("Role");
    case StatusColumn:
        return tr("Status");
    case HourlyRateColumn:
        return tr("Hourly rate");
    case DrinkAllowanceColumn:
        return tr("Drinks / month");
    case LastSignInColumn:
        return tr("Last sign-in");
    }
    return {};
}

void StaffModel::resetStaff(const QList<StaffMember> &staff)
{
    QList<std::pair<QString, StaffMember>> rows;
    rows.reserve(staff.size());
    for (const StaffMember &m : staff)
        rows.append({m.userId, m});
    m_loaded = true;
    resetRows(rows);
}

void StaffModel::apply(const StaffMember &member)
{
    if (!m_loaded || member.userId.isEmpty())
        return;
    // The hub's staff:updated may carry an older sign-in time than list_staff did (sign-ins are
    // not announced): keep the later one.
    StaffMember next = member;
    if (const StaffMember *known = find(member.userId))
        if (known->lastSignInAt.isValid()
            && (!next.lastSignInAt.isValid() || known->lastSignInAt > next.lastSignInAt))
            next.lastSignInAt = known->lastSignInAt;
    upsert(member.userId, next);
}

void StaffModel::setCafeDefaultAllowance(std::optional<int> allowance)
{
    if (allowance == m_cafeDefault)
        return;
    m_cafeDefault = allowance;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, DrinkAllowanceColumn),
                           index(rowCount() - 1, DrinkAllowanceColumn), {Qt::DisplayRole});
}

void StaffModel::clear()
{
    m_loaded = false;
    resetRows({});
}

} // namespace TableTap
