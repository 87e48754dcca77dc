// tt_bench_console: the console as the client benchmark measures it. The real HubSession and
// MainWindow (every view attached, offscreen, the queue shown) connect to an event stream
// (benchmarks/reference/event-stream.js, driven by tt_siobench client); every event goes the
// console's own way (Socket.IO client, EventMapper, the models, the views). Per step it prints one
// JSON line: events received, event-to-model latency (the envelope's meta.t, CLOCK_MONOTONIC µs
// at emit, to the moment ConsoleSession has applied it), CPU per event, and the longest UI-thread
// stall (the longest gap between ticks of a 1 ms timer).
//   tt_bench_console URL TOKEN
// Prints {"ready":true} once all namespaces are connected; exits when stdin closes.
#include "consolesettings.h"
#include "hubsession.h"
#include "mainwindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSocketNotifier>
#include <QTemporaryDir>
#include <QTimer>

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <type_traits>
#include <unistd.h>

using namespace TableTap;

namespace {

qint64 monotonicMicros()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return qint64(ts.tv_sec) * 1000000 + ts.tv_nsec / 1000;
}

double cpuSeconds()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec)
           + double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

double percentile(std::vector<qint64> &v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const size_t i
        = size_t(std::clamp<double>(std::ceil(p * double(v.size())) - 1, 0, double(v.size() - 1)));
    return double(v[i]) / 1000.0;
}

void printLine(const QJsonObject &o)
{
    std::printf("%s\n", QJsonDocument(o).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QTemporaryDir config; // the bench's settings stay out of the user's
    qputenv("XDG_CONFIG_HOME", config.path().toLocal8Bit());
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("TableTapBench"));
    const QStringList args = QCoreApplication::arguments();
    if (args.size() < 3) {
        std::fprintf(stderr, "usage: tt_bench_console URL TOKEN\n");
        return 2;
    }

    HubSession session;
    ConsoleSettings settings;
    MainWindow window(&session, &settings);
    window.resize(1400, 900);
    window.show();

    // The stall probe.
    qint64 lastTick = monotonicMicros();
    qint64 longestGap = 0;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(1);
    QObject::connect(&probe, &QTimer::timeout, &app, [&] {
        const qint64 now = monotonicMicros();
        longestGap = std::max(longestGap, now - lastTick);
        lastTick = now;
    });
    probe.start();

    std::vector<qint64> latencies;
    latencies.reserve(1 << 20);
    qint64 received = 0;
    double cpuAtStart = cpuSeconds();
    // The envelope as the console's source delivered it: Qt's tree (QJsonObject) or LiteJson
    // nodes (LiteJsonObject, the live path), read the same way.
    auto toJson = [](const auto &v) -> QJsonValue {
        if constexpr (std::is_same_v<std::decay_t<decltype(v)>, QJsonValue>)
            return v;
        else
            return v.toJsonValue();
    };
    auto onEnvelope = [&](const QString &name, const auto &env) {
        if (name == QLatin1String("stream:end")) {
            const double cpu = cpuSeconds() - cpuAtStart;
            printLine(QJsonObject{
                {QStringLiteral("step"), toJson(env.value(QLatin1String("step")))},
                {QStringLiteral("sent"), toJson(env.value(QLatin1String("sent")))},
                {QStringLiteral("received"), double(received)},
                {QStringLiteral("p50_ms"), percentile(latencies, 0.5)},
                {QStringLiteral("p99_ms"), percentile(latencies, 0.99)},
                {QStringLiteral("max_ms"), percentile(latencies, 1.0)},
                {QStringLiteral("cpu_us_per_event"), received ? cpu * 1e6 / double(received) : 0.0},
                {QStringLiteral("cpu_seconds"), cpu},
                {QStringLiteral("stall_ms"), double(longestGap) / 1000.0},
                {QStringLiteral("orders"), session.orders()->rowCount()}});
            latencies.clear();
            received = 0;
            longestGap = 0;
            cpuAtStart = cpuSeconds();
            return;
        }
        // Runs after the session's own handler (connected first): the models have the event.
        ++received;
        const auto t = qint64(
            env.value(QLatin1String("meta")).toObject().value(QLatin1String("t")).toDouble());
        if (t > 0)
            latencies.push_back(monotonicMicros() - t);
    };
    auto onEvent = [&](const QString &, const QString &name, const QJsonValue &firstArg) {
        onEnvelope(name, firstArg.toObject());
    };
    auto onLiteEvent = [&](const QString &, const QString &name, const LiteJsonArg &firstArg) {
        onEnvelope(name, firstArg.value.toObject());
    };

    session.connectWithToken(QUrl(args.at(1)), args.at(2));
    bool hooked = false;
    QTimer waitReady;
    waitReady.setInterval(20);
    QObject::connect(&waitReady, &QTimer::timeout, &app, [&] {
        for (const QString &nsp : ConsoleSession::namespaces())
            if (!session.isNamespaceConnected(nsp))
                return;
        if (!hooked) {
            hooked = true;
            QObject::connect(session.source(), &EventSource::eventReceived, &app, onEvent);
            QObject::connect(session.source(), &EventSource::liteEventReceived, &app, onLiteEvent);
        }
        waitReady.stop();
        printLine(QJsonObject{{QStringLiteral("ready"), true}});
    });
    waitReady.start();

    // Ends with its controller.
    QSocketNotifier stdinWatch(STDIN_FILENO, QSocketNotifier::Read);
    QObject::connect(&stdinWatch, &QSocketNotifier::activated, &app, [&] {
        char buf[256];
        if (::read(STDIN_FILENO, buf, sizeof buf) <= 0)
            app.quit();
    });
    QTimer::singleShot(30 * 60 * 1000, &app, &QCoreApplication::quit);
    return app.exec();
}
