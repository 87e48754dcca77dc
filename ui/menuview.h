// The menu: products by category with price, customizations and recipe; anyone takes a product
// or a customization off sale ("86") and puts it back; managers add, edit, retire, bring back,
// import and export (MenuFile: CSV or JSON). Follows menu:updated and menu:availability_changed
// through ConsoleSession::menuChanged.
#pragma once

#include "menufile.h"

#include <QWidget>

#include <functional>

class QLabel;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace TableTap {

class ConsoleSession;
struct MenuProduct;

class MenuView final : public QWidget
{
    Q_OBJECT
public:
    explicit MenuView(ConsoleSession *session, QWidget *parent = nullptr);

    void setManager(bool manager);
    // The tree's current row: a product (customizationId empty) or one of its customizations.
    QString currentProductId() const;
    QString currentCustomizationId() const;
    bool select(const QString &productId, const QString &customizationId = {});
    QTreeWidget *tree() const { return m_tree; }

    // What the buttons do after their dialogs, so that tests (and scripts) skip the dialogs.
    // Writes the menu exactly as the hub answers list_menu now; done gets an error text (empty:
    // written).
    void exportMenuTo(const QString &path, MenuFile::Format format,
                      const std::function<void(const QString &error)> &done);
    // Reads a file and sends import_menu; returns the request id, or empty with *error set (the
    // file's row and column, or the JSON field).
    QString importMenuFrom(const QString &path, MenuFile::Format format, bool replace,
                           QString *error);
    // The largest import_menu this console sends (the hub's default message limit is 1 MB).
    static constexpr qsizetype kMaxImportBytes = 900000;

public Q_SLOTS:
    void takeOffSale();
    void putBackOnSale();
    void addProduct();
    void editProduct();
    void retireProduct();
    void showRetired();
    void importMenu();
    void exportMenu();

private:
    void rebuild();
    void updateDetails();
    void updateButtons();
    const MenuProduct *currentProduct() const;
    QString statusText(const MenuProduct &p) const;
    QString offSaleText(const QString &reason, const QDateTime &until) const;

    ConsoleSession *m_session;
    bool m_manager = false;
    QTreeWidget *m_tree;
    QLabel *m_details;
    QPushButton *m_offSale;
    QPushButton *m_backOnSale;
    QPushButton *m_add;
    QPushButton *m_edit;
    QPushButton *m_retire;
    QPushButton *m_retired;
    QPushButton *m_import;
    QPushButton *m_export;
};

} // namespace TableTap
