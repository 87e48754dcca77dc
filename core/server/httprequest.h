// One parsed HTTP/1.x request: a plain value produced by HttpRequestParser.
#pragma once

#include <QByteArray>
#include <QList>

#include <utility>

namespace TableTap {

using HttpHeaders = QList<std::pair<QByteArray, QByteArray>>;

struct HttpRequest
{
    QByteArray method;    // "GET"
    QByteArray target;    // "/socket.io/?EIO=4&transport=polling"
    QByteArray path;      // "/socket.io/"
    QByteArray query;     // "EIO=4&transport=polling" (raw, without '?')
    int minorVersion = 1; // HTTP/1.<minorVersion>
    HttpHeaders headers;  // names lower-cased, values trimmed, in arrival order
    QByteArray body;

    // First value of a header (name in lower case), empty when absent.
    QByteArray header(QByteArrayView lowerName) const;
    bool hasHeader(QByteArrayView lowerName) const;
    // Whether a comma-separated header (Connection, Upgrade) lists a token, case-insensitively.
    bool headerHasToken(QByteArrayView lowerName, QByteArrayView token) const;
    bool keepAlive() const;
    bool isWebSocketUpgrade() const;
    // Raw value of a query parameter, percent-decoded; isNull() when absent.
    QByteArray queryValue(QByteArrayView key) const;
};

} // namespace TableTap
