// LiteJson: a bounds-checked RFC 8259 reader into flat nodes.
#include "litejson.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QVariant>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>

namespace TableTap {

namespace {

using Node = LiteJson::Node;
using Type = LiteJson::Type;

class Parser
{
public:
    // Positions are measured from base; the value is read from start to end.
    Parser(const char *base, const char *start, const char *end, std::vector<Node> &nodes)
        : m_begin(base)
        , m_p(start)
        , m_end(end)
        , m_nodes(nodes)
    {}

    bool document()
    {
        skipSpace();
        if (!value(0))
            return false;
        skipSpace();
        return m_p == m_end;
    }

private:
    void skipSpace()
    {
        while (m_p < m_end && (*m_p == ' ' || *m_p == '\t' || *m_p == '\n' || *m_p == '\r'))
            ++m_p;
    }

    bool literal(const char *word, std::size_t n)
    {
        if (std::size_t(m_end - m_p) < n || std::memcmp(m_p, word, n) != 0)
            return false;
        m_p += n;
        return true;
    }

    std::uint32_t push(Type type)
    {
        Node node;
        node.type = type;
        m_nodes.push_back(node);
        return std::uint32_t(m_nodes.size() - 1);
    }

    void leaf(Type type)
    {
        const std::uint32_t i = push(type);
        m_nodes[i].end = i + 1;
    }

    bool value(int depth)
    {
        if (m_p >= m_end)
            return false;
        switch (*m_p) {
        case '{':
            return object(depth + 1);
        case '[':
            return array(depth + 1);
        case '"': {
            const std::uint32_t i = push(Type::String);
            if (!string(i))
                return false;
            m_nodes[i].end = i + 1;
            return true;
        }
        case 't':
            if (!literal("true", 4))
                return false;
            leaf(Type::True);
            return true;
        case 'f':
            if (!literal("false", 5))
                return false;
            leaf(Type::False);
            return true;
        case 'n':
            if (!literal("null", 4))
                return false;
            leaf(Type::Null);
            return true;
        default:
            return number();
        }
    }

    static bool digit(char c) { return c >= '0' && c <= '9'; }

    bool number()
    {
        const char *start = m_p;
        if (m_p < m_end && *m_p == '-')
            ++m_p;
        if (m_p >= m_end || !digit(*m_p))
            return false;
        if (*m_p == '0') {
            ++m_p;
        } else {
            while (m_p < m_end && digit(*m_p))
                ++m_p;
        }
        if (m_p < m_end && *m_p == '.') {
            ++m_p;
            if (m_p >= m_end || !digit(*m_p))
                return false;
            while (m_p < m_end && digit(*m_p))
                ++m_p;
        }
        if (m_p < m_end && (*m_p == 'e' || *m_p == 'E')) {
            ++m_p;
            if (m_p < m_end && (*m_p == '+' || *m_p == '-'))
                ++m_p;
            if (m_p >= m_end || !digit(*m_p))
                return false;
            while (m_p < m_end && digit(*m_p))
                ++m_p;
        }
        double d = 0;
        const auto [ptr, ec] = std::from_chars(start, m_p, d);
        // A number beyond a double's range either way (too large, or too small to be told
        // from zero) is refused, as Qt's parser refuses it.
        if (ptr != m_p || ec != std::errc() || !std::isfinite(d))
            return false;
        const std::uint32_t i = push(Type::Number);
        m_nodes[i].number = d;
        m_nodes[i].end = i + 1;
        // The literal's bytes too: a whole number beyond 2^53 is read back exactly from them.
        m_nodes[i].pos = std::uint32_t(start - m_begin);
        m_nodes[i].len = std::uint32_t(m_p - start);
        return true;
    }

    static int hex(char c)
    {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        return -1;
    }

    // One UTF-8 sequence starting at m_p (a lead byte >= 0x80): the shortest form, no
    // surrogates, at most U+10FFFF.
    bool utf8()
    {
        const auto b0 = static_cast<unsigned char>(*m_p);
        int extra = 0;
        std::uint32_t cp = 0;
        if (b0 >= 0xC2 && b0 <= 0xDF) {
            extra = 1;
            cp = b0 & 0x1F;
        } else if (b0 >= 0xE0 && b0 <= 0xEF) {
            extra = 2;
            cp = b0 & 0x0F;
        } else if (b0 >= 0xF0 && b0 <= 0xF4) {
            extra = 3;
            cp = b0 & 0x07;
        } else {
            return false;
        }
        if (m_end - m_p <= extra)
            return false;
        for (int k = 1; k <= extra; ++k) {
            const auto b = static_cast<unsigned char>(m_p[k]);
            if ((b & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (b & 0x3F);
        }
        if ((extra == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF)))
            || (extra == 3 && (cp < 0x10000 || cp > 0x10FFFF)))
            return false;
        m_p += extra + 1;
        return true;
    }

    bool string(std::uint32_t i)
    {
        ++m_p; // the opening quote
        const char *start = m_p;
        bool escaped = false;
        while (true) {
            if (m_p >= m_end)
                return false;
            const auto c = static_cast<unsigned char>(*m_p);
            if (c == '"')
                break;
            if (c < 0x20)
                return false;
            if (c == '\\') {
                escaped = true;
                if (m_end - m_p < 2)
                    return false;
                switch (m_p[1]) {
                case '"':
                case '\\':
                case '/':
                case 'b':
                case 'f':
                case 'n':
                case 'r':
                case 't':
                    m_p += 2;
                    break;
                case 'u':
                    if (m_end - m_p < 6)
                        return false;
                    for (int k = 2; k < 6; ++k)
                        if (hex(m_p[k]) < 0)
                            return false;
                    m_p += 6;
                    break;
                default:
                    return false;
                }
            } else if (c >= 0x80) {
                if (!utf8())
                    return false;
            } else {
                ++m_p;
            }
        }
        Node &node = m_nodes[i];
        node.pos = std::uint32_t(start - m_begin);
        node.len = std::uint32_t(m_p - start);
        node.escaped = escaped;
        ++m_p; // the closing quote
        return true;
    }

    bool array(int depth)
    {
        if (depth > LiteJson::MaxDepth)
            return false;
        const std::uint32_t i = push(Type::Array);
        ++m_p;
        skipSpace();
        std::uint32_t count = 0;
        if (m_p < m_end && *m_p == ']') {
            ++m_p;
        } else {
            while (true) {
                if (!value(depth))
                    return false;
                ++count;
                skipSpace();
                if (m_p >= m_end)
                    return false;
                if (*m_p == ',') {
                    ++m_p;
                    skipSpace();
                    continue;
                }
                if (*m_p != ']')
                    return false;
                ++m_p;
                break;
            }
        }
        m_nodes[i].count = count;
        m_nodes[i].end = std::uint32_t(m_nodes.size());
        return true;
    }

    bool object(int depth)
    {
        if (depth > LiteJson::MaxDepth)
            return false;
        const std::uint32_t i = push(Type::Object);
        ++m_p;
        skipSpace();
        std::uint32_t count = 0;
        if (m_p < m_end && *m_p == '}') {
            ++m_p;
        } else {
            while (true) {
                if (m_p >= m_end || *m_p != '"')
                    return false;
                const std::uint32_t k = push(Type::String);
                if (!string(k))
                    return false;
                m_nodes[k].end = k + 1;
                skipSpace();
                if (m_p >= m_end || *m_p != ':')
                    return false;
                ++m_p;
                skipSpace();
                if (!value(depth))
                    return false;
                ++count;
                skipSpace();
                if (m_p >= m_end)
                    return false;
                if (*m_p == ',') {
                    ++m_p;
                    skipSpace();
                    continue;
                }
                if (*m_p != '}')
                    return false;
                ++m_p;
                break;
            }
        }
        m_nodes[i].count = count;
        m_nodes[i].end = std::uint32_t(m_nodes.size());
        return true;
    }

    const char *m_begin;
    const char *m_p;
    const char *m_end;
    std::vector<Node> &m_nodes;
};

// The text of a string node, escapes resolved (the bytes were checked by the parser).
QString decodeString(const char *p, std::uint32_t len, bool escaped)
{
    if (!escaped)
        return QString::fromUtf8(p, len);
    QString out;
    out.reserve(len);
    const char *end = p + len;
    const char *run = p;
    auto flush = [&](const char *upTo) {
        if (upTo > run)
            out.append(QString::fromUtf8(run, upTo - run));
    };
    while (p < end) {
        if (*p != '\\') {
            ++p;
            continue;
        }
        flush(p);
        const char e = p[1];
        switch (e) {
        case 'b':
            out.append(QChar(u'\b'));
            break;
        case 'f':
            out.append(QChar(u'\f'));
            break;
        case 'n':
            out.append(QChar(u'\n'));
            break;
        case 'r':
            out.append(QChar(u'\r'));
            break;
        case 't':
            out.append(QChar(u'\t'));
            break;
        case 'u': {
            char16_t unit = 0;
            for (int k = 2; k < 6; ++k) {
                const char c = p[k];
                const int h = (c >= '0' && c <= '9')   ? c - '0'
                              : (c >= 'a' && c <= 'f') ? c - 'a' + 10
                                                       : c - 'A' + 10;
                unit = char16_t((unit << 4) | h);
            }
            out.append(QChar(unit));
            p += 6;
            run = p;
            continue;
        }
        default: // '"', '\\', '/'
            out.append(QLatin1Char(e));
            break;
        }
        p += 2;
        run = p;
    }
    flush(end);
    return out;
}

} // namespace

std::optional<LiteJson> LiteJson::parse(const QByteArray &text)
{
    return parse(text, 0);
}

std::optional<LiteJson> LiteJson::parse(const QByteArray &text, qsizetype offset)
{
    if (offset < 0 || offset > text.size()
        || text.size() >= qsizetype(std::numeric_limits<std::uint32_t>::max()))
        return std::nullopt;
    LiteJson doc;
    doc.m_text = text;
    const char *begin = doc.m_text.constData();
    // Most values take 6-12 bytes of text: one allocation for a typical envelope.
    doc.m_nodes.reserve(std::size_t(text.size() - offset) / 8 + 4);
    Parser parser(begin, begin + offset, begin + text.size(), doc.m_nodes);
    if (!parser.document())
        return std::nullopt;
    return doc;
}

LiteJsonValue LiteJson::root() const
{
    return m_nodes.empty() ? LiteJsonValue() : LiteJsonValue(this, 0);
}

bool LiteJsonValue::toBool(bool defaultValue) const
{
    switch (type()) {
    case LiteJson::Type::True:
        return m_doc != nullptr;
    case LiteJson::Type::False:
        return m_doc ? false : defaultValue;
    default:
        return defaultValue;
    }
}

double LiteJsonValue::toDouble(double defaultValue) const
{
    return isDouble() ? node().number : defaultValue;
}

QString LiteJsonValue::toString() const
{
    if (!isString())
        return {};
    const LiteJson::Node &n = node();
    return decodeString(m_doc->m_text.constData() + n.pos, n.len, n.escaped);
}

QString LiteJsonValue::toString(const QString &defaultValue) const
{
    return isString() ? toString() : defaultValue;
}

bool LiteJsonValue::equals(QLatin1String key) const
{
    if (!isString())
        return false;
    const LiteJson::Node &n = node();
    if (!n.escaped)
        return qsizetype(n.len) == key.size()
               && std::memcmp(m_doc->m_text.constData() + n.pos, key.data(), n.len) == 0;
    return toString() == key;
}

LiteJsonObject LiteJsonValue::toObject() const
{
    return isObject() ? LiteJsonObject(m_doc, m_index) : LiteJsonObject();
}

LiteJsonArray LiteJsonValue::toArray() const
{
    return isArray() ? LiteJsonArray(m_doc, m_index) : LiteJsonArray();
}

QJsonValue LiteJsonValue::toJsonValue() const
{
    if (!m_doc)
        return QJsonValue(QJsonValue::Undefined);
    switch (type()) {
    case LiteJson::Type::Null:
        return QJsonValue(QJsonValue::Null);
    case LiteJson::Type::False:
        return QJsonValue(false);
    case LiteJson::Type::True:
        return QJsonValue(true);
    case LiteJson::Type::Number: {
        // As Qt's parser keeps numbers: an integer literal that fits in 64 bits as that exact
        // integer, any other whole number that fits in 64 bits as an integer too.
        const LiteJson::Node &n = node();
        const char *literal = m_doc->m_text.constData() + n.pos;
        if (std::find_if(literal, literal + n.len,
                         [](char c) { return c == '.' || c == 'e' || c == 'E'; })
            == literal + n.len) {
            qint64 exact = 0;
            const auto [ptr, ec] = std::from_chars(literal, literal + n.len, exact);
            if (ec == std::errc() && ptr == literal + n.len)
                return QJsonValue(exact);
        }
        const double d = n.number;
        if (d == std::floor(d) && d >= -9223372036854775808.0 && d < 9223372036854775808.0)
            return QJsonValue(qint64(d));
        return QJsonValue(d);
    }
    case LiteJson::Type::String:
        return QJsonValue(toString());
    case LiteJson::Type::Array: {
        QJsonArray out;
        for (const LiteJsonValue v : toArray())
            out.append(v.toJsonValue());
        return out;
    }
    case LiteJson::Type::Object:
        return toObject().toJsonObject();
    }
    return {};
}

LiteJsonValue LiteJsonArray::at(qsizetype i) const
{
    if (!m_doc || i < 0 || i >= size())
        return {};
    std::uint32_t k = m_index + 1;
    for (qsizetype n = 0; n < i; ++n)
        k = m_doc->m_nodes[k].end;
    return {m_doc, k};
}

LiteJsonValue LiteJsonObject::value(QLatin1String key) const
{
    if (!m_doc)
        return {};
    LiteJsonValue found;
    std::uint32_t i = m_index + 1;
    const std::uint32_t stop = m_doc->m_nodes[m_index].end;
    while (i < stop) {
        const std::uint32_t v = i + 1;
        if (LiteJsonValue(m_doc, i).equals(key))
            found = LiteJsonValue(m_doc, v);
        i = m_doc->m_nodes[v].end;
    }
    return found;
}

QJsonObject LiteJsonObject::toJsonObject() const
{
    QJsonObject out;
    forEach([&](const LiteJsonValue &k, const LiteJsonValue &v) {
        out.insert(k.toString(), v.toJsonValue());
    });
    return out;
}

} // namespace TableTap
