// The shift table's delegate: a row with warnings (ShiftListModel::WarningsRole) gets the
// style's warning icon in front of its text, so the warning is seen by shape and colour, and
// read in words.
#pragma once

#include "plaintextdelegate.h"

namespace TableTap {

class WarningIconDelegate final : public PlainTextDelegate
{
    Q_OBJECT
public:
    WarningIconDelegate(int warningsRole, int column, QObject *parent = nullptr);

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    int m_role;
    int m_column;
};

} // namespace TableTap
