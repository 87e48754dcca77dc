// One event the hub emits.
#include "hubevent.h"

namespace TableTap {

QString HubEvent::eventId() const
{
    return envelope.value(u"meta").toObject().value(u"event_id").toString();
}

QJsonObject HubEvent::data() const
{
    return envelope.value(u"data").toObject();
}

} // namespace TableTap
