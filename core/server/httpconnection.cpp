// HttpConnection: keep-alive HTTP/1.1 serving with bounded reads, timeouts and lingering close.
#include "httpconnection.h"

#include "httpexchange.h"
#include "serverlogging.h"
#include "webserver.h"

#include <QTcpSocket>
#include <QTimerEvent>

#include <sys/socket.h>

namespace TableTap {

namespace {
constexpr int lingerTimeoutMs = 2000;
// While a request is being answered, Qt stops reading beyond this, so TCP pushes back; and
// no more than this is read ahead of the requests being answered.
constexpr qint64 socketReadBuffer = 64 * 1024;
// Pipelined requests answered in one pass of the event loop, per connection.
constexpr int requestsPerTurn = 16;
} // namespace

HttpConnection::HttpConnection(QTcpSocket *socket, WebServer *server, bool secure, Mode mode)
    : QObject(server)
    , m_socket(socket)
    , m_server(server)
    , m_secure(secure)
    , m_parser({server->options().maxHeadBytes, server->options().maxHeaderCount,
                server->options().maxHandlerBodyBytes})
{
    m_socket->setParent(this);
    m_socket->setReadBufferSize(socketReadBuffer);
    m_parser.setBodyLimit([server](const HttpRequest &head) { return server->bodyLimitFor(head); });
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, &HttpConnection::onDisconnected);
    connect(m_socket, &QTcpSocket::bytesWritten, this, [this] {
        if (m_lingering && !m_writeShut && m_socket->bytesToWrite() == 0)
            shutdownWrite();
        if (m_outputPaused && !m_lingering && !isOutputFull()) {
            m_outputPaused = false;
            scheduleRead();
        }
    });
    if (mode == Mode::Refuse)
        return;
    setTimer(TimerMode::Request, m_server->options().requestTimeout);
    onReadyRead();
}

HttpConnection::~HttpConnection()
{
    if (m_current)
        m_current->abort();
}

void HttpConnection::setTimer(TimerMode mode, int ms)
{
    // A long-poll connection changes modes twice per request: the timer is moved only when the
    // new deadline comes before the one it is set for; a timer that fires early finds the later
    // deadline and waits again (timerEvent). Starting and stopping it every time cost more than
    // the rest of a poll's bookkeeping.
    m_timerMode = mode;
    if (mode == TimerMode::None)
        return; // a running timer fires, finds None and stops
    m_deadline = QDeadlineTimer(ms);
    if (!m_timer.isActive() || m_deadline < m_timerDue) {
        m_timer.start(ms, this);
        m_timerDue = m_deadline;
    }
}

void HttpConnection::onReadyRead()
{
    if (m_lingering) {
        m_socket->skip(m_socket->bytesAvailable());
        return;
    }
    // A pending exchange is answered first; later requests wait in the socket buffer.
    if (m_current)
        return;
    if (isOutputFull()) {
        pauseForOutput();
        return;
    }
    // Requests already buffered are answered before more are read.
    if (m_parser.bufferedBytes() < socketReadBuffer && readSome() && m_timerMode == TimerMode::Idle)
        setTimer(TimerMode::Request, m_server->options().requestTimeout);
    processBuffered();
}

bool HttpConnection::readSome()
{
    // Never readAll(): it drains the kernel's buffer (megabytes of pipelined requests) into
    // memory however small the socket's own buffer is.
    const QByteArray data = m_socket->read(socketReadBuffer);
    if (data.isEmpty())
        return false;
    m_parser.feed(data);
    return true;
}

void HttpConnection::processBuffered()
{
    int taken = 0;
    while (!m_current && !m_lingering && !m_finished) {
        if (isOutputFull()) {
            pauseForOutput();
            return;
        }
        if (taken == requestsPerTurn) {
            // The rest on a later pass: a client with hundreds of small requests pipelined
            // must not keep everyone else waiting for this one connection's loop.
            scheduleRead();
            return;
        }
        const auto status = m_parser.next();
        if (status == HttpRequestParser::Status::NeedMore) {
            if (m_parser.hasPartialRequest()) {
                if (m_timerMode != TimerMode::Request)
                    setTimer(TimerMode::Request, m_server->options().requestTimeout);
            } else {
                setTimer(TimerMode::Idle, m_server->options().keepAliveTimeout);
            }
            if (m_socket->bytesAvailable() > 0 && readSome())
                continue;
            return;
        }
        if (status == HttpRequestParser::Status::Error) {
            const int code = m_parser.errorStatus();
            qCDebug(lcServer) << "bad HTTP request from" << m_socket->peerAddress() << code
                              << m_parser.errorString();
            if (code == 413) {
                // The endpoint decides what an oversized body means (Engine.IO closes the session).
                HttpRequest head = m_parser.failedHead();
                auto *exchange = new HttpExchange(this, std::move(head), m_socket->peerAddress(),
                                                  m_socket->peerPort(), m_secure);
                exchange->m_bodyTooLarge = true;
                m_current = exchange;
                m_currentKeepAlive = false;
                setTimer(TimerMode::None, 0);
                m_server->dispatch(exchange);
                if (m_current == exchange && !exchange->isAnswered())
                    exchange->respondAndClose(HttpResponse::make(413));
                return;
            }
            fail(code);
            return;
        }
        HttpRequest request = m_parser.takeRequest();
        m_currentKeepAlive = request.keepAlive();
        if (request.isWebSocketUpgrade()) {
            // Upgrades are taken only as the first request of a connection (see WebServer).
            fail(400);
            return;
        }
        setTimer(TimerMode::None, 0);
        auto *exchange = new HttpExchange(this, std::move(request), m_socket->peerAddress(),
                                          m_socket->peerPort(), m_secure);
        m_current = exchange;
        ++taken;
        m_server->dispatch(exchange);
    }
}

void HttpConnection::writeResponse(HttpExchange *exchange, HttpResponse response, bool close)
{
    if (exchange != m_current || m_finished)
        return;
    m_current.clear();
    exchange->deleteLater();
    m_server->cors().apply(exchange->request(), response);
    const bool keepAlive
        = m_currentKeepAlive && !close && m_socket->state() == QAbstractSocket::ConnectedState;
    m_socket->write(response.serialize(keepAlive, exchange->request().method != "HEAD"));
    // Out now rather than on the next write notification: a loop iteration less per answer, and
    // a long-poll answer leaves with the broadcast that caused it.
    m_socket->flush();
    if (!keepAlive) {
        startLingeringClose();
        return;
    }
    if (m_parser.bufferedBytes() == 0 && m_socket->bytesAvailable() == 0 && !m_outputPaused) {
        // Nothing pipelined behind it (a long poll's usual case): the next request's readyRead
        // brings it; until then the connection is idle.
        setTimer(TimerMode::Idle, m_server->options().keepAliveTimeout);
        return;
    }
    // Go on with requests pipelined behind this one, but not from inside the responder's call
    // stack (a session answering a poll must not see the next request re-enter it).
    scheduleRead();
}

void HttpConnection::scheduleRead()
{
    // One queued call however many answers went out meanwhile: hundreds of pipelined requests
    // answered in one pass must not leave hundreds of events behind.
    if (m_readScheduled)
        return;
    m_readScheduled = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_readScheduled = false;
            onReadyRead();
        },
        Qt::QueuedConnection);
}

qint64 HttpConnection::bytesToWrite() const
{
    return m_finished ? 0 : m_socket->bytesToWrite();
}

bool HttpConnection::isOutputFull() const
{
    return m_socket->bytesToWrite() > m_server->options().maxUnreadResponseBytes;
}

void HttpConnection::pauseForOutput()
{
    // A client that pipelines requests and never reads the answers: take no further request
    // (its bytes stay in the kernel, so TCP pushes back) until the answers drain; a client that
    // never drains them is dropped when the request timeout ends.
    m_outputPaused = true;
    if (m_timerMode != TimerMode::Request)
        setTimer(TimerMode::Request, m_server->options().requestTimeout);
}

void HttpConnection::writeRawAndClose(const QByteArray &bytes)
{
    m_socket->write(bytes);
    startLingeringClose();
}

void HttpConnection::fail(int status)
{
    HttpResponse r = HttpResponse::make(status);
    // The request never parsed, so CORS cannot apply; answer plainly and close.
    m_socket->write(r.serialize(false));
    startLingeringClose();
}

void HttpConnection::startLingeringClose()
{
    if (m_lingering)
        return;
    m_lingering = true;
    if (m_current) {
        m_current->abort();
        m_current.clear();
    }
    // Closing with unread input makes the kernel send RST, which can destroy the response
    // before the client reads it; so send FIN after the response and drain input for a while.
    setTimer(TimerMode::Linger, lingerTimeoutMs);
    m_socket->skip(m_socket->bytesAvailable());
    if (m_socket->bytesToWrite() == 0)
        shutdownWrite();
}

void HttpConnection::shutdownWrite()
{
    m_writeShut = true;
    if (m_secure || m_socket->socketDescriptor() < 0) {
        m_socket->disconnectFromHost();
        return;
    }
    m_socket->flush();
    ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
}

void HttpConnection::onDisconnected()
{
    if (m_finished)
        return;
    m_finished = true;
    m_timer.stop();
    if (m_current) {
        m_current->abort();
        m_current.clear();
    }
    Q_EMIT finished();
    deleteLater();
}

void HttpConnection::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_timer.timerId()) {
        QObject::timerEvent(event);
        return;
    }
    if (m_timerMode != TimerMode::None && !m_deadline.hasExpired()) {
        // Fired for an earlier deadline than the one now set: wait for the rest.
        const int remaining = int(qMax<qint64>(1, m_deadline.remainingTime()));
        m_timer.start(remaining, this);
        m_timerDue = m_deadline;
        return;
    }
    m_timer.stop();
    switch (m_timerMode) {
    case TimerMode::Request:
        if (!m_current && m_parser.hasPartialRequest()) {
            fail(408);
            return;
        }
        if (!m_current)
            m_socket->abort();
        break;
    case TimerMode::Idle:
        if (!m_current) {
            m_socket->disconnectFromHost();
            return;
        }
        break;
    case TimerMode::Linger:
        m_socket->abort();
        break;
    case TimerMode::None:
        break;
    }
    if (m_socket->state() == QAbstractSocket::UnconnectedState)
        onDisconnected();
}

} // namespace TableTap
