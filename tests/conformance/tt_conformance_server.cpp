// tt-conformance-server: runs ConformanceFixture on a port and prints "ready <port>".
// Usage: tt-conformance-server --port P --ping-interval MS --ping-timeout MS
//        --max-payload BYTES --connect-timeout MS
#include "conformancefixture.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

using namespace TableTap;

int main(int argc, char *argv[])
{
    qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.addHelpOption();
    const QCommandLineOption port(QStringLiteral("port"), QStringLiteral("port (0: any)"),
                                  QStringLiteral("P"), QStringLiteral("3000"));
    const QCommandLineOption interval(QStringLiteral("ping-interval"), QStringLiteral("ms"),
                                      QStringLiteral("MS"), QStringLiteral("300"));
    const QCommandLineOption timeout(QStringLiteral("ping-timeout"), QStringLiteral("ms"),
                                     QStringLiteral("MS"), QStringLiteral("200"));
    const QCommandLineOption payload(QStringLiteral("max-payload"), QStringLiteral("bytes"),
                                     QStringLiteral("BYTES"), QStringLiteral("1000000"));
    const QCommandLineOption connect(QStringLiteral("connect-timeout"), QStringLiteral("ms"),
                                     QStringLiteral("MS"), QStringLiteral("1000"));
    p.addOptions({port, interval, timeout, payload, connect});
    p.process(app);

    ConformanceFixture::Options o;
    o.pingInterval = p.value(interval).toInt();
    o.pingTimeout = p.value(timeout).toInt();
    o.maxPayload = p.value(payload).toLongLong();
    o.connectTimeout = p.value(connect).toInt();
    ConformanceFixture fixture(o);
    if (!fixture.listen(quint16(p.value(port).toUInt()))) {
        std::fprintf(stderr, "tt-conformance-server: %s\n", qPrintable(fixture.errorString()));
        return 1;
    }
    std::printf("ready %u\n", unsigned(fixture.port()));
    std::fflush(stdout);
    return QCoreApplication::exec();
}
