// What a command gives back.
#include "commandresult.h"

namespace TableTap {

CommandResult CommandResult::success(const QJsonObject &data)
{
    CommandResult r;
    r.ack = QJsonObject{{QStringLiteral("ok"), true}, {QStringLiteral("data"), data}};
    return r;
}

CommandResult CommandResult::failure(const CommandError &error)
{
    CommandResult r;
    r.ack = QJsonObject{{QStringLiteral("ok"), false}, {QStringLiteral("error"), error.toJson()}};
    return r;
}

} // namespace TableTap
