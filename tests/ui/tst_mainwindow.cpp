// The main window's trust signals, against a real Socket.IO server on 127.0.0.1 (port 0): the
// banner is there whenever the data is not live and goes away by itself once it is; the status
// strip shows liveness, transport and per-namespace ages; the outbox badge counts waiting and
// refused actions; notifications are toasts (in a row of their own, repeats folded per kind,
// capped, each kind can be turned off, non-modal) and sounds, and a critical stock alert keeps
// sounding until someone acknowledges it.
#include "uitesthelpers.h"

#include "chainview.h"
#include "consolesettings.h"
#include "dashboardview.h"
#include "engineserver.h"
#include "eventlogview.h"
#include "hubconnection.h"
#include "hubsession.h"
#include "inventoryview.h"
#include "languagemanager.h"
#include "livenessbanner.h"
#include "mainwindow.h"
#include "menuview.h"
#include "notifier.h"
#include "orderentryview.h"
#include "outboxpanel.h"
#include "settingsdialog.h"
#include "sionamespace.h"
#include "sioserver.h"
#include "sioserversocket.h"
#include "soundplayer.h"
#include "staffview.h"
#include "statusstrip.h"
#include "toaststack.h"
#include "webserver.h"

#include <QCheckBox>
#include <QDockWidget>
#include <QJsonArray>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
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
        for (const QString &nsp : ConsoleSession::namespaces()) {
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
    void closingWithWaitingActionsAsks();
    void outboxPanelRetriesAndDiscards();
    void toastsAreCappedAndDismissed();
    void toastKindsCanBeTurnedOff();
    void refusedActionsToast();
    void criticalAlertRingsUntilAcknowledged();
    void lowStockIsForManagers();
    void viewsByNameInOrderAndRole();
};

void tst_MainWindow::bannerFollowsLiveness()
{
    MiniHub hub;
    QVERIFY(hub.listen());
    const quint16 port = hub.web.serverPort();
    HubSession session;
    ConsoleSettings settings;
    MainWindow window(&session, &settings);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    LivenessBanner *banner = window.banner();

    // Not connected to anything: the banner says so.
    QCOMPARE(session.liveness(), ConsoleSession::Liveness::Offline);
    QVERIFY(banner->isVisible());
    QVERIFY(banner->title().contains("Offline"));

    SioClientOptions options;
    options.reconnectionDelay = 100;
    options.reconnectionDelayMax = 300;
    session.connection()->setClientOptions(options);
    session.connectWithToken(hub.url(), token("manager"));
    QTRY_COMPARE_WITH_TIMEOUT(session.liveness(), ConsoleSession::Liveness::Live, 15000);
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
    QTRY_COMPARE_WITH_TIMEOUT(session.liveness(), ConsoleSession::Liveness::Live, 15000);
    QVERIFY(!banner->isVisible());
}

void tst_MainWindow::statusStripShowsFreshness()
{
    QCOMPARE(StatusStrip::ageText(-1), QString("—"));
    QCOMPARE(StatusStrip::ageText(3), QString("3 s"));
    QCOMPARE(StatusStrip::ageText(61), QString("1 min"));
    QCOMPARE(StatusStrip::ageText(7300), QString("2 h"));
    ConsoleSession session;
    ConsoleSettings settings;
    MainWindow window(&session, &settings);
    QCOMPARE(window.statusStrip()->chipText("/orders"), QString("orders —"));
    signInOffline(session, "employee");
    QVERIFY(window.findChild<QLabel *>("identityLabel")->text().contains("Test User"));
    QVERIFY(window.findChild<QLabel *>("identityLabel")->text().contains("employee"));
}

void tst_MainWindow::outboxBadgeCountsWaitingAndRefused()
{
    ConsoleSession session;
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

namespace {
// Closes the window and answers the dialog that asks about waiting actions with the button of
// that object name; returns the dialog's text and informative text ("" if none came).
QString closeAnswering(MainWindow &window, const QString &button)
{
    QString seen;
    QTimer poll;
    int rounds = 0;
    QObject::connect(&poll, &QTimer::timeout, [&] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box) {
            if (++rounds > 200)
                poll.stop();
            return;
        }
        poll.stop();
        seen = box->objectName() + u'|' + box->text() + u'|' + box->informativeText();
        if (auto *b = box->findChild<QPushButton *>(button))
            b->click();
        else
            box->reject();
    });
    poll.start(20);
    window.close();
    poll.stop();
    return seen;
}
} // namespace

void tst_MainWindow::closingWithWaitingActionsAsks()
{
    LanguageManager english; // the plural forms
    QVERIFY(english.install("en"));
    QTemporaryDir data;
    QVERIFY(data.isValid());
    ConsoleSettings settings;
    {
        ConsoleSession session;
        session.setOutboxDirectory(data.path());
        MainWindow window(&session, &settings);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        signInOffline(session, "employee");
        QVERIFY(session.outboxPersistent());
        addOrders(session, {order("a"), order("b")});
        session.advanceOrder("a");
        session.advanceOrder("b");
        QCOMPARE(session.waitingActions(), 2);
        // Cancel: the window stays, the actions wait.
        QString asked = closeAnswering(window, "cancelClose");
        QVERIFY2(asked.startsWith("closeWithWaitingActions|2 actions taken at this console wait"),
                 qPrintable(asked));
        QVERIFY(asked.contains("kept on this computer"));
        QVERIFY(window.isVisible());
        QCOMPARE(session.waitingActions(), 2);
        // Keep them: closed, and they are on disk.
        asked = closeAnswering(window, "keepActions");
        QVERIFY(!asked.isEmpty());
        QVERIFY(!window.isVisible());
    }
    // The next start, the same person: both back, with their request ids.
    QStringList kept;
    {
        ConsoleSession session;
        session.setOutboxDirectory(data.path());
        signInOffline(session, "employee");
        QCOMPARE(session.waitingActions(), 2);
        for (const OutboxEntry &e : session.outbox()->rows())
            kept << e.payload.value("request_id").toString();
        QCOMPARE(kept.size(), 2);
        QVERIFY(!kept.contains(QString()));
        // Discard them on the way out: gone for good.
        MainWindow window(&session, &settings);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(!closeAnswering(window, "discardActions").isEmpty());
        QVERIFY(!window.isVisible());
        QCOMPARE(session.waitingActions(), 0);
    }
    {
        ConsoleSession session;
        session.setOutboxDirectory(data.path());
        signInOffline(session, "employee");
        QCOMPARE(session.waitingActions(), 0);
    }
    // A console that cannot keep them says closing loses them; nothing waiting: no question.
    {
        ConsoleSession session;
        MainWindow window(&session, &settings);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        signInOffline(session, "employee");
        addOrders(session, {order("c")});
        session.advanceOrder("c");
        const QString asked = closeAnswering(window, "cancelClose");
        QVERIFY2(asked.contains("closing now loses them"), qPrintable(asked));
        QVERIFY(window.isVisible());
        QVERIFY(!closeAnswering(window, "discardActions").isEmpty());
        QVERIFY(!window.isVisible());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(closeAnswering(window, "cancelClose"), QString());
        QVERIFY(!window.isVisible());
    }
}

void tst_MainWindow::outboxPanelRetriesAndDiscards()
{
    ConsoleSession session;
    ConsoleSettings settings;
    MainWindow window(&session, &settings);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    signInOffline(session, "employee");
    addOrders(session, {order("a")});
    const QString id = session.advanceOrder("a");
    window.outboxDock()->show();
    auto *panel = window.outboxDock()->findChild<OutboxPanel *>();
    QVERIFY(panel);
    QTableView *table = panel->view();
    QPushButton *retry = panel->retryButton();
    QPushButton *discard = panel->discardButton();
    // Nothing selected: nothing to do.
    QVERIFY(!retry->isEnabled());
    QVERIFY(!discard->isEnabled());
    table->setCurrentIndex(table->model()->index(0, 0));
    // Pending: may be discarded, not retried (it goes out by itself).
    QVERIFY(!retry->isEnabled());
    QVERIFY(discard->isEnabled());
    session.outbox()->setState(id, OutboxEntry::State::Unknown, "no answer after 8 attempts");
    QVERIFY(retry->isEnabled());
    QTest::mouseClick(retry, Qt::LeftButton);
    QCOMPARE(session.outbox()->entry(id)->state, OutboxEntry::State::Pending);
    QCOMPARE(session.outbox()->entry(id)->payload.value("request_id").toString(), id);
    QVERIFY(!retry->isEnabled());
    QTest::mouseClick(discard, Qt::LeftButton);
    QVERIFY(!session.outbox()->entry(id));
    QCOMPARE(session.waitingActions(), 0);
    QCOMPARE(table->model()->rowCount(), 0);
    QVERIFY(!discard->isEnabled());
}

void tst_MainWindow::toastsAreCappedAndDismissed()
{
    LanguageManager english; // the plural forms, as the console installs them
    QVERIFY(english.install("en"));
    ConsoleSession session;
    ConsoleSettings settings;
    settings.setMaxToasts(3);
    MainWindow window(&session, &settings);
    window.resize(1400, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    signInOffline(session, "manager");
    QSignalSpy sounds(window.sounds(), &SoundPlayer::requested);
    window.sounds()->setMuted(true);
    ToastStack *toasts = window.toasts();
    // The toasts' row is part of the layout below the views, empty or not.
    const QRect tabs(window.tabs()->mapTo(&window, QPoint()), window.tabs()->size());
    const QRect row(toasts->mapTo(&window, QPoint()), toasts->size());
    QVERIFY(toasts->isVisible());
    QVERIFY(!row.intersects(tabs));
    QVERIFY(row.top() > tabs.bottom());

    // Five orders ready in a row: every one chimes, and one toast counts them.
    for (int i = 1; i <= 5; ++i)
        Q_EMIT session.orderReady(QStringLiteral("ORD%1").arg(i), "Sarah", "Counter 1");
    QCOMPARE(sounds.size(), 5);
    QCOMPARE(sounds.first().first().value<SoundPlayer::Sound>(), SoundPlayer::Sound::OrderReady);
    QCOMPARE(toasts->count(), 1);
    QCOMPARE(toasts->texts().first(), QString("5 orders ready: ORD1, ORD2, ORD3, ORD4, ORD5"));
    QVERIFY(QApplication::activeModalWidget() == nullptr);
    // The same news twice (an order recalled and made ready again) is counted once, last.
    Q_EMIT session.orderReady("ORD4", "Sarah", "Counter 1");
    QCOMPARE(toasts->count(), 1);
    QCOMPARE(toasts->texts().first(), QString("5 orders ready: ORD1, ORD2, ORD3, ORD5, ORD4"));

    // Other kinds fold their own repeats; newest first; the cap holds, the oldest gives way.
    Q_EMIT session.paymentFailed("ORD6", "Card declined", true);
    QCOMPARE(toasts->texts().first(),
             QString("Payment failed for ORD6: Card declined — it can be retried from Payments."));
    Q_EMIT session.paymentFailed("ORD7", "Card declined", false);
    QCOMPARE(toasts->count(), 2);
    QCOMPARE(toasts->texts().first(),
             QString("2 payments failed: Orders ORD6, ORD7 — see Payments."));
    addOrders(session, {order("a"), order("b")});
    const QString cancelA = session.cancelOrder("a", "test");
    const QString cancelB = session.cancelOrder("b", "test");
    Q_EMIT session.commandFinished(cancelA, false, "CONFLICT", "Order already completed");
    Q_EMIT session.commandFinished(cancelB, false, "CONFLICT", "Order already completed");
    QCOMPARE(toasts->count(), 3);
    QVERIFY(toasts->texts().first().startsWith("2 actions refused: cancel ORD-a"));
    QVERIFY(toasts->texts().last().contains("orders ready"));
    Q_EMIT session.stockAlertRaised(outOfStock("ing-beans", "Espresso Beans"));
    QCOMPARE(toasts->count(), 3);
    QVERIFY(toasts->texts().first().startsWith("Espresso Beans is out of stock"));
    QVERIFY(!toasts->texts().join(" ").contains("orders ready")); // the oldest gave way
    // Side by side in the row, each whole within it, its title and text side by side too.
    QTest::qWait(50);
    for (QWidget *toast : toasts->toastWidgets()) {
        const QRect t(toast->mapTo(&window, QPoint()), toast->size());
        QVERIFY(row.contains(t));
        const auto *title = toast->findChild<QLabel *>("toastTitle");
        const auto *text = toast->findChild<QLabel *>("toastText");
        QVERIFY(toast->rect().contains(title->geometry()));
        if (text->isVisible()) {
            QVERIFY(toast->rect().contains(text->geometry()));
            QVERIFY2(title->geometry().right() < text->geometry().left(),
                     qPrintable(toasts->texts().join(" | ")));
        }
    }
    // A click dismisses one; the rest go by themselves.
    QWidget *toast = toasts->toastWidgets().first();
    QTest::mouseClick(toast, Qt::LeftButton);
    QCOMPARE(toasts->count(), toasts->toastWidgets().size());
    toasts->setTimeout(100);
    Q_EMIT session.orderReady("ORD9", "Ann", "Counter 1");
    QVERIFY(toasts->texts().first().contains("ORD9"));
    QTRY_VERIFY_WITH_TIMEOUT(!toasts->texts().join(" ").contains("ORD9"), 5000);

    // The count is of orders waiting at the pass: one collected meanwhile leaves it.
    toasts->dismissAll();
    toasts->setTimeout(8000);
    addOrders(session, {order("r1", OrderStatus::Ready), order("r2", OrderStatus::Ready),
                        order("r3", OrderStatus::Preparing)});
    Q_EMIT session.orderReady("ORD-r1", "Customer r1", "Counter 1");
    Q_EMIT session.orderReady("ORD-r2", "Customer r2", "Counter 1");
    QCOMPARE(toasts->texts().first(), QString("2 orders ready: ORD-r1, ORD-r2"));
    statusChanged(session, "r1", OrderStatus::Ready, OrderStatus::Completed);
    statusChanged(session, "r3", OrderStatus::Preparing, OrderStatus::Ready);
    Q_EMIT session.orderReady("ORD-r3", "Customer r3", "Counter 1");
    QCOMPARE(toasts->count(), 1);
    QCOMPARE(toasts->texts().first(), QString("2 orders ready: ORD-r2, ORD-r3"));

    // A station that follows another counter is not told about this one's orders.
    session.followCounter("Counter 2");
    const int before = toasts->count();
    Q_EMIT session.orderReady("ORD10", "Ann", "Counter 1");
    QCOMPARE(toasts->count(), before);

    // A row too narrow for the setting shows fewer at once, rather than covering anything.
    ToastStack narrow;
    narrow.setMaxVisible(3);
    narrow.resize(700, narrow.sizeHint().height());
    narrow.show();
    QVERIFY(QTest::qWaitForWindowExposed(&narrow));
    QCOMPARE(narrow.fitting(), 2);
    for (const char *news : {"one", "two", "three"})
        narrow.post(ToastStack::Kind::Info, QString::fromLatin1(news), {});
    QCOMPARE(narrow.count(), 2);
    QCOMPARE(narrow.texts(), QStringList({"three", "two"}));
    for (QWidget *t : narrow.toastWidgets())
        QVERIFY(narrow.rect().contains(QRect(t->pos(), t->size())));
}

void tst_MainWindow::toastKindsCanBeTurnedOff()
{
    ConsoleSession session;
    ConsoleSettings settings;
    MainWindow window(&session, &settings);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    signInOffline(session, "manager");
    window.sounds()->setMuted(true);
    QSignalSpy sounds(window.sounds(), &SoundPlayer::requested);
    // In the settings dialog, a manager turns off the ready toasts and the payment ones.
    {
        SettingsDialog dialog(&settings, &window);
        dialog.show();
        for (ConsoleSettings::ToastKind kind : ConsoleSettings::toastKinds())
            QVERIFY(dialog.toastSwitch(kind)->isChecked());
        for (auto kind :
             {ConsoleSettings::ToastKind::OrderReady, ConsoleSettings::ToastKind::PaymentFailed}) {
            QCheckBox *box = dialog.toastSwitch(kind);
            QTest::mouseClick(box, Qt::LeftButton, {}, QPoint(4, box->height() / 2));
            QVERIFY(!box->isChecked());
        }
        clickOk(&dialog);
    }
    // Kept with the console's settings.
    QVERIFY(!QSettings().value("notify/toast/orderReady").toBool());
    QVERIFY(!QSettings().value("notify/toast/paymentFailed").toBool());
    QVERIFY(QSettings().value("notify/toast/refused", true).toBool());
    QVERIFY(!ConsoleSettings().toastEnabled(ConsoleSettings::ToastKind::OrderReady));

    // Turned off: nothing shows (the chime still sounds); the other kinds still do.
    for (int i = 1; i <= 4; ++i)
        Q_EMIT session.orderReady(QStringLiteral("ORD%1").arg(i), "Sarah", "Counter 1");
    Q_EMIT session.paymentFailed("ORD1", "Card declined", true);
    QCOMPARE(window.toasts()->count(), 0);
    QCOMPARE(sounds.size(), 4);
    addOrders(session, {order("a")});
    Q_EMIT session.commandFinished(session.cancelOrder("a", "test"), false, "CONFLICT", "No");
    QCOMPARE(window.toasts()->count(), 1);
    QVERIFY(window.toasts()->texts().first().startsWith("Refused: cancel ORD-a"));
    // And on again.
    settings.setToastEnabled(ConsoleSettings::ToastKind::OrderReady, true);
    Q_EMIT session.orderReady("ORD5", "Sarah", "Counter 1");
    QCOMPARE(window.toasts()->count(), 2);
    QVERIFY(window.toasts()->texts().first().startsWith("Order ORD5 is ready"));
    settings.setToastEnabled(ConsoleSettings::ToastKind::PaymentFailed, true);
}

void tst_MainWindow::refusedActionsToast()
{
    ConsoleSession session;
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
    ConsoleSession session;
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
    ConsoleSession session;
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

void tst_MainWindow::viewsByNameInOrderAndRole()
{
    // Views find their place by name whatever order they are added in; a managers' view is
    // hidden (tab and View menu) for an employee and shown for a manager.
    ConsoleSession session;
    ConsoleSettings settings;
    MainWindow window(&session, &settings);
    // Order entry and the cafe settings are real views (the window adds them itself).
    QWidget *entryPage = window.orderEntryView();
    QWidget *settingsPage = window.view("settings");
    QVERIFY(settingsPage);
    QTabWidget *tabs = window.tabs();
    QCOMPARE(tabs->indexOf(entryPage), tabs->indexOf(window.dashboardView()) + 1);
    QCOMPARE(tabs->indexOf(window.menuView()), tabs->indexOf(entryPage) + 1);
    // The Staff view (a managers' view of MainWindow's own) sits between the menu and settings.
    QCOMPARE(tabs->indexOf(window.staffView()), tabs->indexOf(window.menuView()) + 1);
    QCOMPARE(tabs->indexOf(settingsPage), tabs->indexOf(window.staffView()) + 1);
    // The Reports view (managers') after the cafe settings, then the Chain view (chain owners
    // only), then the event log.
    QWidget *reportsPage = window.view("reports");
    QVERIFY(reportsPage);
    QCOMPARE(tabs->indexOf(reportsPage), tabs->indexOf(settingsPage) + 1);
    QCOMPARE(tabs->indexOf(window.chainView()), tabs->indexOf(reportsPage) + 1);
    QCOMPARE(tabs->indexOf(window.eventLogView()), tabs->indexOf(window.chainView()) + 1);
    QCOMPARE(window.view("entry"), entryPage);
    QCOMPARE(window.view("staff"), window.staffView());
    const auto menuTexts = [&window] {
        QStringList texts;
        for (QAction *a : window.menuBar()->actions())
            if (a->menu() && a->text() == "&View")
                for (QAction *v : a->menu()->actions())
                    texts << v->text();
        return texts;
    };

    signInOffline(session, "employee");
    QTRY_VERIFY(session.identity().isValid());
    QVERIFY(!tabs->isTabVisible(tabs->indexOf(settingsPage)));
    QVERIFY(!window.showView("settings"));
    QVERIFY(!menuTexts().contains("Cafe settin&gs"));
    QVERIFY(window.showView("entry"));
    QCOMPARE(tabs->currentWidget(), entryPage);
    QVERIFY(!window.showView("staff"));
    QVERIFY(!tabs->isTabVisible(tabs->indexOf(window.staffView())));
    QVERIFY(!window.showView("reports"));
    QVERIFY(!tabs->isTabVisible(tabs->indexOf(reportsPage)));
    QVERIFY(!menuTexts().contains("Reports"));

    signInOffline(session, "manager");
    QTRY_VERIFY(session.identity().isManager());
    QVERIFY(tabs->isTabVisible(tabs->indexOf(settingsPage)));
    QVERIFY(menuTexts().contains("Cafe settin&gs"));
    QVERIFY(window.showView("settings"));
    QCOMPARE(tabs->currentWidget(), settingsPage);
    QVERIFY(window.showView("staff"));
    QCOMPARE(tabs->currentWidget(), window.staffView());
    QVERIFY(menuTexts().contains("Reports"));
    QVERIFY(window.showView("reports"));
    QCOMPARE(tabs->currentWidget(), reportsPage);
}

TT_UI_TEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
