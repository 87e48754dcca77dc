// Order entry against a real hub (HubServer on 127.0.0.1, port 0): an order rung up from the
// keyboard and one by clicks, each in the hub with the screen's total to the cent and its payment
// started (cash, QR) and completed from the same screen; a product out of stock cannot be added,
// and the menu change reaches the open view (the grid and a cart line holding the product).
#include "fakeeventsource.h"
#include "livehubfixture.h"

#include "entrypaymentpanel.h"
#include "orderentryview.h"
#include "qrcodepanel.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QGroupBox>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTabBar>

using namespace TableTap;
using namespace TableTap::TestUi;

namespace {
QString productId(ConsoleSession &session, const QString &name)
{
    for (const MenuProduct &p : session.menu())
        if (p.name == name)
            return p.id;
    return {};
}

QListWidgetItem *gridItem(OrderEntryView *view, const QString &productId)
{
    for (int i = 0; i < view->grid()->count(); ++i)
        if (view->grid()->item(i)->data(Qt::UserRole + 1).toString() == productId)
            return view->grid()->item(i);
    return nullptr;
}

void clickItem(QListWidget *list, QListWidgetItem *item)
{
    list->scrollToItem(item);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(item).center());
}

// The hub's payments of an order (list_payments as a manager).
QJsonArray hubPayments(LiveHub &hub, const QString &orderId)
{
    const HubActor actor{"test", "Test", HubRole::Manager, "c1"};
    const CommandResult r = hub.server->service()->execute(actor, "/payments", "list_payments",
                                                           QJsonObject{{"order_id", orderId}});
    if (!r.ok())
        qWarning() << "list_payments:" << r.ack;
    return r.ack.value("data").toObject().value("payments").toArray();
}

Cents hubTotal(LiveHub &hub, const QString &orderId)
{
    return centsFromNumber(
        hub.order(orderId).value("totals").toObject().value("total_amount").toDouble());
}
} // namespace

class tst_OrderEntry : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void fromTheKeyboardPaidCash();
    void byClicksPaidByQr();
    void unavailableCannotBeAdded();
    void answerWithoutTheOrder();
    void offSaleShownWithItsReason();

private:
    std::unique_ptr<LiveHub> m_hub;
    std::unique_ptr<Console> m_console;
    OrderEntryView *m_view = nullptr;
};

void tst_OrderEntry::init()
{
    const QByteArray test = QTest::currentTestFunction();
    if (test == "answerWithoutTheOrder" || test == "offSaleShownWithItsReason")
        return; // no hub: a server of its own

    m_hub = std::make_unique<LiveHub>();
    QVERIFY(m_hub->start());
    m_console = std::make_unique<Console>();
    QVERIFY(m_console->signIn(*m_hub, "E1", "1234"));
    // Everyone takes orders: the employee sees the view and opens it by name.
    QVERIFY(m_console->window.showView("entry"));
    m_view = m_console->window.orderEntryView();
    QVERIFY(m_view);
    QCOMPARE(m_console->window.findChild<QTabWidget *>("views")->currentWidget(), m_view);
    QVERIFY(QTest::qWaitFor([this] { return !m_console->session.settings().isEmpty(); }, Wait));
    QVERIFY(!m_view->shownProducts().isEmpty());
}

void tst_OrderEntry::cleanup()
{
    m_view = nullptr;
    m_console.reset();
    m_hub.reset();
}

void tst_OrderEntry::fromTheKeyboardPaidCash()
{
    ConsoleSession &session = m_console->session;
    const QString latte = productId(session, "Latte");
    const QString croissant = productId(session, "Croissant");
    QVERIFY(!latte.isEmpty() && !croissant.isEmpty());

    // Ctrl+F, type: the grid filters as one types; Enter adds the first match.
    m_view->cartList()->setFocus();
    QTest::keyClick(m_view->cartList(), Qt::Key_F, Qt::ControlModifier);
    QVERIFY(m_view->searchField()->hasFocus());
    QTest::keyClicks(m_view->searchField(), "croiss");
    QCOMPARE(m_view->shownProducts(), QStringList{croissant});
    QTest::keyClick(m_view->searchField(), Qt::Key_Return);
    QCOMPARE(m_view->cart().lines().size(), 1);
    QCOMPARE(m_view->cart().lines().at(0).productId, croissant);

    // "/" searches again; Down into the grid, arrows to the Latte, Enter, and + for a second.
    QTest::keyClick(m_view->cartList(), Qt::Key_Slash);
    QVERIFY(m_view->searchField()->hasFocus());
    QTest::keyClicks(m_view->searchField(), "latte");
    QVERIFY(m_view->shownProducts().contains(latte));
    for (const MenuProduct &p : session.menu())
        QCOMPARE(m_view->shownProducts().contains(p.id),
                 p.name.contains("latte", Qt::CaseInsensitive));
    QTest::keyClick(m_view->searchField(), Qt::Key_Down);
    QVERIFY(m_view->grid()->hasFocus());
    for (int i = 0; i < 10 && m_view->grid()->currentItem()->data(Qt::UserRole + 1) != latte; ++i)
        QTest::keyClick(m_view->grid(), Qt::Key_Right);
    QCOMPARE(m_view->grid()->currentItem()->data(Qt::UserRole + 1).toString(), latte);
    QTest::keyClick(m_view->grid(), Qt::Key_Return);
    QTest::keyClick(m_view->grid(), Qt::Key_Plus);
    QCOMPARE(m_view->cart().lines().size(), 2);
    QCOMPARE(m_view->cart().lines().at(1).quantity, 2);
    QTest::keyClick(m_view->grid(), Qt::Key_Plus);
    QTest::keyClick(m_view->grid(), Qt::Key_Minus);
    QCOMPARE(m_view->cart().lines().at(1).quantity, 2);

    // The Latte line is selected: its customizations are offered; Space ticks Extra shot.
    QVERIFY(m_view->optionsBox()->title().contains("Latte"));
    QCheckBox *shot = nullptr;
    for (QCheckBox *box : m_view->optionsBox()->findChildren<QCheckBox *>())
        if (box->text().startsWith("Extra shot"))
            shot = box;
    QVERIFY(shot);
    const QString shotName = shot->objectName();
    shot->setFocus();
    QTest::keyClick(shot, Qt::Key_Space);
    QVERIFY(
        QTest::qWaitFor([&] { return !m_view->cart().lines().at(1).optionIds.isEmpty(); }, Wait));
    QCOMPARE(m_view->cart().lines().at(1).unitPrice(), Cents(450 + 75));
    // The boxes are rebuilt; the focus stays on the ticked one, for the next Space or Tab.
    QTRY_VERIFY(QApplication::focusWidget() && QApplication::focusWidget()->objectName() == shotName
                && qobject_cast<QCheckBox *>(QApplication::focusWidget())->isChecked());

    // Ctrl+Enter without a name: refused, the name field gets the focus.
    QTest::keyClick(m_view->grid(), Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(m_view->nameField()->hasFocus());
    QVERIFY(m_view->statusText().contains("name"));
    QTest::keyClicks(m_view->nameField(), "Walk-in Wendy");
    QTest::keyClick(m_view->nameField(), Qt::Key_Tab);
    QVERIFY(m_view->phoneField()->hasFocus());
    QTest::keyClicks(m_view->phoneField(), "+1 555 0100");
    QTest::keyClick(m_view->phoneField(), Qt::Key_Tab);
    QTest::keyClicks(m_view->notesField(), "no lid");
    // The cafe's tip suggestions are buttons; Space on the 15 % one.
    QPushButton *fifteen = m_view->findChild<QPushButton *>("tip150000");
    QVERIFY(fifteen);
    fifteen->setFocus();
    QTest::keyClick(fifteen, Qt::Key_Space);
    QCOMPARE(m_view->cart().tipRatePpm(), qint64(150000));
    // 3.25 + 2 x 5.25 = 13.75; tax 10 % = 1.38 (1.375 up); tip 15 % = 2.06 (2.0625).
    QCOMPARE(m_view->cart().subtotal(), Cents(1375));
    QCOMPARE(m_view->cart().tax(), Cents(138));
    QCOMPARE(m_view->cart().tip(), Cents(206));
    const Cents total = m_view->cart().total();
    QCOMPARE(m_view->totalText(), formatCents(total));

    QTest::keyClick(m_view->notesField(), Qt::Key_Enter, Qt::ControlModifier);
    EntryPaymentPanel *pay = m_view->paymentPanel();
    QVERIFY(QTest::qWaitFor([&] { return !pay->orderId().isEmpty(); }, Wait));
    const QString orderId = pay->orderId();
    const QJsonObject hubOrder = m_hub->order(orderId);
    QCOMPARE(hubTotal(*m_hub, orderId), total);
    QCOMPARE(hubOrder.value("customer_name").toString(), QString("Walk-in Wendy"));
    QCOMPARE(hubOrder.value("customer_phone").toString(), QString("+1 555 0100"));
    QCOMPARE(hubOrder.value("notes").toString(), QString("no lid"));
    QCOMPARE(hubOrder.value("items").toArray().size(), 2);
    QCOMPARE(hubOrder.value("items").toArray().at(1).toObject().value("customizations").toArray(),
             QJsonArray{"Extra shot"});
    QVERIFY(m_view->statusText().contains(hubOrder.value("order_number").toString()));

    // Cash: Space on the focused Cash button; the cash received defaults to the total.
    QVERIFY(pay->cashButton()->hasFocus());
    QTest::keyClick(pay->cashButton(), Qt::Key_Space);
    QVERIFY(QTest::qWaitFor([&] { return !pay->transactionId().isEmpty(); }, Wait));
    const QJsonArray started = hubPayments(*m_hub, orderId);
    QCOMPARE(started.size(), 1);
    QCOMPARE(started.at(0).toObject().value("payment_method").toString(), QString("cash"));
    QCOMPARE(started.at(0).toObject().value("status").toString(), QString("processing"));
    QCOMPARE(centsFromNumber(started.at(0).toObject().value("amount").toDouble()), total);
    QVERIFY(pay->receivedField()->isVisible());
    QCOMPARE(centsFromNumber(pay->receivedField()->value()), total);
    pay->receivedField()->setValue(20.0);
    QTest::keyClick(pay->confirmButton(), Qt::Key_Space);
    // Paid: the screen clears for the next customer and says the change.
    QVERIFY(QTest::qWaitFor([&] { return m_view->cart().isEmpty(); }, Wait));
    QVERIFY(m_view->statusText().contains(formatCents(2000 - total)));
    QVERIFY(m_view->statusText().contains(hubOrder.value("order_number").toString()));
    QVERIFY(m_view->nameField()->text().isEmpty());
    QVERIFY(m_view->searchField()->hasFocus());
    QCOMPARE(hubPayments(*m_hub, orderId).at(0).toObject().value("status").toString(),
             QString("completed"));
    QCOMPARE(m_hub->order(orderId).value("payment_status").toString(), QString("paid"));

    // Esc clears a half-made order.
    QTest::keyClicks(m_view->searchField(), "espresso");
    QTest::keyClick(m_view->searchField(), Qt::Key_Return);
    QCOMPARE(m_view->cart().lines().size(), 1);
    QTest::keyClick(m_view->searchField(), Qt::Key_Escape); // empties the search first
    QVERIFY(m_view->searchField()->text().isEmpty());
    QCOMPARE(m_view->cart().lines().size(), 1);
    QTest::keyClick(m_view->searchField(), Qt::Key_Escape);
    QVERIFY(m_view->cart().isEmpty());
}

void tst_OrderEntry::byClicksPaidByQr()
{
    ConsoleSession &session = m_console->session;
    const QString espresso = productId(session, "Espresso");
    const QString croissant = productId(session, "Croissant");
    // A category tab narrows the grid.
    QTabBar *tabs = m_view->categoryBar();
    int pastry = -1;
    for (int i = 0; i < tabs->count(); ++i)
        if (tabs->tabData(i).toString() == "pastry")
            pastry = i;
    QVERIFY(pastry > 0);
    QTest::mouseClick(tabs, Qt::LeftButton, {}, tabs->tabRect(pastry).center());
    QVERIFY(m_view->shownProducts().contains(croissant));
    QVERIFY(!m_view->shownProducts().contains(espresso));
    clickItem(m_view->grid(), gridItem(m_view, croissant));
    clickItem(m_view->grid(), gridItem(m_view, croissant));
    QTest::mouseClick(tabs, Qt::LeftButton, {}, tabs->tabRect(0).center());
    clickItem(m_view->grid(), gridItem(m_view, espresso));
    QCOMPARE(m_view->cart().lines().size(), 2);
    QCOMPARE(m_view->cart().lines().at(0).quantity, 2);
    // The buttons on the selected line: one more espresso, then one less croissant.
    QTest::mouseClick(m_view->findChild<QPushButton *>("entryPlus"), Qt::LeftButton);
    QCOMPARE(m_view->cart().lines().at(1).quantity, 2);
    m_view->cartList()->setCurrentRow(0);
    QTest::mouseClick(m_view->findChild<QPushButton *>("entryMinus"), Qt::LeftButton);
    QCOMPARE(m_view->cart().lines().at(0).quantity, 1);
    QVERIFY(!m_view->placeButton()->isEnabled()); // no name yet
    QTest::mouseClick(m_view->nameField(), Qt::LeftButton);
    QTest::keyClicks(m_view->nameField(), "Quentin");
    // A custom tip amount.
    QTest::mouseClick(m_view->findChild<QPushButton *>("tipCustom"), Qt::LeftButton);
    QVERIFY(m_view->customTipField()->isEnabled());
    m_view->customTipField()->setValue(1.37);
    QCOMPARE(m_view->cart().tip(), Cents(137));
    const Cents total = m_view->cart().total();
    QCOMPARE(total, Cents(325 + 500 + 83 + 137)); // tax 10 % of 8.25 = 0.825 -> 0.83
    QVERIFY(m_view->placeButton()->isEnabled());
    QTest::mouseClick(m_view->placeButton(), Qt::LeftButton);
    EntryPaymentPanel *pay = m_view->paymentPanel();
    QVERIFY(QTest::qWaitFor([&] { return !pay->orderId().isEmpty(); }, Wait));
    const QString orderId = pay->orderId();
    QCOMPARE(hubTotal(*m_hub, orderId), total);
    // While it waits for payment the cart cannot change.
    QVERIFY(!m_view->grid()->isEnabled());
    QVERIFY(!m_view->addProduct(espresso));

    // QR: the hub opens the payment and the code shows on this screen.
    QTest::mouseClick(pay->qrButton(), Qt::LeftButton);
    QVERIFY(QTest::qWaitFor([&] { return !pay->transactionId().isEmpty(); }, Wait));
    QVERIFY(QTest::qWaitFor([&] { return !pay->qrPanel()->image().isNull(); }, Wait));
    QVERIFY(pay->qrPanel()->isVisible());
    const QJsonArray started = hubPayments(*m_hub, orderId);
    QCOMPARE(started.size(), 1);
    const QJsonObject qr = started.at(0).toObject();
    QCOMPARE(qr.value("payment_method").toString(), QString("qr"));
    QCOMPARE(qr.value("status").toString(), QString("processing"));
    QCOMPARE(centsFromNumber(qr.value("amount").toDouble()), total);
    QCOMPARE(pay->qrPanel()->image().text("data"), qr.value("qr_code_data").toString());
    QVERIFY(pay->confirmButton()->isVisible());
    QTest::mouseClick(pay->confirmButton(), Qt::LeftButton);
    QVERIFY(QTest::qWaitFor([&] { return m_view->cart().isEmpty(); }, Wait));
    QVERIFY(m_view->statusText().contains(m_hub->order(orderId).value("order_number").toString()));
    QCOMPARE(hubPayments(*m_hub, orderId).at(0).toObject().value("status").toString(),
             QString("completed"));
    QVERIFY(m_view->grid()->isEnabled());
}

void tst_OrderEntry::unavailableCannotBeAdded()
{
    ConsoleSession &session = m_console->session;
    const QString croissant = productId(session, "Croissant");
    QVERIFY(m_view->addProduct(croissant));
    QTest::keyClicks(m_view->nameField(), "Olga");
    QVERIFY(m_view->placeButton()->isEnabled());

    // Another console (a manager's) writes off every croissant: the hub disables the product
    // and this view follows while it is open.
    Console manager;
    QVERIFY(manager.signIn(*m_hub, "M1", "4321"));
    QString itemId;
    QVERIFY(QTest::qWaitFor(
        [&] {
            for (const StockItem &s : manager.session.inventory()->rows())
                if (s.sku == "PAS001")
                    itemId = s.id;
            return !itemId.isEmpty();
        },
        Wait));
    manager.session.adjustStock(itemId, "waste", 40, "dropped the tray");
    QVERIFY(QTest::qWaitFor(
        [&] {
            QListWidgetItem *item = gridItem(m_view, croissant);
            return item && !(item->flags() & Qt::ItemIsEnabled);
        },
        Wait));
    QVERIFY(gridItem(m_view, croissant)->text().contains("Out of stock"));
    // The line in the cart is flagged and blocks the order.
    QCOMPARE(m_view->cart().lines().at(0).problem, CartLine::Problem::ProductUnavailable);
    QVERIFY(m_view->cartList()->item(0)->text().contains("unavailable"));
    QVERIFY(!m_view->placeButton()->isEnabled());
    // Back to this console's window (the manager's took the focus) for its shortcuts.
    m_console->window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&m_console->window));
    m_view->nameField()->setFocus();
    QTest::keyClick(m_view->nameField(), Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(m_view->paymentPanel()->orderId().isEmpty());
    QVERIFY(m_view->statusText().contains("unavailable"));
    // It cannot be added: not by a click, not by name, not by Enter on a search.
    const int before = m_view->cart().itemCount();
    clickItem(m_view->grid(), gridItem(m_view, croissant));
    QVERIFY(!m_view->addProduct(croissant));
    m_view->searchField()->setFocus();
    QTest::keyClicks(m_view->searchField(), "croissant");
    QTest::keyClick(m_view->searchField(), Qt::Key_Return);
    QCOMPARE(m_view->cart().itemCount(), before);
    // Removing the line unblocks; a restock brings the product back at once.
    m_view->cartList()->setCurrentRow(0);
    QTest::keyClick(m_view->cartList(), Qt::Key_Delete);
    QVERIFY(m_view->cart().isEmpty());
    manager.session.adjustStock(itemId, "purchase", 20, "delivery");
    QVERIFY(QTest::qWaitFor(
        [&] {
            QListWidgetItem *item = gridItem(m_view, croissant);
            return item && (item->flags() & Qt::ItemIsEnabled);
        },
        Wait));
    QVERIFY(m_view->addProduct(croissant));
    QVERIFY(m_view->placeButton()->isEnabled());
}

// A server whose answers carry no order (or that answers only with its event): the order is
// placed, the screen clears, and its payment is left to the queue instead of a payment step
// for an order it does not know.
void tst_OrderEntry::answerWithoutTheOrder()
{
    FakeEventSource source;
    ConsoleSession session(&source);
    signInOffline(session, "employee");
    source.connectNamespaces(ConsoleSession::namespaces(), false);
    source.answerSnapshots();
    QVERIFY(!session.menu().isEmpty());
    OrderEntryView view(&session);
    view.show();
    QString orderable;
    for (const MenuProduct &p : session.menu())
        if (p.isOrderable() && orderable.isEmpty())
            orderable = p.id;
    QVERIFY(view.addProduct(orderable));
    view.nameField()->setText("Nora");
    view.placeOrder();
    QCOMPARE(source.waiting("create_order").size(), 1);
    const int request = source.waiting("create_order").first();
    QCOMPARE(source.requests[request].payload.value("customer_name").toString(), QString("Nora"));
    // Placing again while it is on its way sends nothing.
    view.placeOrder();
    QCOMPARE(source.count("create_order"), 1);
    source.answer(request, QJsonObject{});
    QVERIFY(view.cart().isEmpty());
    QVERIFY(view.paymentPanel()->orderId().isEmpty());
    QVERIFY(view.statusText().contains("queue"));
    QVERIFY(view.grid()->isEnabled());
}

// Products and customizations taken off sale by hand ("86", list_menu's off_sale) while the view
// is open: shown with the reason and the time they come back, not addable, and a cart line using
// one blocks the order until the customization is taken off it.
void tst_OrderEntry::offSaleShownWithItsReason()
{
    QFile f(QStringLiteral(TT_SNAPSHOT_FIXTURES "/list_menu.json"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonObject onSale = QJsonDocument::fromJson(f.readAll()).object();
    FakeEventSource source;
    ConsoleSession session(&source);
    signInOffline(session, "employee");
    source.connectNamespaces(ConsoleSession::namespaces(), false);
    source.answerSnapshots();
    OrderEntryView view(&session);
    view.show();
    const QJsonArray products = onSale.value("data").toObject().value("products").toArray();
    const QJsonObject latte = products.at(3).toObject();
    const QJsonObject flatWhite = products.at(4).toObject();
    QCOMPARE(latte.value("name").toString(), QString("Latte"));
    const QString shotId
        = latte.value("customizations").toArray().at(0).toObject().value("id").toString();
    QVERIFY(view.addProduct(latte.value("id").toString()));
    QCheckBox *shot = view.optionsBox()->findChild<QCheckBox *>("option:" + shotId);
    QVERIFY(shot);
    shot->setChecked(true);
    QTRY_COMPARE(view.cart().lines().at(0).optionIds, QStringList{shotId});
    view.nameField()->setText("Ida");
    QVERIFY(view.placeButton()->isEnabled());

    // The manager 86es the Flat White until 14:00 and the Latte's extra shot.
    QJsonObject data = onSale.value("data").toObject();
    QJsonArray changed = products;
    QJsonObject fw = flatWhite;
    fw.insert("off_sale", QJsonObject{{"reason", "Steam wand broken"},
                                      {"until", "2026-12-07T14:00:00Z"},
                                      {"by", QJsonObject{{"id", "m1"}, {"name", "Mia"}}},
                                      {"at", "2026-12-07T09:00:00Z"}});
    changed.replace(4, fw);
    QJsonObject l = latte;
    QJsonArray options = l.value("customizations").toArray();
    QJsonObject o = options.at(0).toObject();
    o.insert("off_sale", QJsonObject{{"reason", "Grinder jammed"}, {"until", QJsonValue()}});
    options.replace(0, o);
    l.insert("customizations", options);
    changed.replace(3, l);
    data.insert("products", changed);
    session.resync();
    const QList<int> menuRequests = source.waiting("list_menu");
    QCOMPARE(menuRequests.size(), 1);
    source.answer(menuRequests.first(), data);
    source.answerSnapshots();

    QListWidgetItem *item = gridItem(&view, flatWhite.value("id").toString());
    QVERIFY(item);
    QVERIFY(!(item->flags() & Qt::ItemIsEnabled));
    QVERIFY(item->text().contains("Off the menu: Steam wand broken"));
    QVERIFY(item->text().contains("(until"));
    QVERIFY(!view.addProduct(flatWhite.value("id").toString()));
    QVERIFY(view.statusText().contains("Steam wand broken"));
    // The line with the extra shot is blocked; the shot can be taken off, not put back on.
    QCOMPARE(view.cart().lines().at(0).problem, CartLine::Problem::OptionUnavailable);
    QVERIFY(view.cartList()->item(0)->text().contains("Grinder jammed"));
    QVERIFY(!view.placeButton()->isEnabled());
    shot = view.optionsBox()->findChild<QCheckBox *>("option:" + shotId);
    QVERIFY(shot && shot->isEnabled());
    QVERIFY(shot->text().contains("Grinder jammed"));
    shot->setChecked(false);
    QTRY_VERIFY(!view.cart().hasProblems());
    QVERIFY(view.placeButton()->isEnabled());
    // Rebuilt after the click: the box is there, and it cannot be ticked again.
    QTRY_VERIFY([&] {
        QCheckBox *box = view.optionsBox()->findChild<QCheckBox *>("option:" + shotId);
        return box && !box->isEnabled() && !box->isChecked();
    }());
}

QTEST_MAIN(tst_OrderEntry)
#include "tst_orderentry.moc"
