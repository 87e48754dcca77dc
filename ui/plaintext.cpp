// PlainText: remote text shown as text.
#include "plaintext.h"

#include <QLabel>
#include <QTextDocument>

namespace TableTap {

bool PlainText::isExplicitBidiControl(char32_t c)
{
    switch (QChar::direction(c)) {
    case QChar::DirLRE:
    case QChar::DirLRO:
    case QChar::DirRLE:
    case QChar::DirRLO:
    case QChar::DirPDF:
    case QChar::DirLRI:
    case QChar::DirRLI:
    case QChar::DirFSI:
    case QChar::DirPDI:
        return true;
    default:
        return false;
    }
}

namespace {
// The text without explicit bidi controls; rightToLeft says whether strong right-to-left
// characters remain (letters of Hebrew, Arabic ..., or the RLM and ALM marks).
QString withoutBidiControls(const QString &text, bool *rightToLeft = nullptr)
{
    QString out;
    out.reserve(text.size());
    bool rtl = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        char32_t c = text.at(i).unicode();
        qsizetype units = 1;
        if (QChar::isHighSurrogate(c) && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            c = QChar::surrogateToUcs4(text.at(i), text.at(i + 1));
            units = 2;
        }
        if (!PlainText::isExplicitBidiControl(c)) {
            const QChar::Direction d = QChar::direction(c);
            rtl = rtl || d == QChar::DirR || d == QChar::DirAL;
            out += QStringView(text).mid(i, units);
        }
        i += units - 1;
    }
    if (rightToLeft)
        *rightToLeft = rtl;
    return out;
}
} // namespace

QString PlainText::display(const QString &remote)
{
    bool rightToLeft = false;
    const QString clean = withoutBidiControls(remote, &rightToLeft);
    if (!rightToLeft)
        return clean;
    // FIRST STRONG ISOLATE ... POP DIRECTIONAL ISOLATE: the name keeps its own direction and
    // the text around it keeps the paragraph's.
    return QChar(0x2068) + clean + QChar(0x2069);
}

QString PlainText::escaped(const QString &remote)
{
    return display(remote).toHtmlEscaped();
}

QString PlainText::neutralised(const QString &text)
{
    return withoutBidiControls(text);
}

void PlainText::makePlain(QLabel *label)
{
    label->setTextFormat(Qt::PlainText);
}

void PlainText::setText(QLabel *label, const QString &text)
{
    makePlain(label);
    label->setText(neutralised(text));
}

QLabel *PlainText::label(const QString &text, QWidget *parent)
{
    auto *l = new QLabel(parent);
    setText(l, text);
    return l;
}

QString PlainText::toolTip(const QString &text)
{
    if (text.isEmpty())
        return {};
    // Escaped and wrapped in a paragraph: rich text that renders as the literal text, whatever
    // Qt::mightBeRichText would have guessed.
    return Qt::convertFromPlainText(neutralised(text), Qt::WhiteSpaceNormal);
}

QString PlainText::mnemonicSafe(const QString &remote)
{
    return display(remote).replace(QLatin1Char('&'), QStringLiteral("&&"));
}

QString PlainText::windowTitle(const QString &text)
{
    // Qt drops a single "[*]" (or turns it into the modified marker); a doubled one shows.
    return neutralised(text).replace(QStringLiteral("[*]"), QStringLiteral("[*][*]"));
}

} // namespace TableTap
