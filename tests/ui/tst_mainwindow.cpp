// The main window's trust signals, against a real Socket.IO server on 127.0.0.1 (port 0): the
// banner is there whenever the data is not live and goes away by itself once it is; the status
// strip shows liveness, transport and per-namespace ages; the outbox badge counts waiting and
// refused actions; notifications are toasts (capped, non-modal) and sounds, and a critical
// stock alert keeps sounding until someone acknowledges it.
#include "uitesthelpers.h"

#include "consolesettings.h"
#include "engineserver.h"
#include "inventoryview.h"
#include "livenessbanner.h"
#include "mainwindow.h"
#include "notifier.h"
#include "sionamespace.h"
#include "sioserver.h"
#include "sioserversocket.h"
#include "soundplayer.h"
#include "statusstrip.h"
#include "toaststack.h"
#include "webserver.h"

#include <QDockWidget>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QToolButton>

using namespace TableTap;
using namespace TableTap::TestUi;

namespace {
// A stand-in hub: the five namespaces, every request answered with an empty snapshot.
class MiniHub
{
public:
    MiniHub()
        : io(&engine)
    {
        web.mount(&engine);
        for (const QString &nsp : CafeSession::namespaces()) {
            QObject::connect(
                io.of(nsp), &SioNamespace::connection, &context, [](SioServerSocket *socket) {
                    socket->onAny([](const QString &, const QJsonArray &, const QList<QByteArray> &,
                                     const SioServerSocket::Ack &ack) {
                        if (ack)
                            ack({QJsonObject{{"ok", true}, {"data", QJsonArray()}}}, {});
                    });
                });
        }
    }
    bool listen(quint16 port = 0) { return web.listen(QHostAddress::LocalHost, port); }
    // Like a hub that dies: connections drop, nothing listens any more.
    void kill()
    {
        engine.closeAll();
        web.close();
    }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(web.serverPort())); }

    QObject context;
    WebServer web;
    EngineServer engine;
    SioServer io;
};
} // namespace

class tst_MainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void bannerFollowsLiveness();
    void statusStripShowsFreshness();
    void outboxBadgeCountsWaitingAndRefused();
    void toastsAreCappedAndDismissed();
    void refusedActionsToast();
    void criticalAlertRingsUntilAcknowledged();
    void lowStockIsForManagers();
};

void tst_MainWindow::bannerFollowsLiveness()
{
    MiniHub hub;
    QVERIFY(hub.listen());
    const quint16 port = hub.web.serverPort();
    CafeSession session;
    ConsoleSettings settings;
    MainWindow window(&session, &settings);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    LivenessBanner *banner = window.banner();

    // Not connected to anything: the banner says so.
    QCOMPARE(session.liveness(), CafeSession::Liveness::Offline);
    QVERIFY(banner->isVisible());
    QVERIFY(banner->title().contains("Offline"));

    SioClientOptions options;
    options.reconnectionDelay = 100;
    options.reconnectionDelayMax = 300;
    session.setClientOptions(options);
    session.connectWithToken(hub.url(), token("manager"));
    QTRY_COMPARE_WITH_TIMEOUT(session.liveness(), CafeSession::Liveness::Live, 15000);
    QVERIFY(!banner->isVisible());
    QVERIFY(window.statusStrip()->livenessLabel().contains("Live"));

    // The hub goes away: the banner comes back and says the screen is not updating.
    hub.kill();
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 15000);
    QVERIFY2(banner->title().contains("NOT UPDATING") || banner->title().contains("Connecting"),
             qPrintable(banner->title()));
    QVERIFY(!window.statusStrip()->livenessLabel().contains("Live"));
    // ... without any dialog or popup.
    QVERIFY(QApplication::activeModalWidget() == nullptr);
    const auto windows = QApplication::topLevelWidgets();
    QCOMPARE(std::count_if(windows.begin(), windows.end(),
                           [](QWidget *w) { return w->isVisible() && w->isWindow(); }),
             1);

    // Back on the same port: the banner clears itself.
    QVERIFY(hub.listen(port));
    QTRY_COMPARE_WITH_TIMEOUT(session.liveness(), CafeSession::Liveness::Live, 15000);
    QVERIFY(!banner->isVisible());
}

void tst_MainWindow::statusStripShowsFreshness()
{
    QCOMPARE(StatusStrip::ageText(-1), QString("—"));
    QCOMPARE(StatusStrip::ageText(3), QString("3 s"));
    QCOMPARE(StatusStrip::ageText(61), QString("1 min"));
    QCOMPARE(StatusStrip::ageText(7300), QString("2 h"));
    CafeSession session;
    ConsoleSettings settings;
    MainWindow window(&session, &settings);
    QCOMPARE(window.statusStrip()->chipText("/orders"), QString("orders —"));
    signInOffline(session, "employee");
    QVERIFY(window.findChild<QLabel *>("identityLabel")->text().contains("Test User"));
    QVERIFY(window.findChild<QLabel *>("identityLabel")->text().contains("employee"));
}

void tst_MainWindow::outboxBadgeCountsWaitingAndRefused()
{
    CafeSession session;
    ConsoleSettings settings;
    MainWindow window(&session, &settings);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    signInOffline(session, "employee");
    addOrders(session, {order("a"), order("b")});
    session.advanceOrder("a");
    session.advanceOrder("b");
    QVERIFY(window.statusStrip()->outboxText().contains("2 waiting"));
    // A refusal shows on the badge until the outbox was looked at.
    const QString id = session.outbox()->rows().first().requestId;
    session.outbox()->setState(id, OutboxEntry::State::Refused, "Order already completed",
                               "CONFLICT");
    QVERIFY(window.statusStrip()->outboxText().contains("1 waiting"));
    QVERIFY(window.statusStrip()->outboxText().contains("1 refused"));
    QVERIFY(!window.outboxDock()->isVisible());
    QTest::mouseClick(window.findChild<QToolButton *>("outboxBadge"), Qt::LeftButton);
    QVERIFY(window.outboxDock()->isVisible());
    QVERIFY(!window.statusStrip()->outboxText().contains("refused"));
    auto *table = window.outboxDock()->findChild<QTableView *>();
    QCOMPARE(table->model()->rowCount(), 2);
    QTest::keyClick(&window, Qt::Key_O, Qt::ControlModifier);
    QVERIFY(!window.outboxDock()->isVisible());
}

void tst_MainWindow::toastsAreCappedAndDismissed()
{
    CafeSession session;
    ConsoleSettings settings;
    settings.setMaxToasts(3);
    MainWindow window(&session, &settings);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy sounds(window.sounds(), &SoundPlayer::requested);
    window.sounds()->setMuted(true);
    for (int i = 1; i <= 5; ++i)
        Q_EMIT session.orderReady(QStringLiteral("ORD%1").arg(i), "Sarah", "Counter 1");
    QCOMPARE(sounds.size(), 5);
    QCOMPARE(sounds.first().first().value<SoundPlayer::Sound>(), SoundPlayer::Sound::OrderReady);
    QCOMPARE(window.toasts()->count(), 3);
    QVERIFY(window.toasts()->texts().first().contains("ORD5")); // newest first
    QVERIFY(!window.toasts()->texts().join(" ").contains("ORD1"));
    QVERIFY(QApplication::activeModalWidget() == nullptr);
    // The same news twice (an order recalled and made ready again) is one toast, on top.
    Q_EMIT session.orderReady("ORD4", "Sarah", "Counter 1");
    QCOMPARE(window.toasts()->count(), 3);
    QVERIFY(window.toasts()->texts().first().contains("ORD4"));
    QVERIFY(window.toasts()->texts().at(1).contains("ORD5"));
    // A click dismisses one; the rest go by themselves.
    QFrame *toast = nullptr;
    for (QFrame *f : window.toasts()->findChildren<QFrame *>("toast"))
        if (f->isVisible())
            toast = f;
    QVERIFY(toast);
    QTest::mouseClick(toast, Qt::LeftButton);
    QCOMPARE(window.toasts()->count(), 2);
    window.toasts()->setTimeout(100);
    Q_EMIT session.orderReady("ORD9", "Ann", "Counter 1");
    QTRY_VERIFY_WITH_TIMEOUT(!window.toasts()->texts().join(" ").contains("ORD9"), 5000);

    // A station that follows another counter is not told about this one's orders.
    session.followCounter("Counter 2");
    const int before = window.toasts()->count();
    Q_EMIT session.orderReady("ORD10", "Ann", "Counter 1");
    QCOMPARE(window.toasts()->count(), before);
}

void tst_MainWindow::refusedActionsToast()
{
    CafeSession session;
    ConsoleSettings settings;
    MainWindow window(&session, &settings);
    window.show();
    signInOffline(session, "employee");
    addOrders(session, {order("a")});
    const QString id = session.cancelOrder("a", "test");
    Q_EMIT session.commandFinished(id, false, "PERMISSION_DENIED", "Only managers can cancel");
    QCOMPARE(window.toasts()->count(), 1);
    QVERIFY(window.toasts()->texts().first().contains("Only managers can cancel"));
    QVERIFY(window.toasts()->texts().first().contains("cancel ORD-a"));
    Q_EMIT session.commandFinished(id, true, {}, {});
    QCOMPARE(window.toasts()->count(), 1);
}

void tst_MainWindow::criticalAlertRingsUntilAcknowledged()
{
    CafeSession session;
    ConsoleSettings settings;
    settings.setAlertRepeatSeconds(2);
    MainWindow window(&session, &settings);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    signInOffline(session, "employee");
    window.sounds()->setMuted(true);
    QSignalSpy sounds(window.sounds(), &SoundPlayer::requested);

    OutOfStock out;
    out.productId = "ing-oat";
    out.productName = "Oat Milk";
    out.affects = {{"p-oat", "Oat Milk Latte", true}};
    session.alerts()->apply(cafeEvent("inventory:out_of_stock", "/inventory", out));
    session.alerts()->flush();
    Q_EMIT session.stockAlertRaised(*session.alerts()->find("ing-oat"));
    QVERIFY(window.notifier()->isRinging());
    QVERIFY(window.toasts()->texts().first().contains("Oat Milk is out of stock"));
    // It sounds again and again while nobody acknowledges it.
    QTRY_VERIFY_WITH_TIMEOUT(sounds.size() >= 3, 10000);
    for (const auto &args : sounds)
        QCOMPARE(args.first().value<SoundPlayer::Sound>(), SoundPlayer::Sound::StockCritical);

    // Acknowledge from the inventory view, by keyboard.
    window.showView(2);
    QTableView *alerts = window.inventoryView()->alertsTable();
    alerts->setFocus();
    alerts->setCurrentIndex(alerts->model()->index(0, 0));
    QTest::keyClick(alerts, Qt::Key_K, Qt::ControlModifier);
    QVERIFY(!session.alerts()->isRinging());
    QVERIFY(!window.notifier()->isRinging());
    const int after = int(sounds.size());
    QTest::qWait(2500);
    QCOMPARE(int(sounds.size()), after);
}

void tst_MainWindow::lowStockIsForManagers()
{
    CafeSession session;
    ConsoleSettings settings;
    MainWindow window(&session, &settings);
    window.sounds()->setMuted(true);
    QSignalSpy sounds(window.sounds(), &SoundPlayer::requested);
    StockAlert low;
    low.productId = "ing-beans";
    low.productName = "Espresso Beans";
    low.priority = "medium";
    low.currentStock = 3;
    low.reorderLevel = 5;
    signInOffline(session, "employee");
    Q_EMIT session.stockAlertRaised(low);
    QCOMPARE(window.toasts()->count(), 0);
    QCOMPARE(sounds.size(), 0);
    signInOffline(session, "manager");
    Q_EMIT session.stockAlertRaised(low);
    QCOMPARE(window.toasts()->count(), 1);
    QVERIFY(window.toasts()->texts().first().contains("Espresso Beans is running low"));
    QCOMPARE(sounds.size(), 1);
    QCOMPARE(sounds.first().first().value<SoundPlayer::Sound>(), SoundPlayer::Sound::StockLow);
}

TT_UI_TEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
