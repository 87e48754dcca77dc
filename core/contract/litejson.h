// LiteJson: a JSON text read into a flat list of nodes over its own bytes, without building
// Qt's QJsonObject tree. The console's decode path reads event envelopes with it (the typed
// CafeEvent is mapped straight from these nodes). Strings are decoded only when asked for; an
// object's members stay in the order they were sent and a lookup takes the last of equal keys,
// as QJsonObject does.
//
// The grammar is RFC 8259's (what JSON.parse takes): one value of any type with whitespace
// around it, no trailing commas, no leading zeros, no "1." or ".5", no control characters in
// strings, valid UTF-8 only, no number beyond a double's range, nesting at most 1024 deep.
// parse() never throws and reads only within the bytes it is given.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QJsonValue>
#include <QLatin1String>
#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

namespace TableTap {

class LiteJsonValue;

class LiteJson
{
public:
    enum class Type : std::uint8_t { Null, False, True, Number, String, Array, Object };
    static constexpr int MaxDepth = 1024;

    struct Node
    {
        Type type = Type::Null;
        bool escaped = false;    // a string holding backslash escapes
        std::uint32_t end = 0;   // one past the last node of this value's subtree
        std::uint32_t pos = 0;   // strings: the bytes between the quotes
        std::uint32_t len = 0;   //
        std::uint32_t count = 0; // arrays: elements; objects: members
        double number = 0;
    };

    LiteJson() = default;
    // The whole of text is one JSON value (the text is kept: a QByteArray is shared, not copied).
    static std::optional<LiteJson> parse(const QByteArray &text);
    // The value at [offset, text.size()).
    static std::optional<LiteJson> parse(const QByteArray &text, qsizetype offset);

    LiteJsonValue root() const;
    const std::vector<Node> &nodes() const { return m_nodes; }
    const QByteArray &text() const { return m_text; }

private:
    friend class LiteJsonValue;
    friend class LiteJsonObject;
    friend class LiteJsonArray;
    QByteArray m_text;
    std::vector<Node> m_nodes;
};

class LiteJsonObject;
class LiteJsonArray;

// A value inside a LiteJson (which must outlive it); a default one is undefined (a missing key).
// The reading functions are QJsonValue's, so code written for one reads the other.
class LiteJsonValue
{
public:
    LiteJsonValue() = default;
    LiteJsonValue(const LiteJson *doc, std::uint32_t index)
        : m_doc(doc)
        , m_index(index)
    {}

    bool isUndefined() const { return !m_doc; }
    bool isNull() const { return type() == LiteJson::Type::Null && m_doc; }
    bool isBool() const
    {
        return m_doc && (type() == LiteJson::Type::True || type() == LiteJson::Type::False);
    }
    bool isDouble() const { return m_doc && type() == LiteJson::Type::Number; }
    bool isString() const { return m_doc && type() == LiteJson::Type::String; }
    bool isArray() const { return m_doc && type() == LiteJson::Type::Array; }
    bool isObject() const { return m_doc && type() == LiteJson::Type::Object; }

    bool toBool(bool defaultValue = false) const;
    double toDouble(double defaultValue = 0) const;
    QString toString() const;
    QString toString(const QString &defaultValue) const;
    LiteJsonObject toObject() const;
    LiteJsonArray toArray() const;
    // The same value as Qt's tree (for the rare reader that wants a QVariant or the whole tree).
    QJsonValue toJsonValue() const;
    QVariant toVariant() const { return toJsonValue().toVariant(); }
    // A string equal to key, compared without decoding when it holds no escapes.
    bool equals(QLatin1String key) const;

private:
    friend class LiteJsonObject;
    friend class LiteJsonArray;
    LiteJson::Type type() const { return m_doc ? node().type : LiteJson::Type::Null; }
    const LiteJson::Node &node() const { return m_doc->m_nodes[m_index]; }
    const LiteJson *m_doc = nullptr;
    std::uint32_t m_index = 0;
};

class LiteJsonArray
{
public:
    class const_iterator
    {
    public:
        const_iterator(const LiteJson *doc, std::uint32_t index)
            : m_doc(doc)
            , m_index(index)
        {}
        LiteJsonValue operator*() const { return {m_doc, m_index}; }
        const_iterator &operator++()
        {
            m_index = m_doc->nodes()[m_index].end;
            return *this;
        }
        bool operator!=(const const_iterator &o) const { return m_index != o.m_index; }
        bool operator==(const const_iterator &o) const { return m_index == o.m_index; }

    private:
        const LiteJson *m_doc;
        std::uint32_t m_index;
    };

    LiteJsonArray() = default; // empty
    LiteJsonArray(const LiteJson *doc, std::uint32_t index)
        : m_doc(doc)
        , m_index(index)
    {}
    qsizetype size() const { return m_doc ? m_doc->m_nodes[m_index].count : 0; }
    bool isEmpty() const { return size() == 0; }
    LiteJsonValue at(qsizetype i) const;
    LiteJsonValue first() const { return at(0); }
    const_iterator begin() const
    {
        return m_doc ? const_iterator(m_doc, m_index + 1) : const_iterator(nullptr, 0);
    }
    const_iterator end() const
    {
        return m_doc ? const_iterator(m_doc, m_doc->m_nodes[m_index].end)
                     : const_iterator(nullptr, 0);
    }

private:
    const LiteJson *m_doc = nullptr;
    std::uint32_t m_index = 0;
};

class LiteJsonObject
{
public:
    LiteJsonObject() = default; // empty
    LiteJsonObject(const LiteJson *doc, std::uint32_t index)
        : m_doc(doc)
        , m_index(index)
    {}
    qsizetype size() const { return m_doc ? m_doc->m_nodes[m_index].count : 0; }
    bool isEmpty() const { return size() == 0; }
    // The last member named key, undefined when there is none.
    LiteJsonValue value(QLatin1String key) const;
    bool contains(QLatin1String key) const { return !value(key).isUndefined(); }
    // Members in the order sent: the key's node index, then its value's.
    template<class F>
    void forEach(F &&f) const
    {
        if (!m_doc)
            return;
        std::uint32_t i = m_index + 1;
        const std::uint32_t stop = m_doc->m_nodes[m_index].end;
        while (i < stop) {
            const std::uint32_t v = i + 1;
            f(LiteJsonValue(m_doc, i), LiteJsonValue(m_doc, v));
            i = m_doc->m_nodes[v].end;
        }
    }
    QJsonObject toJsonObject() const;
    QVariantHash toVariantHash() const { return toJsonObject().toVariantHash(); }

private:
    const LiteJson *m_doc = nullptr;
    std::uint32_t m_index = 0;
};

} // namespace TableTap
