// One HTTP request waiting for its response. Handlers may answer at once or later (a long-poll
// GET waits for packets); aborted() tells them the client went away first.
#pragma once

#include "httprequest.h"
#include "httpresponse.h"

#include <QHostAddress>
#include <QObject>

namespace TableTap {

class HttpConnection;

class HttpExchange final : public QObject
{
    Q_OBJECT
public:
    const HttpRequest &request() const { return m_request; }
    QHostAddress peerAddress() const { return m_address; }
    quint16 peerPort() const { return m_port; }
    bool isSecure() const { return m_secure; }
    // The body exceeded the path's limit and was not read (the handler should answer 413).
    bool isBodyTooLarge() const { return m_bodyTooLarge; }

    // Sends the response (once; later calls are ignored). CORS headers are added on the way.
    void respond(HttpResponse response);
    // Answers and closes the connection afterwards (for errors after which the stream is unusable).
    void respondAndClose(HttpResponse response);
    bool isAnswered() const { return m_answered; }
    bool isAborted() const { return m_aborted; }
    // The connection it came on, which outlives it (keep-alive).
    HttpConnection *connection() const { return m_connection; }

Q_SIGNALS:
    // The connection closed before a response was sent.
    void aborted();

private:
    friend class HttpConnection;
    HttpExchange(HttpConnection *connection, HttpRequest request, const QHostAddress &address,
                 quint16 port, bool secure);
    void abort();

    HttpConnection *m_connection;
    HttpRequest m_request;
    QHostAddress m_address;
    quint16 m_port;
    bool m_secure;
    bool m_answered = false;
    bool m_aborted = false;
    bool m_bodyTooLarge = false;
};

} // namespace TableTap
