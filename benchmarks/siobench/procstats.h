// CPU time and resident memory of processes, and of the whole machine, from /proc: how busy the
// server was, how busy the generator was, and how much the other tenants of the host used.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <vector>

namespace TableTap {

class ProcStats
{
public:
    struct Sample
    {
        int64_t atMicros = 0;
        double serverCpuSeconds = 0;
        double selfCpuSeconds = 0;
        double machineBusySeconds = 0; // all CPUs: user, nice, system
        double machineIrqSeconds = 0;  // all CPUs: irq, softirq (loopback TCP lands here)
        double machineStealSeconds = 0;
    };
    struct Usage
    {
        double serverPct = 0; // 100 = one core
        double selfPct = 0;
        double otherPct = 0; // everyone else on the host
        double irqPct = 0;   // interrupts and softirqs: mostly this run's own loopback traffic,
                             // which the kernel charges to no process
        double stealPct = 0; // taken by the hypervisor
        double seconds = 0;
    };

    static double cpuSeconds(pid_t pid); // user + system
    // The process, its live children and the children it reaped (a PostgreSQL postmaster and
    // its backends).
    static double familyCpuSeconds(pid_t pid);
    static int64_t rssKb(pid_t pid);
    static void machineSeconds(double *busy, double *irq, double *steal);
    static Sample sample(pid_t server);
    // Several processes counted as "the server" (cluster nodes and their Redis).
    static Sample sample(const std::vector<pid_t> &servers);
    static Usage usage(const Sample &from, const Sample &to);
};

} // namespace TableTap
