// Compact JSON text written straight into one buffer: byte for byte what
// QJsonDocument::toJson(QJsonDocument::Compact) writes, without the temporaries it makes per value.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QStringView>

#include <memory>

class QCborArray;
class QCborMap;
class QCborValueConstRef;
class QJsonValue;

namespace TableTap {

// The same key order (a QJsonObject's, sorted), escapes (", \, \b \f \n \r \t, other control
// characters and lone surrogates as lower-case \u00xx / \udxxx, everything else as UTF-8) and
// numbers (integers in decimal, doubles in QByteArray::number's shortest 'g' form, NaN and
// infinities as null) as Qt's writer. Text up to InlineCapacity bytes stays on the stack; the
// result is copied out once, at its exact size.
class JsonTextWriter
{
public:
    static constexpr qsizetype InlineCapacity = 2048;

    JsonTextWriter();
    JsonTextWriter(const JsonTextWriter &) = delete;
    JsonTextWriter &operator=(const JsonTextWriter &) = delete;
    ~JsonTextWriter();

    void appendRaw(char c)
    {
        ensure(1);
        *m_cursor++ = c;
    }
    void appendRaw(QByteArrayView bytes);
    // Non-negative or negative decimal, as QByteArray::number(qint64).
    void appendInteger(qint64 n);
    // A string's characters as UTF-8, unquoted and unescaped (as QString::toUtf8()).
    void appendUtf8(QStringView text);
    // The compact JSON text of value; an undefined value writes nothing.
    void appendValue(const QJsonValue &value);

    qsizetype size() const { return m_cursor - m_begin; }
    QByteArray toByteArray() const { return size() ? QByteArray(m_begin, size()) : QByteArray(); }

    // toJsonText's one-shot form.
    static QByteArray toJson(const QJsonValue &value);

private:
    void ensure(qsizetype n)
    {
        if (m_end - m_cursor < n)
            grow(n);
    }
    void grow(qsizetype n);
    void appendString(QStringView text);
    void appendDouble(double d);
    void appendMap(const QCborMap &map);
    void appendArray(const QCborArray &array);
    void appendElement(const QCborValueConstRef &value);

    char m_inline[InlineCapacity];
    std::unique_ptr<char[]> m_heap;
    char *m_begin = m_inline;
    char *m_cursor = m_inline;
    char *m_end = m_inline + InlineCapacity;
};

} // namespace TableTap
