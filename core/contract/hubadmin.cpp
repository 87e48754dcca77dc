// The hub's admin API: the out-of-line parts.
#include "hubadmin.h"

namespace TableTap {

AdminResult AdminResult::failure(Status status, const QString &message, const QString &field)
{
    AdminResult r;
    r.status = status;
    r.message = message;
    r.field = field;
    return r;
}

HubAdmin::~HubAdmin() = default;

} // namespace TableTap
