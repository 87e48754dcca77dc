// Socket.IO v5 codec.
#include "siocodec.h"

#include "jsontextwriter.h"

#include <QJsonDocument>

#include <limits>

namespace TableTap::SioCodec {

namespace {

bool isBinaryType(SioPacket::Type t)
{
    return t == SioPacket::Type::BinaryEvent || t == SioPacket::Type::BinaryAck;
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// Parses any JSON value. QJsonDocument only takes objects and arrays at the top level, so
// scalars are wrapped in an array first.
std::optional<QJsonValue> parseJson(QByteArrayView text)
{
    QJsonParseError error{};
    const char first = text.isEmpty() ? '\0' : text.front();
    if (first == '{' || first == '[') {
        // The parser reads only within the given size, so the frame's bytes need no copy.
        const QJsonDocument doc
            = QJsonDocument::fromJson(QByteArray::fromRawData(text.data(), text.size()), &error);
        if (error.error != QJsonParseError::NoError)
            return std::nullopt;
        if (doc.isArray())
            return QJsonValue(doc.array());
        return QJsonValue(doc.object());
    }
    QByteArray wrapped;
    wrapped.reserve(text.size() + 2);
    wrapped.append('[').append(text.data(), text.size()).append(']');
    const QJsonDocument doc = QJsonDocument::fromJson(wrapped, &error);
    if (error.error != QJsonParseError::NoError || !doc.isArray() || doc.array().size() != 1)
        return std::nullopt;
    return doc.array().at(0);
}

} // namespace

QByteArray toJsonText(const QJsonValue &value)
{
    return JsonTextWriter::toJson(value);
}

QByteArray encodeText(const SioPacket &packet)
{
    SioPacket::Type type = packet.type;
    const bool hasAttachments = !packet.attachments.isEmpty();
    if (hasAttachments && type == SioPacket::Type::Event)
        type = SioPacket::Type::BinaryEvent;
    else if (hasAttachments && type == SioPacket::Type::Ack)
        type = SioPacket::Type::BinaryAck;
    else if (!hasAttachments && type == SioPacket::Type::BinaryEvent)
        type = SioPacket::Type::Event;
    else if (!hasAttachments && type == SioPacket::Type::BinaryAck)
        type = SioPacket::Type::Ack;

    // Header and JSON in one buffer, copied out once.
    JsonTextWriter out;
    out.appendRaw(char('0' + int(type)));
    if (isBinaryType(type)) {
        out.appendInteger(packet.attachments.size());
        out.appendRaw('-');
    }
    if (!packet.nsp.isEmpty() && packet.nsp != QLatin1String("/")) {
        out.appendUtf8(packet.nsp);
        out.appendRaw(',');
    }
    if (packet.id >= 0)
        out.appendInteger(packet.id);
    out.appendValue(packet.data);
    return out.toByteArray();
}

QList<EnginePacket> encode(const SioPacket &packet)
{
    QList<EnginePacket> out;
    out.reserve(1 + packet.attachments.size());
    out.append(EnginePacket::message(encodeText(packet)));
    for (const QByteArray &buffer : packet.attachments)
        out.append(EnginePacket::binaryMessage(buffer));
    return out;
}

namespace {

// The header of a packet (type, attachments, namespace, ack id) and where its JSON begins.
struct Header
{
    SioPacket::Type type = SioPacket::Type::Event;
    int attachmentCount = 0;
    QString nsp = QStringLiteral("/");
    qint64 id = SioPacket::NoAckId;
    qsizetype payloadAt = 0;
};

Decoded<Header> decodeHeader(QByteArrayView str)
{
    using Result = Decoded<Header>;
    if (str.isEmpty())
        return Result::failure(QStringLiteral("empty packet"));
    const char t = str.front();
    if (t < '0' || t > '6')
        return Result::failure(QStringLiteral("unknown packet type"));
    Header p;
    p.type = SioPacket::Type(t - '0');
    qsizetype i = 1;
    const qsizetype n = str.size();

    if (isBinaryType(p.type)) {
        const qsizetype start = i;
        while (i < n && str[i] != '-')
            ++i;
        if (i >= n || i == start || i - start > 6)
            return Result::failure(QStringLiteral("illegal attachments"));
        int count = 0;
        for (qsizetype k = start; k < i; ++k) {
            if (!isDigit(str[k]))
                return Result::failure(QStringLiteral("illegal attachments"));
            count = count * 10 + (str[k] - '0');
        }
        p.attachmentCount = count;
        ++i; // past '-'
    }

    if (i < n && str[i] == '/') {
        const qsizetype start = i;
        while (i < n && str[i] != ',')
            ++i;
        p.nsp = QString::fromUtf8(str.sliced(start, i - start));
        if (i < n)
            ++i; // past ','
    }

    if (i < n && isDigit(str[i])) {
        const qsizetype start = i;
        while (i < n && isDigit(str[i]))
            ++i;
        if (i - start > 15) // beyond 2^53 the JS peer cannot represent it either
            return Result::failure(QStringLiteral("invalid ack id"));
        bool ok = false;
        p.id = str.sliced(start, i - start).toLongLong(&ok);
        if (!ok)
            return Result::failure(QStringLiteral("invalid ack id"));
    }
    p.payloadAt = i;
    return p;
}

} // namespace

Decoded<SioPacket> decodeText(QByteArrayView str)
{
    using Result = Decoded<SioPacket>;
    auto header = decodeHeader(str);
    if (!header)
        return Result::failure(header.error());
    SioPacket p;
    p.type = header->type;
    p.attachmentCount = header->attachmentCount;
    p.nsp = std::move(header->nsp);
    p.id = header->id;
    if (header->payloadAt < str.size()) {
        const auto payload = parseJson(str.sliced(header->payloadAt));
        if (!payload)
            return Result::failure(QStringLiteral("invalid payload"));
        p.data = *payload;
    }
    return p;
}

Decoded<SioLitePacket> decodeTextLite(const QByteArray &text)
{
    using Result = Decoded<SioLitePacket>;
    auto header = decodeHeader(text);
    if (!header)
        return Result::failure(header.error());
    SioLitePacket p;
    p.type = header->type;
    p.attachmentCount = header->attachmentCount;
    p.nsp = std::move(header->nsp);
    p.id = header->id;
    if (header->payloadAt < text.size()) {
        p.data = LiteJson::parse(text, header->payloadAt);
        if (!p.data)
            return Result::failure(QStringLiteral("invalid payload"));
    }
    return p;
}

SioPacket SioLitePacket::toPacket() const
{
    SioPacket p;
    p.type = type;
    p.nsp = nsp;
    p.id = id;
    p.attachmentCount = attachmentCount;
    if (data)
        p.data = data->root().toJsonValue();
    return p;
}

const QStringList &reservedEventNames()
{
    static const QStringList names{
        QStringLiteral("connect"),     QStringLiteral("connect_error"),
        QStringLiteral("disconnect"),  QStringLiteral("disconnecting"),
        QStringLiteral("newListener"), QStringLiteral("removeListener"),
    };
    return names;
}

bool isReservedEventName(const QString &name)
{
    return reservedEventNames().contains(name);
}

QJsonObject placeholder(int num)
{
    return QJsonObject{{QStringLiteral("_placeholder"), true}, {QStringLiteral("num"), num}};
}

bool isPlaceholder(const QJsonValue &value, int *num)
{
    if (!value.isObject())
        return false;
    const QJsonObject o = value.toObject();
    if (o.size() != 2 || !o.value(QLatin1String("_placeholder")).toBool())
        return false;
    const QJsonValue n = o.value(QLatin1String("num"));
    if (!n.isDouble())
        return false;
    const double d = n.toDouble();
    if (d < 0 || d > std::numeric_limits<int>::max() || d != double(qint64(d)))
        return false;
    if (num)
        *num = int(d);
    return true;
}

int placeholderCount(const QJsonValue &value)
{
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        if (o.contains(QLatin1String("_placeholder"))) {
            int num = 0;
            return isPlaceholder(value, &num) ? num + 1 : -1;
        }
        int most = 0;
        for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
            const int c = placeholderCount(it.value());
            if (c < 0)
                return -1;
            most = std::max(most, c);
        }
        return most;
    }
    if (value.isArray()) {
        int most = 0;
        for (const QJsonValue &v : value.toArray()) {
            const int c = placeholderCount(v);
            if (c < 0)
                return -1;
            most = std::max(most, c);
        }
        return most;
    }
    return 0;
}

QString validate(const SioPacket &p, const ValidationOptions &options)
{
    if (p.nsp.isEmpty() || !p.nsp.startsWith(QLatin1Char('/')))
        return QStringLiteral("invalid namespace");
    switch (p.type) {
    case SioPacket::Type::Connect:
        if (!p.data.isUndefined() && !p.data.isObject())
            return QStringLiteral("CONNECT payload must be an object");
        if (p.hasId())
            return QStringLiteral("CONNECT takes no id");
        break;
    case SioPacket::Type::Disconnect:
        if (!p.data.isUndefined())
            return QStringLiteral("DISCONNECT takes no payload");
        break;
    case SioPacket::Type::ConnectError:
        if (!p.data.isObject() && !p.data.isString())
            return QStringLiteral("CONNECT_ERROR payload must be an object or a string");
        break;
    case SioPacket::Type::Event:
    case SioPacket::Type::BinaryEvent: {
        if (!p.data.isArray())
            return QStringLiteral("EVENT payload must be an array");
        const QJsonArray args = p.data.toArray();
        if (args.isEmpty())
            return QStringLiteral("EVENT payload must not be empty");
        const QJsonValue name = args.first();
        if (!name.isString() && !name.isDouble())
            return QStringLiteral("event name must be a string or a number");
        if (name.isString() && isReservedEventName(name.toString()))
            return QStringLiteral("reserved event name");
        break;
    }
    case SioPacket::Type::Ack:
    case SioPacket::Type::BinaryAck:
        if (!p.data.isArray())
            return QStringLiteral("ACK payload must be an array");
        if (!p.hasId())
            return QStringLiteral("ACK without an id");
        break;
    }
    if (isBinaryType(p.type)) {
        if (p.attachmentCount > options.maxAttachments)
            return QStringLiteral("too many attachments");
        const int used = placeholderCount(p.data);
        if (used < 0 || used > p.attachmentCount)
            return QStringLiteral("illegal attachments");
    }
    return {};
}

QString validate(const SioLitePacket &p, const ValidationOptions &options)
{
    // Events and acks (all the console reads this way) are checked on the nodes; the rare
    // binary packet's placeholders and the other types on Qt's tree, by the same rules.
    if (isBinaryType(p.type)
        || (p.type != SioPacket::Type::Event && p.type != SioPacket::Type::Ack))
        return validate(p.toPacket(), options);
    if (p.nsp.isEmpty() || !p.nsp.startsWith(QLatin1Char('/')))
        return QStringLiteral("invalid namespace");
    const LiteJsonValue data = p.data ? p.data->root() : LiteJsonValue();
    if (p.type == SioPacket::Type::Ack) {
        if (!data.isArray())
            return QStringLiteral("ACK payload must be an array");
        if (!p.hasId())
            return QStringLiteral("ACK without an id");
        return {};
    }
    if (!data.isArray())
        return QStringLiteral("EVENT payload must be an array");
    const LiteJsonArray args = data.toArray();
    if (args.isEmpty())
        return QStringLiteral("EVENT payload must not be empty");
    const LiteJsonValue name = args.first();
    if (!name.isString() && !name.isDouble())
        return QStringLiteral("event name must be a string or a number");
    if (name.isString()) {
        static const QLatin1String reserved[]
            = {QLatin1String("connect"),     QLatin1String("connect_error"),
               QLatin1String("disconnect"),  QLatin1String("disconnecting"),
               QLatin1String("newListener"), QLatin1String("removeListener")};
        for (const QLatin1String r : reserved)
            if (name.equals(r))
                return QStringLiteral("reserved event name");
    }
    return {};
}

QString describe(const SioPacket &p)
{
    static const char *const names[]
        = {"CONNECT", "DISCONNECT", "EVENT", "ACK", "CONNECT_ERROR", "BINARY_EVENT", "BINARY_ACK"};
    QString out = QLatin1String(names[int(p.type)]) + QLatin1Char(' ') + p.nsp;
    if (p.hasId())
        out += QStringLiteral(" id=") + QString::number(p.id);
    if (!p.data.isUndefined())
        out += QLatin1Char(' ') + QString::fromUtf8(toJsonText(p.data).left(200));
    if (p.attachmentCount)
        out += QStringLiteral(" +%1 attachment(s)").arg(p.attachmentCount);
    return out;
}

} // namespace TableTap::SioCodec
