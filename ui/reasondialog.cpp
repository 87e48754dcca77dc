// The reason dialog.
#include "reasondialog.h"

#include "plaintext.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace TableTap {

ReasonDialog::ReasonDialog(const QString &title, const QString &prompt, const QStringList &presets,
                           QWidget *parent)
    : QDialog(parent)
    , m_prompt(PlainText::label(prompt, this))
    , m_reason(new QComboBox(this))
    , m_counterLabel(new QLabel(tr("Move &to:"), this))
    , m_counter(new QComboBox(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("reasonDialog"));
    // Both name orders, customers and counters from the hub.
    setWindowTitle(PlainText::windowTitle(title));
    m_prompt->setWordWrap(true);
    m_reason->setEditable(true);
    m_reason->addItems(presets);
    m_reason->setCurrentIndex(-1);
    m_reason->lineEdit()->setPlaceholderText(tr("Type or pick a reason"));
    m_reason->setObjectName(QStringLiteral("reason"));
    m_counter->setObjectName(QStringLiteral("counter"));
    m_counterLabel->setBuddy(m_counter);
    m_counterLabel->hide();
    m_counter->hide();

    auto *form = new QFormLayout;
    auto *reasonLabel = new QLabel(tr("&Reason:"), this);
    reasonLabel->setBuddy(m_reason);
    form->addRow(m_counterLabel, m_counter);
    form->addRow(reasonLabel, m_reason);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_prompt);
    layout->addLayout(form);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_reason, &QComboBox::currentTextChanged, this, &ReasonDialog::updateOk);
    connect(m_counter, &QComboBox::currentTextChanged, this, &ReasonDialog::updateOk);
    m_reason->setFocus();
    updateOk();
}

void ReasonDialog::setCounters(const QStringList &counters, const QString &current)
{
    m_counter->clear();
    m_counter->addItems(counters);
    // Moving to the counter it is already at is no move: preselect another one.
    int index = 0;
    for (int i = 0; i < counters.size(); ++i)
        if (counters.at(i) != current) {
            index = i;
            break;
        }
    m_counter->setCurrentIndex(counters.isEmpty() ? -1 : index);
    m_counterLabel->show();
    m_counter->show();
    updateOk();
}

QString ReasonDialog::reason() const
{
    return m_reason->currentText().trimmed();
}

QString ReasonDialog::counter() const
{
    return m_counter->isVisibleTo(this) ? m_counter->currentText() : QString();
}

void ReasonDialog::setReason(const QString &reason)
{
    m_reason->setEditText(reason);
    updateOk();
}

void ReasonDialog::updateOk()
{
    bool ok = !reason().isEmpty();
    if (!m_counter->isHidden())
        ok = ok && m_counter->currentIndex() >= 0;
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(ok);
}

} // namespace TableTap
