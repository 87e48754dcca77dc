// The "86" dialog.
#include "offsaledialog.h"

#include "plaintext.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace TableTap {

OffSaleDialog::OffSaleDialog(const QString &what, const QDateTime &now, QTime opening,
                             QWidget *parent)
    : QDialog(parent)
    , m_now(now)
    , m_opening(opening.isValid() ? opening : QTime(6, 0))
    , m_reason(new QComboBox(this))
    , m_untilGroup(new QButtonGroup(this))
    , m_custom(new QDateTimeEdit(this))
    , m_summary(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("offSaleDialog"));
    setWindowTitle(tr("Take off sale"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(PlainText::label(tr("Take %1 off sale").arg(PlainText::display(what)), this));

    m_reason->setObjectName(QStringLiteral("reason"));
    m_reason->setEditable(true);
    m_reason->addItems({QString(), tr("Machine broken"), tr("Sold out"), tr("Quality problem"),
                        tr("Ingredient missing")});
    m_reason->lineEdit()->setMaxLength(200);
    m_reason->lineEdit()->setPlaceholderText(tr("Why (required)"));
    m_reason->setAccessibleName(tr("Reason"));
    auto *form = new QFormLayout;
    form->addRow(tr("&Reason:"), m_reason);
    layout->addLayout(form);

    auto *untilBox = new QVBoxLayout;
    const std::pair<Until, QString> choices[] = {
        {Until::OneHour, tr("For &1 hour")},
        {Until::EndOfToday, tr("Until the &end of today")},
        {Until::Tomorrow, tr("Until &tomorrow's opening")},
        {Until::PutBack, tr("Until someone puts it &back")},
        {Until::Custom, tr("Until a time of my &own:")},
    };
    for (const auto &[id, text] : choices) {
        auto *radio = new QRadioButton(text, this);
        radio->setObjectName(QStringLiteral("until%1").arg(int(id)));
        m_untilGroup->addButton(radio, int(id));
        untilBox->addWidget(radio);
    }
    m_custom->setObjectName(QStringLiteral("customTime"));
    m_custom->setCalendarPopup(true);
    m_custom->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    m_custom->setDateTime(m_now.toLocalTime().addSecs(2 * 3600));
    m_custom->setMinimumDateTime(m_now.toLocalTime().addSecs(60));
    m_custom->setMaximumDateTime(m_now.toLocalTime().addDays(365));
    m_custom->setAccessibleName(tr("Off sale until"));
    untilBox->addWidget(m_custom);
    form->addRow(tr("Off sale:"), untilBox);
    PlainText::makePlain(m_summary);
    m_summary->setObjectName(QStringLiteral("summary"));
    layout->addWidget(m_summary);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Take off sale"));
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_reason, &QComboBox::currentTextChanged, this, &OffSaleDialog::updateState);
    connect(m_untilGroup, &QButtonGroup::idToggled, this, &OffSaleDialog::updateState);
    connect(m_custom, &QDateTimeEdit::dateTimeChanged, this, &OffSaleDialog::updateState);
    setChoice(Until::PutBack);
    m_reason->setFocus();
    updateState();
}

QString OffSaleDialog::reason() const
{
    return m_reason->currentText().trimmed();
}

OffSaleDialog::Until OffSaleDialog::choice() const
{
    return Until(m_untilGroup->checkedId());
}

void OffSaleDialog::setChoice(Until until)
{
    if (QAbstractButton *b = m_untilGroup->button(int(until)))
        b->setChecked(true);
}

void OffSaleDialog::setReason(const QString &reason)
{
    m_reason->setEditText(reason);
}

void OffSaleDialog::setCustomTime(const QDateTime &at)
{
    m_custom->setDateTime(at.toLocalTime());
}

QDateTime OffSaleDialog::until() const
{
    const QDateTime local = m_now.toLocalTime();
    switch (choice()) {
    case Until::OneHour:
        return m_now.addSecs(3600);
    case Until::EndOfToday:
        return QDateTime(local.date(), QTime(23, 59, 59));
    case Until::Tomorrow:
        return QDateTime(local.date().addDays(1), m_opening);
    case Until::PutBack:
        return {};
    case Until::Custom:
        return m_custom->dateTime();
    }
    return {};
}

void OffSaleDialog::updateState()
{
    m_custom->setEnabled(choice() == Until::Custom);
    const QDateTime end = until();
    const bool timeOk = choice() == Until::PutBack || (end.isValid() && end > m_now);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!reason().isEmpty() && timeOk);
    m_summary->setText(end.isValid()
                           ? tr("Back on sale by itself at %1.")
                                 .arg(QLocale().toString(end.toLocalTime(), QLocale::ShortFormat))
                           : tr("Stays off sale until someone puts it back."));
}

} // namespace TableTap
