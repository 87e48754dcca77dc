// The console against a real hub (HubServer from core/hubserver on 127.0.0.1, port 0, a fresh data
// folder): a manager cancels an order from the queue and the hub's event closes it; an employee's
// cancel is refused by the hub and shown; the banner appears when the hub stops and clears when
// it is back; an order advanced while the hub is down is applied exactly once after reconnect.
// The console's own hub holds its data folder's lock and serves demo data only; an https hub
// with a private CA is reached once the connect dialog is given the CA's file.
#include "livehubfixture.h"
#include "testcerts.h"

#include "connectdialog.h"
#include "datafolderlock.h"
#include "embeddedhub.h"
#include "hubpanel.h"
#include "livenessbanner.h"
#include "orderqueueview.h"
#include "reasondialog.h"
#include "sqlitebackup.h"
#include "statusstrip.h"
#include "toaststack.h"

#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QToolButton>

using namespace TableTap;
using namespace TableTap::TestUi;

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
    void embeddedHubLocksItsDataFolder();
    void embeddedHubServesDemoDataOnly();
    void connectDialogTrustsPrivateCa();
};

void tst_LiveHub::managerCancelsOrder()
{
    LiveHub hub;
    QVERIFY(hub.start());
    Console console;
    QVERIFY(console.signIn(hub, "M1", "4321"));
    ConsoleSession &session = console.session;
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
    ConsoleSession &session = console.session;
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
    ConsoleSession &session = console.session;
    MainWindow &window = console.window;
    QVERIFY(!window.banner()->isVisible());

    hub.stop();
    QTRY_VERIFY_WITH_TIMEOUT(window.banner()->isVisible(), Wait);
    QVERIFY(window.banner()->title().contains("NOT UPDATING")
            || window.banner()->title().contains("Connecting"));
    QVERIFY(QApplication::activeModalWidget() == nullptr);

    QVERIFY(hub.start());
    QTRY_COMPARE_WITH_TIMEOUT(session.liveness(), ConsoleSession::Liveness::Live, Wait);
    QVERIFY(!window.banner()->isVisible());
    QVERIFY(window.statusStrip()->livenessLabel().contains("Live"));
}

void tst_LiveHub::offlineActionAppliedOnce()
{
    LiveHub hub;
    QVERIFY(hub.start());
    Console console;
    QVERIFY(console.signIn(hub, "E1", "1234"));
    ConsoleSession &session = console.session;
    MainWindow &window = console.window;
    const QString id = createOrder(session, "Ivy");
    QVERIFY(!id.isEmpty());

    hub.stop();
    QTRY_VERIFY_WITH_TIMEOUT(session.liveness() != ConsoleSession::Liveness::Live, Wait);

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
    markAsDemo(data.dir.path(), EmbeddedHub::demoMarkerName());
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

    HubSession session;
    fastReconnect(session);
    ConsoleSettings settings;
    MainWindow window(&session, &settings);
    window.setHubControl(&hub);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    session.connectWithToken(url, token);
    QTRY_COMPARE_WITH_TIMEOUT(session.liveness(), ConsoleSession::Liveness::Live, Wait);
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
    QTRY_COMPARE_WITH_TIMEOUT(session.liveness(), ConsoleSession::Liveness::Live, Wait);
    QVERIFY(!window.banner()->isVisible());
}

void tst_LiveHub::connectDialogSignsIn()
{
    LiveHub hub;
    QVERIFY(hub.start());
    HubSession session;
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
    QTRY_COMPARE_WITH_TIMEOUT(session.liveness(), ConsoleSession::Liveness::Live, Wait);

    // Remembered for next time: the hub, the cafe and the code, never the PIN.
    QCOMPARE(settings.cafeId(), QString("c1"));
    QCOMPARE(settings.employeeCode(), QString("M1"));
    QVERIFY(settings.hubUrl().contains(QString::number(hub.port)));
    QSettings stored;
    for (const QString &key : stored.allKeys())
        QVERIFY2(!stored.value(key).toString().contains("4321"), qPrintable(key));
}

void tst_LiveHub::embeddedHubLocksItsDataFolder()
{
    // A demo hub on a fresh folder, the simulator making its cafe.
    QTemporaryDir dir;
    EmbeddedHub::Options options;
    options.dataDir = dir.filePath("demo");
    EmbeddedHub hub(options);
    QString error;
    QVERIFY2(hub.startHub(&error), qPrintable(error));
    QVERIFY(EmbeddedHub::isDemoFolder(options.dataDir));

    // The same lock `tabletap-hub serve` takes: held, and naming this process.
    DataFolderLock other(options.dataDir);
    QVERIFY(!other.tryLock());
    QCOMPARE(other.holderPid(), QCoreApplication::applicationPid());

    // A restore under it is refused (it would pull acknowledged orders from under the hub) ...
    const SqliteBackup::Restored restored = SqliteBackup::restore(dir.path(), options.dataDir, {});
    QCOMPARE(restored.result.status, AdminResult::Status::Conflict);
    QVERIFY2(restored.result.message.contains(QString::number(QCoreApplication::applicationPid())),
             qPrintable(restored.result.message));

    // ... and so is a second console's hub, saying why.
    EmbeddedHub second(options);
    QVERIFY(!second.startHub(&error));
    QVERIFY2(error.contains("in use") && error.contains(options.dataDir), qPrintable(error));
    QVERIFY(!second.status().running);
    QCOMPARE(second.status().error, error);

    // Stopping from the panel keeps the folder; the lock goes with the hub.
    hub.stop();
    QVERIFY(!other.tryLock());
    QVERIFY(hub.startHub(&error));
    hub.stop();
}

void tst_LiveHub::embeddedHubServesDemoDataOnly()
{
    // A folder with a real cafe's data: refused before anything is written into it.
    LiveHub real;
    const QStringList before = QDir(real.dir.path()).entryList(QDir::AllEntries | QDir::Hidden);
    EmbeddedHub::Options options;
    options.dataDir = real.dir.path();
    options.simulate = false;
    {
        EmbeddedHub hub(options);
        QString error;
        QVERIFY(!hub.startHub(&error));
        QVERIFY2(error.contains("not a demo"), qPrintable(error));
        QVERIFY(!hub.status().running);
    }
    QCOMPARE(QDir(real.dir.path()).entryList(QDir::AllEntries | QDir::Hidden), before);
    QVERIFY(!EmbeddedHub::isDemoFolder(real.dir.path()));
    // Nothing took the folder either: the real hub still can.
    DataFolderLock lock(real.dir.path());
    QVERIFY(lock.tryLock());
    lock.unlock();

    // An empty folder becomes a demo's; the next demo may use it again.
    QTemporaryDir empty;
    options.dataDir = empty.path();
    options.simulate = true;
    {
        EmbeddedHub hub(options);
        QString error;
        QVERIFY2(hub.startHub(&error), qPrintable(error));
        QVERIFY(EmbeddedHub::isDemoFolder(empty.path()));
    }
    EmbeddedHub again(options);
    QString error;
    QVERIFY2(again.startHub(&error), qPrintable(error));
    QVERIFY(!again.managerToken(&error).isEmpty());
}

void tst_LiveHub::connectDialogTrustsPrivateCa()
{
    TestCerts certs;
    if (!certs.generate())
        QSKIP(qPrintable("no test certificates: " + certs.error));
    LiveHub hub;
    HubServer::Options tls;
    tls.tlsCertificateFile = certs.serverPem();
    tls.tlsKeyFile = certs.serverKey();
    QVERIFY(hub.start(tls));
    QCOMPARE(hub.server->url().scheme(), QString("https"));

    HubSession session;
    fastReconnect(session);
    ConsoleSettings settings;
    ConnectDialog dialog(&session, &settings, false);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    dialog.findChild<QLineEdit *>("hub")->setText(
        QStringLiteral("https://127.0.0.1:%1").arg(hub.port));
    dialog.findChild<QLineEdit *>("cafe")->setText("c1");
    dialog.findChild<QLineEdit *>("code")->setText("M1");
    auto *pin = dialog.findChild<QLineEdit *>("pin");
    auto *ca = dialog.findChild<QLineEdit *>("caFile");
    QVERIFY(ca);
    QVERIFY(ca->text().isEmpty());

    // Without the CA the hub's certificate is not trusted: the dialog says so.
    pin->setText("4321");
    QTest::mouseClick(dialog.findChild<QPushButton *>("connectButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.errorText().isEmpty() && dialog.errorText() != "Signing in…",
                             Wait);
    QVERIFY2(dialog.errorText().contains("SSL", Qt::CaseInsensitive)
                 || dialog.errorText().contains("certificate", Qt::CaseInsensitive),
             qPrintable(dialog.errorText()));
    QVERIFY(!session.identity().isValid());

    // A file that is no certificate is refused before anything is sent.
    ca->setText(certs.serverKey());
    pin->setText("4321");
    QTest::mouseClick(dialog.findChild<QPushButton *>("connectButton"), Qt::LeftButton);
    QVERIFY(dialog.errorText().contains("No PEM certificate"));

    // With the CA: signed in over HTTPS and live over TLS.
    ca->setText(certs.caPem());
    pin->setText("4321");
    QTest::mouseClick(dialog.findChild<QPushButton *>("connectButton"), Qt::LeftButton);
    QTRY_VERIFY2_WITH_TIMEOUT(!dialog.isVisible(), qPrintable(dialog.errorText()), Wait);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QTRY_COMPARE_WITH_TIMEOUT(session.liveness(), ConsoleSession::Liveness::Live, Wait);
    QCOMPARE(session.hubUrl().scheme(), QString("https"));
    QCOMPARE(session.caFile(), certs.caPem());
    QCOMPARE(session.connection()->clientOptions().caFile, certs.caPem());
    // Remembered, and offered by the next dialog.
    QCOMPARE(settings.caFile(), certs.caPem());
    ConnectDialog next(&session, &settings, false);
    QCOMPARE(next.findChild<QLineEdit *>("caFile")->text(), certs.caPem());
}

TT_UI_TEST_MAIN(tst_LiveHub)
#include "tst_livehub.moc"
