// The bench contract (docs/performance.md, "The bench server and its contract") on a SioServer:
// namespace /orders with a token check, `echo` with ack, `bench:start` (a timed broadcast at a
// fixed rate), `publish`. Benchmark-only behaviour, served by tt-bench-server.
#pragma once

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QString>

namespace TableTap {

class SioNamespace;
class SioServer;

class BenchEndpoint final : public QObject
{
    Q_OBJECT
public:
    explicit BenchEndpoint(SioServer *server, QString token = QStringLiteral("bench-token"),
                           QObject *parent = nullptr);

    // CLOCK_MONOTONIC in microseconds: the clock every process on the host shares.
    static qint64 monotonicMicros();

private:
    SioNamespace *m_orders;
    QString m_token;
};

} // namespace TableTap
