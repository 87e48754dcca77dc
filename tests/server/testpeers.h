// Raw wire peers for the server tests: an HTTP/1.1 connection that writes exact bytes and parses
// responses, and a websocket peer that queues frames. They check the server's wire output as
// bytes, with no Engine.IO or Socket.IO client in between. Every wait is bounded.
#pragma once

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QList>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QUrl>
#include <QVariant>
#include <QWebSocket>

namespace TestPeers {

struct HttpReply
{
    int status = 0;
    QList<std::pair<QByteArray, QByteArray>> headers; // names lower-cased
    QByteArray body;
    bool ok = false; // a complete response arrived

    QByteArray header(const QByteArray &lowerName) const
    {
        for (const auto &h : headers) {
            if (h.first == lowerName)
                return h.second;
        }
        return {};
    }
    bool hasHeader(const QByteArray &lowerName) const
    {
        for (const auto &h : headers) {
            if (h.first == lowerName)
                return true;
        }
        return false;
    }
};

class HttpPeer
{
public:
    // from: a loopback address to connect from (127.0.0.x), for per-address limits.
    explicit HttpPeer(quint16 port, const QHostAddress &from = QHostAddress())
    {
        if (!from.isNull())
            m_socket.bind(from, 0);
        m_socket.connectToHost(QHostAddress::LocalHost, port);
        m_socket.waitForConnected(5000);
    }
    bool isConnected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    QTcpSocket &socket() { return m_socket; }

    void write(const QByteArray &bytes)
    {
        m_socket.write(bytes);
        m_socket.flush();
    }
    // Writes one byte at a time, letting the event loop run in between.
    void writeSlowly(const QByteArray &bytes, int pauseMs = 0)
    {
        for (char c : bytes) {
            m_socket.write(&c, 1);
            m_socket.flush();
            if (pauseMs > 0)
                QTest::qWait(pauseMs);
            else
                QCoreApplication::processEvents();
        }
    }

    // Parses the next response; ok=false if none arrived within the deadline.
    HttpReply read(int timeoutMs = 5000)
    {
        HttpReply r;
        QDeadlineTimer deadline(timeoutMs);
        qsizetype headEnd = -1;
        while ((headEnd = m_buffer.indexOf("\r\n\r\n")) < 0) {
            if (!pump(deadline))
                return r;
        }
        const QList<QByteArray> lines = m_buffer.left(headEnd).split('\n');
        const QList<QByteArray> statusLine = lines.first().trimmed().split(' ');
        r.status = statusLine.value(1).toInt();
        qint64 length = -1;
        for (int i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0)
                continue;
            const QByteArray name = line.left(colon).trimmed().toLower();
            const QByteArray value = line.mid(colon + 1).trimmed();
            r.headers.append({name, value});
            if (name == "content-length")
                length = value.toLongLong();
        }
        if (r.status == 204 || r.status == 304)
            length = 0;
        const qsizetype bodyStart = headEnd + 4;
        if (length < 0) {
            // Until the connection closes.
            while (pump(deadline)) {
            }
            r.body = m_buffer.mid(bodyStart);
            m_buffer.clear();
            r.ok = true;
            return r;
        }
        while (m_buffer.size() - bodyStart < length) {
            if (!pump(deadline))
                return r;
        }
        r.body = m_buffer.mid(bodyStart, length);
        m_buffer.remove(0, bodyStart + length);
        r.ok = true;
        return r;
    }

    HttpReply request(const QByteArray &method, const QByteArray &target,
                      const QByteArray &body = {}, const QByteArray &extraHeaders = {},
                      int timeoutMs = 5000)
    {
        QByteArray req = method + ' ' + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extraHeaders;
        if (!body.isEmpty() || method == "POST")
            req += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
        req += "\r\n" + body;
        write(req);
        return read(timeoutMs);
    }

    // True when the server closed the connection within the deadline.
    bool waitForClose(int timeoutMs = 5000)
    {
        QDeadlineTimer deadline(timeoutMs);
        while (m_socket.state() != QAbstractSocket::UnconnectedState) {
            if (!pump(deadline))
                break;
        }
        return m_socket.state() == QAbstractSocket::UnconnectedState || !m_socket.isValid();
    }
    QByteArray unread() const { return m_buffer; }

private:
    bool pump(const QDeadlineTimer &deadline)
    {
        if (m_socket.bytesAvailable() > 0) {
            m_buffer += m_socket.readAll();
            return true;
        }
        if (m_socket.state() != QAbstractSocket::ConnectedState || deadline.hasExpired())
            return false;
        QSignalSpy spy(&m_socket, &QTcpSocket::readyRead);
        QSignalSpy closed(&m_socket, &QTcpSocket::disconnected);
        if (!spy.wait(int(std::max<qint64>(1, deadline.remainingTime()))) && closed.isEmpty()
            && m_socket.bytesAvailable() == 0)
            return false;
        m_buffer += m_socket.readAll();
        return true;
    }

    QTcpSocket m_socket;
    QByteArray m_buffer;
};

// A client that writes and stops reading: a small receive window, and Qt takes no more than a
// byte from the kernel, so whatever the server sends piles up on the server's side.
struct StalledPeer
{
    explicit StalledPeer(quint16 port, const QHostAddress &from = QHostAddress())
    {
        socket.setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 4096);
        if (!from.isNull())
            socket.bind(from, 0);
        socket.connectToHost(QHostAddress::LocalHost, port);
        socket.waitForConnected(5000);
        socket.setReadBufferSize(1);
    }
    // Writes what the kernel takes now; Qt keeps the rest for later loop turns.
    void offer(const QByteArray &bytes)
    {
        socket.write(bytes);
        socket.flush();
    }
    QTcpSocket socket;
};

// A websocket peer that records every frame in arrival order.
class WsPeer
{
public:
    struct Frame
    {
        bool binary = false;
        QByteArray data; // text frames as UTF-8
    };

    WsPeer()
    {
        QObject::connect(&m_ws, &QWebSocket::textMessageReceived, &m_ws, [this](const QString &m) {
            m_frames.append({false, m.toUtf8()});
        });
        QObject::connect(&m_ws, &QWebSocket::binaryMessageReceived, &m_ws,
                         [this](const QByteArray &m) {
                             m_frames.append({true, m});
                         });
        QObject::connect(&m_ws, &QWebSocket::disconnected, &m_ws, [this] {
            m_closed = true;
            m_closeCode = int(m_ws.closeCode());
        });
    }
    bool open(const QString &url, int timeoutMs = 5000)
    {
        m_ws.open(QUrl(url));
        QDeadlineTimer deadline(timeoutMs);
        while (m_ws.state() != QAbstractSocket::ConnectedState && !m_closed
               && !deadline.hasExpired())
            QTest::qWait(5);
        return m_ws.state() == QAbstractSocket::ConnectedState;
    }
    QWebSocket &socket() { return m_ws; }
    void sendText(const QByteArray &utf8) { m_ws.sendTextMessage(QString::fromUtf8(utf8)); }
    void sendBinary(const QByteArray &bytes) { m_ws.sendBinaryMessage(bytes); }

    // The next frame, or a frame with empty data and binary=false if none came in time.
    std::optional<Frame> next(int timeoutMs = 5000)
    {
        QDeadlineTimer deadline(timeoutMs);
        while (m_frames.isEmpty() && !deadline.hasExpired() && !(m_closed && m_frames.isEmpty()))
            QTest::qWait(2);
        if (m_frames.isEmpty())
            return std::nullopt;
        return m_frames.takeFirst();
    }
    QByteArray nextText(int timeoutMs = 5000)
    {
        auto f = next(timeoutMs);
        return f && !f->binary ? f->data : QByteArray("<none>");
    }
    // Skips pings ("2") and answers them, returning the next other text frame.
    QByteArray nextNonPing(int timeoutMs = 5000)
    {
        QDeadlineTimer deadline(timeoutMs);
        while (!deadline.hasExpired()) {
            auto f = next(int(std::max<qint64>(1, deadline.remainingTime())));
            if (!f)
                break;
            if (!f->binary && f->data == "2") {
                sendText("3");
                continue;
            }
            return f->binary ? QByteArray("<binary>") : f->data;
        }
        return QByteArray("<none>");
    }
    bool waitForClose(int timeoutMs = 5000)
    {
        QDeadlineTimer deadline(timeoutMs);
        while (!m_closed && !deadline.hasExpired())
            QTest::qWait(5);
        return m_closed;
    }
    bool isClosed() const { return m_closed; }
    int closeCode() const { return m_closeCode; }
    qsizetype pending() const { return m_frames.size(); }

private:
    QWebSocket m_ws;
    QList<Frame> m_frames;
    bool m_closed = false;
    int m_closeCode = -1;
};

inline QByteArray sidFromOpen(const QByteArray &openPacket)
{
    // 0{"sid":"..."...}
    const qsizetype at = openPacket.indexOf("\"sid\":\"");
    if (at < 0)
        return {};
    const qsizetype start = at + 7;
    return openPacket.mid(start, openPacket.indexOf('"', start) - start);
}

} // namespace TestPeers
