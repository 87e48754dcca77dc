// JsonTextWriter: the hub encodes every broadcast's JSON here (SioCodec::encodeText). Qt's own
// writer makes a QCborValue, a QString and an escaped QByteArray per string and appends them to
// a growing QByteArray; this one converts each string once, straight into its buffer.
#include "jsontextwriter.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborValue>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QLocale>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>

namespace TableTap {

namespace {

char hexDigit(uint v)
{
    return char(v < 10 ? '0' + v : 'a' + (v - 10));
}

// "\uXXXX" with lower-case hex digits, as Qt writes control characters and lone surrogates.
char *writeUnicodeEscape(char *out, char16_t u)
{
    *out++ = '\\';
    *out++ = 'u';
    *out++ = hexDigit((u >> 12) & 0xf);
    *out++ = hexDigit((u >> 8) & 0xf);
    *out++ = hexDigit((u >> 4) & 0xf);
    *out++ = hexDigit(u & 0xf);
    return out;
}

bool isHighSurrogate(char16_t u)
{
    return u >= 0xd800 && u < 0xdc00;
}

bool isLowSurrogate(char16_t u)
{
    return u >= 0xdc00 && u < 0xe000;
}

} // namespace

JsonTextWriter::JsonTextWriter() = default;
JsonTextWriter::~JsonTextWriter() = default;

void JsonTextWriter::grow(qsizetype n)
{
    const qsizetype used = size();
    const qsizetype capacity = m_end - m_begin;
    const qsizetype wanted = std::max(capacity * 2, used + n);
    auto bigger = std::make_unique_for_overwrite<char[]>(size_t(wanted));
    std::memcpy(bigger.get(), m_begin, size_t(used));
    m_heap = std::move(bigger);
    m_begin = m_heap.get();
    m_cursor = m_begin + used;
    m_end = m_begin + wanted;
}

void JsonTextWriter::appendRaw(QByteArrayView bytes)
{
    ensure(bytes.size());
    std::memcpy(m_cursor, bytes.data(), size_t(bytes.size()));
    m_cursor += bytes.size();
}

void JsonTextWriter::appendInteger(qint64 n)
{
    ensure(20); // "-9223372036854775808"
    m_cursor = std::to_chars(m_cursor, m_end, n).ptr;
}

void JsonTextWriter::appendUtf8(QStringView text)
{
    for (const QChar c : text) {
        if (c.unicode() >= 0x80) {
            // Rare (namespaces are ASCII): Qt's conversion, replacement of lone surrogates and all.
            appendRaw(text.toUtf8());
            return;
        }
    }
    ensure(text.size());
    for (const QChar c : text)
        *m_cursor++ = char(c.unicode());
}

void JsonTextWriter::appendString(QStringView text)
{
    appendRaw('"');
    const char16_t *src = text.utf16();
    const char16_t *const end = src + text.size();
    while (src != end) {
        // Room for the worst case of a piece at a time (six bytes per UTF-16 unit, \u00xx; a
        // surrogate pair may end one unit past the piece), so a long string never asks for six
        // times its size at once.
        const char16_t *const pieceEnd = src + std::min<qsizetype>(end - src, 4096);
        ensure((pieceEnd - src) * 6 + 4);
        char *out = m_cursor;
        while (src < pieceEnd) {
            const char16_t u = *src++;
            if (u < 0x80) {
                if (u >= 0x20 && u != '"' && u != '\\') {
                    *out++ = char(u);
                    continue;
                }
                switch (u) {
                case '"':
                    *out++ = '\\';
                    *out++ = '"';
                    break;
                case '\\':
                    *out++ = '\\';
                    *out++ = '\\';
                    break;
                case 0x8:
                    *out++ = '\\';
                    *out++ = 'b';
                    break;
                case 0xc:
                    *out++ = '\\';
                    *out++ = 'f';
                    break;
                case 0xa:
                    *out++ = '\\';
                    *out++ = 'n';
                    break;
                case 0xd:
                    *out++ = '\\';
                    *out++ = 'r';
                    break;
                case 0x9:
                    *out++ = '\\';
                    *out++ = 't';
                    break;
                default:
                    out = writeUnicodeEscape(out, u);
                }
            } else if (u < 0x800) {
                *out++ = char(0xc0 | (u >> 6));
                *out++ = char(0x80 | (u & 0x3f));
            } else if (!isHighSurrogate(u) && !isLowSurrogate(u)) {
                *out++ = char(0xe0 | (u >> 12));
                *out++ = char(0x80 | ((u >> 6) & 0x3f));
                *out++ = char(0x80 | (u & 0x3f));
            } else if (isHighSurrogate(u) && src != end && isLowSurrogate(*src)) {
                const char32_t c = 0x10000 + ((char32_t(u) - 0xd800) << 10) + (*src++ - 0xdc00);
                *out++ = char(0xf0 | (c >> 18));
                *out++ = char(0x80 | ((c >> 12) & 0x3f));
                *out++ = char(0x80 | ((c >> 6) & 0x3f));
                *out++ = char(0x80 | (c & 0x3f));
            } else {
                // A lone surrogate has no UTF-8 form; Qt escapes it (and only it).
                out = writeUnicodeEscape(out, u);
            }
        }
        m_cursor = out;
    }
    appendRaw('"');
}

void JsonTextWriter::appendDouble(double d)
{
    if (!std::isfinite(d)) {
        appendRaw("null");
        return;
    }
    // Amounts and prices (a fraction, 0.001 <= |d| < 1e15): Qt's shortest 'g' form for these is
    // plain decimal with the fewest digits that read back the same, which to_chars writes
    // without an allocation (tst_siocodec compares the two over a wide sample). The rest
    // ("1e+21", "1e-05", integral doubles) in Qt's exact form.
    const double magnitude = std::fabs(d);
    if (magnitude >= 1e-3 && magnitude < 1e15 && d != std::trunc(d)) {
        ensure(32);
        const auto result = std::to_chars(m_cursor, m_end, d, std::chars_format::fixed);
        if (result.ec == std::errc()) {
            m_cursor = result.ptr;
            return;
        }
    }
    appendRaw(QByteArray::number(d, 'g', QLocale::FloatingPointShortest));
}

void JsonTextWriter::appendMap(const QCborMap &map)
{
    appendRaw('{');
    bool first = true;
    for (auto it = map.constBegin(), end = map.constEnd(); it != end; ++it) {
        if (!first)
            appendRaw(',');
        first = false;
        // Keys of a map made from JSON are strings (Qt's writer, too, writes toString()).
        appendString(it.key().toString());
        appendRaw(':');
        appendElement(it.value());
    }
    appendRaw('}');
}

void JsonTextWriter::appendArray(const QCborArray &array)
{
    appendRaw('[');
    bool first = true;
    for (const QCborValueConstRef &v : array) {
        if (!first)
            appendRaw(',');
        first = false;
        appendElement(v);
    }
    appendRaw(']');
}

void JsonTextWriter::appendElement(const QCborValueConstRef &value)
{
    switch (value.type()) {
    case QCborValue::True:
        appendRaw("true");
        break;
    case QCborValue::False:
        appendRaw("false");
        break;
    case QCborValue::Integer:
        appendInteger(value.toInteger());
        break;
    case QCborValue::Double:
        appendDouble(value.toDouble());
        break;
    case QCborValue::String:
        appendString(value.toString());
        break;
    case QCborValue::Array:
        appendArray(value.toArray());
        break;
    case QCborValue::Map:
        appendMap(value.toMap());
        break;
    default: // null, and what JSON has no form for
        appendRaw("null");
    }
}

void JsonTextWriter::appendValue(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Object:
        appendMap(QCborMap::fromJsonObject(value.toObject()));
        break;
    case QJsonValue::Array:
        appendArray(QCborArray::fromJsonArray(value.toArray()));
        break;
    case QJsonValue::String:
        appendString(value.toString());
        break;
    case QJsonValue::Double: {
        // A QJsonValue keeps integers apart from doubles, and Qt writes them differently.
        const QCborValue number = QCborValue::fromJsonValue(value);
        if (number.isInteger())
            appendInteger(number.toInteger());
        else
            appendDouble(number.toDouble());
        break;
    }
    case QJsonValue::Bool:
        appendRaw(value.toBool() ? QByteArrayView("true") : QByteArrayView("false"));
        break;
    case QJsonValue::Null:
        appendRaw("null");
        break;
    case QJsonValue::Undefined:
        break;
    }
}

QByteArray JsonTextWriter::toJson(const QJsonValue &value)
{
    JsonTextWriter writer;
    writer.appendValue(value);
    return writer.toByteArray();
}

} // namespace TableTap
