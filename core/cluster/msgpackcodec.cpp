// MsgpackCodec: QJsonValue <-> msgpack through msgpack-c's packer and unpacker.
#include "msgpackcodec.h"

#include <QJsonArray>
#include <QJsonObject>

#include <msgpack.hpp>

#include <cmath>
#include <exception>

namespace TableTap::MsgpackCodec {

namespace {

using Packer = msgpack::packer<msgpack::sbuffer>;

void packString(Packer &pk, const QString &s)
{
    const QByteArray utf8 = s.toUtf8();
    pk.pack_str(uint32_t(utf8.size()));
    pk.pack_str_body(utf8.constData(), uint32_t(utf8.size()));
}

bool isPlaceholder(const QJsonObject &o)
{
    return o.size() == 2 && o.value(QLatin1String("_placeholder")).toBool()
           && o.value(QLatin1String("num")).isDouble();
}

void pack(Packer &pk, const QJsonValue &v, const QList<QByteArray> &attachments)
{
    switch (v.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        pk.pack_nil();
        break;
    case QJsonValue::Bool:
        v.toBool() ? pk.pack_true() : pk.pack_false();
        break;
    case QJsonValue::Double: {
        // As notepack does: integers in their smallest form, everything else a float 64.
        const double d = v.toDouble();
        if (std::trunc(d) == d && std::fabs(d) <= 9007199254740992.0)
            pk.pack_int64(int64_t(d));
        else
            pk.pack_double(d);
        break;
    }
    case QJsonValue::String:
        packString(pk, v.toString());
        break;
    case QJsonValue::Array: {
        const QJsonArray a = v.toArray();
        pk.pack_array(uint32_t(a.size()));
        for (const QJsonValue &e : a)
            pack(pk, e, attachments);
        break;
    }
    case QJsonValue::Object: {
        const QJsonObject o = v.toObject();
        if (isPlaceholder(o)) {
            const int num = o.value(QLatin1String("num")).toInt(-1);
            if (num >= 0 && num < attachments.size()) {
                const QByteArray &bin = attachments.at(num);
                pk.pack_bin(uint32_t(bin.size()));
                pk.pack_bin_body(bin.constData(), uint32_t(bin.size()));
                break;
            }
        }
        pk.pack_map(uint32_t(o.size()));
        for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
            packString(pk, it.key());
            pack(pk, it.value(), attachments);
        }
        break;
    }
    }
}

QJsonValue toJson(const msgpack::object &o, QList<QByteArray> &attachments)
{
    switch (o.type) {
    case msgpack::type::NIL:
    case msgpack::type::EXT:
        return QJsonValue(QJsonValue::Null);
    case msgpack::type::BOOLEAN:
        return o.via.boolean;
    case msgpack::type::POSITIVE_INTEGER:
        return double(o.via.u64);
    case msgpack::type::NEGATIVE_INTEGER:
        return double(o.via.i64);
    case msgpack::type::FLOAT32:
    case msgpack::type::FLOAT64:
        return std::isfinite(o.via.f64) ? QJsonValue(o.via.f64) : QJsonValue(QJsonValue::Null);
    case msgpack::type::STR:
        return QString::fromUtf8(o.via.str.ptr, qsizetype(o.via.str.size));
    case msgpack::type::BIN: {
        const int num = int(attachments.size());
        attachments.append(QByteArray(o.via.bin.ptr, qsizetype(o.via.bin.size)));
        return QJsonObject{{QStringLiteral("_placeholder"), true}, {QStringLiteral("num"), num}};
    }
    case msgpack::type::ARRAY: {
        QJsonArray a;
        for (uint32_t i = 0; i < o.via.array.size; ++i)
            a.append(toJson(o.via.array.ptr[i], attachments));
        return a;
    }
    case msgpack::type::MAP: {
        QJsonObject m;
        for (uint32_t i = 0; i < o.via.map.size; ++i) {
            const msgpack::object_kv &kv = o.via.map.ptr[i];
            if (kv.key.type != msgpack::type::STR)
                continue;
            m.insert(QString::fromUtf8(kv.key.via.str.ptr, qsizetype(kv.key.via.str.size)),
                     toJson(kv.val, attachments));
        }
        return m;
    }
    }
    return QJsonValue(QJsonValue::Null);
}

} // namespace

QByteArray encode(const QJsonValue &value, const QList<QByteArray> &attachments)
{
    msgpack::sbuffer buffer;
    Packer pk(&buffer);
    pack(pk, value, attachments);
    return QByteArray(buffer.data(), qsizetype(buffer.size()));
}

std::optional<Value> decode(QByteArrayView bytes)
{
    if (bytes.isEmpty())
        return std::nullopt;
    // The limits stop the unpacker before it allocates for a count it was told; the depth
    // limit also bounds toJson()'s recursion.
    const msgpack::unpack_limit limit(maxElements, maxElements, std::size_t(bytes.size()),
                                      std::size_t(bytes.size()), std::size_t(bytes.size()),
                                      maxDepth);
    try {
        std::size_t offset = 0;
        const msgpack::object_handle handle = msgpack::unpack(
            bytes.data(), std::size_t(bytes.size()), offset, nullptr, nullptr, limit);
        if (offset != std::size_t(bytes.size()))
            return std::nullopt; // trailing bytes: not one value
        Value v;
        v.json = toJson(handle.get(), v.attachments);
        return v;
    } catch (const std::exception &) {
        return std::nullopt;
    }
}

} // namespace TableTap::MsgpackCodec
