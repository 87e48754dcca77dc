// SnapshotLoader on a fake EventSource: each namespace's snapshot commands asked and mapped (the
// hub's answers in tests/fixtures/snapshots), refusals reported, a lost answer marks the
// namespace stale and asks again while connected, and a forgotten mark asks nothing.
#include "fakeeventsource.h"
#include "snapshotloader.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace TableTap;

class tst_SnapshotLoader : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void eachNamespaceAsksItsCommands_data();
    void eachNamespaceAsksItsCommands();
    void answersAreMapped();
    void refusalIsReported();
    void lostAnswerMarksStaleAndRetries();
    void notRetriedWhileDisconnectedOrForgotten();
    void queryAnswersItsCaller();
    void notSentIsNotStale();
};

void tst_SnapshotLoader::eachNamespaceAsksItsCommands_data()
{
    QTest::addColumn<QString>("nsp");
    QTest::addColumn<QStringList>("commands");
    QTest::newRow("orders") << "/orders" << QStringList{"list_menu", "list_orders"};
    QTest::newRow("inventory") << "/inventory" << QStringList{"list_inventory"};
    QTest::newRow("employees") << "/employees" << QStringList{"list_timesheets"};
    QTest::newRow("payments") << "/payments" << QStringList{"list_payments"};
    QTest::newRow("system") << "/system" << QStringList{"get_settings", "list_counters"};
    QTest::newRow("unknown") << "/nope" << QStringList{};
}

void tst_SnapshotLoader::eachNamespaceAsksItsCommands()
{
    QFETCH(QString, nsp);
    QFETCH(QStringList, commands);
    FakeEventSource source;
    SnapshotLoader loader(&source);
    loader.setTimeout(4321);
    loader.load(nsp);
    QStringList asked;
    for (const auto &r : source.requests) {
        asked << r.command;
        QCOMPARE(r.nsp, nsp);
        QCOMPARE(r.timeoutMs, 4321);
        // The whole day's orders; the rest take no payload.
        const QJsonObject expected
            = r.command == "list_orders" ? QJsonObject{{"recent_limit", 500}} : QJsonObject{};
        QCOMPARE(r.payload, expected);
    }
    QCOMPARE(asked, commands);
}

void tst_SnapshotLoader::answersAreMapped()
{
    FakeEventSource source;
    SnapshotLoader loader(&source);
    QSignalSpy loaded(&loader, &SnapshotLoader::loaded);
    for (const char *nsp : {"/orders", "/inventory", "/employees", "/payments", "/system"})
        loader.load(QString::fromLatin1(nsp));
    source.answerSnapshots();
    QCOMPARE(loaded.size(), 7);
    QList<int> kinds;
    for (const auto &args : loaded)
        kinds << int(args[1].value<CafeSnapshot>().index());
    // menu, orders, inventory, timesheets, payments, settings, counters
    QCOMPARE(kinds, QList<int>({1, 0, 2, 3, 4, 5, 6}));
    QCOMPARE(loaded[0][0].toString(), QStringLiteral("/orders"));
    QCOMPARE(std::get<MenuSnapshot>(loaded[0][1].value<CafeSnapshot>()).products.size(), 16);
    const auto orders = std::get<OrdersSnapshot>(loaded[1][1].value<CafeSnapshot>());
    QCOMPARE(orders.open.size() + orders.recent.size(), 5);
    QCOMPARE(loaded[6][0].toString(), QStringLiteral("/system"));
    QVERIFY(!loader.isStale("/orders"));
}

void tst_SnapshotLoader::refusalIsReported()
{
    FakeEventSource source;
    SnapshotLoader loader(&source);
    QSignalSpy loaded(&loader, &SnapshotLoader::loaded);
    QSignalSpy refused(&loader, &SnapshotLoader::refused);
    loader.load("/employees");
    source.refuse(0, "PERMISSION_DENIED", "managers only");
    QCOMPARE(loaded.size(), 0);
    QCOMPARE(refused.size(), 1);
    QCOMPARE(refused[0][0].toString(), QStringLiteral("/employees"));
    QCOMPARE(refused[0][1].toString(), QStringLiteral("list_timesheets"));
    QCOMPARE(refused[0][2].toString(), QStringLiteral("managers only"));
    // An answer is an answer: not stale.
    QVERIFY(!loader.isStale("/employees"));
}

void tst_SnapshotLoader::lostAnswerMarksStaleAndRetries()
{
    FakeEventSource source;
    SnapshotLoader loader(&source);
    QSignalSpy loaded(&loader, &SnapshotLoader::loaded);
    source.connectNamespaces({"/payments"}, false);
    loader.load("/payments");
    source.timeOut(0);
    QVERIFY(loader.isStale("/payments"));
    QCOMPARE(loaded.size(), 0);
    // Still connected: asked again after a short wait, and no longer stale once asked.
    QTRY_COMPARE_WITH_TIMEOUT(source.requests.size(), 2, 15000);
    QVERIFY(!loader.isStale("/payments"));
    source.answerSnapshots();
    QCOMPARE(loaded.size(), 1);
}

void tst_SnapshotLoader::notRetriedWhileDisconnectedOrForgotten()
{
    FakeEventSource source;
    SnapshotLoader loader(&source);
    loader.load("/inventory");
    source.timeOut(0);
    QVERIFY(loader.isStale("/inventory"));
    source.connectNamespaces({"/orders"}, false);
    loader.load("/system");
    source.timeOut(1);
    source.timeOut(2);
    QVERIFY(loader.isStale("/system"));
    loader.forget();
    QVERIFY(!loader.isStale("/system"));
    loader.markStale("/payments");
    QVERIFY(loader.isStale("/payments"));
    // Past the retry: /inventory is not connected, /system was forgotten, /payments is not
    // connected either; nothing was asked again and the marks that stand still stand.
    QTest::qWait(SnapshotLoader::RetryMs + 500);
    QCOMPARE(source.requests.size(), 3);
    QVERIFY(loader.isStale("/payments"));
    QVERIFY(!loader.isStale("/system"));
}

void tst_SnapshotLoader::queryAnswersItsCaller()
{
    FakeEventSource source;
    SnapshotLoader loader(&source);
    QSignalSpy loaded(&loader, &SnapshotLoader::loaded);
    QList<CafeSnapshot> got;
    loader.query(Contract::Command::ListPayments, {{"order_id", "o1"}},
                 [&got](const CafeSnapshot &s) { got << s; });
    QCOMPARE(source.requests.size(), 1);
    QCOMPARE(source.requests[0].nsp, QStringLiteral("/payments"));
    QCOMPARE(source.requests[0].payload["order_id"].toString(), QStringLiteral("o1"));
    source.answer(0, QJsonObject{{"payments", QJsonArray{QJsonObject{{"transaction_id", "t1"},
                                                                     {"status", "processing"}}}}});
    QCOMPARE(got.size(), 1);
    QCOMPARE(std::get<PaymentsSnapshot>(got[0]).payments[0].transactionId, QStringLiteral("t1"));
    QCOMPARE(loaded.size(), 0);
}

void tst_SnapshotLoader::notSentIsNotStale()
{
    FakeEventSource source;
    SnapshotLoader loader(&source);
    source.unsendable << "/orders";
    loader.load("/orders");
    QVERIFY(source.requests.isEmpty());
    QVERIFY(!loader.isStale("/orders"));
}

QTEST_GUILESS_MAIN(tst_SnapshotLoader)
#include "tst_snapshotloader.moc"
