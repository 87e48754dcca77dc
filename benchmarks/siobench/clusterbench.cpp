// ClusterBench: start the layout, connect, warm up, the fixed-rate step, the ladder.
#include "clusterbench.h"

#include "benchcommon.h"
#include "monotonicclock.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>

namespace TableTap {

namespace {

constexpr uint64_t kAdminTag = 1000;

QJsonArray intArray(const std::vector<int> &v)
{
    QJsonArray a;
    for (int x : v)
        a.append(x);
    return a;
}

} // namespace

bool ClusterBench::parseLayout(const std::string &name, Layout *layout)
{
    if (name == "one")
        *layout = Layout::OneNode;
    else if (name == "one-redis")
        *layout = Layout::OneNodeRedis;
    else if (name == "two")
        *layout = Layout::TwoNodesRedis;
    else
        return false;
    return true;
}

const char *ClusterBench::layoutName(Layout layout)
{
    switch (layout) {
    case Layout::OneNode:
        return "one";
    case Layout::OneNodeRedis:
        return "one-redis";
    case Layout::TwoNodesRedis:
        return "two";
    }
    return "?";
}

const char *ClusterBench::layoutLabel(Layout layout)
{
    switch (layout) {
    case Layout::OneNode:
        return "one node";
    case Layout::OneNodeRedis:
        return "one node + Redis";
    case Layout::TwoNodesRedis:
        return "two nodes + Redis";
    }
    return "?";
}

ClusterBench::ClusterBench(Options options)
    : m_options(std::move(options))
{
    if (m_options.ladder.empty())
        m_options.ladder = {10e3,  20e3,  50e3, 100e3, 150e3, 200e3, 300e3, 400e3, 500e3,
                            600e3, 800e3, 1e6,  1.2e6, 1.5e6, 2e6,   2.5e6, 3e6};
    while (m_options.nodeCpus.size() < 2)
        m_options.nodeCpus.push_back(m_options.nodeCpus.empty() ? 0 : m_options.nodeCpus.back());
}

ClusterBench::~ClusterBench()
{
    m_clients.clear();
    m_admin.reset();
    for (auto &n : m_nodes)
        n->stop();
    m_redis.stop();
}

void ClusterBench::log(const char *format, ...) const
{
    va_list args;
    va_start(args, format);
    logProgress(m_options.verbose, format, args);
    va_end(args);
}

int ClusterBench::connectedCount() const
{
    int n = 0;
    for (const auto &c : m_clients)
        n += c->state() == SioClient::State::Connected;
    return n;
}

std::vector<pid_t> ClusterBench::serverPids() const
{
    std::vector<pid_t> pids;
    for (const auto &n : m_nodes)
        pids.push_back(n->pid());
    if (m_redis.pid() > 0)
        pids.push_back(m_redis.pid());
    return pids;
}

QJsonObject ClusterBench::Step::toJson(double p99BoundMs) const
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
                  {QStringLiteral("latency"), histogramJson(latency)},
                  {QStringLiteral("server_cpu_pct"), cpu.serverPct},
                  {QStringLiteral("redis_cpu_pct"), redisCpuPct},
                  {QStringLiteral("generator_cpu_pct"), cpu.selfPct},
                  {QStringLiteral("other_cpu_pct"), cpu.otherPct},
                  {QStringLiteral("irq_cpu_pct"), cpu.irqPct},
                  {QStringLiteral("kept_rate"), keptRate},
                  {QStringLiteral("pass"), pass},
                  {QStringLiteral("p99_bound_ms"), p99BoundMs}};
    // Per node: node0 holds the sender (the admin connection), node1 gets it through Redis.
    for (size_t i = 0; i < nodeLatency.size(); ++i) {
        const uint64_t nodeExpected
            = uint64_t(std::max<int64_t>(0, sent)) * uint64_t(nodeRecipients[i]);
        o.insert(
            QStringLiteral("node%1").arg(i),
            QJsonObject{{QStringLiteral("recipients"), nodeRecipients[i]},
                        {QStringLiteral("received"), double(nodeReceived[i])},
                        {QStringLiteral("delivered_fraction"),
                         nodeExpected > 0 ? double(nodeReceived[i]) / double(nodeExpected) : 0.0},
                        {QStringLiteral("latency"), histogramJson(nodeLatency[i])}});
    }
    return o;
}

void ClusterBench::clientConnected(SioClient *client, int64_t connectMicros)
{
    if (client->tag == kAdminTag || !m_connecting)
        return;
    m_connectTimes.add(connectMicros);
    --m_inFlight;
    ++m_done;
    while (m_inFlight < m_options.concurrency && m_next < m_clients.size()) {
        ++m_inFlight;
        m_clients[m_next++]->start();
    }
}

void ClusterBench::clientFailed(SioClient *client, std::string_view why)
{
    if (m_firstFailure.empty())
        m_firstFailure = std::string(why);
    if (client->tag == kAdminTag)
        return;
    if (m_step) {
        log("  client %u dropped: %.*s\n", client->index(), int(why.size()), why.data());
        return;
    }
    if (m_connecting) {
        --m_inFlight;
        ++m_done;
        ++m_failed;
        while (m_inFlight < m_options.concurrency && m_next < m_clients.size()) {
            ++m_inFlight;
            m_clients[m_next++]->start();
        }
    }
}

void ClusterBench::clientEvent(SioClient *client, std::string_view args, int64_t now)
{
    if (!m_step || m_stepPrefix.empty() || args.substr(0, m_stepPrefix.size()) != m_stepPrefix)
        return;
    const size_t node = size_t(client->tag);
    ++m_step->received;
    if (node < m_step->nodeReceived.size())
        ++m_step->nodeReceived[node];
    const int64_t t = integerAfter(args, "\"t\":");
    if (t > 0) {
        m_step->latency.add(now - t);
        if (node < m_step->nodeLatency.size())
            m_step->nodeLatency[node].add(now - t);
    }
}

void ClusterBench::clientAck(SioClient *client, uint64_t id, std::string_view args, int64_t)
{
    if (client == m_admin.get() && id == m_adminAckId) {
        m_adminAcked = true;
        m_adminAckArgs = std::string(args);
    }
}

ClusterBench::Step ClusterBench::broadcastStep(double messagesPerSecond, int seconds)
{
    Step step;
    step.recipients = connectedCount();
    step.rate = messagesPerSecond / std::max(1, step.recipients);
    step.nodeLatency.resize(m_nodes.size());
    step.nodeReceived.assign(m_nodes.size(), 0);
    step.nodeRecipients.assign(m_nodes.size(), 0);
    for (const auto &c : m_clients)
        if (c->state() == SioClient::State::Connected && c->tag < m_nodes.size())
            ++step.nodeRecipients[size_t(c->tag)];
    const std::string name = "c" + std::to_string(++m_stepIndex);
    m_stepPrefix = "[\"" + name + "\",";
    m_step = &step;
    m_adminAcked = false;
    m_adminAckArgs.clear();
    m_adminAckId = m_nextAckId++;
    char args[256];
    std::snprintf(args, sizeof args,
                  "[\"bench:start\",{\"rate\":%.6g,\"seconds\":%d,\"size\":%d,\"room\":\"all\","
                  "\"event\":\"%s\"}]",
                  step.rate, seconds, m_options.padBytes, name.c_str());
    const std::vector<pid_t> pids = serverPids();
    const ProcStats::Sample before = ProcStats::sample(pids);
    const double redisBefore = m_redis.pid() > 0 ? ProcStats::cpuSeconds(m_redis.pid()) : 0;
    m_admin->emitEvent(args, m_adminAckId);
    const int64_t t0 = monotonicMicros();
    m_loop.runUntil([this] { return m_adminAcked; }, t0 + int64_t(seconds + 30) * 1000000);
    const ProcStats::Sample atAck = ProcStats::sample(pids);
    step.cpu = ProcStats::usage(before, atAck);
    if (step.cpu.seconds > 0 && m_redis.pid() > 0)
        step.redisCpuPct
            = 100.0 * (ProcStats::cpuSeconds(m_redis.pid()) - redisBefore) / step.cpu.seconds;
    step.sent = integerAfter(m_adminAckArgs, "\"sent\":");
    const size_t at = m_adminAckArgs.find("\"seconds\":");
    step.serverSeconds = at == std::string::npos ? double(monotonicMicros() - t0) / 1e6
                                                 : std::atof(m_adminAckArgs.c_str() + at + 10);
    if (!m_adminAcked) {
        step.sent = std::llround(step.rate * seconds);
        step.serverSeconds = double(monotonicMicros() - t0) / 1e6;
    }
    step.expected = uint64_t(std::max<int64_t>(0, step.sent)) * uint64_t(step.recipients);
    // Whatever is still in flight (Redis included) gets two seconds to arrive.
    m_loop.runUntil([&] { return step.received >= step.expected; }, monotonicMicros() + 2000000);
    m_step = nullptr;
    m_stepPrefix.clear();
    step.keptRate = m_adminAcked && step.serverSeconds <= seconds * 1.1 + 0.2;
    step.pass = step.keptRate && step.expected > 0 && step.received >= step.expected
                && step.latency.percentileMs(0.99) <= m_options.p99BoundMs;
    m_loop.runFor(int64_t(500000 * m_options.settle));
    for (auto &n : m_nodes)
        n->drain();
    return step;
}

QJsonObject ClusterBench::run(Layout layout, int clients)
{
    const int nodes = layout == Layout::TwoNodesRedis ? 2 : 1;
    const bool redis = layout != Layout::OneNode;
    QJsonObject result{{QStringLiteral("kind"), QStringLiteral("cluster")},
                       {QStringLiteral("layout"), QLatin1String(layoutName(layout))},
                       {QStringLiteral("label"), QLatin1String(layoutLabel(layout))},
                       {QStringLiteral("nodes"), nodes},
                       {QStringLiteral("redis"), redis},
                       {QStringLiteral("clients"), clients},
                       {QStringLiteral("step_seconds"), m_options.stepSeconds},
                       {QStringLiteral("node_cpus"),
                        intArray({m_options.nodeCpus.begin(), m_options.nodeCpus.begin() + nodes})},
                       {QStringLiteral("generator_cpu"), m_options.generatorCpu}};
    if (redis)
        result.insert(QStringLiteral("redis_cpu"), m_options.redisCpu);
    std::string error;
    log("[cluster %s, %d clients] starting\n", layoutLabel(layout), clients);
    if (redis
        && !m_redis.start(m_options.redisServer, m_options.redisCpu, m_options.serverLog, &error)) {
        result.insert(QStringLiteral("error"), QString::fromStdString(error));
        log("  %s\n", error.c_str());
        return result;
    }
    for (int i = 0; i < nodes; ++i) {
        std::vector<std::string> argv
            = {m_options.benchServer, "--port", "0", "--bind", "127.0.0.1"};
        if (redis) {
            argv.insert(argv.end(),
                        {"--cluster", m_redis.url(), "--node", std::string(1, char('A' + i))});
        }
        auto node = std::make_unique<ChildProcess>();
        if (!node->start(argv, {}, m_options.nodeCpus[size_t(i)], 20000, m_options.serverLog,
                         &error)) {
            result.insert(QStringLiteral("error"), QStringLiteral("node %1: %2")
                                                       .arg(QChar(u'A' + i))
                                                       .arg(QString::fromStdString(error)));
            log("  node %c: %s\n", char('A' + i), error.c_str());
            return result;
        }
        // A node that could not reach Redis serves alone: that is no cluster to measure.
        if (redis && node->readyLine().find("\"connected\":true") == std::string::npos) {
            result.insert(QStringLiteral("error"),
                          QStringLiteral("node %1 did not connect to Redis: %2")
                              .arg(QChar(u'A' + i))
                              .arg(QString::fromStdString(node->readyLine())));
            log("  node %c did not connect to Redis\n", char('A' + i));
            return result;
        }
        auto config = std::make_unique<SioClient::Config>();
        config->port = node->port();
        config->authJson = R"({"token":"bench-token","room":"all"})";
        m_configs.push_back(std::move(config));
        m_nodes.push_back(std::move(node));
    }
    m_loop.runFor(int64_t(300000 * m_options.settle));
    m_adminConfig = *m_configs.front();
    m_adminConfig.authJson = R"({"token":"bench-token","room":"admin"})";
    m_admin = std::make_unique<SioClient>(&m_loop, this, &m_adminConfig, 0);
    m_admin->tag = kAdminTag;
    m_admin->start();
    m_loop.runUntil(
        [this] {
            return m_admin->state() == SioClient::State::Connected
                   || m_admin->state() == SioClient::State::Failed;
        },
        monotonicMicros() + 10000000);
    if (m_admin->state() != SioClient::State::Connected) {
        result.insert(QStringLiteral("error"), QStringLiteral("admin client could not connect"));
        return result;
    }
    // Clients alternate between the nodes, so each node holds half of them.
    for (int i = 0; i < clients; ++i) {
        m_clients.push_back(std::make_unique<SioClient>(
            &m_loop, this, m_configs[size_t(i % nodes)].get(), uint32_t(i)));
        m_clients.back()->tag = uint64_t(i % nodes);
    }
    const int64_t t0 = monotonicMicros();
    m_connecting = true;
    while (m_inFlight < m_options.concurrency && m_next < m_clients.size()) {
        ++m_inFlight;
        m_clients[m_next++]->start();
    }
    m_loop.runUntil([this] { return size_t(m_done) >= m_clients.size(); }, t0 + 180000000);
    m_connecting = false;
    const double connectSeconds = double(monotonicMicros() - t0) / 1e6;
    result.insert(QStringLiteral("connect"),
                  QJsonObject{{QStringLiteral("failures"), m_failed},
                              {QStringLiteral("seconds"), connectSeconds},
                              {QStringLiteral("p99_ms"), m_connectTimes.percentileMs(0.99)}});
    log("  %d clients connected in %.2f s, %d failed%s%s\n", m_done - m_failed, connectSeconds,
        m_failed, m_firstFailure.empty() ? "" : ": ", m_firstFailure.c_str());
    if (m_failed > 0 || m_done < clients) {
        result.insert(QStringLiteral("error"), QStringLiteral("clients could not connect: %1")
                                                   .arg(QString::fromStdString(m_firstFailure)));
        return result;
    }
    m_loop.runFor(int64_t(1000000 * m_options.settle));

    // Warm-up: a second of low-rate broadcasts until every client gets them (the subscriptions
    // to Redis settle in the first milliseconds); three tries at most.
    double warmupFraction = 0;
    for (int attempt = 0; attempt < 3; ++attempt) {
        const Step w = broadcastStep(10.0 * clients, 1);
        warmupFraction = w.expected > 0 ? double(w.received) / double(w.expected) : 0;
        if (w.pass)
            break;
    }
    result.insert(QStringLiteral("warmup_delivered_fraction"), warmupFraction);
    log("  warm-up: %.3f delivered\n", warmupFraction);

    auto logStep = [this](const char *what, const Step &s) {
        log("  %s %.0f msgs/s (rate %.3g): %llu/%llu delivered, p50 %.2f p99 %.2f ms", what,
            s.rate * s.recipients, s.rate, static_cast<unsigned long long>(s.received),
            static_cast<unsigned long long>(s.expected), s.latency.percentileMs(0.5),
            s.latency.percentileMs(0.99));
        for (size_t i = 0; i < s.nodeLatency.size() && s.nodeLatency.size() > 1; ++i)
            log(", node %c p50 %.2f p99 %.2f", char('A' + i), s.nodeLatency[i].percentileMs(0.5),
                s.nodeLatency[i].percentileMs(0.99));
        log(", servers %.0f%% (redis %.0f%%) gen %.0f%% other %.0f%%%s%s\n", s.cpu.serverPct,
            s.redisCpuPct, s.cpu.selfPct, s.cpu.otherPct, s.keptRate ? "" : " (rate not kept)",
            s.pass ? " pass" : " FAIL");
    };
    if (m_options.runFixed) {
        const Step fixed = broadcastStep(m_options.fixedMessagesPerSecond, m_options.stepSeconds);
        logStep("fixed", fixed);
        result.insert(QStringLiteral("fixed"), fixed.toJson(m_options.p99BoundMs));
    }
    if (m_options.runLadder) {
        QJsonArray steps;
        double capacity = 0;
        int consecutiveFails = 0;
        for (double messages : m_options.ladder) {
            const Step s = broadcastStep(messages, m_options.stepSeconds);
            logStep("ladder", s);
            steps.append(s.toJson(m_options.p99BoundMs));
            if (s.pass) {
                if (s.rate * s.recipients > capacity) {
                    capacity = s.rate * s.recipients;
                    result.insert(QStringLiteral("capacity_p99_ms"), s.latency.percentileMs(0.99));
                    result.insert(QStringLiteral("capacity_server_cpu_pct"), s.cpu.serverPct);
                    result.insert(QStringLiteral("capacity_redis_cpu_pct"), s.redisCpuPct);
                    result.insert(QStringLiteral("capacity_generator_cpu_pct"), s.cpu.selfPct);
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
    int dropped = 0;
    for (const auto &c : m_clients)
        dropped += c->state() != SioClient::State::Connected;
    result.insert(QStringLiteral("dropped_clients"), dropped);
    for (auto &c : m_clients)
        c->close();
    m_admin->close();
    m_clients.clear();
    m_admin.reset();
    for (auto &n : m_nodes)
        n->stop();
    m_nodes.clear();
    m_configs.clear();
    m_redis.stop();
    return result;
}

} // namespace TableTap
