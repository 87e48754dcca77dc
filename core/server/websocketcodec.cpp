// WebSocketCodec: handshake, frames and UTF-8 checks.
#include "websocketcodec.h"

#include "httprequest.h"

#include <QCryptographicHash>

namespace TableTap::WebSocketCodec {

namespace {

void appendHeader(QByteArray &out, quint8 opcode, qsizetype length)
{
    out.append(char(0x80 | opcode));
    if (length < 126) {
        out.append(char(length));
    } else if (length < 65536) {
        out.append(char(126));
        out.append(char(length >> 8));
        out.append(char(length & 0xff));
    } else {
        out.append(char(127));
        for (int i = 7; i >= 0; --i)
            out.append(char((quint64(length) >> (8 * i)) & 0xff));
    }
}

} // namespace

QByteArray acceptKey(QByteArrayView clientKey)
{
    QCryptographicHash sha1(QCryptographicHash::Sha1);
    sha1.addData(clientKey);
    sha1.addData(QByteArrayView("258EAFA5-E914-47DA-95CA-C5AB0DC85B11"));
    return sha1.result().toBase64();
}

QByteArray checkUpgrade(const HttpRequest &request)
{
    if (request.method != "GET")
        return QByteArrayLiteral("Invalid HTTP method");
    const QByteArray key = request.header("sec-websocket-key");
    if (key.size() != 24 || QByteArray::fromBase64(key).size() != 16)
        return QByteArrayLiteral("Missing or invalid Sec-WebSocket-Key header");
    const QByteArray version = request.header("sec-websocket-version");
    if (version != "13" && version != "8")
        return QByteArrayLiteral("Missing or invalid Sec-WebSocket-Version header");
    return {};
}

QByteArray switchingProtocols(QByteArrayView clientKey)
{
    return QByteArrayLiteral("HTTP/1.1 101 Switching Protocols\r\n"
                             "Upgrade: websocket\r\n"
                             "Connection: Upgrade\r\n"
                             "Sec-WebSocket-Accept: ")
           + acceptKey(clientKey) + QByteArrayLiteral("\r\n\r\n");
}

QByteArray frame(Opcode opcode, QByteArrayView payload)
{
    QByteArray out;
    out.reserve(payload.size() + 10);
    appendHeader(out, opcode, payload.size());
    out.append(payload);
    return out;
}

QByteArray textFrame(char prefix, QByteArrayView data)
{
    QByteArray out;
    out.reserve(data.size() + 11);
    appendHeader(out, Text, data.size() + 1);
    out.append(prefix);
    out.append(data);
    return out;
}

QByteArray closeFrame(quint16 code, QByteArrayView reason)
{
    QByteArray payload;
    payload.append(char(code >> 8));
    payload.append(char(code & 0xff));
    payload.append(reason.first(qMin<qsizetype>(reason.size(), 123)));
    return frame(Close, payload);
}

bool isValidCloseCode(quint16 code)
{
    return (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1011)
           || (code >= 3000 && code <= 4999);
}

bool isValidUtf8(QByteArrayView bytes)
{
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.data());
    const auto *end = p + bytes.size();
    while (p < end) {
        // ASCII runs, eight bytes at a time.
        while (end - p >= 8) {
            quint64 word;
            memcpy(&word, p, 8);
            if (word & 0x8080808080808080ULL)
                break;
            p += 8;
        }
        if (p >= end)
            break;
        const unsigned char c = *p;
        if (c < 0x80) {
            ++p;
            continue;
        }
        int extra;
        quint32 cp;
        if (c >= 0xc2 && c <= 0xdf) {
            extra = 1;
            cp = c & 0x1f;
        } else if (c >= 0xe0 && c <= 0xef) {
            extra = 2;
            cp = c & 0x0f;
        } else if (c >= 0xf0 && c <= 0xf4) {
            extra = 3;
            cp = c & 0x07;
        } else {
            return false; // continuation byte first, overlong 0xc0/0xc1, or beyond U+10FFFF
        }
        if (end - p <= extra)
            return false;
        for (int i = 1; i <= extra; ++i) {
            if ((p[i] & 0xc0) != 0x80)
                return false;
            cp = (cp << 6) | (p[i] & 0x3f);
        }
        // Overlong forms, surrogates, and code points past U+10FFFF.
        if ((extra == 2 && cp < 0x800) || (extra == 3 && cp < 0x10000) || cp > 0x10ffff
            || (cp >= 0xd800 && cp <= 0xdfff))
            return false;
        p += extra + 1;
    }
    return true;
}

} // namespace TableTap::WebSocketCodec
