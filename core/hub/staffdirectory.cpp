// The staff of one cafe.
#include "staffdirectory.h"

#include "storeconnection.h"

#include <QRegularExpression>
#include <QSqlQuery>

namespace TableTap {

static const QString kColumns = QStringLiteral(
    "SELECT id, code, name, role, pin_hash, hourly_rate_cents, drink_allowance, "
    "active, created_at, token_generation, updated_at, updated_by_id, updated_by_name, "
    "last_sign_in_at FROM staff ");

static StaffRecord fromQuery(const QSqlQuery &q)
{
    StaffRecord r;
    r.id = q.value(0).toString();
    r.code = q.value(1).toString();
    r.name = q.value(2).toString();
    r.role = HubActor::parseRole(q.value(3).toString()).value_or(HubRole::Employee);
    r.pinHash = q.value(4).toString();
    r.hourlyRateCents = q.value(5).toLongLong();
    if (!q.value(6).isNull())
        r.drinkAllowance = q.value(6).toInt();
    r.active = q.value(7).toBool();
    r.createdAt = q.value(8).toLongLong();
    r.tokenGeneration = q.value(9).toLongLong();
    r.updatedAt = q.value(10).toLongLong();
    r.updatedById = q.value(11).toString();
    r.updatedByName = q.value(12).toString();
    r.lastSignInAt = q.value(13).toLongLong();
    return r;
}

std::optional<StaffRecord> StaffDirectory::one(const QString &where, const QString &key)
{
    QSqlQuery q = m_db.exec(kColumns + where, {key});
    if (!q.next())
        return std::nullopt;
    return fromQuery(q);
}

std::optional<StaffRecord> StaffDirectory::byId(const QString &id)
{
    return one(QStringLiteral("WHERE id = ?"), id);
}

std::optional<StaffRecord> StaffDirectory::byCode(const QString &code)
{
    // lower() on both sides rather than SQLite's COLLATE NOCASE, which PostgreSQL lacks; codes
    // are ASCII ([A-Za-z0-9_-]), where both agree.
    return one(QStringLiteral("WHERE lower(code) = lower(?)"), code);
}

QList<StaffRecord> StaffDirectory::list()
{
    QList<StaffRecord> all;
    QSqlQuery q = m_db.exec(kColumns + QStringLiteral("ORDER BY code"));
    while (q.next())
        all.append(fromQuery(q));
    return all;
}

bool StaffDirectory::add(const StaffRecord &r)
{
    if (byCode(r.code))
        return false;
    m_db.exec(
        QStringLiteral(
            "INSERT INTO staff(id, code, name, role, pin_hash, hourly_rate_cents, drink_allowance, "
            "active, created_at, updated_at, updated_by_id, updated_by_name) VALUES "
            "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {r.id, r.code, r.name, HubActor::roleName(r.role), r.pinHash, r.hourlyRateCents,
         r.drinkAllowance ? QVariant(*r.drinkAllowance) : QVariant(), r.active ? 1 : 0, r.createdAt,
         r.updatedAt ? QVariant(r.updatedAt) : QVariant(),
         r.updatedById.isEmpty() ? QVariant() : QVariant(r.updatedById),
         r.updatedByName.isEmpty() ? QVariant() : QVariant(r.updatedByName)});
    return true;
}

void StaffDirectory::update(const StaffRecord &r)
{
    m_db.exec(QStringLiteral("UPDATE staff SET name = ?, role = ?, pin_hash = ?, "
                             "hourly_rate_cents = ?, drink_allowance = ?, active = ?, "
                             "token_generation = ?, updated_at = ?, updated_by_id = ?, "
                             "updated_by_name = ? WHERE id = ?"),
              {r.name, HubActor::roleName(r.role), r.pinHash, r.hourlyRateCents,
               r.drinkAllowance ? QVariant(*r.drinkAllowance) : QVariant(), r.active ? 1 : 0,
               r.tokenGeneration, r.updatedAt,
               r.updatedById.isEmpty() ? QVariant() : QVariant(r.updatedById),
               r.updatedByName.isEmpty() ? QVariant() : QVariant(r.updatedByName), r.id});
}

void StaffDirectory::recordSignIn(const QString &id, qint64 atMs)
{
    m_db.exec(QStringLiteral("UPDATE staff SET last_sign_in_at = ? WHERE id = ?"), {atMs, id});
}

bool StaffDirectory::isValidCode(const QString &code)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9_-]{1,32}$"));
    return re.match(code).hasMatch();
}

} // namespace TableTap
