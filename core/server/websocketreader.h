// Client frames in, whole messages out (RFC 6455, server side): unmasking, fragmented messages,
// control frames between fragments, and the checks that close a connection (unmasked or
// reserved-bit frames, bad opcodes, oversized or fragmented control frames, a message over the
// size limit, text that is not UTF-8). Fed bytes in any pieces; no I/O.
#pragma once

#include "websocketcodec.h"

#include <QByteArray>
#include <QByteArrayView>

namespace TableTap {

class WebSocketReader final
{
public:
    struct Message
    {
        WebSocketCodec::Opcode opcode = WebSocketCodec::Text; // Text, Binary, Ping, Pong, Close
        QByteArray payload;
    };

    explicit WebSocketReader(qint64 maxMessageBytes = 1000000)
        : m_maxMessage(maxMessageBytes)
    {}

    void setMaxMessageBytes(qint64 bytes) { m_maxMessage = bytes; }
    void append(QByteArrayView bytes);
    // The next complete message, if any. After an error it returns false for good.
    bool next(Message *message);
    bool hasError() const { return m_errorCode != 0; }
    quint16 errorCode() const { return m_errorCode; }
    QByteArray errorText() const { return m_errorText; }
    // Bytes held (a partial frame or message).
    qsizetype bufferedBytes() const { return m_buffer.size() - m_pos + m_message.size(); }

private:
    bool fail(quint16 code, const char *text);

    QByteArray m_buffer;
    qsizetype m_pos = 0;
    QByteArray m_message; // fragments of a data message so far
    WebSocketCodec::Opcode m_messageOpcode = WebSocketCodec::Text;
    bool m_inMessage = false;
    qint64 m_maxMessage;
    quint16 m_errorCode = 0;
    QByteArray m_errorText;
};

} // namespace TableTap
