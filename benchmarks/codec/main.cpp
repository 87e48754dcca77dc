// tt_bench_codec: Google Benchmark micro-benchmarks of the protocol codecs on the contract's 17
// event envelopes (tests/fixtures/events): encode (envelope -> Socket.IO EVENT -> Engine.IO
// websocket frame text, what the hub does once per broadcast), decode (frame text -> Engine.IO
// packet -> Socket.IO packet with its JSON tree, checked as socket.io-parser's decoder checks
// every payload: what the console's client does per event; decode-lite/ the same read into
// LiteJson nodes instead of Qt's tree), map (decoded envelope -> the console's typed CafeEvent;
// map-lite/ from the nodes) and frame-to-event (all of it, frame text to CafeEvent, both ways).
// benchmarks/reference/codec-bench.js times socket.io-parser and engine.io-parser on the same
// envelopes; tt_siobench report puts them side by side.
#include "enginecodec.h"
#include "eventmapper.h"
#include "siocodec.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <benchmark/benchmark.h>

#include <cstdio>
#include <vector>

using namespace TableTap;

namespace {

struct Fixture
{
    QString event; // "order:created"
    QString nsp;   // where the hub emits it
    QJsonObject envelope;
    QByteArray frame; // the websocket text frame: 42/nsp,["event",{...}]
};

QString namespaceOf(const QString &event)
{
    if (event.startsWith(u"order:"))
        return QStringLiteral("/orders");
    if (event.startsWith(u"payment:") || event.startsWith(u"qr:"))
        return QStringLiteral("/payments");
    if (event.startsWith(u"inventory:"))
        return QStringLiteral("/inventory");
    if (event.startsWith(u"employee:"))
        return QStringLiteral("/employees");
    return QStringLiteral("/system");
}

SioPacket eventPacket(const Fixture &f)
{
    SioPacket p;
    p.type = SioPacket::Type::Event;
    p.nsp = f.nsp;
    p.data = QJsonArray{f.event, f.envelope};
    return p;
}

std::vector<Fixture> loadFixtures(const QString &dir)
{
    std::vector<Fixture> out;
    const QStringList files
        = QDir(dir).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QString &name : files) {
        QFile file(dir + QLatin1Char('/') + name);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        Fixture f;
        f.envelope = QJsonDocument::fromJson(file.readAll()).object();
        f.event = f.envelope.value(QLatin1String("event")).toString();
        if (f.event.isEmpty())
            continue;
        f.nsp = namespaceOf(f.event);
        f.frame = EngineCodec::encodeText(SioCodec::encode(eventPacket(f)).first());
        out.push_back(f);
    }
    return out;
}

} // namespace

int main(int argc, char *argv[])
{
    QString dir = QStringLiteral(TT_FIXTURES_DIR);
    // --fixtures DIR overrides the built-in path; everything else goes to Google Benchmark.
    std::vector<char *> args;
    for (int i = 0; i < argc; ++i) {
        if (QByteArrayView(argv[i]) == "--fixtures" && i + 1 < argc) {
            dir = QString::fromLocal8Bit(argv[++i]);
            continue;
        }
        args.push_back(argv[i]);
    }
    static const std::vector<Fixture> fixtures = loadFixtures(dir);
    if (fixtures.empty()) {
        std::fprintf(stderr, "tt_bench_codec: no fixtures in %s\n", qPrintable(dir));
        return 1;
    }
    for (const Fixture &f : fixtures) {
        const std::string e = f.event.toStdString();
        benchmark::RegisterBenchmark(("encode/" + e).c_str(), [&f](benchmark::State &state) {
            const SioPacket packet = eventPacket(f);
            for (auto _ : state) {
                QByteArray frame = EngineCodec::encodeText(SioCodec::encode(packet).first());
                benchmark::DoNotOptimize(frame);
            }
            state.SetBytesProcessed(state.iterations() * f.frame.size());
        });
        // The Engine.IO packet, the Socket.IO header and the payload read into LiteJson nodes
        // (no Qt JSON tree), checked by the same rules as SioCodec::validate.
        benchmark::RegisterBenchmark(("decode-lite/" + e).c_str(), [&f](benchmark::State &state) {
            for (auto _ : state) {
                auto engine = EngineCodec::decodeText(f.frame);
                auto packet = SioCodec::decodeTextLite(engine->data);
                QString invalid = SioCodec::validate(*packet);
                benchmark::DoNotOptimize(packet);
                benchmark::DoNotOptimize(invalid);
            }
            state.SetBytesProcessed(state.iterations() * f.frame.size());
        });
        // The same with Qt's JSON tree (QJsonDocument::fromJson): what the console's client
        // does per frame today (SioBinaryAssembler) and the hub with the commands it receives.
        benchmark::RegisterBenchmark(("decode/" + e).c_str(), [&f](benchmark::State &state) {
            for (auto _ : state) {
                auto engine = EngineCodec::decodeText(f.frame);
                auto packet = SioCodec::decodeText(engine->data);
                QString invalid = SioCodec::validate(*packet);
                benchmark::DoNotOptimize(packet);
                benchmark::DoNotOptimize(invalid);
            }
            state.SetBytesProcessed(state.iterations() * f.frame.size());
        });
    }
    // The mappings run after every codec measurement, as codec-bench.js has nothing between its
    // own: when map/order:created ran between them, every decode measured after it in the same
    // process took up to 50 % longer (the same decode measured alone did not).
    for (const Fixture &f : fixtures) {
        const std::string e = f.event.toStdString();
        // The envelope of an already decoded frame to the typed CafeEvent, read from the
        // LiteJson nodes.
        benchmark::RegisterBenchmark(("map-lite/" + e).c_str(), [&f](benchmark::State &state) {
            const auto packet = SioCodec::decodeTextLite(EngineCodec::decodeText(f.frame)->data);
            const LiteJsonValue envelope = packet->data->root().toArray().at(1);
            for (auto _ : state) {
                auto mapped = EventMapper::mapEvent(f.nsp, f.event, envelope);
                benchmark::DoNotOptimize(mapped);
            }
        });
        // The same from Qt's tree (what ConsoleSession does today).
        benchmark::RegisterBenchmark(("map/" + e).c_str(), [&f](benchmark::State &state) {
            for (auto _ : state) {
                auto mapped = EventMapper::mapEvent(f.nsp, f.event, f.envelope);
                benchmark::DoNotOptimize(mapped);
            }
        });
        // The whole of it, websocket frame text to CafeEvent (decode, validate, the event's
        // name, map), with LiteJson and with Qt's tree.
        benchmark::RegisterBenchmark(
            ("frame-to-event-lite/" + e).c_str(), [&f](benchmark::State &state) {
                for (auto _ : state) {
                    auto engine = EngineCodec::decodeText(f.frame);
                    auto packet = SioCodec::decodeTextLite(engine->data);
                    QString invalid = SioCodec::validate(*packet);
                    const LiteJsonArray args = packet->data->root().toArray();
                    auto mapped
                        = EventMapper::mapEvent(packet->nsp, args.at(0).toString(), args.at(1));
                    benchmark::DoNotOptimize(invalid);
                    benchmark::DoNotOptimize(mapped);
                }
            });
        benchmark::RegisterBenchmark(("frame-to-event/" + e).c_str(), [&f](
                                                                          benchmark::State &state) {
            for (auto _ : state) {
                auto engine = EngineCodec::decodeText(f.frame);
                auto packet = SioCodec::decodeText(engine->data);
                QString invalid = SioCodec::validate(*packet);
                const QJsonArray args = packet->data.toArray();
                auto mapped = EventMapper::mapEvent(packet->nsp, args.at(0).toString(), args.at(1));
                benchmark::DoNotOptimize(invalid);
                benchmark::DoNotOptimize(mapped);
            }
        });
    }
    int n = int(args.size());
    benchmark::Initialize(&n, args.data());
    if (benchmark::ReportUnrecognizedArguments(n, args.data()))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
