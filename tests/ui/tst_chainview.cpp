// The Chain view against a real hub serving three cafes (HubServer on 127.0.0.1, port 0): a
// chain owner's console shows the tab with every cafe and the total, as the hub counts them,
// refreshes on demand, and opens a cafe's console whose session is that cafe's admin; an admin
// without the grant, a manager and the opened cafe's console never see the tab, and a grant or
// revoke while signed in shows or hides it at the next refresh.
#include "livehubfixture.h"

#include "cafeconsoles.h"
#include "chainview.h"

#include <QPushButton>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableView>

using namespace TableTap;
using namespace TableTap::TestUi;

namespace {
// Three cafes, an admin in each, a manager in c1.
void addCafes(const QString &dataDir)
{
    FolderAdmin admin(dataDir);
    admin.addCafe({"c1", "Corner Cafe", {}, {}});
    admin.addCafe({"c2", "Harbour <b>Cafe</b>", {}, {}});
    admin.addCafe({"c3", "Station Kiosk", {}, {}});
    admin.addStaff("c1", "A1", "Alma Owner", HubRole::Admin, "5151", 3000);
    admin.addStaff("c1", "M1", "Mia Manager", HubRole::Manager, "4321", 2000);
    admin.addStaff("c2", "A2", "Ben Admin", HubRole::Admin, "6262", 3000);
    admin.addStaff("c3", "A3", "Cleo Admin", HubRole::Admin, "7373", 3000);
}

AdminResult setChainOwner(const QString &dataDir, const QString &cafe, const QString &code,
                          bool granted)
{
    SqliteStorage storage(dataDir);
    HubAdminService api(storage,
                        [dataDir](QString *e) { return HubSecret::loadOrCreate(dataDir, e); });
    return granted ? api.grantChainOwner(cafe, code) : api.revokeChainOwner(cafe, code);
}

void placeOrders(HubServer &server, const QString &cafe, int count)
{
    const HubActor till{"till", "Till", HubRole::Employee, cafe};
    const CommandResult menu = server.service()->execute(till, "/orders", "list_menu", {});
    const QString product = menu.ack.value("data")
                                .toObject()
                                .value("products")
                                .toArray()
                                .at(0)
                                .toObject()
                                .value("id")
                                .toString();
    for (int i = 0; i < count; ++i) {
        const CommandResult r = server.service()->execute(
            till, "/orders", "create_order",
            QJsonObject{
                {"customer_name", QStringLiteral("Guest %1").arg(i)},
                {"items", QJsonArray{QJsonObject{{"product_id", product}, {"quantity", 1}}}}});
        if (!r.ok())
            qFatal("create_order refused: %s",
                   QJsonDocument(r.ack).toJson(QJsonDocument::Compact).constData());
    }
}

bool chainTabVisible(MainWindow &window)
{
    return window.tabs()->isTabVisible(window.tabs()->indexOf(window.chainView()));
}

// A console signed in to cafe with code and PIN, live.
bool signIn(Console &console, const LiveHub &hub, const QString &cafe, const QString &code,
            const QString &pin)
{
    if (!QTest::qWaitForWindowActive(&console.window))
        return false;
    console.session.signIn(hub.url(), cafe, code, pin);
    return QTest::qWaitFor(
        [&] { return console.session.liveness() == ConsoleSession::Liveness::Live; }, Wait);
}
} // namespace

class tst_ChainView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void ownerSeesEveryCafeAndOpensOne();
    void hiddenForOthersAndFollowsTheGrant();
};

void tst_ChainView::ownerSeesEveryCafeAndOpensOne()
{
    LiveHub hub(false);
    addCafes(hub.dir.path());
    QVERIFY(setChainOwner(hub.dir.path(), "c1", "A1", true).ok());
    QVERIFY(hub.start());
    placeOrders(*hub.server, "c1", 2);
    placeOrders(*hub.server, "c2", 3);

    Console console;
    QVERIFY(signIn(console, hub, "c1", "A1", "5151"));
    MainWindow &window = console.window;
    QTRY_VERIFY_WITH_TIMEOUT(chainTabVisible(window), Wait);
    QVERIFY(window.showView("chain"));
    ChainView *view = window.chainView();
    QStandardItemModel *model = view->model();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 4, Wait); // three cafes and the total
    QVERIFY(view->lastRefresh().isValid());

    // The orders placed above, row by row (orders today is the third column, open orders the
    // fifth).
    const QStringList names{"Corner Cafe", "Harbour <b>Cafe</b>", "Station Kiosk"};
    const QList<int> orders{2, 3, 0};
    for (int row = 0; row < 3; ++row) {
        QCOMPARE(model->index(row, 0).data().toString(), names.at(row));
        QCOMPARE(view->cafeIdAt(row), QStringLiteral("c%1").arg(row + 1));
        QCOMPARE(model->index(row, 2).data().toString(), QString::number(orders.at(row)));
        QCOMPARE(model->index(row, 4).data().toString(), QString::number(orders.at(row)));
    }
    QVERIFY(model->index(3, 0).data().toString().startsWith(QStringLiteral("Total")));
    QCOMPARE(model->index(3, 2).data().toString(), QStringLiteral("5"));
    QCOMPARE(model->index(3, 4).data().toString(), QStringLiteral("5"));
    QVERIFY(view->cafeIdAt(3).isEmpty());
    // The name with markup is text in a plain-text table (the delegate draws it as such).
    auto *table = view->findChild<QTableView *>("chainTable");
    QVERIFY(table);

    // On demand: a new order in c3 shows at the next click of Refresh.
    placeOrders(*hub.server, "c3", 1);
    QTest::mouseClick(view->findChild<QPushButton *>("chainRefresh"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(model->index(2, 2).data().toString(), QStringLiteral("1"), Wait);
    QCOMPARE(model->index(3, 2).data().toString(), QStringLiteral("6"));

    // Open console on c2: the window asks for it with a token that is c2's admin.
    QSignalSpy requested(&window, &MainWindow::cafeConsoleRequested);
    table->setCurrentIndex(model->index(1, 0));
    auto *open = view->findChild<QPushButton *>("chainOpenConsole");
    QVERIFY(open->isEnabled());
    QTest::mouseClick(open, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(requested.size(), 1, Wait);
    QCOMPARE(requested.at(0).at(0).toUrl(), hub.url());
    QCOMPARE(requested.at(0).at(2).toString(), QStringLiteral("c2"));
    const QString token = requested.at(0).at(1).toString();

    // What the program does with it (CafeConsoles, as tabletap wires it): a console of c2 of its
    // own, signed in with that token.
    CafeConsoles consoles(&console.settings);
    MainWindow *cafe = consoles.open(requested.at(0).at(0).toUrl(), token);
    QVERIFY(QTest::qWaitForWindowExposed(cafe));
    ConsoleSession *cafeSession = cafe->session();
    QTRY_COMPARE_WITH_TIMEOUT(cafeSession->liveness(), ConsoleSession::Liveness::Live, Wait);
    QCOMPARE(cafeSession->identity().cafeId, QStringLiteral("c2"));
    QCOMPARE(cafeSession->identity().role, QStringLiteral("admin"));
    QTRY_COMPARE_WITH_TIMEOUT(cafeSession->orders()->rowCount(), 3, Wait);
    // That console is c2's, not the chain's: no Chain tab there.
    QSignalSpy answered(cafe->chainView(), &ChainView::answered);
    cafe->chainView()->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(answered.size() >= 1, Wait);
    QVERIFY(!chainTabVisible(*cafe));
    // The owner's console is still the owner's, on c1.
    QCOMPARE(console.session.identity().cafeId, QStringLiteral("c1"));
    // Closing the window ends that console, its session with it.
    QPointer<ConsoleSession> gone = cafeSession;
    QVERIFY(cafe->close());
    QTRY_VERIFY(consoles.windows().isEmpty());
    QTRY_VERIFY(gone.isNull());
}

void tst_ChainView::hiddenForOthersAndFollowsTheGrant()
{
    LiveHub hub(false);
    addCafes(hub.dir.path());
    QVERIFY(setChainOwner(hub.dir.path(), "c1", "A1", true).ok());
    QVERIFY(hub.start());

    // A manager of the owner's own cafe: no tab (and the view never asks for a manager).
    {
        Console manager;
        QVERIFY(signIn(manager, hub, "c1", "M1", "4321"));
        manager.window.chainView()->refresh();
        QVERIFY(!chainTabVisible(manager.window));
        QVERIFY(!manager.window.showView("chain"));
    }
    // An admin of another cafe without the grant: the hub refuses, the tab stays hidden.
    Console admin;
    QVERIFY(signIn(admin, hub, "c2", "A2", "6262"));
    ChainView *view = admin.window.chainView();
    QSignalSpy answered(view, &ChainView::answered);
    view->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(answered.size() >= 1, Wait);
    QVERIFY(!view->isChainOwner());
    QVERIFY(!chainTabVisible(admin.window));
    QVERIFY(!admin.window.showView("chain"));
    QCOMPARE(view->model()->rowCount(), 0);

    // The hub's operator grants it while the console runs: the next refresh shows the tab.
    QVERIFY(setChainOwner(hub.dir.path(), "c2", "A2", true).ok());
    answered.clear();
    view->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(chainTabVisible(admin.window), Wait);
    QCOMPARE(view->model()->rowCount(), 4);
    // And revokes it: hidden again, the figures gone.
    QVERIFY(setChainOwner(hub.dir.path(), "c2", "A2", false).ok());
    view->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(!chainTabVisible(admin.window), Wait);
    QCOMPARE(view->model()->rowCount(), 0);
}

QTEST_MAIN(tst_ChainView)
#include "tst_chainview.moc"
