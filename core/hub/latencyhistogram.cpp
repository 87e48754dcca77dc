// LatencyHistogram: bucket an observation, read out cumulative counts.
#include "latencyhistogram.h"

#include <algorithm>

namespace TableTap {

void LatencyHistogram::record(double seconds)
{
    seconds = std::max(0.0, seconds);
    const auto it = std::lower_bound(kBounds.begin(), kBounds.end(), seconds);
    if (it != kBounds.end())
        ++m_buckets[size_t(it - kBounds.begin())];
    ++m_count;
    m_sum += seconds;
    m_max = std::max(m_max, seconds);
}

void LatencyHistogram::reset()
{
    *this = LatencyHistogram();
}

QList<double> LatencyHistogram::upperBounds() const
{
    return QList<double>(kBounds.begin(), kBounds.end());
}

QList<quint64> LatencyHistogram::cumulativeCounts() const
{
    QList<quint64> out;
    out.reserve(qsizetype(kBounds.size()));
    quint64 running = 0;
    for (const quint64 n : m_buckets) {
        running += n;
        out.append(running);
    }
    return out;
}

} // namespace TableTap
