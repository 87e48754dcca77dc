// Cross-origin rules for browser clients (what the `cors` npm package does for engine.io):
// which origins may call, credentials, and the answer to a preflight OPTIONS request.
#pragma once

#include "httprequest.h"
#include "httpresponse.h"

#include <QByteArrayList>

namespace TableTap {

class CorsPolicy
{
public:
    struct Options
    {
        bool enabled = false;     // off by default, like engine.io
        QByteArrayList origins;   // exact origins, or "*" for any
        bool credentials = false; // Access-Control-Allow-Credentials; never combined with "*"
        QByteArray methods = QByteArrayLiteral("GET,HEAD,PUT,PATCH,POST,DELETE");
        QByteArray allowedHeaders; // empty: reflect Access-Control-Request-Headers
        QByteArray exposedHeaders;
        int maxAge = -1; // seconds; -1 leaves the header out
    };

    CorsPolicy() = default;
    explicit CorsPolicy(Options options)
        : m_options(std::move(options))
    {}

    bool isEnabled() const { return m_options.enabled; }
    const Options &options() const { return m_options; }
    bool isPreflight(const HttpRequest &request) const;
    // Whether browsers on this origin may call (CORS on, and the origin listed or "*" listed).
    bool allowsOrigin(const QByteArray &origin) const;
    // Adds the Access-Control-* headers this request's origin earns to a response.
    void apply(const HttpRequest &request, HttpResponse &response) const;
    // The complete answer to a preflight: 204 and the allowed methods and headers.
    HttpResponse preflight(const HttpRequest &request) const;

private:
    QByteArray allowedOrigin(const QByteArray &origin) const;

    Options m_options;
};

} // namespace TableTap
