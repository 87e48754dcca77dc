// The cafe-realistic run: 1,000 consoles connected to /orders of one cafe, a few of them
// (each its own signed-in user) sending create_order at rising rates; every order goes the full
// domain path on the server (token, rate limit, validation against the menu, totals, counter,
// durable store, ack) and comes back to every console as order:created. Per step: commands
// acknowledged per second, ack round trip, command-to-event latency at the consoles, delivery.
// The hub runs `serve` on a fresh data folder, its state in SQLite (server "hub") or in a
// PostgreSQL 15 the run starts in a temporary folder (server "hub-pg", `serve --database
// postgresql://…`, fsync on, pinned with the hub); the reference is
// benchmarks/reference/cafe-server.js.
#pragma once

#include "childprocess.h"
#include "eventloop.h"
#include "latencyhistogram.h"
#include "procstats.h"
#include "services.h"
#include "sioclient.h"

#include <QJsonObject>

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace TableTap {

class CafeBench final : public SioClient::Listener
{
public:
    struct Options
    {
        int serverCpu = 0;
        int consoles = 1000;
        int senders = 50; // users sending commands (the per-user rate limit is 50/s)
        int concurrency = 200;
        int stepSeconds = 5;
        std::vector<double> rates = {25, 50, 100, 200, 300, 400, 600, 800, 1000, 1200, 1600, 2000};
        double p99BoundMs = 100;
        bool allSteps = false; // false: stop after two failed steps in a row
        std::string hub;       // tabletap-hub binary
        std::string node = "node";
        std::string referenceDir; // benchmarks/reference
        std::string postgresBin = "/usr/lib/postgresql/15/bin";
        std::string serverLog;
        bool verbose = true;
        double settle = 1.0; // scales the pauses that let the server settle (memory, queues)
    };

    explicit CafeBench(Options options);
    ~CafeBench() override;

    enum class Server {
        Reference, // socket.io + better-sqlite3
        HubSqlite, // the hub, SQLite in its data folder
        HubPostgres,
    };
    // "socket.io" (or "ref"), "hub", "hub-pg"; false for anything else.
    static bool parseServer(const QString &name, Server *server);
    // One JSON record.
    QJsonObject run(Server server);

    void clientConnected(SioClient *client, int64_t connectMicros) override;
    void clientFailed(SioClient *client, std::string_view why) override;
    void clientEvent(SioClient *client, std::string_view args, int64_t now) override;
    void clientAck(SioClient *client, uint64_t id, std::string_view args, int64_t now) override;

private:
    struct Step
    {
        double rate = 0;
        uint64_t sent = 0;
        uint64_t ackedOk = 0;
        uint64_t ackedError = 0;
        uint64_t delivered = 0;
        uint64_t expected = 0;
        int consoles = 0;
        LatencyHistogram ack;
        LatencyHistogram event;
        ProcStats::Usage cpu;
        double databaseCpuPct = -1; // PostgreSQL's processes, when it is the store
        std::string firstError;
        bool pass = false;
        QJsonObject toJson() const;
    };

    bool prepareHub(const std::string &databaseUrl, std::string *dataDir,
                    std::vector<std::string> *tokens, std::string *error);
    bool prepareReference(std::string *dir, std::vector<std::string> *tokens,
                          std::vector<std::string> *env, std::string *error);
    bool fetchMenu(std::string *error);
    Step step(double rate);
    void sendOne();
    void log(const char *format, ...) const __attribute__((format(printf, 2, 3)));

    Options m_options;
    EventLoop m_loop;
    ChildProcess m_server;
    PostgresService m_postgres;
    std::vector<std::unique_ptr<SioClient::Config>> m_configs;
    std::vector<std::unique_ptr<SioClient>> m_clients;
    std::vector<std::string> m_products;
    // Connect bookkeeping.
    size_t m_next = 0;
    int m_inFlight = 0;
    int m_done = 0;
    int m_failed = 0;
    std::string m_firstFailure;
    // Step bookkeeping.
    Step *m_step = nullptr;
    std::unordered_map<uint64_t, int64_t> m_pendingAcks; // ack id -> send time
    uint64_t m_nextAckId = 1;
    uint64_t m_sendIndex = 0;
    uint64_t m_menuAckId = 0;
    std::string m_menuAck;
};

} // namespace TableTap
