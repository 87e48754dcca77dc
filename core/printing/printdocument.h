// What a printout says, independent of the printer: lines of text with their style, a QR code,
// feeds and a cut. Layouts build it; EscPos turns it into printer bytes, SystemPrinter into a
// page. Jobs keep it (toJson) so a reprint or a restart prints exactly the same thing.
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace TableTap {

struct PrintBlock
{
    enum class Kind { Text, Rule, Feed, Qr };
    enum class Align { Left, Center, Right };
    Kind kind = Kind::Text;
    QString text; // Text: one line (wrapped by the printer); Qr: the data
    bool bold = false;
    int size = 1; // 1..4: character width and height multiplier
    Align align = Align::Left;
    int lines = 1; // Feed
};

struct PrintDocument
{
    // Bounds on a document read back from disk or built from network text.
    static constexpr int MaxBlocks = 2000;
    static constexpr int MaxTextChars = 512;

    QList<PrintBlock> blocks;

    PrintDocument &text(const QString &line, bool bold = false, int size = 1,
                        PrintBlock::Align align = PrintBlock::Align::Left);
    // Left text and right text on one line (prices), padded to the printer's width.
    PrintDocument &pair(const QString &left, const QString &right, bool bold = false);
    PrintDocument &rule();
    PrintDocument &feed(int lines = 1);
    PrintDocument &qr(const QString &data);

    // The document's lines as plain text (the pair's halves apart by a tab; PDF and tests).
    QString plainText() const;

    QJsonObject toJson() const;
    // Unknown kinds are skipped, sizes and lengths clamped, at most MaxBlocks blocks.
    static PrintDocument fromJson(const QJsonObject &o);

    // Network text made safe to print: control characters (C0, DEL, C1) and Unicode format
    // characters (bidi overrides, zero-width) become nothing, line breaks and tabs a space, and
    // the result is cut at MaxTextChars.
    static QString cleanText(const QString &text);
};

} // namespace TableTap
