// Typed, bounded reads of a command payload. Every failure throws CommandError INVALID_DATA
// naming the field by its path ("items[1].quantity"), so handlers read fields in one line each.
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace TableTap {

class PayloadReader final
{
public:
    explicit PayloadReader(QJsonObject object, QString path = {});

    // The payload of a command: an object, or absent/null (read as {}). Anything else throws.
    static PayloadReader fromPayload(const QJsonValue &payload);

    bool has(const QString &key) const; // present and not null

    QString string(const QString &key, int maxLength, bool allowEmpty = false) const;
    std::optional<QString> optString(const QString &key, int maxLength) const;
    qint64 integer(const QString &key, qint64 min, qint64 max) const;
    std::optional<qint64> optInteger(const QString &key, qint64 min, qint64 max) const;
    qint64 money(const QString &key, qint64 maxCents) const;
    std::optional<qint64> optMoney(const QString &key, qint64 maxCents) const;
    QString oneOf(const QString &key, const QStringList &allowed) const;
    bool boolean(const QString &key) const; // true or false, nothing else
    QJsonArray array(const QString &key, int maxItems, bool allowEmpty = false) const;
    std::optional<QJsonArray> optArray(const QString &key, int maxItems) const;
    PayloadReader object(const QString &key) const;
    // Element i of an array read from this object under key, which must be an object.
    PayloadReader element(const QString &key, const QJsonArray &array, int index) const;
    QString fieldPath(const QString &key) const;
    const QJsonObject &json() const { return m_object; }

    // Shared scalar checks, usable on values outside an object.
    static bool isInteger(const QJsonValue &v, qint64 min, qint64 max, qint64 *out);

private:
    QJsonValue require(const QString &key) const;
    QJsonObject m_object;
    QString m_path;
};

} // namespace TableTap
