// JSON → typed values for the contract's events and snapshot answers. The readers are in
// eventmapper_readers.inc, compiled once for Qt's JSON tree and once for LiteJson.
#include "eventmapper.h"

#include "contract.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <optional>
#include <utility>
#include <vector>

namespace TableTap {

namespace MapQt {

using JObject = QJsonObject;
using JValue = QJsonValue;
using JArray = QJsonArray;

template<class F>
void forEachMember(const QJsonObject &o, F &&f)
{
    for (auto it = o.constBegin(); it != o.constEnd(); ++it)
        f(it.key(), it.value());
}

#include "eventmapper_readers.inc"

} // namespace MapQt

namespace MapLite {

using JObject = LiteJsonObject;
using JValue = LiteJsonValue;
using JArray = LiteJsonArray;

template<class F>
void forEachMember(const LiteJsonObject &o, F &&f)
{
    // QJsonObject's order: sorted by key, the last of equal keys kept.
    std::vector<std::pair<QString, LiteJsonValue>> members;
    members.reserve(std::size_t(o.size()));
    o.forEach([&members](const LiteJsonValue &key, const LiteJsonValue &value) {
        members.emplace_back(key.toString(), value);
    });
    std::stable_sort(members.begin(), members.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    for (std::size_t i = 0; i < members.size(); ++i)
        if (i + 1 == members.size() || members[i + 1].first != members[i].first)
            f(members[i].first, members[i].second);
}

#include "eventmapper_readers.inc"

} // namespace MapLite

QDateTime EventMapper::mapTime(const QJsonValue &value)
{
    return MapQt::mapTime(value);
}

PersonRef EventMapper::mapPerson(const QJsonObject &json)
{
    return MapQt::mapPerson(json);
}

StaffMember EventMapper::mapStaffMember(const QJsonObject &json)
{
    return MapQt::mapStaffMember(json);
}

QList<StaffMember> EventMapper::mapStaffList(const QJsonValue &data)
{
    return MapQt::mapStaffList(data);
}

QList<StatusChange> EventMapper::mapHistory(const QJsonArray &json)
{
    return MapQt::mapHistory(json);
}

Order EventMapper::mapOrder(const QJsonObject &json)
{
    return MapQt::mapOrder(json);
}

const QStringList &EventMapper::knownEvents()
{
    // The events with a row that maps them, in the contract's order.
    static const QStringList names = [] {
        QStringList out;
        for (const MapQt::EventSpec &spec : MapQt::kSpecs)
            if (spec.map)
                out << Contract::name(spec.event);
        return out;
    }();
    return names;
}

Decoded<CafeEvent> EventMapper::mapEvent(const QString &nsp, const QString &event,
                                         const QJsonValue &envelope)
{
    return MapQt::mapEvent(nsp, event, envelope);
}

Decoded<CafeEvent> EventMapper::mapEvent(const QString &nsp, const QString &event,
                                         const LiteJsonValue &envelope)
{
    return MapLite::mapEvent(nsp, event, envelope);
}

Decoded<CafeSnapshot> EventMapper::mapSnapshot(Contract::Command command, const QJsonValue &data)
{
    return MapQt::mapSnapshot(command, data);
}

} // namespace TableTap
