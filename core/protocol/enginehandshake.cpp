// Engine.IO handshake (open packet) encoding.
#include "enginehandshake.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace TableTap::EngineIO {

QByteArray Handshake::toJson() const
{
    QJsonObject o{
        {QStringLiteral("sid"), sid},
        {QStringLiteral("upgrades"), QJsonArray::fromStringList(upgrades)},
        {QStringLiteral("pingInterval"), pingInterval},
        {QStringLiteral("pingTimeout"), pingTimeout},
        {QStringLiteral("maxPayload"), maxPayload},
    };
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

Decoded<Handshake> Handshake::fromJson(QByteArrayView json)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return Decoded<Handshake>::failure(QStringLiteral("invalid handshake"));
    const QJsonObject o = doc.object();
    Handshake h;
    h.sid = o.value(QLatin1String("sid")).toString();
    if (h.sid.isEmpty())
        return Decoded<Handshake>::failure(QStringLiteral("handshake without sid"));
    for (const QJsonValue &u : o.value(QLatin1String("upgrades")).toArray())
        h.upgrades.append(u.toString());
    const double interval = o.value(QLatin1String("pingInterval")).toDouble(-1);
    const double timeout = o.value(QLatin1String("pingTimeout")).toDouble(-1);
    if (interval <= 0 || timeout <= 0 || interval > 1e9 || timeout > 1e9)
        return Decoded<Handshake>::failure(QStringLiteral("handshake without heartbeat settings"));
    h.pingInterval = int(interval);
    h.pingTimeout = int(timeout);
    h.maxPayload = qint64(o.value(QLatin1String("maxPayload")).toDouble(1000000));
    return h;
}

} // namespace TableTap::EngineIO
