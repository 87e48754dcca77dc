// A hostile client for the hub tests: Engine.IO + Socket.IO by hand over a plain TCP socket
// (websocket frames encoded here, masked as RFC 6455 requires), so a test can send any bytes at
// all (NaN, 1e999, oversized or malformed packets), send without waiting, and stop reading
// (a slow reader whose TCP window closes). Every wait is bounded.
#pragma once

#include "websocketcodec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QTest>
#include <QUrl>

#include <functional>
#include <optional>

namespace TableTap::Test {

class RawSioClient
{
public:
    explicit RawSioClient(const QUrl &hub, int receiveBuffer = 0)
        : m_hub(hub)
    {
        if (receiveBuffer > 0)
            m_socket.setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, receiveBuffer);
        QObject::connect(&m_socket, &QTcpSocket::readyRead, &m_socket, [this] { onReadable(); });
        QObject::connect(&m_socket, &QTcpSocket::disconnected, &m_socket,
                         [this] { m_closed = true; });
    }

    // TCP connect, websocket upgrade, Engine.IO open packet. False on any failure.
    bool open(int timeoutMs = 10000)
    {
        m_socket.connectToHost(m_hub.host(), quint16(m_hub.port()));
        if (!m_socket.waitForConnected(timeoutMs))
            return false;
        m_socket.write(QByteArrayLiteral("GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\n"
                                         "Host: 127.0.0.1\r\nUpgrade: websocket\r\n"
                                         "Connection: Upgrade\r\n"
                                         "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                                         "Sec-WebSocket-Version: 13\r\n\r\n"));
        return QTest::qWaitFor([this] { return m_upgraded || m_closed; }, timeoutMs) && m_upgraded
               && waitFrame([](const QByteArray &f) { return f.startsWith('0'); }, timeoutMs);
    }

    // CONNECT to a namespace; true when accepted, false when refused (refusal() says how).
    bool connectNamespace(const QString &nsp, const QJsonObject &auth, int timeoutMs = 10000)
    {
        const QByteArray prefix = nsp.toUtf8();
        sendText("40" + prefix + ',' + QJsonDocument(auth).toJson(QJsonDocument::Compact));
        const std::optional<QByteArray> answer = waitFrame(
            [&](const QByteArray &f) -> bool {
                return f.startsWith(QByteArray("40" + prefix + ','))
                       || f.startsWith(QByteArray("44" + prefix + ','));
            },
            timeoutMs);
        if (!answer)
            return false;
        if (answer->startsWith("44")) {
            m_refusal = QJsonDocument::fromJson(answer->mid(3 + prefix.size())).object();
            return false;
        }
        return true;
    }
    QJsonObject refusal() const { return m_refusal; }
    // Every text or binary frame received so far (Engine.IO packets), oldest first.
    const QList<QByteArray> &frames() const { return m_frames; }
    // Waits for a frame starting with prefix; nothing within the timeout or when closed first.
    std::optional<QByteArray> waitFor(const QByteArray &prefix, int timeoutMs = 10000)
    {
        return waitFrame([&](const QByteArray &f) { return f.startsWith(prefix); }, timeoutMs);
    }

    // Sends `42<nsp>,<id>["command",<payloadJson>]` with the payload as raw JSON text.
    int sendCommand(const QString &nsp, const QString &command, const QByteArray &payloadJson)
    {
        const int id = m_nextId++;
        QByteArray packet
            = "42" + nsp.toUtf8() + ',' + QByteArray::number(id) + "[\"" + command.toUtf8() + '"';
        if (!payloadJson.isNull())
            packet += ',' + payloadJson;
        packet += ']';
        sendText(packet);
        return id;
    }
    // The ack for id (its first argument), or nothing within the timeout / when closed first.
    std::optional<QJsonObject> ack(const QString &nsp, int id, int timeoutMs = 10000)
    {
        const QByteArray prefix = "43" + nsp.toUtf8() + ',' + QByteArray::number(id) + '[';
        const std::optional<QByteArray> frame
            = waitFrame([&](const QByteArray &f) { return f.startsWith(prefix); }, timeoutMs);
        if (!frame)
            return std::nullopt;
        return QJsonDocument::fromJson(frame->mid(prefix.size() - 1)).array().at(0).toObject();
    }
    QList<QJsonObject> acksReceived(const QString &nsp) const
    {
        QList<QJsonObject> out;
        const QByteArray prefix = "43" + nsp.toUtf8() + ',';
        for (const QByteArray &f : m_frames) {
            if (f.startsWith(prefix)) {
                const qsizetype bracket = f.indexOf('[');
                out.append(QJsonDocument::fromJson(f.mid(bracket)).array().at(0).toObject());
            }
        }
        return out;
    }

    void sendText(const QByteArray &payload) { m_socket.write(frame(0x1, payload)); }
    void sendBinary(const QByteArray &payload) { m_socket.write(frame(0x2, payload)); }
    // Stops taking bytes from the kernel: the TCP window closes and the hub must buffer or drop.
    void stopReading()
    {
        m_socket.setReadBufferSize(1);
        m_reading = false;
    }
    bool waitClosed(int timeoutMs = 10000)
    {
        return QTest::qWaitFor([this] { return m_closed; }, timeoutMs);
    }
    bool isClosed() const { return m_closed; }
    // The close code of a close frame from the hub (0 when none came).
    int closeCode() const { return m_closeCode; }
    QTcpSocket &socket() { return m_socket; }

private:
    // A client frame: the server's frame with the mask bit set and a zero mask, which leaves
    // the payload as it is.
    static QByteArray frame(quint8 opcode, const QByteArray &payload)
    {
        QByteArray out = WebSocketCodec::frame(WebSocketCodec::Opcode(opcode), payload);
        const qsizetype header = out.size() - payload.size();
        out[1] = char(out[1] | 0x80);
        out.insert(header, QByteArray(4, '\0'));
        return out;
    }

    // The first frame received that matches (a copy), or nothing.
    std::optional<QByteArray> waitFrame(const std::function<bool(const QByteArray &)> &match,
                                        int timeoutMs)
    {
        std::optional<QByteArray> found;
        qsizetype checked = 0;
        (void)QTest::qWaitFor(
            [&] {
                for (; checked < m_frames.size(); ++checked) {
                    if (match(m_frames.at(checked))) {
                        found = m_frames.at(checked);
                        return true;
                    }
                }
                return m_closed;
            },
            timeoutMs);
        return found;
    }

    void onReadable()
    {
        if (!m_reading)
            return;
        m_buffer += m_socket.readAll();
        if (!m_upgraded) {
            const qsizetype end = m_buffer.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            m_upgraded = m_buffer.startsWith("HTTP/1.1 101");
            m_buffer.remove(0, end + 4);
            if (!m_upgraded) {
                m_socket.abort();
                m_closed = true;
                return;
            }
        }
        for (;;) {
            if (m_buffer.size() < 2)
                return;
            const quint8 opcode = quint8(m_buffer[0]) & 0x0f;
            qint64 length = quint8(m_buffer[1]) & 0x7f;
            qsizetype header = 2;
            if (length == 126) {
                if (m_buffer.size() < 4)
                    return;
                length = (quint8(m_buffer[2]) << 8) | quint8(m_buffer[3]);
                header = 4;
            } else if (length == 127) {
                if (m_buffer.size() < 10)
                    return;
                length = 0;
                for (int i = 0; i < 8; ++i)
                    length = (length << 8) | quint8(m_buffer[2 + i]);
                header = 10;
            }
            if (m_buffer.size() < header + length)
                return;
            const QByteArray payload = m_buffer.mid(header, length);
            m_buffer.remove(0, header + length);
            if (opcode == 0x8) {
                m_closeCode
                    = payload.size() >= 2 ? (quint8(payload[0]) << 8) | quint8(payload[1]) : 1005;
                m_closed = true;
                m_socket.disconnectFromHost();
                return;
            }
            if (opcode == 0x1 && payload == "2") {
                sendText("3"); // Engine.IO heartbeat
                continue;
            }
            if (opcode == 0x1 || opcode == 0x2)
                m_frames.append(payload);
        }
    }

    QUrl m_hub;
    QTcpSocket m_socket;
    QByteArray m_buffer;
    QList<QByteArray> m_frames;
    QJsonObject m_refusal;
    bool m_upgraded = false;
    bool m_closed = false;
    bool m_reading = true;
    int m_closeCode = 0;
    int m_nextId = 1;
};

} // namespace TableTap::Test
