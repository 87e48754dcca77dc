// Incremental HTTP/1.x request parser: a plain value fed bytes in any pieces (one byte at a time,
// split headers, several pipelined requests at once). Bounded: head size, header count and body
// size are limited, and a violation gives an HTTP status to answer with. No sockets, no QObject.
#pragma once

#include "httprequest.h"

#include <QString>

#include <functional>

namespace TableTap {

class HttpRequestParser
{
public:
    struct Limits
    {
        qsizetype maxHeadBytes = 16384; // request line + headers, like Node's default
        int maxHeaderCount = 100;
        qint64 maxBodyBytes = 1000000;
    };
    enum class Status { NeedMore, Complete, Error };

    HttpRequestParser();
    explicit HttpRequestParser(Limits limits);

    // Picks the body limit per request once its head is known (e.g. by path); optional.
    void setBodyLimit(std::function<qint64(const HttpRequest &head)> limit)
    {
        m_bodyLimit = std::move(limit);
    }

    void feed(QByteArrayView bytes);
    // Parses as far as the buffered bytes allow. Complete: takeRequest() has the request and
    // the bytes after it stay buffered for the next call. Error: errorStatus() says what to
    // answer (400, 413, 431, 501); the parser stays in error until reset().
    Status next();
    HttpRequest takeRequest();
    // The head of the request that failed with 413 (to route it), else an empty request.
    const HttpRequest &failedHead() const { return m_current; }
    int errorStatus() const { return m_errorStatus; }
    QString errorString() const { return m_errorString; }
    // Whether part of a request (not only blank lines) is waiting for more bytes.
    bool hasPartialRequest() const;
    qsizetype bufferedBytes() const { return m_buffer.size() - m_pos; }
    void reset();

private:
    Status fail(int status, const QString &why);
    Status parseHead(qsizetype headEnd);

    Limits m_limits;
    std::function<qint64(const HttpRequest &)> m_bodyLimit;
    QByteArray m_buffer;
    qsizetype m_pos = 0;      // start of unparsed bytes
    qsizetype m_scanFrom = 0; // where the search for the end of the head resumes
    bool m_inBody = false;
    qint64 m_bodyLength = 0;
    HttpRequest m_current;
    HttpRequest m_done;
    int m_errorStatus = 0;
    QString m_errorString;
};

} // namespace TableTap
