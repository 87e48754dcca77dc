// The other views, clicked at: counters (managers take one out of service with a reason),
// inventory (restock through the dialog; stock bars), timesheets (who is in, clock in / out
// with a break, a drink), payments (retry only when allowed, confirm cash / QR), the QR panel
// (a scannable image with its countdown), the event log filters and the live dashboard.
#include "uitesthelpers.h"

#include "clockoutdialog.h"
#include "consolesettings.h"
#include "countersview.h"
#include "dashboardview.h"
#include "eventlogfiltermodel.h"
#include "eventlogview.h"
#include "inventoryview.h"
#include "mainwindow.h"
#include "paymentsview.h"
#include "qrcodepanel.h"
#include "qrimage.h"
#include "reasondialog.h"
#include "stockadjustdialog.h"
#include "timesheetsview.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>

using namespace TableTap;
using namespace TableTap::TestUi;

class tst_Views : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void countersManagerTakesOneOutOfService();
    void inventoryRestockThroughDialog();
    void timesheetsClockInOutAndDrink();
    void paymentsRetryOnlyWhenAllowed();
    void qrPanelRendersScannableCode();
    void qrImageHasFinderPatterns();
    void eventLogFilters();
    void dashboardChartsFollowModels();
};

void tst_Views::countersManagerTakesOneOutOfService()
{
    ConsoleSession session;
    CountersView view(&session);
    view.show();
    session.counters()->resetCounters(
        {{"Counter 1", "active", {}}, {"Counter 2", "inactive", "Broken grinder"}});
    addOrders(session, {order("a", OrderStatus::Pending, "Counter 1"),
                        order("b", OrderStatus::Ready, "Counter 1")});
    session.counters()->flush();
    QTableView *table = view.table();
    QCOMPARE(table->model()->index(0, CounterModel::OpenColumn).data().toInt(), 2);
    QVERIFY(table->model()
                ->index(1, CounterModel::StatusColumn)
                .data()
                .toString()
                .contains("Broken grinder"));
    QVERIFY(table->model()->index(1, 0).data(Qt::BackgroundRole).value<QColor>().isValid());

    auto *toggle = view.findChild<QPushButton *>("counterToggle");
    QVERIFY(toggle->isHidden()); // not a manager
    signInOffline(session, "manager");
    view.setManager(true);
    table->setCurrentIndex(table->model()->index(0, 0));
    QVERIFY(toggle->isEnabled());
    QTest::mouseClick(toggle, Qt::LeftButton);
    auto *dialog = view.findChild<ReasonDialog *>();
    QVERIFY(dialog);
    dialog->setReason("Equipment maintenance");
    clickOk(dialog);
    const auto sent = outboxEntries(session, "set_counter_status");
    QCOMPARE(sent.size(), 1);
    QCOMPARE(sent.first().payload.value("counter").toString(), QString("Counter 1"));
    QCOMPARE(sent.first().payload.value("status").toString(), QString("inactive"));
    QCOMPARE(sent.first().payload.value("reason").toString(), QString("Equipment maintenance"));
}

void tst_Views::inventoryRestockThroughDialog()
{
    ConsoleSession session;
    InventoryView view(&session);
    view.show();
    signInOffline(session, "manager");
    view.setManager(true);
    StockItem milk{"ing-oat", "Oat Milk", "MILK002",          "l", 4, 10, 40,
                   {},        {},         {"Oat Milk Latte"}, {}};
    StockItem beans{"ing-esp", "Espresso Beans", "ESP001", "kg", 12, 5, 20, {}, {}, {"Latte"}, {}};
    session.inventory()->resetItems({milk, beans});
    session.alerts()->resetFromInventory({milk, beans});
    QCOMPARE(view.alertsTable()->model()->rowCount(), 1);
    QTableView *stock = view.stockTable();
    // Sorted by name: Espresso Beans, Oat Milk; low stock is tinted.
    QCOMPARE(stock->model()->index(1, 0).data().toString(), QString("Oat Milk"));
    QVERIFY(stock->model()->index(1, 0).data(Qt::BackgroundRole).value<QColor>().isValid());
    QVERIFY(!stock->model()->index(0, 0).data(Qt::BackgroundRole).value<QColor>().isValid());

    stock->setCurrentIndex(stock->model()->index(1, 0));
    QTest::mouseClick(view.findChild<QPushButton *>("adjustButton"), Qt::LeftButton);
    auto *dialog = view.findChild<StockAdjustDialog *>();
    QVERIFY(dialog);
    QCOMPARE(dialog->changeType(), QString("purchase"));
    auto *quantity = dialog->findChild<QSpinBox *>("quantity");
    quantity->setValue(24);
    QTest::keyClicks(dialog->findChild<QLineEdit *>("note"), "Oatly delivery");
    clickOk(dialog);
    const auto sent = outboxEntries(session, "adjust_stock");
    QCOMPARE(sent.size(), 1);
    QCOMPARE(sent.first().payload.value("product_id").toString(), QString("ing-oat"));
    QCOMPARE(sent.first().payload.value("change_type").toString(), QString("purchase"));
    QCOMPARE(sent.first().payload.value("quantity").toDouble(), 24.0);
    QCOMPARE(sent.first().payload.value("notes").toString(), QString("Oatly delivery"));

    // Waste that would go below zero cannot be sent.
    StockAdjustDialog waste("Oat Milk", "l", 4, 10);
    waste.setChangeType("waste");
    waste.setQuantity(5);
    QVERIFY(!waste.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled());
    waste.setQuantity(4);
    QVERIFY(waste.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled());
}

void tst_Views::timesheetsClockInOutAndDrink()
{
    ConsoleSession session;
    TimesheetsView view(&session);
    view.show();
    signInOffline(session, "employee", "u-anna");
    StaffShift anna;
    anna.userId = "u-anna";
    anna.name = "Anna";
    anna.drinksThisMonth = 3;
    anna.drinkLimit = 10;
    StaffShift ben;
    ben.userId = "u-ben";
    ben.name = "Ben";
    ben.clockedIn = true;
    ben.clockInTime = QDateTime::currentDateTimeUtc().addSecs(-3600);
    session.timesheets()->resetShifts({anna, ben});
    QVERIFY(view.whoIsInText().contains("Ben"));
    QVERIFY(!view.whoIsInText().contains("Anna"));

    auto *in = view.findChild<QPushButton *>("clockIn");
    auto *out = view.findChild<QPushButton *>("clockOut");
    QVERIFY(in->isEnabled());
    QVERIFY(!out->isEnabled());
    QTest::mouseClick(in, Qt::LeftButton);
    QCOMPARE(outboxEntries(session, "clock_in").size(), 1);
    QVERIFY(!in->isEnabled()); // waiting for the hub: not twice

    ClockedIn e;
    e.userId = "u-anna";
    e.employeeName = "Anna";
    e.clockInTime = QDateTime::currentDateTimeUtc();
    session.timesheets()->apply(cafeEvent("employee:clocked_in", "/employees", e));
    session.timesheets()->flush();
    session.outbox()->setState(outboxEntries(session, "clock_in").first().requestId,
                               OutboxEntry::State::Done);
    QVERIFY(view.whoIsInText().contains("Anna"));
    QVERIFY(out->isEnabled());
    QTest::mouseClick(out, Qt::LeftButton);
    auto *dialog = view.findChild<ClockOutDialog *>();
    QVERIFY(dialog);
    dialog->findChild<QSpinBox *>("breakMinutes")->setValue(30);
    clickOk(dialog);
    const auto sent = outboxEntries(session, "clock_out");
    QCOMPARE(sent.size(), 1);
    QCOMPARE(sent.first().payload.value("break_minutes").toInt(), 30);

    QTest::mouseClick(view.findChild<QPushButton *>("recordDrink"), Qt::LeftButton);
    auto *drink = view.findChild<QDialog *>("drinkDialog");
    QVERIFY(drink);
    // No menu from a hub in this test: the dialog says so and cannot be confirmed.
    QVERIFY(!drink->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled());
    drink->reject();
}

void tst_Views::paymentsRetryOnlyWhenAllowed()
{
    ConsoleSession session;
    PaymentsView view(&session);
    view.show();
    addOrders(session, {order("a"), order("b")});
    PaymentFailed declined;
    declined.orderId = "a";
    declined.transactionId = "tx-1";
    declined.method = "card";
    declined.amount = 972;
    declined.errorCode = "CARD_DECLINED";
    declined.errorMessage = "Insufficient funds";
    declined.retryAllowed = true;
    PaymentFailed fraud = declined;
    fraud.orderId = "b";
    fraud.transactionId = "tx-2";
    fraud.errorMessage = "Card reported stolen";
    fraud.retryAllowed = false;
    session.payments()->apply(cafeEvent("payment:failed", "/payments", declined));
    session.payments()->apply(cafeEvent("payment:failed", "/payments", fraud));
    session.payments()->flush();
    QTableView *table = view.table();
    QCOMPARE(table->model()->rowCount(), 2);
    const auto rowOf = [&](const QString &tx) {
        for (int r = 0; r < table->model()->rowCount(); ++r)
            if (table->model()->index(r, 0).data(PaymentModel::TransactionIdRole) == tx)
                return r;
        return -1;
    };
    QVERIFY(table->model()
                ->index(rowOf("tx-1"), PaymentModel::DetailColumn)
                .data()
                .toString()
                .contains("Insufficient funds"));
    table->setCurrentIndex(table->model()->index(rowOf("tx-2"), 0));
    QVERIFY(!view.retryButton()->isEnabled());
    table->setCurrentIndex(table->model()->index(rowOf("tx-1"), 0));
    QVERIFY(view.retryButton()->isEnabled());
    QTest::mouseClick(view.retryButton(), Qt::LeftButton);
    const auto sent = outboxEntries(session, "start_payment");
    QCOMPARE(sent.size(), 1);
    QCOMPARE(sent.first().payload.value("order_id").toString(), QString("a"));
    QCOMPARE(sent.first().payload.value("method").toString(), QString("card"));
}

void tst_Views::qrPanelRendersScannableCode()
{
    ConsoleSession session;
    PaymentsView view(&session);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QrCodePanel *panel = view.qrPanel();
    QVERIFY(panel->image().isNull());
    addOrders(session, {order("a")});
    QrGenerated qr;
    qr.orderId = "a";
    qr.qrCodeId = "qr-1";
    qr.qrCodeData = "payment://tabletap.local/pay?id=qr-1&amount=9.72";
    qr.amount = 972;
    qr.expiresAt = QDateTime::currentDateTimeUtc().addSecs(300);
    session.payments()->apply(cafeEvent("qr:generated", "/payments", qr));
    Q_EMIT session.qrGenerated(qr.orderId, qr.qrCodeData, qr.expiresAt);
    const QImage image = panel->image();
    QVERIFY(!image.isNull());
    const int modules = QrImage::moduleCount(qr.qrCodeData);
    QVERIFY(modules >= 21);
    QCOMPARE(image.width(), (modules + 8) * 6);
    QCOMPARE(image, QrImage::render(qr.qrCodeData, 6));
    QCOMPARE(panel->shownCode(), QString("qr-1"));
    QVERIFY2(panel->countdownText().contains("4:5") || panel->countdownText().contains("5:00"),
             qPrintable(panel->countdownText()));
    // The picture on screen is that image, not a placeholder.
    auto *picture = panel->findChild<QLabel *>("qrPicture");
    QCOMPARE(picture->pixmap().toImage().convertToFormat(QImage::Format_Mono), image);

    // Paid: the code leaves the screen.
    PaymentCompleted done;
    done.orderId = "a";
    done.transactionId = "tx-9";
    done.method = "qr";
    done.amount = 972;
    session.payments()->apply(cafeEvent("payment:completed", "/payments", done));
    session.payments()->flush();
    QVERIFY(panel->image().isNull());
}

void tst_Views::qrImageHasFinderPatterns()
{
    const QImage image = QrImage::render("payment://tabletap.local/pay?id=x", 1);
    QVERIFY(!image.isNull());
    const auto dark = [&](int x, int y) {
        return qGray(image.pixel(x, y)) < 128;
    };
    // Quiet zone white, then the 7×7 finder in the top-left corner: dark ring, light ring,
    // dark 3×3 centre.
    QVERIFY(!dark(0, 0));
    QVERIFY(!dark(3, 3));
    QVERIFY(dark(4, 4));
    QVERIFY(dark(10, 4));
    QVERIFY(!dark(5, 5));
    QVERIFY(dark(7, 7));
    const int side = image.width();
    QVERIFY(dark(side - 5, 4)); // top-right finder
    QVERIFY(dark(4, side - 5)); // bottom-left finder
    QVERIFY(QrImage::render(QString()).isNull());
    QVERIFY(QrImage::render(QString(8000, QLatin1Char('x'))).isNull()); // too long for a QR code
}

void tst_Views::eventLogFilters()
{
    ConsoleSession session;
    EventLogView view(&session);
    view.show();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    session.eventLog()->append(cafeEvent("order:created", "/orders", OrderCreated{order("a")}),
                               now);
    session.eventLog()->append(cafeEvent("inventory:low_stock", "/inventory", LowStock{}), now);
    session.eventLog()->appendNote("/orders", "disconnected", "transport close", now);
    session.eventLog()->flush();
    QCOMPARE(view.table()->model()->rowCount(), 3);
    auto *nsp = view.findChild<QComboBox *>("nspFilter");
    nsp->setCurrentIndex(nsp->findData("/inventory"));
    QCOMPARE(view.table()->model()->rowCount(), 1);
    nsp->setCurrentIndex(0);
    QTest::keyClicks(view.findChild<QLineEdit *>("textFilter"), "transport");
    QCOMPARE(view.table()->model()->rowCount(), 1);
}

void tst_Views::dashboardChartsFollowModels()
{
    ConsoleSession session;
    // The session's clock stands at 13:05 today (local time): buckets and axes follow it.
    const QDate today = QDate::currentDate(); // once: a run across midnight keeps its day
    QDateTime now(today, QTime(13, 5));
    session.clock()->setSource([&now] { return now.toMSecsSinceEpoch(); });
    DashboardView view(&session);
    view.resize(1000, 700);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QCOMPARE(view.ordersBarCount(), 0);
    // Nothing yet: the time axis shows the last hour on the session's clock, in whole hours.
    QCOMPARE(view.timeAxisRange().first, QDateTime(today, QTime(12, 0)));
    QCOMPARE(view.timeAxisRange().second, QDateTime(today, QTime(14, 0)));
    const QDateTime start = QDateTime(today, QTime(12, 0)).toUTC();
    QList<Order> orders;
    for (int i = 0; i < 12; ++i) {
        Order o = order(QStringLiteral("d%1").arg(i));
        o.createdAt = start.addSecs(i * 5 * 60);
        o.readyAt = o.createdAt.addSecs(240);
        orders << o;
    }
    session.dashboard()->reset(orders, {{start.addSecs(600), 1250}, {start.addSecs(1800), 990}});
    StockItem milk{"ing-oat", "Oat Milk", "MILK002", "l", 4, 10, 40, {}, {}, {}, {}};
    session.inventory()->resetItems({milk});
    QTRY_VERIFY(view.ordersBarCount() >= 4);
    QCOMPARE(view.ordersBarCount(), session.dashboard()->rowCount());
    QCOMPARE(view.prepPointCount(), session.dashboard()->rowCount());
    QCOMPARE(view.stockBarCount(), 1);
    QTRY_COMPARE(view.headline("orders"), QString("12"));
    QCOMPARE(view.headline("revenue"), QString("22.40"));
    QCOMPARE(view.headline("prep"), QString("4.0 min"));
    QCOMPARE(view.bucketLabels().first(), QString("12:00"));
    QCOMPARE(view.bucketLabels().last(), QString("12:45"));
    // A quiet spell: the bucket of "now" comes by itself (the session's tick), so the chart
    // reaches the present.
    QTRY_COMPARE(view.bucketLabels().last(), QString("13:00"));
    // The time axis: whole hours around the buckets, the points in their buckets' middles.
    QCOMPARE(view.timeAxisRange().first, QDateTime(today, QTime(12, 0)));
    QCOMPARE(view.timeAxisRange().second, QDateTime(today, QTime(14, 0)));
    // Live: a new order lands in the chart without a reload.
    OrderCreated created{order("late")};
    created.order.createdAt = now.toUTC();
    session.dashboard()->apply(cafeEvent("order:created", "/orders", created));
    QTRY_COMPARE(view.headline("orders"), QString("13"));
    // The next day: yesterday's buckets leave the chart; today's figures start again.
    now = now.addDays(1).addSecs(-6 * 3600);
    QTRY_COMPARE(view.headline("orders"), QString("0"));
    QCOMPARE(session.dashboard()->rowCount(), 0);
}

TT_UI_TEST_MAIN(tst_Views)
#include "tst_views.moc"
