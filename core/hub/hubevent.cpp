// One event the hub emits.
#include "hubevent.h"

#include "contract.h"

namespace TableTap {

QString HubEvent::eventId() const
{
    return envelope.value(Contract::Keys::Meta)
        .toObject()
        .value(Contract::Keys::EventId)
        .toString();
}

QJsonObject HubEvent::data() const
{
    return envelope.value(Contract::Keys::Data).toObject();
}

} // namespace TableTap
