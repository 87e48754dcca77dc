// Text from the network is data, never markup: the one place that decides how the console shows
// names, notes, reasons and error messages from a hub. QLabel, QToolTip and Qt Charts take any
// text that looks like HTML for HTML (an <img src=/dev/zero> read until the console aborted), and
// an unclosed bidi override in a name reverses the words after it; these functions stop both.
#pragma once

#include <QString>

class QLabel;
class QWidget;

namespace TableTap {

class PlainText
{
public:
    // A piece of remote text to put inside our own words: the explicit bidi controls
    // (embeddings, overrides, isolates, U+202A-U+202E, U+2066-U+2069) removed, and when
    // right-to-left letters remain, the whole of it wrapped in a first-strong isolate
    // (U+2068 ... U+2069), so it can reorder neither itself into a spoof nor the words around it.
    static QString display(const QString &remote);
    // display(), escaped for markup we build (QTextBrowser, rich labels, chart labels).
    static QString escaped(const QString &remote);
    // A whole text for a plain widget: only the explicit bidi controls removed (remote pieces
    // that were not passed through display() can no longer reorder the rest).
    static QString neutralised(const QString &text);

    // Makes a label show its text as it is, whatever it looks like.
    static void makePlain(QLabel *label);
    // makePlain() and neutralised text.
    static void setText(QLabel *label, const QString &text);
    // A new plain label.
    static QLabel *label(const QString &text, QWidget *parent);

    // A tooltip that shows text literally (QToolTip renders what Qt::mightBeRichText likes).
    static QString toolTip(const QString &text);
    // Button, action and tab texts: an '&' in remote text is shown, not taken for a mnemonic.
    static QString mnemonicSafe(const QString &remote);
    // Window titles: neutralised, and Qt's "[*]" modified-marker placeholder shown as typed.
    static QString windowTitle(const QString &text);

    // Embeddings, overrides, isolates and their terminators (by Unicode's bidi class).
    static bool isExplicitBidiControl(char32_t c);
};

} // namespace TableTap
