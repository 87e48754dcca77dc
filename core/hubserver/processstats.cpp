// ProcessStats from /proc/self (the same figures Prometheus' own process collector exports).
#include "processstats.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QList>

#include <sys/resource.h>
#include <unistd.h>

namespace TableTap {

namespace {

QByteArray readAll(const char *path)
{
    QFile f(QString::fromLatin1(path));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll(); // /proc files report size 0; readAll reads until the end anyway
}

double bootTimeSeconds()
{
    const QByteArray stat = readAll("/proc/stat");
    for (const QByteArray &line : stat.split('\n')) {
        if (line.startsWith("btime "))
            return line.mid(6).trimmed().toDouble();
    }
    return 0;
}

} // namespace

ProcessStats ProcessStats::read()
{
    ProcessStats s;
    // /proc/self/stat: "pid (comm) state ppid ..."; comm may hold spaces and parentheses, so
    // fields are counted from the last ')'.
    const QByteArray stat = readAll("/proc/self/stat");
    const qsizetype close = stat.lastIndexOf(')');
    if (close > 0) {
        const QList<QByteArray> f = stat.mid(close + 2).split(' ');
        // After ')': state(0) ... utime(11) stime(12) ... num_threads(17) ... starttime(19)
        // vsize(20) rss(21), in pages / clock ticks.
        if (f.size() > 21) {
            const double ticks = double(sysconf(_SC_CLK_TCK));
            const double pageSize = double(sysconf(_SC_PAGESIZE));
            s.cpuSeconds = (f.at(11).toDouble() + f.at(12).toDouble()) / ticks;
            s.threads = f.at(17).toInt();
            s.startTimeSeconds = bootTimeSeconds() + f.at(19).toDouble() / ticks;
            s.virtualBytes = f.at(20).toLongLong();
            s.residentBytes = qint64(f.at(21).toDouble() * pageSize);
        }
    }
    s.openFds = int(QDir(QStringLiteral("/proc/self/fd"))
                        .entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::System)
                        .size());
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0)
        s.maxFds = limit.rlim_cur == RLIM_INFINITY ? -1 : qint64(limit.rlim_cur);
    return s;
}

} // namespace TableTap
