// Incremental HTTP/1.x request parser.
#include "httprequestparser.h"

namespace TableTap {

namespace {

// RFC 9110 tchar: what a method or header name may contain.
bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    switch (c) {
    case '!':
    case '#':
    case '$':
    case '%':
    case '&':
    case '\'':
    case '*':
    case '+':
    case '-':
    case '.':
    case '^':
    case '_':
    case '`':
    case '|':
    case '~':
        return true;
    default:
        return false;
    }
}

bool isToken(QByteArrayView s)
{
    if (s.isEmpty())
        return false;
    for (char c : s) {
        if (!isTokenChar(c))
            return false;
    }
    return true;
}

// Field values may hold visible characters, spaces, tabs and obs-text, nothing else.
bool isFieldValue(QByteArrayView s)
{
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && u != '\t') || u == 0x7f)
            return false;
    }
    return true;
}

bool isTarget(QByteArrayView s)
{
    if (s.isEmpty())
        return false;
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u == 0x7f)
            return false;
    }
    return true;
}

} // namespace

HttpRequestParser::HttpRequestParser()
    : HttpRequestParser(Limits{})
{}

HttpRequestParser::HttpRequestParser(Limits limits)
    : m_limits(limits)
{}

void HttpRequestParser::reset()
{
    m_buffer.clear();
    m_pos = 0;
    m_scanFrom = 0;
    m_inBody = false;
    m_bodyLength = 0;
    m_current = {};
    m_done = {};
    m_errorStatus = 0;
    m_errorString.clear();
}

void HttpRequestParser::feed(QByteArrayView bytes)
{
    if (m_errorStatus)
        return;
    // Compact once the consumed prefix dominates, so a long keep-alive connection does not grow.
    if (m_pos > 0 && m_pos >= m_buffer.size() / 2) {
        m_buffer.remove(0, m_pos);
        m_scanFrom -= m_pos;
        m_pos = 0;
    }
    m_buffer.append(bytes.data(), bytes.size());
}

bool HttpRequestParser::hasPartialRequest() const
{
    if (m_inBody)
        return true;
    for (qsizetype i = m_pos; i < m_buffer.size(); ++i) {
        if (m_buffer.at(i) != '\r' && m_buffer.at(i) != '\n')
            return true;
    }
    return false;
}

HttpRequestParser::Status HttpRequestParser::fail(int status, const QString &why)
{
    m_errorStatus = status;
    m_errorString = why;
    return Status::Error;
}

HttpRequest HttpRequestParser::takeRequest()
{
    return std::exchange(m_done, HttpRequest{});
}

HttpRequestParser::Status HttpRequestParser::next()
{
    if (m_errorStatus)
        return Status::Error;
    if (!m_inBody) {
        // Blank lines before a request line are tolerated (RFC 9112 2.2).
        while (m_pos < m_buffer.size()
               && (m_buffer.at(m_pos) == '\r' || m_buffer.at(m_pos) == '\n'))
            ++m_pos;
        if (m_scanFrom < m_pos)
            m_scanFrom = m_pos;
        const qsizetype from = std::max(m_pos, m_scanFrom - 3);
        const qsizetype end = m_buffer.indexOf("\r\n\r\n", from);
        if (end < 0) {
            m_scanFrom = m_buffer.size();
            if (m_buffer.size() - m_pos > m_limits.maxHeadBytes)
                return fail(431, QStringLiteral("request head too large"));
            return Status::NeedMore;
        }
        if (end + 4 - m_pos > m_limits.maxHeadBytes)
            return fail(431, QStringLiteral("request head too large"));
        const Status head = parseHead(end);
        if (head == Status::Error)
            return head;
        m_pos = end + 4;
        m_scanFrom = m_pos;
        m_inBody = true;
    }
    if (m_buffer.size() - m_pos < m_bodyLength)
        return Status::NeedMore;
    m_current.body = m_buffer.mid(m_pos, m_bodyLength);
    m_pos += m_bodyLength;
    m_scanFrom = m_pos;
    m_inBody = false;
    m_bodyLength = 0;
    m_done = std::exchange(m_current, HttpRequest{});
    return Status::Complete;
}

HttpRequestParser::Status HttpRequestParser::parseHead(qsizetype headEnd)
{
    m_current = HttpRequest{};
    const QByteArrayView head = QByteArrayView(m_buffer).sliced(m_pos, headEnd - m_pos);
    qsizetype lineEnd = head.indexOf("\r\n");
    if (lineEnd < 0)
        lineEnd = head.size();
    const QByteArrayView line = head.first(lineEnd);

    // Request line: METHOD SP target SP HTTP/1.x
    const qsizetype sp1 = line.indexOf(' ');
    const qsizetype sp2 = sp1 < 0 ? -1 : line.indexOf(' ', sp1 + 1);
    if (sp1 <= 0 || sp2 <= sp1 + 1 || line.indexOf(' ', sp2 + 1) >= 0)
        return fail(400, QStringLiteral("malformed request line"));
    const QByteArrayView method = line.first(sp1);
    const QByteArrayView target = line.sliced(sp1 + 1, sp2 - sp1 - 1);
    const QByteArrayView version = line.sliced(sp2 + 1);
    if (!isToken(method))
        return fail(400, QStringLiteral("invalid method"));
    if (!isTarget(target))
        return fail(400, QStringLiteral("invalid request target"));
    if (version == "HTTP/1.1")
        m_current.minorVersion = 1;
    else if (version == "HTTP/1.0")
        m_current.minorVersion = 0;
    else
        return fail(400, QStringLiteral("unsupported HTTP version"));
    m_current.method = method.toByteArray();
    m_current.target = target.toByteArray();
    const qsizetype q = target.indexOf('?');
    m_current.path = (q < 0 ? target : target.first(q)).toByteArray();
    if (q >= 0)
        m_current.query = target.sliced(q + 1).toByteArray();

    // Header fields.
    qsizetype pos = lineEnd + 2;
    bool haveLength = false;
    while (pos < head.size()) {
        qsizetype end = head.indexOf("\r\n", pos);
        if (end < 0)
            end = head.size();
        const QByteArrayView field = head.sliced(pos, end - pos);
        pos = end + 2;
        if (field.isEmpty())
            continue;
        if (field.front() == ' ' || field.front() == '\t')
            return fail(400, QStringLiteral("obsolete line folding"));
        const qsizetype colon = field.indexOf(':');
        if (colon <= 0)
            return fail(400, QStringLiteral("malformed header field"));
        const QByteArrayView name = field.first(colon);
        const QByteArrayView value = field.sliced(colon + 1).trimmed();
        if (!isToken(name) || !isFieldValue(value))
            return fail(400, QStringLiteral("invalid header field"));
        if (m_current.headers.size() >= m_limits.maxHeaderCount)
            return fail(431, QStringLiteral("too many header fields"));
        QByteArray lower = name.toByteArray().toLower();
        if (lower == "content-length") {
            if (value.isEmpty() || value.size() > 15)
                return fail(400, QStringLiteral("invalid Content-Length"));
            qint64 length = 0;
            for (char c : value) {
                if (c < '0' || c > '9')
                    return fail(400, QStringLiteral("invalid Content-Length"));
                length = length * 10 + (c - '0');
            }
            if (haveLength && length != m_bodyLength)
                return fail(400, QStringLiteral("conflicting Content-Length"));
            haveLength = true;
            m_bodyLength = length;
        } else if (lower == "transfer-encoding") {
            return fail(501, QStringLiteral("transfer codings are not supported"));
        }
        m_current.headers.append({std::move(lower), value.toByteArray()});
    }
    if (m_current.minorVersion == 1 && !m_current.hasHeader("host"))
        return fail(400, QStringLiteral("missing Host header"));
    const qint64 limit = m_bodyLimit ? m_bodyLimit(m_current) : m_limits.maxBodyBytes;
    if (m_bodyLength > limit)
        return fail(413, QStringLiteral("request body too large"));
    return Status::Complete;
}

} // namespace TableTap
