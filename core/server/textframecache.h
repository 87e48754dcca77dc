// The websocket text of the packet last sent, kept so a broadcast converts its bytes to a
// frame string once for all recipients instead of once per recipient.
#pragma once

#include "engineiopacket.h"

#include <QString>

namespace TableTap {

class TextFrameCache
{
public:
    // "4" + data as a QString. Holding a reference to the bytes keeps their address from being
    // reused, so pointer identity is a safe key.
    const QString &text(const EngineIO::Packet &packet)
    {
        if (packet.data.constData() != m_key.constData() || packet.data.size() != m_key.size()
            || packet.type != m_type || m_text.isNull()) {
            m_key = packet.data;
            m_type = packet.type;
            m_text.clear();
            m_text.reserve(packet.data.size() + 1);
            m_text.append(QLatin1Char(char('0' + int(packet.type))));
            m_text.append(QString::fromUtf8(packet.data));
        }
        return m_text;
    }
    void clear()
    {
        m_key.clear();
        m_text = QString();
    }

private:
    QByteArray m_key;
    EngineIO::PacketType m_type = EngineIO::PacketType::Message;
    QString m_text;
};

} // namespace TableTap
