// CORS headers, following the `cors` package's defaults that engine.io uses.
#include "corspolicy.h"

namespace TableTap {

bool CorsPolicy::isPreflight(const HttpRequest &request) const
{
    return m_options.enabled && request.method == "OPTIONS";
}

bool CorsPolicy::allowsOrigin(const QByteArray &origin) const
{
    return m_options.enabled && !origin.isEmpty()
           && (m_options.origins.contains("*") || m_options.origins.contains(origin));
}

QByteArray CorsPolicy::allowedOrigin(const QByteArray &origin) const
{
    const bool any = m_options.origins.contains("*");
    if (any && !m_options.credentials)
        return QByteArrayLiteral("*");
    if (origin.isEmpty())
        return {};
    // With credentials a browser refuses "*", so the origin is echoed instead.
    if (any || m_options.origins.contains(origin))
        return origin;
    return {};
}

void CorsPolicy::apply(const HttpRequest &request, HttpResponse &response) const
{
    if (!m_options.enabled)
        return;
    const QByteArray origin = allowedOrigin(request.header("origin"));
    if (!origin.isEmpty())
        response.setHeader(QByteArrayLiteral("Access-Control-Allow-Origin"), origin);
    if (origin != "*")
        response.setHeader(QByteArrayLiteral("Vary"), QByteArrayLiteral("Origin"));
    if (m_options.credentials && !origin.isEmpty())
        response.setHeader(QByteArrayLiteral("Access-Control-Allow-Credentials"),
                           QByteArrayLiteral("true"));
    if (!m_options.exposedHeaders.isEmpty() && !origin.isEmpty())
        response.setHeader(QByteArrayLiteral("Access-Control-Expose-Headers"),
                           m_options.exposedHeaders);
}

HttpResponse CorsPolicy::preflight(const HttpRequest &request) const
{
    HttpResponse r = HttpResponse::make(204);
    apply(request, r);
    r.setHeader(QByteArrayLiteral("Access-Control-Allow-Methods"), m_options.methods);
    QByteArray headers = m_options.allowedHeaders;
    if (headers.isEmpty()) {
        headers = request.header("access-control-request-headers");
        r.setHeader(QByteArrayLiteral("Vary"),
                    r.hasHeader("Vary")
                        ? QByteArrayLiteral("Origin, Access-Control-Request-Headers")
                        : QByteArrayLiteral("Access-Control-Request-Headers"));
    }
    if (!headers.isEmpty())
        r.setHeader(QByteArrayLiteral("Access-Control-Allow-Headers"), headers);
    if (m_options.maxAge >= 0)
        r.setHeader(QByteArrayLiteral("Access-Control-Max-Age"),
                    QByteArray::number(m_options.maxAge));
    return r;
}

} // namespace TableTap
