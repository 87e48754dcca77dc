// Latencies in microseconds in logarithmic buckets (about 1 % wide), so a step with millions of
// deliveries costs a few kilobytes and percentiles are exact to within a bucket.
#pragma once

#include <cstdint>
#include <vector>

namespace TableTap {

class LatencyHistogram
{
public:
    LatencyHistogram();

    void add(int64_t micros);
    void merge(const LatencyHistogram &other);
    void clear();

    uint64_t count() const { return m_count; }
    // p in [0, 1]; milliseconds; 0 when empty.
    double percentileMs(double p) const;
    double maxMs() const { return double(m_max) / 1000.0; }

private:
    static int bucketOf(int64_t micros);
    static double bucketValue(int bucket);

    std::vector<uint64_t> m_buckets;
    uint64_t m_count = 0;
    int64_t m_max = 0;
};

} // namespace TableTap
