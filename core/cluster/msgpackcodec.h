// msgpack (msgpack-c) to and from the JSON values the Socket.IO server passes around, in the
// form @socket.io/redis-adapter exchanges (its notepack.io parser): binary arguments travel
// inline as msgpack bin values; here they are {"_placeholder":true,"num":i} objects indexing a
// list of attachments, as everywhere else in the server. Decoding never throws: msgpack-c's
// exceptions stop here, and bad bytes give std::nullopt.
#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QList>

#include <optional>

namespace TableTap {

namespace MsgpackCodec {

struct Value
{
    QJsonValue json;
    QList<QByteArray> attachments;
};

// Limits of what decode() accepts: nesting, and elements of any one array or map.
constexpr int maxDepth = 32;
constexpr int maxElements = 100000;

QByteArray encode(const QJsonValue &value, const QList<QByteArray> &attachments = {});
// Integers and floats become doubles; ext values (notepack's undefined, dates) become null;
// map keys that are not strings are left out.
std::optional<Value> decode(QByteArrayView bytes);

} // namespace MsgpackCodec

} // namespace TableTap
