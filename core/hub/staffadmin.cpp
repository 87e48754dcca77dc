// Staff changes and who may make them.
#include "staffadmin.h"

#include "commanderror.h"
#include "hubtime.h"
#include "moneycents.h"

namespace TableTap {

namespace {

void checkGrant(const HubActor &editor, HubRole role)
{
    if (!editor.atLeast(role))
        throw CommandError::denied(
            QStringLiteral("a %1 cannot grant the %2 role")
                .arg(HubActor::roleName(editor.role), HubActor::roleName(role)));
}

void checkAuthority(const HubActor &editor, const StaffRecord &target, const StaffAdmin::Edit &edit)
{
    using A = StaffAdmin::Action;
    if (editor.userId == target.id && (edit.action == A::Disable || edit.action == A::SetRole))
        throw CommandError::conflict(edit.action == A::Disable
                                         ? QStringLiteral("you cannot disable yourself")
                                         : QStringLiteral("you cannot change your own role"));
    StaffAdmin::checkMayManage(editor, target);
    if (edit.action == A::SetRole)
        checkGrant(editor, edit.role);
}

std::optional<StaffAdmin::Problem> checkName(const QString &name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty() || trimmed.size() > 100)
        return StaffAdmin::Problem{QStringLiteral("name"),
                                   QStringLiteral("must be 1 to 100 characters")};
    return std::nullopt;
}

std::optional<StaffAdmin::Problem> checkRate(qint64 cents)
{
    if (cents < 0 || cents > 100000)
        return StaffAdmin::Problem{
            QStringLiteral("hourly_rate"),
            QStringLiteral("must be an amount like 15.50 (at most 1000.00)")};
    return std::nullopt;
}

std::optional<StaffAdmin::Problem> checkAllowance(const std::optional<int> &allowance)
{
    if (allowance && (*allowance < 0 || *allowance > 1000))
        return StaffAdmin::Problem{QStringLiteral("drink_allowance"),
                                   QStringLiteral("must be a number from 0 to 1000")};
    return std::nullopt;
}

void throwIf(const std::optional<StaffAdmin::Problem> &problem)
{
    if (problem)
        throw CommandError::invalid(problem->field, problem->field + u' ' + problem->rule);
}

void stamp(StaffRecord *record, const std::optional<HubActor> &editor, qint64 nowMs)
{
    record->updatedAt = nowMs;
    record->updatedById = editor ? editor->userId : QString();
    record->updatedByName = editor ? editor->name : QString();
}

} // namespace

std::optional<StaffAdmin::Problem> StaffAdmin::check(const Addition &a)
{
    if (!StaffDirectory::isValidCode(a.code))
        return Problem{QStringLiteral("employee_id"),
                       QStringLiteral("must be 1 to 32 of A-Z a-z 0-9 _ -")};
    if (auto p = checkName(a.name))
        return p;
    if (auto p = checkRate(a.hourlyRateCents))
        return p;
    return checkAllowance(a.drinkAllowance);
}

std::optional<StaffAdmin::Problem> StaffAdmin::check(const Details &d)
{
    if (d.name)
        if (auto p = checkName(*d.name))
            return p;
    if (d.hourlyRateCents)
        if (auto p = checkRate(*d.hourlyRateCents))
            return p;
    if (d.drinkAllowance)
        return checkAllowance(*d.drinkAllowance);
    return std::nullopt;
}

void StaffAdmin::checkMayManage(const HubActor &editor, const StaffRecord &target)
{
    if (!editor.atLeast(HubRole::Admin) && !editor.atLeast(target.role))
        throw CommandError::denied(
            QStringLiteral("a %1 cannot change the account of a %2")
                .arg(HubActor::roleName(editor.role), HubActor::roleName(target.role)));
}

StaffRecord StaffAdmin::add(StoreConnection &db, const Addition &a, const QString &id,
                            const std::optional<HubActor> &editor, qint64 nowMs)
{
    throwIf(check(a));
    if (editor)
        checkGrant(*editor, a.role);
    StaffRecord r;
    r.id = id;
    r.code = a.code;
    r.name = a.name.trimmed();
    r.role = a.role;
    r.pinHash = a.pinHash;
    r.hourlyRateCents = a.hourlyRateCents;
    r.drinkAllowance = a.drinkAllowance;
    r.createdAt = nowMs;
    // Who added them, when it was someone at a console (the command line stays anonymous).
    if (editor)
        stamp(&r, editor, nowMs);
    if (!StaffDirectory(db).add(r))
        throw CommandError::conflict(QStringLiteral("employee code %1 is taken").arg(a.code),
                                     QStringLiteral("employee_id"));
    return r;
}

StaffRecord StaffAdmin::update(StoreConnection &db, StaffRecord target, const Details &d,
                               const std::optional<HubActor> &editor, qint64 nowMs)
{
    if (!d.name && !d.hourlyRateCents && !d.drinkAllowance)
        throw CommandError::invalid(QStringLiteral("name"),
                                    QStringLiteral("give name, hourly_rate or drink_allowance"));
    throwIf(check(d));
    if (editor) {
        checkMayManage(*editor, target);
        // Nobody but an admin sets their own pay.
        if (editor->userId == target.id && !editor->atLeast(HubRole::Admin)
            && (d.hourlyRateCents || d.drinkAllowance))
            throw CommandError::denied(
                QStringLiteral("a %1 cannot change their own hourly rate or drink allowance")
                    .arg(HubActor::roleName(editor->role)));
    }
    const StaffRecord before = target;
    if (d.name)
        target.name = d.name->trimmed();
    if (d.hourlyRateCents)
        target.hourlyRateCents = *d.hourlyRateCents;
    if (d.drinkAllowance)
        target.drinkAllowance = *d.drinkAllowance;
    if (target.name == before.name && target.hourlyRateCents == before.hourlyRateCents
        && target.drinkAllowance == before.drinkAllowance)
        throw CommandError::conflict(
            QStringLiteral("%1 (%2) already has these details").arg(target.code, before.name));
    stamp(&target, editor, nowMs);
    StaffDirectory(db).update(target);
    return target;
}

StaffRecord StaffAdmin::apply(StoreConnection &db, StaffRecord target, const Edit &edit,
                              const std::optional<HubActor> &editor, qint64 nowMs)
{
    if (editor)
        checkAuthority(*editor, target, edit);
    const QString who = QStringLiteral("%1 (%2)").arg(target.code, target.name);
    switch (edit.action) {
    case Action::Disable:
        if (!target.active)
            throw CommandError::conflict(QStringLiteral("%1 is already disabled").arg(who));
        target.active = false;
        ++target.tokenGeneration;
        break;
    case Action::Enable:
        if (target.active)
            throw CommandError::conflict(QStringLiteral("%1 is not disabled").arg(who));
        target.active = true;
        break;
    case Action::SetRole:
        if (target.role == edit.role)
            throw CommandError::conflict(
                QStringLiteral("%1 is already %2").arg(who, HubActor::roleName(edit.role)),
                QStringLiteral("role"));
        target.role = edit.role;
        break;
    case Action::SetPin:
        // The tokens were got with the old PIN: whoever knew it is signed out too.
        target.pinHash = edit.pinHash;
        ++target.tokenGeneration;
        break;
    case Action::Revoke:
        ++target.tokenGeneration;
        break;
    }
    stamp(&target, editor, nowMs);
    StaffDirectory(db).update(target);
    return target;
}

QJsonObject StaffAdmin::toJson(const StaffRecord &s)
{
    return QJsonObject{
        {QStringLiteral("user_id"), s.id},
        {QStringLiteral("employee_id"), s.code},
        {QStringLiteral("name"), s.name},
        {QStringLiteral("role"), HubActor::roleName(s.role)},
        {QStringLiteral("active"), s.active},
        {QStringLiteral("hourly_rate"), MoneyCents::toJson(s.hourlyRateCents)},
        {QStringLiteral("drink_allowance"),
         s.drinkAllowance ? QJsonValue(*s.drinkAllowance) : QJsonValue()},
        {QStringLiteral("created_at"), HubTime::isoUtc(s.createdAt)},
        {QStringLiteral("updated_at"),
         s.updatedAt ? QJsonValue(HubTime::isoUtc(s.updatedAt)) : QJsonValue()},
        {QStringLiteral("updated_by"),
         s.updatedById.isEmpty()
             ? QJsonValue()
             : QJsonValue(QJsonObject{{QStringLiteral("id"), s.updatedById},
                                      {QStringLiteral("name"), s.updatedByName}})},
        {QStringLiteral("last_sign_in_at"),
         s.lastSignInAt ? QJsonValue(HubTime::isoUtc(s.lastSignInAt)) : QJsonValue()}};
}

} // namespace TableTap
