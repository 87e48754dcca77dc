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
#include <QComboBox>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QKeyEvent>
#include <QLineEdit>
#include <QScrollBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <functional>

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

// --history: the queue view with "All today" holding a long history (100,000 orders over 14
// days by default, several items each, every status, four counters), scrolled by pages and by
// dragging to the end, searched a character at a time, its scope and counter changed and
// re-sorted. One step runs per 20 ms timer tick inside the real event loop; a 1 ms probe timer
// measures every turn of the loop (its longest gap is the longest frame), per phase.
struct Phase
{
    QString name;
    QList<std::function<void()>> steps;
    QList<double> gapsMs;
    qint64 wallMs = 0;
};

QJsonObject phaseJson(const Phase &p)
{
    return {{"frames", p.gapsMs.size()},
            {"steps", p.steps.size()},
            {"max_frame_ms", percentile(p.gapsMs, 1.0)},
            {"p99_frame_ms", percentile(p.gapsMs, 0.99)},
            {"p50_frame_ms", percentile(p.gapsMs, 0.50)},
            {"wall_ms", p.wallMs}};
}

int runHistory(QApplication &app, int orders, const QString &jsonOut, const QString &shot)
{
    static const char *statuses[]
        = {"completed", "completed", "completed", "completed", "cancelled",
           "completed", "ready",     "preparing", "completed", "pending"};
    ConsoleSession session;
    ConsoleSettings settings;
    session.orders()->setRecentLimit(orders); // the whole history stays in the model
    OrderQueueView view(&session, &settings);
    view.resize(1400, 900);
    view.show();
    auto *search = view.findChild<QLineEdit *>(QStringLiteral("search"));
    auto *scope = view.findChild<QComboBox *>(QStringLiteral("scope"));
    Q_ASSERT(search && scope);
    scope->setCurrentIndex(scope->findData(int(OrderFilterModel::Scope::All)));
    QCoreApplication::processEvents();

    // The history, mapped from the hub's JSON before the clock starts (that is parsing).
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const qint64 span = 14 * 24 * 3600;
    QList<Order> history;
    history.reserve(orders);
    for (int n = 0; n < orders; ++n) {
        const QDateTime created = now.addSecs(-span + span * qint64(n) / orders);
        QJsonObject json = orderJson(n, created);
        const bool recent = n >= orders - 40; // the open ones are today's newest
        const char *status = recent ? statuses[6 + n % 4] : statuses[n % 6];
        json.insert("status", QLatin1String(status));
        json.insert("customer_name", QStringLiteral("Guest %1").arg((n * 7919) % 100003));
        Order o = EventMapper::mapOrder(json);
        if (!isOpenStatus(o.status))
            o.closedAt = created.addSecs(120 + n % 600);
        history << std::move(o);
    }

    QElapsedTimer clock;
    clock.start();
    qint64 lastTick = -1;
    Phase *current = nullptr;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(1);
    QObject::connect(&probe, &QTimer::timeout, &app, [&] {
        const qint64 t = clock.nsecsElapsed();
        if (current && lastTick >= 0)
            current->gapsMs << (t - lastTick) / 1e6;
        lastTick = t;
    });

    auto key = [&](QWidget *w, int k, const QString &text = {}, Qt::KeyboardModifiers m = {}) {
        QKeyEvent press(QEvent::KeyPress, k, m, text);
        QCoreApplication::sendEvent(w, &press);
        QKeyEvent release(QEvent::KeyRelease, k, m, text);
        QCoreApplication::sendEvent(w, &release);
    };
    QList<Phase> phases(4);
    phases[0].name = QStringLiteral("load");
    phases[0].steps << [&] {
        session.orders()->resetOrders(history);
    };
    for (int i = 0; i < 10; ++i)
        phases[0].steps << [] {
        }; // the frames after the load (layout, first paint)

    phases[1].name = QStringLiteral("scroll");
    QTableView *table = view.table();
    phases[1].steps << [&] {
        table->setFocus();
        table->setCurrentIndex(view.filter()->index(0, 0));
    };
    for (int i = 0; i < 150; ++i)
        phases[1].steps << [&] {
            key(table, Qt::Key_PageDown);
        };
    for (int i = 1; i <= 60; ++i) // drag the handle to the end in 60 moves
        phases[1].steps << [&, i] {
            QScrollBar *bar = table->verticalScrollBar();
            bar->setSliderDown(true);
            bar->setSliderPosition(bar->maximum() * i / 60);
            if (i == 60)
                bar->setSliderDown(false);
        };
    for (int i = 0; i < 50; ++i)
        phases[1].steps << [&] {
            key(table, Qt::Key_PageUp);
        };
    phases[1].steps << [&] {
        key(table, Qt::Key_Home, {}, Qt::ControlModifier);
    };

    phases[2].name = QStringLiteral("filter");
    const QString typed = QStringLiteral("guest 4711");
    phases[2].steps << [&] {
        search->setFocus();
    };
    for (const QChar c : typed)
        phases[2].steps << [&, c] {
            key(search, 0, QString(c));
        };
    for (int i = 0; i < typed.size(); ++i)
        phases[2].steps << [&] {
            key(search, Qt::Key_Backspace);
        };
    const QString typed2 = QStringLiteral("mocha");
    for (const QChar c : typed2)
        phases[2].steps << [&, c] {
            key(search, 0, QString(c));
        };
    phases[2].steps << [&] {
        search->clear();
    };
    for (int s : {1, 0, 2}) // finished, open, all
        phases[2].steps << [&, s] {
            scope->setCurrentIndex(s);
        };
    for (int c : {1, 2, 0}) // one counter, another, all counters
        phases[2].steps << [&, c] {
            view.counterBox()->setCurrentIndex(qMin(c, view.counterBox()->count() - 1));
        };

    phases[3].name = QStringLiteral("sort");
    for (int col : {int(OrderQueueModel::TotalColumn), int(OrderQueueModel::NumberColumn),
                    int(OrderQueueModel::CustomerColumn), int(OrderQueueModel::AgeColumn)})
        phases[3].steps << [&, col] {
            view.filter()->sort(col, col == OrderQueueModel::AgeColumn ? Qt::DescendingOrder
                                                                       : Qt::AscendingOrder);
        };

    int phase = 0;
    int step = 0;
    qint64 phaseStart = 0;
    QTimer driver;
    driver.setTimerType(Qt::PreciseTimer);
    driver.setInterval(20);
    QObject::connect(&driver, &QTimer::timeout, &app, [&] {
        if (step == 0) {
            current = &phases[phase];
            lastTick = -1;
            phaseStart = clock.elapsed();
        }
        if (step < phases[phase].steps.size()) {
            phases[phase].steps[step++]();
            return;
        }
        // A phase ends when the last filter or sort change it asked for has landed (a long
        // history is filtered and sorted over several loop passes).
        if (view.filter()->isRefreshing())
            return;
        phases[phase].wallMs = clock.elapsed() - phaseStart;
        current = nullptr;
        step = 0;
        if (++phase == phases.size())
            app.quit();
    });
    probe.start();
    driver.start();
    app.exec();

    if (!shot.isEmpty()) {
        view.window()->grab().save(shot);
    }
    QList<double> measured; // scroll + filter: what the target is about
    for (int i : {1, 2})
        measured += phases[i].gapsMs;
    QJsonObject record{{"kind", "history"},
                       {"label", "console"},
                       {"reference", false},
                       {"orders", session.orders()->rowCount()},
                       {"rows_shown_at_end", view.filter()->rowCount()},
                       {"max_frame_ms", percentile(measured, 1.0)},
                       {"p99_frame_ms", percentile(measured, 0.99)},
                       {"frames", measured.size()}};
    QJsonObject byPhase;
    for (const Phase &p : std::as_const(phases))
        byPhase.insert(p.name, phaseJson(p));
    record.insert("phases", byPhase);

    std::printf("\nA %d-order history in the queue view (tt_bench_ui --history, Qt %s)\n\n", orders,
                qVersion());
    std::printf(
        "| phase  | steps | loop turns | longest (ms) | p99 (ms) | p50 (ms) | wall (ms) |\n");
    std::printf(
        "|--------|------:|-----------:|-------------:|---------:|---------:|----------:|\n");
    for (const Phase &p : std::as_const(phases))
        std::printf("| %-6s | %5lld | %10lld | %12.1f | %8.2f | %8.2f | %9lld |\n",
                    qPrintable(p.name), qint64(p.steps.size()), qint64(p.gapsMs.size()),
                    percentile(p.gapsMs, 1.0), percentile(p.gapsMs, 0.99),
                    percentile(p.gapsMs, 0.5), p.wallMs);
    std::printf("\nscroll + filter: longest frame %.1f ms, p99 %.2f ms over %lld turns\n\n",
                percentile(measured, 1.0), percentile(measured, 0.99), qint64(measured.size()));
    if (!jsonOut.isEmpty()) {
        QFile f(jsonOut);
        if (!f.open(QIODevice::WriteOnly)) {
            std::fprintf(stderr, "tt_bench_ui: cannot write %s\n", qPrintable(jsonOut));
            return 1;
        }
        f.write(QJsonDocument(QJsonObject{{"runs", QJsonArray{record}}}).toJson());
    }
    return 0;
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
    const QCommandLineOption historyOption(
        "history", "instead: N orders of history in the queue view, scrolled, filtered, sorted",
        "N");
    const QCommandLineOption jsonOption("json", "--history: write the record to FILE", "FILE");
    parser.addOptions(
        {ordersOption, rateOption, secondsOption, shotOption, historyOption, jsonOption});
    parser.process(app);
    if (parser.isSet(historyOption))
        return runHistory(app, qMax(1, parser.value(historyOption).toInt()),
                          parser.value(jsonOption), parser.value(shotOption));
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
