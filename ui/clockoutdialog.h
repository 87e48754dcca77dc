// Clocking out: the break taken (minutes, deducted from the paid hours) and an optional note.
#pragma once

#include <QDialog>

class QLineEdit;
class QSpinBox;

namespace TableTap {

class ClockOutDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit ClockOutDialog(const QString &shiftSummary, QWidget *parent = nullptr);
    int breakMinutes() const;
    void setBreakMinutes(int minutes);
    QString notes() const;

private:
    QSpinBox *m_break;
    QLineEdit *m_notes;
};

} // namespace TableTap
