// Order entry for walk-ins: the menu as a grid of large buttons by category with a search that
// filters as one types (unavailable products shown with why, and never added), the cart with
// customizations and quantities, the customer, notes and tip, the totals as the hub computes
// them (OrderCart), then create_order and the payment (EntryPaymentPanel) from the same screen.
// It follows menuChanged() at once: a cart line the menu no longer sells blocks the order until
// it is removed. Everything works from the keyboard (see docs/console.md#order-entry).
#pragma once

#include "ordercart.h"

#include <QWidget>

class QButtonGroup;
class QDoubleSpinBox;
class QGroupBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QPushButton;
class QStackedWidget;
class QTabBar;
class QVBoxLayout;

namespace TableTap {

class ConsoleSession;
class EntryPaymentPanel;

class OrderEntryView final : public QWidget
{
    Q_OBJECT
public:
    explicit OrderEntryView(ConsoleSession *session, QWidget *parent = nullptr);

    const OrderCart &cart() const { return m_cart; }
    QLineEdit *searchField() const { return m_search; }
    QTabBar *categoryBar() const { return m_categories; }
    QListWidget *grid() const { return m_grid; }
    QListWidget *cartList() const { return m_cartList; }
    QGroupBox *optionsBox() const { return m_optionsBox; }
    QLineEdit *nameField() const { return m_name; }
    QLineEdit *phoneField() const { return m_phone; }
    QLineEdit *notesField() const { return m_notes; }
    QPushButton *placeButton() const { return m_place; }
    QDoubleSpinBox *customTipField() const { return m_tipAmount; }
    QList<QPushButton *> tipButtons() const;
    EntryPaymentPanel *paymentPanel() const { return m_payment; }
    QString statusText() const;
    QString totalText() const;
    QString counterText() const;
    // The product ids the grid shows now, in order.
    QStringList shownProducts() const;

public Q_SLOTS:
    // Adds the grid's current product to the cart (Enter in the grid or the search field).
    void addCurrent();
    bool addProduct(const QString &productId);
    void changeQuantity(int delta);
    void removeCurrentLine();
    void placeOrder();
    // Esc: empties the search first, then the whole order (the next customer).
    void clearOrder();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void rebuildCategories();
    void rebuildGrid();
    void rebuildCart(int select = -1);
    void rebuildOptions();
    void rebuildTips();
    void updateTotals();
    void updateCounter();
    void updatePlace();
    void onMenuChanged();
    void onSettingsChanged();
    void onAnswered(const QString &requestId, const QJsonValue &data);
    void onFinished(const QString &requestId, bool ok, const QString &errorType,
                    const QString &message);
    void placedWithoutOrder();
    void onPaid(const QString &orderNumber, const QString &method, Cents changeDue);
    void setStatus(const QString &text, bool error);
    void resetForm();
    int currentLine() const;
    const MenuProduct *product(const QString &id) const;
    QString unavailableText(const MenuProduct &p) const;

    ConsoleSession *m_session;
    OrderCart m_cart;
    int m_touch = 0;

    QLineEdit *m_search;
    QTabBar *m_categories;
    QListWidget *m_grid;

    QListWidget *m_cartList;
    QPushButton *m_minus;
    QPushButton *m_plus;
    QPushButton *m_remove;
    QGroupBox *m_optionsBox;
    QVBoxLayout *m_optionsLayout;

    QStackedWidget *m_stack;
    QLineEdit *m_name;
    QLineEdit *m_phone;
    QLineEdit *m_notes;
    QLabel *m_counter;
    QHBoxLayout *m_tipRow;
    QButtonGroup *m_tipGroup;
    QPushButton *m_noTip;
    QPushButton *m_customTip;
    QDoubleSpinBox *m_tipAmount;
    QList<QPushButton *> m_tipRates;
    QLabel *m_subtotal;
    QLabel *m_tax;
    QLabel *m_tip;
    QLabel *m_total;
    QPushButton *m_place;
    QLabel *m_status;
    EntryPaymentPanel *m_payment;
    QPushButton *m_next;

    QString m_createRequest;
    bool m_taxKnown = false;
};

} // namespace TableTap
