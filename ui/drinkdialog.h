// Recording a staff drink against one's monthly allowance: the product and how many.
#pragma once

#include <QDialog>

class QComboBox;
class QSpinBox;

namespace TableTap {

struct MenuProduct;

class DrinkDialog final : public QDialog
{
    Q_OBJECT
public:
    DrinkDialog(const QList<MenuProduct> &menu, const QString &allowance,
                QWidget *parent = nullptr);
    QString productId() const;
    int quantity() const;

private:
    QComboBox *m_product;
    QSpinBox *m_quantity;
};

} // namespace TableTap
