// libFuzzer target: the Socket.IO decoder (Qt's tree and LiteJson), validation and binary
// reassembly.
// The input is split at 0x1f into Engine.IO messages; a leading 'B' marks a binary one.
#include "siobinaryassembler.h"
#include "siocodec.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cstdlib>

using namespace TableTap;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto single = SioCodec::decodeText(bytes);
    if (single.ok() && !single->data.isUndefined()) {
        // SioCodec's own JSON writer puts out exactly the bytes of Qt's.
        const QJsonValue &v = single->data;
        QByteArray qt;
        if (v.isArray())
            qt = QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact);
        else if (v.isObject())
            qt = QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact);
        else
            qt = QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact).chopped(1).mid(1);
        if (SioCodec::toJsonText(v) != qt)
            std::abort();
    }
    if (single.ok() && SioCodec::validate(*single).isEmpty() && single->attachmentCount == 0) {
        // A valid packet survives a round trip.
        // A binary type announcing no attachments re-encodes as its plain twin.
        const auto back = SioCodec::decodeText(SioCodec::encodeText(*single));
        const auto plain = [](SioPacket::Type t) {
            return t == SioPacket::Type::BinaryEvent ? SioPacket::Type::Event
                   : t == SioPacket::Type::BinaryAck ? SioPacket::Type::Ack
                                                     : t;
        };
        if (!back.ok() || plain(back->type) != plain(single->type) || back->nsp != single->nsp
            || back->id != single->id || back->data != single->data)
            std::abort();
    }
    // The LiteJson decoder (the console's reader without Qt's tree): never more lenient than
    // Qt's parser, the same value wherever both accept, the same verdict of validate().
    const auto lite = SioCodec::decodeTextLite(bytes);
    if (lite.ok()) {
        if (!single.ok() || lite->toPacket().data != single->data || lite->nsp != single->nsp
            || lite->id != single->id
            || SioCodec::validate(*lite).isEmpty() != SioCodec::validate(*single).isEmpty())
            std::abort();
        if (lite->data) {
            // Every reader on every node, as a mapper would walk them.
            for (const LiteJson::Node &n : lite->data->nodes())
                (void)n;
            const LiteJsonValue root = lite->data->root();
            for (const LiteJsonValue v : root.toArray()) {
                (void)v.toString();
                v.toObject().forEach([](const LiteJsonValue &k, const LiteJsonValue &x) {
                    (void)k.equals(QLatin1String("data"));
                    (void)x.toDouble();
                    (void)x.toString();
                });
            }
        }
    }
    SioBinaryAssembler assembler;
    for (const QByteArray &part : bytes.split('\x1f')) {
        const bool binary = part.startsWith('B');
        const EnginePacket message
            = binary ? EnginePacket::binaryMessage(part.mid(1)) : EnginePacket::message(part);
        const auto result = assembler.feed(message);
        if (!result.ok())
            assembler.reset();
    }
    return 0;
}
