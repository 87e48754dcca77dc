// The stock adjustment dialog.
#include "stockadjustdialog.h"

#include "plaintext.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace TableTap {

StockAdjustDialog::StockAdjustDialog(const QString &itemName, const QString &unit,
                                     double currentStock, double reorderLevel, QWidget *parent)
    : QDialog(parent)
    , m_current(currentStock)
    , m_reorder(reorderLevel)
    , m_unit(PlainText::display(unit))
    , m_type(new QComboBox(this))
    , m_quantity(new QSpinBox(this))
    , m_note(new QLineEdit(this))
    , m_preview(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("stockAdjustDialog"));
    setWindowTitle(
        PlainText::windowTitle(tr("Adjust stock: %1").arg(PlainText::display(itemName))));
    PlainText::makePlain(m_preview); // the item's unit comes from the hub
    m_type->addItem(tr("Delivery received (restock)"), QStringLiteral("purchase"));
    m_type->addItem(tr("Correction after a count (+/−)"), QStringLiteral("adjustment"));
    m_type->addItem(tr("Waste (spilt, expired)"), QStringLiteral("waste"));
    m_type->setObjectName(QStringLiteral("changeType"));
    m_quantity->setObjectName(QStringLiteral("quantity"));
    m_quantity->setRange(1, 100000);
    m_quantity->setValue(1);
    m_quantity->setSuffix(m_unit.isEmpty() ? QString() : QLatin1Char(' ') + m_unit);
    m_note->setPlaceholderText(tr("Supplier, delivery note, reason…"));
    m_note->setObjectName(QStringLiteral("note"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Kind:"), m_type);
    form->addRow(tr("&Quantity:"), m_quantity);
    form->addRow(tr("&Note:"), m_note);
    form->addRow(tr("Result:"), m_preview);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_type, &QComboBox::currentIndexChanged, this, [this] {
        const bool signedChange = changeType() == QLatin1String("adjustment");
        m_quantity->setRange(signedChange ? -100000 : 1, 100000);
        updatePreview();
    });
    connect(m_quantity, &QSpinBox::valueChanged, this, &StockAdjustDialog::updatePreview);
    updatePreview();
}

QString StockAdjustDialog::changeType() const
{
    return m_type->currentData().toString();
}

void StockAdjustDialog::setChangeType(const QString &type)
{
    m_type->setCurrentIndex(qMax(0, m_type->findData(type)));
}

int StockAdjustDialog::quantity() const
{
    return m_quantity->value();
}

void StockAdjustDialog::setQuantity(int quantity)
{
    m_quantity->setValue(quantity);
}

QString StockAdjustDialog::note() const
{
    return m_note->text().trimmed();
}

void StockAdjustDialog::updatePreview()
{
    const QString type = changeType();
    const double delta = type == QLatin1String("waste") ? -quantity() : quantity();
    const double next = m_current + delta;
    const auto fmt = [this](double v) {
        return m_unit.isEmpty() ? QString::number(v, 'g', 10)
                                : QString::number(v, 'g', 10) + QLatin1Char(' ') + m_unit;
    };
    QString text = tr("%1 → %2").arg(fmt(m_current), fmt(next));
    if (next < 0)
        text += tr(" (below zero: not possible)");
    else if (next < m_reorder)
        text += tr(" (still under the reorder level of %1)").arg(fmt(m_reorder));
    m_preview->setText(text);
    m_buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(next >= 0 && !(type == QLatin1String("adjustment") && quantity() == 0));
}

} // namespace TableTap
