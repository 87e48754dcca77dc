// Who is acting.
#include "hubactor.h"

namespace TableTap {

QString HubActor::roleName(HubRole role)
{
    switch (role) {
    case HubRole::Employee:
        return QStringLiteral("employee");
    case HubRole::Manager:
        return QStringLiteral("manager");
    case HubRole::Admin:
        return QStringLiteral("admin");
    }
    return QStringLiteral("employee");
}

std::optional<HubRole> HubActor::parseRole(const QString &name)
{
    if (name == u"employee")
        return HubRole::Employee;
    if (name == u"manager")
        return HubRole::Manager;
    if (name == u"admin")
        return HubRole::Admin;
    return std::nullopt;
}

} // namespace TableTap
