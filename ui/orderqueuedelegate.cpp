// The order queue delegate.
#include "orderqueuedelegate.h"

#include "orderqueuemodel.h"
#include "plaintext.h"
#include "uipalette.h"

#include <QApplication>
#include <QIcon>
#include <QMouseEvent>
#include <QPainter>

namespace TableTap {

namespace {
constexpr int Pad = 6;
} // namespace

OrderQueueDelegate::OrderQueueDelegate(QObject *parent)
    : PlainTextDelegate(parent)
{}

int OrderQueueDelegate::rowHeight(const QFontMetrics &metrics)
{
    return metrics.height() * 2 + 3 * Pad / 2 + 2;
}

QRect OrderQueueDelegate::buttonRect(const QRect &cell, const QFontMetrics &metrics)
{
    // As wide as the longest label in the console's language, so the buttons line up.
    int label = 0;
    for (OrderStatus s : {OrderStatus::Pending, OrderStatus::Preparing, OrderStatus::Ready})
        label = qMax(label, metrics.horizontalAdvance(actionLabel(s)));
    const int w = qMin(cell.width() / 2, label + 4 * Pad);
    const int h = qMin(cell.height() - 2 * Pad, metrics.height() + 2 * Pad);
    return QRect(cell.right() - w - Pad, cell.top() + (cell.height() - h) / 2, w, h);
}

QString OrderQueueDelegate::actionLabel(OrderStatus status)
{
    switch (status) {
    case OrderStatus::Pending:
        return tr("Start ▸");
    case OrderStatus::Preparing:
        return tr("Ready ▸");
    case OrderStatus::Ready:
        return tr("Complete ▸");
    default:
        return {};
    }
}

QString OrderQueueDelegate::statusText(OrderStatus status)
{
    switch (status) {
    case OrderStatus::Pending:
        return tr("pending");
    case OrderStatus::Preparing:
        return tr("preparing");
    case OrderStatus::Ready:
        return tr("ready");
    case OrderStatus::Completed:
        return tr("completed");
    case OrderStatus::Cancelled:
        return tr("cancelled");
    case OrderStatus::Unknown:
        break;
    }
    return tr("unknown");
}

QSize OrderQueueDelegate::sizeHint(const QStyleOptionViewItem &option,
                                   const QModelIndex &index) const
{
    QSize s = PlainTextDelegate::sizeHint(option, index);
    s.setHeight(rowHeight(option.fontMetrics));
    if (index.column() == OrderQueueModel::StatusColumn)
        s.setWidth(s.width() + buttonRect(QRect(0, 0, 400, s.height()), option.fontMetrics).width()
                   + 2 * Pad);
    return s;
}

void OrderQueueDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                               const QModelIndex &index) const
{
    painter->save();
    const QRect r = option.rect;
    const bool open = index.data(OrderQueueModel::IsOpenRole).toBool();
    const int level = index.data(OrderQueueModel::AgeLevelRole).toInt();
    const auto status = OrderStatus(index.data(OrderQueueModel::StatusRole).toInt());
    const QString pending = index.data(OrderQueueModel::PendingActionRole).toString();

    // 1. Row tint by age; closed orders stay plain and greyed.
    const QColor bg = open ? UiPalette::ageBackground(level) : option.palette.color(QPalette::Base);
    painter->fillRect(r, bg);
    const bool selected = option.state & QStyle::State_Selected;
    if (selected) {
        QColor hl = option.palette.color(QPalette::Highlight);
        hl.setAlpha(40); // light enough that the age colour still shows through
        painter->fillRect(r, hl);
        painter->setPen(QPen(option.palette.color(QPalette::Highlight), 2));
        painter->drawLine(r.topLeft() + QPoint(0, 1), r.topRight() + QPoint(0, 1));
        painter->drawLine(r.bottomLeft(), r.bottomRight());
    }
    if (index.column() == 0 && open)
        painter->fillRect(QRect(r.left(), r.top(), 5, r.height()), UiPalette::ageAccent(level));

    const QFontMetrics fm = option.fontMetrics;
    const QRect textArea = r.adjusted(Pad + (index.column() == 0 ? 5 : 0), Pad / 2, -Pad, -Pad / 2);
    const QRect line1(textArea.left(), textArea.top(), textArea.width(), textArea.height() / 2);
    const QRect line2(textArea.left(), line1.bottom() + 1, textArea.width(),
                      textArea.height() - line1.height());
    const QColor text = open ? QColor(Qt::black) : UiPalette::mutedText();
    QFont font = option.font;
    QFont small = option.font;
    small.setPointSizeF(small.pointSizeF() * 0.9);
    const QFontMetrics smallMetrics(small);

    auto drawText = [&](const QRect &area, const QString &s, const QColor &colour, const QFont &f,
                        Qt::Alignment align = Qt::AlignLeft | Qt::AlignVCenter) {
        painter->setFont(f);
        painter->setPen(colour);
        painter->drawText(
            area, int(align),
            QFontMetrics(f).elidedText(PlainText::neutralised(s), Qt::ElideRight, area.width()));
    };

    const QString display = index.data(Qt::DisplayRole).toString();
    switch (index.column()) {
    case OrderQueueModel::NumberColumn: {
        QFont bold = font;
        bold.setBold(true);
        drawText(line1, display, text, bold);
        if (index.data(OrderQueueModel::IsProxyRole).toBool()) {
            const QRect iconRect(line2.left(), line2.top() + (line2.height() - 14) / 2, 14, 14);
            QIcon(QStringLiteral(":/icons/proxy.svg")).paint(painter, iconRect);
            drawText(line2.adjusted(18, 0, 0, 0), tr("proxy order"), UiPalette::pendingText(),
                     small);
        }
        break;
    }
    case OrderQueueModel::ItemsColumn: {
        drawText(line1, display, text, font);
        const QString warning = index.data(OrderQueueModel::StockWarningRole).toString();
        if (!warning.isEmpty())
            drawText(line2, QStringLiteral("⚠ ") + warning, UiPalette::warningText(), small);
        break;
    }
    case OrderQueueModel::StatusColumn: {
        const QString label = actionLabel(status);
        const bool showButton = open && pending.isEmpty() && !label.isEmpty();
        QRect area = line1;
        QRect area2 = line2;
        if (showButton) {
            const QRect b = buttonRect(r, fm);
            area.setRight(b.left() - Pad);
            area2.setRight(b.left() - Pad);
            QStyleOptionButton button;
            button.rect = b;
            button.text = label;
            button.state = QStyle::State_Enabled | QStyle::State_Raised;
            if (m_pressed.isValid() && m_pressed == index)
                button.state |= QStyle::State_Sunken;
            button.fontMetrics = fm;
            button.palette = option.palette;
            const QWidget *w = option.widget;
            QStyle *style = w ? w->style() : QApplication::style();
            painter->setFont(font);
            style->drawControl(QStyle::CE_PushButton, &button, painter, w);
        }
        QFont bold = font;
        bold.setBold(open);
        drawText(area, statusText(status), text, bold);
        if (!pending.isEmpty())
            drawText(area2, tr("⏳ sending: %1").arg(pending), UiPalette::pendingText(), small);
        break;
    }
    case OrderQueueModel::AgeColumn: {
        QFont bold = font;
        bold.setBold(open && level > 0);
        drawText(line1, display, open && level > 0 ? UiPalette::ageAccent(level) : text, bold,
                 Qt::AlignRight | Qt::AlignVCenter);
        break;
    }
    case OrderQueueModel::TotalColumn:
        drawText(line1, display, text, font, Qt::AlignRight | Qt::AlignVCenter);
        break;
    default:
        drawText(line1, display, text, font);
        break;
    }
    if (option.state & QStyle::State_HasFocus && index.column() == 0) {
        painter->setPen(QPen(option.palette.color(QPalette::Highlight), 1, Qt::DotLine));
        painter->drawRect(r.adjusted(0, 0, -1, -1));
    }
    painter->restore();
}

bool OrderQueueDelegate::editorEvent(QEvent *event, QAbstractItemModel *model,
                                     const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (index.column() != OrderQueueModel::StatusColumn)
        return PlainTextDelegate::editorEvent(event, model, option, index);
    if (event->type() != QEvent::MouseButtonPress && event->type() != QEvent::MouseButtonRelease)
        return PlainTextDelegate::editorEvent(event, model, option, index);
    const auto *mouse = static_cast<QMouseEvent *>(event);
    const bool open = index.data(OrderQueueModel::IsOpenRole).toBool();
    const bool pending = !index.data(OrderQueueModel::PendingActionRole).toString().isEmpty();
    const auto status = OrderStatus(index.data(OrderQueueModel::StatusRole).toInt());
    const bool active = open && !pending && !actionLabel(status).isEmpty();
    const bool inside
        = active && mouse->button() == Qt::LeftButton
          && buttonRect(option.rect, option.fontMetrics).contains(mouse->position().toPoint());
    if (event->type() == QEvent::MouseButtonPress) {
        // The press still selects the row (return false); the release on the button acts.
        m_pressed = inside ? QPersistentModelIndex(index) : QPersistentModelIndex();
        return false;
    }
    const bool clicked = inside && m_pressed == index;
    m_pressed = QPersistentModelIndex();
    if (clicked) {
        Q_EMIT advanceClicked(index);
        return true;
    }
    return false;
}

} // namespace TableTap
