// Ticket text that wraps anywhere when it must.
#include "tickettext.h"

#include <QEvent>
#include <QPainter>
#include <QTextLayout>

namespace TableTap {

namespace {
QTextOption option(Qt::Alignment alignment)
{
    QTextOption o(alignment);
    o.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    return o;
}

// The height of the text laid out in this width, the way paintEvent draws it.
qreal layoutHeight(const QString &text, const QFont &font, qreal width, Qt::Alignment alignment)
{
    QString shown = text;
    shown.replace(u'\n', QChar::LineSeparator);
    QTextLayout layout(shown, font);
    layout.setTextOption(option(alignment));
    layout.beginLayout();
    qreal height = 0;
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(qMax<qreal>(1, width));
        line.setPosition(QPointF(0, height));
        height += line.height();
    }
    layout.endLayout();
    return height;
}
} // namespace

TicketText::TicketText(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    // Presses go through to the tile (tap to select, swipe to bump).
    setAttribute(Qt::WA_TransparentForMouseEvents);
}

void TicketText::setText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    setAccessibleName(text);
    setVisible(!text.isEmpty());
    updateGeometry();
    update();
}

void TicketText::setAlignment(Qt::Alignment alignment)
{
    m_alignment = alignment;
    update();
}

void TicketText::setColours(const QColor &text, const QColor &background)
{
    m_colour = text;
    m_background = background;
    update();
}

void TicketText::setPadding(int pixels)
{
    m_padding = pixels;
    updateGeometry();
}

int TicketText::heightForWidth(int width) const
{
    if (m_text.isEmpty())
        return 0;
    return qCeil(layoutHeight(m_text, font(), width - 2 * m_padding, m_alignment));
}

QSize TicketText::sizeHint() const
{
    // As wide as the text on one line, but never wider than a screen's worth of characters:
    // the layout gives it the tile's width and the height follows from that.
    const QFontMetrics fm = fontMetrics();
    int w = 0;
    for (const QString &line : m_text.split(u'\n'))
        w = qMax(w, fm.horizontalAdvance(line));
    w = qMin(w, fm.averageCharWidth() * 40) + 2 * m_padding;
    return {w, heightForWidth(w)};
}

QSize TicketText::minimumSizeHint() const
{
    const QFontMetrics fm = fontMetrics();
    return {qMin(fm.averageCharWidth() * 4, sizeHint().width()), fm.height()};
}

void TicketText::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange)
        updateGeometry();
    QWidget::changeEvent(event);
}

void TicketText::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    if (m_background.isValid())
        p.fillRect(rect(), m_background);
    p.setPen(m_colour);
    QString shown = m_text;
    shown.replace(u'\n', QChar::LineSeparator);
    p.drawText(QRectF(rect()).adjusted(m_padding, 0, -m_padding, 0), shown, option(m_alignment));
}

} // namespace TableTap
