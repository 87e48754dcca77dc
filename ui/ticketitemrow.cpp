// A ticket's item line.
#include "ticketitemrow.h"

#include "plaintext.h"

#include <QEvent>
#include <QPainter>
#include <QPainterPath>

namespace TableTap {

namespace {
constexpr int Flags = Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop;
} // namespace

TicketItemRow::TicketItemRow(QWidget *parent)
    : QAbstractButton(parent)
{
    setCheckable(true);
    // The display's keys drive it; a row that took focus would swallow the bump key (Space).
    setFocusPolicy(Qt::NoFocus);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);
    connect(this, &QAbstractButton::toggled, this, [this] {
        updateAccessibility();
        update();
    });
}

void TicketItemRow::setItem(const QString &itemId, const QString &title,
                            const QStringList &customizations)
{
    if (m_itemId == itemId && m_title == title && m_customizations == customizations)
        return;
    m_itemId = itemId;
    m_title = PlainText::display(title);
    m_customizations.clear();
    for (const QString &c : customizations)
        m_customizations.append(PlainText::display(c));
    updateAccessibility();
    updateGeometry();
    update();
}

void TicketItemRow::setColours(const QColor &text, const QColor &muted, const QColor &tick)
{
    m_text = text;
    m_muted = muted;
    m_tick = tick;
    update();
}

void TicketItemRow::setMinimumTouchHeight(int pixels)
{
    m_touch = pixels;
    updateGeometry();
}

int TicketItemRow::boxSize() const
{
    return fontMetrics().height();
}

QString TicketItemRow::detailText() const
{
    QStringList lines;
    for (const QString &c : m_customizations)
        lines.append(QStringLiteral("+ ") + c);
    return lines.join(u'\n');
}

int TicketItemRow::heightForWidth(int width) const
{
    const QFontMetrics fm = fontMetrics();
    const int textWidth = qMax(1, width - boxSize() - fm.averageCharWidth());
    int h = fm.boundingRect(QRect(0, 0, textWidth, 100000), Flags, m_title).height();
    if (!m_customizations.isEmpty()) {
        QFont small = font();
        small.setPointSizeF(font().pointSizeF() * 0.85);
        h += QFontMetrics(small)
                 .boundingRect(QRect(0, 0, textWidth, 100000), Flags, detailText())
                 .height();
    }
    return qMax(m_touch, h + fm.descent());
}

QSize TicketItemRow::sizeHint() const
{
    const int w = fontMetrics().averageCharWidth() * 24;
    return {w, heightForWidth(w)};
}

QSize TicketItemRow::minimumSizeHint() const
{
    return {boxSize() * 3, m_touch};
}

void TicketItemRow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange)
        updateGeometry();
    QAbstractButton::changeEvent(event);
}

void TicketItemRow::updateAccessibility()
{
    QString name = m_title;
    if (!m_customizations.isEmpty())
        name += QStringLiteral(" (") + m_customizations.join(QStringLiteral(", ")) + u')';
    setAccessibleName(isChecked() ? tr("%1, made").arg(name) : name);
    setAccessibleDescription(isEnabled() ? tr("Tap to mark it made or not made") : QString());
}

void TicketItemRow::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QFontMetrics fm = fontMetrics();
    const int box = boxSize();
    const int gap = fm.averageCharWidth();
    const QRect boxRect(0, (qMin(height(), fm.height() + fm.descent()) - box) / 2, box, box);
    // Ticked items are struck through and dimmed; the box stays, so a tick can be undone.
    p.setPen(QPen(isChecked() ? m_tick : m_muted, qMax(2, box / 10)));
    p.setBrush(isChecked() ? m_tick : Qt::transparent);
    p.drawRoundedRect(boxRect.adjusted(2, 2, -2, -2), box / 6.0, box / 6.0);
    if (isChecked()) {
        QPainterPath tick;
        tick.moveTo(boxRect.left() + box * 0.25, boxRect.top() + box * 0.52);
        tick.lineTo(boxRect.left() + box * 0.43, boxRect.top() + box * 0.72);
        tick.lineTo(boxRect.left() + box * 0.77, boxRect.top() + box * 0.30);
        p.setPen(QPen(QColor(Qt::white), qMax(2, box / 8), Qt::SolidLine, Qt::RoundCap));
        p.setBrush(Qt::NoBrush);
        p.drawPath(tick);
    }
    const QRect text(box + gap, 0, width() - box - gap, height());
    QFont f = font();
    f.setStrikeOut(isChecked());
    p.setFont(f);
    p.setPen(isChecked() ? m_muted : m_text);
    QRect used;
    p.drawText(text, Flags, m_title, &used);
    if (!m_customizations.isEmpty()) {
        QFont small = f;
        small.setPointSizeF(f.pointSizeF() * 0.85);
        p.setFont(small);
        p.setPen(m_muted);
        p.drawText(text.adjusted(0, used.height(), 0, 0), Flags, detailText());
    }
}

} // namespace TableTap
