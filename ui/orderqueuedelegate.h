// Paints the order queue: rows tinted by age level (fresh / warning / late), a button in the
// status cell that moves the order one step on, the pending action until the hub confirms it,
// stock warnings under the items, and a mark on proxy orders. Colours come from UiPalette; text
// from the hub is drawn and shown in tooltips as plain text (PlainTextDelegate).
#pragma once

#include "order.h"
#include "plaintextdelegate.h"

#include <QPersistentModelIndex>

namespace TableTap {

class OrderQueueDelegate final : public PlainTextDelegate
{
    Q_OBJECT
public:
    explicit OrderQueueDelegate(QObject *parent = nullptr);

    // Where the advance button sits in a status cell.
    static QRect buttonRect(const QRect &cell, const QFontMetrics &metrics);
    // "Start", "Mark ready", "Complete"; empty when the order cannot move on.
    static QString actionLabel(OrderStatus status);
    // The status in the console's language.
    static QString statusText(OrderStatus status);
    // Two text lines per row: the second carries warnings and pending actions.
    static int rowHeight(const QFontMetrics &metrics);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

Q_SIGNALS:
    // The advance button of this row was clicked (index is the view's index).
    void advanceClicked(const QModelIndex &index);

protected:
    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                     const QModelIndex &index) override;

private:
    QPersistentModelIndex m_pressed;
};

} // namespace TableTap
