// PrintDocument: building, plain text and its JSON form.
#include "printdocument.h"

#include <QJsonArray>

namespace TableTap {

namespace {

// A pair is stored as one Text block whose halves are split by this (never in clean text).
constexpr QChar PairSeparator(0x1f);

QString alignName(PrintBlock::Align a)
{
    switch (a) {
    case PrintBlock::Align::Center:
        return QStringLiteral("center");
    case PrintBlock::Align::Right:
        return QStringLiteral("right");
    case PrintBlock::Align::Left:
        break;
    }
    return QStringLiteral("left");
}

} // namespace

QString PrintDocument::cleanText(const QString &text)
{
    QString out;
    out.reserve(qMin<qsizetype>(text.size(), MaxTextChars));
    for (const QChar c : text) {
        if (out.size() >= MaxTextChars)
            break;
        const char16_t u = c.unicode();
        if (u == '\n' || u == '\r' || u == '\t') {
            out.append(QLatin1Char(' '));
            continue;
        }
        if (u < 0x20 || (u >= 0x7f && u <= 0x9f))
            continue;
        const QChar::Category cat = c.category();
        if (cat == QChar::Other_Format || cat == QChar::Other_Control
            || cat == QChar::Other_NotAssigned || cat == QChar::Other_PrivateUse
            || cat == QChar::Separator_Line || cat == QChar::Separator_Paragraph)
            continue;
        out.append(c);
    }
    return out;
}

PrintDocument &PrintDocument::text(const QString &line, bool bold, int size,
                                   PrintBlock::Align align)
{
    PrintBlock b;
    b.text = cleanText(line);
    b.bold = bold;
    b.size = qBound(1, size, 4);
    b.align = align;
    blocks.append(b);
    return *this;
}

PrintDocument &PrintDocument::pair(const QString &left, const QString &right, bool bold)
{
    PrintBlock b;
    b.text = cleanText(left) + PairSeparator + cleanText(right);
    b.bold = bold;
    blocks.append(b);
    return *this;
}

PrintDocument &PrintDocument::rule()
{
    PrintBlock b;
    b.kind = PrintBlock::Kind::Rule;
    blocks.append(b);
    return *this;
}

PrintDocument &PrintDocument::feed(int lines)
{
    PrintBlock b;
    b.kind = PrintBlock::Kind::Feed;
    b.lines = qBound(1, lines, 10);
    blocks.append(b);
    return *this;
}

PrintDocument &PrintDocument::qr(const QString &data)
{
    PrintBlock b;
    b.kind = PrintBlock::Kind::Qr;
    b.text = cleanText(data);
    b.align = PrintBlock::Align::Center;
    blocks.append(b);
    return *this;
}

QString PrintDocument::plainText() const
{
    QString out;
    for (const PrintBlock &b : blocks) {
        switch (b.kind) {
        case PrintBlock::Kind::Text:
            out += QString(b.text).replace(PairSeparator, QLatin1Char('\t')) + QLatin1Char('\n');
            break;
        case PrintBlock::Kind::Rule:
            out += QStringLiteral("--------\n");
            break;
        case PrintBlock::Kind::Feed:
            out += QString(b.lines, QLatin1Char('\n'));
            break;
        case PrintBlock::Kind::Qr:
            out += QStringLiteral("[QR %1]\n").arg(b.text);
            break;
        }
    }
    return out;
}

QJsonObject PrintDocument::toJson() const
{
    QJsonArray arr;
    for (const PrintBlock &b : blocks) {
        QJsonObject o;
        switch (b.kind) {
        case PrintBlock::Kind::Text:
            o.insert(QStringLiteral("text"), b.text);
            if (b.bold)
                o.insert(QStringLiteral("bold"), true);
            if (b.size != 1)
                o.insert(QStringLiteral("size"), b.size);
            if (b.align != PrintBlock::Align::Left)
                o.insert(QStringLiteral("align"), alignName(b.align));
            break;
        case PrintBlock::Kind::Rule:
            o.insert(QStringLiteral("rule"), true);
            break;
        case PrintBlock::Kind::Feed:
            o.insert(QStringLiteral("feed"), b.lines);
            break;
        case PrintBlock::Kind::Qr:
            o.insert(QStringLiteral("qr"), b.text);
            break;
        }
        arr.append(o);
    }
    return {{QStringLiteral("blocks"), arr}};
}

PrintDocument PrintDocument::fromJson(const QJsonObject &json)
{
    PrintDocument d;
    const QJsonArray arr = json.value(QStringLiteral("blocks")).toArray();
    for (const QJsonValue &v : arr) {
        if (d.blocks.size() >= MaxBlocks)
            break;
        const QJsonObject o = v.toObject();
        PrintBlock b;
        if (o.contains(QStringLiteral("text"))) {
            // Keep the pair separator, clean each half.
            const QStringList parts
                = o.value(QStringLiteral("text")).toString().split(PairSeparator);
            QStringList clean;
            for (const QString &p : parts.mid(0, 2))
                clean.append(cleanText(p));
            b.text = clean.join(PairSeparator);
            b.bold = o.value(QStringLiteral("bold")).toBool();
            b.size = qBound(1, o.value(QStringLiteral("size")).toInt(1), 4);
            const QString a = o.value(QStringLiteral("align")).toString();
            b.align = a == QLatin1String("center")  ? PrintBlock::Align::Center
                      : a == QLatin1String("right") ? PrintBlock::Align::Right
                                                    : PrintBlock::Align::Left;
        } else if (o.contains(QStringLiteral("rule"))) {
            b.kind = PrintBlock::Kind::Rule;
        } else if (o.contains(QStringLiteral("feed"))) {
            b.kind = PrintBlock::Kind::Feed;
            b.lines = qBound(1, o.value(QStringLiteral("feed")).toInt(1), 10);
        } else if (o.contains(QStringLiteral("qr"))) {
            b.kind = PrintBlock::Kind::Qr;
            b.align = PrintBlock::Align::Center;
            b.text = cleanText(o.value(QStringLiteral("qr")).toString());
        } else {
            continue;
        }
        d.blocks.append(b);
    }
    return d;
}

} // namespace TableTap
