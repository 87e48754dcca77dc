// The one mapper from the hub's JSON (event envelopes and snapshot payloads) to the console's
// typed values. Tolerant of missing fields, strict about the envelope; never throws.
#pragma once

#include "cafeevent.h"
#include "cafesnapshot.h"
#include "contract.h"
#include "decoded.h"
#include "litejson.h"
#include "staffmember.h"

#include <QJsonObject>

namespace TableTap {

class EventMapper
{
public:
    // Maps one received event: its name, its namespace and its first argument (the envelope).
    static Decoded<CafeEvent> mapEvent(const QString &nsp, const QString &event,
                                       const QJsonValue &envelope);
    // The same, read from the frame's bytes (LiteJson) without Qt's JSON tree: what the
    // console's decode path uses; the result is the same as for the envelope's QJsonValue.
    static Decoded<CafeEvent> mapEvent(const QString &nsp, const QString &event,
                                       const LiteJsonValue &envelope);
    // Maps one snapshot command's answer (the ack's data) to its CafeSnapshot alternative;
    // missing or mistyped fields read as empty. An error only for a command that is no snapshot.
    static Decoded<CafeSnapshot> mapSnapshot(Contract::Command command, const QJsonValue &data);
    // The contract's order object (order:created's data.order; list_orders rows use it too).
    static Order mapOrder(const QJsonObject &json);
    static PersonRef mapPerson(const QJsonObject &json);
    static QList<StatusChange> mapHistory(const QJsonArray &json);
    static QDateTime mapTime(const QJsonValue &value);
    // The hub's staff object (list_staff rows, the commands' answers, staff:updated's data);
    // an empty userId when it names nobody.
    static StaffMember mapStaffMember(const QJsonObject &json);
    // list_staff's answer: {"staff": [...]}; rows naming nobody are left out.
    static QList<StaffMember> mapStaffList(const QJsonValue &data);
    // The events this console knows, in the contract's order.
    static const QStringList &knownEvents();
};

} // namespace TableTap
