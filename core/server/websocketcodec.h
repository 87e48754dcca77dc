// The server side of RFC 6455 as plain functions: the handshake's accept key and request checks,
// frames built once (a broadcast shares one frame among all its recipients), UTF-8 validation
// of text messages. No I/O; WebSocketConnection does that.
#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace TableTap {

struct HttpRequest;

namespace WebSocketCodec {

enum Opcode : quint8 {
    Continuation = 0x0,
    Text = 0x1,
    Binary = 0x2,
    Close = 0x8,
    Ping = 0x9,
    Pong = 0xa,
};

// Close codes used by the server.
enum CloseCode : quint16 {
    Normal = 1000,
    GoingAway = 1001,
    ProtocolError = 1002,
    InvalidPayload = 1007, // text that is not UTF-8
    TooBig = 1009,
};

// Sec-WebSocket-Accept for a client's Sec-WebSocket-Key.
QByteArray acceptKey(QByteArrayView clientKey);
// Checks what ws (the reference's websocket server) checks on an upgrade request: a GET, a
// 16-byte base64 key, version 8 or 13. Returns an empty string when fine, else the refusal's text.
QByteArray checkUpgrade(const HttpRequest &request);
// The 101 answer to an upgrade request.
QByteArray switchingProtocols(QByteArrayView clientKey);
// One unmasked server frame (FIN set).
QByteArray frame(Opcode opcode, QByteArrayView payload);
// A text frame whose payload is a prefix character and data: an Engine.IO packet as
// ('0' + type) + data, without building the packet text first.
QByteArray textFrame(char prefix, QByteArrayView data);
QByteArray closeFrame(quint16 code, QByteArrayView reason = {});
bool isValidUtf8(QByteArrayView bytes);
// Whether a peer may send this code in a close frame (RFC 6455 7.4: 1000-1003, 1007-1011 and
// the registered and private range 3000-4999; 1005, 1006, 1015 and the rest are never sent).
bool isValidCloseCode(quint16 code);

} // namespace WebSocketCodec
} // namespace TableTap
