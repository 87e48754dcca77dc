// HttpRequest helpers.
#include "httprequest.h"

#include <QUrl>

namespace TableTap {

QByteArray HttpRequest::header(QByteArrayView lowerName) const
{
    for (const auto &h : headers) {
        if (h.first == lowerName)
            return h.second;
    }
    return {};
}

bool HttpRequest::hasHeader(QByteArrayView lowerName) const
{
    for (const auto &h : headers) {
        if (h.first == lowerName)
            return true;
    }
    return false;
}

bool HttpRequest::headerHasToken(QByteArrayView lowerName, QByteArrayView token) const
{
    for (const auto &h : headers) {
        if (h.first != lowerName)
            continue;
        for (const QByteArray &part : h.second.split(',')) {
            if (part.trimmed().compare(token, Qt::CaseInsensitive) == 0)
                return true;
        }
    }
    return false;
}

bool HttpRequest::keepAlive() const
{
    if (headerHasToken("connection", "close"))
        return false;
    if (minorVersion == 0)
        return headerHasToken("connection", "keep-alive");
    return true;
}

bool HttpRequest::isWebSocketUpgrade() const
{
    return headerHasToken("upgrade", "websocket") && headerHasToken("connection", "upgrade");
}

QByteArray HttpRequest::queryValue(QByteArrayView key) const
{
    qsizetype start = 0;
    while (start <= query.size()) {
        qsizetype end = query.indexOf('&', start);
        if (end < 0)
            end = query.size();
        const QByteArrayView part = QByteArrayView(query).sliced(start, end - start);
        const qsizetype eq = part.indexOf('=');
        const QByteArrayView name = eq < 0 ? part : part.first(eq);
        if (QByteArray::fromPercentEncoding(name.toByteArray().replace('+', ' ')) == key) {
            if (eq < 0)
                return QByteArray("");
            return QByteArray::fromPercentEncoding(
                part.sliced(eq + 1).toByteArray().replace('+', ' '));
        }
        start = end + 1;
    }
    return {};
}

} // namespace TableTap
