// CLOCK_MONOTONIC in microseconds: the clock every process on the host shares, so a payload's
// send time (written by the server) and its receive time (read here) need no skew correction.
#pragma once

#include <cstdint>
#include <ctime>

namespace TableTap {

inline int64_t monotonicMicros()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return int64_t(ts.tv_sec) * 1000000 + ts.tv_nsec / 1000;
}

} // namespace TableTap
