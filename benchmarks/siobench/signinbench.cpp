// SignInBench: the hub with staff, the probe, and sign-ins at a fixed rate.
#include "signinbench.h"

#include "benchcommon.h"
#include "monotonicclock.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace TableTap {

namespace {

const char *const kCafe = "bench";

// The hub's data folder: under $TMPDIR when set (a tmpfs there shows what the disk's fsync costs),
// else /tmp.
std::string tempDir()
{
    const char *base = std::getenv("TMPDIR");
    std::string pattern = std::string(base && *base ? base : "/tmp") + "/tt-signinbench-XXXXXX";
    const char *dir = mkdtemp(pattern.data());
    return dir ? std::string(dir) : std::string();
}

} // namespace

class SignInBench::Request final : public EventLoop::Handler
{
public:
    Request(SignInBench *bench, EventLoop *loop)
        : m_bench(bench)
        , m_loop(loop)
    {}
    ~Request() override { closeFd(); }

    // Connects from 127.0.0.<sourceHost> and posts body to /api/auth/login.
    void start(uint16_t port, int sourceHost, const std::string &body)
    {
        m_started = monotonicMicros();
        m_out = "POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port)
                + "\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: "
                + std::to_string(body.size()) + "\r\n\r\n" + body;
        m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        if (m_fd < 0)
            return finish(0, std::string("socket: ") + std::strerror(errno));
        const int one = 1;
        setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        sockaddr_in source{};
        source.sin_family = AF_INET;
        source.sin_addr.s_addr = htonl((127u << 24) | uint32_t(sourceHost));
        if (::bind(m_fd, reinterpret_cast<sockaddr *>(&source), sizeof source) != 0)
            return finish(0, std::string("bind: ") + std::strerror(errno));
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(port);
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::connect(m_fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0
            && errno != EINPROGRESS)
            return finish(0, std::string("connect: ") + std::strerror(errno));
        m_loop->add(m_fd, EPOLLOUT | EPOLLIN | EPOLLRDHUP, this);
    }
    bool isDone() const { return m_done; }

    void onEvents(uint32_t events) override
    {
        if (m_done)
            return;
        if (!m_connected) {
            if (events & (EPOLLERR | EPOLLHUP)) {
                int err = 0;
                socklen_t len = sizeof err;
                getsockopt(m_fd, SOL_SOCKET, SO_ERROR, &err, &len);
                return finish(0,
                              std::string("connect: ") + std::strerror(err ? err : ECONNREFUSED));
            }
            if (!(events & EPOLLOUT))
                return;
            m_connected = true;
        }
        if (!m_out.empty() && (events & EPOLLOUT)) {
            const ssize_t n = ::send(m_fd, m_out.data(), m_out.size(), MSG_NOSIGNAL);
            if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK)
                return finish(0, std::string("send: ") + std::strerror(errno));
            if (n > 0)
                m_out.erase(0, size_t(n));
            if (m_out.empty())
                m_loop->modify(m_fd, EPOLLIN | EPOLLRDHUP, this);
        }
        if (!(events & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR)))
            return;
        char buffer[16384];
        for (;;) {
            const ssize_t n = ::recv(m_fd, buffer, sizeof buffer, 0);
            if (n > 0) {
                if (m_in.size() + size_t(n) > 1 << 20)
                    return finish(0, "answer too long");
                m_in.append(buffer, size_t(n));
                continue;
            }
            if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
                break;
            if (n < 0)
                return finish(0, std::string("recv: ") + std::strerror(errno));
            break; // the end: Connection: close
        }
        // Answered once the head and Content-Length bytes of body are in.
        const size_t end = m_in.find("\r\n\r\n");
        if (end == std::string::npos || m_in.compare(0, 9, "HTTP/1.1 ") != 0)
            return;
        std::string lower = m_in.substr(0, end);
        std::transform(lower.begin(), lower.end(), lower.begin(),
                       [](unsigned char c) { return char(std::tolower(c)); });
        const size_t at = lower.find("\r\ncontent-length:");
        if (at == std::string::npos)
            return;
        const size_t length = size_t(std::atoll(lower.c_str() + at + 17));
        if (m_in.size() < end + 4 + length)
            return;
        const int status = std::atoi(m_in.c_str() + 9);
        m_status = status;
        finish(status, {}, std::string_view(m_in).substr(end + 4, length));
    }

private:
    void closeFd()
    {
        if (m_fd < 0)
            return;
        m_loop->remove(m_fd);
        ::close(m_fd);
        m_fd = -1;
    }
    void finish(int status, std::string_view error, std::string_view body = {})
    {
        if (m_done)
            return;
        m_done = true;
        const int64_t micros = monotonicMicros() - m_started;
        closeFd();
        m_bench->finished(this, status, body, micros, error);
    }

    SignInBench *m_bench;
    EventLoop *m_loop;
    int m_fd = -1;
    bool m_connected = false;
    bool m_done = false;
    int m_status = 0;
    int64_t m_started = 0;
    std::string m_out;
    std::string m_in;
};

SignInBench::SignInBench(Options options)
    : m_options(std::move(options))
{}

SignInBench::~SignInBench()
{
    m_requests.clear();
    m_done.clear();
    m_probe.reset();
    m_server.stop();
}

void SignInBench::log(const char *format, ...) const
{
    va_list args;
    va_start(args, format);
    logProgress(m_options.verbose, format, args);
    va_end(args);
}

void SignInBench::clientConnected(SioClient *, int64_t) {}

void SignInBench::clientFailed(SioClient *, std::string_view why)
{
    log("  probe dropped: %.*s\n", int(why.size()), why.data());
}

void SignInBench::clientEvent(SioClient *, std::string_view, int64_t) {}

void SignInBench::clientAck(SioClient *, uint64_t id, std::string_view, int64_t now)
{
    // The probe's ack id is its send time (microseconds), so no table is needed.
    if (id == m_menuAckId) {
        m_menuAcked = true;
        return;
    }
    if (m_probeRtt && id > 1000000)
        m_probeRtt->add(now - int64_t(id));
}

bool SignInBench::prepare(std::string *dataDir, std::string *token, std::string *error)
{
    *dataDir = tempDir();
    if (dataDir->empty()) {
        *error = "mkdtemp failed";
        return false;
    }
    std::string out;
    const int rc = ChildProcess::run(
        {m_options.hub, "cafe", "add", "--data", *dataDir, "--id", kCafe, "--name", "Bench Cafe",
         "--menu", m_options.referenceDir + "/bench-menu.json", "--counters", "Counter 1"},
        &out, 30000, nullptr, true);
    if (rc != 0) {
        *error = "tabletap-hub cafe add failed (" + std::to_string(rc) + "): " + out;
        return false;
    }
    // Staff with codes and PINs of their own; each `staff add` hashes its PIN once.
    for (int i = 0; i < m_options.staff; ++i) {
        char code[16], pin[16];
        std::snprintf(code, sizeof code, "B%03d", i);
        std::snprintf(pin, sizeof pin, "%06d", 100000 + i * 7919 % 900000);
        if (const int rc
            = ChildProcess::run({m_options.hub, "staff", "add", "--data", *dataDir, "--cafe", kCafe,
                                 "--code", code, "--name", std::string("Bench ") + code, "--role",
                                 "employee", "--pin", pin, "--hourly-rate", "15.00"},
                                &out, 30000, nullptr, true);
            rc != 0) {
            *error = "tabletap-hub staff add failed (" + std::to_string(rc) + "): " + out;
            return false;
        }
        m_codes.push_back(code);
        m_pins.push_back(pin);
    }
    if (ChildProcess::run({m_options.hub, "token", "--data", *dataDir, "--cafe", kCafe, "--user",
                           "probe", "--name", "Bench probe", "--role", "employee"},
                          &out, 30000)
        != 0) {
        *error = "tabletap-hub token failed: " + out;
        return false;
    }
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r'))
        out.pop_back();
    *token = out;
    return !token->empty();
}

void SignInBench::scheduleProbe(int64_t at, int64_t interval)
{
    m_loop.at(at, [this, at, interval] {
        if (monotonicMicros() >= m_until)
            return;
        if (m_probe->state() == SioClient::State::Connected)
            m_probe->emitEvent("[\"list_menu\",{}]", uint64_t(monotonicMicros()));
        scheduleProbe(at + interval, interval);
    });
}

void SignInBench::scheduleSignIn(int64_t at, int64_t interval)
{
    m_loop.at(at, [this, at, interval] {
        if (monotonicMicros() >= m_until)
            return;
        const uint64_t k = m_nextSignIn++;
        const size_t who = size_t(k % m_codes.size());
        const std::string body = "{\"cafe_id\":\"" + std::string(kCafe) + "\",\"employee_code\":\""
                                 + m_codes[who] + "\",\"pin\":\"" + m_pins[who] + "\"}";
        ++m_counts.attempted;
        m_requests.push_back(std::make_unique<Request>(this, &m_loop));
        // 127.0.0.2 onwards: 127.0.0.1 is the probe's.
        m_requests.back()->start(m_server.port(), 2 + int(k % uint64_t(m_options.addresses)), body);
        scheduleSignIn(at + interval, interval);
    });
}

void SignInBench::finished(Request *request, int status, std::string_view body, int64_t micros,
                           std::string_view error)
{
    if (status > 0)
        m_counts.latency.add(micros);
    if (status == 200 && body.find("\"access_token\"") != std::string_view::npos) {
        ++m_counts.succeeded;
    } else {
        if (status == 429)
            ++m_counts.rateLimited;
        else if (status == 401)
            ++m_counts.refused;
        else
            ++m_counts.failed;
        if (m_counts.firstError.empty())
            m_counts.firstError
                = status > 0 ? std::to_string(status) + " " + std::string(body.substr(0, 200))
                             : std::string(error);
    }
    // Deleted later: this runs inside the request's own handler.
    const auto it = std::find_if(m_requests.begin(), m_requests.end(),
                                 [request](const auto &r) { return r.get() == request; });
    if (it != m_requests.end()) {
        m_done.push_back(std::move(*it));
        m_requests.erase(it);
    }
}

LatencyHistogram SignInBench::probePhase(int seconds, bool withSignIns)
{
    LatencyHistogram rtt;
    m_probeRtt = &rtt;
    const int64_t now = monotonicMicros();
    m_until = now + int64_t(seconds) * 1000000;
    scheduleProbe(now, std::max<int64_t>(100, int64_t(1e6 / m_options.probeRate)));
    if (withSignIns)
        scheduleSignIn(now, std::max<int64_t>(100, int64_t(1e6 / m_options.rate)));
    m_loop.runUntil({}, m_until);
    // Answers still on their way count, within a bound.
    m_loop.runUntil([this] { return m_requests.empty(); }, monotonicMicros() + 10000000);
    m_loop.runFor(200000);
    m_probeRtt = nullptr;
    m_done.clear();
    return rtt;
}

QJsonObject SignInBench::run()
{
    QJsonObject result{{QStringLiteral("kind"), QStringLiteral("signin")},
                       {QStringLiteral("label"), QStringLiteral("hub")},
                       {QStringLiteral("reference"), false},
                       {QStringLiteral("staff"), m_options.staff},
                       {QStringLiteral("addresses"), m_options.addresses},
                       {QStringLiteral("rate"), m_options.rate},
                       {QStringLiteral("seconds"), m_options.seconds},
                       {QStringLiteral("probe_rate"), m_options.probeRate}};
    if (m_options.hubSignInsPerSecond > 0)
        result.insert(QStringLiteral("hub_sign_ins_per_second"), m_options.hubSignInsPerSecond);
    std::string dir, token, error;
    log("[signin] preparing a cafe with %d staff\n", m_options.staff);
    if (!prepare(&dir, &token, &error)) {
        result.insert(QStringLiteral("error"), QString::fromStdString(error));
        log("  %s\n", error.c_str());
        return result;
    }
    std::vector<std::string> argv
        = {m_options.hub, "serve", "--data", dir, "--port", "0", "--bind", "127.0.0.1"};
    if (m_options.hubSignInsPerSecond > 0)
        argv.insert(argv.end(),
                    {"--sign-ins-per-second", std::to_string(m_options.hubSignInsPerSecond)});
    if (!m_server.start(argv, {}, m_options.serverCpu, 30000, m_options.serverLog, &error)) {
        result.insert(QStringLiteral("error"), QString::fromStdString(error));
        log("  cannot start: %s\n", error.c_str());
        return result;
    }
    m_probeConfig.port = m_server.port();
    m_probeConfig.nsp = "/orders";
    m_probeConfig.authJson = "{\"token\":\"" + token + "\"}";
    m_probeConfig.extraQuery = std::string("&cafe_id=") + kCafe + "&user_role=employee";
    m_probe = std::make_unique<SioClient>(&m_loop, this, &m_probeConfig, 0);
    m_probe->start();
    m_loop.runUntil(
        [this] {
            return m_probe->state() == SioClient::State::Connected
                   || m_probe->state() == SioClient::State::Failed;
        },
        monotonicMicros() + 10000000);
    if (m_probe->state() != SioClient::State::Connected) {
        result.insert(QStringLiteral("error"),
                      QStringLiteral("probe could not connect: %1")
                          .arg(QString::fromStdString(std::string(m_probe->lastError()))));
        m_server.stop();
        return result;
    }
    // One answer before measuring, so first-use costs stay out of the idle figures.
    m_menuAckId = 1;
    m_probe->emitEvent("[\"list_menu\",{}]", m_menuAckId);
    m_loop.runUntil([this] { return m_menuAcked; }, monotonicMicros() + 10000000);
    m_loop.runFor(500000);

    const LatencyHistogram idle = probePhase(m_options.idleSeconds, false);
    log("  probe idle: p50 %.2f ms p99 %.2f ms (%llu)\n", idle.percentileMs(0.5),
        idle.percentileMs(0.99), static_cast<unsigned long long>(idle.count()));
    const ProcStats::Sample before = ProcStats::sample(m_server.pid());
    const LatencyHistogram loaded = probePhase(m_options.seconds, true);
    const ProcStats::Usage cpu = ProcStats::usage(before, ProcStats::sample(m_server.pid()));
    log("  probe with %.0f sign-ins/s: p50 %.2f ms p99 %.2f ms (%llu)\n", m_options.rate,
        loaded.percentileMs(0.5), loaded.percentileMs(0.99),
        static_cast<unsigned long long>(loaded.count()));
    log("  sign-ins: %llu attempted, %llu ok, %llu 429, %llu 401, %llu other; p50 %.1f ms p99 "
        "%.1f ms; server %.0f%% gen %.0f%% other %.0f%%%s%s\n",
        static_cast<unsigned long long>(m_counts.attempted),
        static_cast<unsigned long long>(m_counts.succeeded),
        static_cast<unsigned long long>(m_counts.rateLimited),
        static_cast<unsigned long long>(m_counts.refused),
        static_cast<unsigned long long>(m_counts.failed), m_counts.latency.percentileMs(0.5),
        m_counts.latency.percentileMs(0.99), cpu.serverPct, cpu.selfPct, cpu.otherPct,
        m_counts.firstError.empty() ? "" : "; first error: ", m_counts.firstError.c_str());

    QJsonObject signIns = histogramJson(m_counts.latency);
    signIns.insert(QStringLiteral("attempted"), double(m_counts.attempted));
    signIns.insert(QStringLiteral("succeeded"), double(m_counts.succeeded));
    signIns.insert(QStringLiteral("rate_limited"), double(m_counts.rateLimited));
    signIns.insert(QStringLiteral("refused"), double(m_counts.refused));
    signIns.insert(QStringLiteral("failed"), double(m_counts.failed));
    signIns.insert(QStringLiteral("per_second"),
                   double(m_counts.succeeded) / std::max(1, m_options.seconds));
    if (!m_counts.firstError.empty())
        signIns.insert(QStringLiteral("first_error"), QString::fromStdString(m_counts.firstError));
    result.insert(QStringLiteral("sign_ins"), signIns);
    result.insert(QStringLiteral("probe_idle"), histogramJson(idle));
    result.insert(QStringLiteral("probe_load"), histogramJson(loaded));
    if (idle.count() > 0 && idle.percentileMs(0.99) > 0)
        result.insert(QStringLiteral("probe_p99_ratio"),
                      loaded.percentileMs(0.99) / idle.percentileMs(0.99));
    result.insert(QStringLiteral("server_cpu_pct"), cpu.serverPct);
    result.insert(QStringLiteral("generator_cpu_pct"), cpu.selfPct);
    result.insert(QStringLiteral("other_cpu_pct"), cpu.otherPct);
    m_probe->close();
    m_server.stop();
    return result;
}

} // namespace TableTap
