// The reports against the rows they are computed from: a simulated 600-order day driven through
// the hub's own commands (seeded mixes of products, customizations, tips, card / cash / QR
// payments with declines, QR codes abandoned for cash, cancellations with reasons and their
// refunds, drinks over allowances, shifts with breaks, a correction and an open shift), then
// every section and total of get_report compared with plain SQL over orders, order_items,
// payments, timesheets and drinks. Also a two-day range, an empty date and bad requests.
#include "hubtestfixture.h"
#include "reportbuilder.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>

#include <map>

using namespace TableTap;
using namespace TableTap::Test;

namespace {

// The business day the simulation runs: Berlin (UTC+1 in January), the day starting at 04:00.
const QString kDay = QStringLiteral("2024-01-01");
const QString kNextDay = QStringLiteral("2024-01-02");
const QStringList kReasons{QStringLiteral("Customer left"), QStringLiteral("Wrong order"),
                           QStringLiteral("Out of oat milk"), QStringLiteral("=HYPERLINK(\"x\")")};

QJsonArray rowsOf(const QJsonObject &report, const QString &id)
{
    for (const QJsonValue s : report.value(u"sections").toArray()) {
        if (s.toObject().value(u"id").toString() == id)
            return s.toObject().value(u"rows").toArray();
    }
    return {};
}

QJsonObject sectionOf(const QJsonObject &report, const QString &id)
{
    for (const QJsonValue s : report.value(u"sections").toArray()) {
        if (s.toObject().value(u"id").toString() == id)
            return s.toObject();
    }
    return {};
}

// A row as {column key: value}, for readable comparisons.
QJsonObject named(const QJsonObject &section, const QJsonArray &row)
{
    QJsonObject o;
    const QJsonArray columns = section.value(u"columns").toArray();
    for (int i = 0; i < columns.size(); ++i)
        o.insert(columns.at(i).toObject().value(u"key").toString(), row.at(i));
    return o;
}

QJsonObject firstRow(const QJsonObject &report, const QString &id)
{
    const QJsonObject s = sectionOf(report, id);
    return named(s, s.value(u"rows").toArray().first().toArray());
}

QJsonObject totalOf(const QJsonObject &report, const QString &id)
{
    const QJsonObject s = sectionOf(report, id);
    return named(s, s.value(u"total").toArray());
}

// Rows keyed by their first column.
std::map<QString, QJsonObject> byFirst(const QJsonObject &report, const QString &id)
{
    std::map<QString, QJsonObject> out;
    const QJsonObject s = sectionOf(report, id);
    for (const QJsonValue r : s.value(u"rows").toArray())
        out[r.toArray().first().toString()] = named(s, r.toArray());
    return out;
}

qint64 num(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toInteger();
}

} // namespace

class TestReports : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void everyColumnIsTyped();
    void daySummaryMatchesTheRows();
    void dayBucketsMatchTheRows();
    void dayMixAndPaymentsMatchTheRows();
    void refundsVoidsCancellationsAndDrinks();
    void serviceMatchesTheRows();
    void staffMatchesTheTimesheets();
    void twoDayRange();
    void emptyDate();
    void badRequestsNameTheField_data();
    void badRequestsNameTheField();
    void employeesAreRefused();

private:
    QJsonObject report(const QString &kind, const QString &date, const QString &to = {});
    QSqlQuery sql(const QString &query, const QVariantList &binds = {});
    qint64 sqlNumber(const QString &query, const QVariantList &binds = {});
    void simulateDay();
    CommandResult must(const CommandResult &r, const char *what);

    std::unique_ptr<HubFixture> m_f;
    QStringList m_failures;
    QJsonObject m_day, m_service, m_staff;
};

CommandResult TestReports::must(const CommandResult &r, const char *what)
{
    if (!r.ok() && m_failures.size() < 20)
        m_failures.append(QString::fromLatin1(what) + u": " + dump(r.ack));
    return r;
}

QSqlQuery TestReports::sql(const QString &query, const QVariantList &binds)
{
    return m_f->hub->cafe(QStringLiteral("cafe1"))->connection().exec(query, binds);
}

qint64 TestReports::sqlNumber(const QString &query, const QVariantList &binds)
{
    QSqlQuery q = sql(query, binds);
    return q.next() ? q.value(0).toLongLong() : -1;
}

QJsonObject TestReports::report(const QString &kind, const QString &date, const QString &to)
{
    QJsonObject payload{{QStringLiteral("report"), kind}, {QStringLiteral("date"), date}};
    if (!to.isEmpty())
        payload.insert(QStringLiteral("to"), to);
    const CommandResult r = m_f->run(m_f->manager(), QStringLiteral("/system"),
                                     QStringLiteral("get_report"), payload);
    if (!r.ok())
        qWarning() << dump(r.ack);
    return r.data();
}

void TestReports::initTestCase()
{
    HubOptions options;
    options.cardDeclineRate = 0.12;
    options.randomSeed = 20261207;
    // The fixture's clock starts at 2024-01-01T08:00:00Z, 09:00 in Berlin.
    m_f = std::make_unique<HubFixture>(QStringList{QStringLiteral("cafe1")}, options);
    simulateDay();
    QVERIFY2(m_failures.isEmpty(), qPrintable(m_failures.join(u'\n')));
    QCOMPARE(
        sqlNumber(QStringLiteral("SELECT COUNT(*) FROM orders WHERE business_date = ?"), {kDay}),
        600);
    QElapsedTimer timer;
    timer.start();
    m_day = report(QStringLiteral("day"), kDay);
    qInfo("day report over 600 orders: %lld ms", timer.restart());
    m_service = report(QStringLiteral("service"), kDay);
    qInfo("service report: %lld ms", timer.restart());
    m_staff = report(QStringLiteral("staff"), kDay);
    qInfo("staff report: %lld ms", timer.restart());
    QCOMPARE(m_day.value(u"report").toString(), QStringLiteral("day"));
}

void TestReports::cleanupTestCase()
{
    // scripts/report-samples.sh keeps the simulated day's data folder for docs/samples/.
    const QString keep = qEnvironmentVariable("TT_REPORTS_KEEP_DATA");
    if (m_f && !keep.isEmpty()) {
        m_f->hub.reset(); // closes the databases (checkpointed, no -wal left)
        const QDir from(m_f->dataDir);
        QVERIFY(QDir().mkpath(keep + QStringLiteral("/cafes")));
        for (const QString &file : {QStringLiteral("hub.db"), QStringLiteral("hub.secret"),
                                    QStringLiteral("cafes/cafe1.db")}) {
            QFile::remove(keep + u'/' + file);
            QVERIFY(QFile::copy(from.filePath(file), keep + u'/' + file));
        }
    }
    m_f.reset();
}

void TestReports::simulateDay()
{
    HubFixture &f = *m_f;
    const HubActor manager = f.manager();
    const QString sys = QStringLiteral("/system"), ord = QStringLiteral("/orders"),
                  pay = QStringLiteral("/payments"), emp = QStringLiteral("/employees");
    must(f.run(manager, sys, QStringLiteral("update_settings"),
               {{"timezone", "Europe/Berlin"},
                {"business_day_start", "04:00"},
                {"currency", "EUR"},
                {"tax_rate", 0.08},
                {"drink_allowance_default", 3}}),
         "settings");
    // Enough of everything for 600 orders.
    QSqlQuery skus = sql(QStringLiteral("SELECT sku FROM inventory_items ORDER BY sku"));
    QStringList skuList;
    while (skus.next())
        skuList.append(skus.value(0).toString());
    for (const QString &sku : skuList)
        must(f.run(manager, QStringLiteral("/inventory"), QStringLiteral("adjust_stock"),
                   {{"change_type", "purchase"}, {"sku", sku}, {"quantity", 500000}}),
             "restock");

    struct Product
    {
        QString id;
        QStringList customizations;
    };
    QList<Product> products;
    QSqlQuery pq = sql(QStringLiteral("SELECT id FROM products WHERE retired = 0 ORDER BY name"));
    while (pq.next())
        products.append({pq.value(0).toString(), {}});
    for (Product &p : products) {
        QSqlQuery cq = sql(
            QStringLiteral("SELECT name FROM customizations WHERE product_id = ? ORDER BY name"),
            {p.id});
        while (cq.next())
            p.customizations.append(cq.value(0).toString());
    }

    const QList<HubActor> takers{f.employee(), f.employee2(), manager};
    // Shifts: everyone clocks in at the start (09:00 Berlin).
    for (const HubActor &who : {f.employee(), f.employee2(), manager, f.admin()})
        must(f.run(who, emp, QStringLiteral("clock_in")), "clock in");

    QRandomGenerator random(600);
    std::multimap<qint64, std::function<void()>> agenda;
    QSet<QString> cancelled;
    const auto runDue = [&](qint64 until) {
        while (!agenda.empty() && agenda.begin()->first <= until) {
            auto it = agenda.begin();
            const qint64 at = it->first;
            auto fn = std::move(it->second);
            agenda.erase(it);
            if (at > f.clock.nowMs())
                f.clock.setNow(at);
            fn();
        }
        if (until > f.clock.nowMs())
            f.clock.setNow(until);
    };
    const auto paymentStatus = [&](const QString &txn) {
        QSqlQuery q
            = sql(QStringLiteral("SELECT status FROM payments WHERE transaction_id = ?"), {txn});
        return q.next() ? q.value(0).toString() : QString();
    };
    const auto payCash = [&](const QString &orderId) {
        if (cancelled.contains(orderId))
            return;
        const CommandResult s = must(f.run(f.employee(), pay, QStringLiteral("start_payment"),
                                           {{"order_id", orderId}, {"method", "cash"}}),
                                     "cash start");
        const QString txn
            = s.data().value(u"payment").toObject().value(u"transaction_id").toString();
        const qint64 due
            = qRound64(s.data().value(u"payment").toObject().value(u"amount").toDouble() * 100);
        must(f.run(f.employee(), pay, QStringLiteral("confirm_payment"),
                   {{"transaction_id", txn}, {"amount_received", double((due / 500 + 1) * 5)}}),
             "cash confirm");
    };

    // 600 orders from 09:00 to about 01:30 the next morning (still the business day).
    qint64 t = f.clock.nowMs();
    for (int i = 0; i < 600; ++i) {
        t += 50000 + random.bounded(90000);
        runDue(t);
        QJsonArray items;
        const int lines = 1 + random.bounded(3);
        for (int l = 0; l < lines; ++l) {
            const Product &p = products.at(random.bounded(products.size()));
            QJsonObject item{{"product_id", p.id}, {"quantity", 1 + random.bounded(3)}};
            if (!p.customizations.isEmpty() && random.bounded(3) == 0) {
                QJsonArray c{p.customizations.at(random.bounded(p.customizations.size()))};
                item.insert(QStringLiteral("customizations"), c);
            }
            items.append(item);
        }
        QJsonObject payload{{"customer_name", QStringLiteral("Guest %1").arg(i)}, {"items", items}};
        switch (random.bounded(4)) {
        case 0:
            payload.insert(QStringLiteral("tip_amount"), 0.5 * (1 + random.bounded(4)));
            break;
        case 1:
            payload.insert(QStringLiteral("tip_rate"), 0.15);
            break;
        default:
            break;
        }
        const CommandResult created = must(f.run(takers.at(random.bounded(takers.size())), ord,
                                                 QStringLiteral("create_order"), payload),
                                           "create");
        const QString id = created.data().value(u"order").toObject().value(u"id").toString();
        if (id.isEmpty())
            continue;

        const int fate = random.bounded(100);
        const qint64 payAt = t + 5000 + random.bounded(40000);
        if (fate < 40) {
            agenda.emplace(payAt, [&, id] {
                if (cancelled.contains(id))
                    return;
                const CommandResult s
                    = must(f.run(f.employee(), pay, QStringLiteral("start_payment"),
                                 {{"order_id", id}, {"method", "card"}}),
                           "card start");
                const QString txn
                    = s.data().value(u"payment").toObject().value(u"transaction_id").toString();
                agenda.emplace(f.clock.nowMs() + 2000, [&, id, txn] {
                    if (paymentStatus(txn) == u"failed")
                        payCash(id); // declined: the customer pays cash
                });
            });
        } else if (fate < 70) {
            agenda.emplace(payAt, [&, id] { payCash(id); });
        } else if (fate < 94) {
            const bool abandon = random.bounded(6) == 0;
            agenda.emplace(payAt, [&, id, abandon] {
                if (cancelled.contains(id))
                    return;
                const CommandResult s
                    = must(f.run(f.employee(), pay, QStringLiteral("start_payment"),
                                 {{"order_id", id}, {"method", "qr"}}),
                           "qr start");
                const QString txn
                    = s.data().value(u"payment").toObject().value(u"transaction_id").toString();
                if (abandon)
                    payCash(id); // the QR code is voided by the new payment
                else
                    must(f.run(f.employee(), pay, QStringLiteral("confirm_payment"),
                               {{"transaction_id", txn}}),
                         "qr confirm");
            });
        } // else: never paid

        const qint64 preparingAt = t + 20000 + random.bounded(240000);
        const qint64 readyAt
            = preparingAt + 60000 + random.bounded(random.bounded(5) == 0 ? 900000 : 300000);
        const qint64 completedAt = readyAt + 30000 + random.bounded(200000);
        const auto step = [&, id](const char *status) {
            if (!cancelled.contains(id))
                must(f.run(f.employee(), ord, QStringLiteral("update_order_status"),
                           {{"order_id", id}, {"status", QLatin1String(status)}}),
                     status);
        };
        agenda.emplace(preparingAt, [step] { step("preparing"); });
        agenda.emplace(readyAt, [step] { step("ready"); });
        agenda.emplace(completedAt, [step] { step("completed"); });
        if (random.bounded(100) < 8) {
            // Cancelled while pending, while preparing, or once ready (then refunded if paid).
            const qint64 at
                = random.bounded(3) == 0
                      ? t + 2000
                      : preparingAt + random.bounded(int(completedAt - preparingAt - 1000));
            const QString reason = kReasons.at(random.bounded(kReasons.size()));
            agenda.emplace(at, [&, id, reason] {
                if (must(f.run(manager, ord, QStringLiteral("cancel_order"),
                               {{"order_id", id}, {"reason", reason}}),
                         "cancel")
                        .ok())
                    cancelled.insert(id);
            });
        }
        if (i % 60 == 7) {
            // A staff drink; Jane drinks more than her allowance of 3.
            const HubActor who = i % 120 == 7 ? f.employee2() : f.employee();
            must(f.run(who, emp, QStringLiteral("record_drink"),
                       {{"product_id", products.at(i % products.size()).id},
                        {"quantity", 1 + (i % 2)}}),
                 "drink");
        }
        if (i == 300) {
            // Bob ends his shift with a break and starts again later.
            must(f.run(f.employee2(), emp, QStringLiteral("clock_out"), {{"break_minutes", 30}}),
                 "clock out");
        }
        if (i == 360)
            must(f.run(f.employee2(), emp, QStringLiteral("clock_in")), "clock in again");
    }
    runDue(t + 3600000);
    // Jane and Bob leave; the manager forgot a break and it is corrected; the admin stays in.
    must(f.run(f.employee(), emp, QStringLiteral("clock_out"), {{"break_minutes", 45}}), "out");
    must(f.run(f.employee2(), emp, QStringLiteral("clock_out"), {{"break_minutes", 15}}), "out");
    must(f.run(manager, emp, QStringLiteral("clock_out")), "out");
    const QString managerSheet
        = f.scalar(QStringLiteral("cafe1"),
                   QStringLiteral("SELECT id FROM timesheets WHERE user_id = ?"), manager.userId)
              .toString();
    must(f.run(f.admin(), emp, QStringLiteral("correct_timesheet"),
               {{"timesheet_id", managerSheet},
                {"break_minutes", 40},
                {"reason", "Forgot the lunch break"}}),
         "correct");

    // The next business day (from 04:00 Berlin): a few orders, paid cash, and a shift.
    f.clock.setNow(QDateTime(QDate(2024, 1, 2), QTime(8, 0), Qt::UTC).toMSecsSinceEpoch());
    must(f.run(f.employee(), emp, QStringLiteral("clock_in")), "next day in");
    for (int i = 0; i < 5; ++i) {
        f.clock.advance(600000);
        const CommandResult c
            = must(f.run(f.employee(), ord, QStringLiteral("create_order"),
                         {{"customer_name", "Next"},
                          {"items", QJsonArray{QJsonObject{{"product_id", products.first().id},
                                                           {"quantity", 2}}}}}),
                   "next day order");
        payCash(c.data().value(u"order").toObject().value(u"id").toString());
    }
    f.clock.advance(3600000);
    must(f.run(f.employee(), emp, QStringLiteral("clock_out"), {{"break_minutes", 10}}),
         "next day out");
}

void TestReports::everyColumnIsTyped()
{
    const QStringList types{"text",       "int",  "money", "ms",  "minutes",
                            "centihours", "time", "date",  "bool"};
    for (const QJsonObject &r : {m_day, m_service, m_staff}) {
        QCOMPARE(r.value(u"from").toString(), kDay);
        QCOMPARE(r.value(u"to").toString(), kDay);
        QCOMPARE(r.value(u"currency").toString(), QStringLiteral("EUR"));
        QCOMPARE(r.value(u"cafes").toArray().first().toObject().value(u"id").toString(),
                 QStringLiteral("cafe1"));
        QVERIFY(QDateTime::fromString(r.value(u"generated_at").toString(), Qt::ISODateWithMs)
                    .isValid());
        QVERIFY(!r.value(u"sections").toArray().isEmpty());
        for (const QJsonValue sv : r.value(u"sections").toArray()) {
            const QJsonObject s = sv.toObject();
            const QJsonArray columns = s.value(u"columns").toArray();
            QVERIFY(!s.value(u"id").toString().isEmpty());
            QVERIFY(!s.value(u"title").toString().isEmpty());
            QJsonArray rows = s.value(u"rows").toArray();
            if (s.contains(u"total"))
                rows.append(s.value(u"total"));
            for (const QJsonValue c : columns)
                QVERIFY2(types.contains(c.toObject().value(u"type").toString()),
                         qPrintable(dump(c.toObject())));
            for (const QJsonValue row : rows) {
                QCOMPARE(row.toArray().size(), columns.size());
                for (int i = 1; i < columns.size(); ++i) {
                    const QString type = columns.at(i).toObject().value(u"type").toString();
                    const QJsonValue v = row.toArray().at(i);
                    if (v.isNull())
                        continue;
                    if (type == u"text" || type == u"date")
                        QVERIFY2(v.isString(), qPrintable(s.value(u"id").toString()));
                    else if (type == u"bool")
                        QVERIFY(v.isBool());
                    else
                        QVERIFY2(v.isDouble() && v.toDouble() == double(v.toInteger()),
                                 qPrintable(s.value(u"id").toString()));
                }
            }
        }
    }
}

void TestReports::daySummaryMatchesTheRows()
{
    const QJsonObject s = firstRow(m_day, QStringLiteral("summary"));
    const QVariantList d{kDay};
    const QString live = QStringLiteral(" FROM orders WHERE business_date = ? AND status <> "
                                        "'cancelled'");
    QCOMPARE(num(s, "orders"), 600);
    QCOMPARE(num(s, "completed"),
             sqlNumber(QStringLiteral("SELECT COUNT(*) FROM orders WHERE business_date = ? AND "
                                      "status = 'completed'"),
                       d));
    QCOMPARE(num(s, "cancelled"),
             sqlNumber(QStringLiteral("SELECT COUNT(*) FROM orders WHERE business_date = ? AND "
                                      "status = 'cancelled'"),
                       d));
    QVERIFY(num(s, "cancelled") > 10);
    QCOMPARE(num(s, "open"), 600 - num(s, "completed") - num(s, "cancelled"));
    QCOMPARE(num(s, "items"),
             sqlNumber(QStringLiteral("SELECT SUM(i.quantity) FROM order_items i JOIN orders o "
                                      "ON o.id = i.order_id WHERE o.business_date = ? AND "
                                      "o.status <> 'cancelled'"),
                       d));
    QCOMPARE(num(s, "gross_sales"),
             sqlNumber(QStringLiteral("SELECT SUM(subtotal_cents)") + live, d));
    QCOMPARE(num(s, "tax"), sqlNumber(QStringLiteral("SELECT SUM(tax_cents)") + live, d));
    QCOMPARE(num(s, "tips"), sqlNumber(QStringLiteral("SELECT SUM(tip_cents)") + live, d));
    QVERIFY(num(s, "tips") > 0);
    QCOMPARE(num(s, "total"), sqlNumber(QStringLiteral("SELECT SUM(total_cents)") + live, d));
    QCOMPARE(num(s, "total"), num(s, "gross_sales") + num(s, "tax") + num(s, "tips"));
    const QString pays = QStringLiteral(" FROM payments p JOIN orders o ON o.id = p.order_id "
                                        "WHERE o.business_date = ? AND p.status ");
    QCOMPARE(num(s, "paid"), sqlNumber(QStringLiteral("SELECT SUM(p.amount_cents)") + pays
                                           + QStringLiteral("IN ('completed','refunded')"),
                                       d));
    QCOMPARE(num(s, "fees"), sqlNumber(QStringLiteral("SELECT SUM(p.fee_cents)") + pays
                                           + QStringLiteral("IN ('completed','refunded')"),
                                       d));
    QVERIFY(num(s, "fees") > 0);
    QCOMPARE(num(s, "refunds"), sqlNumber(QStringLiteral("SELECT COALESCE(SUM(p.amount_cents), 0)")
                                              + pays + QStringLiteral("= 'refunded'"),
                                          d));
    QVERIFY(num(s, "refunds") > 0);
    QCOMPARE(num(s, "net"), num(s, "paid") - num(s, "fees") - num(s, "refunds"));
    // What was paid and kept is what the orders not cancelled and paid came to.
    QCOMPARE(num(s, "paid") - num(s, "refunds"),
             sqlNumber(QStringLiteral("SELECT SUM(total_cents) FROM orders o WHERE "
                                      "business_date = ? AND EXISTS (SELECT 1 FROM payments p "
                                      "WHERE p.order_id = o.id AND p.status = 'completed')"),
                       d));
}

void TestReports::dayBucketsMatchTheRows()
{
    // Hours in Berlin time (UTC+1 in January), counted by SQL on its own (integer arithmetic
    // both databases run alike).
    QSqlQuery q
        = sql(QStringLiteral("SELECT ((created_at / 1000 + 3600) / 3600) % 24, "
                             "COUNT(*), SUM(CASE WHEN status = 'cancelled' THEN 1 ELSE 0 END), "
                             "SUM(CASE WHEN status <> 'cancelled' THEN subtotal_cents ELSE 0 END) "
                             "FROM orders WHERE business_date = ? GROUP BY 1"),
              {kDay});
    const auto hours = byFirst(m_day, QStringLiteral("by_hour"));
    int seen = 0;
    while (q.next()) {
        const QString hour
            = QStringLiteral("%1:00").arg(q.value(0).toLongLong(), 2, 10, QLatin1Char('0'));
        QVERIFY2(hours.count(hour), qPrintable(hour));
        const QJsonObject row = hours.at(hour);
        QCOMPARE(num(row, "orders"), q.value(1).toLongLong());
        QCOMPARE(num(row, "cancelled"), q.value(2).toLongLong());
        QCOMPARE(num(row, "sales"), q.value(3).toLongLong());
        ++seen;
    }
    QVERIFY(seen > 12);
    // The business day starts at 04:00: the hours after midnight come last, after 23:00.
    const QJsonArray hourRows = rowsOf(m_day, QStringLiteral("by_hour"));
    QCOMPARE(hourRows.first().toArray().first().toString(), QStringLiteral("09:00"));
    QVERIFY(hours.count(QStringLiteral("00:00")));
    QVERIFY(hourRows.last().toArray().first().toString() < QStringLiteral("04:00"));
    const QJsonObject summary = firstRow(m_day, QStringLiteral("summary"));
    for (const QString &id : {QStringLiteral("by_hour"), QStringLiteral("by_daypart")}) {
        const QJsonObject total = totalOf(m_day, id);
        QCOMPARE(num(total, "orders"), 600);
        QCOMPARE(num(total, "sales"), num(summary, "gross_sales"));
        QCOMPARE(num(total, "items"), num(summary, "items"));
        qint64 orders = 0, sales = 0;
        for (const QJsonValue r : rowsOf(m_day, id)) {
            const QJsonObject row = named(sectionOf(m_day, id), r.toArray());
            orders += num(row, "orders");
            sales += num(row, "sales");
        }
        QCOMPARE(orders, 600);
        QCOMPARE(sales, num(summary, "gross_sales"));
    }
    // Day-parts by SQL over Berlin minutes.
    QSqlQuery parts = sql(
        QStringLiteral("SELECT CASE WHEN m < 420 THEN 'Early morning' WHEN m < 660 THEN 'Morning' "
                       "WHEN m < 840 THEN 'Lunch' WHEN m < 1020 THEN 'Afternoon' WHEN m < 1260 "
                       "THEN 'Evening' ELSE 'Night' END, COUNT(*) FROM (SELECT "
                       "((created_at / 60000) + 60) % 1440 AS m FROM orders WHERE business_date "
                       "= ?) AS t GROUP BY 1"),
        {kDay});
    const auto dayparts = byFirst(m_day, QStringLiteral("by_daypart"));
    QCOMPARE(dayparts.size(), size_t(6));
    int partsSeen = 0;
    while (parts.next()) {
        QCOMPARE(num(dayparts.at(parts.value(0).toString()), "orders"),
                 parts.value(1).toLongLong());
        ++partsSeen;
    }
    QVERIFY(partsSeen >= 4);
}

void TestReports::dayMixAndPaymentsMatchTheRows()
{
    const auto mix = byFirst(m_day, QStringLiteral("product_mix"));
    QSqlQuery q = sql(QStringLiteral("SELECT i.product_name, SUM(i.quantity), "
                                     "SUM(i.total_price_cents) FROM order_items i JOIN orders o "
                                     "ON o.id = i.order_id WHERE o.business_date = ? AND "
                                     "o.status <> 'cancelled' GROUP BY i.product_id, "
                                     "i.product_name"),
                      {kDay});
    size_t n = 0;
    while (q.next()) {
        const QJsonObject row = mix.at(q.value(0).toString());
        QCOMPARE(num(row, "quantity"), q.value(1).toLongLong());
        QCOMPARE(num(row, "sales"), q.value(2).toLongLong());
        ++n;
    }
    QCOMPARE(mix.size(), n);
    QVERIFY(n > 8);
    const QJsonObject summary = firstRow(m_day, QStringLiteral("summary"));
    QCOMPARE(num(totalOf(m_day, QStringLiteral("product_mix")), "sales"),
             num(summary, "gross_sales"));

    // Customizations, counted by the database's JSON functions over the stored arrays.
    const auto custom = byFirst(m_day, QStringLiteral("customizations"));
    QSqlQuery c = sql(
        testOnPostgres()
            ? QStringLiteral("SELECT j.value, SUM(i.quantity) FROM order_items i JOIN orders o ON "
                             "o.id = i.order_id, jsonb_array_elements_text(CAST(i.customizations "
                             "AS jsonb)) AS j(value) WHERE o.business_date = ? AND o.status <> "
                             "'cancelled' GROUP BY j.value")
            : QStringLiteral("SELECT j.value, SUM(i.quantity) FROM order_items i JOIN orders o ON "
                             "o.id = i.order_id, json_each(i.customizations) j WHERE "
                             "o.business_date = ? AND o.status <> 'cancelled' GROUP BY j.value"),
        {kDay});
    size_t nc = 0;
    while (c.next()) {
        QCOMPARE(num(custom.at(c.value(0).toString()), "quantity"), c.value(1).toLongLong());
        ++nc;
    }
    QCOMPARE(custom.size(), nc);
    QVERIFY(nc > 2);

    const auto methods = byFirst(m_day, QStringLiteral("payments"));
    QCOMPARE(methods.size(), size_t(3));
    for (const QString &method :
         {QStringLiteral("card"), QStringLiteral("cash"), QStringLiteral("qr")}) {
        const QJsonObject row = methods.at(method);
        const QString base = QStringLiteral(" FROM payments p JOIN orders o ON o.id = p.order_id "
                                            "WHERE o.business_date = ? AND p.method = ? AND "
                                            "p.status ");
        const QVariantList b{kDay, method};
        QCOMPARE(num(row, "payments"),
                 sqlNumber(QStringLiteral("SELECT COUNT(*)") + base
                               + QStringLiteral("IN ('completed','refunded')"),
                           b));
        QCOMPARE(num(row, "amount"),
                 sqlNumber(QStringLiteral("SELECT COALESCE(SUM(amount_cents), 0)") + base
                               + QStringLiteral("IN ('completed','refunded')"),
                           b));
        QCOMPARE(num(row, "fees"),
                 sqlNumber(QStringLiteral("SELECT COALESCE(SUM(fee_cents), 0)") + base
                               + QStringLiteral("IN ('completed','refunded')"),
                           b));
        QCOMPARE(num(row, "refunds"),
                 sqlNumber(QStringLiteral("SELECT COALESCE(SUM(amount_cents), 0)") + base
                               + QStringLiteral("= 'refunded'"),
                           b));
        QCOMPARE(num(row, "failed"), sqlNumber(QStringLiteral("SELECT COUNT(*)") + base
                                                   + QStringLiteral("IN ('failed','expired')"),
                                               b));
        QCOMPARE(
            num(row, "voided"),
            sqlNumber(QStringLiteral("SELECT COUNT(*)") + base + QStringLiteral("= 'voided'"), b));
        QCOMPARE(num(row, "net"), num(row, "amount") - num(row, "fees") - num(row, "refunds"));
        QVERIFY(num(row, "payments") > 20);
    }
    QVERIFY(num(methods.at(QStringLiteral("card")), "failed") > 0);
    QVERIFY(num(methods.at(QStringLiteral("qr")), "voided") > 0);
    const QJsonObject total = totalOf(m_day, QStringLiteral("payments"));
    QCOMPARE(num(total, "amount"), num(summary, "paid"));
    QCOMPARE(num(total, "net"), num(summary, "net"));

    // Tips by who took the order.
    QSqlQuery t = sql(QStringLiteral("SELECT created_by_name, COUNT(*), SUM(CASE WHEN "
                                     "tip_cents > 0 THEN 1 ELSE 0 END), SUM(tip_cents) FROM "
                                     "orders WHERE business_date = ? AND status <> 'cancelled' "
                                     "GROUP BY created_by_id, created_by_name"),
                      {kDay});
    const auto tips = byFirst(m_day, QStringLiteral("tips"));
    size_t nt = 0;
    while (t.next()) {
        const QJsonObject row = tips.at(t.value(0).toString());
        QCOMPARE(num(row, "orders"), t.value(1).toLongLong());
        QCOMPARE(num(row, "tipped"), t.value(2).toLongLong());
        QCOMPARE(num(row, "tips"), t.value(3).toLongLong());
        ++nt;
    }
    QCOMPARE(nt, size_t(3));
    QCOMPARE(num(totalOf(m_day, QStringLiteral("tips")), "tips"), num(summary, "tips"));
}

void TestReports::refundsVoidsCancellationsAndDrinks()
{
    const QVariantList d{kDay};
    const QJsonArray refunds = rowsOf(m_day, QStringLiteral("refunds"));
    QCOMPARE(refunds.size(),
             sqlNumber(QStringLiteral("SELECT COUNT(*) FROM payments p JOIN orders o ON o.id = "
                                      "p.order_id WHERE o.business_date = ? AND p.status = "
                                      "'refunded'"),
                       d));
    QVERIFY(!refunds.isEmpty());
    QCOMPARE(num(totalOf(m_day, QStringLiteral("refunds")), "amount"),
             num(firstRow(m_day, QStringLiteral("summary")), "refunds"));
    for (const QJsonValue r : refunds) {
        const QJsonObject row = named(sectionOf(m_day, QStringLiteral("refunds")), r.toArray());
        QVERIFY(kReasons.contains(row.value(u"reason").toString()));
        QVERIFY(num(row, "time") > 0);
    }
    const QJsonArray voids = rowsOf(m_day, QStringLiteral("voids"));
    QCOMPARE(voids.size(),
             sqlNumber(QStringLiteral("SELECT COUNT(*) FROM payments p JOIN orders o ON o.id = "
                                      "p.order_id WHERE o.business_date = ? AND p.status = "
                                      "'voided'"),
                       d));
    QCOMPARE(num(totalOf(m_day, QStringLiteral("voids")), "amount"),
             sqlNumber(QStringLiteral("SELECT SUM(p.amount_cents) FROM payments p JOIN orders o "
                                      "ON o.id = p.order_id WHERE o.business_date = ? AND "
                                      "p.status = 'voided'"),
                       d));

    const QJsonArray cancels = rowsOf(m_day, QStringLiteral("cancellations"));
    QCOMPARE(cancels.size(), num(firstRow(m_day, QStringLiteral("summary")), "cancelled"));
    QCOMPARE(num(totalOf(m_day, QStringLiteral("cancellations")), "total"),
             sqlNumber(QStringLiteral("SELECT SUM(total_cents) FROM orders WHERE business_date "
                                      "= ? AND status = 'cancelled'"),
                       d));
    QCOMPARE(num(totalOf(m_day, QStringLiteral("cancellations")), "refunded"),
             num(firstRow(m_day, QStringLiteral("summary")), "refunds"));
    const auto reasons = byFirst(m_day, QStringLiteral("cancel_reasons"));
    QSqlQuery q = sql(QStringLiteral("SELECT cancel_reason, COUNT(*), SUM(total_cents) FROM "
                                     "orders WHERE business_date = ? AND status = 'cancelled' "
                                     "GROUP BY cancel_reason"),
                      d);
    size_t n = 0;
    while (q.next()) {
        const QJsonObject row = reasons.at(q.value(0).toString());
        QCOMPARE(num(row, "orders"), q.value(1).toLongLong());
        QCOMPARE(num(row, "total"), q.value(2).toLongLong());
        ++n;
    }
    QCOMPARE(reasons.size(), n);
    QVERIFY(n >= 3);

    // Drinks in the business day's window (04:00 Berlin = 03:00 UTC to the next 03:00).
    const qint64 from = QDateTime(QDate(2024, 1, 1), QTime(3, 0), Qt::UTC).toMSecsSinceEpoch();
    const qint64 to = from + 24 * 3600000LL;
    const auto drinks = byFirst(m_day, QStringLiteral("drinks"));
    QSqlQuery dq = sql(QStringLiteral("SELECT s.name, SUM(d.quantity), SUM(CASE WHEN d.counted "
                                      "<> 0 THEN d.quantity ELSE 0 END) FROM drinks d JOIN staff "
                                      "s ON s.id = d.user_id WHERE d.at >= ? AND d.at < ? GROUP "
                                      "BY d.user_id, s.name"),
                       {from, to});
    size_t nd = 0;
    qint64 over = 0;
    while (dq.next()) {
        const QJsonObject row = drinks.at(dq.value(0).toString());
        QCOMPARE(num(row, "consumed"), dq.value(1).toLongLong());
        QCOMPARE(num(row, "within"), dq.value(2).toLongLong());
        QCOMPARE(num(row, "over"), dq.value(1).toLongLong() - dq.value(2).toLongLong());
        QCOMPARE(num(row, "allowance"), 3);
        QCOMPARE(row.value(u"month").toString(), QStringLiteral("2024-01"));
        over += num(row, "over");
        ++nd;
    }
    QCOMPARE(drinks.size(), nd);
    QCOMPARE(nd, size_t(2));
    QVERIFY(over > 0);
}

void TestReports::serviceMatchesTheRows()
{
    const QString tickets = QStringLiteral(
        " FROM orders WHERE business_date = ? AND status <> 'cancelled' AND ready_at IS NOT NULL");
    const QVariantList d{kDay};
    const qint64 n = sqlNumber(QStringLiteral("SELECT COUNT(*)") + tickets, d);
    QVERIFY(n > 400);
    const QJsonObject s = firstRow(m_service, QStringLiteral("service_summary"));
    QCOMPARE(num(s, "tickets"), n);
    const QString prep = QStringLiteral("(ready_at - COALESCE(preparing_at, created_at))");
    QCOMPARE(
        num(s, "average"),
        sqlNumber(
            QStringLiteral("SELECT (CAST(SUM(%1) AS BIGINT) + COUNT(*) / 2) / COUNT(*)").arg(prep)
                + tickets,
            d));
    // Nearest rank: the value at position ceil(p * n) in ascending order.
    const auto rank = [&](const QString &expr, int p) {
        return sqlNumber(QStringLiteral("SELECT %1").arg(expr) + tickets
                             + QStringLiteral(" ORDER BY 1 LIMIT 1 OFFSET ?"),
                         {kDay, (p * n + 99) / 100 - 1});
    };
    QCOMPARE(num(s, "median"), rank(prep, 50));
    QCOMPARE(num(s, "p90"), rank(prep, 90));
    QCOMPARE(num(s, "wait_median"), rank(QStringLiteral("ready_at - created_at"), 50));
    QCOMPARE(num(s, "wait_p90"), rank(QStringLiteral("ready_at - created_at"), 90));
    QVERIFY(num(s, "p90") > num(s, "median"));
    QCOMPARE(num(s, "over_warning"),
             sqlNumber(QStringLiteral("SELECT COUNT(*)") + tickets
                           + QStringLiteral(" AND ready_at - created_at >= 300000"),
                       d));
    QCOMPARE(num(s, "late"), sqlNumber(QStringLiteral("SELECT COUNT(*)") + tickets
                                           + QStringLiteral(" AND ready_at - created_at >= 480000"),
                                       d));
    QVERIFY(num(s, "late") > 0);
    QCOMPARE(num(s, "not_ready"),
             sqlNumber(QStringLiteral("SELECT COUNT(*) FROM orders WHERE business_date = ? AND "
                                      "status <> 'cancelled' AND ready_at IS NULL"),
                       d));
    QCOMPARE(rowsOf(m_service, QStringLiteral("late_tickets")).size(), num(s, "late"));

    const auto counters = byFirst(m_service, QStringLiteral("by_counter"));
    QSqlQuery cq = sql(QStringLiteral("SELECT counter, COUNT(*), (CAST(SUM(%1) AS BIGINT) + "
                                      "COUNT(*) / 2) / COUNT(*), SUM(CASE WHEN ready_at - "
                                      "created_at >= 480000 THEN 1 ELSE 0 END)")
                               .arg(prep)
                           + tickets + QStringLiteral(" GROUP BY counter"),
                       d);
    qint64 counted = 0;
    while (cq.next()) {
        const QJsonObject row = counters.at(cq.value(0).toString());
        QCOMPARE(num(row, "tickets"), cq.value(1).toLongLong());
        QCOMPARE(num(row, "average"), cq.value(2).toLongLong());
        QCOMPARE(num(row, "late"), cq.value(3).toLongLong());
        counted += num(row, "tickets");
    }
    QCOMPARE(counted, n);
    QCOMPARE(num(totalOf(m_service, QStringLiteral("by_counter")), "p90"), num(s, "p90"));

    const auto products = byFirst(m_service, QStringLiteral("by_product"));
    QSqlQuery pq = sql(QStringLiteral("SELECT i.product_name, COUNT(DISTINCT o.id), "
                                      "SUM(i.quantity) FROM order_items i JOIN orders o ON o.id = "
                                      "i.order_id WHERE o.business_date = ? AND o.status <> "
                                      "'cancelled' AND o.ready_at IS NOT NULL GROUP BY "
                                      "i.product_id, i.product_name"),
                       d);
    while (pq.next()) {
        const QJsonObject row = products.at(pq.value(0).toString());
        QCOMPARE(num(row, "tickets"), pq.value(1).toLongLong());
        QCOMPARE(num(row, "quantity"), pq.value(2).toLongLong());
    }

    const auto dist = byFirst(m_service, QStringLiteral("prep_distribution"));
    QSqlQuery bq
        = sql(QStringLiteral("SELECT CASE WHEN %1 / 60000 < 30 THEN %1 / 60000 ELSE 30 END, "
                             "COUNT(*)")
                      .arg(prep)
                  + tickets + QStringLiteral(" GROUP BY 1"),
              d);
    qint64 inBuckets = 0;
    for (const auto &[label, row] : dist)
        inBuckets += num(row, "tickets");
    QCOMPARE(inBuckets, n);
    while (bq.next()) {
        const int b = bq.value(0).toInt();
        const QString label
            = b == 30 ? QStringLiteral("30+ min") : QStringLiteral("%1-%2 min").arg(b).arg(b + 1);
        QCOMPARE(num(dist.at(label), "tickets"), bq.value(1).toLongLong());
    }
}

void TestReports::staffMatchesTheTimesheets()
{
    const QVariantList d{kDay};
    const QJsonArray shifts = rowsOf(m_staff, QStringLiteral("shifts"));
    QCOMPARE(shifts.size(),
             sqlNumber(QStringLiteral("SELECT COUNT(*) FROM timesheets WHERE shift_date = ?"), d));
    QCOMPARE(shifts.size(), 5);
    const QJsonObject total = totalOf(m_staff, QStringLiteral("by_person"));
    QCOMPARE(num(total, "hours"),
             sqlNumber(QStringLiteral("SELECT SUM(total_centihours) FROM timesheets WHERE "
                                      "shift_date = ? AND clock_out IS NOT NULL"),
                       d));
    QCOMPARE(num(total, "pay"),
             sqlNumber(QStringLiteral("SELECT SUM(total_pay_cents) FROM timesheets WHERE "
                                      "shift_date = ? AND clock_out IS NOT NULL"),
                       d));
    QCOMPARE(num(total, "open"), 1);
    QCOMPARE(num(total, "corrected"), 1);
    QCOMPARE(num(totalOf(m_staff, QStringLiteral("shifts")), "pay"), num(total, "pay"));
    QCOMPARE(num(totalOf(m_staff, QStringLiteral("by_person_day")), "hours"), num(total, "hours"));

    const auto people = byFirst(m_staff, QStringLiteral("by_person"));
    QSqlQuery q = sql(QStringLiteral("SELECT s.name, COUNT(*), COALESCE(SUM(t.total_centihours), "
                                     "0), COALESCE(SUM(t.total_pay_cents), 0), SUM(CASE WHEN "
                                     "t.clock_out IS NULL THEN 1 ELSE 0 END) FROM timesheets t "
                                     "JOIN staff s ON s.id = t.user_id WHERE t.shift_date = ? "
                                     "GROUP BY t.user_id, s.name"),
                      d);
    size_t n = 0;
    while (q.next()) {
        const QJsonObject row = people.at(q.value(0).toString());
        QCOMPARE(num(row, "shifts"), q.value(1).toLongLong());
        QCOMPARE(num(row, "hours"), q.value(2).toLongLong());
        QCOMPARE(num(row, "pay"), q.value(3).toLongLong());
        QCOMPARE(num(row, "open"), q.value(4).toLongLong());
        ++n;
    }
    QCOMPARE(people.size(), n);
    QCOMPARE(num(people.at(QStringLiteral("Bob Employee")), "shifts"), 2);
    QCOMPARE(num(people.at(QStringLiteral("Manager Sarah")), "corrected"), 1);

    // The open shift shows as open, without hours or pay; the corrected one is marked.
    for (const QJsonValue r : shifts) {
        const QJsonObject row = named(sectionOf(m_staff, QStringLiteral("shifts")), r.toArray());
        const QString person = row.value(u"person").toString();
        QCOMPARE(row.value(u"open").toBool(), person == u"Admin User");
        QCOMPARE(row.value(u"out").isNull(), person == u"Admin User");
        QCOMPARE(row.value(u"pay").isNull(), person == u"Admin User");
        QCOMPARE(row.value(u"corrected").toBool(), person == u"Manager Sarah");
        if (person == u"Manager Sarah")
            QCOMPARE(num(row, "break"), 40);
    }
    const QJsonArray corrections = rowsOf(m_staff, QStringLiteral("corrections"));
    QCOMPARE(corrections.size(), 1);
    const QJsonObject c
        = named(sectionOf(m_staff, QStringLiteral("corrections")), corrections.first().toArray());
    QCOMPARE(c.value(u"reason").toString(), QStringLiteral("Forgot the lunch break"));
    QCOMPARE(c.value(u"by").toString(), QStringLiteral("Admin User"));
    QCOMPARE(num(c, "previous_break"), 0);
    QCOMPARE(num(c, "new_break"), 40);
}

void TestReports::twoDayRange()
{
    const QJsonObject day = report(QStringLiteral("day"), kDay, kNextDay);
    QCOMPARE(day.value(u"to").toString(), kNextDay);
    const QJsonObject s = firstRow(day, QStringLiteral("summary"));
    const QVariantList d{kDay, kNextDay};
    QCOMPARE(num(s, "orders"), 605);
    QCOMPARE(num(s, "gross_sales"),
             sqlNumber(QStringLiteral("SELECT SUM(subtotal_cents) FROM orders WHERE "
                                      "business_date BETWEEN ? AND ? AND status <> 'cancelled'"),
                       d));
    QCOMPARE(num(s, "paid"),
             sqlNumber(QStringLiteral("SELECT SUM(p.amount_cents) FROM payments p JOIN orders o "
                                      "ON o.id = p.order_id WHERE o.business_date BETWEEN ? AND "
                                      "? AND p.status IN ('completed','refunded')"),
                       d));
    const QJsonObject nextOnly
        = firstRow(report(QStringLiteral("day"), kNextDay), QStringLiteral("summary"));
    QCOMPARE(num(nextOnly, "orders"), 5);
    QCOMPARE(num(s, "net"),
             num(firstRow(m_day, QStringLiteral("summary")), "net") + num(nextOnly, "net"));
    const QJsonObject staff = report(QStringLiteral("staff"), kDay, kNextDay);
    QCOMPARE(rowsOf(staff, QStringLiteral("shifts")).size(), 6);
    QCOMPARE(num(totalOf(staff, QStringLiteral("by_person")), "pay"),
             sqlNumber(QStringLiteral("SELECT SUM(total_pay_cents) FROM timesheets WHERE "
                                      "shift_date BETWEEN ? AND ?"),
                       d));
    // Jane has a row per day.
    int janeDays = 0;
    for (const QJsonValue r : rowsOf(staff, QStringLiteral("by_person_day")))
        janeDays += r.toArray().first().toString() == u"Jane Employee";
    QCOMPARE(janeDays, 2);
    const QJsonObject service = report(QStringLiteral("service"), kDay, kNextDay);
    QCOMPARE(num(firstRow(service, QStringLiteral("service_summary")), "tickets"),
             num(firstRow(m_service, QStringLiteral("service_summary")), "tickets"));
}

void TestReports::emptyDate()
{
    const QString date = QStringLiteral("2024-01-05");
    const QJsonObject day = report(QStringLiteral("day"), date);
    const QJsonObject s = firstRow(day, QStringLiteral("summary"));
    for (const char *key : {"orders", "items", "gross_sales", "tips", "paid", "refunds", "net"})
        QCOMPARE(num(s, key), 0);
    QCOMPARE(rowsOf(day, QStringLiteral("by_hour")).size(), 0);
    QCOMPARE(rowsOf(day, QStringLiteral("product_mix")).size(), 0);
    QCOMPARE(rowsOf(day, QStringLiteral("by_daypart")).size(), 6);
    QCOMPARE(num(totalOf(day, QStringLiteral("payments")), "amount"), 0);
    const QJsonObject service = report(QStringLiteral("service"), date);
    const QJsonObject ss = firstRow(service, QStringLiteral("service_summary"));
    QCOMPARE(num(ss, "tickets"), 0);
    QCOMPARE(num(ss, "p90"), 0);
    QCOMPARE(rowsOf(service, QStringLiteral("prep_distribution")).size(), 0);
    const QJsonObject staff = report(QStringLiteral("staff"), date);
    QCOMPARE(rowsOf(staff, QStringLiteral("shifts")).size(), 0);
    QCOMPARE(num(totalOf(staff, QStringLiteral("by_person")), "pay"), 0);
}

void TestReports::badRequestsNameTheField_data()
{
    QTest::addColumn<QString>("payload");
    QTest::addColumn<QString>("field");
    QTest::newRow("no report") << R"({"date":"2024-01-01"})"
                               << "report";
    QTest::newRow("unknown report") << R"({"report":"weekly","date":"2024-01-01"})"
                                    << "report";
    QTest::newRow("no date") << R"({"report":"day"})"
                             << "date";
    QTest::newRow("date shape") << R"({"report":"day","date":"1/1/2024"})"
                                << "date";
    QTest::newRow("no such day") << R"({"report":"day","date":"2024-02-30"})"
                                 << "date";
    QTest::newRow("date a number") << R"({"report":"day","date":20240101})"
                                   << "date";
    QTest::newRow("to shape") << R"({"report":"day","date":"2024-01-01","to":"tomorrow"})"
                              << "to";
    QTest::newRow("to before") << R"({"report":"day","date":"2024-01-05","to":"2024-01-01"})"
                               << "to";
    QTest::newRow("93 days") << R"({"report":"staff","date":"2024-01-01","to":"2024-04-02"})"
                             << "to";
}

void TestReports::badRequestsNameTheField()
{
    QFETCH(QString, payload);
    QFETCH(QString, field);
    const CommandResult r
        = m_f->run(m_f->manager(), QStringLiteral("/system"), QStringLiteral("get_report"),
                   QJsonDocument::fromJson(payload.toUtf8()).object());
    QCOMPARE(r.errorType(), QStringLiteral("INVALID_DATA"));
    QCOMPARE(r.error().value(u"field").toString(), field);
    // 92 days is the longest range allowed.
    QVERIFY(m_f->run(m_f->admin(), QStringLiteral("/system"), QStringLiteral("get_report"),
                     {{"report", "staff"}, {"date", "2024-01-01"}, {"to", "2024-04-01"}})
                .ok());
}

void TestReports::employeesAreRefused()
{
    const CommandResult r
        = m_f->run(m_f->employee(), QStringLiteral("/system"), QStringLiteral("get_report"),
                   {{"report", "day"}, {"date", kDay}});
    QCOMPARE(r.errorType(), QStringLiteral("PERMISSION_DENIED"));
    // Reading a report changes nothing: no events.
    const CommandResult ok
        = m_f->run(m_f->admin(), QStringLiteral("/system"), QStringLiteral("get_report"),
                   {{"report", "day"}, {"date", kDay}});
    QVERIFY(ok.ok());
    QVERIFY(ok.events.isEmpty());
}

QTEST_GUILESS_MAIN(TestReports)
#include "tst_reports.moc"
