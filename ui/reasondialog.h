// Asks for the reason of a manager action (cancel an order, move it to another counter, take a
// counter out of service) and, for a move, the counter. The reason goes to the hub and into the
// order's history, so it cannot be left empty.
#pragma once

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;

namespace TableTap {

class ReasonDialog final : public QDialog
{
    Q_OBJECT
public:
    ReasonDialog(const QString &title, const QString &prompt, const QStringList &presets,
                 QWidget *parent = nullptr);

    // Adds the counter choice (for moving an order); current is preselected when listed.
    void setCounters(const QStringList &counters, const QString &current = {});
    QString reason() const;
    QString counter() const;
    // Fills the reason (tests, and the keyboard path that already knows it).
    void setReason(const QString &reason);

private:
    void updateOk();

    QLabel *m_prompt;
    QComboBox *m_reason;
    QLabel *m_counterLabel;
    QComboBox *m_counter;
    QDialogButtonBox *m_buttons;
};

} // namespace TableTap
