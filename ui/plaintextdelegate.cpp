// The plain text delegate.
#include "plaintextdelegate.h"

#include "plaintext.h"

#include <QAbstractItemView>
#include <QHelpEvent>
#include <QToolTip>

namespace TableTap {

PlainTextDelegate::PlainTextDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{}

void PlainTextDelegate::install(QAbstractItemView *view)
{
    view->setItemDelegate(new PlainTextDelegate(view));
}

bool PlainTextDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view,
                                  const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (!event || !view || event->type() != QEvent::ToolTip)
        return QStyledItemDelegate::helpEvent(event, view, option, index);
    // As QAbstractItemDelegate does it, with the text made literal first.
    const QString tip
        = index.isValid() ? PlainText::toolTip(index.data(Qt::ToolTipRole).toString()) : QString();
    QRect rect;
    if (index.isValid()) {
        const QRect r = view->visualRect(index);
        rect = QRect(view->viewport()->mapToGlobal(r.topLeft()), r.size());
    }
    QToolTip::showText(event->globalPos(), tip, view, rect);
    event->setAccepted(!tip.isEmpty());
    return !tip.isEmpty();
}

void PlainTextDelegate::initStyleOption(QStyleOptionViewItem *option,
                                        const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    option->text = PlainText::neutralised(option->text);
}

} // namespace TableTap
