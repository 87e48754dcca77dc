// The bench protocol run against one server at one client count (docs/performance.md, "The bench
// server and its contract"): refused auth, a connect storm (conn/s, connect p99, failures, memory
// growth per connection), ack round trips when idle, broadcast latency at a fixed message rate, ack
// round trips under broadcast load, the capacity ladder (highest delivered rate with full delivery
// and p99 within the bound) and long-polling connect-and-upgrade. One server process per run,
// killed at the end.
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

class BroadcastBench final : public SioClient::Listener
{
public:
    struct Options
    {
        int serverCpu = 0;
        int concurrency = 200;       // connects in flight during the storm
        int ackClients = 20;         // clients that send echo with ack
        double ackRatePerClient = 5; // echoes per second per ack client
        int ackSeconds = 3;
        int stepSeconds = 5;
        int padBytes = 100;
        double fixedMessagesPerSecond = 10000; // latency at this delivered rate
        double loadMessagesPerSecond = 50000;  // ack round trips under this load
        std::vector<double> ladder;            // delivered messages/s (rate x clients)
        double p99BoundMs = 100;
        int pollingClients = 200;
        int pollingConcurrency = 50;
        bool runLadder = true;
        bool runPolling = true;
        bool runAcks = true;
        bool runFixed = true;
        // Every client long-polls for good (Engine.IO polling, no upgrade): the `polling` part.
        bool pollingOnly = false;
        std::string serverLog; // server stderr goes here
        bool verbose = true;
        double settle = 1.0; // scales the pauses that let the server settle (memory, queues)
    };

    explicit BroadcastBench(Options options);
    ~BroadcastBench() override;

    // All phases against a freshly started server; the result is one JSON record.
    QJsonObject run(const ServerSpec &server, int clients);

    void clientConnected(SioClient *client, int64_t connectMicros) override;
    void clientFailed(SioClient *client, std::string_view why) override;
    void clientEvent(SioClient *client, std::string_view args, int64_t now) override;
    void clientAck(SioClient *client, uint64_t id, std::string_view args, int64_t now) override;

private:
    struct Step
    {
        double rate = 0;
        int recipients = 0;
        int64_t sent = 0;
        double serverSeconds = 0;
        uint64_t expected = 0;
        uint64_t received = 0;
        LatencyHistogram latency;
        LatencyHistogram ackRtt;
        ProcStats::Usage cpu;
        bool keptRate = false;
        bool pass = false;
        QJsonObject toJson(double p99BoundMs) const;
    };

    bool connectOne(SioClient *client, int64_t timeoutMicros);
    void connectMany(std::vector<std::unique_ptr<SioClient>> &clients, int concurrency,
                     LatencyHistogram *times, int *failures, double *seconds);
    LatencyHistogram ackPhase(int seconds);
    Step broadcastStep(double messagesPerSecond, bool withAcks);
    void startEchoes(int64_t until);
    void scheduleEcho(int64_t at, int64_t interval, int count);
    int connectedCount() const;
    void log(const char *format, ...) const __attribute__((format(printf, 2, 3)));

    Options m_options;
    EventLoop m_loop;
    ChildProcess m_server;
    SioClient::Config m_benchConfig;
    SioClient::Config m_adminConfig;
    SioClient::Config m_badConfig;
    SioClient::Config m_pollingConfig;
    std::vector<std::unique_ptr<SioClient>> m_clients;
    std::unique_ptr<SioClient> m_admin;
    // Connect bookkeeping.
    size_t m_nextToStart = 0;
    int m_inFlight = 0;
    int m_connectedNow = 0;
    int m_failedNow = 0;
    std::vector<std::unique_ptr<SioClient>> *m_storm = nullptr;
    LatencyHistogram *m_stormTimes = nullptr;
    std::string m_firstFailure;
    // Broadcast step bookkeeping.
    std::string m_stepPrefix; // ["s3",
    uint64_t m_stepReceived = 0;
    LatencyHistogram *m_stepLatency = nullptr;
    LatencyHistogram *m_ackRtt = nullptr;
    uint64_t m_nextAckId = 1;
    uint64_t m_adminAckId = 0;
    bool m_adminAcked = false;
    std::string m_adminAckArgs;
    int m_stepIndex = 0;
    int64_t m_echoUntil = 0;
    uint64_t m_echoNext = 0;
};

} // namespace TableTap
