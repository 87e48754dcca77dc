// Request URLs and common request settings for the client transports.
#include "clienttransportconfig.h"

#include <QAtomicInteger>
#include <QDateTime>
#include <QNetworkRequest>

namespace TableTap {

namespace {

// engine.io-client's cache buster: base-36 time plus a counter, different on every request.
QString cacheBusterValue()
{
    static QAtomicInteger<quint32> counter;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    return QString::number(now, 36) + QLatin1Char('.') + QString::number(counter++, 36);
}

} // namespace

bool ClientTransportConfig::isSecure() const
{
    const QString scheme = endpoint.scheme();
    return scheme == QLatin1String("https") || scheme == QLatin1String("wss");
}

QUrl ClientTransportConfig::requestUrl(const QString &transport, const QString &sid, bool websocket,
                                       bool cacheBuster) const
{
    QUrl url = endpoint;
    const bool secure = isSecure();
    url.setScheme(websocket ? (secure ? QStringLiteral("wss") : QStringLiteral("ws"))
                            : (secure ? QStringLiteral("https") : QStringLiteral("http")));
    // Percent-encode by hand: QUrlQuery leaves '+' alone, which servers read as a space.
    QByteArray q;
    const auto add = [&q](const QString &key, const QString &value) {
        if (!q.isEmpty())
            q.append('&');
        q.append(QUrl::toPercentEncoding(key)).append('=').append(QUrl::toPercentEncoding(value));
    };
    for (const auto &[key, value] : query)
        add(key, value);
    add(QStringLiteral("EIO"), QStringLiteral("4"));
    add(QStringLiteral("transport"), transport);
    if (!sid.isEmpty())
        add(QStringLiteral("sid"), sid);
    if (cacheBuster)
        add(QStringLiteral("t"), cacheBusterValue());
    url.setQuery(QString::fromLatin1(q), QUrl::StrictMode);
    return url;
}

void ClientTransportConfig::prepare(QNetworkRequest &request) const
{
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    if (isSecure())
        request.setSslConfiguration(ssl);
    // One request per exchange and in order: HTTP/2 multiplexing buys nothing here and the
    // reference server is HTTP/1.1.
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
}

} // namespace TableTap
