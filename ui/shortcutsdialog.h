// The keyboard reference (F1): every frequent action and its key, so the console can be worked
// without a mouse.
#pragma once

#include <QDialog>

namespace TableTap {

class ShortcutsDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit ShortcutsDialog(QWidget *parent = nullptr);
};

} // namespace TableTap
