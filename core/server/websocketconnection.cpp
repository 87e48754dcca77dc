// WebSocketConnection: frames over a raw descriptor, writes gathered per loop pass.
#include "websocketconnection.h"

#include "serverlogging.h"

#include <QCoreApplication>
#include <QSocketNotifier>
#include <QTimerEvent>

#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

#include <cerrno>
#include <vector>

namespace TableTap {

namespace {

constexpr int kLingerMs = 5000;
// What a closing connection still buffers while it waits for the peer's close frame.
constexpr qsizetype kClosingReadLimit = 64 * 1024;
constexpr int kMaxIov = 64;

// Connections with queued frames, flushed together when the event loop gets to the one queued
// call; a connection that goes away clears its slot.
struct FlushList
{
    std::vector<WebSocketConnection *> connections;
    QObject *context = nullptr; // receives the queued call, lives as long as the thread
    bool posted = false;
};
thread_local FlushList t_flush;

thread_local char t_readBuffer[64 * 1024];

} // namespace

WebSocketConnection::WebSocketConnection(int fd, qsizetype headBytes, QByteArrayView clientKey,
                                         qint64 maxMessageBytes, QObject *parent)
    : QObject(parent)
    , m_fd(fd)
    , m_reader(maxMessageBytes)
{
    // The request head was only peeked at: take it out of the kernel now.
    qsizetype left = headBytes;
    while (left > 0) {
        const ssize_t n
            = ::recv(m_fd, t_readBuffer, size_t(qMin<qsizetype>(left, sizeof t_readBuffer)), 0);
        if (n <= 0) {
            if (n < 0 && errno == EINTR)
                continue;
            break;
        }
        left -= n;
    }
    m_epoll = EpollEventDispatcher::current();
    watchRead(true);
    if (left > 0) {
        abort();
        return;
    }
    // Sent with the session's open packet, which follows at once: one write for both.
    const QByteArray response = WebSocketCodec::switchingProtocols(clientKey);
    m_out.append(response);
    m_queued = response.size();
    scheduleFlush();
}

WebSocketConnection::~WebSocketConnection()
{
    if (m_flushSlot >= 0 && size_t(m_flushSlot) < t_flush.connections.size()
        && t_flush.connections[size_t(m_flushSlot)] == this)
        t_flush.connections[size_t(m_flushSlot)] = nullptr;
    if (m_fd >= 0) {
        if (m_epoll) {
            m_epoll->unwatch(m_fd, QSocketNotifier::Read, this);
            m_epoll->unwatch(m_fd, QSocketNotifier::Write, this);
        }
        ::close(m_fd);
    }
}

void WebSocketConnection::watchRead(bool on)
{
    if (m_epoll) {
        if (on)
            m_epoll->watch(m_fd, QSocketNotifier::Read, this);
        else
            m_epoll->unwatch(m_fd, QSocketNotifier::Read, this);
        return;
    }
    if (on && !m_readNotifier) {
        m_readNotifier = new QSocketNotifier(m_fd, QSocketNotifier::Read, this);
        connect(m_readNotifier, &QSocketNotifier::activated, this,
                &WebSocketConnection::onReadable);
    }
}

void WebSocketConnection::fdActivated(int fd, int type)
{
    if (fd != m_fd)
        return;
    if (type == QSocketNotifier::Read)
        onReadable();
    else if (type == QSocketNotifier::Write)
        onWritable();
}

void WebSocketConnection::sendFrame(const QByteArray &frame)
{
    if (m_state != State::Open || frame.isEmpty())
        return;
    m_out.append(frame);
    m_queued += frame.size();
    scheduleFlush();
}

void WebSocketConnection::sendFrameNow(const QByteArray &frame)
{
    if (m_state != State::Open || frame.isEmpty())
        return;
    if (!m_out.isEmpty() || m_fd < 0) {
        sendFrame(frame); // behind what is queued
        return;
    }
    ssize_t n;
    do {
        n = ::send(m_fd, frame.constData(), size_t(frame.size()), MSG_NOSIGNAL);
    } while (n < 0 && errno == EINTR);
    if (n == frame.size())
        return;
    // The rest waits in the queue. An error is left to the next flush, which ends the
    // connection there and not inside the caller's walk over a broadcast's recipients.
    m_out.append(frame);
    m_outOffset = n > 0 ? qsizetype(n) : 0;
    m_queued += frame.size() - m_outOffset;
    if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK)
        scheduleFlush();
    else
        setWriteNotifier(true);
}

void WebSocketConnection::sendText(QByteArrayView utf8)
{
    sendFrame(WebSocketCodec::frame(WebSocketCodec::Text, utf8));
}

void WebSocketConnection::sendBinary(QByteArrayView data)
{
    sendFrame(WebSocketCodec::frame(WebSocketCodec::Binary, data));
}

void WebSocketConnection::queuePong(QByteArrayView payload)
{
    // RFC 6455 5.5.3 allows answering only the latest of several pings: a peer that pings
    // without reading holds one pong here, however fast it pings.
    QByteArray pong = WebSocketCodec::frame(WebSocketCodec::Pong, payload);
    const bool started = m_pongIndex == 0 && m_outOffset > 0;
    if (m_pongIndex >= 0 && !started) {
        QByteArray &pending = m_out[m_pongIndex];
        m_queued += pong.size() - pending.size();
        pending = std::move(pong);
        return;
    }
    m_queued += pong.size();
    m_out.append(std::move(pong));
    m_pongIndex = m_out.size() - 1;
    scheduleFlush();
}

void WebSocketConnection::scheduleFlush()
{
    if (m_flushSlot >= 0 || m_writeWatched)
        return; // already listed, or waiting for the kernel
    m_flushSlot = qsizetype(t_flush.connections.size());
    t_flush.connections.push_back(this);
    if (t_flush.posted)
        return;
    t_flush.posted = true;
    if (!t_flush.context)
        t_flush.context = new QObject; // one per thread, kept for the thread's lifetime
    QMetaObject::invokeMethod(t_flush.context, &WebSocketConnection::flushScheduled,
                              Qt::QueuedConnection);
}

void WebSocketConnection::flushScheduled()
{
    t_flush.posted = false;
    std::vector<WebSocketConnection *> list;
    list.swap(t_flush.connections);
    for (WebSocketConnection *c : list) {
        if (!c)
            continue;
        c->m_flushSlot = -1;
        c->flush();
    }
    // Keep the capacity for the next pass.
    list.clear();
    if (t_flush.connections.empty())
        t_flush.connections.swap(list);
}

void WebSocketConnection::flush()
{
    while (m_fd >= 0 && !m_out.isEmpty()) {
        iovec iov[kMaxIov];
        int count = 0;
        for (qsizetype i = 0; i < m_out.size() && count < kMaxIov; ++i, ++count) {
            const QByteArray &chunk = m_out.at(i);
            const qsizetype skip = i == 0 ? m_outOffset : 0;
            iov[count].iov_base = const_cast<char *>(chunk.constData() + skip);
            iov[count].iov_len = size_t(chunk.size() - skip);
        }
        msghdr msg{};
        msg.msg_iov = iov;
        msg.msg_iovlen = size_t(count);
        const ssize_t n = ::sendmsg(m_fd, &msg, MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            if (errno == EAGAIN || errno == EWOULDBLOCK) {
                setWriteNotifier(true);
                return;
            }
            qCDebug(lcServer) << "websocket write failed:" << strerror(errno);
            finish();
            return;
        }
        m_queued -= n;
        qsizetype written = qsizetype(n);
        while (written > 0 && !m_out.isEmpty()) {
            const qsizetype left = m_out.first().size() - m_outOffset;
            if (written >= left) {
                written -= left;
                m_out.removeFirst();
                m_outOffset = 0;
                --m_pongIndex; // -1 once the pending pong itself is gone
                if (m_pongIndex < -1)
                    m_pongIndex = -1;
            } else {
                m_outOffset += written;
                written = 0;
            }
        }
    }
    if (m_writeWatched)
        setWriteNotifier(false);
    if (m_out.isEmpty()) {
        m_out = QList<QByteArray>(); // release the list's storage between bursts
        if (m_shutdownAfterFlush && m_fd >= 0) {
            m_shutdownAfterFlush = false;
            ::shutdown(m_fd, SHUT_WR);
        }
    }
}

void WebSocketConnection::setWriteNotifier(bool enabled)
{
    m_writeWatched = enabled;
    if (m_epoll) {
        if (enabled)
            m_epoll->watch(m_fd, QSocketNotifier::Write, this);
        else
            m_epoll->unwatch(m_fd, QSocketNotifier::Write, this);
        return;
    }
    if (!m_writeNotifier) {
        if (!enabled)
            return;
        m_writeNotifier = new QSocketNotifier(m_fd, QSocketNotifier::Write, this);
        connect(m_writeNotifier, &QSocketNotifier::activated, this,
                &WebSocketConnection::onWritable);
        return;
    }
    m_writeNotifier->setEnabled(enabled);
}

void WebSocketConnection::onWritable()
{
    flush();
}

void WebSocketConnection::onReadable()
{
    if (m_fd < 0)
        return;
    const ssize_t n = ::recv(m_fd, t_readBuffer, sizeof t_readBuffer, 0);
    if (n == 0) {
        finish();
        return;
    }
    if (n < 0) {
        if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)
            finish();
        return;
    }
    m_reader.append(QByteArrayView(t_readBuffer, n));
    WebSocketReader::Message message;
    while (m_fd >= 0 && m_reader.next(&message))
        handle(message);
    if (m_fd >= 0 && m_state == State::Closing && m_reader.bufferedBytes() > kClosingReadLimit) {
        // Our close frame is out and the peer keeps sending data instead of its own: it is
        // not worth holding a megabyte of message for.
        finish();
        return;
    }
    if (m_fd >= 0 && m_reader.hasError()) {
        qCDebug(lcServer) << "websocket protocol error:" << m_reader.errorText();
        close(m_reader.errorCode());
    }
}

void WebSocketConnection::handle(WebSocketReader::Message &message)
{
    switch (message.opcode) {
    case WebSocketCodec::Text:
        if (m_state != State::Open)
            break;
        if (m_receiver)
            m_receiver->webSocketText(message.payload);
        else
            Q_EMIT textMessageReceived(message.payload);
        break;
    case WebSocketCodec::Binary:
        if (m_state != State::Open)
            break;
        if (m_receiver)
            m_receiver->webSocketBinary(message.payload);
        else
            Q_EMIT binaryMessageReceived(message.payload);
        break;
    case WebSocketCodec::Ping:
        if (m_state == State::Open)
            queuePong(message.payload);
        break;
    case WebSocketCodec::Pong:
        break;
    case WebSocketCodec::Close:
        if (m_state == State::Open) {
            // Answer with the same code (WebSocketReader lets only valid ones through), then end
            // the TCP connection from our side.
            quint16 code = WebSocketCodec::Normal;
            if (message.payload.size() >= 2)
                code = quint16((quint8(message.payload[0]) << 8) | quint8(message.payload[1]));
            if (!WebSocketCodec::isValidCloseCode(code))
                code = WebSocketCodec::ProtocolError;
            m_out.append(WebSocketCodec::closeFrame(code));
            m_queued += m_out.last().size();
            m_state = State::Closing;
            m_shutdownAfterFlush = true;
            flush();
        }
        finish();
        break;
    default:
        break;
    }
}

void WebSocketConnection::close(quint16 code)
{
    if (m_state != State::Open)
        return;
    m_state = State::Closing;
    const QByteArray frame = WebSocketCodec::closeFrame(code);
    m_out.append(frame);
    m_queued += frame.size();
    m_shutdownAfterFlush = true;
    flush();
    // The peer answers with its close frame or just closes; either ends it, or the timer does.
    if (m_fd >= 0)
        m_lingerTimer.start(kLingerMs, this);
}

void WebSocketConnection::abort()
{
    if (m_fd < 0)
        return;
    m_out.clear();
    m_pongIndex = -1;
    m_queued = 0;
    finish();
}

void WebSocketConnection::finish()
{
    if (m_fd < 0)
        return;
    m_lingerTimer.stop();
    if (m_epoll) {
        m_epoll->unwatch(m_fd, QSocketNotifier::Read, this);
        m_epoll->unwatch(m_fd, QSocketNotifier::Write, this);
    }
    m_writeWatched = false;
    // Notifiers stop watching before the descriptor closes (and its number may be reused); they
    // are deleted later because this may run inside one of their own activations.
    for (QSocketNotifier *n : {m_readNotifier, m_writeNotifier}) {
        if (n) {
            n->setEnabled(false);
            n->deleteLater();
        }
    }
    m_readNotifier = nullptr;
    m_writeNotifier = nullptr;
    ::close(m_fd);
    m_fd = -1;
    m_state = State::Closed;
    m_out.clear();
    m_pongIndex = -1;
    m_queued = 0;
    if (Receiver *r = m_receiver) {
        m_receiver = nullptr; // told once
        r->webSocketDisconnected();
        return;
    }
    Q_EMIT disconnected();
}

void WebSocketConnection::timerEvent(QTimerEvent *event)
{
    if (event->timerId() == m_lingerTimer.timerId()) {
        finish();
        return;
    }
    QObject::timerEvent(event);
}

} // namespace TableTap
