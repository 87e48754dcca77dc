// ProcStats: /proc/<pid>/stat, /proc/<pid>/status and /proc/stat.
#include "procstats.h"

#include "monotonicclock.h"

#include <dirent.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string>

namespace TableTap {

namespace {

double ticksPerSecond()
{
    static const double hz = double(sysconf(_SC_CLK_TCK));
    return hz;
}

std::string readFile(const std::string &path)
{
    std::string text;
    if (FILE *f = std::fopen(path.c_str(), "re")) {
        char buf[4096];
        size_t n;
        while ((n = std::fread(buf, 1, sizeof buf, f)) > 0)
            text.append(buf, n);
        std::fclose(f);
    }
    return text;
}

} // namespace

double ProcStats::cpuSeconds(pid_t pid)
{
    const std::string stat = readFile("/proc/" + std::to_string(pid) + "/stat");
    // The command name may contain spaces; fields are counted after its closing parenthesis.
    const size_t close = stat.rfind(')');
    if (close == std::string::npos)
        return 0;
    unsigned long long utime = 0, stime = 0;
    // After ")": state(3) ppid(4) ... utime is field 14, stime 15.
    const char *p = stat.c_str() + close + 2;
    int field = 3;
    while (*p && field < 14) {
        if (*p == ' ')
            ++field;
        ++p;
    }
    std::sscanf(p, "%llu %llu", &utime, &stime);
    return double(utime + stime) / ticksPerSecond();
}

double ProcStats::familyCpuSeconds(pid_t pid)
{
    if (pid <= 0)
        return 0;
    double total = 0;
    // The process itself with its reaped children: utime stime cutime cstime (fields 14-17).
    {
        const std::string stat = readFile("/proc/" + std::to_string(pid) + "/stat");
        const size_t close = stat.rfind(')');
        if (close == std::string::npos)
            return 0;
        const char *p = stat.c_str() + close + 2;
        int field = 3;
        while (*p && field < 14) {
            if (*p == ' ')
                ++field;
            ++p;
        }
        unsigned long long v[4] = {};
        std::sscanf(p, "%llu %llu %llu %llu", &v[0], &v[1], &v[2], &v[3]);
        total += double(v[0] + v[1] + v[2] + v[3]) / ticksPerSecond();
    }
    // Live children: every process whose parent (field 4) is pid.
    if (DIR *d = opendir("/proc")) {
        while (const dirent *e = readdir(d)) {
            if (e->d_name[0] < '1' || e->d_name[0] > '9')
                continue;
            const pid_t child = pid_t(std::atoi(e->d_name));
            const std::string stat = readFile("/proc/" + std::to_string(child) + "/stat");
            const size_t close = stat.rfind(')');
            if (close == std::string::npos || close + 4 >= stat.size())
                continue;
            char state = 0;
            int ppid = 0;
            if (std::sscanf(stat.c_str() + close + 2, "%c %d", &state, &ppid) == 2 && ppid == pid)
                total += cpuSeconds(child);
        }
        closedir(d);
    }
    return total;
}

int64_t ProcStats::rssKb(pid_t pid)
{
    const std::string status = readFile("/proc/" + std::to_string(pid) + "/status");
    const size_t at = status.find("VmRSS:");
    if (at == std::string::npos)
        return 0;
    return std::atoll(status.c_str() + at + 6);
}

void ProcStats::machineSeconds(double *busy, double *irq, double *steal)
{
    const std::string stat = readFile("/proc/stat");
    unsigned long long v[8] = {};
    std::sscanf(stat.c_str(), "cpu %llu %llu %llu %llu %llu %llu %llu %llu", &v[0], &v[1], &v[2],
                &v[3], &v[4], &v[5], &v[6], &v[7]);
    // user nice system idle iowait irq softirq steal
    *busy = double(v[0] + v[1] + v[2]) / ticksPerSecond();
    *irq = double(v[5] + v[6]) / ticksPerSecond();
    *steal = double(v[7]) / ticksPerSecond();
}

ProcStats::Sample ProcStats::sample(pid_t server)
{
    Sample s;
    s.atMicros = monotonicMicros();
    s.serverCpuSeconds = server > 0 ? cpuSeconds(server) : 0;
    s.selfCpuSeconds = cpuSeconds(getpid());
    machineSeconds(&s.machineBusySeconds, &s.machineIrqSeconds, &s.machineStealSeconds);
    return s;
}

ProcStats::Sample ProcStats::sample(const std::vector<pid_t> &servers)
{
    Sample s;
    s.atMicros = monotonicMicros();
    for (const pid_t pid : servers)
        s.serverCpuSeconds += pid > 0 ? cpuSeconds(pid) : 0;
    s.selfCpuSeconds = cpuSeconds(getpid());
    machineSeconds(&s.machineBusySeconds, &s.machineIrqSeconds, &s.machineStealSeconds);
    return s;
}

ProcStats::Usage ProcStats::usage(const Sample &from, const Sample &to)
{
    Usage u;
    u.seconds = double(to.atMicros - from.atMicros) / 1e6;
    if (u.seconds <= 0)
        return u;
    const double server = to.serverCpuSeconds - from.serverCpuSeconds;
    const double self = to.selfCpuSeconds - from.selfCpuSeconds;
    const double machine = to.machineBusySeconds - from.machineBusySeconds;
    u.serverPct = 100.0 * server / u.seconds;
    u.selfPct = 100.0 * self / u.seconds;
    u.otherPct = std::max(0.0, 100.0 * (machine - server - self) / u.seconds);
    u.irqPct = 100.0 * (to.machineIrqSeconds - from.machineIrqSeconds) / u.seconds;
    u.stealPct = 100.0 * (to.machineStealSeconds - from.machineStealSeconds) / u.seconds;
    return u;
}

} // namespace TableTap
