// The item views' delegate for text from the network: cells are drawn without explicit bidi
// controls (a name cannot reverse the words after it) and tooltips show their text literally
// (QToolTip renders anything Qt::mightBeRichText likes as HTML). Every table of the console
// uses it or derives from it.
#pragma once

#include <QStyledItemDelegate>

class QAbstractItemView;

namespace TableTap {

class PlainTextDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit PlainTextDelegate(QObject *parent = nullptr);

    // Gives the view a PlainTextDelegate as its item delegate.
    static void install(QAbstractItemView *view);

    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace TableTap
