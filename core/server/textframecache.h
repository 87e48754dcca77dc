// The websocket text (or whole frame) of the packet last sent, kept so a broadcast converts its
// bytes once for all recipients instead of once per recipient.
#pragma once

#include "enginepacket.h"
#include "websocketcodec.h"

#include <QString>

namespace TableTap {

class TextFrameCache
{
public:
    // "4" + data as a QString (for QWebSocket). Holding a reference to the bytes keeps their
    // address from being reused, so pointer identity is a safe key.
    const QString &text(const EnginePacket &packet)
    {
        rekey(packet);
        if (m_text.isNull()) {
            m_text.reserve(packet.data.size() + 1);
            m_text.append(QLatin1Char(char('0' + int(packet.type))));
            m_text.append(QString::fromUtf8(packet.data));
        }
        return m_text;
    }
    // The whole websocket text frame of the packet (for WebSocketConnection), built once and
    // shared by every recipient's queue.
    const QByteArray &frame(const EnginePacket &packet)
    {
        rekey(packet);
        if (m_frame.isNull())
            m_frame = WebSocketCodec::textFrame(char('0' + int(packet.type)), packet.data);
        return m_frame;
    }
    void clear()
    {
        m_key.clear();
        m_text = QString();
        m_frame = QByteArray();
    }

private:
    void rekey(const EnginePacket &packet)
    {
        if (packet.data.constData() == m_key.constData() && packet.data.size() == m_key.size()
            && packet.type == m_type && !m_key.isNull())
            return;
        m_key = packet.data;
        m_type = packet.type;
        m_text = QString();
        m_frame = QByteArray();
    }

    QByteArray m_key;
    EnginePacket::Type m_type = EnginePacket::Type::Message;
    QString m_text;
    QByteArray m_frame;
};

} // namespace TableTap
