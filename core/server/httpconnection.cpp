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
// While a request is being answered, Qt stops reading beyond this, so TCP pushes back.
constexpr qint64 socketReadBuffer = 64 * 1024;
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
    m_timerMode = mode;
    if (mode == TimerMode::None)
        m_timer.stop();
    else
        m_timer.start(ms, this);
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
    const QByteArray data = m_socket->readAll();
    if (!data.isEmpty()) {
        m_parser.feed(data);
        if (m_timerMode == TimerMode::Idle)
            setTimer(TimerMode::Request, m_server->options().requestTimeout);
    }
    processBuffered();
}

void HttpConnection::processBuffered()
{
    while (!m_current && !m_lingering && !m_finished) {
        const auto status = m_parser.next();
        if (status == HttpRequestParser::Status::NeedMore) {
            if (m_parser.hasPartialRequest()) {
                if (m_timerMode != TimerMode::Request)
                    setTimer(TimerMode::Request, m_server->options().requestTimeout);
            } else {
                setTimer(TimerMode::Idle, m_server->options().keepAliveTimeout);
            }
            if (m_socket->bytesAvailable() > 0) {
                m_parser.feed(m_socket->readAll());
                continue;
            }
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
    if (!keepAlive) {
        startLingeringClose();
        return;
    }
    // Go on with requests pipelined behind this one, but not from inside the responder's call
    // stack (a session answering a poll must not see the next request re-enter it).
    QMetaObject::invokeMethod(this, &HttpConnection::onReadyRead, Qt::QueuedConnection);
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
