// Typed, bounded reads of a command payload.
#include "payloadreader.h"

#include "commanderror.h"
#include "moneycents.h"

#include <cmath>

namespace TableTap {

PayloadReader::PayloadReader(QJsonObject object, QString path)
    : m_object(std::move(object))
    , m_path(std::move(path))
{}

PayloadReader PayloadReader::fromPayload(const QJsonValue &payload)
{
    if (payload.isUndefined() || payload.isNull())
        return PayloadReader(QJsonObject{});
    if (!payload.isObject())
        throw CommandError::invalid(QStringLiteral("payload"),
                                    QStringLiteral("the payload must be a JSON object"));
    return PayloadReader(payload.toObject());
}

QString PayloadReader::fieldPath(const QString &key) const
{
    return m_path.isEmpty() ? key : m_path + u'.' + key;
}

bool PayloadReader::has(const QString &key) const
{
    const QJsonValue v = m_object.value(key);
    return !v.isUndefined() && !v.isNull();
}

QJsonValue PayloadReader::require(const QString &key) const
{
    if (!has(key))
        throw CommandError::invalid(fieldPath(key),
                                    QStringLiteral("%1 is required").arg(fieldPath(key)));
    return m_object.value(key);
}

static bool hasControlCharacters(const QString &s)
{
    for (QChar c : s) {
        if (c.unicode() < 0x20 && c != u'\n' && c != u'\t')
            return true;
    }
    return false;
}

QString PayloadReader::string(const QString &key, int maxLength, bool allowEmpty) const
{
    const QJsonValue v = require(key);
    if (!v.isString())
        throw CommandError::invalid(fieldPath(key),
                                    QStringLiteral("%1 must be a string").arg(fieldPath(key)));
    const QString s = v.toString();
    if (s.size() > maxLength)
        throw CommandError::invalid(
            fieldPath(key),
            QStringLiteral("%1 is longer than %2 characters").arg(fieldPath(key)).arg(maxLength));
    if (!allowEmpty && s.trimmed().isEmpty())
        throw CommandError::invalid(fieldPath(key),
                                    QStringLiteral("%1 must not be empty").arg(fieldPath(key)));
    if (hasControlCharacters(s))
        throw CommandError::invalid(
            fieldPath(key), QStringLiteral("%1 contains control characters").arg(fieldPath(key)));
    return s;
}

std::optional<QString> PayloadReader::optString(const QString &key, int maxLength) const
{
    if (!has(key))
        return std::nullopt;
    return string(key, maxLength, true);
}

bool PayloadReader::isInteger(const QJsonValue &v, qint64 min, qint64 max, qint64 *out)
{
    if (!v.isDouble())
        return false;
    const double d = v.toDouble();
    if (!std::isfinite(d) || d != std::floor(d) || d < static_cast<double>(min)
        || d > static_cast<double>(max))
        return false;
    *out = static_cast<qint64>(d);
    return true;
}

qint64 PayloadReader::integer(const QString &key, qint64 min, qint64 max) const
{
    const QJsonValue v = require(key);
    qint64 out = 0;
    if (!isInteger(v, min, max, &out))
        throw CommandError::invalid(fieldPath(key),
                                    QStringLiteral("%1 must be an integer from %2 to %3")
                                        .arg(fieldPath(key))
                                        .arg(min)
                                        .arg(max));
    return out;
}

std::optional<qint64> PayloadReader::optInteger(const QString &key, qint64 min, qint64 max) const
{
    if (!has(key))
        return std::nullopt;
    return integer(key, min, max);
}

qint64 PayloadReader::money(const QString &key, qint64 maxCents) const
{
    const QJsonValue v = require(key);
    qint64 cents = 0;
    if (!MoneyCents::fromJson(v, maxCents, &cents))
        throw CommandError::invalid(
            fieldPath(key),
            QStringLiteral("%1 must be an amount from 0 to %2 with at most two decimals")
                .arg(fieldPath(key))
                .arg(static_cast<double>(maxCents) / 100.0, 0, 'f', 2));
    return cents;
}

std::optional<qint64> PayloadReader::optMoney(const QString &key, qint64 maxCents) const
{
    if (!has(key))
        return std::nullopt;
    return money(key, maxCents);
}

QString PayloadReader::oneOf(const QString &key, const QStringList &allowed) const
{
    const QJsonValue v = require(key);
    if (!v.isString() || !allowed.contains(v.toString()))
        throw CommandError::invalid(
            fieldPath(key),
            QStringLiteral("%1 must be one of: %2").arg(fieldPath(key), allowed.join(u", ")));
    return v.toString();
}

bool PayloadReader::boolean(const QString &key) const
{
    const QJsonValue v = require(key);
    if (!v.isBool())
        throw CommandError::invalid(fieldPath(key),
                                    QStringLiteral("%1 must be true or false").arg(fieldPath(key)));
    return v.toBool();
}

QJsonArray PayloadReader::array(const QString &key, int maxItems, bool allowEmpty) const
{
    const QJsonValue v = require(key);
    if (!v.isArray())
        throw CommandError::invalid(fieldPath(key),
                                    QStringLiteral("%1 must be an array").arg(fieldPath(key)));
    const QJsonArray a = v.toArray();
    if (a.size() > maxItems)
        throw CommandError::invalid(
            fieldPath(key),
            QStringLiteral("%1 has more than %2 entries").arg(fieldPath(key)).arg(maxItems));
    if (!allowEmpty && a.isEmpty())
        throw CommandError::invalid(fieldPath(key),
                                    QStringLiteral("%1 must not be empty").arg(fieldPath(key)));
    return a;
}

std::optional<QJsonArray> PayloadReader::optArray(const QString &key, int maxItems) const
{
    if (!has(key))
        return std::nullopt;
    return array(key, maxItems, true);
}

PayloadReader PayloadReader::object(const QString &key) const
{
    const QJsonValue v = require(key);
    if (!v.isObject())
        throw CommandError::invalid(fieldPath(key),
                                    QStringLiteral("%1 must be an object").arg(fieldPath(key)));
    return PayloadReader(v.toObject(), fieldPath(key));
}

PayloadReader PayloadReader::element(const QString &key, const QJsonArray &array, int index) const
{
    const QString path = fieldPath(key) + u'[' + QString::number(index) + u']';
    const QJsonValue v = array.at(index);
    if (!v.isObject())
        throw CommandError::invalid(path, QStringLiteral("%1 must be an object").arg(path));
    return PayloadReader(v.toObject(), path);
}

} // namespace TableTap
