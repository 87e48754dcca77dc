// ClientBench: the stream, the client under test, and the rate ladder.
#include "clientbench.h"

#include "benchcommon.h"
#include "monotonicclock.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cstdarg>
#include <cstdio>

namespace TableTap {

namespace {

// Unsigned, but shaped like a hub token: the console reads its identity (cafe "stream") from it.
const char *const kToken = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."
                           "eyJzdWIiOiJiZW5jaC1jb25zb2xlIiwibmFtZSI6IkJlbmNoIiwicm9sZSI6Im1hbmFn"
                           "ZXIiLCJjYWZlX2lkIjoic3RyZWFtIiwidG9rZW5fdHlwZSI6ImFjY2VzcyIsImlhdCI6"
                           "MTcwMDAwMDAwMCwiZXhwIjo0MTAyNDQ0ODAwfQ.c2lnbmF0dXJl";

} // namespace

ClientBench::ClientBench(Options options)
    : m_options(std::move(options))
{}

void ClientBench::log(const char *format, ...) const
{
    va_list args;
    va_start(args, format);
    logProgress(m_options.verbose, format, args);
    va_end(args);
}

void ClientBench::clientFailed(SioClient *, std::string_view why)
{
    m_failure = std::string(why);
}

void ClientBench::clientAck(SioClient *, uint64_t id, std::string_view args, int64_t)
{
    if (id == m_ackId)
        m_ack = std::string(args);
}

QJsonObject ClientBench::run(bool reference)
{
    const QString label
        = reference ? QStringLiteral("socket.io-client") : QStringLiteral("console");
    QJsonObject result{{QStringLiteral("kind"), QStringLiteral("client")},
                       {QStringLiteral("label"), label},
                       {QStringLiteral("reference"), reference},
                       {QStringLiteral("step_seconds"), m_options.stepSeconds}};
    std::string error;
    ChildProcess stream;
    log("[client %s] starting the stream\n", qPrintable(label));
    if (!stream.start({m_options.node, m_options.referenceDir + "/event-stream.js"},
                      {"PORT=0", "NODE_ENV=production"}, m_options.serverCpu, 20000,
                      m_options.serverLog, &error)) {
        result.insert(QStringLiteral("error"), QString::fromStdString(error));
        return result;
    }
    const std::string url = "http://127.0.0.1:" + std::to_string(stream.port());
    ChildProcess client;
    std::vector<std::string> argv
        = reference
              ? std::vector<std::string>{m_options.node,
                                         m_options.referenceDir + "/client-ingest.js", url, kToken}
              : std::vector<std::string>{m_options.console, url, kToken};
    if (!client.start(argv, {"QT_QPA_PLATFORM=offscreen"}, m_options.clientCpu, 30000,
                      m_options.serverLog, &error)) {
        result.insert(QStringLiteral("error"),
                      QStringLiteral("client: %1").arg(QString::fromStdString(error)));
        log("  client: %s\n", error.c_str());
        return result;
    }
    SioClient::Config config;
    config.port = stream.port();
    config.nsp = "/control";
    config.authJson = "{}";
    SioClient control(&m_loop, this, &config, 0);
    control.start();
    m_loop.runUntil([&] { return control.state() != SioClient::State::Connecting; },
                    monotonicMicros() + 10000000);
    if (control.state() != SioClient::State::Connected) {
        result.insert(QStringLiteral("error"), QStringLiteral("control connection failed"));
        return result;
    }
    m_loop.runFor(int64_t(1000000 * m_options.settle)); // snapshots settle
    QJsonArray steps;
    double capacity = 0;
    int fails = 0;
    int index = 0;
    for (double rate : m_options.rates) {
        ++index;
        m_ack.clear();
        m_ackId = uint64_t(index);
        char args[160];
        std::snprintf(args, sizeof args,
                      "[\"stream:start\",{\"rate\":%.6g,\"seconds\":%d,\"step\":%d}]", rate,
                      m_options.stepSeconds, index);
        control.emitEvent(args, m_ackId);
        m_loop.runUntil([&] { return !m_ack.empty(); },
                        monotonicMicros() + int64_t(m_options.stepSeconds + 60) * 1000000);
        const QJsonObject ack
            = QJsonDocument::fromJson(QByteArray::fromStdString(m_ack)).array().at(0).toObject();
        std::string line;
        QJsonObject s;
        // The client prints its line when stream:end arrives, after every event of the step.
        while (client.readLine(&line, 30000)) {
            const QJsonObject o = QJsonDocument::fromJson(QByteArray::fromStdString(line)).object();
            if (o.value(QLatin1String("step")).toInt() == index) {
                s = o;
                break;
            }
        }
        const double serverSeconds = ack.value(QLatin1String("seconds")).toDouble();
        const double sent = ack.value(QLatin1String("sent")).toDouble();
        s.insert(QStringLiteral("rate"), rate);
        s.insert(QStringLiteral("server_seconds"), serverSeconds);
        const bool sourceKept
            = serverSeconds > 0 && serverSeconds <= m_options.stepSeconds * 1.1 + 0.2;
        s.insert(QStringLiteral("source_kept_rate"), sourceKept);
        const double received = s.value(QLatin1String("received")).toDouble();
        s.insert(QStringLiteral("events_per_second"),
                 serverSeconds > 0
                     ? received / std::max<double>(serverSeconds, m_options.stepSeconds)
                     : 0);
        const bool pass = !s.isEmpty() && sent > 0 && received >= sent
                          && s.value(QLatin1String("p99_ms")).toDouble() <= m_options.p99BoundMs;
        s.insert(QStringLiteral("pass"), pass);
        log("  %6.0f events/s: %.0f/%.0f received, latency p50 %.1f p99 %.1f ms, %.1f µs CPU per "
            "event, longest stall %.1f ms%s %s\n",
            rate, received, sent, s.value(QLatin1String("p50_ms")).toDouble(),
            s.value(QLatin1String("p99_ms")).toDouble(),
            s.value(QLatin1String("cpu_us_per_event")).toDouble(),
            s.value(QLatin1String("stall_ms")).toDouble(), sourceKept ? "" : " (source too slow)",
            pass ? "pass" : "FAIL");
        steps.append(s);
        if (pass) {
            capacity = std::max(capacity, rate);
            fails = 0;
        } else if (++fails >= 2 || s.isEmpty()) {
            break;
        }
    }
    result.insert(QStringLiteral("steps"), steps);
    result.insert(QStringLiteral("capacity"), capacity);
    log("  ingest capacity: %.0f events/s\n", capacity);
    control.close();
    client.stop();
    stream.stop();
    return result;
}

} // namespace TableTap
