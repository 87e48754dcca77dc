// Socket.IO v5 encode/decode: pure functions, as socket.io-parser does it.
// Wire form: type[attachments-][/nsp,][id][json]; binary buffers follow as separate
// Engine.IO binary messages and are referenced from the JSON by placeholders.
#pragma once

#include "decoded.h"
#include "enginepacket.h"
#include "litejson.h"
#include "siopacket.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

namespace TableTap::SioCodec {

inline constexpr int ProtocolVersion = 5;
inline constexpr int DefaultMaxAttachments = 10;

// The header+JSON text of a packet. Binary types are chosen from the attachments.
QByteArray encodeText(const SioPacket &packet);
// The text frame followed by one binary Engine.IO message per attachment.
QList<EnginePacket> encode(const SioPacket &packet);

// Parses the text form. Binary packets come back with attachmentCount set and no attachments;
// feed them to a SioBinaryAssembler. Shape rules are checked by validate(), not here.
Decoded<SioPacket> decodeText(QByteArrayView text);

// A packet whose JSON is read with LiteJson instead of Qt's tree: what the console's client
// decodes its events with (EventMapper maps the envelope straight from these nodes). The header
// rules are decodeText's; data is empty when the packet has no payload.
struct SioLitePacket
{
    SioPacket::Type type = SioPacket::Type::Event;
    QString nsp = QStringLiteral("/");
    qint64 id = SioPacket::NoAckId;
    int attachmentCount = 0;
    std::optional<LiteJson> data;

    bool hasId() const { return id >= 0; }
    // The payload as Qt's tree (what decodeText would have put in SioPacket::data).
    SioPacket toPacket() const;
};
// Keeps the text (shared, not copied): the nodes point into it.
Decoded<SioLitePacket> decodeTextLite(const QByteArray &text);

struct ValidationOptions
{
    int maxAttachments = DefaultMaxAttachments;
};
// Empty when valid, otherwise why not (payload shapes, reserved names, placeholders).
QString validate(const SioPacket &packet, const ValidationOptions &options = {});
// The same rules for a packet read with LiteJson.
QString validate(const SioLitePacket &packet, const ValidationOptions &options = {});

// Event names a client may never send or receive as ordinary events.
const QStringList &reservedEventNames();
bool isReservedEventName(const QString &name);

// Binary attachment placeholders.
QJsonObject placeholder(int num);
bool isPlaceholder(const QJsonValue &value, int *num = nullptr);
// Highest placeholder num in a value plus one (0 if none); -1 if a placeholder is malformed.
int placeholderCount(const QJsonValue &value);

// Compact JSON text of any value (strings, numbers included).
QByteArray toJsonText(const QJsonValue &value);

// The JSON-ish description used in logs ("EVENT /orders id=3 [...]").
QString describe(const SioPacket &packet);

} // namespace TableTap::SioCodec
