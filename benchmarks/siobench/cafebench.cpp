// CafeBench: setup of each server's cafe, the consoles, and the command ladder.
#include "cafebench.h"

#include "benchcommon.h"
#include "monotonicclock.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>

#include <algorithm>
#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>

namespace TableTap {

namespace {

const char *const kCafe = "bench";
// Issue 20, item 6: 2,000 create_order/s acknowledged durably, p99 command-to-event <= 50 ms.
constexpr double kTargetP99Ms = 50;
constexpr double kTargetCommandsPerSecond = 2000;

std::string tempDir()
{
    char pattern[] = "/tmp/tt-cafebench-XXXXXX";
    const char *dir = mkdtemp(pattern);
    return dir ? std::string(dir) : std::string();
}

// An access token as tabletap-hub mints them (HS256), for the reference server.
std::string mintToken(const QByteArray &secret, const QString &user, const QString &name)
{
    const auto b64 = [](const QByteArray &b) {
        return b.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    };
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QByteArray header
        = QJsonDocument(QJsonObject{{QStringLiteral("alg"), QStringLiteral("HS256")},
                                    {QStringLiteral("typ"), QStringLiteral("JWT")}})
              .toJson(QJsonDocument::Compact);
    const QByteArray payload
        = QJsonDocument(
              QJsonObject{{QStringLiteral("sub"), user},
                          {QStringLiteral("name"), name},
                          {QStringLiteral("role"), QStringLiteral("employee")},
                          {QStringLiteral("cafe_id"), QLatin1String(kCafe)},
                          {QStringLiteral("token_type"), QStringLiteral("access")},
                          {QStringLiteral("iat"), now},
                          {QStringLiteral("exp"), now + 12 * 3600},
                          {QStringLiteral("jti"),
                           QString::number(QRandomGenerator::global()->generate64(), 36)}})
              .toJson(QJsonDocument::Compact);
    const QByteArray signingInput = b64(header) + '.' + b64(payload);
    const QByteArray signature
        = QMessageAuthenticationCode::hash(signingInput, secret, QCryptographicHash::Sha256);
    return QByteArray(signingInput + '.' + b64(signature)).toStdString();
}

} // namespace

CafeBench::CafeBench(Options options)
    : m_options(std::move(options))
{}

CafeBench::~CafeBench() = default;

void CafeBench::log(const char *format, ...) const
{
    va_list args;
    va_start(args, format);
    logProgress(m_options.verbose, format, args);
    va_end(args);
}

QJsonObject CafeBench::Step::toJson() const
{
    const double seconds = rate > 0 ? double(sent) / rate : 0;
    QJsonObject o{
        {QStringLiteral("rate"), rate},
        {QStringLiteral("sent"), double(sent)},
        {QStringLiteral("acked_ok"), double(ackedOk)},
        {QStringLiteral("acked_error"), double(ackedError)},
        {QStringLiteral("commands_per_second"), seconds > 0 ? double(ackedOk) / seconds : 0.0},
        {QStringLiteral("consoles"), consoles},
        {QStringLiteral("expected"), double(expected)},
        {QStringLiteral("delivered"), double(delivered)},
        {QStringLiteral("ack"), histogramJson(ack)},
        {QStringLiteral("event"), histogramJson(event)},
        {QStringLiteral("server_cpu_pct"), cpu.serverPct},
        {QStringLiteral("generator_cpu_pct"), cpu.selfPct},
        {QStringLiteral("other_cpu_pct"), cpu.otherPct},
        {QStringLiteral("irq_cpu_pct"), cpu.irqPct},
        // The generator receives every event at every console: at 90 % of its core or more,
        // the step measured the generator, not the server.
        {QStringLiteral("generator_saturated"), cpu.selfPct >= 90},
        {QStringLiteral("pass"), pass}};
    if (databaseCpuPct >= 0)
        o.insert(QStringLiteral("database_cpu_pct"), databaseCpuPct);
    if (!firstError.empty())
        o.insert(QStringLiteral("first_error"), QString::fromStdString(firstError));
    return o;
}

bool CafeBench::parseServer(const QString &name, Server *server)
{
    if (name == u"socket.io" || name == u"ref")
        *server = Server::Reference;
    else if (name == u"hub")
        *server = Server::HubSqlite;
    else if (name == u"hub-pg")
        *server = Server::HubPostgres;
    else
        return false;
    return true;
}

bool CafeBench::prepareHub(const std::string &databaseUrl, std::string *dataDir,
                           std::vector<std::string> *tokens, std::string *error)
{
    *dataDir = tempDir();
    std::string out;
    const std::string menu = m_options.referenceDir + "/bench-menu.json";
    std::vector<std::string> database;
    if (!databaseUrl.empty())
        database = {"--database", databaseUrl};
    std::vector<std::string> add = {m_options.hub,
                                    "cafe",
                                    "add",
                                    "--data",
                                    *dataDir,
                                    "--id",
                                    kCafe,
                                    "--name",
                                    "Bench Cafe",
                                    "--menu",
                                    menu,
                                    "--counters",
                                    "Counter 1,Counter 2"};
    add.insert(add.end(), database.begin(), database.end());
    int rc = ChildProcess::run(add, &out, 30000, nullptr, true);
    if (rc != 0) {
        *error = "tabletap-hub cafe add failed (" + std::to_string(rc) + "): " + out;
        return false;
    }
    // One user per sender (the rate limit is per user) and one for the watching consoles.
    for (int i = 0; i <= m_options.senders; ++i) {
        const std::string user = i < m_options.senders ? "s" + std::to_string(i) : "console";
        std::vector<std::string> token
            = {m_options.hub, "token", "--data", *dataDir,        "--cafe", kCafe,
               "--user",      user,    "--name", "Bench " + user, "--role", "employee"};
        token.insert(token.end(), database.begin(), database.end());
        rc = ChildProcess::run(token, &out, 30000);
        while (!out.empty() && (out.back() == '\n' || out.back() == '\r'))
            out.pop_back();
        if (rc != 0 || out.empty()) {
            *error = "tabletap-hub token failed: " + out;
            return false;
        }
        tokens->push_back(out);
    }
    return true;
}

bool CafeBench::prepareReference(std::string *dir, std::vector<std::string> *tokens,
                                 std::vector<std::string> *env, std::string *)
{
    *dir = tempDir();
    QByteArray secret(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(secret.data()), 8);
    const QByteArray hexSecret = secret.toHex();
    for (int i = 0; i <= m_options.senders; ++i) {
        const QString user
            = i < m_options.senders ? QStringLiteral("s%1").arg(i) : QStringLiteral("console");
        tokens->push_back(mintToken(hexSecret, user, QStringLiteral("Bench ") + user));
    }
    *env = {"PORT=0",
            "NODE_ENV=production",
            "DB=" + *dir + "/cafe.db",
            "SECRET=" + hexSecret.toStdString(),
            std::string("CAFE_ID=") + kCafe,
            "MENU=" + m_options.referenceDir + "/bench-menu.json"};
    return true;
}

void CafeBench::clientConnected(SioClient *, int64_t)
{
    --m_inFlight;
    ++m_done;
    while (m_inFlight < m_options.concurrency && m_next < m_clients.size()) {
        ++m_inFlight;
        m_clients[m_next++]->start();
    }
}

void CafeBench::clientFailed(SioClient *client, std::string_view why)
{
    if (m_firstFailure.empty())
        m_firstFailure = std::string(why);
    if (m_step) {
        log("  console %u dropped: %.*s\n", client->index(), int(why.size()), why.data());
        return;
    }
    --m_inFlight;
    ++m_done;
    ++m_failed;
    while (m_inFlight < m_options.concurrency && m_next < m_clients.size()) {
        ++m_inFlight;
        m_clients[m_next++]->start();
    }
}

void CafeBench::clientEvent(SioClient *, std::string_view args, int64_t now)
{
    if (!m_step || args.substr(0, 17) != "[\"order:created\",")
        return;
    ++m_step->delivered;
    const int64_t t = integerAfter(args, "\"customer_name\":\"bench ");
    if (t > 0)
        m_step->event.add(now - t);
}

void CafeBench::clientAck(SioClient *, uint64_t id, std::string_view args, int64_t now)
{
    if (id == m_menuAckId) {
        m_menuAck = std::string(args);
        return;
    }
    const auto it = m_pendingAcks.find(id);
    if (it == m_pendingAcks.end() || !m_step)
        return;
    m_step->ack.add(now - it->second);
    m_pendingAcks.erase(it);
    if (args.find("\"ok\":true") != std::string_view::npos) {
        ++m_step->ackedOk;
    } else {
        ++m_step->ackedError;
        if (m_step->firstError.empty())
            m_step->firstError = std::string(args.substr(0, 300));
    }
}

bool CafeBench::fetchMenu(std::string *error)
{
    SioClient *c = m_clients.front().get();
    m_menuAckId = m_nextAckId++;
    m_menuAck.clear();
    c->emitEvent("[\"list_menu\",{}]", m_menuAckId);
    m_loop.runUntil([this] { return !m_menuAck.empty(); }, monotonicMicros() + 10000000);
    const QJsonArray args = QJsonDocument::fromJson(QByteArray::fromStdString(m_menuAck)).array();
    const QJsonArray products = args.at(0)
                                    .toObject()
                                    .value(QLatin1String("data"))
                                    .toObject()
                                    .value(QLatin1String("products"))
                                    .toArray();
    m_products.clear();
    for (const QJsonValue &v : products) {
        const QJsonObject p = v.toObject();
        const QString name = p.value(QLatin1String("name")).toString();
        // Drinks with an "Extra shot": every order also resolves a customization.
        if (name == u"Latte" || name == u"Cappuccino" || name == u"Espresso")
            m_products.push_back(p.value(QLatin1String("id")).toString().toStdString());
    }
    if (m_products.empty()) {
        *error = "list_menu gave no products: " + m_menuAck.substr(0, 300);
        return false;
    }
    return true;
}

void CafeBench::sendOne()
{
    const uint64_t k = m_sendIndex++;
    SioClient *sender = m_clients[size_t(k % uint64_t(m_options.senders))].get();
    if (sender->state() != SioClient::State::Connected)
        return;
    const int64_t now = monotonicMicros();
    char args[512];
    std::snprintf(
        args, sizeof args,
        "[\"create_order\",{\"customer_name\":\"bench %lld\",\"items\":[{\"product_id\":"
        "\"%s\",\"quantity\":%d,\"customizations\":[\"Extra shot\"]}],\"tip_amount\":0.5}]",
        static_cast<long long>(now), m_products[k % m_products.size()].c_str(), int(1 + k % 2));
    const uint64_t id = m_nextAckId++;
    m_pendingAcks.emplace(id, now);
    ++m_step->sent;
    sender->emitEvent(args, id);
}

CafeBench::Step CafeBench::step(double rate)
{
    Step s;
    s.rate = rate;
    for (const auto &c : m_clients)
        s.consoles += c->state() == SioClient::State::Connected;
    m_step = &s;
    m_pendingAcks.clear();
    const uint64_t total = uint64_t(std::llround(rate * m_options.stepSeconds));
    const ProcStats::Sample before = ProcStats::sample(m_server.pid());
    const double databaseBefore
        = m_postgres.pid() > 0 ? ProcStats::familyCpuSeconds(m_postgres.pid()) : 0;
    const int64_t t0 = monotonicMicros();
    uint64_t due = 0;
    EventLoop::TimerId pending = 0;
    // Catch-up sending: whatever is due by now goes out, so a late wake-up keeps the rate.
    std::function<void()> tick = [&] {
        pending = 0;
        const int64_t now = monotonicMicros();
        const uint64_t shouldHave
            = std::min<uint64_t>(total, uint64_t(double(now - t0) / 1e6 * rate) + 1);
        while (due < shouldHave) {
            sendOne();
            ++due;
        }
        if (due < total) {
            const int64_t next = t0 + int64_t(double(due) * 1e6 / rate);
            pending = m_loop.at(std::max(next, now + 200), tick);
        }
    };
    tick();
    m_loop.runUntil([&] { return due >= total; },
                    t0 + int64_t(m_options.stepSeconds + 10) * 1000000);
    if (pending)
        m_loop.cancel(pending);
    // Acks and events still in flight get a few seconds.
    m_loop.runUntil(
        [&] { return m_pendingAcks.empty() && s.delivered >= s.ackedOk * uint64_t(s.consoles); },
        monotonicMicros() + 5000000);
    s.cpu = ProcStats::usage(before, ProcStats::sample(m_server.pid()));
    if (m_postgres.pid() > 0 && s.cpu.seconds > 0) {
        s.databaseCpuPct = 100.0 * (ProcStats::familyCpuSeconds(m_postgres.pid()) - databaseBefore)
                           / s.cpu.seconds;
        // The generator's "other tenants" must not count the database the hub uses.
        s.cpu.otherPct = std::max(0.0, s.cpu.otherPct - s.databaseCpuPct);
    }
    s.expected = s.ackedOk * uint64_t(s.consoles);
    s.pass = s.sent > 0 && s.ackedOk == s.sent && s.delivered >= s.expected
             && s.event.percentileMs(0.99) <= m_options.p99BoundMs;
    m_step = nullptr;
    m_loop.runFor(int64_t(500000 * m_options.settle));
    m_server.drain();
    return s;
}

QJsonObject CafeBench::run(Server server)
{
    const bool reference = server == Server::Reference;
    const QString label = reference                     ? QStringLiteral("socket.io")
                          : server == Server::HubSqlite ? QStringLiteral("hub")
                                                        : QStringLiteral("hub-pg");
    QJsonObject result{{QStringLiteral("kind"), QStringLiteral("cafe")},
                       {QStringLiteral("label"), label},
                       {QStringLiteral("reference"), reference},
                       {QStringLiteral("store"), reference || server == Server::HubSqlite
                                                     ? QStringLiteral("sqlite")
                                                     : QStringLiteral("postgresql")},
                       {QStringLiteral("consoles"), m_options.consoles},
                       {QStringLiteral("senders"), m_options.senders},
                       {QStringLiteral("step_seconds"), m_options.stepSeconds},
                       {QStringLiteral("p99_bound_ms"), m_options.p99BoundMs}};
    std::string error, dir;
    std::vector<std::string> tokens, env, argv;
    log("[cafe %s] preparing\n", qPrintable(label));
    if (reference) {
        prepareReference(&dir, &tokens, &env, &error);
        argv = {m_options.node, m_options.referenceDir + "/cafe-server.js"};
    } else {
        std::string databaseUrl;
        if (server == Server::HubPostgres) {
            // A fresh PostgreSQL per run, as the SQLite hub gets a fresh data folder; pinned
            // with the hub: the server side has the same one core either way.
            if (!m_postgres.start(m_options.postgresBin, m_options.serverCpu, m_options.serverLog,
                                  "tabletap", &error)) {
                result.insert(QStringLiteral("error"), QString::fromStdString(error));
                log("  %s\n", error.c_str());
                return result;
            }
            databaseUrl = m_postgres.url();
            result.insert(QStringLiteral("database_cpu"), m_options.serverCpu);
            log("  PostgreSQL at %s\n", databaseUrl.c_str());
        }
        if (!prepareHub(databaseUrl, &dir, &tokens, &error)) {
            result.insert(QStringLiteral("error"), QString::fromStdString(error));
            log("  %s\n", error.c_str());
            m_postgres.stop();
            return result;
        }
        argv = {m_options.hub, "serve", "--data", dir, "--port", "0", "--bind", "127.0.0.1"};
        if (!databaseUrl.empty())
            argv.insert(argv.end(), {"--database", databaseUrl});
    }
    if (!m_server.start(argv, env, m_options.serverCpu, 30000, m_options.serverLog, &error)) {
        result.insert(QStringLiteral("error"), QString::fromStdString(error));
        log("  cannot start: %s\n", error.c_str());
        return result;
    }
    m_loop.runFor(int64_t(300000 * m_options.settle));
    // Senders first, each with its own user; the other consoles share one.
    for (int i = 0; i < m_options.consoles; ++i) {
        auto config = std::make_unique<SioClient::Config>();
        config->port = m_server.port();
        config->nsp = "/orders";
        const std::string &token = tokens[size_t(std::min(i, m_options.senders))];
        config->authJson = "{\"token\":\"" + token + "\"}";
        config->extraQuery = std::string("&cafe_id=") + kCafe + "&user_role=employee";
        m_clients.push_back(std::make_unique<SioClient>(&m_loop, this, config.get(), uint32_t(i)));
        m_configs.push_back(std::move(config));
    }
    const int64_t rssIdle = ProcStats::rssKb(m_server.pid());
    const int64_t t0 = monotonicMicros();
    while (m_inFlight < m_options.concurrency && m_next < m_clients.size()) {
        ++m_inFlight;
        m_clients[m_next++]->start();
    }
    m_loop.runUntil([this] { return size_t(m_done) >= m_clients.size(); }, t0 + 120000000);
    log("  %d consoles connected in %.2f s, %d failed%s%s\n", m_done - m_failed,
        double(monotonicMicros() - t0) / 1e6, m_failed, m_firstFailure.empty() ? "" : ": ",
        m_firstFailure.c_str());
    result.insert(QStringLiteral("connect_failures"), m_failed);
    if (m_failed > 0 || !fetchMenu(&error)) {
        if (error.empty())
            error = "consoles could not connect: " + m_firstFailure;
        result.insert(QStringLiteral("error"), QString::fromStdString(error));
        log("  %s\n", error.c_str());
        m_server.stop();
        return result;
    }
    m_loop.runFor(int64_t(1000000 * m_options.settle));
    result.insert(QStringLiteral("rss_kb_per_console"),
                  double(ProcStats::rssKb(m_server.pid()) - rssIdle) / m_options.consoles);
    QJsonArray steps;
    double capacity = 0;
    // Issue 20's target: durable acks (every server commits before it acks) at a p99
    // command-to-event of 50 ms; and the most acknowledged per second in any step.
    double capacityAt50 = 0;
    double bestAcked = 0;
    bool generatorSaturated = false;
    int fails = 0;
    for (double rate : m_options.rates) {
        const Step s = step(rate);
        log("  %5.0f cmds/s: %llu sent, %llu ok, %llu refused, events %llu/%llu, ack p50 %.1f p99 "
            "%.1f ms, cmd->event p50 %.1f p99 %.1f ms, server %.0f%% db %.0f%% gen %.0f%% other "
            "%.0f%% irq %.0f%% %s%s%s\n",
            rate, static_cast<unsigned long long>(s.sent),
            static_cast<unsigned long long>(s.ackedOk),
            static_cast<unsigned long long>(s.ackedError),
            static_cast<unsigned long long>(s.delivered),
            static_cast<unsigned long long>(s.expected), s.ack.percentileMs(0.5),
            s.ack.percentileMs(0.99), s.event.percentileMs(0.5), s.event.percentileMs(0.99),
            s.cpu.serverPct, std::max(0.0, s.databaseCpuPct), s.cpu.selfPct, s.cpu.otherPct,
            s.cpu.irqPct, s.pass ? "pass" : "FAIL",
            s.firstError.empty() ? "" : " first error: ", s.firstError.c_str());
        steps.append(s.toJson());
        const double seconds = s.rate > 0 ? double(s.sent) / s.rate : 0;
        if (seconds > 0)
            bestAcked = std::max(bestAcked, double(s.ackedOk) / seconds);
        if (s.pass && s.event.percentileMs(0.99) <= kTargetP99Ms)
            capacityAt50 = std::max(capacityAt50, rate);
        generatorSaturated = generatorSaturated || s.cpu.selfPct >= 90;
        if (s.pass) {
            capacity = std::max(capacity, rate);
            fails = 0;
        } else if (++fails >= 2 && !m_options.allSteps) {
            break;
        }
    }
    result.insert(QStringLiteral("steps"), steps);
    result.insert(QStringLiteral("capacity"), capacity);
    result.insert(QStringLiteral("capacity_p99_50ms"), capacityAt50);
    result.insert(QStringLiteral("target_p99_ms"), kTargetP99Ms);
    result.insert(QStringLiteral("target_commands_per_second"), kTargetCommandsPerSecond);
    result.insert(QStringLiteral("max_acked_per_second"), bestAcked);
    result.insert(QStringLiteral("generator_saturated"), generatorSaturated);
    log("  cafe capacity: %.0f commands/s\n", capacity);
    for (auto &c : m_clients)
        c->close();
    m_server.stop();
    m_postgres.stop();
    m_clients.clear();
    m_configs.clear();
    if (!dir.empty() && dir.rfind("/tmp/tt-cafebench-", 0) == 0)
        ChildProcess::run({"rm", "-rf", dir}, &error, 30000);
    return result;
}

} // namespace TableTap
