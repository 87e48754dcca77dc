// Adds or edits one product of the menu: name, category, price, its recipe (inventory items and
// quantities) and its customizations with their surcharges. What it gives back is what
// save_product takes (MenuFile::Product); customizations keep their ids and recipes.
#pragma once

#include "cafesnapshot.h"
#include "menufile.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QTableWidget;

namespace TableTap {

class InventoryModel;

class ProductEditorDialog final : public QDialog
{
    Q_OBJECT
public:
    // product: the one edited, or null for a new one; categories: those of the menu now.
    ProductEditorDialog(const MenuProduct *product, const QStringList &categories,
                        const InventoryModel *inventory, QWidget *parent = nullptr);

    QString productId() const { return m_productId; }
    MenuFile::Product product() const;

    // What the dialog's buttons do, for tests and keyboard users alike.
    void addIngredient(const QString &itemId = {}, qint64 quantity = 1);
    void addCustomization(const QString &name = {}, Cents price = 0);
    void setName(const QString &name);
    void setPrice(Cents price);
    // Empty when the form may be saved, else what is missing.
    QString problem() const;

private:
    void removeSelected(QTableWidget *table);
    void updateState();

    QString m_productId;
    const InventoryModel *m_inventory;
    QList<MenuCustomization> m_originalOptions;
    QLineEdit *m_name;
    QComboBox *m_category;
    QDoubleSpinBox *m_price;
    QTableWidget *m_recipe;
    QTableWidget *m_customs;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace TableTap
