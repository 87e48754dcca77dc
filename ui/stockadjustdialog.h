// Restock or correct one inventory item (managers): a delivery (purchase), a correction
// (adjustment, up or down) or waste, with a quantity and a note, previewing the new stock.
#pragma once

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace TableTap {

class StockAdjustDialog final : public QDialog
{
    Q_OBJECT
public:
    StockAdjustDialog(const QString &itemName, const QString &unit, double currentStock,
                      double reorderLevel, QWidget *parent = nullptr);

    // purchase, adjustment or waste (the hub's change types).
    QString changeType() const;
    void setChangeType(const QString &type);
    // Positive for purchase and waste; signed for an adjustment.
    int quantity() const;
    void setQuantity(int quantity);
    QString note() const;

private:
    void updatePreview();

    double m_current;
    double m_reorder;
    QString m_unit;
    QComboBox *m_type;
    QSpinBox *m_quantity;
    QLineEdit *m_note;
    QLabel *m_preview;
    QDialogButtonBox *m_buttons;
};

} // namespace TableTap
