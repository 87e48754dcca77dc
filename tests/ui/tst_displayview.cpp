// The counter display as a barista meets it: tiles oldest first flowing down columns and over
// pages, the bump bar's keys (digits select, bump, bump to ready, recall further back with each
// press, paging) against a live hub, a key map saved and read back, tiles that flash and stay a
// moment when an order is cancelled or moved, a counter filter per window, display windows and
// their settings across a restart, and accessible names on everything.
#include "livehubfixture.h"

#include "displaykeymapdialog.h"
#include "displaymanager.h"
#include "displaysettings.h"
#include "displayview.h"
#include "displaywindow.h"
#include "languagemanager.h"
#include "soundplayer.h"
#include "ticketboard.h"
#include "ticketitemrow.h"
#include "tickettile.h"

#include <QComboBox>
#include <QKeySequenceEdit>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>

using namespace TableTap;
using namespace TableTap::TestUi;

namespace {
// A display view of its own offline session, on screen.
struct DisplayFixture
{
    ConsoleSession session;
    DisplaySettings settings;
    SoundPlayer sounds;
    DisplayView view{&session, &settings, &sounds};

    DisplayFixture() { sounds.setMuted(true); }
    bool shown(QSize size = {1200, 700})
    {
        view.resize(size);
        view.show();
        return QTest::qWaitForWindowExposed(&view);
    }
    QStringList tileIds() const
    {
        QStringList ids;
        for (const TicketTile *t : view.tiles())
            ids << t->orderId();
        return ids;
    }
};

Order aged(const QString &id, int ageSeconds, const QString &counter = QStringLiteral("Counter 1"),
           OrderStatus status = OrderStatus::Pending)
{
    return order(id, status, counter, ageSeconds);
}

void press(QWidget *w, Qt::Key key, Qt::KeyboardModifiers mods = Qt::NoModifier)
{
    QTest::keyClick(w, key, mods);
}

int soundCount(const QSignalSpy &spy, SoundPlayer::Sound sound)
{
    int n = 0;
    for (const QList<QVariant> &args : spy)
        n += args.first().value<SoundPlayer::Sound>() == sound ? 1 : 0;
    return n;
}
} // namespace

class tst_DisplayView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void tilesOldestFirstFlowingInColumns();
    void digitsArrowsAndPages();
    void bumpAndMultiLevelRecallOnLiveHub();
    void bumpToReadyOnLiveHub();
    void itemTicksReachEveryDisplay();
    void savedKeyMapIsReadBack();
    void keyMapDialogRefusesOneKeyForTwoActions();
    void cancellationFlashesAndLeaves();
    void movesAndItemChangesFlash();
    void closedCounterShowsBanner();
    void counterFilterPerWindow();
    void windowsAndSettingsSurviveRestart();
    void touchTargetsAndTextScale();
    void accessibleNames();
};

void tst_DisplayView::init()
{
    // Each test starts with no display windows to bring back and the default keys and theme.
    QSettings().remove("display");
}

void tst_DisplayView::tilesOldestFirstFlowingInColumns()
{
    DisplayFixture d;
    QVERIFY(d.shown());
    // Arrival order differs from age order; closed orders never show.
    addOrders(d.session, {aged("c", 60), aged("a", 600),
                          aged("done", 900, "Counter 1", OrderStatus::Completed),
                          aged("b", 300, "Counter 2", OrderStatus::Ready)});
    QCOMPARE(d.tileIds(), QStringList({"a", "b", "c"}));

    // Enough orders to need more than one column and more than one page.
    QList<Order> many;
    for (int i = 0; i < 40; ++i)
        many << aged(QStringLiteral("m%1").arg(i, 2, 10, QChar('0')), 200 - i);
    addOrders(d.session, many);
    TicketBoard *board = d.view.board();
    QVERIFY(board->columnCount() >= 2);
    QVERIFY2(board->pageCount() >= 2, qPrintable(QString::number(board->pageCount())));
    const QList<TicketTile *> page = board->visibleTiles();
    QVERIFY(page.size() >= 3);
    // Down the first column, then the next one: y grows within a column, x moves right after.
    int columnsSeen = 1;
    for (qsizetype i = 1; i < page.size(); ++i) {
        const QRect prev = page.at(i - 1)->geometry();
        const QRect cur = page.at(i)->geometry();
        if (cur.x() == prev.x()) {
            QVERIFY(cur.y() > prev.bottom());
        } else {
            QVERIFY(cur.x() > prev.x());
            QCOMPARE(cur.y(), 0);
            ++columnsSeen;
        }
        QVERIFY(cur.bottom() <= board->height());
    }
    QVERIFY(columnsSeen >= 2);
    // The flow is the age order: a, then the 40 by age, then b, c.
    const QStringList ids = d.tileIds();
    QCOMPARE(ids.first(), QString("a"));
    QCOMPARE(ids.at(1), QString("b"));
    QCOMPARE(ids.last(), QString("c"));
    // Tiles of later pages are hidden, and digit positions count from 1 on each page.
    for (TicketTile *t : d.view.tiles())
        QCOMPARE(t->isVisible(), page.contains(t));
    QCOMPARE(page.first()->position(), 1);
}

void tst_DisplayView::digitsArrowsAndPages()
{
    DisplayFixture d;
    QVERIFY(d.shown());
    QList<Order> many;
    for (int i = 0; i < 40; ++i)
        many << aged(QStringLiteral("o%1").arg(i, 2, 10, QChar('0')), 1000 - i);
    addOrders(d.session, many);
    QVERIFY(d.view.board()->pageCount() >= 2);
    d.view.setFocus();
    const QList<TicketTile *> first = d.view.board()->visibleTiles();
    QVERIFY(first.size() >= 3);

    press(&d.view, Qt::Key_3);
    QCOMPARE(d.view.selectedOrderId(), first.at(2)->orderId());
    QVERIFY(first.at(2)->isSelected());
    press(&d.view, Qt::Key_1, Qt::KeypadModifier); // the keypad's digits count too
    QCOMPARE(d.view.selectedOrderId(), first.at(0)->orderId());
    press(&d.view, Qt::Key_Right);
    QCOMPARE(d.view.selectedOrderId(), first.at(1)->orderId());
    press(&d.view, Qt::Key_Left);
    QCOMPARE(d.view.selectedOrderId(), first.at(0)->orderId());
    // A digit past the page's tiles selects nothing new.
    if (first.size() < 9) {
        press(&d.view, Qt::Key_9);
        QCOMPARE(d.view.selectedOrderId(), first.at(0)->orderId());
    }

    press(&d.view, Qt::Key_PageDown);
    QCOMPARE(d.view.board()->page(), 1);
    const QList<TicketTile *> second = d.view.board()->visibleTiles();
    QVERIFY(!second.isEmpty() && second.first() != first.first());
    QCOMPARE(d.view.selectedOrderId(), second.first()->orderId());
    QCOMPARE(second.first()->position(), 1);
    press(&d.view, Qt::Key_1);
    QCOMPARE(d.view.selectedOrderId(), second.first()->orderId());
    // Moving left from a page's first tile goes back to the previous page.
    press(&d.view, Qt::Key_Left);
    QCOMPARE(d.view.board()->page(), 0);
    QCOMPARE(d.view.selectedOrderId(), first.last()->orderId());
    press(&d.view, Qt::Key_PageUp);
    QCOMPARE(d.view.board()->page(), 0);
    // The touch buttons do what the keys do.
    QTest::mouseClick(d.view.nextPageButton(), Qt::LeftButton);
    QCOMPARE(d.view.board()->page(), 1);
    QTest::mouseClick(d.view.previousPageButton(), Qt::LeftButton);
    QCOMPARE(d.view.board()->page(), 0);
    QVERIFY(!d.view.previousPageButton()->isEnabled());
}

void tst_DisplayView::bumpAndMultiLevelRecallOnLiveHub()
{
    LiveHub hub;
    QVERIFY(hub.start());
    Console c;
    QVERIFY(c.signIn(hub, "E1", "1234"));
    const QString first = createOrder(c.session, "Ann");
    QVERIFY(!first.isEmpty());
    QTest::qWait(20); // distinct creation times keep the tile order certain
    const QString second = createOrder(c.session, "Ben");
    QVERIFY(!second.isEmpty());

    DisplayWindow *w = c.window.displays()->openDisplay(0);
    QVERIFY(w);
    QVERIFY(QTest::qWaitForWindowExposed(w));
    DisplayView *view = w->view();
    const auto hubStatus = [&](const QString &id) {
        return hub.order(id).value("status").toString();
    };
    QTRY_COMPARE(view->tiles().size(), 2);
    QCOMPARE(view->tiles().first()->orderId(), first);

    // 1, bump, bump: Ann's order goes pending → preparing → ready on the hub.
    press(view, Qt::Key_1);
    QCOMPARE(view->selectedOrderId(), first);
    press(view, Qt::Key_Space);
    QTRY_COMPARE_WITH_TIMEOUT(hubStatus(first), QString("preparing"), Wait);
    QTRY_COMPARE_WITH_TIMEOUT(c.session.orders()->order(first)->status, OrderStatus::Preparing,
                              Wait);
    press(view, Qt::Key_Space);
    QTRY_COMPARE_WITH_TIMEOUT(hubStatus(first), QString("ready"), Wait);
    QTRY_COMPARE_WITH_TIMEOUT(c.session.orders()->order(first)->status, OrderStatus::Ready, Wait);
    // 2, bump: Ben's starts.
    press(view, Qt::Key_2);
    QCOMPARE(view->selectedOrderId(), second);
    press(view, Qt::Key_Space);
    QTRY_COMPARE_WITH_TIMEOUT(hubStatus(second), QString("preparing"), Wait);
    QTRY_COMPARE_WITH_TIMEOUT(c.session.orders()->order(second)->status, OrderStatus::Preparing,
                              Wait);
    QCOMPARE(view->bumpHistory(), QStringList({first, second}));
    QVERIFY(view->recallButton()->isEnabled());

    // Recall: the newest bump first (Ben back to pending) ...
    press(view, Qt::Key_Backspace);
    QTRY_COMPARE_WITH_TIMEOUT(hubStatus(second), QString("pending"), Wait);
    QTRY_COMPARE_WITH_TIMEOUT(c.session.orders()->order(second)->status, OrderStatus::Pending,
                              Wait);
    QCOMPARE(hubStatus(first), QString("ready"));
    // ... and again: one further back (Ann from ready to preparing).
    press(view, Qt::Key_Backspace);
    QTRY_COMPARE_WITH_TIMEOUT(hubStatus(first), QString("preparing"), Wait);
    QTRY_COMPARE_WITH_TIMEOUT(c.session.orders()->order(first)->status, OrderStatus::Preparing,
                              Wait);
    QTRY_COMPARE(view->selectedOrderId(), first);
    // Nothing further back to recall: the next press sends nothing.
    const int sent = outboxEntries(c.session, "update_order_status").size();
    press(view, Qt::Key_Backspace);
    QCOMPARE(outboxEntries(c.session, "update_order_status").size(), sent);
    QVERIFY(!view->recallButton()->isEnabled());
    QCOMPARE(hubStatus(first), QString("preparing"));
    QCOMPARE(hubStatus(second), QString("pending"));

    // Bumped to completed, the tile leaves; a recall brings it back.
    press(view, Qt::Key_1);
    press(view, Qt::Key_Space);
    QTRY_COMPARE_WITH_TIMEOUT(c.session.orders()->order(first)->status, OrderStatus::Ready, Wait);
    press(view, Qt::Key_1);
    press(view, Qt::Key_Space);
    QTRY_COMPARE_WITH_TIMEOUT(hubStatus(first), QString("completed"), Wait);
    QTRY_VERIFY_WITH_TIMEOUT(!view->tile(first), Wait);
    QTest::mouseClick(view->recallButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(hubStatus(first), QString("ready"), Wait);
    QTRY_VERIFY_WITH_TIMEOUT(view->tile(first), Wait);
    QCOMPARE(view->tiles().first()->orderId(), first); // back in its place by age
}

void tst_DisplayView::bumpToReadyOnLiveHub()
{
    LiveHub hub;
    QVERIFY(hub.start());
    Console c;
    QVERIFY(c.signIn(hub, "E1", "1234"));
    const QString id = createOrder(c.session, "Cleo");
    QVERIFY(!id.isEmpty());
    DisplayWindow *w = c.window.displays()->openDisplay(0);
    QVERIFY(QTest::qWaitForWindowExposed(w));
    DisplayView *view = w->view();
    QTRY_COMPARE(view->tiles().size(), 1);
    press(view, Qt::Key_1);
    // Enter: the whole order to ready, through preparing.
    press(view, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(hub.order(id).value("status").toString(), QString("ready"), Wait);
    QStringList statuses;
    for (const QJsonValue &h : hub.order(id).value("status_history").toArray())
        statuses << h.toObject().value("status").toString();
    QCOMPARE(statuses, QStringList({"pending", "preparing", "ready"}));
    // A swipe across the tile bumps it on (ready → completed).
    QTRY_COMPARE_WITH_TIMEOUT(c.session.orders()->order(id)->status, OrderStatus::Ready, Wait);
    TicketTile *tile = view->tile(id);
    QVERIFY(tile);
    const QPoint from(tile->width() / 10, tile->height() / 3);
    const QPoint to(tile->width() * 9 / 10, tile->height() / 3);
    QTest::mousePress(tile, Qt::LeftButton, {}, from);
    QTest::mouseMove(tile, to);
    QTest::mouseRelease(tile, Qt::LeftButton, {}, to);
    QTRY_COMPARE_WITH_TIMEOUT(hub.order(id).value("status").toString(), QString("completed"), Wait);
}

void tst_DisplayView::itemTicksReachEveryDisplay()
{
    LiveHub hub;
    QVERIFY(hub.start());
    Console a;
    QVERIFY(a.signIn(hub, "E1", "1234"));
    Console b;
    QVERIFY(b.signIn(hub, "M1", "4321"));
    const QJsonArray items{
        QJsonObject{{"product_id", a.session.menu().value(0).id}, {"quantity", 1}},
        QJsonObject{{"product_id", a.session.menu().value(1).id}, {"quantity", 2}}};
    const QString id = createOrder(a.session, "Dora", {{"items", items}});
    QVERIFY(!id.isEmpty());
    DisplayView *viewA = a.window.displays()->openDisplay(0)->view();
    DisplayView *viewB = b.window.displays()->openDisplay(1)->view();
    QVERIFY(QTest::qWaitForWindowExposed(viewB->window()));
    QTRY_VERIFY_WITH_TIMEOUT(viewA->tile(id) && viewB->tile(id), Wait);
    QCOMPARE(viewA->tile(id)->itemRows().size(), 2);
    TicketItemRow *rowA = viewA->tile(id)->itemRows().first();
    QVERIFY(rowA->isEnabled());
    QVERIFY(!rowA->isChecked());

    // A tap on the first item at one display: the hub keeps it, the other display shows it.
    QTest::mouseClick(rowA, Qt::LeftButton);
    QVERIFY(rowA->isChecked()); // at once, before the hub answers
    const auto madeAtHub = [&] {
        QStringList made;
        for (const QJsonValue &v : hub.order(id).value("items_made").toArray())
            made << v.toString();
        return made;
    };
    const QString firstItem = rowA->itemId();
    QTRY_COMPARE_WITH_TIMEOUT(madeAtHub(), QStringList({firstItem}), Wait);
    QTRY_VERIFY_WITH_TIMEOUT(viewB->tile(id)->itemRows().first()->isChecked(), Wait);
    QVERIFY(!viewB->tile(id)->itemRows().last()->isChecked());
    QVERIFY(viewB->tile(id)->accessibleDescription().contains("made"));
    // The first tick started the order; the last one (by key, at the other display) makes it
    // ready.
    QTRY_COMPARE_WITH_TIMEOUT(b.session.orders()->order(id)->status, OrderStatus::Preparing, Wait);
    viewB->selectOrder(id);
    viewB->setFocus();
    press(viewB, Qt::Key_T);
    QTRY_COMPARE_WITH_TIMEOUT(hub.order(id).value("status").toString(), QString("ready"), Wait);
    QTRY_VERIFY_WITH_TIMEOUT(viewA->tile(id)->itemRows().last()->isChecked(), Wait);
    QTRY_COMPARE_WITH_TIMEOUT(a.session.orders()->order(id)->status, OrderStatus::Ready, Wait);
    // Unticked again: the hub takes the order back from ready.
    QTest::mouseClick(viewA->tile(id)->itemRows().last(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(hub.order(id).value("status").toString(), QString("preparing"), Wait);
    QTRY_VERIFY_WITH_TIMEOUT(!viewB->tile(id)->itemRows().last()->isChecked(), Wait);
}

void tst_DisplayView::savedKeyMapIsReadBack()
{
    {
        DisplaySettings settings;
        DisplayKeyMap map = DisplayKeyMap::defaults();
        map.setKey(DisplayKeyMap::Action::Bump, QKeySequence(Qt::Key_B));
        map.setKey(DisplayKeyMap::Action::Recall, QKeySequence(Qt::Key_R));
        map.setKey(DisplayKeyMap::Action::Tile1, QKeySequence(Qt::Key_F1));
        settings.setKeyMap(map);
    }
    // A new settings object and a new view: the map comes from QSettings.
    DisplayFixture d;
    QCOMPARE(d.settings.keyMap().key(DisplayKeyMap::Action::Bump), QKeySequence(Qt::Key_B));
    QVERIFY(d.shown());
    signInOffline(d.session, "employee");
    addOrders(d.session, {aged("a", 120), aged("b", 60)});
    d.view.setFocus();
    press(&d.view, Qt::Key_2);
    QCOMPARE(d.view.selectedOrderId(), QString("b"));
    press(&d.view, Qt::Key_F1);
    QCOMPARE(d.view.selectedOrderId(), QString("a"));
    press(&d.view, Qt::Key_Space); // no longer the bump key
    QCOMPARE(outboxEntries(d.session, "update_order_status").size(), 0);
    press(&d.view, Qt::Key_B);
    const QList<OutboxEntry> sent = outboxEntries(d.session, "update_order_status");
    QCOMPARE(sent.size(), 1);
    QCOMPARE(sent.first().payload.value("order_id").toString(), QString("a"));

    // The dialog starts from the saved map; what it saves reaches the open view at once.
    DisplayKeyMapDialog dialog(d.settings.keyMap());
    QCOMPARE(dialog.editor(DisplayKeyMap::Action::Recall)->keySequence(), QKeySequence(Qt::Key_R));
    dialog.editor(DisplayKeyMap::Action::PageNext)->setKeySequence(QKeySequence(Qt::Key_N));
    d.settings.setKeyMap(dialog.keyMap());
    QCOMPARE(DisplaySettings().keyMap().key(DisplayKeyMap::Action::PageNext),
             QKeySequence(Qt::Key_N));
    QList<Order> many;
    for (int i = 0; i < 40; ++i)
        many << aged(QStringLiteral("p%1").arg(i), 30);
    addOrders(d.session, many);
    QVERIFY(d.view.board()->pageCount() >= 2);
    press(&d.view, Qt::Key_N);
    QCOMPARE(d.view.board()->page(), 1);

    // Back to the defaults for the other tests.
    d.settings.setKeyMap(DisplayKeyMap::defaults());
}

void tst_DisplayView::keyMapDialogRefusesOneKeyForTwoActions()
{
    DisplayKeyMapDialog dialog(DisplayKeyMap::defaults());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QVERIFY(ok->isEnabled());
    // Recall on Space, which bumps: refused until one of them changes.
    dialog.editor(DisplayKeyMap::Action::Recall)->setKeySequence(QKeySequence(Qt::Key_Space));
    QVERIFY(!ok->isEnabled());
    QVERIFY(dialog.keyMap().conflicts().contains(DisplayKeyMap::Action::Bump));
    QVERIFY(dialog.findChild<QLabel *>("keyMapProblem")->isVisible());
    // Typed into the field the way a user (or a bump bar) does.
    QKeySequenceEdit *recall = dialog.editor(DisplayKeyMap::Action::Recall);
    recall->clear();
    recall->setFocus();
    QTest::keyClick(recall, Qt::Key_Delete);
    QTRY_COMPARE(recall->keySequence(), QKeySequence(Qt::Key_Delete));
    QTRY_VERIFY(ok->isEnabled());
    // Restore defaults puts Backspace back.
    dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::RestoreDefaults)->click();
    QCOMPARE(recall->keySequence(), QKeySequence(Qt::Key_Backspace));
}

void tst_DisplayView::cancellationFlashesAndLeaves()
{
    // For docs/screenshot-display-cancelled.png: the English catalogue, as the program has it.
    LanguageManager languages;
    if (qEnvironmentVariableIsSet("TT_DISPLAY_SCREENSHOT"))
        QVERIFY(languages.install("en"));
    DisplayFixture d;
    d.view.setFlashTimes(1200, 1500);
    QVERIFY(d.shown({1400, 800}));
    QSignalSpy sounds(&d.sounds, &SoundPlayer::requested);
    addOrders(d.session, {aged("a", 500), aged("b", 400), aged("c", 30)});
    QCOMPARE(d.tileIds(), QStringList({"a", "b", "c"}));
    QCOMPARE(soundCount(sounds, SoundPlayer::Sound::OrderChanged), 0);

    OrderCancelled cancelled;
    cancelled.orderId = "b";
    cancelled.orderNumber = "ORD-b";
    cancelled.reason = "Customer left";
    d.session.orders()->apply(cafeEvent("order:cancelled", "/orders", cancelled));
    d.session.orders()->flush();
    // Still there, in its place, flashing and saying so, with the sound.
    QCOMPARE(d.tileIds(), QStringList({"a", "b", "c"}));
    TicketTile *tile = d.view.tile("b");
    QVERIFY(tile);
    QCOMPARE(tile->flashKind(), TicketTile::Flash::Cancelled);
    QVERIFY(tile->isFlashing());
    QVERIFY(tile->isLeaving());
    QVERIFY(!tile->bumpButton()->isVisible());
    QVERIFY(tile->accessibleDescription().contains(tile->flashText()));
    QCOMPARE(soundCount(sounds, SoundPlayer::Sound::OrderChanged), 1);
    // A leaving tile takes no bump.
    d.view.selectOrder("b");
    d.view.bumpSelected();
    QCOMPARE(d.session.outbox()->rowCount(), 0);
    if (qEnvironmentVariableIsSet("TT_DISPLAY_SCREENSHOT")) {
        QTest::qWait(50);
        QVERIFY(d.view.grab().save(qEnvironmentVariable("TT_DISPLAY_SCREENSHOT"), "PNG"));
    }
    // Then it goes (within the linger time and a tick).
    QTRY_VERIFY_WITH_TIMEOUT(!d.view.tile("b"), 10000);
    QCOMPARE(d.tileIds(), QStringList({"a", "c"}));
}

void tst_DisplayView::movesAndItemChangesFlash()
{
    ConsoleSession session;
    DisplaySettings settings;
    SoundPlayer sounds;
    sounds.setMuted(true);
    QSignalSpy played(&sounds, &SoundPlayer::requested);
    DisplayView one(&session, &settings, &sounds);
    DisplayView two(&session, &settings, &sounds);
    one.setFlashTimes(800, 1000);
    two.setFlashTimes(800, 1000);
    one.setCounter("Counter 1");
    two.setCounter("Counter 2");
    one.resize(1000, 700);
    two.resize(1000, 700);
    one.show();
    two.show();
    QVERIFY(QTest::qWaitForWindowExposed(&two));
    addOrders(session, {aged("a", 300, "Counter 1"), aged("b", 200, "Counter 1")});
    QCOMPARE(one.tiles().size(), 2);
    QCOMPARE(two.tiles().size(), 0);

    OrderAssignedCounter moved;
    moved.orderId = "a";
    moved.orderNumber = "ORD-a";
    moved.previousCounter = "Counter 1";
    moved.newCounter = "Counter 2";
    session.orders()->apply(cafeEvent("order:assigned_counter", "/orders", moved));
    session.orders()->flush();
    // Away from counter 1: flashes there and leaves; arrives flashing at counter 2.
    QVERIFY(one.tile("a"));
    QCOMPARE(one.tile("a")->flashKind(), TicketTile::Flash::MovedAway);
    QVERIFY(one.tile("a")->isLeaving());
    QVERIFY(one.tile("a")->flashText().contains("Counter 2"));
    QVERIFY(two.tile("a"));
    QCOMPARE(two.tile("a")->flashKind(), TicketTile::Flash::MovedHere);
    QVERIFY(!two.tile("a")->isLeaving());
    QVERIFY(two.tile("a")->flashText().contains("Counter 1"));
    QCOMPARE(soundCount(played, SoundPlayer::Sound::OrderChanged), 2);
    QTRY_VERIFY_WITH_TIMEOUT(!one.tile("a"), 10000);
    QVERIFY(two.tile("a"));

    // Items changed (a snapshot after a reconnect shows another drink): flash, no leaving.
    QList<Order> now = session.orders()->rows();
    for (Order &o : now)
        if (o.id == "b")
            o.items.first().customizations = {"Oat milk", "Decaf"};
    session.orders()->resetOrders(now);
    QVERIFY(one.tile("b"));
    QCOMPARE(one.tile("b")->flashKind(), TicketTile::Flash::ItemsChanged);
    QVERIFY(!one.tile("b")->isLeaving());
    QCOMPARE(soundCount(played, SoundPlayer::Sound::OrderChanged), 3);
    // Ages ticking and status changes are not changes to flash for.
    statusChanged(session, "b", OrderStatus::Pending, OrderStatus::Preparing);
    QCOMPARE(soundCount(played, SoundPlayer::Sound::OrderChanged), 3);
}

void tst_DisplayView::closedCounterShowsBanner()
{
    DisplayFixture d;
    d.view.setCounter("Counter 2");
    QVERIFY(d.shown());
    QSignalSpy sounds(&d.sounds, &SoundPlayer::requested);
    d.session.counters()->resetCounters(
        {CounterInfo{"Counter 1", "active", {}}, CounterInfo{"Counter 2", "active", {}}});
    QVERIFY(!d.view.banner()->isVisible());
    QCOMPARE(d.view.counterBox()->count(), 3); // all counters, then each

    CounterStatusChanged closed;
    closed.counterName = "Counter 2";
    closed.previousStatus = "active";
    closed.newStatus = "inactive";
    closed.reason = "Espresso machine down";
    closed.ordersReassignedTo = "Counter 1";
    d.session.counters()->apply(cafeEvent("counter:status_changed", "/system", closed));
    d.session.counters()->flush();
    QVERIFY(d.view.banner()->isVisible());
    QVERIFY(d.view.banner()->text().contains("Counter 2"));
    QVERIFY(d.view.banner()->text().contains("Espresso machine down"));
    QVERIFY(d.view.banner()->accessibleName().contains("Counter 2"));
    QCOMPARE(soundCount(sounds, SoundPlayer::Sound::OrderChanged), 1);
    // A tap dismisses it.
    QTest::mouseClick(d.view.banner(), Qt::LeftButton);
    QVERIFY(!d.view.banner()->isVisible());
}

void tst_DisplayView::counterFilterPerWindow()
{
    HubSession session;
    ConsoleSettings consoleSettings;
    MainWindow window(&session, &consoleSettings);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    addOrders(session, {aged("a", 300, "Counter 1"), aged("b", 200, "Counter 2"),
                        aged("c", 100, "Counter 1")});
    DisplayWindow *first = window.displays()->openDisplay(0);
    DisplayWindow *second = window.displays()->openAnotherDisplay();
    QVERIFY(first && second && first != second);
    QCOMPARE(second->slot(), 1);
    first->view()->setCounter("Counter 1");
    second->view()->setCounter("Counter 2");
    QCOMPARE(first->view()->tiles().size(), 2);
    QCOMPARE(second->view()->tiles().size(), 1);
    QCOMPARE(second->view()->tiles().first()->orderId(), QString("b"));
    QVERIFY(first->windowTitle().contains("Counter 1"));
    // The counter box is the same choice, by touch or keyboard.
    QComboBox *box = first->view()->counterBox();
    const int all = box->findData(QString());
    QVERIFY(all >= 0);
    box->setCurrentIndex(all);
    Q_EMIT box->activated(all);
    QCOMPARE(first->view()->tiles().size(), 3);
    QCOMPARE(second->view()->tiles().size(), 1);
    // The queue's own filter is untouched by either.
    QCOMPARE(session.followedCounter(), QString());
    // Saved per window.
    QCOMPARE(DisplaySettings().window(0).counter, QString());
    QCOMPARE(DisplaySettings().window(1).counter, QString("Counter 2"));
    second->findChild<QPushButton *>("displayClose")->click();
    first->findChild<QPushButton *>("displayClose")->click();
}

void tst_DisplayView::windowsAndSettingsSurviveRestart()
{
    const QString screen = QGuiApplication::primaryScreen()->name();
    {
        HubSession session;
        ConsoleSettings consoleSettings;
        auto window = std::make_unique<MainWindow>(&session, &consoleSettings);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        DisplayWindow *d = window->displays()->openDisplay(1);
        QVERIFY(QTest::qWaitForWindowExposed(d));
        d->view()->setCounter("Counter 3");
        d->moveToScreen(screen);
        d->view()->toggleTheme();
        QCOMPARE(window->displays()->settings()->theme(), DisplaySettings::Theme::HighContrast);
        // The console quits: its windows go with it, and are remembered as open.
        window.reset();
    }
    {
        HubSession session;
        ConsoleSettings consoleSettings;
        MainWindow window(&session, &consoleSettings);
        window.show();
        // The main window brings the display back once it is up.
        QTRY_VERIFY(window.displays()->window(1));
        DisplayWindow *d = window.displays()->window(1);
        QVERIFY(!window.displays()->window(0));
        QCOMPARE(d->view()->counter(), QString("Counter 3"));
        QCOMPARE(d->screenName(), screen);
        QCOMPARE(window.displays()->settings()->theme(), DisplaySettings::Theme::HighContrast);
        // Closed by hand: not there next time.
        d->findChild<QPushButton *>("displayClose")->click();
        QTRY_VERIFY(!window.displays()->window(1));
        d = nullptr;
        window.displays()->settings()->setTheme(DisplaySettings::Theme::Dark);
    }
    {
        HubSession session;
        ConsoleSettings consoleSettings;
        MainWindow window(&session, &consoleSettings);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTest::qWait(50);
        QVERIFY(window.displays()->windows().isEmpty());
        QCOMPARE(DisplaySettings().window(1).counter, QString("Counter 3"));
        QVERIFY(DisplaySettings().openSlots().isEmpty());
    }
}

void tst_DisplayView::touchTargetsAndTextScale()
{
    DisplayFixture d;
    QVERIFY(d.shown({800, 500}));
    addOrders(d.session, {aged("a", 60)});
    const qreal small = d.view.bodyPointSize();
    TicketTile *tile = d.view.tile("a");
    QVERIFY(tile);
    // 9 mm on this screen, whatever its density.
    const int nine = d.view.nineMillimetres();
    QVERIFY(nine >= 20);
    QVERIFY(tile->bumpButton()->height() >= nine);
    for (TicketItemRow *row : tile->itemRows())
        QVERIFY(row->height() >= nine);
    for (QPushButton *b : {d.view.recallButton(), d.view.nextPageButton(),
                           d.view.previousPageButton(), d.view.themeButton(), d.view.keysButton()})
        QVERIFY2(b->height() >= nine, qPrintable(b->objectName()));
    // The text grows with the window and starts from the app's font.
    QVERIFY(small >= QApplication::font().pointSizeF());
    d.view.resize(1600, 1000);
    QTRY_VERIFY(d.view.bodyPointSize() > small * 1.4);
    qInfo("app font %.1f pt; display text %.1f pt at 800x500, %.1f pt at 1600x1000; 9 mm = %d px",
          QApplication::font().pointSizeF(), small, d.view.bodyPointSize(), nine);
    d.view.resize(1920, 1080);
    QTRY_VERIFY(d.view.bodyPointSize() > small * 1.5);
    QCOMPARE(tile->font().pointSizeF(), d.view.bodyPointSize());
    // A bigger system font makes bigger tiles.
    const qreal big = d.view.bodyPointSize();
    const QFont saved = QApplication::font();
    QFont larger = saved;
    larger.setPointSizeF(saved.pointSizeF() * 1.5);
    QApplication::setFont(larger);
    QTRY_VERIFY(d.view.bodyPointSize() > big * 1.3);
    QApplication::setFont(saved);
}

void tst_DisplayView::accessibleNames()
{
    HubSession session;
    ConsoleSettings consoleSettings;
    MainWindow window(&session, &consoleSettings);
    window.show();
    addOrders(session, {aged("a", 600, "Counter 1", OrderStatus::Preparing)});
    DisplayWindow *d = window.displays()->openDisplay(0);
    QVERIFY(QTest::qWaitForWindowExposed(d));
    QGuiApplication::inputMethod(); // the screen count decides whether the screen box shows
    for (QWidget *w : d->findChildren<QWidget *>()) {
        const bool control = qobject_cast<QAbstractButton *>(w) || qobject_cast<QComboBox *>(w);
        if (!control || !w->isVisibleTo(d))
            continue;
        const QString name
            = w->accessibleName().isEmpty()
                  ? (qobject_cast<QAbstractButton *>(w) ? qobject_cast<QAbstractButton *>(w)->text()
                                                        : QString())
                  : w->accessibleName();
        QVERIFY2(!name.trimmed().isEmpty(), qPrintable(w->objectName() + " has no name"));
    }
    TicketTile *tile = d->view()->tile("a");
    QVERIFY(tile);
    QVERIFY(tile->accessibleName().contains("ORD-a"));
    QVERIFY(tile->accessibleName().contains("Customer a"));
    QVERIFY(tile->accessibleName().startsWith("Ticket 1"));
    const QString description = tile->accessibleDescription();
    QVERIFY2(description.contains("Oat Milk Latte"), qPrintable(description));
    QVERIFY2(description.contains("Extra Shot"), qPrintable(description));
    QVERIFY2(description.contains("10 minute"), qPrintable(description));
    QVERIFY2(description.contains("late"), qPrintable(description));
    QVERIFY2(description.contains("Counter 1"), qPrintable(description));
    QVERIFY(tile->bumpButton()->accessibleName().contains("ORD-a"));
    QVERIFY(tile->itemRows().first()->accessibleName().contains("Oat Milk Latte"));
    // The whole display from the keyboard: Tab reaches every control and comes back.
    QSet<QWidget *> reached;
    d->view()->setFocus();
    for (int i = 0; i < 20; ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        reached.insert(QApplication::focusWidget());
    }
    QVERIFY(reached.contains(d->view()->counterBox()));
    QVERIFY(reached.contains(d->view()->recallButton()) || !d->view()->recallButton()->isEnabled());
    QVERIFY(reached.contains(d->view()->keysButton()));
    QVERIFY(reached.contains(d->fullScreenButton()));
    d->findChild<QPushButton *>("displayClose")->click();
}

TT_UI_TEST_MAIN(tst_DisplayView)
#include "tst_displayview.moc"
