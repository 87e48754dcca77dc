// Engine.IO handshake (open packet) encoding.
#include "enginehandshake.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace TableTap {

namespace {

// A JSON string; the sid and transport names are plain ASCII, but nothing is assumed.
void appendJsonString(QByteArray &out, const QString &s)
{
    out.append('"');
    for (const char c : s.toUtf8()) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out.append('\\').append(c);
        } else if (c == '\b' || c == '\f' || c == '\n' || c == '\r' || c == '\t') {
            out.append('\\').append(c == '\b'   ? 'b'
                                    : c == '\f' ? 'f'
                                    : c == '\n' ? 'n'
                                    : c == '\r' ? 'r'
                                                : 't');
        } else if (u < 0x20) {
            char esc[8];
            std::snprintf(esc, sizeof esc, "\\u%04x", u);
            out.append(esc);
        } else {
            out.append(c);
        }
    }
    out.append('"');
}

} // namespace

QByteArray EngineHandshake::toJson() const
{
    // Written directly (every connection sends one): the same bytes QJsonDocument writes, keys
    // in its sorted order.
    QByteArray out;
    out.reserve(120);
    out.append("{\"maxPayload\":").append(QByteArray::number(maxPayload));
    out.append(",\"pingInterval\":").append(QByteArray::number(pingInterval));
    out.append(",\"pingTimeout\":").append(QByteArray::number(pingTimeout));
    out.append(",\"sid\":");
    appendJsonString(out, sid);
    out.append(",\"upgrades\":[");
    for (qsizetype i = 0; i < upgrades.size(); ++i) {
        if (i)
            out.append(',');
        appendJsonString(out, upgrades.at(i));
    }
    out.append("]}");
    return out;
}

Decoded<EngineHandshake> EngineHandshake::fromJson(QByteArrayView json)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return Decoded<EngineHandshake>::failure(QStringLiteral("invalid handshake"));
    const QJsonObject o = doc.object();
    EngineHandshake h;
    h.sid = o.value(QLatin1String("sid")).toString();
    if (h.sid.isEmpty())
        return Decoded<EngineHandshake>::failure(QStringLiteral("handshake without sid"));
    for (const QJsonValue &u : o.value(QLatin1String("upgrades")).toArray())
        h.upgrades.append(u.toString());
    const double interval = o.value(QLatin1String("pingInterval")).toDouble(-1);
    const double timeout = o.value(QLatin1String("pingTimeout")).toDouble(-1);
    if (interval <= 0 || timeout <= 0 || interval > 1e9 || timeout > 1e9)
        return Decoded<EngineHandshake>::failure(
            QStringLiteral("handshake without heartbeat settings"));
    h.pingInterval = int(interval);
    h.pingTimeout = int(timeout);
    h.maxPayload = qint64(o.value(QLatin1String("maxPayload")).toDouble(1000000));
    return h;
}

} // namespace TableTap
