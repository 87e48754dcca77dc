// The clock-out dialog.
#include "clockoutdialog.h"

#include "plaintext.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

namespace TableTap {

ClockOutDialog::ClockOutDialog(const QString &shiftSummary, QWidget *parent)
    : QDialog(parent)
    , m_break(new QSpinBox(this))
    , m_notes(new QLineEdit(this))
{
    setObjectName(QStringLiteral("clockOutDialog"));
    setWindowTitle(tr("Clock out"));
    m_break->setRange(0, 240);
    m_break->setSingleStep(5);
    m_break->setSuffix(tr(" min"));
    m_break->setObjectName(QStringLiteral("breakMinutes"));
    m_notes->setObjectName(QStringLiteral("notes"));
    auto *form = new QFormLayout;
    form->addRow(tr("&Break taken:"), m_break);
    form->addRow(tr("&Note:"), m_notes);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    auto *summary = PlainText::label(shiftSummary, this);
    summary->setWordWrap(true);
    layout->addWidget(summary);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

int ClockOutDialog::breakMinutes() const
{
    return m_break->value();
}

void ClockOutDialog::setBreakMinutes(int minutes)
{
    m_break->setValue(minutes);
}

QString ClockOutDialog::notes() const
{
    return m_notes->text().trimmed();
}

} // namespace TableTap
