// The ready board window against a real hub with two consoles: the board on one console follows
// what the other console does (a new order under Preparing, marked ready: Ready for pickup and
// highlighted, picked up: gone), names stay plain text, type grows with the window, and the
// call-out speaks (or rings) only when it is on and only for orders that become ready.
#include "livehubfixture.h"
#include "readyboardwindow.h"

#include <QCheckBox>
#include <QLabel>

using namespace TableTap;
using namespace TableTap::TestUi;

class tst_ReadyBoard : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void ticketsAndFirstNames_data();
    void ticketsAndFirstNames();
    void followsAnotherConsole();
};

void tst_ReadyBoard::ticketsAndFirstNames_data()
{
    QTest::addColumn<QString>("number");
    QTest::addColumn<QString>("ticket");
    QTest::newRow("hub") << "ORD20261207042"
                         << "42";
    QTest::newRow("hub, first") << "ORD20261207001"
                                << "1";
    QTest::newRow("hub, over 999") << "ORD202612071234"
                                   << "1234";
    QTest::newRow("another server's") << "A-17"
                                      << "A-17";
    QTest::newRow("date only") << "ORD20261207"
                               << "ORD20261207";
}

void tst_ReadyBoard::ticketsAndFirstNames()
{
    QFETCH(QString, number);
    QFETCH(QString, ticket);
    QCOMPARE(ReadyBoardWindow::ticketOf(number), ticket);
    QCOMPARE(ReadyBoardWindow::firstNameOf("  Anna   Maria Schmidt "), QString("Anna"));
    QCOMPARE(ReadyBoardWindow::firstNameOf("<b>Ben</b>"), QString("<b>Ben</b>"));
    QCOMPARE(ReadyBoardWindow::firstNameOf(""), QString());
}

void tst_ReadyBoard::followsAnotherConsole()
{
    LiveHub hub;
    QVERIFY(hub.start());
    // Two consoles on one hub: the front one shows the board, the counter's works the orders.
    Console front;
    QVERIFY(front.signIn(hub, "M1", "4321"));
    auto counterConsole = std::make_unique<Console>();
    Console &counter = *counterConsole;
    QVERIFY(counter.signIn(hub, "E1", "1234"));

    // Opened from the View menu, as a window of its own.
    QAction *open = nullptr;
    for (QAction *a : front.window.findChildren<QAction *>())
        if (a->text() == "Ready &board")
            open = a;
    QVERIFY(open);
    QCOMPARE(open->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B));
    open->trigger();
    ReadyBoardWindow *board = front.window.readyBoard();
    QVERIFY(board);
    QVERIFY(board->isWindow());
    QVERIFY(QTest::qWaitForWindowExposed(board));
    QCOMPARE(board->windowTitle(), QString("Ready board"));
    QVERIFY(board->preparingTexts().isEmpty());
    QVERIFY(!board->isCallOutOn()); // off until someone turns it on
    QStringList calls;
    connect(board, &ReadyBoardWindow::calledOut, this, [&](const QString &t) { calls << t; });

    // The other console takes orders: they appear under Preparing, oldest first.
    const QString anna = createOrder(counter.session, "Anna Schmidt");
    const QString ben = createOrder(counter.session, "<b>Ben</b> <img src=/dev/zero>");
    QVERIFY(!anna.isEmpty() && !ben.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(board->preparingTexts(), (QStringList{"1 Anna", "2 <b>Ben</b>"}),
                              Wait);
    QVERIFY(board->readyTexts().isEmpty());
    QCOMPARE(board->newestReady(), QString());
    // Every label of the board shows its text as typed.
    for (QLabel *label : board->findChildren<QLabel *>())
        QCOMPARE(label->textFormat(), Qt::PlainText);
    bool sawBen = false;
    for (QLabel *label : board->findChildren<QLabel *>("name"))
        sawBen = sawBen || (label->isVisibleTo(board) && label->text() == "<b>Ben</b>");
    QVERIFY(sawBen);

    // Marked ready at the other console: Ready for pickup, highlighted; no call-out while off.
    counter.session.advanceOrder(anna);
    QTRY_COMPARE_WITH_TIMEOUT(counter.session.orders()->order(anna)->status, OrderStatus::Preparing,
                              Wait);
    counter.session.advanceOrder(anna);
    QTRY_COMPARE_WITH_TIMEOUT(board->readyTexts(), QStringList{"1 Anna"}, Wait);
    QCOMPARE(board->newestReady(), QString("1 Anna"));
    QCOMPARE(board->preparingTexts(), QStringList{"2 <b>Ben</b>"});
    QVERIFY(calls.isEmpty());

    // Call-out on: Ben ready next is called out once, and is now the highlighted one on top.
    board->findChild<QCheckBox *>("callOut")->click();
    QVERIFY(board->isCallOutOn());
    counter.session.advanceOrder(ben);
    QTRY_COMPARE_WITH_TIMEOUT(counter.session.orders()->order(ben)->status, OrderStatus::Preparing,
                              Wait);
    QVERIFY(calls.isEmpty()); // preparing is not ready
    counter.session.advanceOrder(ben);
    QTRY_COMPARE_WITH_TIMEOUT(board->readyTexts(), (QStringList{"2 <b>Ben</b>", "1 Anna"}), Wait);
    QCOMPARE(board->newestReady(), QString("2 <b>Ben</b>"));
    QCOMPARE(calls, QStringList{"<b>Ben</b>, order 2 is ready."});
    QVERIFY(board->preparingTexts().isEmpty());

    // Picked up at the other console: off the board, nothing called out.
    counter.session.advanceOrder(anna);
    QTRY_COMPARE_WITH_TIMEOUT(board->readyTexts(), QStringList{"2 <b>Ben</b>"}, Wait);
    QCOMPARE(calls.size(), 1);

    // Type scales with the window: the titles and the names shown.
    QFrame *readyColumn = board->findChild<QFrame *>("readyColumn");
    QLabel *title = readyColumn->findChild<QLabel *>();
    const auto shownName = [&] {
        for (QLabel *l : readyColumn->findChildren<QLabel *>("name"))
            if (l->isVisibleTo(board))
                return l->font().pixelSize();
        return 0;
    };
    board->resize(640, 360);
    QTRY_VERIFY(shownName() > 0);
    const int smallTitle = title->font().pixelSize();
    const int smallEntry = shownName();
    board->resize(1600, 900);
    QTRY_VERIFY(title->font().pixelSize() > smallTitle);
    QTRY_VERIFY(shownName() > smallEntry);
    QCOMPARE(board->readyTexts(), QStringList{"2 <b>Ben</b>"});
    if (!qEnvironmentVariableIsEmpty("TT_BOARD_SCREENSHOT")) {
        for (const QString &name :
             QStringList{"Chloe Martin", "Dmitri Ivanov", "Elif Yilmaz", "Farah Haddad"})
            QVERIFY(!createOrder(counter.session, name).isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(board->preparingTexts().size(), 4, Wait);
        counter.session.advanceOrder(counter.session.orders()->rows().constLast().id);
        QTest::qWait(500);
        board->grab().save(qEnvironmentVariable("TT_BOARD_SCREENSHOT"));
    }

    // Closing the console closes its board.
    front.window.close();
    QTRY_VERIFY(!board->isVisible());
}

QTEST_MAIN(tst_ReadyBoard)
#include "tst_readyboard.moc"
