// The order queue, clicked and typed at like a barista would: the row button and Space advance
// an order (one outbox entry, a pending marker until the hub answers), Ctrl+Z recalls, manager
// actions exist only for managers, the counter filter follows the counter's room, and live
// updates keep the selection and the scroll position.
#include "uitesthelpers.h"

#include "consolesettings.h"
#include "mainwindow.h"
#include "orderdetailspane.h"
#include "orderfiltermodel.h"
#include "orderqueuedelegate.h"
#include "orderqueueview.h"
#include "reasondialog.h"

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QToolButton>

using namespace TableTap;
using namespace TableTap::TestUi;

namespace {
// A queue view of its own session, on screen.
struct Queue
{
    ConsoleSession session;
    ConsoleSettings settings;
    OrderQueueView view{&session, &settings};

    bool shown()
    {
        view.resize(1200, 600);
        view.show();
        return QTest::qWaitForWindowExposed(&view);
    }
};
} // namespace

class tst_OrderQueueView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rowButtonAdvancesOnce();
    void spaceAndEnterAdvance();
    void recallUndoesLastChange();
    void employeeHasNoManagerActions();
    void managerCancelsWithReason();
    void managerMovesToCounter();
    void counterFilterFollowsRoom();
    void selectionAndScrollSurviveLiveUpdates();
    void detailsShowOrderAndWarnings();
    void detailsTickItemsAsMade();
    void ageColoursFollowThresholds();

private:
    static QPoint buttonCentre(OrderQueueView &view, int proxyRow)
    {
        QTableView *t = view.table();
        const QRect cell
            = t->visualRect(view.filter()->index(proxyRow, OrderQueueModel::StatusColumn));
        return OrderQueueDelegate::buttonRect(cell, t->fontMetrics()).center();
    }
};

void tst_OrderQueueView::rowButtonAdvancesOnce()
{
    Queue q;
    QVERIFY(q.shown());
    ConsoleSession &session = q.session;
    OrderQueueView &view = q.view;
    addOrders(session, {order("a"), order("b", OrderStatus::Preparing)});
    QCOMPARE(view.filter()->rowCount(), 2);

    const int row = view.filter()
                        ->mapFromSource(session.orders()->index(session.orders()->rowOf("a"), 0))
                        .row();
    QTest::mouseClick(view.table()->viewport(), Qt::LeftButton, {}, buttonCentre(view, row));

    const auto sent = outboxEntries(session, "update_order_status");
    QCOMPARE(sent.size(), 1);
    QCOMPARE(sent.first().payload.value("order_id").toString(), QString("a"));
    QCOMPARE(sent.first().payload.value("status").toString(), QString("preparing"));
    QVERIFY(!sent.first().payload.value("request_id").toString().isEmpty());
    QCOMPARE(sent.first().state, OutboxEntry::State::Pending); // nobody to send it to yet
    const QModelIndex a = view.filter()->index(row, 0);
    QVERIFY(!a.data(OrderQueueModel::PendingActionRole).toString().isEmpty());
    QCOMPARE(view.currentOrderId(), QString("a"));
    QVERIFY(!view.advanceAction()->isEnabled());

    // While the first change waits for the hub, neither a click nor a key sends another.
    QTest::mouseClick(view.table()->viewport(), Qt::LeftButton, {}, buttonCentre(view, row));
    QTest::keyClick(view.table(), Qt::Key_Space);
    QCOMPARE(outboxEntries(session, "update_order_status").size(), 1);

    // The hub's event confirms it: the marker goes, the next step is offered.
    statusChanged(session, "a", OrderStatus::Pending, OrderStatus::Preparing);
    QVERIFY(
        view.filter()->index(row, 0).data(OrderQueueModel::PendingActionRole).toString().isEmpty());
    QVERIFY(view.advanceAction()->isEnabled());
    QCOMPARE(view.advanceAction()->text(), OrderQueueDelegate::actionLabel(OrderStatus::Preparing));
}

void tst_OrderQueueView::spaceAndEnterAdvance()
{
    Queue q;
    QVERIFY(q.shown());
    ConsoleSession &session = q.session;
    OrderQueueView &view = q.view;
    addOrders(session, {order("a", OrderStatus::Pending, "Counter 1", 300),
                        order("b", OrderStatus::Ready, "Counter 1", 100)});
    view.focusQueue();
    QVERIFY(view.table()->hasFocus());
    QCOMPARE(view.currentOrderId(), QString("a")); // oldest first
    QTest::keyClick(view.table(), Qt::Key_Space);
    QTest::keyClick(view.table(), Qt::Key_Down);
    QCOMPARE(view.currentOrderId(), QString("b"));
    QTest::keyClick(view.table(), Qt::Key_Return);
    const auto sent = outboxEntries(session, "update_order_status");
    QCOMPARE(sent.size(), 2);
    QCOMPARE(sent.at(0).payload.value("status").toString(), QString("preparing"));
    QCOMPARE(sent.at(1).payload.value("order_id").toString(), QString("b"));
    QCOMPARE(sent.at(1).payload.value("status").toString(), QString("completed"));

    // Typing a space in the search box searches; it does not advance anything.
    view.searchAction()->trigger();
    QTest::keyClicks(QApplication::focusWidget(), "Customer a");
    QCOMPARE(outboxEntries(session, "update_order_status").size(), 2);
    QCOMPARE(view.filter()->rowCount(), 1);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QCOMPARE(view.filter()->rowCount(), 2);
    QVERIFY(view.table()->hasFocus());
}

void tst_OrderQueueView::recallUndoesLastChange()
{
    Queue q;
    QVERIFY(q.shown());
    ConsoleSession &session = q.session;
    OrderQueueView &view = q.view;
    addOrders(session, {order("a", OrderStatus::Ready)});
    view.focusQueue();
    QVERIFY(!view.recallAction()->isEnabled());
    QTest::keyClick(view.table(), Qt::Key_Space); // ready → completed
    statusChanged(session, "a", OrderStatus::Ready, OrderStatus::Completed);
    // Completed orders leave the open queue, but Ctrl+Z still brings the last one back.
    QCOMPARE(view.filter()->rowCount(), 0);
    QVERIFY(view.recallAction()->isEnabled());
    QVERIFY(view.recallAction()->text().contains("ORD-a"));
    QTest::keyClick(view.table(), Qt::Key_Z, Qt::ControlModifier);
    const auto sent = outboxEntries(session, "update_order_status");
    QCOMPARE(sent.size(), 2);
    QCOMPARE(sent.last().payload.value("status").toString(), QString("ready"));
    QCOMPARE(sent.last().payload.value("notes").toString(), QString("Recalled"));
    QVERIFY(!view.recallAction()->isEnabled()); // one recall per change
}

void tst_OrderQueueView::employeeHasNoManagerActions()
{
    ConsoleSession session;
    ConsoleSettings settings;
    MainWindow window(&session, &settings);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    signInOffline(session, "employee");
    addOrders(session, {order("a")});
    OrderQueueView *queue = window.queueView();
    queue->selectOrder("a");
    auto *cancel = queue->findChild<QToolButton *>("cancelButton");
    auto *reassign = queue->findChild<QToolButton *>("reassignButton");
    QVERIFY(cancel && reassign);
    QVERIFY(!cancel->isVisible());
    QVERIFY(!reassign->isVisible());
    QVERIFY(!queue->cancelAction()->isVisible());
    QVERIFY(!queue->cancelAction()->isEnabled());
    QVERIFY(!window.settingsAction()->isVisible());
    QVERIFY(window.findChild<QPushButton *>("counterToggle")->isHidden());
    QVERIFY(window.findChild<QPushButton *>("adjustButton")->isHidden());
    // The key does nothing either.
    queue->table()->setFocus();
    QTest::keyClick(queue->table(), Qt::Key_Delete);
    QVERIFY(!window.findChild<ReasonDialog *>());
    QVERIFY(outboxEntries(session, "cancel_order").isEmpty());

    // The same console signed in as a manager offers them.
    signInOffline(session, "manager", "u-2");
    QVERIFY(cancel->isVisible());
    QVERIFY(reassign->isVisible());
    QVERIFY(queue->cancelAction()->isEnabled());
    QVERIFY(window.settingsAction()->isVisible());
    QVERIFY(!window.findChild<QPushButton *>("counterToggle")->isHidden());
    QVERIFY(!window.findChild<QPushButton *>("adjustButton")->isHidden());
}

void tst_OrderQueueView::managerCancelsWithReason()
{
    Queue q;
    QVERIFY(q.shown());
    ConsoleSession &session = q.session;
    OrderQueueView &view = q.view;
    signInOffline(session, "manager");
    view.setManager(session.identity().isManager());
    addOrders(session, {order("a")});
    view.selectOrder("a");
    QTest::mouseClick(view.findChild<QToolButton *>("cancelButton"), Qt::LeftButton);
    auto *dialog = view.findChild<ReasonDialog *>();
    QVERIFY(dialog);
    auto *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QVERIFY(!ok->isEnabled()); // no reason, no cancel
    QTest::keyClicks(dialog->findChild<QComboBox *>("reason"), "Customer left");
    QVERIFY(ok->isEnabled());
    QTest::mouseClick(ok, Qt::LeftButton);
    const auto sent = outboxEntries(session, "cancel_order");
    QCOMPARE(sent.size(), 1);
    QCOMPARE(sent.first().payload.value("order_id").toString(), QString("a"));
    QCOMPARE(sent.first().payload.value("reason").toString(), QString("Customer left"));
    QVERIFY(
        !view.filter()->index(0, 0).data(OrderQueueModel::PendingActionRole).toString().isEmpty());
}

void tst_OrderQueueView::managerMovesToCounter()
{
    ConsoleSession session;
    ConsoleSettings settings;
    OrderQueueView view(&session, &settings);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    signInOffline(session, "admin");
    view.setManager(session.identity().isManager());
    session.counters()->resetCounters(
        {{"Counter 1", "active", {}}, {"Counter 2", "active", {}}, {"Counter 3", "inactive", {}}});
    addOrders(session, {order("a", OrderStatus::Pending, "Counter 1")});
    view.selectOrder("a");
    view.table()->setFocus();
    QTest::keyClick(view.table(), Qt::Key_M, Qt::ControlModifier);
    auto *dialog = view.findChild<ReasonDialog *>();
    QVERIFY(dialog);
    auto *counter = dialog->findChild<QComboBox *>("counter");
    QCOMPARE(counter->count(), 2); // active counters only
    QCOMPARE(counter->currentText(), QString("Counter 2"));
    dialog->setReason("Load balancing");
    clickOk(dialog);
    const auto sent = outboxEntries(session, "assign_counter");
    QCOMPARE(sent.size(), 1);
    QCOMPARE(sent.first().payload.value("counter").toString(), QString("Counter 2"));
    QCOMPARE(sent.first().payload.value("reason").toString(), QString("Load balancing"));
}

void tst_OrderQueueView::counterFilterFollowsRoom()
{
    ConsoleSession session;
    ConsoleSettings settings;
    {
        OrderQueueView view(&session, &settings);
        view.show();
        session.counters()->resetCounters(
            {{"Counter 1", "active", {}}, {"Counter 2", "active", {}}});
        addOrders(session, {order("a", OrderStatus::Pending, "Counter 1"),
                            order("b", OrderStatus::Pending, "Counter 2"),
                            order("c", OrderStatus::Preparing, "Counter 2")});
        QComboBox *box = view.counterBox();
        QCOMPARE(box->count(), 3);
        box->setFocus();
        // Pick "Counter 2" the way a keyboard user does.
        QTest::keyClick(box, Qt::Key_Down);
        QTest::keyClick(box, Qt::Key_Down);
        QCOMPARE(box->currentText(), QString("Counter 2"));
        QCOMPARE(view.filter()->counter(), QString("Counter 2"));
        QCOMPARE(session.followedCounter(), QString("Counter 2"));
        QCOMPARE(view.filter()->rowCount(), 2);
        // All-day counts follow the counter too: 2 lattes pending + 2 preparing at Counter 2.
        session.allDay()->flush();
        QCOMPARE(session.allDay()->waiting("Oat Milk Latte"), 4);
    }
    // The station remembers the counter it follows.
    ConsoleSession again;
    OrderQueueView view(&again, &settings);
    QCOMPARE(view.filter()->counter(), QString("Counter 2"));
    QCOMPARE(again.followedCounter(), QString("Counter 2"));
    view.setCounterFilter({});
}

void tst_OrderQueueView::selectionAndScrollSurviveLiveUpdates()
{
    ConsoleSession session;
    ConsoleSettings settings;
    OrderQueueView view(&session, &settings);
    view.resize(1200, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QList<Order> many;
    for (int i = 0; i < 80; ++i)
        many << order(QStringLiteral("o%1").arg(i, 2, 10, QLatin1Char('0')), OrderStatus::Preparing,
                      "Counter 1", 3000 - i * 10);
    addOrders(session, many);
    QCOMPARE(view.filter()->rowCount(), 80);
    // Scroll into the middle and select an order there, like someone working the queue.
    view.selectOrder("o50");
    view.table()->verticalScrollBar()->setValue(40);
    QCoreApplication::processEvents();
    const int topBefore = view.table()->rowAt(0);
    const QString topId
        = view.filter()->index(topBefore, 0).data(OrderQueueModel::OrderIdRole).toString();
    QCOMPARE(topId, QString("o40"));

    // Live traffic: ten older orders above complete (they leave), new ones arrive below,
    // another order changes status.
    for (int i = 0; i < 10; ++i) {
        OrderStatusChanged p;
        p.orderId = QStringLiteral("o%1").arg(i, 2, 10, QLatin1Char('0'));
        p.previousStatus = OrderStatus::Preparing;
        p.newStatus = OrderStatus::Completed;
        session.orders()->apply(cafeEvent("order:status_changed", "/orders", p));
    }
    addOrders(session, {order("n1", OrderStatus::Pending, "Counter 2", 1),
                        order("n2", OrderStatus::Pending, "Counter 2", 0)});
    statusChanged(session, "o45", OrderStatus::Preparing, OrderStatus::Ready);
    QCoreApplication::processEvents();

    QCOMPARE(view.filter()->rowCount(), 72);
    QCOMPARE(view.currentOrderId(), QString("o50"));
    QCOMPARE(view.details()->orderId(), QString("o50"));
    const QString topAfter = view.filter()
                                 ->index(view.table()->rowAt(0), 0)
                                 .data(OrderQueueModel::OrderIdRole)
                                 .toString();
    QCOMPARE(topAfter, topId);

    // The age tick re-sorts nothing and moves nothing either.
    session.orders()->setAgeThresholds(60, 120);
    QCoreApplication::processEvents();
    QCOMPARE(view.currentOrderId(), QString("o50"));
}

void tst_OrderQueueView::detailsShowOrderAndWarnings()
{
    ConsoleSession session;
    ConsoleSettings settings;
    OrderQueueView view(&session, &settings);
    view.show();
    Order proxy = order("p");
    proxy.isProxy = true;
    proxy.createdBy = {"u-9", "Maria", "employee"};
    proxy.orderedFor = {"u-7", "Chef Mike", "employee"};
    addOrders(session, {proxy});
    session.orders()->setStockWarnings(
        {{"Oat Milk Latte", "7 Oat Milk Latte waiting, 5 portions of Oat Milk left"}});
    view.selectOrder("p");
    const QString html = view.details()->html();
    QVERIFY(html.contains("ORD-p")
            || view.details()->findChild<QLabel *>()->text().contains("ORD-p"));
    QVERIFY(html.contains("Extra Shot"));
    QVERIFY(html.contains("9.72"));
    QVERIFY2(html.contains("Chef Mike"), qPrintable(html));
    QVERIFY2(html.contains("5 portions of Oat Milk left"), qPrintable(html));
    // The payment buttons start a payment for this order.
    QTest::mouseClick(view.details()->findChild<QPushButton *>("payQr"), Qt::LeftButton);
    const auto sent = outboxEntries(session, "start_payment");
    QCOMPARE(sent.size(), 1);
    QCOMPARE(sent.first().payload.value("method").toString(), QString("qr"));
    QCOMPARE(sent.first().payload.value("order_id").toString(), QString("p"));
}

void tst_OrderQueueView::detailsTickItemsAsMade()
{
    // A check box per item: ticking one sends check_order_item; the hub's order:item_checked
    // ticks it (also one ticked at another screen); closed orders cannot be ticked.
    ConsoleSession session;
    ConsoleSettings settings;
    OrderQueueView view(&session, &settings);
    view.show();
    Order two = order("t");
    OrderItem croissant = two.items.at(0);
    croissant.id = "t-i2";
    croissant.productName = "Croissant";
    croissant.customizations = {};
    two.items.append(croissant);
    addOrders(session, {two});
    view.selectOrder("t");
    auto *list = view.details()->findChild<QListWidget *>("orderItemsMade");
    QVERIFY(list);
    // The pane follows the queue's next refresh (its rows are being inserted when it is chosen).
    QTRY_COMPARE(list->count(), 2);
    QVERIFY(list->isEnabled());
    QCOMPARE(list->item(0)->text(), QString("2× Oat Milk Latte (Extra Shot)"));
    for (int i = 0; i < 2; ++i) {
        QVERIFY(list->item(i)->data(Qt::CheckStateRole).isValid()); // a box is drawn
        QCOMPARE(list->item(i)->checkState(), Qt::Unchecked);
        QVERIFY(list->item(i)->flags() & Qt::ItemIsUserCheckable);
    }
    // Space on the focused row ticks it, as a user does.
    list->setFocus();
    list->setCurrentRow(1);
    QTest::keyClick(list, Qt::Key_Space);
    const auto sent = outboxEntries(session, "check_order_item");
    QCOMPARE(sent.size(), 1);
    QCOMPARE(sent.first().payload.value("order_id").toString(), QString("t"));
    QCOMPARE(sent.first().payload.value("item_id").toString(), QString("t-i2"));
    QCOMPARE(sent.first().payload.value("made").toBool(), true);
    // Not confirmed yet: the box stays as the user left it.
    view.details()->refresh();
    QCOMPARE(list->item(1)->checkState(), Qt::Checked);

    // The hub's event (here for the other item, ticked at another screen) is what shows.
    OrderItemChecked checked;
    checked.orderId = "t";
    checked.itemId = "t-i1";
    checked.made = true;
    checked.itemsMade = {"t-i1", "t-i2"};
    session.orders()->apply(cafeEvent("order:item_checked", "/orders", checked));
    session.orders()->flush();
    QTRY_COMPARE(list->item(0)->checkState(), Qt::Checked);
    QCOMPARE(list->item(1)->checkState(), Qt::Checked);
    QCOMPARE(outboxEntries(session, "check_order_item").size(), 1); // nothing sent back

    statusChanged(session, "t", OrderStatus::Pending, OrderStatus::Preparing);
    statusChanged(session, "t", OrderStatus::Preparing, OrderStatus::Ready);
    statusChanged(session, "t", OrderStatus::Ready, OrderStatus::Completed);
    QTRY_VERIFY(!list->isEnabled());
}

void tst_OrderQueueView::ageColoursFollowThresholds()
{
    ConsoleSession session;
    ConsoleSettings settings;
    settings.setAgeThresholds(120, 300);
    OrderQueueView view(&session, &settings);
    addOrders(session, {order("fresh", OrderStatus::Pending, "Counter 1", 30),
                        order("warn", OrderStatus::Pending, "Counter 1", 200),
                        order("late", OrderStatus::Pending, "Counter 1", 400)});
    const auto level = [&](const QString &id) {
        return session.orders()
            ->index(session.orders()->rowOf(id), 0)
            .data(OrderQueueModel::AgeLevelRole)
            .toInt();
    };
    QCOMPARE(session.orders()->warningSeconds(), 120);
    QCOMPARE(level("fresh"), 0);
    QCOMPARE(level("warn"), 1);
    QCOMPARE(level("late"), 2);
    settings.setAgeThresholds(600, 900); // the settings dialog's OK
    QCOMPARE(level("late"), 0);
}

TT_UI_TEST_MAIN(tst_OrderQueueView)
#include "tst_orderqueueview.moc"
