// The console against a server that speaks only the Table Tap event contract: stock socket.io
// 4.8.4 in tests/interop/contract-server.js (no acks, no list_* snapshots, no request_id;
// failures as `error` events). The real console drives it: the main window (offscreen) on a
// HubSession (ConsoleSession + HubConnection), signed in with a token the server accepts. The
// server's own log lines are the evidence: how often each command arrived. Asserted: the console
// learns that the server offers no snapshots and says so (status strip, views); the queue fills
// from order:created; one key press sends exactly one update_order_status, which its
// order:status_changed confirms; a refused transition is shown; a reconnect neither loses a
// confirmed action nor repeats it; nothing is asked again on a timer; a quiet server neither
// crashes nor stalls the console. Reports and the dashboard's comparison with yesterday say they
// need a Table Tap hub.
#include "consolesettings.h"
#include "dashboardview.h"
#include "hubconnection.h"
#include "hubsession.h"
#include "mainwindow.h"
#include "nodepeer.h"
#include "orderqueueview.h"
#include "reportsview.h"
#include "snapshotnotice.h"
#include "statusstrip.h"
#include "uitesthelpers.h"

#include <QAction>
#include <QApplication>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QMessageAuthenticationCode>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTimer>

using namespace TableTap;

namespace {

const QByteArray Secret = "contract-only-secret";
const QString Cafe = QStringLiteral("downtown");
constexpr int Wait = 20000;

QByteArray b64url(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

// An HS256 access token with the contract's claims, as the cafe's backend would issue it.
QString token(const QString &user, const QString &role)
{
    const QByteArray header = b64url(R"({"alg":"HS256","typ":"JWT"})");
    const QJsonObject claims{{"sub", user},
                             {"name", user},
                             {"role", role},
                             {"cafe_id", Cafe},
                             {"exp", QDateTime::currentSecsSinceEpoch() + 3600}};
    const QByteArray body = b64url(QJsonDocument(claims).toJson(QJsonDocument::Compact));
    const QByteArray mac
        = QMessageAuthenticationCode::hash(header + '.' + body, Secret, QCryptographicHash::Sha256);
    return QString::fromLatin1(header + '.' + body + '.' + b64url(mac));
}

// The spec's order:created, as the server's till would store it: this cafe, created now.
QJsonObject order(const QString &id, const QString &number, const QString &customer)
{
    QFile f(QStringLiteral(TT_EVENT_FIXTURES "/order_created.json"));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture order_created.json");
    QJsonObject o
        = QJsonDocument::fromJson(f.readAll()).object()["data"].toObject()["order"].toObject();
    o["id"] = id;
    o["order_number"] = number;
    o["cafe_id"] = Cafe;
    o["customer_name"] = customer;
    o["created_at"] = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    return o;
}

// How many times the server received a command (its "command" lines).
int commands(const NodePeer &server, const QString &event)
{
    int n = 0;
    for (const QJsonObject &m : server.of("command"))
        n += m["event"].toString() == event ? 1 : 0;
    return n;
}

int snapshotRequests(const NodePeer &server)
{
    int n = 0;
    for (const QJsonObject &m : server.of("command"))
        n += m["event"].toString().startsWith("list_") || m["event"].toString() == "get_settings";
    return n;
}

// A console window on its own session, as `tabletap --hub URL --token TOKEN` runs it.
struct Console
{
    HubSession session;
    ConsoleSettings settings;
    MainWindow window{&session, &settings};

    Console()
    {
        SioClientOptions options;
        options.reconnectionDelay = 100;
        options.reconnectionDelayMax = 300;
        session.connection()->setClientOptions(options);
        // Short, so the test sees every timeout and retry a real console would, many times over.
        // (The snapshot probe keeps its 5 s: this server refuses snapshots with error events at
        // once, and on a loaded machine a shorter probe could time out before they arrive.)
        session.setCommandTimeout(3000);
        window.show();
    }
    bool connect(const NodePeer &server, const QString &role = "employee")
    {
        session.connectWithToken(server.url(), token("u-" + role, role));
        return QTest::qWaitFor(
            [this] {
                return session.liveness() == ConsoleSession::Liveness::Live
                       && session.liveEventsOnly();
            },
            Wait);
    }
    // One key press on the queue: the selected order moves on.
    void pressSpace(const QString &orderId)
    {
        OrderQueueView *queue = window.queueView();
        // The row is on screen once the queue's batch is flushed.
        if (!QTest::qWaitFor(
                [&] {
                    queue->selectOrder(orderId);
                    return queue->currentOrderId() == orderId;
                },
                Wait))
            QFAIL("the order never reached the queue view");
        queue->table()->setFocus();
        QTest::keyClick(queue->table(), Qt::Key_Space);
    }
    const OutboxEntry *last(const QString &command) const
    {
        const OutboxEntry *found = nullptr;
        for (const OutboxEntry &e : session.outbox()->rows())
            if (e.command == command)
                found = &e;
        return found;
    }
    OutboxEntry::State state(const QString &requestId) const
    {
        const OutboxEntry *e = session.outbox()->entry(requestId);
        return e ? e->state : OutboxEntry::State::Pending;
    }
    bool logged(const QString &text) const
    {
        const EventLogModel *log = session.eventLog();
        for (int r = 0; r < log->rowCount(); ++r)
            if (log->index(r, EventLogModel::SummaryColumn).data().toString().contains(text))
                return true;
        return false;
    }
};

} // namespace

class tst_ContractOnly : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void queueActionsAndReconnect();
    void refusedTransitionIsShown();
    void namedRefusalsAndHubOnlyCommands();
    void reportsNeedOurHub();
};

void tst_ContractOnly::queueActionsAndReconnect()
{
    // A server that applies any status change (validate: false): a repeated command would be
    // applied again, so one press must be one command.
    NodePeer server(
        {{"secret", QString::fromLatin1(Secret)}, {"validate", false}, {"lifetime", 170000}},
        "contract-server.js");
    const QString why = server.start();
    QVERIFY2(why.isEmpty(), qPrintable(why));
    Console console;
    QSignalSpy serverErrors(&console.session, &ConsoleSession::serverError);
    QVERIFY2(console.connect(server), qPrintable(console.session.livenessText()));
    ConsoleSession &session = console.session;
    // This server refuses the snapshot commands with error events ("unknown event list_menu"):
    // they tell the console what the server offers, and are not toasts of their own.
    QTRY_COMPARE_WITH_TIMEOUT(server.of("refused").size(), 7, Wait);
    QCOMPARE(serverErrors.size(), 0);

    // It says so: the status strip and the views only snapshots fill.
    QCOMPARE(console.window.statusStrip()->offerText(),
             QStringLiteral("Live events only — this server offers no snapshots"));
    const auto notices = console.window.findChildren<SnapshotNotice *>();
    QCOMPARE(notices.size(), 8); // six views, the cafe settings and the Staff view
    for (const SnapshotNotice *n : notices)
        QVERIFY(!n->isHidden());
    QTRY_VERIFY(console.logged("this server offers no snapshots"));
    // Each snapshot command was asked once, when the namespaces first connected.
    QCOMPARE(snapshotRequests(server), 7);

    // The queue fills from order:created: items, customizations, totals, counter.
    server.command({{"op", "order"}, {"order", order("o-1", "ORD-1", "Ann")}});
    QTRY_VERIFY_WITH_TIMEOUT(session.orders()->order("o-1") != nullptr, Wait);
    const Order *o = session.orders()->order("o-1");
    QCOMPARE(o->customerName, QStringLiteral("Ann"));
    QCOMPARE(o->counter, QStringLiteral("Counter 1"));
    QCOMPARE(o->status, OrderStatus::Pending);
    QCOMPARE(o->items.size(), 1);
    QCOMPARE(o->items[0].productName, QStringLiteral("Latte"));
    QCOMPARE(o->items[0].customizations, QStringList({"Extra shot", "Oat milk"}));
    QCOMPARE(o->total, Cents(1410));

    // One press: one update_order_status, done by its order:status_changed; nothing waits.
    console.pressSpace("o-1");
    const OutboxEntry *entry = console.last("update_order_status");
    QVERIFY(entry);
    const QString started = entry->requestId;
    QTRY_COMPARE_WITH_TIMEOUT(console.state(started), OutboxEntry::State::Done, Wait);
    QTRY_COMPARE_WITH_TIMEOUT(session.orders()->order("o-1")->status, OrderStatus::Preparing, Wait);
    QCOMPARE(session.outbox()->pendingCount(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(
        console.window.statusStrip()->outboxText() == QStringLiteral("Outbox: 0 waiting"), Wait);
    QCOMPARE(commands(server, "update_order_status"), 1);
    const QJsonObject sent = server.of("command").last()["payload"].toObject();
    QCOMPARE(sent["order_id"].toString(), QStringLiteral("o-1"));
    QCOMPARE(sent["status"].toString(), QStringLiteral("preparing"));

    // The server drops every client; the console comes back by itself.
    const int connects = server.of("connect").size();
    server.command({{"op", "disconnectAll"}});
    QTRY_VERIFY_WITH_TIMEOUT(server.of("connect").size() >= connects + 5, Wait);
    QTRY_COMPARE_WITH_TIMEOUT(session.liveness(), ConsoleSession::Liveness::Live, Wait);
    // Nothing confirmed is lost or repeated; the queue is kept; the gap is noted.
    QCOMPARE(console.state(started), OutboxEntry::State::Done);
    QVERIFY(session.orders()->order("o-1") != nullptr);
    QCOMPARE(session.orders()->order("o-1")->status, OrderStatus::Preparing);
    QVERIFY(session.lastGapAt().isValid());
    QVERIFY(session.liveEventsOnly());

    // Silence, longer than the probe, the command timeout and the stale retry together: the
    // console keeps turning its event loop, asks nothing again, and repeats nothing.
    int ticks = 0;
    QTimer tick;
    QObject::connect(&tick, &QTimer::timeout, [&ticks] { ++ticks; });
    tick.start(100);
    QTest::qWait(8000);
    QVERIFY(ticks > 0);
    QCOMPARE(snapshotRequests(server), 7);
    QCOMPARE(commands(server, "update_order_status"), 1);
    QCOMPARE(session.liveness(), ConsoleSession::Liveness::Live);

    // After the silence and the reconnect it still works: a new order, and the next step.
    server.command({{"op", "order"}, {"order", order("o-2", "ORD-2", "Ben")}});
    QTRY_VERIFY_WITH_TIMEOUT(session.orders()->order("o-2") != nullptr, Wait);
    console.pressSpace("o-1");
    const QString ready = console.last("update_order_status")->requestId;
    QVERIFY(ready != started);
    QTRY_COMPARE_WITH_TIMEOUT(console.state(ready), OutboxEntry::State::Done, Wait);
    QTRY_COMPARE_WITH_TIMEOUT(session.orders()->order("o-1")->status, OrderStatus::Ready, Wait);
    QCOMPARE(commands(server, "update_order_status"), 2);
    // A change made at the server (the till) arrives as an event and settles nothing of ours.
    server.command({{"op", "status"}, {"order_id", "o-2"}, {"status", "preparing"}});
    QTRY_COMPARE_WITH_TIMEOUT(session.orders()->order("o-2")->status, OrderStatus::Preparing, Wait);
    QTest::qWait(3500); // beyond the command timeout
    QCOMPARE(commands(server, "update_order_status"), 2);
    QCOMPARE(snapshotRequests(server), 7);
    QCOMPARE(session.outbox()->pendingCount(), 0);
    for (const OutboxEntry &e : session.outbox()->rows())
        QCOMPARE(e.state, OutboxEntry::State::Done);
}

void tst_ContractOnly::refusedTransitionIsShown()
{
    // The contract's bare errors ({type, message}): matched to the one command in flight.
    NodePeer server({{"secret", QString::fromLatin1(Secret)}, {"lifetime", 110000}},
                    "contract-server.js");
    const QString why = server.start();
    QVERIFY2(why.isEmpty(), qPrintable(why));
    Console console;
    QVERIFY2(console.connect(server), qPrintable(console.session.livenessText()));
    ConsoleSession &session = console.session;
    server.command({{"op", "order"}, {"order", order("o-1", "ORD-1", "Ann")}});
    QTRY_VERIFY_WITH_TIMEOUT(session.orders()->order("o-1") != nullptr, Wait);
    console.pressSpace("o-1");
    QTRY_COMPARE_WITH_TIMEOUT(session.orders()->order("o-1")->status, OrderStatus::Preparing, Wait);
    QTRY_COMPARE_WITH_TIMEOUT(console.state(console.last("update_order_status")->requestId),
                              OutboxEntry::State::Done, Wait);

    // Recall (Ctrl+Z) asks for preparing → pending, which this server does not allow.
    QSignalSpy finished(&session, &ConsoleSession::commandFinished);
    QAction *recallAction = console.window.queueView()->recallAction();
    QTRY_VERIFY_WITH_TIMEOUT(recallAction->isEnabled(), Wait);
    recallAction->trigger();
    const QString recall = console.last("update_order_status")->requestId;
    QTRY_COMPARE_WITH_TIMEOUT(console.state(recall), OutboxEntry::State::Refused, Wait);
    const OutboxEntry *e = session.outbox()->entry(recall);
    QCOMPARE(e->errorType, QStringLiteral("INVALID_DATA"));
    QCOMPARE(e->message, QStringLiteral("cannot go from preparing to pending"));
    QCOMPARE(finished.size(), 1);
    QVERIFY(!finished[0][1].toBool());
    QTRY_VERIFY(console.logged("INVALID_DATA: cannot go from preparing to pending"));
    QVERIFY(console.window.statusStrip()->outboxText().contains("1 refused"));
    QCOMPARE(session.orders()->order("o-1")->status, OrderStatus::Preparing);
    int refusedStatus = 0;
    for (const QJsonObject &m : server.of("refused"))
        refusedStatus += m["command"].toString() == "update_order_status" ? 1 : 0;
    QCOMPARE(refusedStatus, 1);
    // Refused is final: not sent again.
    QTest::qWait(3500);
    QCOMPARE(commands(server, "update_order_status"), 2);
    QCOMPARE(session.outbox()->pendingCount(), 0);
}

void tst_ContractOnly::namedRefusalsAndHubOnlyCommands()
{
    // A server that names the command and order in its errors (as our hub does).
    NodePeer server(
        {{"secret", QString::fromLatin1(Secret)}, {"errorDetail", true}, {"lifetime", 110000}},
        "contract-server.js");
    const QString why = server.start();
    QVERIFY2(why.isEmpty(), qPrintable(why));
    Console console;
    QVERIFY2(console.connect(server, "manager"), qPrintable(console.session.livenessText()));
    ConsoleSession &session = console.session;
    server.command({{"op", "order"}, {"order", order("o-1", "ORD-1", "Ann")}});
    QTRY_VERIFY_WITH_TIMEOUT(session.orders()->order("o-1") != nullptr, Wait);
    // Two actions in flight at once; the error names which one it answers.
    const QString cancel = session.cancelOrder("o-1", "customer left");
    const QString clockIn = session.clockIn("morning");
    QTRY_COMPARE_WITH_TIMEOUT(console.state(cancel), OutboxEntry::State::Refused, Wait);
    QTRY_COMPARE_WITH_TIMEOUT(console.state(clockIn), OutboxEntry::State::Refused, Wait);
    QCOMPARE(session.outbox()->entry(cancel)->message,
             QStringLiteral("unknown event cancel_order"));
    QCOMPARE(session.outbox()->entry(clockIn)->message, QStringLiteral("unknown event clock_in"));
    QCOMPARE(session.orders()->order("o-1")->status, OrderStatus::Pending);
    // A manager's cancel by status goes through the contract's own command.
    const QString cancelled = session.setOrderStatus("o-1", OrderStatus::Cancelled, "left");
    QTRY_COMPARE_WITH_TIMEOUT(console.state(cancelled), OutboxEntry::State::Done, Wait);
    QCOMPARE(commands(server, "cancel_order"), 1);
    QCOMPARE(commands(server, "clock_in"), 1);
    QCOMPARE(commands(server, "update_order_status"), 1);
    QCOMPARE(session.outbox()->pendingCount(), 0);
}

void tst_ContractOnly::reportsNeedOurHub()
{
    NodePeer server({{"secret", QString::fromLatin1(Secret)}, {"lifetime", 110000}},
                    "contract-server.js");
    const QString why = server.start();
    QVERIFY2(why.isEmpty(), qPrintable(why));
    Console console;
    QVERIFY2(console.connect(server, "manager"), qPrintable(console.session.livenessText()));
    // The dashboard stays today's, and says why there is no comparison.
    QVERIFY(console.window.showView("dashboard"));
    DashboardView *dash = console.window.dashboardView();
    QTRY_COMPARE_WITH_TIMEOUT(dash->comparisonState(), DashboardView::CompareState::Unavailable,
                              Wait);
    QVERIFY2(dash->comparisonNote().startsWith(
                 "Comparison with yesterday and last week unavailable: reports need a Table Tap "
                 "hub"),
             qPrintable(dash->comparisonNote()));
    QVERIFY(dash->comparison("orders", DashboardView::CompareDay::Yesterday).isEmpty());
    QVERIFY(!dash->headline("orders").isEmpty());
    // The Reports view, opened and run: the same.
    QVERIFY(console.window.showView("reports"));
    ReportsView *reports = console.window.reportsView();
    QTRY_COMPARE_WITH_TIMEOUT(reports->state(), ReportsView::State::Unavailable, Wait);
    reports->run();
    QCOMPARE(reports->state(), ReportsView::State::Unavailable);
    QVERIFY2(reports->stateText().startsWith("Reports need a Table Tap hub"),
             qPrintable(reports->stateText()));
    QVERIFY(reports->report().isEmpty());
    // Asked nothing it cannot answer.
    QCOMPARE(commands(server, "get_report"), 0);
}

TT_UI_TEST_MAIN(tst_ContractOnly)
#include "tst_contractonly.moc"
