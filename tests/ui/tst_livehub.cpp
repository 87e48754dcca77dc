// The console against a real hub (HubServer from core/hub on 127.0.0.1, port 0, a fresh data
// folder): a manager cancels an order from the queue and the hub's event closes it; an employee's
// cancel is refused by the hub and shown; the banner appears when the hub stops and clears when
// it is back; an order advanced while the hub is down is applied exactly once after reconnect.
#include "uitesthelpers.h"

#include "connectdialog.h"
#include "consolesettings.h"
#include "embeddedhub.h"
#include "hubactor.h"
#include "hubadmincommands.h"
#include "hubpanel.h"
#include "hubserver.h"
#include "hubservice.h"
#include "livenessbanner.h"
#include "mainwindow.h"
#include "orderqueueview.h"
#include "reasondialog.h"
#include "statusstrip.h"
#include "toaststack.h"

#include <QDialogButtonBox>
#include <QJsonArray>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTextStream>
#include <QToolButton>

using namespace TableTap;
using namespace TableTap::TestUi;

namespace {
constexpr int Wait = 20000;

class LiveHub
{
public:
    LiveHub()
    {
        admin({"cafe", "add", "--data", dir.path(), "--id", "c1", "--name", "Test Cafe"});
        admin({"staff", "add", "--data", dir.path(), "--cafe", "c1", "--code", "M1", "--name",
               "Mia Manager", "--role", "manager", "--pin", "4321", "--hourly-rate", "20.00"});
        admin({"staff", "add", "--data", dir.path(), "--cafe", "c1", "--code", "E1", "--name",
               "Eve Employee", "--role", "employee", "--pin", "1234", "--hourly-rate", "15.00"});
    }
    ~LiveHub()
    {
        if (server)
            server->stop();
    }
    // Starts the hub; after the first start on port 0, again on the same port.
    bool start()
    {
        server.reset();
        HubServer::Options o;
        o.bindAddress = QHostAddress::LocalHost;
        o.port = port;
        server = std::make_unique<HubServer>(dir.path(), o);
        port = server->start();
        return port != 0;
    }
    void stop() { server->stop(); }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)); }
    // The hub's own view of an order (list_orders as a manager).
    QJsonObject order(const QString &id)
    {
        const HubActor actor{"test", "Test", HubRole::Manager, "c1"};
        const CommandResult r = server->service()->execute(actor, "/orders", "list_orders", {});
        const QJsonObject data = r.ack.value("data").toObject();
        for (const char *key : {"open_orders", "recent_orders"})
            for (const QJsonValue &v : data.value(QLatin1String(key)).toArray())
                if (v.toObject().value("id").toString() == id)
                    return v.toObject();
        return {};
    }

    QTemporaryDir dir;
    std::unique_ptr<HubServer> server;
    quint16 port = 0;

private:
    static void admin(const QStringList &args)
    {
        QString out, err;
        QTextStream o(&out), e(&err);
        HubAdminCommands commands(o, e);
        const int rc = commands.run(args);
        if (rc != HubAdminCommands::Ok)
            qFatal("admin %s failed: %s", qPrintable(args.join(' ')), qPrintable(err));
    }
};

void fastReconnect(CafeSession &session)
{
    SioClientOptions options;
    options.reconnectionDelay = 100;
    options.reconnectionDelayMax = 500;
    session.setClientOptions(options);
}

QString createOrder(CafeSession &session, const QString &customer)
{
    const QString product = session.menu().value(0).id;
    const int before = session.orders()->rowCount();
    session.sendCommand(
        "/orders", "create_order",
        {{"customer_name", customer},
         {"items", QJsonArray{QJsonObject{{"product_id", product}, {"quantity", 1}}}}},
        "create order");
    if (!QTest::qWaitFor([&] { return session.orders()->rowCount() > before; }, Wait))
        return {};
    for (const Order &o : session.orders()->rows())
        if (o.customerName == customer)
            return o.id;
    return {};
}

// A console window with its session, signed in to the hub and live with the menu loaded.
struct Console
{
    CafeSession session;
    ConsoleSettings settings;
    MainWindow window{&session, &settings};

    Console()
    {
        fastReconnect(session);
        window.show();
    }
    bool signIn(const LiveHub &hub, const QString &code, const QString &pin)
    {
        if (!QTest::qWaitForWindowActive(&window))
            return false;
        session.signIn(hub.url(), "c1", code, pin);
        return QTest::qWaitFor(
            [this] {
                return session.liveness() == CafeSession::Liveness::Live
                       && !session.menu().isEmpty();
            },
            Wait);
    }
};

const OutboxEntry *lastEntry(CafeSession &session, const QString &command)
{
    const OutboxEntry *found = nullptr;
    for (const OutboxEntry &e : session.outbox()->rows())
        if (e.command == command)
            found = &e;
    return found;
}
} // namespace

class tst_LiveHub : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void managerCancelsOrder();
    void employeeCancelIsRefused();
    void bannerWhenHubStopsAndReturns();
    void offlineActionAppliedOnce();
    void hubPanelStopsAndStartsEmbeddedHub();
    void connectDialogSignsIn();
};

void tst_LiveHub::managerCancelsOrder()
{
    LiveHub hub;
    QVERIFY(hub.start());
    Console console;
    QVERIFY(console.signIn(hub, "M1", "4321"));
    CafeSession &session = console.session;
    MainWindow &window = console.window;
    QVERIFY(session.identity().isManager());
    const QString id = createOrder(session, "Grace");
    QVERIFY(!id.isEmpty());

    OrderQueueView *queue = window.queueView();
    queue->selectOrder(id);
    QCOMPARE(queue->currentOrderId(), id);
    QTest::mouseClick(queue->findChild<QToolButton *>("cancelButton"), Qt::LeftButton);
    auto *dialog = queue->findChild<ReasonDialog *>();
    QVERIFY(dialog);
    dialog->setReason("Customer left");
    clickOk(dialog);

    // The hub applies it and its event closes the order in the console.
    QTRY_COMPARE_WITH_TIMEOUT(session.orders()->order(id)->status, OrderStatus::Cancelled, Wait);
    QTRY_COMPARE_WITH_TIMEOUT(lastEntry(session, "cancel_order")->state, OutboxEntry::State::Done,
                              Wait);
    QCOMPARE(session.orders()->order(id)->cancelReason, QString("Customer left"));
    QCOMPARE(hub.order(id).value("status").toString(), QString("cancelled"));
    QVERIFY(!window.banner()->isVisible());
}

void tst_LiveHub::employeeCancelIsRefused()
{
    LiveHub hub;
    QVERIFY(hub.start());
    Console console;
    QVERIFY(console.signIn(hub, "E1", "1234"));
    CafeSession &session = console.session;
    MainWindow &window = console.window;
    const QString id = createOrder(session, "Henry");
    QVERIFY(!id.isEmpty());
    QVERIFY(window.queueView()->findChild<QToolButton *>("cancelButton")->isHidden());
    // Even if an employee's console sent it, the hub says no, and the console shows why.
    session.cancelOrder(id, "trying");
    QTRY_COMPARE_WITH_TIMEOUT(lastEntry(session, "cancel_order")->state,
                              OutboxEntry::State::Refused, Wait);
    QCOMPARE(lastEntry(session, "cancel_order")->errorType, QString("PERMISSION_DENIED"));
    QTRY_VERIFY_WITH_TIMEOUT(window.toasts()->texts().join(' ').contains("Refused"), Wait);
    QVERIFY(window.statusStrip()->outboxText().contains("1 refused"));
    QCOMPARE(hub.order(id).value("status").toString(), QString("pending"));
}

void tst_LiveHub::bannerWhenHubStopsAndReturns()
{
    LiveHub hub;
    QVERIFY(hub.start());
    Console console;
    QVERIFY(console.signIn(hub, "E1", "1234"));
    CafeSession &session = console.session;
    MainWindow &window = console.window;
    QVERIFY(!window.banner()->isVisible());

    hub.stop();
    QTRY_VERIFY_WITH_TIMEOUT(window.banner()->isVisible(), Wait);
    QVERIFY(window.banner()->title().contains("NOT UPDATING")
            || window.banner()->title().contains("Connecting"));
    QVERIFY(QApplication::activeModalWidget() == nullptr);

    QVERIFY(hub.start());
    QTRY_COMPARE_WITH_TIMEOUT(session.liveness(), CafeSession::Liveness::Live, Wait);
    QVERIFY(!window.banner()->isVisible());
    QVERIFY(window.statusStrip()->livenessLabel().contains("Live"));
}

void tst_LiveHub::offlineActionAppliedOnce()
{
    LiveHub hub;
    QVERIFY(hub.start());
    Console console;
    QVERIFY(console.signIn(hub, "E1", "1234"));
    CafeSession &session = console.session;
    MainWindow &window = console.window;
    const QString id = createOrder(session, "Ivy");
    QVERIFY(!id.isEmpty());

    hub.stop();
    QTRY_VERIFY_WITH_TIMEOUT(session.liveness() != CafeSession::Liveness::Live, Wait);

    // Offline: the barista starts the order from the keyboard; it waits in the outbox.
    OrderQueueView *queue = window.queueView();
    queue->selectOrder(id);
    queue->table()->setFocus();
    QTest::keyClick(queue->table(), Qt::Key_Space);
    const OutboxEntry *entry = lastEntry(session, "update_order_status");
    QVERIFY(entry);
    const QString requestId = entry->requestId;
    QCOMPARE(entry->state, OutboxEntry::State::Pending);
    QVERIFY(window.statusStrip()->outboxText().contains("1 waiting"));
    QVERIFY(window.banner()->detail().contains("1 action"));
    QCOMPARE(hub.order(id).value("status").toString(), QString("pending"));

    // The hub comes back: the action goes out with its request id and is applied once.
    QVERIFY(hub.start());
    QTRY_COMPARE_WITH_TIMEOUT(session.outbox()->entry(requestId)->state, OutboxEntry::State::Done,
                              Wait);
    QTRY_COMPARE_WITH_TIMEOUT(session.orders()->order(id)->status, OrderStatus::Preparing, Wait);
    const QJsonObject onHub = hub.order(id);
    QCOMPARE(onHub.value("status").toString(), QString("preparing"));
    int preparing = 0;
    for (const QJsonValue &h : onHub.value("status_history").toArray())
        preparing += h.toObject().value("status").toString() == "preparing" ? 1 : 0;
    QCOMPARE(preparing, 1);
    // The same request id once more (as after a lost ack) changes nothing on the hub.
    const HubActor actor{session.identity().userId, "Eve Employee", HubRole::Employee, "c1"};
    const CommandResult again = hub.server->service()->execute(
        actor, "/orders", "update_order_status",
        QJsonObject{{"order_id", id}, {"status", "preparing"}, {"request_id", requestId}});
    QVERIFY(again.ok());
    QVERIFY(again.replayed);
    int after = 0;
    for (const QJsonValue &h : hub.order(id).value("status_history").toArray())
        after += h.toObject().value("status").toString() == "preparing" ? 1 : 0;
    QCOMPARE(after, 1);
    QVERIFY(!window.banner()->isVisible());
    QVERIFY(window.statusStrip()->outboxText().contains("0 waiting"));
}

void tst_LiveHub::hubPanelStopsAndStartsEmbeddedHub()
{
    LiveHub data; // the cafe and staff, in a folder the console's own hub serves
    EmbeddedHub::Options options;
    options.dataDir = data.dir.path();
    options.simulate = false;
    EmbeddedHub hub(options);
    QString error;
    QVERIFY2(hub.startHub(&error), qPrintable(error));
    const QUrl url = hub.url();
    QCOMPARE(url.host(), QString("127.0.0.1"));
    const QString token = hub.managerToken(&error);
    QVERIFY2(!token.isEmpty(), qPrintable(error));

    CafeSession session;
    fastReconnect(session);
    ConsoleSettings settings;
    MainWindow window(&session, &settings);
    window.setHubControl(&hub);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    session.connectWithToken(url, token);
    QTRY_COMPARE_WITH_TIMEOUT(session.liveness(), CafeSession::Liveness::Live, Wait);
    QVERIFY(session.identity().isManager());

    HubPanel *panel = window.hubPanel();
    QVERIFY(panel);
    QTRY_VERIFY_WITH_TIMEOUT(panel->summaryText().contains("Clients: 1"), Wait);
    QVERIFY(panel->summaryText().contains(url.toDisplayString()));
    // The console's sockets sit in the cafe's rooms.
    QTRY_VERIFY_WITH_TIMEOUT(panel->roomsTable()->rowCount() > 0, Wait);
    bool cafeRoom = false;
    for (int r = 0; r < panel->roomsTable()->rowCount(); ++r)
        cafeRoom = cafeRoom || panel->roomsTable()->item(r, 1)->text() == "cafe:c1";
    QVERIFY(cafeRoom);

    // Stop from the panel: the console sees the hub go, and the banner says so.
    window.showView(window.tabs()->indexOf(panel));
    QTest::mouseClick(panel->startStopButton(), Qt::LeftButton);
    QVERIFY(!hub.status().running);
    QTRY_VERIFY_WITH_TIMEOUT(window.banner()->isVisible(), Wait);
    QVERIFY(panel->summaryText().contains("stopped"));
    // Start again: same address, and the console is live again by itself.
    QTest::mouseClick(panel->startStopButton(), Qt::LeftButton);
    QVERIFY(hub.status().running);
    QCOMPARE(hub.url(), url);
    QTRY_COMPARE_WITH_TIMEOUT(session.liveness(), CafeSession::Liveness::Live, Wait);
    QVERIFY(!window.banner()->isVisible());
}

void tst_LiveHub::connectDialogSignsIn()
{
    LiveHub hub;
    QVERIFY(hub.start());
    CafeSession session;
    ConsoleSettings settings;
    ConnectDialog dialog(&session, &settings, false);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(!dialog.findChild<QPushButton *>("embeddedButton"));
    auto *hubField = dialog.findChild<QLineEdit *>("hub");
    hubField->clear();
    QTest::keyClicks(hubField, QStringLiteral("127.0.0.1:%1").arg(hub.port));
    QTest::keyClicks(dialog.findChild<QLineEdit *>("cafe"), "c1");
    QTest::keyClicks(dialog.findChild<QLineEdit *>("code"), "M1");
    auto *pin = dialog.findChild<QLineEdit *>("pin");
    QCOMPARE(pin->echoMode(), QLineEdit::Password);

    // A wrong PIN: the hub's answer stays in the dialog, the PIN is cleared for another try.
    QTest::keyClicks(pin, "0000");
    QTest::mouseClick(dialog.findChild<QPushButton *>("connectButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.errorText().isEmpty() && dialog.errorText() != "Signing in…",
                             Wait);
    QVERIFY(dialog.isVisible());
    QVERIFY(pin->text().isEmpty());
    QVERIFY(!session.identity().isValid());

    QTest::keyClicks(pin, "4321");
    QTest::keyClick(pin, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isVisible(), Wait);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.mode(), ConnectDialog::Mode::SignIn);
    QVERIFY(session.identity().isManager());
    QTRY_COMPARE_WITH_TIMEOUT(session.liveness(), CafeSession::Liveness::Live, Wait);

    // Remembered for next time: the hub, the cafe and the code, never the PIN.
    QCOMPARE(settings.cafeId(), QString("c1"));
    QCOMPARE(settings.employeeCode(), QString("M1"));
    QVERIFY(settings.hubUrl().contains(QString::number(hub.port)));
    QSettings stored;
    for (const QString &key : stored.allKeys())
        QVERIFY2(!stored.value(key).toString().contains("4321"), qPrintable(key));
}

TT_UI_TEST_MAIN(tst_LiveHub)
#include "tst_livehub.moc"
