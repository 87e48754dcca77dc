// The menu view against a real hub (HubServer on 127.0.0.1, port 0, a fresh data folder) with two
// consoles signed in: an employee 86s a product through the dialog and the manager's console shows
// it off sale at once (and the hub refuses orders of it) until the manager puts it back; the
// manager adds a product with a recipe and a customization, edits it (the customization keeps its
// id), retires and restores it, exports the menu and imports it changed, and a bad file is refused
// naming its row and column; the employee sees no editing controls.
#include "livehubfixture.h"

#include "menuview.h"
#include "offsaledialog.h"
#include "producteditordialog.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTreeWidget>

using namespace TableTap;
using namespace TableTap::TestUi;

namespace {

const MenuProduct *find(const ConsoleSession &session, const QString &name)
{
    for (const MenuProduct &p : session.menu())
        if (p.name == name)
            return &p;
    return nullptr;
}

// The status column of a product's row in the view.
QString statusOf(MenuView *view, const QString &productId)
{
    for (QTreeWidgetItemIterator it(view->tree()); *it; ++it)
        if ((*it)->data(0, Qt::UserRole + 1).toString() == productId
            && (*it)->data(0, Qt::UserRole + 2).toString().isEmpty())
            return (*it)->text(2);
    return {};
}

template<class Dialog>
Dialog *openDialog(QWidget *owner)
{
    Dialog *found = nullptr;
    QTest::qWaitFor([&] { return (found = owner->findChild<Dialog *>()) != nullptr; }, Wait);
    return found;
}

} // namespace

class tst_MenuView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void offSaleReachesTheOtherConsole();
    void managerEditsImportsAndExports();
};

void tst_MenuView::offSaleReachesTheOtherConsole()
{
    LiveHub hub;
    QVERIFY(hub.start());
    // One window after the other: signing in waits for its window to be the active one.
    Console manager;
    QVERIFY(manager.signIn(hub, "M1", "4321"));
    Console employee;
    QVERIFY(employee.signIn(hub, "E1", "1234"));
    MenuView *mine = employee.window.menuView();
    MenuView *theirs = manager.window.menuView();
    QVERIFY(employee.window.showView(QStringLiteral("menu")));
    QVERIFY(manager.window.showView(QStringLiteral("menu")));
    // An employee may 86, not edit.
    QVERIFY(mine->findChild<QPushButton *>("offSaleButton")->isVisibleTo(mine));
    QVERIFY(!mine->findChild<QPushButton *>("editButton")->isVisibleTo(mine));
    QVERIFY(!mine->findChild<QPushButton *>("importButton")->isVisibleTo(mine));
    QVERIFY(theirs->findChild<QPushButton *>("importButton")->isVisibleTo(theirs));

    const MenuProduct product = employee.session.menu().first();
    QVERIFY(mine->select(product.id));
    QVERIFY(!mine->findChild<QPushButton *>("backOnSaleButton")->isEnabled());
    mine->findChild<QPushButton *>("offSaleButton")->click();
    auto *dialog = openDialog<OffSaleDialog>(mine);
    QVERIFY(dialog);
    auto *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QVERIFY(!ok->isEnabled()); // a reason is required
    dialog->setReason(QStringLiteral("Steam wand broken"));
    dialog->setChoice(OffSaleDialog::Until::OneHour);
    QVERIFY(ok->isEnabled());
    const QDateTime until = dialog->until();
    QVERIFY(until > employee.session.clock()->now());
    ok->click();

    // The manager's console follows through menu:availability_changed.
    QTRY_VERIFY_WITH_TIMEOUT(find(manager.session, product.name)->offSale, Wait);
    const MenuProduct seen = *find(manager.session, product.name);
    QCOMPARE(seen.offSaleReason, QStringLiteral("Steam wand broken"));
    QCOMPARE(seen.offSaleUntil.toSecsSinceEpoch(), until.toSecsSinceEpoch());
    QVERIFY(!seen.isOrderable());
    QVERIFY(statusOf(theirs, product.id).contains(QStringLiteral("Steam wand broken")));
    QTRY_VERIFY_WITH_TIMEOUT(mine->findChild<QPushButton *>("backOnSaleButton")->isEnabled(), Wait);

    // The hub refuses an order of it, naming why.
    const QString refused = manager.session.sendCommand(
        "/orders", "create_order",
        {{"customer_name", "Walk-in"},
         {"items", QJsonArray{QJsonObject{{"product_id", product.id}, {"quantity", 1}}}}},
        "order");
    QTRY_COMPARE_WITH_TIMEOUT(manager.session.outbox()->entry(refused)->state,
                              OutboxEntry::State::Refused, Wait);

    // Back on sale from the manager's view: the employee's console follows.
    QVERIFY(theirs->select(product.id));
    theirs->findChild<QPushButton *>("backOnSaleButton")->click();
    QTRY_VERIFY_WITH_TIMEOUT(!find(employee.session, product.name)->offSale, Wait);
    QTRY_VERIFY_WITH_TIMEOUT(find(employee.session, product.name)->isOrderable(), Wait);
    QCOMPARE(statusOf(mine, product.id), QStringLiteral("On sale"));

    // A customization alone.
    // (Copies: the session's menu is replaced as events come.)
    MenuProduct withOptions;
    for (const MenuProduct &p : employee.session.menu())
        if (!p.options.isEmpty() && withOptions.id.isEmpty())
            withOptions = p;
    QVERIFY(!withOptions.id.isEmpty());
    employee.session.setAvailability(withOptions.id, withOptions.options.first().id, false,
                                     QStringLiteral("No syrup"));
    QTRY_VERIFY_WITH_TIMEOUT(find(manager.session, withOptions.name)->options.first().offSale,
                             Wait);
    QVERIFY(!find(manager.session, withOptions.name)->offSale);

    // Names from the network are text: markup shows as typed, in the tree and the details.
    MenuFile::Product hostile;
    hostile.name = QStringLiteral("<img src=/dev/zero>Mocha");
    hostile.category = QStringLiteral("<b>bold</b>");
    hostile.priceCents = 100;
    manager.session.saveProduct({}, hostile);
    QTRY_VERIFY_WITH_TIMEOUT(find(employee.session, hostile.name), Wait);
    QVERIFY(mine->select(find(employee.session, hostile.name)->id));
    QCOMPARE(mine->tree()->currentItem()->text(0), hostile.name);
    auto *details = mine->findChild<QLabel *>(QStringLiteral("menuDetails"));
    QCOMPARE(details->textFormat(), Qt::PlainText);
    QVERIFY(details->text().startsWith(hostile.name + QStringLiteral(" — <b>bold</b>")));
}

void tst_MenuView::managerEditsImportsAndExports()
{
    LiveHub hub;
    QVERIFY(hub.start());
    // One window after the other: signing in waits for its window to be the active one.
    Console manager;
    QVERIFY(manager.signIn(hub, "M1", "4321"));
    Console employee;
    QVERIFY(employee.signIn(hub, "E1", "1234"));
    QTRY_VERIFY_WITH_TIMEOUT(manager.session.inventory()->rowCount() > 0, Wait);
    MenuView *view = manager.window.menuView();
    QVERIFY(manager.window.showView(QStringLiteral("menu")));

    // A new product through the editor.
    view->findChild<QPushButton *>("addButton")->click();
    auto *editor = openDialog<ProductEditorDialog>(view);
    QVERIFY(editor);
    QVERIFY(!editor->problem().isEmpty()); // no name yet
    editor->setName(QStringLiteral("Cardamom Bun"));
    editor->setPrice(390);
    const QString itemId = manager.session.inventory()->rows().first().id;
    editor->addIngredient(itemId, 2);
    editor->addCustomization(QStringLiteral("Warmed"), 0);
    editor->addCustomization(QStringLiteral("Icing"), 40);
    editor->addIngredient(itemId, 3);
    QVERIFY(!editor->problem().isEmpty()); // the same ingredient twice
    editor->findChild<QTableWidget *>("recipe")->setCurrentCell(1, 0);
    editor->findChild<QPushButton *>("recipeRemove")->click();
    QVERIFY2(editor->problem().isEmpty(), qPrintable(editor->problem()));
    editor->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save)->click();
    QTRY_VERIFY_WITH_TIMEOUT(find(employee.session, QStringLiteral("Cardamom Bun")), Wait);
    const MenuProduct bun = *find(employee.session, QStringLiteral("Cardamom Bun"));
    QCOMPARE(bun.price, 390);
    QCOMPARE(bun.recipe.value(itemId), 2.0);
    QCOMPARE(bun.options.size(), 2);
    QCOMPARE(bun.options.at(1).price, 40);

    // Edited: the price changes, the customizations keep their ids.
    QTRY_VERIFY_WITH_TIMEOUT(view->select(bun.id), Wait);
    view->findChild<QPushButton *>("editButton")->click();
    editor = openDialog<ProductEditorDialog>(view);
    QVERIFY(editor);
    QCOMPARE(editor->productId(), bun.id);
    editor->setPrice(420);
    editor->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save)->click();
    QTRY_COMPARE_WITH_TIMEOUT(find(employee.session, QStringLiteral("Cardamom Bun"))->price, 420,
                              Wait);
    const MenuProduct edited = *find(employee.session, QStringLiteral("Cardamom Bun"));
    QCOMPARE(edited.options.at(0).id, bun.options.at(0).id);
    QCOMPARE(edited.options.at(1).id, bun.options.at(1).id);

    // Retired and restored: gone from every console's menu, then back.
    manager.session.retireProduct(bun.id);
    QTRY_VERIFY_WITH_TIMEOUT(!find(employee.session, QStringLiteral("Cardamom Bun")), Wait);
    manager.session.restoreProduct(bun.id);
    QTRY_VERIFY_WITH_TIMEOUT(find(employee.session, QStringLiteral("Cardamom Bun")), Wait);

    // Export writes what the hub answers; an import of the file changed comes back everywhere.
    QTemporaryDir files;
    const QString csv = files.filePath(QStringLiteral("menu.csv"));
    QString exportError = QStringLiteral("not yet");
    view->exportMenuTo(csv, MenuFile::Format::Csv,
                       [&](const QString &error) { exportError = error; });
    QTRY_VERIFY_WITH_TIMEOUT(exportError != QStringLiteral("not yet"), Wait);
    QVERIFY2(exportError.isEmpty(), qPrintable(exportError));
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QByteArray text = file.readAll();
    file.close();
    const MenuFile::Parsed exported = MenuFile::fromCsv(text);
    QVERIFY(exported.ok());
    QCOMPARE(exported.products.size(), manager.session.menu().size());
    QVERIFY(text.contains("product,Cardamom Bun,,coffee,4.20,,"));
    text.replace("product,Cardamom Bun,,coffee,4.20,,", "product,Cardamom Bun,,coffee,4.60,,");
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(text);
    file.close();
    QString error;
    QVERIFY(!view->importMenuFrom(csv, MenuFile::Format::Csv, false, &error).isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(find(employee.session, QStringLiteral("Cardamom Bun"))->price, 460,
                              Wait);
    QCOMPARE(find(employee.session, QStringLiteral("Cardamom Bun"))->id, bun.id);

    // A bad file is refused before anything is sent, naming where.
    const QString bad = files.filePath(QStringLiteral("bad.csv"));
    QFile badFile(bad);
    QVERIFY(badFile.open(QIODevice::WriteOnly));
    badFile.write("type,product,customization,category,price,sku,quantity\n"
                  "product,Scone,,pastry,\"2.50,,\n");
    badFile.close();
    const int waiting = manager.session.outbox()->rowCount();
    QVERIFY(view->importMenuFrom(bad, MenuFile::Format::Csv, false, &error).isEmpty());
    QVERIFY2(error.contains(QStringLiteral("row 2, column 5")), qPrintable(error));
    QCOMPARE(manager.session.outbox()->rowCount(), waiting);

    // A valid file too large for one message to the hub (1000 products with 20 customizations
    // each: 3.8 MB as written, over 900 KB as sent) is refused before anything is sent, rather than
    // sent into a closed link again and again; the hub keeps its menu.
    QList<MenuFile::Product> many;
    for (int i = 0; i < MenuFile::kMaxProducts; ++i) {
        MenuFile::Product p{QStringLiteral("Seasonal special %1").arg(i),
                            QStringLiteral("coffee"),
                            450,
                            std::nullopt,
                            {},
                            {}};
        for (int c = 0; c < 20; ++c)
            p.customizations.append({{}, QStringLiteral("Extra option number %1").arg(c), 50, {}});
        many.append(p);
    }
    const QString big = files.filePath(QStringLiteral("big.json"));
    QFile bigFile(big);
    QVERIFY(bigFile.open(QIODevice::WriteOnly));
    bigFile.write(MenuFile::encode(many, MenuFile::Format::Json));
    bigFile.close();
    QVERIFY(MenuFile::decode(MenuFile::encode(many, MenuFile::Format::Json), MenuFile::Format::Json)
                .ok());
    error.clear();
    QVERIFY(view->importMenuFrom(big, MenuFile::Format::Json, false, &error).isEmpty());
    QVERIFY2(error.contains(QStringLiteral("too large")), qPrintable(error));
    QCOMPARE(manager.session.outbox()->rowCount(), waiting);
    QVERIFY(!find(manager.session, QStringLiteral("Seasonal special 1")));
}

QTEST_MAIN(tst_MenuView)
#include "tst_menuview.moc"
