// The sign-in run (issue 20, item 8): tabletap-hub on a fresh data folder with one cafe and N staff
// members; a probe console (signed in, /orders) sends list_menu with an ack at a steady rate. First
// idle: the probe's ack round trip alone. Then staff sign in over HTTP (POST /api/auth/login) at a
// fixed rate while the probe goes on. Each sign-in comes from a staff member of its own (round
// robin) and from a loopback source address of its own (127.0.0.2, .3, ...), as sign-ins in a
// cafe come from different tills: the hub allows one PIN check in flight per address, and its
// per-code and per-address lockouts only count failures, which the bench never makes.
#pragma once

#include "childprocess.h"
#include "eventloop.h"
#include "latencyhistogram.h"
#include "procstats.h"
#include "sioclient.h"

#include <QJsonObject>

#include <memory>
#include <string>
#include <vector>

namespace TableTap {

class SignInBench final : public SioClient::Listener
{
public:
    struct Options
    {
        int serverCpu = 0;
        std::string hub;          // tabletap-hub binary
        std::string referenceDir; // benchmarks/reference (the menu)
        std::string serverLog;
        int staff = 40;              // staff members signing in, round robin
        int addresses = 40;          // loopback source addresses, round robin
        double rate = 20;            // sign-ins per second
        int seconds = 10;            // of sign-ins
        int idleSeconds = 5;         // of the probe alone
        double probeRate = 50;       // probe acks per second
        int hubSignInsPerSecond = 0; // --sign-ins-per-second for the hub; 0: its default
        bool verbose = true;
    };

    explicit SignInBench(Options options);
    ~SignInBench() override;

    // One JSON record (kind "signin", label "hub").
    QJsonObject run();

    void clientConnected(SioClient *client, int64_t connectMicros) override;
    void clientFailed(SioClient *client, std::string_view why) override;
    void clientEvent(SioClient *client, std::string_view args, int64_t now) override;
    void clientAck(SioClient *client, uint64_t id, std::string_view args, int64_t now) override;

    // One sign-in: its own TCP connection from its own source address, one request, one answer.
    class Request;

private:
    struct Counts
    {
        uint64_t attempted = 0;
        uint64_t succeeded = 0;   // 200 with an access token
        uint64_t rateLimited = 0; // 429
        uint64_t refused = 0;     // 401 (never expected: the PINs are right)
        uint64_t failed = 0;      // anything else: connection errors, other statuses, no answer
        std::string firstError;
        LatencyHistogram latency; // answered sign-ins, request sent to answer read
    };

    bool prepare(std::string *dataDir, std::string *token, std::string *error);
    LatencyHistogram probePhase(int seconds, bool withSignIns);
    void scheduleProbe(int64_t at, int64_t interval);
    void scheduleSignIn(int64_t at, int64_t interval);
    void finished(Request *request, int status, std::string_view body, int64_t micros,
                  std::string_view error);
    void log(const char *format, ...) const __attribute__((format(printf, 2, 3)));

    Options m_options;
    EventLoop m_loop;
    ChildProcess m_server;
    SioClient::Config m_probeConfig;
    std::unique_ptr<SioClient> m_probe;
    std::vector<std::unique_ptr<Request>> m_requests; // in flight
    std::vector<std::unique_ptr<Request>> m_done;     // answered, deleted between phases
    std::vector<std::string> m_codes;
    std::vector<std::string> m_pins;
    Counts m_counts;
    LatencyHistogram *m_probeRtt = nullptr;
    int64_t m_until = 0;
    uint64_t m_nextAckId = 1;
    uint64_t m_nextSignIn = 0;
    uint64_t m_menuAckId = 0;
    bool m_menuAcked = false;
};

} // namespace TableTap
