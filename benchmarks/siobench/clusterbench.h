// The cluster part (issue 19, "Measured"): the bench contract's broadcast with every client on
// one tt-bench-server against the same clients split over two tt-bench-server nodes joined by a
// redis-server the run starts (the hub's RedisAdapter, as `serve --cluster` uses it). The
// broadcast is started on node A; on two nodes, A's half of the clients gets it locally and B's
// half through Redis, so the difference between B's latency and one node's is the latency a
// cluster adds. Per layout: broadcast latency at a fixed delivered rate (all clients, and per
// node) and the capacity ladder of the broadcast part (full delivery, p99 ≤ bound). Every
// process is pinned (nodes, Redis, the generator) and the record says where.
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
#include <vector>

namespace TableTap {

class ClusterBench final : public SioClient::Listener
{
public:
    enum class Layout {
        OneNode,       // one tt-bench-server, no Redis: today's deployment
        OneNodeRedis,  // one node with the Redis adapter: the adapter's own cost, nothing remote
        TwoNodesRedis, // two nodes joined by Redis, clients alternating between them
    };
    struct Options
    {
        std::vector<int> nodeCpus = {0, 0}; // node A, node B
        int redisCpu = 0;
        int generatorCpu = 1; // recorded only: main() pins this process
        int concurrency = 200;
        int stepSeconds = 5;
        int padBytes = 100;
        double fixedMessagesPerSecond = 10000;
        std::vector<double> ladder; // delivered msgs/s; empty: the broadcast part's ladder
        double p99BoundMs = 100;
        bool runLadder = true;
        bool runFixed = true;
        std::string benchServer;
        std::string redisServer = "redis-server";
        std::string serverLog;
        bool verbose = true;
        double settle = 1.0;
    };

    static bool parseLayout(const std::string &name, Layout *layout);
    static const char *layoutName(Layout layout);  // one, one-redis, two
    static const char *layoutLabel(Layout layout); // for the tables

    explicit ClusterBench(Options options);
    ~ClusterBench() override;

    QJsonObject run(Layout layout, int clients);

    void clientConnected(SioClient *client, int64_t connectMicros) override;
    void clientFailed(SioClient *client, std::string_view why) override;
    void clientEvent(SioClient *client, std::string_view args, int64_t now) override;
    void clientAck(SioClient *client, uint64_t id, std::string_view args, int64_t now) override;

private:
    struct Step
    {
        double rate = 0; // broadcasts per second
        int recipients = 0;
        int64_t sent = 0;
        double serverSeconds = 0;
        uint64_t expected = 0;
        uint64_t received = 0;
        LatencyHistogram latency;
        std::vector<LatencyHistogram> nodeLatency;
        std::vector<uint64_t> nodeReceived;
        std::vector<int> nodeRecipients;
        ProcStats::Usage cpu;
        double redisCpuPct = 0;
        bool keptRate = false;
        bool pass = false;
        QJsonObject toJson(double p99BoundMs) const;
    };

    Step broadcastStep(double messagesPerSecond, int seconds);
    int connectedCount() const;
    std::vector<pid_t> serverPids() const;
    void log(const char *format, ...) const __attribute__((format(printf, 2, 3)));

    Options m_options;
    EventLoop m_loop;
    RedisService m_redis;
    std::vector<std::unique_ptr<ChildProcess>> m_nodes;
    std::vector<std::unique_ptr<SioClient::Config>> m_configs; // one per node
    SioClient::Config m_adminConfig;
    std::vector<std::unique_ptr<SioClient>> m_clients;
    std::unique_ptr<SioClient> m_admin;
    // Connect bookkeeping.
    size_t m_next = 0;
    int m_inFlight = 0;
    int m_done = 0;
    int m_failed = 0;
    bool m_connecting = false;
    LatencyHistogram m_connectTimes;
    std::string m_firstFailure;
    // Step bookkeeping.
    Step *m_step = nullptr;
    std::string m_stepPrefix;
    uint64_t m_nextAckId = 1;
    uint64_t m_adminAckId = 0;
    bool m_adminAcked = false;
    std::string m_adminAckArgs;
    int m_stepIndex = 0;
};

} // namespace TableTap
