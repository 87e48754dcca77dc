// EscPos: encoder, code pages and the decoder.
#include "escpos.h"

#include <QHash>

namespace TableTap {

namespace {

constexpr char ESC = 0x1b;
constexpr char GS = 0x1d;
constexpr char DLE = 0x10;
constexpr char LF = 0x0a;

// Bytes 0x80..0xFF of each code page.
const char16_t *upperHalf(EscPos::CodePage page)
{
    static const char16_t pc858[] = u"\u00c7\u00fc\u00e9\u00e2\u00e4\u00e0\u00e5\u00e7\u00ea\u00eb"
                                    u"\u00e8\u00ef\u00ee\u00ec\u00c4\u00c5"
                                    u"\u00c9\u00e6\u00c6\u00f4\u00f6\u00f2\u00fb\u00f9\u00ff\u00d6"
                                    u"\u00dc\u00f8\u00a3\u00d8\u00d7\u0192"
                                    u"\u00e1\u00ed\u00f3\u00fa\u00f1\u00d1\u00aa\u00ba\u00bf\u00ae"
                                    u"\u00ac\u00bd\u00bc\u00a1\u00ab\u00bb"
                                    u"\u2591\u2592\u2593\u2502\u2524\u00c1\u00c2\u00c0\u00a9\u2563"
                                    u"\u2551\u2557\u255d\u00a2\u00a5\u2510"
                                    u"\u2514\u2534\u252c\u251c\u2500\u253c\u00e3\u00c3\u255a\u2554"
                                    u"\u2569\u2566\u2560\u2550\u256c\u00a4"
                                    u"\u00f0\u00d0\u00ca\u00cb\u00c8\u20ac\u00cd\u00ce\u00cf\u2518"
                                    u"\u250c\u2588\u2584\u00a6\u00cc\u2580"
                                    u"\u00d3\u00df\u00d4\u00d2\u00f5\u00d5\u00b5\u00fe\u00de\u00da"
                                    u"\u00db\u00d9\u00fd\u00dd\u00af\u00b4"
                                    u"\u00ad\u00b1\u2017\u00be\u00b6\u00a7\u00f7\u00b8\u00b0\u00a8"
                                    u"\u00b7\u00b9\u00b3\u00b2\u25a0\u00a0";
    static const char16_t pc437[] = u"\u00c7\u00fc\u00e9\u00e2\u00e4\u00e0\u00e5\u00e7\u00ea\u00eb"
                                    u"\u00e8\u00ef\u00ee\u00ec\u00c4\u00c5"
                                    u"\u00c9\u00e6\u00c6\u00f4\u00f6\u00f2\u00fb\u00f9\u00ff\u00d6"
                                    u"\u00dc\u00a2\u00a3\u00a5\u20a7\u0192"
                                    u"\u00e1\u00ed\u00f3\u00fa\u00f1\u00d1\u00aa\u00ba\u00bf\u2310"
                                    u"\u00ac\u00bd\u00bc\u00a1\u00ab\u00bb"
                                    u"\u2591\u2592\u2593\u2502\u2524\u2561\u2562\u2556\u2555\u2563"
                                    u"\u2551\u2557\u255d\u255c\u255b\u2510"
                                    u"\u2514\u2534\u252c\u251c\u2500\u253c\u255e\u255f\u255a\u2554"
                                    u"\u2569\u2566\u2560\u2550\u256c\u2567"
                                    u"\u2568\u2564\u2565\u2559\u2558\u2552\u2553\u256b\u256a\u2518"
                                    u"\u250c\u2588\u2584\u258c\u2590\u2580"
                                    u"\u03b1\u00df\u0393\u03c0\u03a3\u03c3\u00b5\u03c4\u03a6\u0398"
                                    u"\u03a9\u03b4\u221e\u03c6\u03b5\u2229"
                                    u"\u2261\u00b1\u2265\u2264\u2320\u2321\u00f7\u2248\u00b0\u2219"
                                    u"\u00b7\u221a\u207f\u00b2\u25a0\u00a0";
    // WPC1252: 0x80..0x9F as Windows-1252 (U+FFFD where it has nothing), then Latin-1.
    static const char16_t wpc1252[]
        = {0x20ac, 0xfffd, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160,
           0x2039, 0x0152, 0xfffd, 0x017d, 0xfffd, 0xfffd, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022,
           0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0xfffd, 0x017e, 0x0178, 0x00a0,
           0x00a1, 0x00a2, 0x00a3, 0x00a4, 0x00a5, 0x00a6, 0x00a7, 0x00a8, 0x00a9, 0x00aa, 0x00ab,
           0x00ac, 0x00ad, 0x00ae, 0x00af, 0x00b0, 0x00b1, 0x00b2, 0x00b3, 0x00b4, 0x00b5, 0x00b6,
           0x00b7, 0x00b8, 0x00b9, 0x00ba, 0x00bb, 0x00bc, 0x00bd, 0x00be, 0x00bf, 0x00c0, 0x00c1,
           0x00c2, 0x00c3, 0x00c4, 0x00c5, 0x00c6, 0x00c7, 0x00c8, 0x00c9, 0x00ca, 0x00cb, 0x00cc,
           0x00cd, 0x00ce, 0x00cf, 0x00d0, 0x00d1, 0x00d2, 0x00d3, 0x00d4, 0x00d5, 0x00d6, 0x00d7,
           0x00d8, 0x00d9, 0x00da, 0x00db, 0x00dc, 0x00dd, 0x00de, 0x00df, 0x00e0, 0x00e1, 0x00e2,
           0x00e3, 0x00e4, 0x00e5, 0x00e6, 0x00e7, 0x00e8, 0x00e9, 0x00ea, 0x00eb, 0x00ec, 0x00ed,
           0x00ee, 0x00ef, 0x00f0, 0x00f1, 0x00f2, 0x00f3, 0x00f4, 0x00f5, 0x00f6, 0x00f7, 0x00f8,
           0x00f9, 0x00fa, 0x00fb, 0x00fc, 0x00fd, 0x00fe, 0x00ff};
    switch (page) {
    case EscPos::CodePage::Pc437:
        return pc437;
    case EscPos::CodePage::Wpc1252:
        return wpc1252;
    case EscPos::CodePage::Pc858:
        break;
    }
    return pc858;
}

const QHash<char16_t, char> &reverseTable(EscPos::CodePage page)
{
    auto build = [](EscPos::CodePage p) {
        QHash<char16_t, char> h;
        const char16_t *t = upperHalf(p);
        for (int i = 0; i < 128; ++i)
            if (t[i] != 0xfffd)
                h.insert(t[i], char(0x80 + i));
        return h;
    };
    static const QHash<char16_t, char> h437 = build(EscPos::CodePage::Pc437);
    static const QHash<char16_t, char> h858 = build(EscPos::CodePage::Pc858);
    static const QHash<char16_t, char> h1252 = build(EscPos::CodePage::Wpc1252);
    switch (page) {
    case EscPos::CodePage::Pc437:
        return h437;
    case EscPos::CodePage::Wpc1252:
        return h1252;
    case EscPos::CodePage::Pc858:
        break;
    }
    return h858;
}

QString hexByte(uchar b)
{
    return QStringLiteral("[0x%1]").arg(b, 2, 16, QLatin1Char('0'));
}

} // namespace

QByteArray EscPos::encodeText(const QString &text, CodePage page)
{
    const QString clean = PrintDocument::cleanText(text);
    const QHash<char16_t, char> &table = reverseTable(page);
    QByteArray out;
    out.reserve(clean.size());
    for (const QChar c : clean) {
        const char16_t u = c.unicode();
        if (u >= 0x20 && u < 0x7f)
            out.append(char(u));
        else if (const auto it = table.constFind(u); it != table.cend())
            out.append(it.value());
        else if (!c.isLowSurrogate()) // a pair is one character, one '?'
            out.append('?');
    }
    return out;
}

EscPos &EscPos::init()
{
    m_bytes.append(ESC).append('@');
    m_bytes.append(ESC).append('t').append(char(int(m_page)));
    return *this;
}

EscPos &EscPos::text(const QString &text)
{
    m_bytes.append(encodeText(text, m_page));
    return *this;
}

EscPos &EscPos::line(const QString &t)
{
    text(t);
    m_bytes.append(LF);
    return *this;
}

EscPos &EscPos::bold(bool on)
{
    m_bytes.append(ESC).append('E').append(char(on ? 1 : 0));
    return *this;
}

EscPos &EscPos::size(int width, int height)
{
    const int w = qBound(1, width, 8) - 1;
    const int h = qBound(1, height, 8) - 1;
    m_bytes.append(GS).append('!').append(char((w << 4) | h));
    return *this;
}

EscPos &EscPos::align(Align a)
{
    m_bytes.append(ESC).append('a').append(char(int(a)));
    return *this;
}

EscPos &EscPos::feed(int lines)
{
    m_bytes.append(ESC).append('d').append(char(qBound(0, lines, 255)));
    return *this;
}

EscPos &EscPos::cut(bool partial)
{
    m_bytes.append(GS).append('V').append(char(partial ? 66 : 65)).append(char(3));
    return *this;
}

EscPos &EscPos::qr(const QString &data, int moduleSize)
{
    const QByteArray payload = encodeText(data, m_page).left(MaxQrBytes);
    auto fn = [this](const QByteArray &body) {
        m_bytes.append(GS).append('(').append('k');
        m_bytes.append(char(body.size() & 0xff)).append(char((body.size() >> 8) & 0xff));
        m_bytes.append(body);
    };
    fn(QByteArrayLiteral("\x31\x41\x32\x00"));                             // model 2
    fn(QByteArray("\x31\x43", 2).append(char(qBound(1, moduleSize, 16)))); // module size
    fn(QByteArrayLiteral("\x31\x45\x31"));                                 // error correction M
    fn(QByteArrayLiteral("\x31\x50\x30") + payload);                       // store
    fn(QByteArrayLiteral("\x31\x51\x30"));                                 // print
    return *this;
}

QByteArray EscPos::render(const PrintDocument &doc, CodePage page, int columns)
{
    columns = qBound(16, columns, 96);
    EscPos p(page);
    p.init();
    for (const PrintBlock &b : doc.blocks) {
        switch (b.kind) {
        case PrintBlock::Kind::Text: {
            const int sep = int(b.text.indexOf(QChar(0x1f)));
            p.align(Align(int(b.align)));
            if (b.bold)
                p.bold(true);
            if (b.size != 1)
                p.size(b.size, b.size);
            if (sep >= 0) {
                const QString left = b.text.left(sep);
                const QString right = b.text.mid(sep + 1);
                const int pad = qMax(1, columns - int(left.size()) - int(right.size()));
                p.line(left + QString(pad, QLatin1Char(' ')) + right);
            } else {
                p.line(b.text);
            }
            if (b.size != 1)
                p.size(1, 1);
            if (b.bold)
                p.bold(false);
            break;
        }
        case PrintBlock::Kind::Rule:
            p.align(Align::Left).line(QString(columns, QLatin1Char('-')));
            break;
        case PrintBlock::Kind::Feed:
            p.feed(b.lines);
            break;
        case PrintBlock::Kind::Qr:
            p.align(Align::Center).qr(b.text).line();
            break;
        }
    }
    p.align(Align::Left).cut(true);
    return p.bytes();
}

EscPos::Paper EscPos::paperFromStatus(char byte)
{
    const uchar b = uchar(byte);
    // Bit 1 set and bits 0, 4 and 7 clear mark a status byte; 5-6: roll end, 2-3: near end.
    if ((b & 0x93) != 0x12)
        return Paper::Invalid;
    if (b & 0x60)
        return Paper::End;
    if (b & 0x0c)
        return Paper::NearEnd;
    return Paper::Present;
}

QString EscPos::decode(const QByteArray &bytes, CodePage page, qsizetype maxOutput)
{
    QString out;
    const char16_t *upper = upperHalf(page);
    const qsizetype n = bytes.size();
    auto at = [&](qsizetype i) {
        return uchar(bytes.at(i));
    };
    qsizetype i = 0;
    while (i < n) {
        if (out.size() > maxOutput) {
            out += QStringLiteral("[…]");
            break;
        }
        const uchar b = at(i);
        if (b == 0x0a) {
            out += QLatin1Char('\n');
            ++i;
        } else if (b >= 0x20 && b < 0x7f) {
            out += QLatin1Char(char(b));
            ++i;
        } else if (b >= 0x80) {
            out += QChar(upper[b - 0x80]);
            ++i;
        } else if (b == uchar(ESC) && i + 1 < n) {
            const uchar c = at(i + 1);
            if (c == '@') {
                out += QStringLiteral("[init]");
                i += 2;
            } else if ((c == 't' || c == 'E' || c == 'a' || c == 'd') && i + 2 < n) {
                const uchar v = at(i + 2);
                if (c == 't')
                    out += QStringLiteral("[codepage %1]").arg(v);
                else if (c == 'E')
                    out += (v & 1) ? QStringLiteral("[bold on]") : QStringLiteral("[bold off]");
                else if (c == 'a')
                    out += QStringLiteral("[align %1]")
                               .arg(v == 1 || v == '1'   ? QStringLiteral("center")
                                    : v == 2 || v == '2' ? QStringLiteral("right")
                                                         : QStringLiteral("left"));
                else
                    out += QStringLiteral("[feed %1]").arg(v);
                i += 3;
            } else {
                out += QStringLiteral("[ESC 0x%1]").arg(c, 2, 16, QLatin1Char('0'));
                i += 2;
            }
        } else if (b == uchar(GS) && i + 1 < n) {
            const uchar c = at(i + 1);
            if (c == '!' && i + 2 < n) {
                const uchar v = at(i + 2);
                out += QStringLiteral("[size %1x%2]").arg((v >> 4) + 1).arg((v & 0x0f) + 1);
                i += 3;
            } else if (c == 'V' && i + 2 < n) {
                const uchar m = at(i + 2);
                const bool partial = m == 1 || m == 49 || m == 66;
                out += partial ? QStringLiteral("[cut partial]") : QStringLiteral("[cut]");
                i += (m == 65 || m == 66) ? 4 : 3;
            } else if (c == '(' && i + 4 < n && at(i + 2) == 'k') {
                const qsizetype len = at(i + 3) | (qsizetype(at(i + 4)) << 8);
                const qsizetype start = i + 5;
                if (start + len > n) {
                    out += QStringLiteral("[truncated GS ( k]");
                    break;
                }
                const QByteArray body = bytes.mid(start, len);
                if (body.size() >= 2 && uchar(body.at(0)) == 0x31) {
                    const uchar fn = uchar(body.at(1));
                    if (fn == 0x41)
                        out += QStringLiteral("[qr model %1]")
                                   .arg(body.size() > 2 ? uchar(body.at(2)) - 0x30 : 0);
                    else if (fn == 0x43)
                        out += QStringLiteral("[qr size %1]")
                                   .arg(body.size() > 2 ? uchar(body.at(2)) : 0);
                    else if (fn == 0x45)
                        out += QStringLiteral("[qr ecc %1]")
                                   .arg(body.size() > 2 ? QChar(QLatin1Char(
                                            "LMQH"[qBound(0, uchar(body.at(2)) - 0x30, 3)]))
                                                        : QChar(QLatin1Char('?')));
                    else if (fn == 0x50) {
                        QString data;
                        for (const char ch : body.mid(3))
                            data += (uchar(ch) >= 0x20 && uchar(ch) < 0x7f)
                                        ? QString(QLatin1Char(ch))
                                        : hexByte(uchar(ch));
                        out += QStringLiteral("[qr data \"%1\"]").arg(data);
                    } else if (fn == 0x51)
                        out += QStringLiteral("[qr print]");
                    else
                        out += QStringLiteral("[qr fn 0x%1]").arg(fn, 2, 16, QLatin1Char('0'));
                } else {
                    out += QStringLiteral("[GS ( k %1 bytes]").arg(len);
                }
                i = start + len;
            } else {
                out += QStringLiteral("[GS 0x%1]").arg(c, 2, 16, QLatin1Char('0'));
                i += 2;
            }
        } else if (b == uchar(DLE) && i + 2 < n && at(i + 1) == 0x04) {
            out += QStringLiteral("[status request %1]").arg(at(i + 2));
            i += 3;
        } else {
            out += hexByte(b);
            ++i;
        }
    }
    return out;
}

} // namespace TableTap
