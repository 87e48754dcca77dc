// ESC/POS, the command language of network receipt printers: a pure encoder (text in the
// printer's code page, bold, sizes, alignment, feed, cut, QR codes through GS ( k), the paper
// status request (DLE EOT 4) and its answer, and a decoder that turns bytes back into a readable
// description (tests, docs/samples/ticket.txt, debugging a printer). No I/O here.
#pragma once

#include "printdocument.h"

#include <QByteArray>
#include <QString>

namespace TableTap {

class EscPos final
{
public:
    // The character tables a printer is switched to with ESC t n (n is the value).
    enum class CodePage { Pc437 = 0, Wpc1252 = 16, Pc858 = 19 };
    enum class Align { Left = 0, Center = 1, Right = 2 };

    explicit EscPos(CodePage page = CodePage::Pc858)
        : m_page(page)
    {}

    // ESC @ and ESC t: the printer's defaults, then the code page.
    EscPos &init();
    // Text in the code page (see encodeText); no line break.
    EscPos &text(const QString &text);
    EscPos &line(const QString &text = {});
    EscPos &bold(bool on);
    // GS !: width and height multipliers, 1..8 each.
    EscPos &size(int width, int height);
    EscPos &align(Align a);
    // ESC d n
    EscPos &feed(int lines);
    // GS V 66 n: feed n lines and cut (partial cut where the cutter has one).
    EscPos &cut(bool partial = true);
    // GS ( k: model 2, module size 1..16, error correction M, store and print. Data longer than
    // MaxQrBytes is cut there.
    EscPos &qr(const QString &data, int moduleSize = 6);
    QByteArray bytes() const { return m_bytes; }

    static constexpr int MaxQrBytes = 700;

    // Text as bytes in the code page: control characters are never sent (they are dropped, as
    // PrintDocument::cleanText drops them), a character the page lacks becomes '?'.
    static QByteArray encodeText(const QString &text, CodePage page);
    // The document as printer bytes for a paper columns characters wide (at size 1).
    static QByteArray render(const PrintDocument &doc, CodePage page, int columns);

    // DLE EOT 4: "how is the paper roll?"; the answer is one byte.
    static QByteArray paperStatusRequest() { return QByteArrayLiteral("\x10\x04\x04"); }
    enum class Paper { Present, NearEnd, End, Invalid };
    static Paper paperFromStatus(char byte);

    // The bytes as text with commands in brackets ("[bold on]", "[size 2x2]", "[qr \"…\"]",
    // "[cut partial]", "[0x07]" for a byte that is no command we know), one printed line per
    // line. Never reads past the end; at most maxOutput characters (then "[…]").
    static QString decode(const QByteArray &bytes, CodePage page = CodePage::Pc858,
                          qsizetype maxOutput = 1 << 20);

private:
    CodePage m_page;
    QByteArray m_bytes;
};

} // namespace TableTap
