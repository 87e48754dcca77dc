// The PIN entry.
#include "pinentry.h"

#include <QFormLayout>
#include <QLineEdit>
#include <QRadioButton>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

namespace TableTap {

PinEntry::PinEntry(QWidget *parent)
    : QWidget(parent)
    , m_typeIt(new QRadioButton(tr("&Type a PIN (4 to 12 digits)"), this))
    , m_generateIt(new QRadioButton(tr("&Generate a PIN, shown once when the hub took it"), this))
    , m_first(new QLineEdit(this))
    , m_second(new QLineEdit(this))
    , m_generated(generate())
{
    setObjectName(QStringLiteral("pinEntry"));
    m_typeIt->setObjectName(QStringLiteral("typePin"));
    m_generateIt->setObjectName(QStringLiteral("generatePin"));
    m_first->setObjectName(QStringLiteral("pin"));
    m_second->setObjectName(QStringLiteral("pinAgain"));
    m_first->setAccessibleName(tr("New PIN"));
    m_second->setAccessibleName(tr("New PIN again"));
    auto *digits
        = new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{0,12}")), this);
    for (QLineEdit *e : {m_first, m_second}) {
        e->setEchoMode(QLineEdit::Password);
        e->setValidator(digits);
        e->setMaxLength(12);
        connect(e, &QLineEdit::textChanged, this, &PinEntry::changed);
    }
    m_typeIt->setChecked(true);
    auto *form = new QFormLayout;
    form->addRow(tr("&PIN:"), m_first);
    form->addRow(tr("PIN &again:"), m_second);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_typeIt);
    layout->addLayout(form);
    layout->addWidget(m_generateIt);
    connect(m_typeIt, &QRadioButton::toggled, this, [this](bool typed) {
        m_first->setEnabled(typed);
        m_second->setEnabled(typed);
        Q_EMIT changed();
    });
}

QString PinEntry::generate()
{
    QString pin;
    for (int i = 0; i < 6; ++i)
        pin.append(QChar(u'0' + QRandomGenerator::system()->bounded(10)));
    return pin;
}

QString PinEntry::pin() const
{
    return isGenerated() ? m_generated : m_first->text();
}

bool PinEntry::isGenerated() const
{
    return m_generateIt->isChecked();
}

void PinEntry::setGenerated(bool generated)
{
    (generated ? m_generateIt : m_typeIt)->setChecked(true);
}

void PinEntry::setTyped(const QString &first, const QString &second)
{
    m_typeIt->setChecked(true);
    m_first->setText(first);
    m_second->setText(second);
}

QString PinEntry::problem() const
{
    if (isGenerated())
        return {};
    static const QRegularExpression pinRule(QStringLiteral("^[0-9]{4,12}$"));
    if (!pinRule.match(m_first->text()).hasMatch())
        return tr("A PIN is 4 to 12 digits.");
    if (m_first->text() != m_second->text())
        return tr("The two PINs differ.");
    return {};
}

} // namespace TableTap
