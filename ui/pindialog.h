// Resetting someone's PIN: typed twice, or generated and shown once after the hub took it.
#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;

namespace TableTap {

class PinEntry;

class PinDialog final : public QDialog
{
    Q_OBJECT
public:
    // who: the person's name and code, already for display.
    explicit PinDialog(const QString &who, QWidget *parent = nullptr);
    PinEntry *pinEntry() const { return m_pin; }

private:
    void validate();

    PinEntry *m_pin;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace TableTap
