// What upper layers learn about the client behind a session: the request that opened it
// (path, query, headers) and where it came from. Middleware and per-address limits use it.
#pragma once

#include "httprequest.h"

#include <QHostAddress>

namespace TableTap {

struct PeerRequest
{
    HttpRequest request; // without body
    QHostAddress address;
    quint16 port = 0;
    bool secure = false;

    QByteArray header(QByteArrayView lowerName) const { return request.header(lowerName); }
    QByteArray queryValue(QByteArrayView key) const { return request.queryValue(key); }
};

} // namespace TableTap
