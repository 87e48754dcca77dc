// The warning icon delegate.
#include "warningicondelegate.h"

#include <QApplication>
#include <QStyle>

namespace TableTap {

WarningIconDelegate::WarningIconDelegate(int warningsRole, int column, QObject *parent)
    : PlainTextDelegate(parent)
    , m_role(warningsRole)
    , m_column(column)
{}

void WarningIconDelegate::initStyleOption(QStyleOptionViewItem *option,
                                          const QModelIndex &index) const
{
    PlainTextDelegate::initStyleOption(option, index);
    if (index.column() != m_column || index.data(m_role).toStringList().isEmpty())
        return;
    const QStyle *style = option->widget ? option->widget->style() : QApplication::style();
    option->icon = style->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, option->widget);
    option->features |= QStyleOptionViewItem::HasDecoration;
}

} // namespace TableTap
