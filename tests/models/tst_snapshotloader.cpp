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
    void serverWithoutSnapshotsIsAskedNoMore();
    void anAnswerMeansSnapshotsAreOffered();
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

void tst_SnapshotLoader::serverWithoutSnapshotsIsAskedNoMore()
{
    FakeEventSource source;
    SnapshotLoader loader(&source);
    loader.setTimeout(10000);
    loader.setProbeTimeout(1500);
    QSignalSpy offer(&loader, &SnapshotLoader::offerChanged);
    QCOMPARE(loader.offer(), SnapshotLoader::Offer::Unknown);
    source.connectNamespaces({"/orders", "/inventory", "/payments"}, false);
    loader.load("/orders");
    loader.load("/inventory");
    // While nobody knows, a snapshot request waits the probe's time, not the full timeout.
    for (const auto &r : source.requests)
        QCOMPARE(r.timeoutMs, 1500);
    QCOMPARE(source.requests.size(), 3);
    // One namespace's lost answer is that namespace's trouble, not the server's.
    source.timeOut(source.waiting("list_inventory")[0]);
    QCOMPARE(loader.offer(), SnapshotLoader::Offer::Unknown);
    // A second namespace silent too, nothing answered: a server without snapshots.
    source.timeOut(source.waiting("list_menu")[0]);
    QCOMPARE(loader.offer(), SnapshotLoader::Offer::NotOffered);
    QCOMPARE(offer.size(), 1);
    source.timeOut(source.waiting("list_orders")[0]);
    QCOMPARE(offer.size(), 1);
    // From now on nothing is asked: not by load, not by a query, not by the stale retry timer.
    loader.load("/payments");
    loader.load("/orders");
    bool called = false;
    QVERIFY(!loader.query(Contract::Command::ListMenu, {},
                          [&called](const CafeSnapshot &) { called = true; }));
    QTest::qWait(SnapshotLoader::RetryMs + 500);
    QCOMPARE(source.requests.size(), 3);
    QVERIFY(!called);
    // A lost link says nothing: after a new link (forget) the server is asked again.
    loader.forget();
    QCOMPARE(loader.offer(), SnapshotLoader::Offer::Unknown);
    loader.load("/payments");
    QCOMPARE(source.requests.size(), 4);
    source.drop();
    QCOMPARE(loader.offer(), SnapshotLoader::Offer::Unknown);
}

void tst_SnapshotLoader::anAnswerMeansSnapshotsAreOffered()
{
    FakeEventSource source;
    SnapshotLoader loader(&source);
    loader.setTimeout(8000);
    loader.setProbeTimeout(1500);
    QSignalSpy loaded(&loader, &SnapshotLoader::loaded);
    source.connectNamespaces({"/orders", "/inventory", "/payments", "/system"}, false);
    loader.load("/payments");
    // Even a refusal is an answer: the server answers snapshot commands.
    source.refuse(0, "PERMISSION_DENIED", "managers only");
    QCOMPARE(loader.offer(), SnapshotLoader::Offer::Offered);
    // Known to answer: full timeouts, and lost answers on any number of namespaces are retried.
    loader.load("/inventory");
    loader.load("/system");
    QCOMPARE(source.requests[1].timeoutMs, 8000);
    for (int i : source.waiting())
        source.timeOut(i);
    QCOMPARE(loader.offer(), SnapshotLoader::Offer::Offered);
    QTRY_COMPARE_WITH_TIMEOUT(source.waiting().size(), 3, 15000);

    // Taken for a server without snapshots (two slow namespaces), then an answer (an action's
    // ack) proves otherwise: what was skipped is loaded.
    FakeEventSource slow;
    SnapshotLoader late(&slow);
    late.setProbeTimeout(1500);
    QSignalSpy lateLoaded(&late, &SnapshotLoader::loaded);
    slow.connectNamespaces({"/inventory", "/payments"}, false);
    late.load("/inventory");
    late.load("/payments");
    slow.timeOut(0);
    slow.timeOut(1);
    QCOMPARE(late.offer(), SnapshotLoader::Offer::NotOffered);
    late.serverAnswered();
    QCOMPARE(late.offer(), SnapshotLoader::Offer::Offered);
    QTRY_COMPARE(slow.waiting().size(), 2);
    slow.answerSnapshots();
    QCOMPARE(lateLoaded.size(), 2);
}

QTEST_GUILESS_MAIN(tst_SnapshotLoader)
#include "tst_snapshotloader.moc"
