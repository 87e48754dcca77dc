// A tiny HTTP/1.1 server on 127.0.0.1 (port 0) for transport tests: it records every request
// and answers only when the test says so, so requests in flight can be held and counted.
#pragma once

#include <QHash>
#include <QHostAddress>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>
#include <QUrlQuery>

#include <functional>
#include <memory>

namespace TableTap {

struct HttpRequest
{
    QByteArray method;
    QUrl url;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QByteArray body;
    QPointer<QTcpSocket> socket;
    bool answered = false;

    QString query(const QString &key) const
    {
        return QUrlQuery(url).queryItemValue(key, QUrl::FullyDecoded);
    }
    bool hasQuery(const QString &key) const { return QUrlQuery(url).hasQueryItem(key); }
};

class ScriptedHttpServer
{
public:
    std::vector<std::shared_ptr<HttpRequest>> requests;
    // Called for each request; answer it now or later with respond().
    std::function<void(const std::shared_ptr<HttpRequest> &)> onRequest;

    ScriptedHttpServer()
    {
        QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] {
            while (QTcpSocket *s = m_server.nextPendingConnection()) {
                auto buffer = std::make_shared<QByteArray>();
                QObject::connect(s, &QTcpSocket::readyRead, s, [this, s, buffer] {
                    buffer->append(s->readAll());
                    parse(s, *buffer);
                });
                QObject::connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
        m_server.listen(QHostAddress::LocalHost, 0);
    }

    quint16 port() const { return m_server.serverPort(); }
    QUrl url(const QString &path = QStringLiteral("/socket.io/")) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port()).arg(path));
    }

    QList<std::shared_ptr<HttpRequest>> pending(const QByteArray &method = {}) const
    {
        QList<std::shared_ptr<HttpRequest>> out;
        for (const auto &r : requests)
            if (!r->answered && (method.isEmpty() || r->method == method))
                out.append(r);
        return out;
    }
    int count(const QByteArray &method) const
    {
        int n = 0;
        for (const auto &r : requests)
            n += r->method == method;
        return n;
    }

    static void respond(const std::shared_ptr<HttpRequest> &r, int status, const QByteArray &body,
                        const QByteArray &type = "text/plain; charset=UTF-8")
    {
        r->answered = true;
        if (!r->socket)
            return;
        QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Type: " + type
                         + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n"
                         + body;
        r->socket->write(out);
    }

private:
    void parse(QTcpSocket *s, QByteArray &buffer)
    {
        for (;;) {
            const qsizetype end = buffer.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const QList<QByteArray> lines = buffer.left(end).split('\n');
            auto r = std::make_shared<HttpRequest>();
            const QList<QByteArray> first = lines.first().trimmed().split(' ');
            r->method = first.value(0);
            r->url = QUrl::fromEncoded(first.value(1));
            qsizetype length = 0;
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const qsizetype colon = lines[i].indexOf(':');
                if (colon < 0)
                    continue;
                const QByteArray name = lines[i].left(colon).trimmed().toLower();
                const QByteArray value = lines[i].mid(colon + 1).trimmed();
                r->headers.insert(name, value);
                if (name == "content-length")
                    length = value.toLongLong();
            }
            if (buffer.size() < end + 4 + length)
                return;
            r->body = buffer.mid(end + 4, length);
            buffer.remove(0, end + 4 + length);
            r->socket = s;
            requests.push_back(r);
            if (onRequest)
                onRequest(r);
        }
    }

    QTcpServer m_server;
};

} // namespace TableTap
