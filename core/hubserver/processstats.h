// The hub process's own figures for /metrics, read from /proc (Linux): resident memory, open
// and allowed file descriptors, CPU time, start time. Zero where /proc cannot be read.
#pragma once

#include <QtGlobal>

namespace TableTap {

struct ProcessStats
{
    qint64 residentBytes = 0;
    qint64 virtualBytes = 0;
    int openFds = 0;
    qint64 maxFds = 0;
    double cpuSeconds = 0;       // user + system
    double startTimeSeconds = 0; // since the Unix epoch
    int threads = 0;

    static ProcessStats read();
};

} // namespace TableTap
