// What a command gives back.
#include "commandresult.h"

#include "contract.h"

namespace TableTap {

CommandResult CommandResult::success(const QJsonObject &data)
{
    CommandResult r;
    r.ack = QJsonObject{{Contract::Keys::Ok, true}, {Contract::Keys::Data, data}};
    return r;
}

CommandResult CommandResult::failure(const CommandError &error)
{
    CommandResult r;
    r.ack = QJsonObject{{Contract::Keys::Ok, false}, {Contract::Keys::Error, error.toJson()}};
    return r;
}

} // namespace TableTap
