// ConsoleSession on a fake EventSource, below a live hub: events into the models, snapshots
// applied, resync after a reconnect the hub could not recover, a stale snapshot asked again after a
// recovered one, the outbox's replays, refusals, the counter room, menu reloads, liveness, and
// the console following its own role change. (tst_hubsession and tst_livehub prove the same
// session end to end against the real hub.)
#include "consolesession.h"
#include "fakeeventsource.h"
#include "outbox.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace TableTap;

namespace {

const QUrl Hub(QStringLiteral("http://127.0.0.1:1"));

// An unsigned token with the claims the console reads (the hub checks signatures, not us).
QString token(const QString &user, const QString &role, const QString &cafe = "uuid")
{
    const auto part = [](const QJsonObject &o) {
        return QString::fromLatin1(
            QJsonDocument(o)
                .toJson(QJsonDocument::Compact)
                .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    };
    return part({{"alg", "HS256"}}) + "."
           + part({{"sub", user}, {"name", user}, {"role", role}, {"cafe_id", cafe}}) + ".sig";
}

QJsonObject eventFixture(const QString &event)
{
    QFile f(QStringLiteral(TT_EVENT_FIXTURES "/") + QString(event).replace(':', '_') + ".json");
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(event));
    return QJsonDocument::fromJson(f.readAll()).object();
}

QJsonObject withData(QJsonObject envelope, const QJsonObject &changes)
{
    QJsonObject data = envelope["data"].toObject();
    for (auto it = changes.begin(); it != changes.end(); ++it)
        data.insert(it.key(), it.value());
    envelope["data"] = data;
    return envelope;
}

QString pendingAction(const ConsoleSession &session, const QString &orderId)
{
    const OrderQueueModel *m = session.orders();
    for (int r = 0; r < m->rowCount(); ++r) {
        const QModelIndex i = m->index(r, 0);
        if (i.data(OrderQueueModel::OrderIdRole).toString() == orderId)
            return i.data(OrderQueueModel::PendingActionRole).toString();
    }
    return QStringLiteral("<no such order>");
}

struct Fixture
{
    FakeEventSource source;
    ConsoleSession session{&source};

    explicit Fixture(const QString &role = "manager")
    {
        session.connectWithToken(Hub, token("u1", role), "refresh");
    }
    // Every namespace connects as a new session and every snapshot is answered from the hub.
    void live()
    {
        source.connectNamespaces(ConsoleSession::namespaces(), false);
        source.answerSnapshots();
    }
    // The spec's order:created (order "uuid", counter "Counter 1"), in the models.
    bool placeOrder()
    {
        source.deliver("/orders", "order:created", eventFixture("order:created"));
        return QTest::qWaitFor([this] { return session.orders()->order("uuid") != nullptr; });
    }
};

} // namespace

class tst_ConsoleSession : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fullOutboxLeavesTheRowFree();
    void alertAcknowledgedHereOrAtTheHub();
    void opensTheSourceWithCredentials();
    void snapshotsApplied();
    void eventsIntoModels();
    void foreignAndUnknownEventsAreNotes();
    void resyncAfterUnrecoveredReconnect();
    void staleSnapshotAskedAgainAfterRecoveredReconnect();
    void staleSnapshotsForgottenAtTeardown();
    void outboxReplaysWithTheSameRequestId();
    void sentActionsPendingAgainAtTeardown();
    void refusalClearsThePendingAction();
    void itemTickConfirmedByItsAckOrEvent();
    void notSentIsNeverSentTwice();
    void counterRoomJoinedOnlyOnNewSessions();
    void counterRoomsAreBounded();
    void counterClosingMovesItsOrders();
    void menuReloadedOnStockChangesButNotSales();
    void summariesFollowTheQueue();
    void liveness();
    void followsItsOwnRoleChange();
    void offlineWithoutASource();
    void contractOnlyServer();
    void errorEventsShownWithOurHubToo();
    void snapshotsRefusedByErrorEvents();
    void criticalAlertFromTheSnapshotRings();
    void recallWindowIsTheCafes();
    void queriesAnswerWithData();
    void productNamesWhenTheMenuComesAfterTheInventory();
    void actionsAnswerWithTheirAckData();
};

void tst_ConsoleSession::opensTheSourceWithCredentials()
{
    FakeEventSource source;
    ConsoleSession session(&source);
    QSignalSpy identity(&session, &ConsoleSession::identityChanged);
    session.signIn(Hub, "c1", "EMP001", "1234");
    QCOMPARE(source.opens.size(), 1);
    QCOMPARE(source.opens[0].hub, Hub);
    QCOMPARE(source.opens[0].cafeId, QStringLiteral("c1"));
    QCOMPARE(source.opens[0].employeeCode, QStringLiteral("EMP001"));
    QCOMPARE(source.opens[0].pin, QStringLiteral("1234"));
    QVERIFY(source.opens[0].caFile.isEmpty());
    // The CA file goes with the credentials of every open from then on; the source judges it.
    source.badCaFiles << "/etc/not-a-ca.pem";
    session.setCaFile("/etc/shop-ca.pem");
    QCOMPARE(session.caFile(), QStringLiteral("/etc/shop-ca.pem"));
    QCOMPARE(session.caFileProblem("/etc/shop-ca.pem"), QString());
    QCOMPARE(session.caFileProblem("/etc/not-a-ca.pem"),
             QStringLiteral("No PEM certificate in /etc/not-a-ca.pem."));
    session.connectWithToken(Hub, token("u7", "employee"), "r");
    QCOMPARE(source.opens.size(), 2);
    QCOMPARE(source.opens[1].refreshToken, QStringLiteral("r"));
    QCOMPARE(source.opens[1].caFile, QStringLiteral("/etc/shop-ca.pem"));
    QVERIFY(source.opens[1].pin.isEmpty());
    QCOMPARE(session.identity().userId, QStringLiteral("u7"));
    QCOMPARE(session.identity().role, QStringLiteral("employee"));
    QCOMPARE(session.hubUrl(), Hub);
    QVERIFY(identity.size() >= 1);
    QSignalSpy failed(&session, &ConsoleSession::signInFailed);
    Q_EMIT source.signInFailed("wrong PIN");
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed[0][0].toString(), QStringLiteral("wrong PIN"));
}

void tst_ConsoleSession::snapshotsApplied()
{
    Fixture f;
    QSignalSpy resynced(&f.session, &ConsoleSession::resynced);
    QSignalSpy menu(&f.session, &ConsoleSession::menuChanged);
    QSignalSpy settings(&f.session, &ConsoleSession::settingsChanged);
    f.source.connectNamespaces(ConsoleSession::namespaces(), false);
    // Every snapshot command of the console's five namespaces, once.
    for (const char *c : {"list_menu", "list_orders", "list_inventory", "list_timesheets",
                          "list_payments", "get_settings", "list_counters"})
        QCOMPARE(f.source.count(QString::fromLatin1(c)), 1);
    const auto orders = f.source.waiting("list_orders");
    QCOMPARE(f.source.requests[orders[0]].payload["recent_limit"].toInt(), 500);
    f.source.answerSnapshots();

    QCOMPARE(menu.size(), 1);
    QCOMPARE(f.session.menu().size(), 16);
    QCOMPARE(settings.size(), 1);
    QCOMPARE(f.session.settings().value("tax_rate").toDouble(), 0.1);
    QStringList namespaces;
    for (const auto &args : resynced)
        namespaces << args[0].toString();
    QCOMPARE(namespaces,
             QStringList({"/orders", "/inventory", "/employees", "/payments", "/system"}));
    QTRY_COMPARE(f.session.orders()->rowCount(), 5); // 2 open + 3 recent in the fixture
    QTRY_COMPARE(f.session.inventory()->rowCount(), 15);
    QCOMPARE(f.session.timesheets()->rowCount(), 5);
    QCOMPARE(f.session.payments()->rowCount(), 5);
    QCOMPARE(f.session.counters()->rowCount(), 2);
    // Put together across snapshots: an ingredient's users by the menu's product names.
    bool sawNames = false;
    for (const StockItem &s : f.session.inventory()->rows())
        if (s.name == "Espresso Beans") {
            QVERIFY(s.usedBy.contains("Espresso"));
            sawNames = true;
        }
    QVERIFY(sawNames);
}

void tst_ConsoleSession::eventsIntoModels()
{
    Fixture f;
    f.live();
    QSignalSpy created(&f.session, &ConsoleSession::orderCreated);
    QSignalSpy ready(&f.session, &ConsoleSession::orderReady);
    const int logged = f.session.eventLog()->rowCount();
    QVERIFY(f.placeOrder());
    QCOMPARE(created.size(), 1);
    QCOMPARE(created[0][0].toString(), QStringLiteral("ORD20240101001"));
    QCOMPARE(created[0][2].toString(), QStringLiteral("Counter 1"));
    QVERIFY(f.session.lastEventAt("/orders").isValid());
    f.source.deliver("/orders", "order:ready", eventFixture("order:ready"));
    QCOMPARE(ready.size(), 1);
    QTRY_COMPARE(f.session.orders()->order("uuid")->status, OrderStatus::Ready);
    QTRY_VERIFY(f.session.eventLog()->rowCount() >= logged + 2);

    QSignalSpy settings(&f.session, &ConsoleSession::settingsChanged);
    f.source.deliver("/system", "cafe:settings_updated", eventFixture("cafe:settings_updated"));
    QCOMPARE(settings.size(), 1);
    QCOMPARE(f.session.settings().value("prep_time_minutes").toInt(), 12);
}

void tst_ConsoleSession::foreignAndUnknownEventsAreNotes()
{
    Fixture f;
    f.live();
    QSignalSpy created(&f.session, &ConsoleSession::orderCreated);
    QJsonObject other = eventFixture("order:created");
    QJsonObject meta = other["meta"].toObject();
    meta["cafe_id"] = "another-cafe";
    other["meta"] = meta;
    f.source.deliver("/orders", "order:created", other);
    f.source.deliver("/orders", "order:teleported", QJsonObject{{"data", QJsonObject{}}});
    QCOMPARE(created.size(), 0);
    QTest::qWait(50);
    QVERIFY(!f.session.orders()->order("uuid"));
}

void tst_ConsoleSession::resyncAfterUnrecoveredReconnect()
{
    Fixture f;
    f.live();
    QCOMPARE(f.source.count("list_orders"), 1);
    // The hub recovered the session: its replay is enough, nothing is asked again.
    f.source.drop();
    f.source.connectNamespaces(ConsoleSession::namespaces(), true);
    QCOMPARE(f.source.count("list_orders"), 1);
    QCOMPARE(f.source.count("list_counters"), 1);
    // A new session: every snapshot again.
    f.source.drop();
    f.source.connectNamespaces(ConsoleSession::namespaces(), false);
    for (const char *c : {"list_menu", "list_orders", "list_inventory", "list_timesheets",
                          "list_payments", "get_settings", "list_counters"})
        QCOMPARE(f.source.count(QString::fromLatin1(c)), 2);
    QSignalSpy resynced(&f.session, &ConsoleSession::resynced);
    f.source.answerSnapshots();
    QCOMPARE(resynced.size(), 5);
    // And by hand.
    f.session.resync();
    QCOMPARE(f.source.count("list_orders"), 3);
}

void tst_ConsoleSession::staleSnapshotAskedAgainAfterRecoveredReconnect()
{
    Fixture f;
    f.source.connectNamespaces(ConsoleSession::namespaces(), false);
    // The inventory's answer never comes; the rest do.
    f.source.timeOut(f.source.waiting("list_inventory")[0]);
    f.source.answerSnapshots();
    QCOMPARE(f.session.inventory()->rowCount(), 0);
    // The link drops before the retry; the hub recovers the session, which replays events but
    // not the lost answer: only the inventory is asked again.
    f.source.drop();
    f.source.connectNamespaces(ConsoleSession::namespaces(), true);
    QCOMPARE(f.source.count("list_inventory"), 2);
    QCOMPARE(f.source.count("list_orders"), 1);
    f.source.answerSnapshots();
    QTRY_COMPARE(f.session.inventory()->rowCount(), 15);
    // Once loaded it is not stale: the next recovered connect asks nothing.
    f.source.drop();
    f.source.connectNamespaces(ConsoleSession::namespaces(), true);
    QCOMPARE(f.source.count("list_inventory"), 2);

    // Still connected when an answer is lost: asked again shortly, without a reconnect.
    f.session.resync();
    QCOMPARE(f.source.count("list_timesheets"), 2);
    f.source.timeOut(f.source.waiting("list_timesheets")[0]);
    f.source.answerSnapshots();
    QTRY_COMPARE_WITH_TIMEOUT(f.source.count("list_timesheets"), 3, 15000);
}

void tst_ConsoleSession::staleSnapshotsForgottenAtTeardown()
{
    Fixture f;
    f.source.connectNamespaces(ConsoleSession::namespaces(), false);
    f.source.timeOut(f.source.waiting("list_payments")[0]);
    f.source.answerSnapshots();
    // A new link loads everything on its first connect anyway: the stale mark does not outlive
    // the old one (a recovered connect right after asks nothing).
    f.session.disconnectFromHub();
    QCOMPARE(f.source.closes, 1);
    f.session.connectWithToken(Hub, token("u1", "manager"), "refresh");
    f.source.connectNamespaces(ConsoleSession::namespaces(), true);
    QCOMPARE(f.source.count("list_payments"), 1);
    // Nor is it retried on the new link by the old timer.
    QTest::qWait(2500);
    QCOMPARE(f.source.count("list_payments"), 1);
}

void tst_ConsoleSession::outboxReplaysWithTheSameRequestId()
{
    Fixture f;
    QSignalSpy finished(&f.session, &ConsoleSession::commandFinished);
    // Offline: pending, nothing sent.
    const QString id = f.session.clockIn("morning");
    QVERIFY(!id.isEmpty());
    QCOMPARE(f.session.outbox()->entry(id)->state, OutboxEntry::State::Pending);
    QCOMPARE(f.source.count("clock_in"), 0);
    // Connected: sent, with its request id.
    f.live();
    QCOMPARE(f.source.count("clock_in"), 1);
    const int first = f.source.waiting("clock_in")[0];
    QCOMPARE(f.source.requests[first].nsp, QStringLiteral("/employees"));
    QCOMPARE(f.source.requests[first].payload["request_id"].toString(), id);
    QCOMPARE(f.source.requests[first].payload["notes"].toString(), QStringLiteral("morning"));
    QCOMPARE(f.session.outbox()->entry(id)->state, OutboxEntry::State::Sent);
    QCOMPARE(f.session.outbox()->entry(id)->attempts, 1);
    // No answer: pending again, then out again with the same request id.
    f.source.timeOut(first);
    QCOMPARE(f.session.outbox()->entry(id)->state, OutboxEntry::State::Pending);
    QTRY_COMPARE_WITH_TIMEOUT(f.source.count("clock_in"), 2, 15000);
    const int second = f.source.waiting("clock_in")[0];
    QCOMPARE(f.source.requests[second].payload["request_id"].toString(), id);
    QCOMPARE(f.session.outbox()->entry(id)->attempts, 2);
    QCOMPARE(finished.size(), 0);
    f.source.answer(second, QJsonObject{});
    QCOMPARE(f.session.outbox()->entry(id)->state, OutboxEntry::State::Done);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished[0][0].toString(), id);
    QVERIFY(finished[0][1].toBool());
    // Done is done: never sent again.
    QTest::qWait(1200);
    QCOMPARE(f.source.count("clock_in"), 2);
}

void tst_ConsoleSession::sentActionsPendingAgainAtTeardown()
{
    Fixture f;
    f.live();
    QVERIFY(f.placeOrder());
    const QString id = f.session.setOrderStatus("uuid", OrderStatus::Preparing, {});
    QCOMPARE(f.session.outbox()->entry(id)->state, OutboxEntry::State::Sent);
    // The link is replaced (a new sign-in): what was in flight is pending, and goes out once
    // on the new link with its request id.
    f.session.connectWithToken(Hub, token("u1", "manager"), "refresh");
    QCOMPARE(f.session.outbox()->entry(id)->state, OutboxEntry::State::Pending);
    QCOMPARE(f.source.count("update_order_status"), 1);
    f.source.connectNamespaces(ConsoleSession::namespaces(), false);
    QCOMPARE(f.source.count("update_order_status"), 2);
    const int again = f.source.waiting("update_order_status")[0];
    QCOMPARE(f.source.requests[again].payload["request_id"].toString(), id);
    QCOMPARE(f.source.requests[again].payload["status"].toString(), QStringLiteral("preparing"));
    // Disconnecting by hand leaves it pending too.
    f.session.disconnectFromHub();
    QCOMPARE(f.session.outbox()->entry(id)->state, OutboxEntry::State::Pending);
}

void tst_ConsoleSession::refusalClearsThePendingAction()
{
    Fixture f;
    f.live();
    QVERIFY(f.placeOrder());
    QSignalSpy finished(&f.session, &ConsoleSession::commandFinished);
    const QString id = f.session.cancelOrder("uuid", "customer left");
    QTRY_COMPARE(pendingAction(f.session, "uuid"), QStringLiteral("cancel ORD20240101001"));
    f.source.refuse(f.source.waiting("cancel_order")[0], "CONFLICT", "already ready");
    QCOMPARE(f.session.outbox()->entry(id)->state, OutboxEntry::State::Refused);
    QCOMPARE(f.session.outbox()->entry(id)->errorType, QStringLiteral("CONFLICT"));
    QCOMPARE(f.session.outbox()->entry(id)->message, QStringLiteral("already ready"));
    QTRY_COMPARE(pendingAction(f.session, "uuid"), QString());
    QCOMPARE(finished.size(), 1);
    QVERIFY(!finished[0][1].toBool());
    QCOMPARE(finished[0][2].toString(), QStringLiteral("CONFLICT"));
    QCOMPARE(finished[0][3].toString(), QStringLiteral("already ready"));
    // A refused action is final.
    QTest::qWait(1200);
    QCOMPARE(f.source.count("cancel_order"), 1);
}

void tst_ConsoleSession::itemTickConfirmedByItsAckOrEvent()
{
    // checkItem goes out as check_order_item; the hub's order:item_checked ticks the item. A tick
    // the hub found done already is answered without an event: its ack ends the wait.
    Fixture f;
    f.live();
    QVERIFY(f.placeOrder());
    const Order *o = f.session.orders()->order("uuid");
    QVERIFY(o && !o->items.isEmpty());
    const QString itemId = o->items.at(0).id;
    const QString first = f.session.checkItem("uuid", itemId, true);
    QVERIFY(!first.isEmpty());
    QTRY_COMPARE(f.source.waiting("check_order_item").size(), 1);
    const int index = f.source.waiting("check_order_item")[0];
    QCOMPARE(f.source.requests[index].nsp, QStringLiteral("/orders"));
    QCOMPARE(f.source.requests[index].payload.value("item_id").toString(), itemId);
    QCOMPARE(f.source.requests[index].payload.value("made").toBool(), true);
    QVERIFY(!pendingAction(f.session, "uuid").isEmpty());
    f.source.answer(index, QJsonObject{{"order_id", "uuid"},
                                       {"item_id", itemId},
                                       {"made", true},
                                       {"items_made", QJsonArray{itemId}},
                                       {"status", "preparing"}});
    f.source.deliver("/orders", "order:item_checked",
                     QJsonObject{{"event", "order:item_checked"},
                                 {"data", QJsonObject{{"order_id", "uuid"},
                                                      {"order_number", "ORD20240101001"},
                                                      {"item_id", itemId},
                                                      {"made", true},
                                                      {"items_made", QJsonArray{itemId}}}}});
    QTRY_VERIFY(f.session.orders()->order("uuid")->items.at(0).made);
    QCOMPARE(f.session.outbox()->entry(first)->state, OutboxEntry::State::Done);
    // Ticked again at another screen meanwhile: the hub answers, sends nothing; the wait ends.
    const QString again = f.session.checkItem("uuid", itemId, true);
    QTRY_COMPARE(f.source.waiting("check_order_item").size(), 1);
    QTRY_VERIFY(!pendingAction(f.session, "uuid").isEmpty());
    f.source.answer(f.source.waiting("check_order_item")[0],
                    QJsonObject{{"order_id", "uuid"}, {"items_made", QJsonArray{itemId}}});
    QTRY_COMPARE(pendingAction(f.session, "uuid"), QString());
    QCOMPARE(f.session.outbox()->entry(again)->state, OutboxEntry::State::Done);
    QVERIFY(f.session.orders()->order("uuid")->items.at(0).made);
}

void tst_ConsoleSession::notSentIsNeverSentTwice()
{
    Fixture f;
    f.live();
    // The namespace looks connected but its link is gone under the session: the request never
    // leaves, and the action stays pending.
    f.source.unsendable << "/inventory";
    const QString id = f.session.adjustStock("milk", "restock", 5, {});
    QCOMPARE(f.source.count("adjust_stock"), 0);
    QCOMPARE(f.session.outbox()->entry(id)->state, OutboxEntry::State::Pending);
    // Once it can go, it goes exactly once, however often the outbox is flushed meanwhile.
    f.source.unsendable.clear();
    QTRY_COMPARE_WITH_TIMEOUT(f.source.count("adjust_stock"), 1, 15000);
    f.source.connectNamespaces({"/inventory"}, true);
    f.source.connectNamespaces({"/inventory"}, true);
    QTest::qWait(1200);
    QCOMPARE(f.source.count("adjust_stock"), 1);
    const int sent = f.source.waiting("adjust_stock")[0];
    QCOMPARE(f.source.requests[sent].payload["request_id"].toString(), id);
    QCOMPARE(f.source.requests[sent].payload["quantity"].toInt(), 5);
    QCOMPARE(f.session.outbox()->entry(id)->state, OutboxEntry::State::Sent);
}

// The counters in the room commands sent so far, in order ("+Counter 1", "-Counter 2").
static QStringList roomCommands(const FakeEventSource &source)
{
    QStringList out;
    for (const auto &sent : source.sent) {
        if (sent.event == QLatin1String("join_counter"))
            out << "+" + sent.payload["counter"].toString();
        else if (sent.event == QLatin1String("leave_counter"))
            out << "-" + sent.payload["counter"].toString();
    }
    return out;
}

void tst_ConsoleSession::counterRoomJoinedOnlyOnNewSessions()
{
    // On "All counters" the console is in every counter's room, so it hears every move
    // (order:assigned_counter goes to the counters' rooms and managers only); following one
    // counter, in that room only.
    Fixture f("employee");
    f.live();
    QStringList joined = roomCommands(f.source);
    joined.sort();
    QCOMPARE(joined, QStringList({"+Counter 1", "+Counter 2"}));
    for (const auto &sent : f.source.sent)
        QCOMPARE(sent.nsp, QStringLiteral("/orders"));
    // A counter learnt from an order (a server without list_counters) is joined too.
    QJsonObject third = eventFixture("order:created")["data"].toObject()["order"].toObject();
    third["assigned_counter"] = "Counter 3";
    f.source.deliver("/orders", "order:created",
                     withData(eventFixture("order:created"), {{"order", third}}));
    QCOMPARE(roomCommands(f.source).mid(2), QStringList({"+Counter 3"}));
    f.source.sent.clear();
    f.session.followCounter("Counter 1");
    QStringList left = roomCommands(f.source);
    left.sort();
    QCOMPARE(left, QStringList({"-Counter 2", "-Counter 3"}));
    // A recovered session is still in the room.
    f.source.sent.clear();
    f.source.drop();
    f.source.connectNamespaces(ConsoleSession::namespaces(), true);
    QCOMPARE(roomCommands(f.source), QStringList());
    // A new one is not: joined again.
    f.source.drop();
    f.source.connectNamespaces(ConsoleSession::namespaces(), false);
    QCOMPARE(roomCommands(f.source), QStringList({"+Counter 1"}));
    // Leaving, then another counter.
    f.source.sent.clear();
    f.session.followCounter("Counter 2");
    QCOMPARE(roomCommands(f.source), QStringList({"-Counter 1", "+Counter 2"}));
    QCOMPARE(f.session.followedCounter(), QStringLiteral("Counter 2"));
    // Back to all counters.
    f.source.sent.clear();
    f.session.followCounter(QString());
    QStringList back = roomCommands(f.source);
    back.sort();
    QCOMPARE(back, QStringList({"+Counter 1", "+Counter 3"}));
}

void tst_ConsoleSession::counterRoomsAreBounded()
{
    // Counter names come from the server: a server naming a hundred counters gets the console
    // into 64 rooms, not a hundred, and a new session starts counting again.
    Fixture f("employee");
    f.live();
    const QJsonObject order = eventFixture("order:created")["data"].toObject()["order"].toObject();
    for (int i = 0; i < 100; ++i) {
        QJsonObject o = order;
        o["id"] = QStringLiteral("uuid-%1").arg(i);
        o["order_number"] = QStringLiteral("ORD%1").arg(i);
        o["assigned_counter"] = QStringLiteral("Far counter %1").arg(i);
        f.source.deliver("/orders", "order:created",
                         withData(eventFixture("order:created"), {{"order", o}}));
    }
    const QStringList joined = roomCommands(f.source);
    QCOMPARE(joined.size(), 64);
    QVERIFY(joined.contains("+Counter 1"));
    QVERIFY(joined.contains("+Counter 2"));
    QVERIFY(!joined.contains("+Far counter 99"));
    f.source.sent.clear();
    f.source.drop();
    f.source.connectNamespaces(ConsoleSession::namespaces(), false);
    QCOMPARE(roomCommands(f.source).size(), 64);
}

void tst_ConsoleSession::counterClosingMovesItsOrders()
{
    // counter:status_changed says where a closing counter's orders went: the queue's counter
    // column and the loads follow it, also when no order:assigned_counter reached this console.
    Fixture f("employee");
    f.live();
    QVERIFY(f.placeOrder());
    QCOMPARE(f.session.orders()->order("uuid")->counter, QStringLiteral("Counter 1"));
    const auto open = [&](const QString &counter) {
        int n = 0;
        f.session.orders()->flush(); // rows() as the views will see them
        for (const Order &o : f.session.orders()->rows())
            n += o.counter == counter && isOpenStatus(o.status) ? 1 : 0;
        return n;
    };
    const int atOne = open("Counter 1"), atTwo = open("Counter 2");
    QVERIFY(atOne >= 1);
    QTRY_COMPARE(f.session.counters()->find("Counter 1")->openOrders(), atOne);
    f.source.deliver("/system", "counter:status_changed", eventFixture("counter:status_changed"));
    QCOMPARE(f.session.orders()->order("uuid")->counter, QStringLiteral("Counter 2"));
    QCOMPARE(open("Counter 1"), 0);
    QTRY_VERIFY(!f.session.counters()->find("Counter 1")->isActive());
    QTRY_COMPARE(f.session.counters()->find("Counter 1")->openOrders(), 0);
    QTRY_COMPARE(f.session.counters()->find("Counter 2")->openOrders(), atOne + atTwo);
}

void tst_ConsoleSession::menuReloadedOnStockChangesButNotSales()
{
    Fixture f;
    f.live();
    QCOMPARE(f.source.count("list_menu"), 1);
    // A sale changes no product's availability.
    f.source.deliver("/inventory", "inventory:stock_updated",
                     eventFixture("inventory:stock_updated"));
    QCOMPARE(f.source.count("list_menu"), 1);
    // A restock may enable products again; running out disables them.
    f.source.deliver(
        "/inventory", "inventory:stock_updated",
        withData(eventFixture("inventory:stock_updated"), {{"change_type", "restock"}}));
    QCOMPARE(f.source.count("list_menu"), 2);
    f.source.deliver("/inventory", "inventory:out_of_stock",
                     eventFixture("inventory:out_of_stock"));
    QCOMPARE(f.source.count("list_menu"), 3);
    // A low-stock warning changes nothing on the menu.
    f.source.deliver("/inventory", "inventory:low_stock", eventFixture("inventory:low_stock"));
    QCOMPARE(f.source.count("list_menu"), 3);
    QSignalSpy menu(&f.session, &ConsoleSession::menuChanged);
    f.source.answerSnapshots();
    QCOMPARE(menu.size(), 2);
    QCOMPARE(f.session.menu().size(), 16);
}

void tst_ConsoleSession::summariesFollowTheQueue()
{
    Fixture f;
    f.live();
    QTRY_COMPARE(f.session.counters()->rowCount(), 2);
    const auto loadOf = [&f](const QString &counter) {
        for (const CounterInfo &c : f.session.counters()->rows())
            if (c.name == counter)
                return c.openOrders();
        return -1;
    };
    // The fixture's 2 open orders, one per counter.
    QTRY_COMPARE(loadOf("Counter 1"), 1);
    // A burst of orders on one counter: the loads are recounted (at most every 250 ms, folded
    // into one trailing recount) and end up right.
    for (int i = 0; i < 20; ++i) {
        QJsonObject env = eventFixture("order:created");
        QJsonObject data = env["data"].toObject();
        QJsonObject order = data["order"].toObject();
        order["id"] = QStringLiteral("burst-%1").arg(i);
        data["order"] = order;
        env["data"] = data;
        f.source.deliver("/orders", "order:created", env);
    }
    QTRY_COMPARE(loadOf("Counter 1"), 21);
    QCOMPARE(loadOf("Counter 2"), 1);
}

void tst_ConsoleSession::liveness()
{
    FakeEventSource source;
    ConsoleSession session(&source);
    QCOMPARE(session.liveness(), ConsoleSession::Liveness::Offline);
    session.connectWithToken(Hub, token("u1", "employee"));
    QCOMPARE(session.liveness(), ConsoleSession::Liveness::Connecting);
    source.connectNamespaces({"/orders", "/inventory"}, false);
    QCOMPARE(session.liveness(), ConsoleSession::Liveness::Connecting);
    source.refuseConnect("/employees", "Permission denied", "PERMISSION_DENIED");
    QCOMPARE(session.liveness(), ConsoleSession::Liveness::Refused);
    QVERIFY(session.livenessText().contains("Permission denied"));
    source.connectNamespaces(ConsoleSession::namespaces(), false);
    QCOMPARE(session.liveness(), ConsoleSession::Liveness::Live);
    source.setHeartbeatOverdue(true);
    QTRY_COMPARE(session.liveness(), ConsoleSession::Liveness::Silent);
    source.setHeartbeatOverdue(false);
    source.drop();
    QCOMPARE(session.liveness(), ConsoleSession::Liveness::Reconnecting);
    session.disconnectFromHub();
    QCOMPARE(session.liveness(), ConsoleSession::Liveness::Offline);
    QCOMPARE(session.linkState(), EventSource::LinkState::Offline);
}

void tst_ConsoleSession::followsItsOwnRoleChange()
{
    Fixture f("employee");
    f.live();
    f.session.followCounter("Counter 1");
    const auto staffUpdated = [](const QString &user, const QString &role) {
        return QJsonObject{{"event", "staff:updated"},
                           {"data", QJsonObject{{"user_id", user},
                                                {"changes", QJsonArray{"role_changed"}},
                                                {"role", role}}}};
    };
    // Someone else's role, or the role this console already has: nothing to do.
    f.source.deliver("/employees", "staff:updated", staffUpdated("u2", "manager"));
    f.source.deliver("/employees", "staff:updated", staffUpdated("u1", "employee"));
    QCOMPARE(f.source.renewals, 0);
    // Its own user promoted: a fresh token at once.
    f.source.deliver("/employees", "staff:updated", staffUpdated("u1", "manager"));
    QCOMPARE(f.source.renewals, 1);
    // An action in flight when the new token opens the link again.
    QVERIFY(f.placeOrder());
    const QString id = f.session.setOrderStatus("uuid", OrderStatus::Preparing, {});
    QSignalSpy identity(&f.session, &ConsoleSession::identityChanged);
    f.source.reopenWith(token("u1", "manager"));
    QCOMPARE(identity.size(), 1);
    QCOMPARE(f.session.identity().role, QStringLiteral("manager"));
    QVERIFY(f.session.identity().isManager());
    QCOMPARE(f.session.outbox()->entry(id)->state, OutboxEntry::State::Pending);
    // The new link is a new session: snapshots, the counter room and the action again.
    const int joins = int(f.source.sent.size());
    f.source.connectNamespaces(ConsoleSession::namespaces(), false);
    QCOMPARE(f.source.count("list_orders"), 2);
    QCOMPARE(f.source.sent.size(), joins + 1);
    QCOMPARE(f.source.sent.last().event, QStringLiteral("join_counter"));
    QCOMPARE(f.source.count("update_order_status"), 2);
    // A renewed token for the same role keeps the link and updates who the console is.
    Q_EMIT f.source.tokenChanged(token("u1", "manager"));
    QCOMPARE(identity.size(), 2);
    QCOMPARE(f.source.opens.size(), 2); // the fixture's and the role change's, no other
    QCOMPARE(f.source.sent.last().event, QStringLiteral("join_counter"));
}

void tst_ConsoleSession::offlineWithoutASource()
{
    ConsoleSession session;
    QVERIFY(!session.source());
    session.signIn(Hub, "c1", "E1", "1234");
    QVERIFY(!session.identity().isValid());
    const QString id = session.clockIn({});
    QCOMPARE(session.outbox()->entry(id)->state, OutboxEntry::State::Pending);
    session.resync();
    session.followCounter("Counter 1");
    QCOMPARE(session.liveness(), ConsoleSession::Liveness::Offline);
    QVERIFY(!session.isNamespaceConnected("/orders"));
    // A token still names whom the views serve; the session stays offline and sends nothing.
    QSignalSpy identity(&session, &ConsoleSession::identityChanged);
    session.connectWithToken(Hub, token("u7", "manager"));
    QCOMPARE(identity.size(), 1);
    QCOMPARE(session.identity().userId, QStringLiteral("u7"));
    QCOMPARE(session.identity().role, QStringLiteral("manager"));
    QCOMPARE(session.liveness(), ConsoleSession::Liveness::Offline);
    QCOMPARE(session.outbox()->entry(id)->state, OutboxEntry::State::Pending);
    QCOMPARE(session.caFileProblem("/no/such.pem"), QString());
}

namespace {
// Whether the event log has a row whose summary contains text.
bool logged(const ConsoleSession &session, const QString &text)
{
    const EventLogModel *log = session.eventLog();
    for (int r = 0; r < log->rowCount(); ++r)
        if (log->index(r, EventLogModel::SummaryColumn).data().toString().contains(text))
            return true;
    return false;
}
} // namespace

void tst_ConsoleSession::contractOnlyServer()
{
    // A server of the bare event contract: no snapshot answers, no acks. Nothing is asked again
    // on a timer, the queue comes from events and survives a reconnect, an action is done by its
    // event, unknown after its timeout and never sent twice, and an error event refuses it.
    Fixture f;
    f.session.setSnapshotProbeTimeout(1000);
    f.session.setCommandTimeout(4000);
    QSignalSpy offer(&f.session, &ConsoleSession::snapshotOfferChanged);
    f.source.connectNamespaces(ConsoleSession::namespaces(), false);
    QCOMPARE(f.source.requests.size(), 7);
    QCOMPARE(f.source.requests[0].timeoutMs, 1000);
    QCOMPARE(f.session.snapshotOffer(), SnapshotLoader::Offer::Unknown);
    for (int i : f.source.waiting())
        f.source.timeOut(i);
    QVERIFY(f.session.liveEventsOnly());
    QCOMPARE(offer.size(), 1);
    QTRY_VERIFY(logged(f.session, "this server offers no snapshots"));
    QVERIFY(f.session.liveSince().isValid());
    QVERIFY(!f.session.lastGapAt().isValid());

    QVERIFY(f.placeOrder());
    const QString id = f.session.advanceOrder("uuid");
    QCOMPARE(f.source.count("update_order_status"), 1);
    QCOMPARE(f.session.outbox()->pendingCount(), 1);
    // Its event confirms it: done, nothing waits.
    f.source.deliver("/orders", "order:status_changed", eventFixture("order:status_changed"));
    QCOMPARE(f.session.outbox()->entry(id)->state, OutboxEntry::State::Done);
    QCOMPARE(f.session.outbox()->pendingCount(), 0);
    QTRY_COMPARE(f.session.orders()->order("uuid")->status, OrderStatus::Preparing);

    // The next one gets no event: unknown after its timeout, the row free again, never re-sent.
    QSignalSpy unconfirmed(&f.session, &ConsoleSession::commandUnconfirmed);
    const QString ready = f.session.advanceOrder("uuid");
    QTRY_COMPARE(pendingAction(f.session, "uuid"), QStringLiteral("ORD20240101001 → ready"));
    f.source.timeOut(f.source.waiting("update_order_status").last());
    QCOMPARE(f.session.outbox()->entry(ready)->state, OutboxEntry::State::Unknown);
    QCOMPARE(unconfirmed.size(), 1);
    QTRY_COMPARE(pendingAction(f.session, "uuid"), QString());
    QCOMPARE(f.session.outbox()->pendingCount(), 0);

    // A reconnect without recovery: no snapshot is asked, the queue is kept, the gap noted.
    f.source.drop();
    f.source.connectNamespaces(ConsoleSession::namespaces(), false);
    QVERIFY(f.session.lastGapAt().isValid());
    QVERIFY(f.session.orders()->order("uuid") != nullptr);
    QTest::qWait(2500); // the session's ticks flush the outbox; stale retries would fire
    QCOMPARE(f.source.requests.size(), 7 + 2);
    QCOMPARE(f.source.count("update_order_status"), 2);

    // The server refuses the next one with a bare error event: the one unsettled action in
    // /orders is refused, and the user is told.
    QSignalSpy finished(&f.session, &ConsoleSession::commandFinished);
    const QString cancel = f.session.cancelOrder("uuid", "customer left");
    f.source.deliver(
        "/orders", "error",
        QJsonObject{{"type", "INVALID_DATA"}, {"message", "unknown event cancel_order"}});
    QCOMPARE(f.session.outbox()->entry(cancel)->state, OutboxEntry::State::Refused);
    QCOMPARE(f.session.outbox()->entry(cancel)->message,
             QStringLiteral("unknown event cancel_order"));
    QCOMPARE(finished.size(), 1);
    QTRY_VERIFY(logged(f.session, "INVALID_DATA: unknown event cancel_order"));
    QTRY_COMPARE(pendingAction(f.session, "uuid"), QString());
    // One naming none of ours is still shown.
    QSignalSpy serverError(&f.session, &ConsoleSession::serverError);
    f.source.deliver("/orders", "error",
                     QJsonObject{{"type", "INVALID_DATA"},
                                 {"message", "counter is required"},
                                 {"command", "join_counter"}});
    QCOMPARE(serverError.size(), 1);
    QCOMPARE(serverError[0][2].toString(), QStringLiteral("counter is required"));
    QCOMPARE(serverError[0][3].toString(), QStringLiteral("join_counter"));

    // The menu is never asked for on stock events, and F5 asks the server once more, by hand.
    f.source.deliver("/inventory", "inventory:out_of_stock",
                     eventFixture("inventory:out_of_stock"));
    QCOMPARE(f.source.count("list_menu"), 1);
    f.session.resync();
    QCOMPARE(f.source.count("list_menu"), 2);
    QCOMPARE(f.session.snapshotOffer(), SnapshotLoader::Offer::Unknown);
}

void tst_ConsoleSession::errorEventsShownWithOurHubToo()
{
    Fixture f;
    f.live();
    QCOMPARE(f.session.snapshotOffer(), SnapshotLoader::Offer::Offered);
    QVERIFY(!f.session.liveEventsOnly());
    // Our hub's error event for a command sent without an ack (join_counter): shown, logged, and
    // no action of ours is refused by it.
    QVERIFY(f.placeOrder());
    const QString id = f.session.advanceOrder("uuid");
    QSignalSpy serverError(&f.session, &ConsoleSession::serverError);
    f.source.deliver("/orders", "error",
                     QJsonObject{{"type", "NOT_FOUND"},
                                 {"message", "no counter Counter 9"},
                                 {"command", "join_counter"}});
    QCOMPARE(serverError.size(), 1);
    QTRY_VERIFY(logged(f.session, "NOT_FOUND: no counter Counter 9 (join_counter)"));
    QCOMPARE(f.session.outbox()->entry(id)->state, OutboxEntry::State::Sent);
    // With acks an unanswered action still goes out again with its request id.
    f.source.timeOut(f.source.waiting("update_order_status")[0]);
    QCOMPARE(f.session.outbox()->entry(id)->state, OutboxEntry::State::Pending);
}

void tst_ConsoleSession::snapshotsRefusedByErrorEvents()
{
    // A server without snapshots that refuses them with error events instead of staying silent:
    // known at once, and those errors are not shown as errors of their own.
    Fixture f;
    QSignalSpy serverError(&f.session, &ConsoleSession::serverError);
    f.source.connectNamespaces(ConsoleSession::namespaces(), false);
    f.source.deliver(
        "/system", "error",
        QJsonObject{{"type", "INVALID_DATA"}, {"message", "unknown event get_settings"}});
    QCOMPARE(f.session.snapshotOffer(), SnapshotLoader::Offer::Unknown);
    f.source.deliver("/inventory", "error",
                     QJsonObject{{"type", "INVALID_DATA"},
                                 {"message", "unknown event list_inventory"},
                                 {"command", "list_inventory"}});
    QVERIFY(f.session.liveEventsOnly());
    QCOMPARE(serverError.size(), 0);
    // The rest of them too, one error for each request out.
    f.source.deliver(
        "/payments", "error",
        QJsonObject{{"type", "INVALID_DATA"}, {"message", "unknown event list_payments"}});
    QCOMPARE(serverError.size(), 0);
    // Each answered by its error, a bare error is the actions' business again.
    f.source.deliver("/payments", "error",
                     QJsonObject{{"type", "INVALID_DATA"}, {"message", "something else"}});
    QCOMPARE(serverError.size(), 1);
}

static QJsonObject snapshotFixture(const QString &command)
{
    QFile f(QStringLiteral(TT_SNAPSHOT_FIXTURES "/") + command + ".json");
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(command));
    return QJsonDocument::fromJson(f.readAll()).object();
}

void tst_ConsoleSession::criticalAlertFromTheSnapshotRings()
{
    // An item critically low before the console connected: the hub's /inventory snapshot says
    // "critical", and the alert must say so and ring, as inventory:low_stock would have.
    Fixture f;
    f.source.connectNamespaces(ConsoleSession::namespaces(), false);
    QJsonObject data = snapshotFixture("list_inventory")["data"].toObject();
    QJsonArray items = data["items"].toArray();
    QJsonObject item = items[0].toObject();
    const QString id = item["product_id"].toString();
    item["current_stock"] = 20;
    item["low_stock"] = true;
    item["priority"] = "critical";
    items[0] = item;
    data["items"] = items;
    f.source.answer(f.source.waiting("list_inventory")[0], data);
    f.source.answerSnapshots();
    const StockAlert *a = f.session.alerts()->find(id);
    QVERIFY(a);
    QCOMPARE(a->priority, QStringLiteral("critical"));
    QVERIFY(f.session.alerts()->isRinging());
    // A resync keeps the acknowledgement, and takes the hub's newer priority.
    f.session.alerts()->acknowledge(id);
    QVERIFY(!f.session.alerts()->isRinging());
    item["priority"] = "high";
    items[0] = item;
    data["items"] = items;
    f.session.resync();
    f.source.answer(f.source.waiting("list_inventory")[0], data);
    QCOMPARE(f.session.alerts()->find(id)->priority, QStringLiteral("high"));
    QVERIFY(f.session.alerts()->find(id)->acknowledged);
}

void tst_ConsoleSession::recallWindowIsTheCafes()
{
    // The console offers a recall as long as the hub accepts one: the cafe's
    // recall_window_seconds, from the settings snapshot and cafe:settings_updated.
    Fixture f;
    qint64 now = QDateTime(QDate(2024, 1, 1), QTime(0, 5), Qt::UTC).toMSecsSinceEpoch();
    f.session.clock()->setSource([&now] { return now; });
    f.source.connectNamespaces(ConsoleSession::namespaces(), false);
    QJsonObject settings = snapshotFixture("get_settings")["data"].toObject();
    QJsonObject values = settings["settings"].toObject();
    values["recall_window_seconds"] = 120;
    settings["settings"] = values;
    f.source.answer(f.source.waiting("get_settings")[0], settings);
    f.source.answerSnapshots();
    QVERIFY(f.placeOrder());
    const auto advance = [&] {
        if (f.session.advanceOrder("uuid").isEmpty())
            return false;
        f.source.deliver("/orders", "order:status_changed", eventFixture("order:status_changed"));
        return f.session.orders()->order("uuid")->status == OrderStatus::Preparing;
    };
    const auto back = [&] {
        f.source.deliver("/orders", "order:status_changed",
                         withData(eventFixture("order:status_changed"),
                                  {{"previous_status", "preparing"}, {"new_status", "pending"}}));
        return f.session.orders()->order("uuid")->status == OrderStatus::Pending;
    };
    const auto setWindow = [&](int previous, int next) {
        const QJsonObject change{{"previous", previous}, {"new", next}};
        f.source.deliver(
            "/system", "cafe:settings_updated",
            QJsonObject{
                {"data", QJsonObject{{"updated_by", QJsonObject{{"id", "m"}, {"name", "M"}}},
                                     {"changes", QJsonObject{{"recall_window_seconds", change}}}}},
                {"meta", QJsonObject{{"timestamp", "2024-01-01T00:08:00Z"},
                                     {"cafe_id", "uuid"},
                                     {"event_id", QStringLiteral("evt_%1").arg(next)}}}});
    };
    QVERIFY(advance());
    now += 90 * 1000; // past the old fixed minute, inside the cafe's two
    QVERIFY(f.session.canRecall("uuid"));
    now += 31 * 1000;
    QVERIFY(!f.session.canRecall("uuid"));
    // A manager shortens it to 30 s while the console runs.
    QVERIFY(back());
    setWindow(120, 30);
    QVERIFY(advance());
    now += 20 * 1000;
    QVERIFY(f.session.canRecall("uuid"));
    now += 11 * 1000;
    QVERIFY(!f.session.canRecall("uuid"));
    // 0 turns recalls off at the hub, so the console offers none.
    QVERIFY(back());
    setWindow(30, 0);
    QVERIFY(advance());
    QVERIFY(!f.session.canRecall("uuid"));
}

void tst_ConsoleSession::alertAcknowledgedHereOrAtTheHub()
{
    Fixture f;
    f.live();
    const QJsonObject critical = withData(eventFixture("inventory:low_stock"),
                                          {{"priority", "critical"}, {"current_stock", 1}});
    // A server that lists no alerts (the snapshot has no `alert`, as the bare contract's servers):
    // acknowledged at this console only, nothing is sent (it would not know the command).
    f.source.deliver("/inventory", "inventory:low_stock", critical);
    QTRY_VERIFY(f.session.alerts()->isRinging());
    QVERIFY(f.session.acknowledgeAlert("uuid").isEmpty());
    QTRY_VERIFY(!f.session.alerts()->isRinging());
    QCOMPARE(f.source.count("acknowledge_alert"), 0);
    QCOMPARE(f.session.outbox()->rowCount(), 0);

    // Our hub lists its alerts: another item's, not acknowledged by anyone yet, rings.
    f.session.resync();
    const QJsonObject item{
        {"product_id", "milk"},
        {"product_name", "Oat Milk"},
        {"sku", "MILK001"},
        {"current_stock", 1},
        {"reorder_level", 10},
        {"max_stock", 100},
        {"priority", "critical"},
        {"alert",
         QJsonObject{{"alert_id", "alert-0"}, {"priority", "critical"}, {"acknowledged", false}}}};
    const auto answerInventory = [&f](const QJsonArray &items) {
        for (int i = 0; i < f.source.requests.size(); ++i)
            if (f.source.requests[i].command == "list_inventory" && !f.source.requests[i].ended)
                f.source.answer(i, QJsonObject{{"items", items}, {"disabled_products", {}}});
    };
    answerInventory({item});
    QTRY_VERIFY(f.session.alerts()->isRinging());
    QCOMPARE(f.session.alerts()->alertId("milk"), QStringLiteral("alert-0"));
    // Acknowledged here: silent at once, and the command goes out through the outbox.
    const QString requestId = f.session.acknowledgeAlert("milk");
    QVERIFY(!requestId.isEmpty());
    QTRY_VERIFY(!f.session.alerts()->isRinging());
    QCOMPARE(f.source.count("acknowledge_alert"), 1);
    const auto sent = std::find_if(f.source.requests.cbegin(), f.source.requests.cend(),
                                   [](const auto &r) { return r.command == "acknowledge_alert"; });
    QCOMPARE(sent->nsp, QStringLiteral("/inventory"));
    QCOMPARE(sent->payload["product_id"].toString(), QStringLiteral("milk"));
    QCOMPARE(sent->payload["request_id"].toString(), requestId);
    QCOMPARE(f.session.outbox()->entry(requestId)->state, OutboxEntry::State::Sent);
    // Twice is nothing more.
    QVERIFY(f.session.acknowledgeAlert("milk").isEmpty());
    QCOMPARE(f.source.count("acknowledge_alert"), 1);

    // Running out is a new alert: it rings; acknowledged at another console, it stops here too
    // and nothing is sent from here.
    f.source.deliver("/inventory", "inventory:out_of_stock",
                     withData(eventFixture("inventory:out_of_stock"), {{"product_id", "milk"}}));
    QTRY_VERIFY(f.session.alerts()->isRinging());
    QJsonObject acked = eventFixture("inventory:low_stock");
    acked["event"] = "inventory:alert_acknowledged";
    acked["data"] = QJsonObject{{"alert_id", "alert-1"},
                                {"product_id", "milk"},
                                {"product_name", "Oat Milk"},
                                {"priority", "critical"},
                                {"acknowledged_by", QJsonObject{{"id", "u9"}, {"name", "Anna"}}},
                                {"acknowledged_at", "2024-01-01T00:05:00Z"}};
    f.source.deliver("/inventory", "inventory:alert_acknowledged", acked);
    QTRY_VERIFY(!f.session.alerts()->isRinging());
    QCOMPARE(f.session.alerts()->find("milk")->acknowledgedBy, QStringLiteral("Anna"));
    QCOMPARE(f.source.count("acknowledge_alert"), 1);
}

void tst_ConsoleSession::fullOutboxLeavesTheRowFree()
{
    // Offline, the outbox fills up: the next action on an order is refused at once (said in the
    // outbox and by commandFinished), and the row does not wait for it.
    Fixture f;
    QVERIFY(f.placeOrder());
    for (int i = 0; i < Outbox::MaxWaiting; ++i)
        f.session.clockIn(QString::number(i));
    QCOMPARE(f.session.waitingActions(), Outbox::MaxWaiting);
    QSignalSpy finished(&f.session, &ConsoleSession::commandFinished);
    const QString id = f.session.cancelOrder("uuid", "customer left");
    QCOMPARE(f.session.outbox()->entry(id)->errorType, Outbox::outboxFullType());
    QCOMPARE(finished.size(), 1);
    QVERIFY(!finished[0][1].toBool());
    const QModelIndex row = f.session.orders()->index(f.session.orders()->rowOf("uuid"), 0);
    QCOMPARE(row.data(OrderQueueModel::PendingActionRole).toString(), QString());
    QCOMPARE(f.session.waitingActions(), Outbox::MaxWaiting);
}

void tst_ConsoleSession::queriesAnswerWithData()
{
    // A back-office read: no request id, no outbox entry, the ack's data to the caller; offline
    // and unanswered reads say so.
    Fixture f;
    QList<ConsoleSession::QueryAnswer> answers;
    const auto keep = [&answers](const ConsoleSession::QueryAnswer &a) {
        answers << a;
    };
    QVERIFY(!f.session.query(Contract::Command::ListStaff, {}, &f.session, keep));
    QCOMPARE(answers.size(), 1);
    QCOMPARE(answers[0].errorType, QStringLiteral("OFFLINE"));
    QVERIFY(!answers[0].ok);

    f.live();
    const int outboxRows = f.session.outbox()->rowCount();
    QVERIFY(f.session.query(Contract::Command::ListStaff, {}, &f.session, keep));
    QCOMPARE(f.source.waiting("list_staff").size(), 1);
    const FakeEventSource::Request &r = f.source.requests[f.source.waiting("list_staff")[0]];
    QCOMPARE(r.nsp, QStringLiteral("/employees"));
    QVERIFY(!r.payload.contains("request_id"));
    QCOMPARE(f.session.outbox()->rowCount(), outboxRows);
    f.source.answer(f.source.waiting("list_staff")[0],
                    QJsonObject{{"staff", QJsonArray{QJsonObject{{"name", "Ana"}}}}});
    QCOMPARE(answers.size(), 2);
    QVERIFY(answers[1].ok);
    QCOMPARE(answers[1].data.toObject().value("staff").toArray().size(), 1);

    QVERIFY(f.session.query(Contract::Command::GetSettings, {}, &f.session, keep));
    f.source.refuse(f.source.waiting("get_settings").last(), "PERMISSION_DENIED", "no");
    QCOMPARE(answers.size(), 3);
    QVERIFY(!answers[2].ok);
    QCOMPARE(answers[2].errorType, QStringLiteral("PERMISSION_DENIED"));
    QCOMPARE(answers[2].message, QStringLiteral("no"));

    QVERIFY(f.session.query(Contract::Command::ListStaff, {}, &f.session, keep));
    f.source.timeOut(f.source.waiting("list_staff").last());
    QCOMPARE(answers.size(), 4);
    QCOMPARE(answers[3].errorType, QStringLiteral("TIMEOUT"));

    // Never after its context is gone.
    auto *context = new QObject;
    QVERIFY(f.session.query(Contract::Command::ListStaff, {}, context, keep));
    const int last = f.source.waiting("list_staff").last();
    delete context;
    f.source.answer(last, QJsonObject{});
    QCOMPARE(answers.size(), 4);
}

void tst_ConsoleSession::actionsAnswerWithTheirAckData()
{
    // commandAnswered carries the ack's data of an applied action, before commandFinished; a
    // refusal has no data.
    Fixture f;
    f.live();
    QVERIFY(f.placeOrder());
    QStringList order;
    QJsonValue data;
    connect(&f.session, &ConsoleSession::commandAnswered, this,
            [&](const QString &, const QJsonValue &d) {
                order << QStringLiteral("answered");
                data = d;
            });
    connect(&f.session, &ConsoleSession::commandFinished, this, [&](const QString &, bool ok) {
        order << QString::fromLatin1(ok ? "done" : "refused");
    });
    const QString id = f.session.cancelOrder("uuid", "customer left");
    QTRY_COMPARE(f.source.waiting("cancel_order").size(), 1);
    f.source.answer(f.source.waiting("cancel_order")[0],
                    QJsonObject{{"order_id", "uuid"}, {"status", "cancelled"}});
    QCOMPARE(order, (QStringList{"answered", "done"}));
    QCOMPARE(data.toObject().value("status").toString(), QStringLiteral("cancelled"));
    QVERIFY(!id.isEmpty());

    order.clear();
    f.session.cancelOrder("uuid", "again");
    QTRY_COMPARE(f.source.waiting("cancel_order").size(), 1);
    f.source.refuse(f.source.waiting("cancel_order")[0], "CONFLICT", "already cancelled");
    QCOMPARE(order, QStringList{"refused"});
}

void tst_ConsoleSession::productNamesWhenTheMenuComesAfterTheInventory()
{
    // Our hub names the products an ingredient goes into by id. When /inventory answers before
    // the menu is known, the rows and the alerts still end up with names, not ids.
    Fixture f;
    f.source.connectNamespaces(ConsoleSession::namespaces(), false);
    QJsonObject data = snapshotFixture("list_inventory")["data"].toObject();
    QJsonArray items = data["items"].toArray();
    QJsonObject item = items[0].toObject();
    const QString id = item["product_id"].toString();
    const QStringList ids
        = {item["used_by"].toArray()[0].toString(), item["used_by"].toArray()[1].toString()};
    item["current_stock"] = 20;
    item["low_stock"] = true;
    item["priority"] = "medium";
    items[0] = item;
    data["items"] = items;
    f.source.answer(f.source.waiting("list_inventory")[0], data);
    QTRY_VERIFY(f.session.inventory()->find(id));
    QCOMPARE(f.session.inventory()->find(id)->usedBy, ids); // no menu yet: ids
    QCOMPARE(f.session.alerts()->find(id)->affects, ids);

    f.source.answerSnapshots(); // the menu, among the rest
    QStringList names;
    for (const QJsonValue &p :
         snapshotFixture("list_menu")["data"].toObject()["products"].toArray())
        if (ids.contains(p["id"].toString()))
            names << p["name"].toString();
    QCOMPARE(names.size(), 2);
    QTRY_COMPARE(QSet<QString>(f.session.inventory()->find(id)->usedBy.cbegin(),
                               f.session.inventory()->find(id)->usedBy.cend()),
                 QSet<QString>(names.cbegin(), names.cend()));
    QCOMPARE(QSet<QString>(f.session.alerts()->find(id)->affects.cbegin(),
                           f.session.alerts()->find(id)->affects.cend()),
             QSet<QString>(names.cbegin(), names.cend()));
}

QTEST_GUILESS_MAIN(tst_ConsoleSession)
#include "tst_consolesession.moc"
