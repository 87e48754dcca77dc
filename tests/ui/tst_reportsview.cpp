// The Reports view and the dashboard's comparison against a real hub (HubServer on 127.0.0.1,
// port 0) on a ManualClock: orders, payments, prep times and a shift are made on three business
// dates (the same weekday last week, yesterday, today) through the hub's own commands with the
// clock set to each day, then a manager's console runs the day, service and staff reports. The
// view must show every cell the hub sent (its raw value beside the text), the hub's totals, a
// range, a hostile product name as plain text, an empty day and a refusal; CSV and PDF exports
// are read back (pdftotext); the print preview opens and closes; an employee never sees the
// view; the dashboard shows yesterday's and last week's figures as the hub's day reports have
// them.
#include "livehubfixture.h"

#include "dashboardview.h"
#include "manualclock.h"
#include "plaintextdelegate.h"
#include "reportfile.h"
#include "reportsview.h"

#include <QChartView>
#include <QLabel>
#include <QPrintPreviewDialog>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTimeZone>

using namespace TableTap;
using namespace TableTap::TestUi;

namespace {

const QString Hostile = QStringLiteral("<b>Bold</b> Brew <img src=/dev/zero>");
const HubActor Boss{"test", "Test", HubRole::Manager, "c1"};

qint64 at(const QDate &day, int hour, int minute = 0)
{
    return QDateTime(day, QTime(hour, minute), QTimeZone::utc()).toMSecsSinceEpoch();
}

QJsonObject section(const QJsonObject &report, const QString &id)
{
    for (const QJsonValue &s : report.value("sections").toArray())
        if (s.toObject().value("id").toString() == id)
            return s.toObject();
    return {};
}

// A cell of a section's first row (or total) by column key.
QJsonValue cell(const QJsonObject &report, const QString &id, const QString &key,
                bool total = false)
{
    const QJsonObject s = section(report, id);
    const QJsonArray columns = s.value("columns").toArray();
    const QJsonArray row
        = total ? s.value("total").toArray() : s.value("rows").toArray().at(0).toArray();
    for (int c = 0; c < columns.size(); ++c)
        if (columns.at(c).toObject().value("key").toString() == key)
            return row.at(c);
    return QJsonValue::Undefined;
}

// RFC 4180 fields of a CSV text, line by line.
QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            row << field;
            field.clear();
        } else if (c == u'\n' || c == u'\r') {
            if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n')
                ++i;
            row << field;
            field.clear();
            rows << row;
            row.clear();
        } else {
            field += c;
        }
    }
    if (!field.isEmpty() || !row.isEmpty())
        rows << (row << field);
    return rows;
}

// The hub of these tests: three business dates of a cafe's life on a ManualClock.
class ReportsHub
{
public:
    ReportsHub()
        : clock(at(lastWeek(), 8))
    {
        HubServer::Options o;
        o.clock = &clock;
        if (!hub.start(o))
            qFatal("hub did not start: %s", qPrintable(hub.server->errorString()));
        CommandResult hostile = run("/orders", "save_product",
                                    {{"name", Hostile}, {"category", "Coffee"}, {"price", 3.5}});
        if (!hostile.ok())
            qFatal("save_product: %s", QJsonDocument(hostile.ack).toJson().constData());
        // Last week: two sold and made, one cancelled.
        sell(at(lastWeek(), 9), "Latte", 3);
        sell(at(lastWeek(), 10), "Espresso", 5);
        cancel(at(lastWeek(), 11), "Latte");
        // Yesterday: three sold, one of them slow.
        clock.setNow(at(yesterday(), 9));
        sell(at(yesterday(), 9), "Latte", 2);
        sell(at(yesterday(), 9, 30), "Cappuccino", 4);
        sell(at(yesterday(), 12), "Latte", 11);
        // Today: four sold (the hostile product among them), one cancelled, one shift.
        clock.setNow(at(today(), 7));
        const HubActor eve = staff("E1");
        run("/employees", "clock_in", {}, eve);
        sell(at(today(), 8), "Latte", 2);
        sell(at(today(), 8, 20), Hostile, 3);
        sell(at(today(), 9), "Espresso", 1);
        sell(at(today(), 10), "Cappuccino", 6);
        cancel(at(today(), 10, 30), "Espresso");
        clock.setNow(at(today(), 15));
        run("/employees", "clock_out", {{"break_minutes", 30}}, eve);
        clock.setNow(at(today(), 16));
    }

    static QDate today() { return QDateTime::currentDateTimeUtc().date(); }
    static QDate yesterday() { return today().addDays(-1); }
    static QDate lastWeek() { return today().addDays(-7); }

    CommandResult run(const QString &nsp, const QString &command, const QJsonObject &payload,
                      const HubActor &who = Boss)
    {
        return hub.server->service()->execute(who, nsp, command, payload);
    }
    QJsonObject report(const QString &kind, const QDate &from, const QDate &to = {})
    {
        QJsonObject payload{{"report", kind}, {"date", from.toString(Qt::ISODate)}};
        if (to.isValid())
            payload.insert("to", to.toString(Qt::ISODate));
        const CommandResult r = run("/system", "get_report", payload);
        if (!r.ok())
            qWarning("get_report: %s", QJsonDocument(r.ack).toJson().constData());
        return r.data();
    }

    ManualClock clock;
    LiveHub hub;

private:
    QString productId(const QString &name)
    {
        const QJsonObject menu = run("/orders", "list_menu", {}).data();
        for (const QJsonValue &p : menu.value("products").toArray())
            if (p.toObject().value("name").toString() == name)
                return p.toObject().value("id").toString();
        qFatal("no product %s", qPrintable(name));
        return {};
    }
    HubActor staff(const QString &code)
    {
        const QJsonObject list = run("/employees", "list_staff", {}).data();
        for (const QJsonValue &v : list.value("staff").toArray()) {
            const QJsonObject s = v.toObject();
            if (s.value("employee_id").toString() == code)
                return {s.value("user_id").toString(), s.value("name").toString(),
                        HubRole::Employee, "c1"};
        }
        qFatal("no staff member %s", qPrintable(code));
        return {};
    }
    QString place(qint64 when, const QString &product)
    {
        clock.setNow(when);
        const CommandResult r
            = run("/orders", "create_order",
                  {{"customer_name", "Guest"},
                   {"items",
                    QJsonArray{QJsonObject{{"product_id", productId(product)}, {"quantity", 1}}}}});
        if (!r.ok())
            qFatal("create_order: %s", QJsonDocument(r.ack).toJson().constData());
        return r.data().value("order").toObject().value("id").toString();
    }
    void status(const QString &order, const char *to)
    {
        const CommandResult r = run("/orders", "update_order_status",
                                    {{"order_id", order}, {"status", QString::fromLatin1(to)}});
        if (!r.ok())
            qFatal("update_order_status: %s", QJsonDocument(r.ack).toJson().constData());
    }
    // An order paid in cash, made in prepMinutes and handed over.
    void sell(qint64 when, const QString &product, int prepMinutes)
    {
        const QString order = place(when, product);
        const CommandResult started
            = run("/payments", "start_payment", {{"order_id", order}, {"method", "cash"}});
        const QString txn
            = started.data().value("payment").toObject().value("transaction_id").toString();
        if (!run("/payments", "confirm_payment", {{"transaction_id", txn}}).ok())
            qFatal("confirm_payment failed");
        status(order, "preparing");
        clock.advance(qint64(prepMinutes) * 60000);
        status(order, "ready");
        clock.advance(60000);
        status(order, "completed");
    }
    void cancel(qint64 when, const QString &product)
    {
        const QString order = place(when, product);
        if (!run("/orders", "cancel_order", {{"order_id", order}, {"reason", "customer left"}})
                 .ok())
            qFatal("cancel_order failed");
    }
};

// A console signed in to the hub (a manager unless told), its clock the hub's.
struct HubConsole : Console
{
    explicit HubConsole(ReportsHub &h, const QString &code = "M1", const QString &pin = "4321")
    {
        ManualClock *c = &h.clock;
        session.clock()->setSource([c] { return c->nowMs(); });
        signedIn = signIn(h.hub, code, pin);
    }
    ReportsView *reports() const { return window.reportsView(); }
    bool signedIn = false;
};

// Runs the view's report and waits for its answer.
bool runReport(ReportsView *view, ReportsView::Kind kind, const QDate &from, const QDate &to)
{
    view->setKind(kind);
    view->setRange(from, to);
    QSignalSpy done(view, &ReportsView::finished);
    view->run();
    return done.count() > 0 || done.wait(Wait);
}

// Every cell the hub sent is in the view's table, in its place, the total row bold.
void compareTables(ReportsView *view, const QJsonObject &report)
{
    for (const QJsonValue &v : report.value("sections").toArray()) {
        const QJsonObject s = v.toObject();
        const QString id = s.value("id").toString();
        const QJsonArray rows = s.value("rows").toArray();
        if (rows.isEmpty())
            continue;
        QTableView *table = view->sectionTable(id);
        QVERIFY2(table, qPrintable(id));
        QAbstractItemModel *m = table->model();
        const bool total = s.value("total").isArray();
        QCOMPARE(m->rowCount(), rows.size() + (total ? 1 : 0));
        QCOMPARE(m->columnCount(), s.value("columns").toArray().size());
        for (int r = 0; r < m->rowCount(); ++r) {
            const QJsonArray row
                = r < rows.size() ? rows.at(r).toArray() : s.value("total").toArray();
            for (int c = 0; c < m->columnCount(); ++c) {
                QCOMPARE(m->index(r, c).data(ReportsView::RawRole).value<QJsonValue>(), row.at(c));
                if (!row.at(c).isNull())
                    QVERIFY2(!m->index(r, c).data().toString().isEmpty(),
                             qPrintable(id + QString(" %1,%2").arg(r).arg(c)));
            }
        }
        if (total)
            QVERIFY(m->index(m->rowCount() - 1, 0).data(Qt::FontRole).value<QFont>().bold());
    }
}

} // namespace

class tst_ReportsView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void dayReportShowsTheHubsTotals();
    void serviceAndStaffReports();
    void rangeEmptyDayAndRefusal();
    void hostileProductNameIsPlainText();
    void csvAndPdfExports();
    void printPreviewOpensAndCloses();
    void employeeNeverSeesReports();
    void dashboardComparesWithYesterdayAndLastWeek();

private:
    std::unique_ptr<ReportsHub> m_hub;
};

void tst_ReportsView::initTestCase()
{
    // Money and numbers as an English (US) console shows them.
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    m_hub = std::make_unique<ReportsHub>();
}

void tst_ReportsView::dayReportShowsTheHubsTotals()
{
    HubConsole console(*m_hub);
    QVERIFY(console.signedIn);
    // Opened on a live link, the view runs today's day report by itself.
    QVERIFY(console.window.showView("reports"));
    ReportsView *view = console.reports();
    QTRY_COMPARE_WITH_TIMEOUT(view->state(), ReportsView::State::Shown, Wait);
    QCOMPARE(view->kind(), ReportsView::Kind::Day);
    QCOMPARE(view->from(), ReportsHub::today());
    const QJsonObject hub = m_hub->report("day", ReportsHub::today());
    QCOMPARE(view->report(), hub);
    compareTables(view, hub);
    // The hub's figures: four sold and one cancelled today.
    QCOMPARE(cell(hub, "summary", "orders").toInt(), 5);
    QCOMPARE(cell(hub, "summary", "cancelled").toInt(), 1);
    QTableView *summary = view->sectionTable("summary");
    QVERIFY(summary);
    const QJsonArray columns = section(hub, "summary").value("columns").toArray();
    for (int c = 0; c < columns.size(); ++c) {
        const QString key = columns.at(c).toObject().value("key").toString();
        const QModelIndex i = summary->model()->index(0, c);
        if (key == "orders")
            QCOMPARE(i.data().toString(), QString("5"));
        if (columns.at(c).toObject().value("type").toString() == "money") {
            const double cents = cell(hub, "summary", key).toDouble();
            QCOMPARE(i.data().toString(), QLocale().toCurrencyString(cents / 100.0, "$", 2));
            QCOMPARE(i.data(Qt::TextAlignmentRole).toInt() & Qt::AlignRight, int(Qt::AlignRight));
        }
    }
    // Revenue by hour and payments by method are drawn.
    QVERIFY(view->chart("by_hour"));
    QVERIFY(view->chart("payments"));
    // A widget added to a shown layout is shown by a queued call: wait for it.
    QTRY_VERIFY_WITH_TIMEOUT(view->chart("by_hour")->isVisible(), Wait);
}

void tst_ReportsView::serviceAndStaffReports()
{
    HubConsole console(*m_hub);
    QVERIFY(console.signedIn);
    QVERIFY(console.window.showView("reports"));
    ReportsView *view = console.reports();
    QTRY_VERIFY_WITH_TIMEOUT(view->state() != ReportsView::State::Loading
                                 && view->state() != ReportsView::State::Idle,
                             Wait);

    QVERIFY(runReport(view, ReportsView::Kind::Service, ReportsHub::yesterday(),
                      ReportsHub::yesterday()));
    QCOMPARE(view->state(), ReportsView::State::Shown);
    const QJsonObject service = m_hub->report("service", ReportsHub::yesterday());
    QCOMPARE(view->report(), service);
    compareTables(view, service);
    QVERIFY(view->chart("prep_distribution"));
    // Yesterday's prep times were 2, 4 and 11 minutes: shown in minutes and seconds.
    QVERIFY(!section(service, "prep_distribution").value("rows").toArray().isEmpty());

    QVERIFY(runReport(view, ReportsView::Kind::Staff, ReportsHub::today(), ReportsHub::today()));
    QCOMPARE(view->state(), ReportsView::State::Shown);
    const QJsonObject staff = m_hub->report("staff", ReportsHub::today());
    QCOMPARE(view->report(), staff);
    compareTables(view, staff);
    // Eve's shift: 07:00 to 15:00 with a 30 minute break.
    QTableView *shifts = view->sectionTable("shifts");
    QVERIFY(shifts);
    bool eve = false;
    for (int r = 0; r < shifts->model()->rowCount(); ++r)
        eve = eve || shifts->model()->index(r, 0).data().toString().contains("Eve");
    QVERIFY(eve);
}

void tst_ReportsView::rangeEmptyDayAndRefusal()
{
    HubConsole console(*m_hub);
    QVERIFY(console.signedIn);
    QVERIFY(console.window.showView("reports"));
    ReportsView *view = console.reports();
    QTRY_VERIFY_WITH_TIMEOUT(view->state() != ReportsView::State::Loading
                                 && view->state() != ReportsView::State::Idle,
                             Wait);
    // A range: last week's day to today.
    QVERIFY(runReport(view, ReportsView::Kind::Day, ReportsHub::lastWeek(), ReportsHub::today()));
    QCOMPARE(view->state(), ReportsView::State::Shown);
    const QJsonObject range = m_hub->report("day", ReportsHub::lastWeek(), ReportsHub::today());
    QCOMPARE(view->report(), range);
    QCOMPARE(cell(range, "summary", "orders").toInt(), 3 + 3 + 5);
    compareTables(view, range);
    // The quick picks count from the hub's business date.
    view->pick(ReportsView::Period::LastWeek);
    QCOMPARE(view->to().addDays(-6), view->from());
    QVERIFY(view->to() < ReportsHub::today());
    view->pick(ReportsView::Period::Yesterday);
    QCOMPARE(view->from(), ReportsHub::yesterday());

    // A day without anything: said so, no tables.
    const QDate quiet = ReportsHub::today().addDays(-3);
    QVERIFY(runReport(view, ReportsView::Kind::Day, quiet, quiet));
    QCOMPARE(view->state(), ReportsView::State::Empty);
    QVERIFY(view->stateText().startsWith("Nothing happened on"));
    QVERIFY(!view->sectionTable("summary"));

    // The hub refuses a range over 92 days: its message is shown.
    QVERIFY(runReport(view, ReportsView::Kind::Day, ReportsHub::today().addDays(-200),
                      ReportsHub::today()));
    QCOMPARE(view->state(), ReportsView::State::Failed);
    QVERIFY2(view->stateText().startsWith("The hub could not make this report: "),
             qPrintable(view->stateText()));
    QVERIFY(view->stateText().size() > QString("The hub could not make this report: ").size());
    QVERIFY(!console.window.findChild<QPushButton *>("exportCsv")->isEnabled());
}

void tst_ReportsView::hostileProductNameIsPlainText()
{
    HubConsole console(*m_hub);
    QVERIFY(console.signedIn);
    QVERIFY(console.window.showView("reports"));
    ReportsView *view = console.reports();
    QVERIFY(runReport(view, ReportsView::Kind::Day, ReportsHub::today(), ReportsHub::today()));
    QTableView *mix = view->sectionTable("product_mix");
    QVERIFY(mix);
    QVERIFY(qobject_cast<PlainTextDelegate *>(mix->itemDelegate()));
    bool found = false;
    for (int r = 0; r < mix->model()->rowCount(); ++r)
        found = found || mix->model()->index(r, 0).data().toString() == Hostile;
    QVERIFY2(found, "the hostile name is not shown as it is");
    // Every label of the view shows text as text.
    for (QLabel *l : view->findChildren<QLabel *>())
        if (!l->buddy())
            QCOMPARE(l->textFormat(), Qt::PlainText);
}

void tst_ReportsView::csvAndPdfExports()
{
    HubConsole console(*m_hub);
    QVERIFY(console.signedIn);
    QVERIFY(console.window.showView("reports"));
    ReportsView *view = console.reports();
    QVERIFY(runReport(view, ReportsView::Kind::Day, ReportsHub::today(), ReportsHub::today()));
    QCOMPARE(view->state(), ReportsView::State::Shown);
    const QJsonObject report = view->report();
    QTemporaryDir dir;
    QString error;

    // CSV: what ReportFile writes, and read back it has the hub's figures and the hostile name.
    const QString csv = dir.filePath("day.csv");
    QVERIFY2(view->exportCsv(csv, &error), qPrintable(error));
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QCOMPARE(bytes, ReportFile::csv(report));
    const QList<QStringList> rows = parseCsv(QString::fromUtf8(bytes));
    bool hostile = false;
    bool orders = false;
    const QString net = QString::number(cell(report, "summary", "net").toDouble() / 100.0, 'f', 2);
    bool netFound = false;
    for (const QStringList &row : rows) {
        hostile = hostile || row.contains(Hostile);
        orders = orders || (row.size() > 1 && row.contains("5"));
        netFound = netFound || row.contains(net);
    }
    QVERIFY(hostile);
    QVERIFY(orders);
    QVERIFY2(netFound, qPrintable(net));

    // PDF: pdftotext finds the day's net total in it.
    const QString pdf = dir.filePath("day.pdf");
    QVERIFY2(view->exportPdf(pdf, &error), qPrintable(error));
    const QString pdftotext = QStandardPaths::findExecutable("pdftotext");
    QVERIFY2(!pdftotext.isEmpty(), "pdftotext (poppler-utils) is needed");
    QProcess p;
    p.start(pdftotext, {"-layout", pdf, "-"});
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 0);
    const QString text = QString::fromUtf8(p.readAllStandardOutput());
    QVERIFY2(text.contains(net), qPrintable(text.left(2000)));
    QVERIFY(text.contains("Bold"));

    // Refused where nothing can be written.
    QVERIFY(!view->exportCsv(dir.filePath("missing/folder/day.csv"), &error));
    QVERIFY(error.contains("missing"));
}

void tst_ReportsView::printPreviewOpensAndCloses()
{
    HubConsole console(*m_hub);
    QVERIFY(console.signedIn);
    QVERIFY(console.window.showView("reports"));
    ReportsView *view = console.reports();
    QVERIFY(runReport(view, ReportsView::Kind::Day, ReportsHub::today(), ReportsHub::today()));
    QVERIFY(!view->document()->isEmpty());
    QVERIFY(view->document()->toPlainText().contains("Bold"));
    QPointer<QPrintPreviewDialog> preview = view->openPrintPreview();
    QVERIFY(preview);
    QTRY_VERIFY_WITH_TIMEOUT(preview->isVisible(), Wait);
    preview->close();
    QTRY_VERIFY_WITH_TIMEOUT(preview.isNull(), Wait);
}

void tst_ReportsView::employeeNeverSeesReports()
{
    HubConsole console(*m_hub, "E1", "1234");
    QVERIFY(console.signedIn);
    QVERIFY(!console.window.showView("reports"));
    QTabWidget *tabs = console.window.tabs();
    const int index = tabs->indexOf(console.reports());
    QVERIFY(index >= 0);
    QVERIFY(!tabs->isTabVisible(index));
    QVERIFY(!console.reports()->isVisible());
    // Nor the dashboard's comparison, which comes from the same reports.
    QVERIFY(console.window.showView("dashboard"));
    QCOMPARE(console.window.dashboardView()->comparisonState(),
             DashboardView::CompareState::Hidden);
    QVERIFY(console.window.dashboardView()->comparisonNote().isEmpty());
}

void tst_ReportsView::dashboardComparesWithYesterdayAndLastWeek()
{
    HubConsole console(*m_hub);
    QVERIFY(console.signedIn);
    QVERIFY(console.window.showView("dashboard"));
    DashboardView *dash = console.window.dashboardView();
    QTRY_COMPARE_WITH_TIMEOUT(dash->comparisonState(), DashboardView::CompareState::Shown, Wait);
    using D = DashboardView::CompareDay;
    QCOMPARE(dash->comparisonDate(D::Yesterday), ReportsHub::yesterday());
    QCOMPARE(dash->comparisonDate(D::LastWeek), ReportsHub::lastWeek());
    const QJsonObject yesterday = m_hub->report("day", ReportsHub::yesterday());
    const QJsonObject lastWeek = m_hub->report("day", ReportsHub::lastWeek());
    QCOMPARE(dash->comparison("orders", D::Yesterday), QString("3"));
    QCOMPARE(dash->comparison("orders", D::LastWeek), QString("3"));
    QCOMPARE(dash->comparison("cancelled", D::LastWeek), QString("1"));
    QCOMPARE(dash->comparison("cancelled", D::Yesterday), QString("0"));
    for (auto [day, report] :
         {std::pair{D::Yesterday, yesterday}, std::pair{D::LastWeek, lastWeek}}) {
        QCOMPARE(dash->comparison("orders", day),
                 QString::number(cell(report, "summary", "orders").toInt()));
        QCOMPARE(dash->comparison("finished", day),
                 QString::number(cell(report, "summary", "completed").toInt()));
        QCOMPARE(dash->comparison("revenue", day),
                 formatCents(Cents(cell(report, "summary", "paid").toDouble()
                                   - cell(report, "summary", "refunds").toDouble())));
        QVERIFY(cell(report, "summary", "paid").toDouble() > 0);
    }
    // Yesterday's prep times were 2, 4 and 11 minutes.
    const QJsonObject service = m_hub->report("service", ReportsHub::yesterday());
    const double average = cell(service, "service_summary", "wait_average").toDouble();
    QVERIFY(average > 0);
    QCOMPARE(dash->comparison("prep", D::Yesterday),
             QString("%1 min").arg(QLocale().toString(average / 60000.0, 'f', 1)));
    QCOMPARE(dash->comparison("prep", D::Yesterday), QString("5.7 min"));
    // Shown in the headline, with the note naming the days.
    QVERIFY(dash->comparisonNote().startsWith("Compared with yesterday"));
    auto *orders = dash->findChild<QLabel *>("headline_orders");
    QVERIFY(orders->text().contains("yesterday 3"));
}

TT_UI_TEST_MAIN(tst_ReportsView)
#include "tst_reportsview.moc"
