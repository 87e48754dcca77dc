// WebSocketReader: the frame state machine.
#include "websocketreader.h"

#include <cstring>

namespace TableTap {

using namespace WebSocketCodec;

namespace {

void unmask(char *data, qsizetype size, const unsigned char key[4])
{
    quint64 wide;
    unsigned char k8[8];
    for (int i = 0; i < 8; ++i)
        k8[i] = key[i % 4];
    memcpy(&wide, k8, 8);
    qsizetype i = 0;
    for (; i + 8 <= size; i += 8) {
        quint64 w;
        memcpy(&w, data + i, 8);
        w ^= wide;
        memcpy(data + i, &w, 8);
    }
    for (; i < size; ++i)
        data[i] = char(data[i] ^ key[i % 4]);
}

} // namespace

void WebSocketReader::append(QByteArrayView bytes)
{
    if (hasError() || bytes.isEmpty())
        return;
    if (m_pos > 0 && m_pos == m_buffer.size()) {
        m_buffer.clear();
        m_pos = 0;
    } else if (m_pos > 4096 && m_pos * 2 > m_buffer.size()) {
        m_buffer.remove(0, m_pos);
        m_pos = 0;
    }
    m_buffer.append(bytes);
}

bool WebSocketReader::fail(quint16 code, const char *text)
{
    m_errorCode = code;
    m_errorText = QByteArray(text);
    m_buffer.clear();
    m_message.clear();
    m_pos = 0;
    return false;
}

bool WebSocketReader::next(Message *message)
{
    while (!hasError()) {
        const qsizetype avail = m_buffer.size() - m_pos;
        if (avail == 0 && m_pos > 0) {
            // All taken: an idle connection holds no buffer between messages.
            m_buffer = QByteArray();
            m_pos = 0;
        }
        if (avail < 2)
            return false;
        const auto *p = reinterpret_cast<const unsigned char *>(m_buffer.constData() + m_pos);
        const bool fin = p[0] & 0x80;
        const quint8 opcode = p[0] & 0x0f;
        if (p[0] & 0x70)
            return fail(ProtocolError, "reserved bits set");
        if (!(p[1] & 0x80))
            return fail(ProtocolError, "unmasked client frame");
        quint64 length = p[1] & 0x7f;
        qsizetype header = 2;
        if (length == 126) {
            if (avail < 4)
                return false;
            length = (quint64(p[2]) << 8) | p[3];
            header = 4;
        } else if (length == 127) {
            if (avail < 10)
                return false;
            length = 0;
            for (int i = 0; i < 8; ++i)
                length = (length << 8) | p[2 + i];
            if (length >> 63)
                return fail(ProtocolError, "bad length");
            header = 10;
        }
        const bool control = opcode & 0x8;
        if (control) {
            if (!fin || length > 125)
                return fail(ProtocolError, "fragmented or oversized control frame");
            if (opcode != Close && opcode != Ping && opcode != Pong)
                return fail(ProtocolError, "unknown control opcode");
        } else {
            if (opcode != Continuation && opcode != Text && opcode != Binary)
                return fail(ProtocolError, "unknown data opcode");
            if (opcode == Continuation && !m_inMessage)
                return fail(ProtocolError, "continuation without a message");
            if (opcode != Continuation && m_inMessage)
                return fail(ProtocolError, "new message inside a fragmented one");
            if (qint64(length) > m_maxMessage
                || qint64(m_message.size()) + qint64(length) > m_maxMessage)
                return fail(TooBig, "message too big");
        }
        if (quint64(avail) < quint64(header) + 4 + length)
            return false;
        unsigned char key[4];
        memcpy(key, p + header, 4);
        const qsizetype start = m_pos + header + 4;
        QByteArray payload = m_buffer.mid(start, qsizetype(length));
        unmask(payload.data(), payload.size(), key);
        m_pos = start + qsizetype(length);

        if (control) {
            if (opcode == Close && payload.size() == 1)
                return fail(ProtocolError, "close frame with a one-byte payload");
            if (opcode == Close && payload.size() >= 2) {
                // Echoed back by the connection, so only a code a peer may send gets through.
                const quint16 code = quint16((quint8(payload[0]) << 8) | quint8(payload[1]));
                if (!isValidCloseCode(code))
                    return fail(ProtocolError, "invalid close code");
                if (!isValidUtf8(QByteArrayView(payload).sliced(2)))
                    return fail(InvalidPayload, "close reason is not UTF-8");
            }
            message->opcode = Opcode(opcode);
            message->payload = std::move(payload);
            return true;
        }
        if (opcode != Continuation) {
            m_messageOpcode = Opcode(opcode);
            if (fin) {
                if (opcode == Text && !isValidUtf8(payload))
                    return fail(InvalidPayload, "text message is not UTF-8");
                message->opcode = Opcode(opcode);
                message->payload = std::move(payload);
                return true;
            }
            m_inMessage = true;
            m_message = std::move(payload);
            continue;
        }
        m_message.append(payload);
        if (!fin)
            continue;
        m_inMessage = false;
        if (m_messageOpcode == Text && !isValidUtf8(m_message))
            return fail(InvalidPayload, "text message is not UTF-8");
        message->opcode = m_messageOpcode;
        message->payload = std::exchange(m_message, QByteArray());
        return true;
    }
    return false;
}

} // namespace TableTap
