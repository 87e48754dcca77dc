// ScaleBench: connect many, broadcast to all once a second, probe acks meanwhile.
#include "scalebench.h"

#include "benchcommon.h"
#include "monotonicclock.h"

#include <sys/resource.h>

#include <algorithm>
#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

namespace TableTap {

namespace {

constexpr uint64_t kStorm = 0, kAdmin = 1, kProbe = 2;
// Of 28,232 ephemeral ports each: the kernel looks for a free port per connect, which slows
// down as an address fills up (19,000 clients on one address connected 4x slower than on two).
constexpr int kClientsPerSourceAddress = 5000;

// Kernel slab caches a TCP socket lives in (both ends of a loopback connection count).
int64_t slabKb(const char *const names[], size_t count)
{
    std::ifstream in("/proc/slabinfo");
    std::string line;
    int64_t bytes = 0;
    while (std::getline(in, line)) {
        std::istringstream fields(line);
        std::string name;
        int64_t active = 0, total = 0, size = 0;
        if (!(fields >> name >> active >> total >> size))
            continue;
        for (size_t i = 0; i < count; ++i)
            if (name == names[i])
                bytes += active * size;
    }
    return bytes / 1024;
}

int64_t socketSlabKb()
{
    static const char *const names[]
        = {"TCP", "sock_inode_cache", "filp", "dentry", "eventpoll_epi", "eventpoll_pwq"};
    return slabKb(names, sizeof names / sizeof names[0]);
}

QJsonObject cpuJson(const ProcStats::Usage &u)
{
    return QJsonObject{{QStringLiteral("server_cpu_pct"), u.serverPct},
                       {QStringLiteral("generator_cpu_pct"), u.selfPct},
                       {QStringLiteral("other_cpu_pct"), u.otherPct},
                       {QStringLiteral("irq_cpu_pct"), u.irqPct}};
}

} // namespace

ScaleBench::ScaleBench(Options options)
    : m_options(std::move(options))
{}

ScaleBench::~ScaleBench() = default;

void ScaleBench::log(const char *format, ...) const
{
    va_list args;
    va_start(args, format);
    logProgress(m_options.verbose, format, args);
    va_end(args);
}

int64_t ScaleBench::kernelTcpKb()
{
    std::ifstream in("/proc/net/sockstat");
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("TCP:", 0) != 0)
            continue;
        const size_t at = line.find(" mem ");
        if (at == std::string::npos)
            return -1;
        return std::atoll(line.c_str() + at + 5) * (sysconf(_SC_PAGESIZE) / 1024);
    }
    return -1;
}

int64_t ScaleBench::raiseFdLimit(int64_t wanted)
{
    rlimit lim{};
    if (getrlimit(RLIMIT_NOFILE, &lim) != 0)
        return -1;
    if (lim.rlim_max != RLIM_INFINITY && int64_t(lim.rlim_max) < wanted) {
        int64_t nrOpen = wanted;
        std::ifstream in("/proc/sys/fs/nr_open");
        in >> nrOpen;
        rlimit raised{rlim_t(std::min(wanted, nrOpen)), rlim_t(std::min(wanted, nrOpen))};
        if (setrlimit(RLIMIT_NOFILE, &raised) == 0)
            lim = raised;
        else
            std::fprintf(stderr,
                         "tt_siobench: cannot raise the open-file limit to %lld (%s): raising "
                         "the hard limit (%lld) takes root with CAP_SYS_RESOURCE\n",
                         static_cast<long long>(wanted), std::strerror(errno),
                         static_cast<long long>(lim.rlim_max));
    }
    if (lim.rlim_cur < lim.rlim_max) {
        lim.rlim_cur = lim.rlim_max;
        setrlimit(RLIMIT_NOFILE, &lim);
    }
    getrlimit(RLIMIT_NOFILE, &lim);
    return lim.rlim_cur == RLIM_INFINITY ? INT64_MAX : int64_t(lim.rlim_cur);
}

void ScaleBench::clientConnected(SioClient *client, int64_t connectMicros)
{
    if (client->tag != kStorm || !m_storming)
        return;
    --m_inFlight;
    ++m_connected;
    if (m_connectTimes)
        m_connectTimes->add(connectMicros);
    startMore();
}

void ScaleBench::clientFailed(SioClient *client, std::string_view why)
{
    if (m_firstFailure.empty())
        m_firstFailure = std::string(why);
    if (client->tag != kStorm)
        return;
    if (m_storming) {
        --m_inFlight;
        ++m_failed;
        startMore();
    } else {
        ++m_dropped;
    }
}

void ScaleBench::startMore()
{
    while (m_storm && m_inFlight < m_options.concurrency && m_nextToStart < m_storm->size()) {
        ++m_inFlight;
        (*m_storm)[m_nextToStart++]->start();
    }
}

void ScaleBench::clientEvent(SioClient *, std::string_view args, int64_t now)
{
    if (m_prefix.empty() || args.substr(0, m_prefix.size()) != m_prefix)
        return;
    ++m_received;
    const int64_t t = integerAfter(args, "\"t\":");
    if (t > 0)
        m_latency.add(now - t);
}

void ScaleBench::clientAck(SioClient *client, uint64_t id, std::string_view args, int64_t now)
{
    if (client == m_admin.get() && id == m_adminAckId) {
        m_adminAcked = true;
        m_adminAckArgs = std::string(args);
        return;
    }
    if (client != m_probe.get())
        return;
    const int64_t t = integerAfter(args, "\"t\":");
    if (t > 0)
        m_probeRtt.add(now - t);
}

bool ScaleBench::connectOne(SioClient *client, int64_t timeoutMicros)
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

void ScaleBench::scheduleProbe(int64_t at, int64_t interval)
{
    m_loop.at(at, [this, at, interval] {
        if (monotonicMicros() >= m_probeUntil)
            return;
        if (m_probe->state() == SioClient::State::Connected) {
            char args[64];
            std::snprintf(args, sizeof args, "[\"echo\",{\"t\":%lld}]",
                          static_cast<long long>(monotonicMicros()));
            m_probe->emitEvent(args, m_nextAckId++);
        }
        scheduleProbe(at + interval, interval);
    });
}

QJsonObject ScaleBench::run(const ServerSpec &spec, int clients)
{
    QJsonObject result{{QStringLiteral("kind"), QStringLiteral("scale")},
                       {QStringLiteral("label"), QString::fromStdString(spec.label)},
                       {QStringLiteral("clients"), clients},
                       {QStringLiteral("reference"), spec.isReference}};
    // Every client is a descriptor here and one in the server (which inherits the limit).
    const int64_t fdLimit = raiseFdLimit(int64_t(clients) + 1000);
    result.insert(QStringLiteral("fd_limit"), double(fdLimit));
    if (fdLimit < clients + 100) {
        result.insert(QStringLiteral("error"),
                      QStringLiteral("open-file limit %1 is too low for %2 clients")
                          .arg(fdLimit)
                          .arg(clients));
        return result;
    }
    int addresses = m_options.sourceAddresses;
    if (addresses <= 0)
        addresses
            = std::max(1, (clients + kClientsPerSourceAddress - 1) / kClientsPerSourceAddress);
    m_benchConfig = SioClient::Config{};
    for (int i = 0; i < addresses; ++i)
        m_benchConfig.sourceAddresses.push_back((127u << 24) | uint32_t(2 + i)); // 127.0.0.2...
    result.insert(QStringLiteral("source_addresses"), addresses);

    std::string error;
    log("[%s N=%d] starting server (%d source addresses, open files %lld)\n", spec.label.c_str(),
        clients, addresses, static_cast<long long>(fdLimit));
    if (!m_server.start(spec.argv, spec.env, m_options.serverCpu, 20000, m_options.serverLog,
                        &error)) {
        result.insert(QStringLiteral("error"), QString::fromStdString(error));
        log("  cannot start: %s\n", error.c_str());
        return result;
    }
    m_benchConfig.port = m_server.port();
    m_benchConfig.authJson = R"({"token":"bench-token","room":"all"})";
    m_adminConfig = m_benchConfig;
    m_adminConfig.sourceAddresses.clear();
    m_adminConfig.authJson = R"({"token":"bench-token","room":"admin"})";
    m_probeConfig = m_adminConfig;
    m_probeConfig.authJson = R"({"token":"bench-token","room":"probe"})";
    m_pollingConfig = m_adminConfig;
    m_pollingConfig.authJson = R"({"token":"bench-token","room":"polling"})";
    m_pollingConfig.polling = true;
    m_pollingConfig.upgrade = false;
    m_loop.runFor(int64_t(300000 * m_options.settle));

    m_admin = std::make_unique<SioClient>(&m_loop, this, &m_adminConfig, 0);
    m_admin->tag = kAdmin;
    m_probe = std::make_unique<SioClient>(&m_loop, this, &m_probeConfig, 1);
    m_probe->tag = kProbe;
    if (!connectOne(m_admin.get(), 10000000) || !connectOne(m_probe.get(), 10000000)) {
        result.insert(QStringLiteral("error"),
                      QStringLiteral("admin or probe client could not connect: %1")
                          .arg(QString::fromStdString(m_firstFailure)));
        m_server.stop();
        return result;
    }
    m_loop.runFor(int64_t(1000000 * m_options.settle));
    const int64_t rssIdle = ProcStats::rssKb(m_server.pid());
    const int64_t kernelIdle = kernelTcpKb();
    const int64_t slabIdle = socketSlabKb();

    // Everyone connects.
    m_clients.clear();
    m_clients.reserve(size_t(clients));
    for (int i = 0; i < clients; ++i) {
        m_clients.push_back(
            std::make_unique<SioClient>(&m_loop, this, &m_benchConfig, uint32_t(i)));
        m_clients.back()->tag = kStorm;
    }
    LatencyHistogram connectTimes;
    m_connectTimes = &connectTimes;
    m_nextToStart = 0;
    m_inFlight = 0;
    m_connected = 0;
    m_failed = 0;
    m_dropped = 0;
    m_firstFailure.clear();
    m_storming = true;
    m_storm = &m_clients;
    const ProcStats::Sample stormBefore = ProcStats::sample(m_server.pid());
    const int64_t t0 = monotonicMicros();
    startMore();
    m_loop.runUntil([&] { return m_connected + m_failed >= clients; }, t0 + 120 * 1000000LL);
    const double connectSeconds = double(monotonicMicros() - t0) / 1e6;
    const ProcStats::Usage stormCpu
        = ProcStats::usage(stormBefore, ProcStats::sample(m_server.pid()));
    m_storming = false;
    m_storm = nullptr;
    m_connectTimes = nullptr;
    const int failures = clients - m_connected;
    QJsonObject connect = histogramJson(connectTimes);
    connect.insert(QStringLiteral("concurrency"), m_options.concurrency);
    connect.insert(QStringLiteral("failures"), failures);
    connect.insert(QStringLiteral("seconds"), connectSeconds);
    connect.insert(QStringLiteral("per_second"),
                   connectSeconds > 0 ? m_connected / connectSeconds : 0.0);
    connect.insert(QStringLiteral("within_limit"),
                   failures == 0 && connectSeconds <= m_options.connectLimitSeconds);
    connect.insert(QStringLiteral("limit_seconds"), m_options.connectLimitSeconds);
    const QJsonObject stormUsage = cpuJson(stormCpu);
    for (auto it = stormUsage.begin(); it != stormUsage.end(); ++it)
        connect.insert(it.key(), it.value());
    if (!m_firstFailure.empty())
        connect.insert(QStringLiteral("first_failure"), QString::fromStdString(m_firstFailure));
    result.insert(QStringLiteral("connect"), connect);
    log("  connect: %d of %d in %.2f s = %.0f/s, p50 %.1f ms p99 %.1f ms, server %.0f%% gen "
        "%.0f%% other %.0f%%, %d failed%s%s\n",
        m_connected, clients, connectSeconds,
        connectSeconds > 0 ? m_connected / connectSeconds : 0.0, connectTimes.percentileMs(0.5),
        connectTimes.percentileMs(0.99), stormCpu.serverPct, stormCpu.selfPct, stormCpu.otherPct,
        failures, m_firstFailure.empty() ? "" : ": ", m_firstFailure.c_str());

    // Memory once the connects have settled.
    m_loop.runFor(int64_t(2000000 * m_options.settle));
    const int64_t rssConnected = ProcStats::rssKb(m_server.pid());
    const int64_t kernelConnected = kernelTcpKb();
    const int64_t slabConnected = socketSlabKb();
    const int held = std::max(1, m_connected);
    QJsonObject memory{
        {QStringLiteral("rss_idle_kb"), double(rssIdle)},
        {QStringLiteral("rss_connected_kb"), double(rssConnected)},
        {QStringLiteral("kb_per_connection"), double(rssConnected - rssIdle) / held},
        // Machine-wide: the kernel's TCP buffer pages, and the slab objects of sockets (both
        // ends of every loopback connection, so about half of it is the server's).
        {QStringLiteral("kernel_tcp_mem_idle_kb"), double(kernelIdle)},
        {QStringLiteral("kernel_tcp_mem_connected_kb"), double(kernelConnected)},
        {QStringLiteral("kernel_tcp_mem_kb_per_connection"),
         double(kernelConnected - kernelIdle) / held},
        {QStringLiteral("kernel_socket_slab_kb_per_connection"),
         double(slabConnected - slabIdle) / held},
        {QStringLiteral("generator_rss_kb"), double(ProcStats::rssKb(getpid()))},
    };
    result.insert(QStringLiteral("memory"), memory);
    log("  memory: server idle %lld KB, connected %lld KB, %.2f KB per connection; kernel TCP "
        "buffers %.2f KB and socket slabs %.2f KB per connection (both ends); generator %lld "
        "KB\n",
        static_cast<long long>(rssIdle), static_cast<long long>(rssConnected),
        double(rssConnected - rssIdle) / held, double(kernelConnected - kernelIdle) / held,
        double(slabConnected - slabIdle) / held,
        static_cast<long long>(ProcStats::rssKb(getpid())));

    // A broadcast to everyone once a second; the probe's acks meanwhile.
    if (m_connected > 0) {
        m_prefix = "[\"scale\",";
        m_received = 0;
        m_latency.clear();
        m_probeRtt.clear();
        m_adminAcked = false;
        m_adminAckId = m_nextAckId++;
        char args[256];
        std::snprintf(args, sizeof args,
                      "[\"bench:start\",{\"rate\":1,\"seconds\":%d,\"size\":%d,\"room\":\"all\","
                      "\"event\":\"scale\"}]",
                      m_options.broadcastSeconds, m_options.padBytes);
        const int recipients = m_connected - m_dropped;
        const ProcStats::Sample before = ProcStats::sample(m_server.pid());
        m_probeUntil = monotonicMicros() + int64_t(m_options.broadcastSeconds) * 1000000;
        scheduleProbe(monotonicMicros(),
                      int64_t(1e6 / std::max(0.1, m_options.probeAcksPerSecond)));
        m_admin->emitEvent(args, m_adminAckId);
        const int64_t b0 = monotonicMicros();
        m_loop.runUntil([this] { return m_adminAcked; },
                        b0 + int64_t(m_options.broadcastSeconds + 30) * 1000000);
        const ProcStats::Usage usage = ProcStats::usage(before, ProcStats::sample(m_server.pid()));
        int64_t sent = integerAfter(m_adminAckArgs, "\"sent\":");
        if (!m_adminAcked || sent < 0)
            sent = m_options.broadcastSeconds;
        const uint64_t expected = uint64_t(sent) * uint64_t(std::max(0, recipients));
        m_loop.runUntil([&] { return m_received >= expected; }, monotonicMicros() + 3000000);
        m_probeUntil = 0;
        m_prefix.clear();
        QJsonObject broadcast{
            {QStringLiteral("broadcasts"), double(sent)},
            {QStringLiteral("recipients"), recipients},
            {QStringLiteral("expected"), double(expected)},
            {QStringLiteral("delivered"), double(m_received)},
            {QStringLiteral("delivered_fraction"),
             expected > 0 ? double(m_received) / double(expected) : 0.0},
            {QStringLiteral("latency"), histogramJson(m_latency)},
            {QStringLiteral("probe_ack"), histogramJson(m_probeRtt)},
            {QStringLiteral("dropped_clients"), m_dropped},
        };
        const QJsonObject u = cpuJson(usage);
        for (auto it = u.begin(); it != u.end(); ++it)
            broadcast.insert(it.key(), it.value());
        result.insert(QStringLiteral("broadcast"), broadcast);
        // The idle probe's acks during the broadcasts, where the targets table reads them.
        result.insert(QStringLiteral("ack_idle"), histogramJson(m_probeRtt));
        log("  broadcast: %llu/%llu delivered, p50 %.1f p99 %.1f max %.1f ms; probe ack p50 "
            "%.2f p99 %.2f ms (%llu); server %.0f%% gen %.0f%% other %.0f%%\n",
            static_cast<unsigned long long>(m_received), static_cast<unsigned long long>(expected),
            m_latency.percentileMs(0.5), m_latency.percentileMs(0.99), m_latency.maxMs(),
            m_probeRtt.percentileMs(0.5), m_probeRtt.percentileMs(0.99),
            static_cast<unsigned long long>(m_probeRtt.count()), usage.serverPct, usage.selfPct,
            usage.otherPct);
    }
    // Idle long-polling sessions on top, as many as the descriptors left allow.
    const int pollingCount
        = int(std::min<int64_t>(m_options.pollingClients, fdLimit - int64_t(clients) - 300));
    if (pollingCount > 0) {
        std::vector<std::unique_ptr<SioClient>> polling;
        for (int i = 0; i < pollingCount; ++i) {
            polling.push_back(std::make_unique<SioClient>(&m_loop, this, &m_pollingConfig,
                                                          uint32_t(clients + 2 + i)));
            polling.back()->tag = kStorm;
        }
        m_loop.runFor(int64_t(1000000 * m_options.settle));
        const int64_t rssBefore = ProcStats::rssKb(m_server.pid());
        const int savedConcurrency = m_options.concurrency;
        m_options.concurrency = 50;
        m_nextToStart = 0;
        m_inFlight = 0;
        m_connected = 0;
        m_failed = 0;
        m_storm = &polling;
        m_storming = true;
        const int64_t p0 = monotonicMicros();
        startMore();
        m_loop.runUntil([&] { return m_connected + m_failed >= pollingCount; },
                        p0 + 60 * 1000000LL);
        const double pollSeconds = double(monotonicMicros() - p0) / 1e6;
        m_storming = false;
        m_storm = nullptr;
        m_options.concurrency = savedConcurrency;
        m_loop.runFor(int64_t(1000000 * m_options.settle));
        const int64_t rssAfter = ProcStats::rssKb(m_server.pid());
        const int pollHeld = std::max(1, m_connected);
        result.insert(QStringLiteral("polling"),
                      QJsonObject{{QStringLiteral("clients"), pollingCount},
                                  {QStringLiteral("connected"), m_connected},
                                  {QStringLiteral("failures"), pollingCount - m_connected},
                                  {QStringLiteral("seconds"), pollSeconds},
                                  {QStringLiteral("rss_before_kb"), double(rssBefore)},
                                  {QStringLiteral("rss_after_kb"), double(rssAfter)},
                                  {QStringLiteral("kb_per_session"),
                                   double(rssAfter - rssBefore) / pollHeld}});
        log("  polling: %d of %d idle long-polling sessions, %.2f KB per session\n", m_connected,
            pollingCount, double(rssAfter - rssBefore) / pollHeld);
        for (auto &c : polling)
            c->close();
    }
    result.insert(QStringLiteral("rss_end_kb"), double(ProcStats::rssKb(m_server.pid())));
    for (auto &c : m_clients)
        c->close();
    m_admin->close();
    m_probe->close();
    m_server.stop();
    m_clients.clear();
    m_admin.reset();
    m_probe.reset();
    return result;
}

} // namespace TableTap
