// HttpExchange: the handle a handler answers through.
#include "httpexchange.h"

#include "httpconnection.h"

namespace TableTap {

HttpExchange::HttpExchange(HttpConnection *connection, HttpRequest request,
                           const QHostAddress &address, quint16 port, bool secure)
    : QObject(connection)
    , m_connection(connection)
    , m_request(std::move(request))
    , m_address(address)
    , m_port(port)
    , m_secure(secure)
{}

void HttpExchange::respond(HttpResponse response)
{
    if (m_answered || m_aborted)
        return;
    m_answered = true;
    m_connection->writeResponse(this, std::move(response), false);
}

void HttpExchange::respondAndClose(HttpResponse response)
{
    if (m_answered || m_aborted)
        return;
    m_answered = true;
    m_connection->writeResponse(this, std::move(response), true);
}

void HttpExchange::abort()
{
    if (m_answered || m_aborted)
        return;
    m_aborted = true;
    Q_EMIT aborted();
}

} // namespace TableTap
