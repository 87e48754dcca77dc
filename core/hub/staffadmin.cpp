// Staff changes and who may make them.
#include "staffadmin.h"

#include "commanderror.h"
#include "hubtime.h"
#include "moneycents.h"

namespace TableTap {

namespace {

void checkAuthority(const HubActor &editor, const StaffRecord &target, const StaffAdmin::Edit &edit)
{
    using A = StaffAdmin::Action;
    if (editor.userId == target.id && (edit.action == A::Disable || edit.action == A::SetRole))
        throw CommandError::conflict(edit.action == A::Disable
                                         ? QStringLiteral("you cannot disable yourself")
                                         : QStringLiteral("you cannot change your own role"));
    if (editor.atLeast(HubRole::Admin))
        return;
    if (!editor.atLeast(target.role))
        throw CommandError::denied(
            QStringLiteral("a %1 cannot change the account of a %2")
                .arg(HubActor::roleName(editor.role), HubActor::roleName(target.role)));
    if (edit.action == A::SetRole && !editor.atLeast(edit.role))
        throw CommandError::denied(
            QStringLiteral("a %1 cannot grant the %2 role")
                .arg(HubActor::roleName(editor.role), HubActor::roleName(edit.role)));
}

} // namespace

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
    target.updatedAt = nowMs;
    target.updatedById = editor ? editor->userId : QString();
    target.updatedByName = editor ? editor->name : QString();
    StaffDirectory(db).update(target);
    return target;
}

QJsonObject StaffAdmin::toJson(const StaffRecord &s)
{
    return QJsonObject{{QStringLiteral("user_id"), s.id},
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
                                                     {QStringLiteral("name"), s.updatedByName}})}};
}

} // namespace TableTap
