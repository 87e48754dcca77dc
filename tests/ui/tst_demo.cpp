// The first minutes of `tabletap --demo`, as a newcomer sees them: the embedded hub with the
// simulator on a fast demo speed, started in the middle of the day, and the console signed in to
// it as main() does. Every time the console shows is the demo's simulated time (dashboard buckets
// and axes, queue ages, the "Since" column, staff hours ticking between events, average prep in
// simulated minutes), the morning so far is there, and toasts never cover a row or a chart.
// Everything asserted is derived from the simulated clock, never from how long the test took.
#include "uitesthelpers.h"

#include "consolesettings.h"
#include "dashboardview.h"
#include "embeddedhub.h"
#include "hubsession.h"
#include "languagemanager.h"
#include "mainwindow.h"
#include "orderqueueview.h"
#include "simulatedclock.h"
#include "statusstrip.h"
#include "toaststack.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QEventLoop>
#include <QLabel>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>

using namespace TableTap;
using namespace TableTap::TestUi;

namespace {
constexpr int Wait = 30000;
constexpr double Speed = 60; // a simulated minute per real second
constexpr qint64 MinuteMs = 60000;

// A start time of day at least 90 simulated minutes away from the wall clock (so a view that
// showed the wall clock could not pass for the demo's), after the morning rush.
QTime demoStart()
{
    const QTime wall = QTime::currentTime();
    return wall >= QTime(10, 0) && wall < QTime(14, 30) ? QTime(16, 0) : QTime(12, 0);
}

struct Demo
{
    QTemporaryDir data;
    QTime start = demoStart();
    qint64 startMs = QDateTime(QDate::currentDate(), start).toMSecsSinceEpoch();
    std::unique_ptr<EmbeddedHub> hub;
    HubSession session;
    ConsoleSettings settings;
    std::unique_ptr<MainWindow> window;

    // As `tabletap --demo --demo-start HH:MM --demo-speed 60` wires it.
    bool open(QString *error)
    {
        EmbeddedHub::Options options;
        options.dataDir = data.path();
        options.speed = Speed;
        options.start = start;
        hub = std::make_unique<EmbeddedHub>(options);
        hub->shareClockWith(&session);
        if (!hub->startHub(error))
            return false;
        window = std::make_unique<MainWindow>(&session, &settings);
        window->setHubControl(hub.get());
        window->resize(1400, 900);
        window->show();
        if (!QTest::qWaitForWindowExposed(window.get()))
            return false;
        const QString token = hub->managerToken(error);
        if (token.isEmpty())
            return false;
        QSet<QString> loaded;
        QObject::connect(&session, &ConsoleSession::resynced, window.get(),
                         [&loaded](const QString &nsp) { loaded.insert(nsp); });
        // Signed in once the morning is written, as main() does; waited for in an event loop
        // (the morning is many round trips between the simulator's devices and the hub).
        QEventLoop morning;
        bool ready = false;
        hub->whenReady(&morning, [&] {
            ready = true;
            morning.quit();
        });
        if (!ready) {
            QTimer::singleShot(4 * Wait, &morning, &QEventLoop::quit);
            morning.exec();
        }
        if (!ready) {
            *error = QStringLiteral("the demo's morning was not written in time");
            return false;
        }
        session.connectWithToken(hub->url(), token);
        return QTest::qWaitFor(
            [&] {
                return session.liveness() == ConsoleSession::Liveness::Live
                       && loaded.contains("/orders") && loaded.contains("/payments")
                       && loaded.contains("/employees") && loaded.contains("/inventory");
            },
            Wait);
    }
    qint64 now() const { return session.clock()->nowMs(); }
};

QRect inWindow(const QWidget *w, const QRect &r, const QWidget *window)
{
    return QRect(w->mapTo(window, r.topLeft()), r.size());
}
} // namespace

class tst_Demo : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void everyViewReadsTheDemoClock();
    void toastsCoverNoData();

private:
    LanguageManager m_english; // the plural forms, as the console installs them
    Demo m_demo;
};

void tst_Demo::initTestCase()
{
    QVERIFY(m_english.install("en"));
    QString error;
    QVERIFY2(m_demo.open(&error), qPrintable(error));
}

void tst_Demo::everyViewReadsTheDemoClock()
{
    Demo &d = m_demo;
    ConsoleSession &session = d.session;
    MainWindow &window = *d.window;
    QVERIFY(d.hub->clock());
    QVERIFY(session.clock()->isSimulated());
    QCOMPARE(session.clock()->rate(), Speed);

    // One clock: the console's "now" is the hub's, on the demo's day, not the wall clock.
    const qint64 consoleNow = d.now();
    const qint64 hubNow = d.hub->clock()->nowMs();
    QVERIFY(hubNow >= consoleNow && hubNow - consoleNow < 5000);
    QVERIFY(consoleNow >= d.startMs);
    QVERIFY(qAbs(consoleNow - QDateTime::currentMSecsSinceEpoch()) > 60 * MinuteMs);
    QVERIFY(window.statusStrip()->clockText().startsWith("Demo time "));
    QVERIFY(window.statusStrip()->clockText().contains(QString::fromUtf8("×60")));

    // The morning so far was there when the console loaded: orders, payments and clock-ins
    // stamped between opening and the start time.
    // The demo's day is the day it started on (a run across midnight keeps it).
    const QDate day = QDateTime::fromMSecsSinceEpoch(d.startMs).date();
    const qint64 open = QDateTime(day, QTime(7, 0)).toMSecsSinceEpoch();
    int morningOrders = 0;
    for (const Order &o : session.orders()->rows())
        if (o.createdAt.toMSecsSinceEpoch() < d.startMs) {
            QVERIFY(o.createdAt.toMSecsSinceEpoch() >= open);
            ++morningOrders;
        }
    QVERIFY2(morningOrders >= 80, qPrintable(QString::number(morningOrders)));
    int morningPayments = 0;
    for (const PaymentRecord &p : session.payments()->rows())
        morningPayments += p.status == "completed" && p.updatedAt.toMSecsSinceEpoch() < d.startMs;
    QVERIFY(morningPayments >= morningOrders * 3 / 4);

    // Dashboard: buckets from the demo's opening to the demo's now, in simulated time.
    DashboardModel *dash = session.dashboard();
    const auto bucketMs = [dash](int row) {
        return qint64(dash->index(row, 0).data(DashboardModel::BucketStartRole).toDouble());
    };
    const qint64 span = dash->bucketMinutes() * MinuteMs;
    QVERIFY(bucketMs(0) >= open && bucketMs(0) < open + span);
    QTRY_VERIFY_WITH_TIMEOUT(bucketMs(dash->rowCount() - 1) <= d.now()
                                 && bucketMs(dash->rowCount() - 1) + span > d.now(),
                             Wait);
    QVERIFY(dash->totalOrders() >= morningOrders);
    // Prep times are simulated minutes: about a minute or more a drink, never "0.0 min".
    QVERIFY2(dash->averagePrepMinutes() >= 0.5 && dash->averagePrepMinutes() <= 30,
             qPrintable(QString::number(dash->averagePrepMinutes())));

    window.showView(window.tabs()->indexOf(window.dashboardView()));
    DashboardView *view = window.dashboardView();
    // A morning's worth of buckets: the bar charts label the hours of the demo's day, from the
    // first bucket's to the one the demo clock is in.
    const auto hourLabels = [&] {
        QStringList hours;
        for (int r = 0; r < dash->rowCount(); ++r) {
            const QDateTime at = QDateTime::fromMSecsSinceEpoch(bucketMs(r));
            if (at.time().minute() == 0)
                hours << at.toString("HH:mm");
        }
        return hours;
    };
    QTRY_VERIFY_WITH_TIMEOUT(view->bucketLabels() == hourLabels(), Wait);
    QCOMPARE(view->bucketLabels().first(), QString("07:00"));
    QVERIFY(view->bucketLabels().size() >= 5);
    QVERIFY(view->bucketLabels().contains(d.start.toString("HH:mm")));
    const auto [axisFrom, axisTo] = view->timeAxisRange();
    // Whole hours on the demo's day, from the first bucket's hour to past the demo's now.
    QCOMPARE(axisFrom, QDateTime(day, QTime(7, 0)));
    QVERIFY(axisTo.toMSecsSinceEpoch() >= d.now() - span);
    QVERIFY(axisTo.toMSecsSinceEpoch() <= d.now() + 3 * 3600000);
    QCOMPARE(axisTo.time().minute(), 0);
    const QString prep = view->headline("prep");
    QVERIFY2(!prep.startsWith("0.0") && !prep.startsWith("0,0"), qPrintable(prep));

    // Queue: every open order's age is its age on the demo clock.
    // The afternoon has lulls with nothing open: wait (in demo minutes) for an order to come in.
    OrderQueueModel *orders = session.orders();
    const auto anyOpen = [orders] {
        for (int r = 0; r < orders->rowCount(); ++r)
            if (orders->index(r, 0).data(OrderQueueModel::IsOpenRole).toBool())
                return true;
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(anyOpen(), Wait);
    int open_ = 0;
    for (int r = 0; r < orders->rowCount(); ++r) {
        const QModelIndex i = orders->index(r, OrderQueueModel::AgeColumn);
        if (!i.data(OrderQueueModel::IsOpenRole).toBool())
            continue;
        ++open_;
        const qint64 age = i.data(OrderQueueModel::AgeSecondsRole).toLongLong();
        const qint64 expected
            = i.data(OrderQueueModel::CreatedAtRole).toDateTime().secsTo(session.clock()->now());
        QVERIFY2(qAbs(age - expected) <= 10,
                 qPrintable(QStringLiteral("%1 %2").arg(age).arg(expected)));
        QVERIFY(age >= 0 && age < 3 * 3600);
    }
    QVERIFY(open_ > 0);

    // Timesheets: "Since" is the clock-in on the demo clock, and the hours of those clocked in
    // keep growing in simulated time between events.
    TimesheetModel *sheets = session.timesheets();
    int in = 0;
    for (int r = 0; r < sheets->rowCount(); ++r) {
        if (!sheets->index(r, 0).data(TimesheetModel::ClockedInRole).toBool())
            continue;
        ++in;
        const QTime since = QTime::fromString(
            sheets->index(r, TimesheetModel::SinceColumn).data().toString(), "HH:mm");
        QVERIFY(since.isValid());
        QVERIFY(since >= QTime(5, 50) && since <= d.start);
    }
    // Three on the early shift (07:00 to about 15:00), two on the late one (11:00 to closing):
    // whichever start time the wall clock allowed, at least the late shift is in.
    QVERIFY2(in >= (d.start < QTime(15, 0) ? 3 : 2), qPrintable(QString::number(in)));
    const auto hoursOf = [sheets](int row) {
        return sheets->index(row, TimesheetModel::HoursColumn).data().toDouble();
    };
    int firstIn = 0;
    while (!sheets->index(firstIn, 0).data(TimesheetModel::ClockedInRole).toBool())
        ++firstIn;
    const QString who = sheets->index(firstIn, 0).data(TimesheetModel::UserIdRole).toString();
    const double hours1 = hoursOf(firstIn);
    const qint64 at1 = d.now();
    QSignalSpy ticks(sheets, &QAbstractItemModel::dataChanged);
    QTRY_VERIFY_WITH_TIMEOUT(d.now() >= at1 + 12 * MinuteMs && ticks.size() > 0, Wait);
    const qint64 at2 = d.now();
    const double hours2 = hoursOf(firstIn);
    if (sheets->index(firstIn, 0).data(TimesheetModel::UserIdRole).toString() == who
        && sheets->index(firstIn, 0).data(TimesheetModel::ClockedInRole).toBool()) {
        const double expected = double(at2 - at1) / 3600000.0;
        QVERIFY2(qAbs((hours2 - hours1) - expected) < 0.03,
                 qPrintable(
                     QStringLiteral("%1 -> %2, clock %3 h").arg(hours1).arg(hours2).arg(expected)));
    }
}

void tst_Demo::toastsCoverNoData()
{
    Demo &d = m_demo;
    MainWindow &window = *d.window;
    ConsoleSession &session = d.session;
    ToastStack *toasts = window.toasts();
    QCOMPARE(d.settings.maxToasts(), 3);
    // Many events of every kind, on top of the demo's own orders getting ready.
    for (int i = 1; i <= 12; ++i)
        Q_EMIT session.orderReady(QStringLiteral("ORD-T%1").arg(i), "Tess", "Counter 1");
    Q_EMIT session.paymentFailed("ORD-T1", "Card declined", true);
    Q_EMIT session.paymentFailed("ORD-T2", "Card declined", false);
    Q_EMIT session.stockAlertRaised(outOfStock("ing-test", "Test Beans"));
    QCOMPARE(toasts->count(), 3); // the cap
    // Folded, not stacked: each kind is one toast that counts its news.
    const QString all = toasts->texts().join(" | ");
    QVERIFY2(all.contains(" orders ready: ") && all.contains("ORD-T12"), qPrintable(all));
    QVERIFY2(all.contains(" payments failed: ") && all.contains("ORD-T2"), qPrintable(all));
    QVERIFY2(all.contains("Test Beans"), qPrintable(all));

    for (QWidget *page : {static_cast<QWidget *>(window.queueView()),
                          static_cast<QWidget *>(window.dashboardView())}) {
        window.showView(window.tabs()->indexOf(page));
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTest::qWait(1200); // the demo goes on: toasts come and go while the view is shown
        for (int i = 20; i < 24; ++i)
            Q_EMIT session.orderReady(QStringLiteral("ORD-T%1").arg(i), "Tess", "Counter 2");
        QCoreApplication::processEvents();
        QVERIFY(toasts->count() >= 1 && toasts->count() <= 3);
        QVERIFY(toasts->toastWidgets().size() == toasts->count());
        const QRect pageRect = inWindow(page, page->rect(), &window);
        QList<QRect> data;
        if (page == window.queueView()) {
            // All of today's orders: the table is full, rows down to its bottom edge.
            auto *scope = window.queueView()->findChild<QComboBox *>("scope");
            scope->setCurrentIndex(scope->count() - 1);
            QCoreApplication::processEvents();
            QTableView *table = window.queueView()->table();
            const QRect viewport = table->viewport()->rect();
            for (int r = 0; r < table->model()->rowCount(); ++r) {
                QRect row = table->visualRect(table->model()->index(r, 0));
                row.setLeft(0);
                row.setRight(viewport.right());
                if (row.intersects(viewport))
                    data << inWindow(table->viewport(), row.intersected(viewport), &window);
            }
        } else {
            for (QChartView *chart : page->findChildren<QChartView *>()) {
                const QRect plot = chart->mapFromScene(chart->chart()->plotArea()).boundingRect();
                data << inWindow(chart, plot, &window);
            }
        }
        // Rows to the bottom of the table; all four charts.
        QVERIFY2(data.size() >= 4, qPrintable(QString::number(data.size())));
        if (page == window.queueView())
            QVERIFY(data.last().bottom()
                    >= inWindow(window.queueView()->table()->viewport(),
                                window.queueView()->table()->viewport()->rect(), &window)
                               .bottom()
                           - 60);
        for (QWidget *toast : toasts->toastWidgets()) {
            QVERIFY(toast->isVisible());
            const QRect t = inWindow(toast, toast->rect(), &window);
            QVERIFY(!t.intersects(pageRect));
            for (const QRect &r : std::as_const(data))
                QVERIFY2(!t.intersects(r), qPrintable(QStringLiteral("toast %1,%2 %3x%4 over data")
                                                          .arg(t.x())
                                                          .arg(t.y())
                                                          .arg(t.width())
                                                          .arg(t.height())));
        }
        // The newest news of a kind is one toast that counts them.
        QVERIFY(toasts->texts().first().contains(" orders ready: "));
        QVERIFY(toasts->texts().first().contains("ORD-T23"));
    }
}

TT_UI_TEST_MAIN(tst_Demo)
#include "tst_demo.moc"
