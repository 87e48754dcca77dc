// Reading a JWT's claims on the console side.
#include "sessionidentity.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace TableTap {

SessionIdentity SessionIdentity::fromToken(const QString &token)
{
    const QStringList parts = token.split(QLatin1Char('.'));
    if (parts.size() != 3)
        return {};
    const auto payload = QByteArray::fromBase64Encoding(
        parts.at(1).toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    if (!payload)
        return {};
    const QJsonObject claims = QJsonDocument::fromJson(payload.decoded).object();
    SessionIdentity id;
    id.userId = claims.value(QLatin1String("sub")).toString();
    id.name = claims.value(QLatin1String("name")).toString();
    id.role = claims.value(QLatin1String("role")).toString();
    id.cafeId = claims.value(QLatin1String("cafe_id")).toString();
    const double exp = claims.value(QLatin1String("exp")).toDouble(0);
    if (exp > 0 && exp < 1e11)
        id.expiresAt = QDateTime::fromSecsSinceEpoch(qint64(exp), Qt::UTC);
    return id;
}

} // namespace TableTap
