// The scale part (issue 20, item 2): tens of thousands of idle websocket clients on one server,
// connected from several 127.x source addresses (each has its own ephemeral ports), a broadcast
// to all of them once a second, and a probe client's echo acks meanwhile. Measured: time until
// every client is connected and the failures, broadcast delivery and latency, the probe's ack
// round trips, the server's memory (user space per connection, and the kernel's TCP memory
// apart) and the CPU of the server and of this generator. One server process per run.
#pragma once

#include "childprocess.h"
#include "eventloop.h"
#include "latencyhistogram.h"
#include "procstats.h"
#include "serverspec.h"
#include "sioclient.h"

#include <QJsonObject>

#include <memory>
#include <string>
#include <vector>

namespace TableTap {

class ScaleBench final : public SioClient::Listener
{
public:
    struct Options
    {
        int serverCpu = 0;
        int concurrency = 500;           // connects in flight
        int sourceAddresses = 0;         // 127.0.0.2, 127.0.0.3, ...; 0: one per 5,000 clients
        double connectLimitSeconds = 10; // the target: everyone connected within this
        int broadcastSeconds = 10;       // one broadcast a second to room "all"
        int padBytes = 100;
        double probeAcksPerSecond = 20;
        // Long-polling sessions (handshake and CONNECT over polling, no upgrade, no request
        // pending) added at the end, for their memory; fewer when the open-file limit is tight.
        int pollingClients = 2000;
        double settle = 1.0;
        std::string serverLog;
        bool verbose = true;
    };

    explicit ScaleBench(Options options);
    ~ScaleBench() override;

    QJsonObject run(const ServerSpec &server, int clients);

    void clientConnected(SioClient *client, int64_t connectMicros) override;
    void clientFailed(SioClient *client, std::string_view why) override;
    void clientEvent(SioClient *client, std::string_view args, int64_t now) override;
    void clientAck(SioClient *client, uint64_t id, std::string_view args, int64_t now) override;

    // The kernel's TCP memory (all sockets of the machine), in KB: /proc/net/sockstat's "mem"
    // pages.
    static int64_t kernelTcpKb();
    // Raises RLIMIT_NOFILE, soft and hard, to at least `wanted` (root may raise the hard limit up
    // to /proc/sys/fs/nr_open); children started afterwards inherit it. Returns the soft limit.
    static int64_t raiseFdLimit(int64_t wanted);

private:
    bool connectOne(SioClient *client, int64_t timeoutMicros);
    void startMore();
    void scheduleProbe(int64_t at, int64_t interval);
    void log(const char *format, ...) const __attribute__((format(printf, 2, 3)));

    Options m_options;
    EventLoop m_loop;
    ChildProcess m_server;
    SioClient::Config m_benchConfig;
    SioClient::Config m_adminConfig;
    SioClient::Config m_probeConfig;
    SioClient::Config m_pollingConfig;
    std::vector<std::unique_ptr<SioClient>> m_clients;
    std::unique_ptr<SioClient> m_admin;
    std::unique_ptr<SioClient> m_probe;
    size_t m_nextToStart = 0;
    int m_inFlight = 0;
    int m_connected = 0;
    int m_failed = 0;
    int m_dropped = 0;
    bool m_storming = false;
    std::vector<std::unique_ptr<SioClient>> *m_storm = nullptr; // what startMore() starts
    std::string m_firstFailure;
    LatencyHistogram *m_connectTimes = nullptr;
    // Broadcast bookkeeping.
    std::string m_prefix; // ["scale",
    uint64_t m_received = 0;
    LatencyHistogram m_latency;
    LatencyHistogram m_probeRtt;
    uint64_t m_nextAckId = 1;
    uint64_t m_adminAckId = 0;
    bool m_adminAcked = false;
    std::string m_adminAckArgs;
    int64_t m_probeUntil = 0;
};

} // namespace TableTap
