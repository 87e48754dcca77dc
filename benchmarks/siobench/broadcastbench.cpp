// BroadcastBench: the phases, in the order a run goes through them.
#include "broadcastbench.h"

#include "benchcommon.h"
#include "monotonicclock.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <cstring>

namespace TableTap {

namespace {

constexpr uint64_t kStorm = 0, kAdmin = 1, kProbe = 2, kPolling = 3;

QJsonObject usageJson(const ProcStats::Usage &u)
{
    return QJsonObject{{QStringLiteral("server_cpu_pct"), u.serverPct},
                       {QStringLiteral("generator_cpu_pct"), u.selfPct},
                       {QStringLiteral("other_cpu_pct"), u.otherPct},
                       {QStringLiteral("irq_cpu_pct"), u.irqPct},
                       {QStringLiteral("steal_cpu_pct"), u.stealPct}};
}

} // namespace

BroadcastBench::BroadcastBench(Options options)
    : m_options(std::move(options))
{
    if (m_options.ladder.empty())
        m_options.ladder = {10e3,  20e3,  50e3, 100e3, 150e3, 200e3, 300e3, 400e3, 500e3,
                            600e3, 800e3, 1e6,  1.2e6, 1.5e6, 2e6,   2.5e6, 3e6};
}

BroadcastBench::~BroadcastBench() = default;

void BroadcastBench::log(const char *format, ...) const
{
    va_list args;
    va_start(args, format);
    logProgress(m_options.verbose, format, args);
    va_end(args);
}

int BroadcastBench::connectedCount() const
{
    int n = 0;
    for (const auto &c : m_clients)
        n += c->state() == SioClient::State::Connected;
    return n;
}

QJsonObject BroadcastBench::Step::toJson(double p99BoundMs) const
{
    QJsonObject o{{QStringLiteral("rate"), rate},
                  {QStringLiteral("recipients"), recipients},
                  {QStringLiteral("messages_per_second"), rate * recipients},
                  {QStringLiteral("sent"), double(sent)},
                  {QStringLiteral("server_seconds"), serverSeconds},
                  {QStringLiteral("expected"), double(expected)},
                  {QStringLiteral("received"), double(received)},
                  {QStringLiteral("delivered_fraction"),
                   expected > 0 ? double(received) / double(expected) : 0.0},
                  {QStringLiteral("delivered_per_second"),
                   serverSeconds > 0 ? double(received) / serverSeconds : 0.0},
                  {QStringLiteral("latency"), histogramJson(latency)},
                  {QStringLiteral("kept_rate"), keptRate},
                  {QStringLiteral("pass"), pass},
                  {QStringLiteral("p99_bound_ms"), p99BoundMs}};
    const QJsonObject usage = usageJson(cpu);
    for (auto it = usage.begin(); it != usage.end(); ++it)
        o.insert(it.key(), it.value());
    if (received > 0)
        o.insert(QStringLiteral("server_us_per_message"),
                 cpu.serverPct / 100.0 * cpu.seconds * 1e6 / double(received));
    if (ackRtt.count() > 0)
        o.insert(QStringLiteral("ack"), histogramJson(ackRtt));
    return o;
}

void BroadcastBench::clientConnected(SioClient *client, int64_t connectMicros)
{
    if ((client->tag == kStorm || client->tag == kPolling) && m_storm) {
        --m_inFlight;
        ++m_connectedNow;
        if (m_stormTimes)
            m_stormTimes->add(connectMicros);
        while (m_inFlight < m_options.concurrency && m_nextToStart < m_storm->size()) {
            ++m_inFlight;
            (*m_storm)[m_nextToStart++]->start();
        }
    }
}

void BroadcastBench::clientFailed(SioClient *client, std::string_view why)
{
    if ((client->tag == kStorm || client->tag == kPolling) && m_storm) {
        --m_inFlight;
        ++m_failedNow;
        if (m_firstFailure.empty())
            m_firstFailure = std::string(why);
        while (m_inFlight < m_options.concurrency && m_nextToStart < m_storm->size()) {
            ++m_inFlight;
            (*m_storm)[m_nextToStart++]->start();
        }
    } else if (client->tag == kStorm) {
        if (m_firstFailure.empty())
            m_firstFailure = std::string(why);
        log("  client %u dropped: %.*s\n", client->index(), int(why.size()), why.data());
    }
}

void BroadcastBench::clientEvent(SioClient *, std::string_view args, int64_t now)
{
    if (m_stepPrefix.empty() || args.substr(0, m_stepPrefix.size()) != m_stepPrefix)
        return;
    ++m_stepReceived;
    const int64_t t = integerAfter(args, "\"t\":");
    if (t > 0 && m_stepLatency)
        m_stepLatency->add(now - t);
}

void BroadcastBench::clientAck(SioClient *client, uint64_t id, std::string_view args, int64_t now)
{
    if (client == m_admin.get() && id == m_adminAckId) {
        m_adminAcked = true;
        m_adminAckArgs = std::string(args);
        return;
    }
    const int64_t t = integerAfter(args, "\"t\":");
    if (t > 0 && m_ackRtt)
        m_ackRtt->add(now - t);
}

bool BroadcastBench::connectOne(SioClient *client, int64_t timeoutMicros)
{
    client->start();
    m_loop.runUntil(
        [client] {
            return client->state() == SioClient::State::Connected
                   || client->state() == SioClient::State::Failed;
        },
        monotonicMicros() + timeoutMicros);
    return client->state() == SioClient::State::Connected;
}

void BroadcastBench::connectMany(std::vector<std::unique_ptr<SioClient>> &clients, int concurrency,
                                 LatencyHistogram *times, int *failures, double *seconds)
{
    m_storm = &clients;
    m_stormTimes = times;
    m_nextToStart = 0;
    m_inFlight = 0;
    m_connectedNow = 0;
    m_failedNow = 0;
    const int saved = m_options.concurrency;
    m_options.concurrency = concurrency;
    const int64_t t0 = monotonicMicros();
    while (m_inFlight < concurrency && m_nextToStart < clients.size()) {
        ++m_inFlight;
        clients[m_nextToStart++]->start();
    }
    const size_t total = clients.size();
    m_loop.runUntil([&] { return size_t(m_connectedNow + m_failedNow) >= total; },
                    t0 + 180 * 1000000LL);
    *seconds = double(monotonicMicros() - t0) / 1e6;
    *failures = int(total) - m_connectedNow;
    m_options.concurrency = saved;
    m_storm = nullptr;
    m_stormTimes = nullptr;
}

void BroadcastBench::startEchoes(int64_t until)
{
    // One timer walks the ack clients round robin, so echoes are spread evenly over time.
    m_echoUntil = until;
    const int count = std::min<int>(m_options.ackClients, int(m_clients.size()));
    if (count <= 0)
        return;
    const int64_t interval = std::max<int64_t>(
        100, int64_t(1e6 / (std::max(0.1, m_options.ackRatePerClient) * count)));
    m_echoNext = 0;
    scheduleEcho(monotonicMicros(), interval, count);
}

void BroadcastBench::scheduleEcho(int64_t at, int64_t interval, int count)
{
    m_loop.at(at, [this, at, interval, count] {
        if (monotonicMicros() >= m_echoUntil)
            return;
        SioClient *client = m_clients[size_t(m_echoNext++ % count)].get();
        if (client->state() == SioClient::State::Connected) {
            char args[64];
            std::snprintf(args, sizeof args, "[\"echo\",{\"t\":%lld}]",
                          static_cast<long long>(monotonicMicros()));
            client->emitEvent(args, m_nextAckId++);
        }
        scheduleEcho(at + interval, interval, count);
    });
}

LatencyHistogram BroadcastBench::ackPhase(int seconds)
{
    LatencyHistogram rtt;
    m_ackRtt = &rtt;
    const int64_t until = monotonicMicros() + int64_t(seconds) * 1000000;
    startEchoes(until);
    m_loop.runUntil({}, until + 500000); // late answers still count
    m_ackRtt = nullptr;
    return rtt;
}

BroadcastBench::Step BroadcastBench::broadcastStep(double messagesPerSecond, bool withAcks)
{
    Step step;
    step.recipients = connectedCount();
    step.rate = messagesPerSecond / std::max(1, step.recipients);
    const std::string name = "s" + std::to_string(++m_stepIndex);
    m_stepPrefix = "[\"" + name + "\",";
    m_stepReceived = 0;
    m_stepLatency = &step.latency;
    m_adminAcked = false;
    m_adminAckId = m_nextAckId++;
    char args[256];
    std::snprintf(args, sizeof args,
                  "[\"bench:start\",{\"rate\":%.6g,\"seconds\":%d,\"size\":%d,\"room\":\"all\","
                  "\"event\":\"%s\"}]",
                  step.rate, m_options.stepSeconds, m_options.padBytes, name.c_str());
    const ProcStats::Sample before = ProcStats::sample(m_server.pid());
    if (withAcks) {
        m_ackRtt = &step.ackRtt;
        startEchoes(monotonicMicros() + int64_t(m_options.stepSeconds) * 1000000);
    }
    m_admin->emitEvent(args, m_adminAckId);
    const int64_t t0 = monotonicMicros();
    m_loop.runUntil([this] { return m_adminAcked; },
                    t0 + int64_t(m_options.stepSeconds + 30) * 1000000);
    const ProcStats::Sample atAck = ProcStats::sample(m_server.pid());
    step.cpu = ProcStats::usage(before, atAck);
    step.sent = integerAfter(m_adminAckArgs, "\"sent\":");
    const size_t at = m_adminAckArgs.find("\"seconds\":");
    step.serverSeconds = at == std::string::npos ? double(monotonicMicros() - t0) / 1e6
                                                 : std::atof(m_adminAckArgs.c_str() + at + 10);
    if (!m_adminAcked) {
        step.sent = std::llround(step.rate * m_options.stepSeconds);
        step.serverSeconds = double(monotonicMicros() - t0) / 1e6;
    }
    step.expected = uint64_t(std::max<int64_t>(0, step.sent)) * uint64_t(step.recipients);
    // Whatever is still in flight gets two seconds to arrive.
    m_loop.runUntil([&] { return m_stepReceived >= step.expected; }, monotonicMicros() + 2000000);
    step.received = m_stepReceived;
    m_stepPrefix.clear();
    m_stepLatency = nullptr;
    m_ackRtt = nullptr;
    m_echoUntil = 0;
    step.keptRate = m_adminAcked && step.serverSeconds <= m_options.stepSeconds * 1.1 + 0.2;
    step.pass = step.keptRate && step.received >= step.expected && step.expected > 0
                && step.latency.percentileMs(0.99) <= m_options.p99BoundMs;
    // Let queues drain before the next step.
    m_loop.runFor(int64_t(500000 * m_options.settle));
    m_server.drain();
    return step;
}

QJsonObject BroadcastBench::run(const ServerSpec &spec, int clients)
{
    QJsonObject result{{QStringLiteral("label"), QString::fromStdString(spec.label)},
                       {QStringLiteral("clients"), clients},
                       {QStringLiteral("reference"), spec.isReference}};
    std::string error;
    log("[%s N=%d] starting server\n", spec.label.c_str(), clients);
    if (!m_server.start(spec.argv, spec.env, m_options.serverCpu, 20000, m_options.serverLog,
                        &error)) {
        result.insert(QStringLiteral("error"), QString::fromStdString(error));
        log("  cannot start: %s\n", error.c_str());
        return result;
    }
    const uint16_t port = m_server.port();
    m_benchConfig.port = port;
    m_benchConfig.authJson = R"({"token":"bench-token","room":"all"})";
    m_adminConfig = m_benchConfig;
    m_adminConfig.authJson = R"({"token":"bench-token","room":"admin"})";
    m_badConfig = m_benchConfig;
    m_badConfig.authJson = R"({"token":"wrong-token","room":"all"})";
    m_pollingConfig = m_benchConfig;
    m_pollingConfig.polling = true;
    m_benchConfig.pollingOnly = m_options.pollingOnly; // the admin client stays on websocket
    m_loop.runFor(int64_t(300000 * m_options.settle));

    // Refused auth.
    {
        SioClient probe(&m_loop, this, &m_badConfig, 0);
        probe.tag = kProbe;
        connectOne(&probe, 5000000);
        const bool refused = probe.state() == SioClient::State::Failed
                             && probe.lastError().find("unauthorized") != std::string_view::npos;
        result.insert(QStringLiteral("auth_refused"), refused);
        probe.close();
    }
    m_admin = std::make_unique<SioClient>(&m_loop, this, &m_adminConfig, 0);
    m_admin->tag = kAdmin;
    if (!connectOne(m_admin.get(), 10000000)) {
        result.insert(QStringLiteral("error"),
                      QStringLiteral("admin client could not connect: %1")
                          .arg(QString::fromStdString(std::string(m_admin->lastError()))));
        m_server.stop();
        return result;
    }
    m_loop.runFor(int64_t(1000000 * m_options.settle));
    const int64_t rssIdle = ProcStats::rssKb(m_server.pid());

    // Connect storm.
    m_clients.clear();
    for (int i = 0; i < clients; ++i) {
        m_clients.push_back(
            std::make_unique<SioClient>(&m_loop, this, &m_benchConfig, uint32_t(i)));
        m_clients.back()->tag = kStorm;
    }
    LatencyHistogram connectTimes;
    int failures = 0;
    double seconds = 0;
    m_firstFailure.clear();
    const ProcStats::Sample stormBefore = ProcStats::sample(m_server.pid());
    connectMany(m_clients, m_options.concurrency, &connectTimes, &failures, &seconds);
    const ProcStats::Usage stormCpu
        = ProcStats::usage(stormBefore, ProcStats::sample(m_server.pid()));
    QJsonObject connect = histogramJson(connectTimes);
    connect.insert(QStringLiteral("concurrency"), m_options.concurrency);
    connect.insert(QStringLiteral("failures"), failures);
    connect.insert(QStringLiteral("seconds"), seconds);
    connect.insert(QStringLiteral("per_second"), seconds > 0 ? (clients - failures) / seconds : 0);
    connect.insert(QStringLiteral("server_cpu_pct"), stormCpu.serverPct);
    connect.insert(QStringLiteral("generator_cpu_pct"), stormCpu.selfPct);
    connect.insert(QStringLiteral("other_cpu_pct"), stormCpu.otherPct);
    connect.insert(QStringLiteral("irq_cpu_pct"), stormCpu.irqPct);
    if (!m_firstFailure.empty())
        connect.insert(QStringLiteral("first_failure"), QString::fromStdString(m_firstFailure));
    result.insert(QStringLiteral("connect"), connect);
    log("  connect: %d clients in %.2f s = %.0f/s, p50 %.1f ms p99 %.1f ms, server %.0f%% gen "
        "%.0f%% other %.0f%% irq %.0f%%, %d failed%s%s\n",
        clients - failures, seconds, seconds > 0 ? (clients - failures) / seconds : 0,
        connectTimes.percentileMs(0.5), connectTimes.percentileMs(0.99), stormCpu.serverPct,
        stormCpu.selfPct, stormCpu.otherPct, stormCpu.irqPct, failures,
        m_firstFailure.empty() ? "" : ": ", m_firstFailure.c_str());
    m_loop.runFor(int64_t(2000000 * m_options.settle));
    const int64_t rssConnected = ProcStats::rssKb(m_server.pid());
    const double perConnection = double(rssConnected - rssIdle) / std::max(1, clients - failures);
    result.insert(QStringLiteral("memory"),
                  QJsonObject{{QStringLiteral("rss_idle_kb"), double(rssIdle)},
                              {QStringLiteral("rss_connected_kb"), double(rssConnected)},
                              {QStringLiteral("kb_per_connection"), perConnection}});
    log("  memory: idle %lld KB, connected %lld KB, %.2f KB per connection\n",
        static_cast<long long>(rssIdle), static_cast<long long>(rssConnected), perConnection);

    if (m_options.runAcks) {
        const LatencyHistogram idle = ackPhase(m_options.ackSeconds);
        result.insert(QStringLiteral("ack_idle"), histogramJson(idle));
        log("  ack idle: p50 %.2f ms p99 %.2f ms (%llu)\n", idle.percentileMs(0.5),
            idle.percentileMs(0.99), static_cast<unsigned long long>(idle.count()));
    }
    auto logStep = [this](const char *what, const Step &s) {
        log("  %s %.0f msgs/s (rate %.3g): %llu/%llu delivered, p50 %.1f p99 %.1f max %.1f ms, "
            "server %.0f%% gen %.0f%% other %.0f%% irq %.0f%%%s%s\n",
            what, s.rate * s.recipients, s.rate, static_cast<unsigned long long>(s.received),
            static_cast<unsigned long long>(s.expected), s.latency.percentileMs(0.5),
            s.latency.percentileMs(0.99), s.latency.maxMs(), s.cpu.serverPct, s.cpu.selfPct,
            s.cpu.otherPct, s.cpu.irqPct, s.keptRate ? "" : " (rate not kept)",
            s.pass ? " pass" : " FAIL");
        if (s.ackRtt.count())
            log("    ack under load: p50 %.2f ms p99 %.2f ms\n", s.ackRtt.percentileMs(0.5),
                s.ackRtt.percentileMs(0.99));
    };
    if (m_options.runFixed) {
        const Step fixed = broadcastStep(m_options.fixedMessagesPerSecond, false);
        logStep("fixed", fixed);
        result.insert(QStringLiteral("fixed"), fixed.toJson(m_options.p99BoundMs));
    }
    if (m_options.runAcks && m_options.loadMessagesPerSecond > 0) {
        const Step load = broadcastStep(m_options.loadMessagesPerSecond, true);
        logStep("load", load);
        result.insert(QStringLiteral("load"), load.toJson(m_options.p99BoundMs));
    }
    if (m_options.runLadder) {
        QJsonArray steps;
        double capacity = 0;
        int consecutiveFails = 0;
        for (double messages : m_options.ladder) {
            const Step s = broadcastStep(messages, false);
            logStep("ladder", s);
            steps.append(s.toJson(m_options.p99BoundMs));
            if (s.pass) {
                if (s.rate * s.recipients > capacity) {
                    capacity = s.rate * s.recipients;
                    // A generator near its limit would understate the server: say so.
                    result.insert(QStringLiteral("capacity_generator_cpu_pct"), s.cpu.selfPct);
                    result.insert(QStringLiteral("capacity_server_cpu_pct"), s.cpu.serverPct);
                    result.insert(QStringLiteral("capacity_p99_ms"), s.latency.percentileMs(0.99));
                }
                consecutiveFails = 0;
            } else if (++consecutiveFails >= 2) {
                break;
            }
        }
        result.insert(QStringLiteral("ladder"), steps);
        result.insert(QStringLiteral("capacity"), capacity);
        log("  capacity: %.0f msgs/s\n", capacity);
    }
    if (m_options.runPolling && m_options.pollingClients > 0) {
        std::vector<std::unique_ptr<SioClient>> polling;
        for (int i = 0; i < m_options.pollingClients; ++i) {
            polling.push_back(std::make_unique<SioClient>(&m_loop, this, &m_pollingConfig,
                                                          uint32_t(clients + i)));
            polling.back()->tag = kPolling;
        }
        LatencyHistogram times;
        int pollFailures = 0;
        double pollSeconds = 0;
        m_firstFailure.clear();
        connectMany(polling, m_options.pollingConcurrency, &times, &pollFailures, &pollSeconds);
        LatencyHistogram upgrade;
        for (const auto &c : polling)
            if (c->upgradeMicros() > 0)
                upgrade.add(c->upgradeMicros());
        QJsonObject p = histogramJson(times);
        p.insert(QStringLiteral("clients"), m_options.pollingClients);
        p.insert(QStringLiteral("concurrency"), m_options.pollingConcurrency);
        p.insert(QStringLiteral("failures"), pollFailures);
        p.insert(QStringLiteral("per_second"),
                 pollSeconds > 0 ? (m_options.pollingClients - pollFailures) / pollSeconds : 0);
        if (!m_firstFailure.empty())
            p.insert(QStringLiteral("first_failure"), QString::fromStdString(m_firstFailure));
        result.insert(QStringLiteral("polling"), p);
        log("  polling connect+upgrade: p50 %.1f ms p99 %.1f ms, %.0f/s, %d failed%s%s\n",
            times.percentileMs(0.5), times.percentileMs(0.99),
            pollSeconds > 0 ? (m_options.pollingClients - pollFailures) / pollSeconds : 0,
            pollFailures, m_firstFailure.empty() ? "" : ": ", m_firstFailure.c_str());
        for (auto &c : polling)
            c->close();
    }
    int dropped = 0;
    for (const auto &c : m_clients)
        dropped += c->state() == SioClient::State::Failed;
    result.insert(QStringLiteral("dropped_clients"), dropped - failures);
    result.insert(QStringLiteral("rss_end_kb"), double(ProcStats::rssKb(m_server.pid())));
    for (auto &c : m_clients)
        c->close();
    m_admin->close();
    m_server.stop();
    m_clients.clear();
    m_admin.reset();
    return result;
}

} // namespace TableTap
