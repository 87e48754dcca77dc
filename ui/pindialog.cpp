// The reset PIN dialog.
#include "pindialog.h"

#include "pinentry.h"
#include "plaintext.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace TableTap {

PinDialog::PinDialog(const QString &who, QWidget *parent)
    : QDialog(parent)
    , m_pin(new PinEntry(this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("pinDialog"));
    setWindowTitle(PlainText::windowTitle(tr("Reset the PIN of %1").arg(who)));
    auto *note = PlainText::label(tr("The old PIN stops working and %1 is signed out everywhere: "
                                     "their consoles and device tokens need signing in again.")
                                      .arg(who),
                                  this);
    note->setWordWrap(true);
    m_problem->setObjectName(QStringLiteral("pinProblem"));
    m_problem->setStyleSheet(QStringLiteral("color: #c62828;"));
    PlainText::makePlain(m_problem);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(note);
    layout->addWidget(m_pin);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_pin, &PinEntry::changed, this, &PinDialog::validate);
    validate();
}

void PinDialog::validate()
{
    const QString why = m_pin->problem();
    m_problem->setText(why);
    m_problem->setVisible(!why.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(why.isEmpty());
}

} // namespace TableTap
