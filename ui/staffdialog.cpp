// The add / edit staff dialog.
#include "staffdialog.h"

#include "pinentry.h"
#include "plaintext.h"
#include "staffmodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QRegularExpressionValidator>
#include <QSpinBox>
#include <QVBoxLayout>

namespace TableTap {

namespace {
// The hub's bounds (StaffAdmin): codes, names, rates, allowances.
constexpr int kMaxName = 100;
constexpr double kMaxRate = 1000.0;
constexpr int kMaxAllowance = 1000;
} // namespace

StaffDialog::StaffDialog(const QStringList &grantableRoles, QWidget *parent)
    : QDialog(parent)
    , m_adding(true)
{
    setWindowTitle(tr("Add a staff member"));
    build(grantableRoles);
}

StaffDialog::StaffDialog(const StaffMember &member, QWidget *parent)
    : QDialog(parent)
    , m_adding(false)
    , m_before(member)
{
    setWindowTitle(PlainText::windowTitle(
        tr("Edit %1 (%2)")
            .arg(PlainText::display(member.name), PlainText::display(member.employeeCode))));
    build({});
    m_code->setText(member.employeeCode);
    m_code->setReadOnly(true);
    m_name->setText(member.name);
    m_rate->setValue(double(member.hourlyRate) / 100.0);
    m_cafeDefault->setChecked(!member.drinkAllowance);
    m_allowance->setValue(member.drinkAllowance.value_or(0));
    validate();
}

void StaffDialog::build(const QStringList &roles)
{
    m_cafeDefault->setText(tr("Cafe &default"));
    setObjectName(QStringLiteral("staffDialog"));
    m_code->setObjectName(QStringLiteral("employeeCode"));
    m_code->setMaxLength(32);
    m_code->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral("[A-Za-z0-9_-]{0,32}")), this));
    m_code->setPlaceholderText(tr("e.g. EMP007"));
    m_name->setObjectName(QStringLiteral("staffName"));
    m_name->setMaxLength(kMaxName);
    m_rate->setObjectName(QStringLiteral("hourlyRate"));
    m_rate->setRange(0, kMaxRate);
    m_rate->setDecimals(2);
    m_rate->setSingleStep(0.5);
    m_cafeDefault->setObjectName(QStringLiteral("cafeDefaultAllowance"));
    m_allowance->setObjectName(QStringLiteral("drinkAllowance"));
    m_allowance->setRange(0, kMaxAllowance);
    m_allowance->setSuffix(tr(" drinks a month"));
    m_cafeDefault->setChecked(true);
    m_allowance->setEnabled(false);
    m_problem->setObjectName(QStringLiteral("staffProblem"));
    m_problem->setStyleSheet(QStringLiteral("color: #c62828;"));
    PlainText::makePlain(m_problem);

    auto *allowance = new QHBoxLayout;
    allowance->addWidget(m_cafeDefault);
    allowance->addWidget(m_allowance, 1);
    auto *form = new QFormLayout;
    form->addRow(tr("Employee &code:"), m_code);
    form->addRow(tr("&Name:"), m_name);
    if (m_adding) {
        m_role = new QComboBox(this);
        m_role->setObjectName(QStringLiteral("staffRole"));
        for (const QString &r : roles)
            m_role->addItem(StaffModel::roleTitle(r), r);
        form->addRow(tr("&Role:"), m_role);
        m_pin = new PinEntry(this);
        form->addRow(tr("PIN:"), m_pin);
        connect(m_pin, &PinEntry::changed, this, &StaffDialog::validate);
    }
    form->addRow(tr("&Hourly rate:"), m_rate);
    form->addRow(tr("Drink &allowance:"), allowance);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_cafeDefault, &QCheckBox::toggled, this, [this](bool cafeDefault) {
        m_allowance->setEnabled(!cafeDefault);
        validate();
    });
    connect(m_code, &QLineEdit::textChanged, this, &StaffDialog::validate);
    connect(m_name, &QLineEdit::textChanged, this, &StaffDialog::validate);
    connect(m_rate, &QDoubleSpinBox::valueChanged, this, &StaffDialog::validate);
    connect(m_allowance, &QSpinBox::valueChanged, this, &StaffDialog::validate);
    validate();
}

QString StaffDialog::problem() const
{
    static const QRegularExpression codeRule(QStringLiteral("^[A-Za-z0-9_-]{1,32}$"));
    if (m_adding && !codeRule.match(m_code->text()).hasMatch())
        return tr("The employee code is 1 to 32 letters, digits, - or _.");
    if (m_name->text().trimmed().isEmpty())
        return tr("Enter a name.");
    if (m_adding && m_role->currentIndex() < 0)
        return tr("Pick a role.");
    if (m_pin)
        return m_pin->problem();
    if (!m_adding && payload().size() == 1)
        return tr("Nothing changed yet.");
    return {};
}

void StaffDialog::validate()
{
    const QString why = problem();
    m_problem->setText(why);
    m_problem->setVisible(!why.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(why.isEmpty());
}

QJsonObject StaffDialog::payload() const
{
    const qint64 cents = qRound64(m_rate->value() * 100.0);
    const QJsonValue allowance
        = m_cafeDefault->isChecked() ? QJsonValue() : QJsonValue(m_allowance->value());
    if (m_adding) {
        QJsonObject p{{QStringLiteral("employee_id"), m_code->text()},
                      {QStringLiteral("name"), m_name->text().trimmed()},
                      {QStringLiteral("role"), m_role->currentData().toString()},
                      {QStringLiteral("pin"), m_pin->pin()},
                      {QStringLiteral("hourly_rate"), double(cents) / 100.0}};
        if (!allowance.isNull())
            p.insert(QStringLiteral("drink_allowance"), allowance);
        return p;
    }
    QJsonObject p{{QStringLiteral("user_id"), m_before.userId}};
    if (m_name->text().trimmed() != m_before.name)
        p.insert(QStringLiteral("name"), m_name->text().trimmed());
    if (cents != m_before.hourlyRate)
        p.insert(QStringLiteral("hourly_rate"), double(cents) / 100.0);
    const std::optional<int> next
        = m_cafeDefault->isChecked() ? std::nullopt : std::optional<int>(m_allowance->value());
    if (next != m_before.drinkAllowance)
        p.insert(QStringLiteral("drink_allowance"), allowance);
    return p;
}

QString StaffDialog::generatedPin() const
{
    return m_pin && m_pin->isGenerated() ? m_pin->pin() : QString();
}

} // namespace TableTap
