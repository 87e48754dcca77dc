// The staff drink dialog.
#include "drinkdialog.h"

#include "consolesession.h"
#include "plaintext.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace TableTap {

DrinkDialog::DrinkDialog(const QList<MenuProduct> &menu, const QString &allowance, QWidget *parent)
    : QDialog(parent)
    , m_product(new QComboBox(this))
    , m_quantity(new QSpinBox(this))
{
    setObjectName(QStringLiteral("drinkDialog"));
    setWindowTitle(tr("Record a staff drink"));
    for (const MenuProduct &p : menu)
        if (p.available)
            m_product->addItem(
                p.category.isEmpty()
                    ? PlainText::display(p.name)
                    : tr("%1 (%2)").arg(PlainText::display(p.name), PlainText::display(p.category)),
                p.id);
    m_product->setObjectName(QStringLiteral("product"));
    m_quantity->setRange(1, 5);
    m_quantity->setObjectName(QStringLiteral("quantity"));
    auto *form = new QFormLayout;
    form->addRow(tr("&Drink:"), m_product);
    form->addRow(tr("&How many:"), m_quantity);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setEnabled(m_product->count() > 0);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    auto *info = PlainText::label(allowance, this);
    info->setWordWrap(true);
    layout->addWidget(info);
    if (m_product->count() == 0)
        layout->addWidget(new QLabel(tr("The menu has not arrived from the hub yet."), this));
    layout->addLayout(form);
    layout->addWidget(buttons);
}

QString DrinkDialog::productId() const
{
    return m_product->currentData().toString();
}

int DrinkDialog::quantity() const
{
    return m_quantity->value();
}

} // namespace TableTap
