// An HTTP response to write: status, headers and body, serialised in one buffer.
#pragma once

#include "httprequest.h"

namespace TableTap {

struct HttpResponse
{
    int status = 200;
    HttpHeaders headers;
    QByteArray body;

    static HttpResponse make(int status, QByteArray body = {}, QByteArray contentType = {});
    // Adds or replaces a header (name as it should appear on the wire).
    void setHeader(const QByteArray &name, const QByteArray &value);
    bool hasHeader(QByteArrayView name) const;
    // Status line, headers (plus Content-Length and Connection) and body.
    QByteArray serialize(bool keepAlive, bool withBody = true) const;

    static QByteArray reasonPhrase(int status);
};

} // namespace TableTap
