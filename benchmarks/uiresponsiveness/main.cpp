// tt_bench_ui: how responsive the console stays with a full queue. 5,000 open orders sit in
// OrderQueueModel + OrderFilterModel behind the real OrderQueueView (offscreen, shown, scrolled
// into the middle with an order selected); events arrive as the hub's JSON envelopes at a
// steady rate (default 200/s) and go the console's own way (EventMapper, then the models).
// A 1 ms timer probes the UI thread: the longest gap between its ticks is the longest stall.
// Event-to-model latency runs from the moment an envelope is handed over to the moment the
// batched model applied it (what the view shows next frame). Prints a table.
#include "consolesession.h"
#include "consolesettings.h"
#include "eventmapper.h"
#include "orderfiltermodel.h"
#include "orderqueueview.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QScrollBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace TableTap;

namespace {

QString iso(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

QJsonObject envelope(const QString &event, const QJsonObject &data, qint64 seq)
{
    return {{"event", event},
            {"data", data},
            {"meta", QJsonObject{{"timestamp", iso(QDateTime::currentDateTimeUtc())},
                                 {"cafe_id", "cafe-1"},
                                 {"event_id", QStringLiteral("evt_%1").arg(seq)}}}};
}

QJsonObject orderJson(int n, const QDateTime &created)
{
    static const char *products[] = {"Latte",     "Oat Milk Latte", "Cappuccino", "Flat White",
                                     "Americano", "Mocha",          "Chai Latte", "Croissant"};
    QJsonArray items;
    for (int i = 0; i < 1 + n % 3; ++i)
        items.append(QJsonObject{{"id", QStringLiteral("i%1-%2").arg(n).arg(i)},
                                 {"product_name", QLatin1String(products[(n + i) % 8])},
                                 {"quantity", 1 + (n + i) % 2},
                                 {"unit_price", 4.5},
                                 {"total_price", 4.5 * (1 + (n + i) % 2)},
                                 {"customizations", QJsonArray{"Extra shot"}}});
    return {{"id", QStringLiteral("o%1").arg(n)},
            {"order_number", QStringLiteral("ORD20261126%1").arg(n, 5, 10, QLatin1Char('0'))},
            {"cafe_id", "cafe-1"},
            {"customer_name", QStringLiteral("Customer %1").arg(n)},
            {"status", "pending"},
            {"assigned_counter", QStringLiteral("Counter %1").arg(1 + n % 4)},
            {"items", items},
            {"totals", QJsonObject{{"subtotal", 9.0},
                                   {"tax_amount", 0.72},
                                   {"tip_amount", 0.0},
                                   {"total_amount", 9.72}}},
            {"created_at", iso(created)}};
}

double percentile(QList<double> v, double p)
{
    if (v.isEmpty())
        return 0;
    std::sort(v.begin(), v.end());
    const qsizetype i = qBound<qsizetype>(0, qsizetype(p * (v.size() - 1) + 0.5), v.size() - 1);
    return v.at(i);
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QTemporaryDir config; // keep the bench's settings out of the user's
    qputenv("XDG_CONFIG_HOME", config.path().toLocal8Bit());
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("TableTapBench"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Console responsiveness benchmark"));
    parser.addHelpOption();
    const QCommandLineOption ordersOption("orders", "orders in the queue (5000)", "N", "5000");
    const QCommandLineOption rateOption("rate", "events per second (200)", "N", "200");
    const QCommandLineOption secondsOption("seconds", "measured seconds (20)", "S", "20");
    const QCommandLineOption shotOption("screenshot", "save the queue view to FILE at the end",
                                        "FILE");
    parser.addOptions({ordersOption, rateOption, secondsOption, shotOption});
    parser.process(app);
    const int orders = qMax(1, parser.value(ordersOption).toInt());
    const int rate = qBound(1, parser.value(rateOption).toInt(), 5000);
    const int seconds = qBound(1, parser.value(secondsOption).toInt(), 600);

    ConsoleSession session;
    ConsoleSettings settings;
    OrderQueueView view(&session, &settings);
    view.resize(1400, 900);
    view.show();

    // The queue: `orders` open orders, created over the last hours (a snapshot, as on connect).
    QElapsedTimer setup;
    setup.start();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<Order> snapshot;
    snapshot.reserve(orders);
    for (int n = 0; n < orders; ++n)
        snapshot << EventMapper::mapOrder(orderJson(n, now.addSecs(-(orders - n) * 2)));
    session.orders()->resetOrders(snapshot);
    QCoreApplication::processEvents();
    const qint64 loadMs = setup.elapsed();
    // Someone is working in the middle of the queue.
    view.selectOrder(QStringLiteral("o%1").arg(orders / 2));
    view.table()->verticalScrollBar()->setValue(orders / 2 - 5);
    QCoreApplication::processEvents();

    if (qEnvironmentVariableIsSet("TT_BENCH_NO_RECOUNT"))
        QObject::disconnect(session.orders(), &BatchedTableModel::flushed, &session, nullptr);
    if (qEnvironmentVariableIsSet("TT_BENCH_NO_VIEW"))
        view.hide();
    // Stall probe.
    QElapsedTimer clock;
    clock.start();
    qint64 lastTick = -1;
    qint64 longestGapNs = 0;
    QList<double> gapsMs;
    bool measuring = false;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(1);
    QObject::connect(&probe, &QTimer::timeout, &app, [&] {
        const qint64 t = clock.nsecsElapsed();
        if (measuring && lastTick >= 0) {
            const qint64 gap = t - lastTick;
            longestGapNs = qMax(longestGapNs, gap);
            gapsMs << gap / 1e6;
        }
        lastTick = t;
    });
    probe.start();

    // Event source: the hub's traffic mix, as JSON, at `rate` per second.
    QList<qint64> inFlight; // hand-over times of events not yet applied by the model
    QList<double> latenciesMs;
    qint64 sent = 0;
    int nextNew = orders;
    int cursor = 0; // walks the queue, moving orders on
    QHash<int, QString> statusOf;
    QObject::connect(session.orders(), &BatchedTableModel::flushed, &app, [&] {
        const qint64 t = clock.nsecsElapsed();
        if (measuring)
            for (qint64 s : std::as_const(inFlight))
                latenciesMs << (t - s) / 1e6;
        inFlight.clear();
    });
    auto deliver = [&](const QString &nsp, const QString &name, const QJsonObject &data) {
        const qint64 t = clock.nsecsElapsed();
        const QJsonObject env = envelope(name, data, ++sent);
        // The console's own path: map the envelope, then every model that wants it.
        const auto mapped = EventMapper::mapEvent(nsp, name, env);
        if (!mapped)
            return;
        session.eventLog()->append(*mapped, QDateTime::currentDateTimeUtc());
        if (session.orders()->apply(*mapped))
            inFlight << t;
        session.dashboard()->apply(*mapped);
        session.payments()->apply(*mapped);
    };
    QTimer source;
    source.setTimerType(Qt::PreciseTimer);
    const int perTick = qMax(1, rate / 100); // ticks of 10 ms
    source.setInterval(1000 * perTick / rate);
    QObject::connect(&source, &QTimer::timeout, &app, [&] {
        for (int k = 0; k < perTick; ++k) {
            const qint64 n = sent;
            if (n % 10 < 3) { // 30 %: new orders
                deliver(
                    "/orders", "order:created",
                    QJsonObject{{"order", orderJson(nextNew++, QDateTime::currentDateTimeUtc())}});
            } else if (n % 10 < 9) { // 60 %: the queue moves on
                const int id = cursor;
                cursor = (cursor + 7) % nextNew;
                const QString from = statusOf.value(id, "pending");
                const QString to = QLatin1String(from == "pending"     ? "preparing"
                                                 : from == "preparing" ? "ready"
                                                                       : "completed");
                if (from == "completed")
                    continue;
                statusOf.insert(id, to);
                deliver("/orders", "order:status_changed",
                        QJsonObject{{"order_id", QStringLiteral("o%1").arg(id)},
                                    {"order_number", QStringLiteral("ORD%1").arg(id)},
                                    {"previous_status", from},
                                    {"new_status", to},
                                    {"updated_by", QJsonObject{{"id", "u1"},
                                                               {"name", "Barista"},
                                                               {"role", "employee"}}}});
            } else { // 10 %: payments
                deliver("/payments", "payment:completed",
                        QJsonObject{{"order_id", QStringLiteral("o%1").arg(n % nextNew)},
                                    {"transaction_id", QStringLiteral("tx%1").arg(n)},
                                    {"payment_method", "card"},
                                    {"amount", 9.72},
                                    {"completed_at", iso(QDateTime::currentDateTimeUtc())}});
            }
        }
    });

    // Two seconds of warm-up, then the measured window.
    QTimer::singleShot(2000, &app, [&] {
        measuring = true;
        lastTick = -1;
        sent = 0;
    });
    QTimer::singleShot(2000 + seconds * 1000, &app, [&] { app.quit(); });
    source.start();
    const QString selected = QStringLiteral("o%1").arg(orders / 2);
    QElapsedTimer wall;
    wall.start();
    app.exec();
    const double elapsed = (wall.elapsed() - 2000) / 1000.0;

    const bool selectionKept = view.currentOrderId() == selected;
    if (parser.isSet(shotOption))
        view.grab().save(parser.value(shotOption));
    std::printf("\nConsole responsiveness (tt_bench_ui, offscreen, Qt %s)\n\n", qVersion());
    std::printf("| measure                                 | value        |\n");
    std::printf("|-----------------------------------------|--------------|\n");
    std::printf("| orders in the queue at start            | %12d |\n", orders);
    std::printf("| snapshot load into model + view (ms)    | %12lld |\n", loadMs);
    std::printf("| events delivered (measured window)      | %12lld |\n", sent);
    std::printf("| event rate achieved (/s)                | %12.1f |\n", sent / elapsed);
    std::printf("| orders in the model at the end          | %12d |\n",
                session.orders()->rowCount());
    std::printf("| longest UI-thread stall (ms)            | %12.1f |\n", longestGapNs / 1e6);
    std::printf("| 1 ms probe gap p99 (ms)                 | %12.2f |\n", percentile(gapsMs, 0.99));
    std::printf("| 1 ms probe gap p50 (ms)                 | %12.2f |\n", percentile(gapsMs, 0.50));
    std::printf("| event-to-model latency p50 (ms)         | %12.2f |\n",
                percentile(latenciesMs, 0.50));
    std::printf("| event-to-model latency p99 (ms)         | %12.2f |\n",
                percentile(latenciesMs, 0.99));
    std::printf("| event-to-model latency max (ms)         | %12.2f |\n",
                percentile(latenciesMs, 1.0));
    std::printf("| selection kept through the run          | %12s |\n",
                selectionKept ? "yes" : "NO");
    std::printf("\n");
    return 0;
}
