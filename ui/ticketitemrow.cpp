// A ticket's item line.
#include "ticketitemrow.h"

#include "plaintext.h"
#include "tickettext.h"

#include <QEvent>
#include <QPainter>
#include <QPainterPath>
#include <QVBoxLayout>

namespace TableTap {

TicketItemRow::TicketItemRow(QWidget *parent)
    : QAbstractButton(parent)
    , m_layout(new QVBoxLayout(this))
    , m_titleText(new TicketText(this))
    , m_detailText(new TicketText(this))
{
    setCheckable(true);
    // The display's keys drive it; a row that took focus would swallow the bump key (Space).
    setFocusPolicy(Qt::NoFocus);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);
    m_layout->setSpacing(0);
    m_layout->addWidget(m_titleText);
    m_layout->addWidget(m_detailText);
    m_detailText->hide();
    connect(this, &QAbstractButton::toggled, this, [this] {
        updateAccessibility();
        updateLook();
    });
    updateLook();
}

void TicketItemRow::setItem(const QString &itemId, const QString &title,
                            const QStringList &customizations)
{
    if (m_itemId == itemId && m_title == title && m_customizations == customizations)
        return;
    m_itemId = itemId;
    m_title = PlainText::display(title);
    m_customizations.clear();
    QStringList lines;
    for (const QString &c : customizations) {
        m_customizations.append(PlainText::display(c));
        lines.append(QStringLiteral("+ ") + m_customizations.last());
    }
    m_titleText->setText(m_title);
    m_detailText->setText(lines.join(u'\n'));
    updateAccessibility();
    updateGeometry();
    update();
}

void TicketItemRow::setColours(const QColor &text, const QColor &muted, const QColor &tick)
{
    m_text = text;
    m_muted = muted;
    m_tick = tick;
    updateLook();
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

int TicketItemRow::heightForWidth(int width) const
{
    return qMax(m_touch, m_layout->totalHeightForWidth(width));
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
        updateLook();
    QAbstractButton::changeEvent(event);
}

void TicketItemRow::updateLook()
{
    // Ticked items are struck through and dimmed; the box stays, so a tick can be undone.
    QFont title = font();
    title.setStrikeOut(isChecked());
    m_titleText->setFont(title);
    QFont small = font();
    small.setPointSizeF(font().pointSizeF() * 0.85);
    small.setStrikeOut(isChecked());
    m_detailText->setFont(small);
    m_titleText->setColours(isChecked() ? m_muted : m_text);
    m_detailText->setColours(m_muted);
    const QFontMetrics fm = fontMetrics();
    m_layout->setContentsMargins(boxSize() + fm.averageCharWidth(), 0, 0, fm.descent());
    updateGeometry();
    update();
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
    const QRect boxRect(0, (qMin(height(), fm.height() + fm.descent()) - box) / 2, box, box);
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
}

} // namespace TableTap
