// The client benchmark: one client process on the generator's CPU, connected to an event stream
// (benchmarks/reference/event-stream.js on the server's CPU) with all five namespaces, takes the
// cafe's traffic at rising rates. The console (tt_bench_console: ConsoleSession + MainWindow) and
// stock socket.io-client in Node (client-ingest.js) get the same stream; each reports per step
// the events received, event-to-model latency, CPU per event and its longest stall.
#pragma once

#include "childprocess.h"
#include "eventloop.h"
#include "sioclient.h"

#include <QJsonObject>

#include <string>
#include <vector>

namespace TableTap {

class ClientBench final : public SioClient::Listener
{
public:
    struct Options
    {
        int serverCpu = 0;
        int clientCpu = 1;
        int stepSeconds = 5;
        std::vector<double> rates = {2000, 5000, 10000, 20000, 30000, 40000, 60000, 80000};
        double p99BoundMs = 100;
        std::string node = "node";
        std::string referenceDir;
        std::string console; // tt_bench_console
        std::string serverLog;
        bool verbose = true;
        double settle = 1.0; // scales the pauses that let the server settle (memory, queues)
    };

    explicit ClientBench(Options options);

    // reference: socket.io-client in Node, else the console.
    QJsonObject run(bool reference);

    void clientConnected(SioClient *, int64_t) override {}
    void clientFailed(SioClient *client, std::string_view why) override;
    void clientEvent(SioClient *, std::string_view, int64_t) override {}
    void clientAck(SioClient *client, uint64_t id, std::string_view args, int64_t now) override;

private:
    void log(const char *format, ...) const __attribute__((format(printf, 2, 3)));

    Options m_options;
    EventLoop m_loop;
    uint64_t m_ackId = 0;
    std::string m_ack;
    std::string m_failure;
};

} // namespace TableTap
