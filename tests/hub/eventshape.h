// The payload shape proof shared by the hub tests: an event envelope against the contract's example
// (tests/fixtures/events, the examples of docs/events.md): same field names, nesting and JSON
// types, recursively; plus the value rules (money to the cent, ISO-8601 UTC times).
// Needs TT_HUB_FIXTURES (the fixtures folder) defined by the test's CMake target.
#pragma once

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QString>

#include <cmath>

namespace TableTap::Test {

inline QJsonObject fixture(const QString &event)
{
    QFile f(QStringLiteral(TT_HUB_FIXTURES "/") + QString(event).replace(u':', u'_')
            + QStringLiteral(".json"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

inline const char *typeName(QJsonValue::Type t)
{
    switch (t) {
    case QJsonValue::Null:
        return "null";
    case QJsonValue::Bool:
        return "bool";
    case QJsonValue::Double:
        return "number";
    case QJsonValue::String:
        return "string";
    case QJsonValue::Array:
        return "array";
    case QJsonValue::Object:
        return "object";
    default:
        return "undefined";
    }
}

// Empty when `actual` has the shape of `expected`; else the first difference, by path.
// Paths in `maps` are objects with free keys whose values all have the shape of the expected
// object's first value (cafe:settings_updated's changes).
// Lenient mode (later instances of an event) accepts null at the documented nullable paths and
// empty arrays; strict mode (the first, fully populated instance) accepts neither.
inline const QSet<QString> kNullable{QStringLiteral("$.data.order.customer_phone"),
                                     QStringLiteral("$.data.order.proxy_order_info.ordered_for"),
                                     QStringLiteral("$.data.customer_phone"),
                                     QStringLiteral("$.data.order_id"),
                                     QStringLiteral("$.data.orders_reassigned_to")};

inline QString shapeDiff(const QJsonValue &expected, const QJsonValue &actual, const QString &path,
                         const QSet<QString> &maps = {}, bool lenient = false)
{
    if (lenient && actual.isNull() && kNullable.contains(path))
        return {};
    if (expected.type() != actual.type())
        return QStringLiteral("%1: expected %2, got %3")
            .arg(path, QLatin1String(typeName(expected.type())),
                 QLatin1String(typeName(actual.type())));
    if (expected.isObject()) {
        const QJsonObject e = expected.toObject(), a = actual.toObject();
        if (maps.contains(path)) {
            if (a.isEmpty())
                return path + QStringLiteral(": empty map");
            for (auto it = a.begin(); it != a.end(); ++it) {
                // A key the example shows keeps that key's shape; any other has the first one's
                // keys ({previous, new}) with values of the same type as each other.
                const QJsonValue model = e.contains(it.key()) ? e.value(it.key()) : QJsonValue();
                if (model.isUndefined()) {
                    const QJsonObject pair = it.value().toObject();
                    if (pair.keys() != e.begin().value().toObject().keys()
                        || pair.value(u"previous").type() != pair.value(u"new").type())
                        return path + u'.' + it.key()
                               + QStringLiteral(": not a {previous, new} pair");
                    continue;
                }
                const QString d
                    = shapeDiff(model, it.value(), path + u'.' + it.key(), maps, lenient);
                if (!d.isEmpty())
                    return d;
            }
            return {};
        }
        if (e.keys() != a.keys())
            return QStringLiteral("%1: keys %2 != %3")
                .arg(path, a.keys().join(u','), e.keys().join(u','));
        for (const QString &k : e.keys()) {
            const QString d = shapeDiff(e.value(k), a.value(k), path + u'.' + k, maps, lenient);
            if (!d.isEmpty())
                return d;
        }
    } else if (expected.isArray()) {
        const QJsonArray e = expected.toArray(), a = actual.toArray();
        if (!e.isEmpty() && a.isEmpty() && !lenient)
            return path + QStringLiteral(": empty array, cannot check its elements");
        for (int i = 0; i < a.size(); ++i) {
            const QString d
                = shapeDiff(e.at(0), a.at(i), path + QStringLiteral("[%1]").arg(i), maps, lenient);
            if (!d.isEmpty())
                return d;
        }
    }
    return {};
}

// Every number has at most two decimals (money, hours); every time is ISO-8601 UTC with Z.
inline QString valueRules(const QJsonValue &v, const QString &path)
{
    static const QRegularExpression iso(
        QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$"));
    if (v.isDouble()) {
        const double x = v.toDouble() * 100;
        if (std::fabs(x - std::round(x)) > 1e-6)
            return path + QStringLiteral(": more than two decimals");
    } else if (v.isString()) {
        const QString key = path.section(u'.', -1);
        if ((key.endsWith(u"_at") || key == u"timestamp" || key.endsWith(u"_time")
             || key == u"last_restocked")
            && !iso.match(v.toString()).hasMatch())
            return path + QStringLiteral(": not ISO-8601 UTC: ") + v.toString();
    } else if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            const QString d = valueRules(it.value(), path + u'.' + it.key());
            if (!d.isEmpty())
                return d;
        }
    } else if (v.isArray()) {
        const QJsonArray a = v.toArray();
        for (int i = 0; i < a.size(); ++i) {
            const QString d = valueRules(a.at(i), path + QStringLiteral("[%1]").arg(i));
            if (!d.isEmpty())
                return d;
        }
    }
    return {};
}

} // namespace TableTap::Test
