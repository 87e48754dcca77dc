// LatencyHistogram: exact below 100 µs, then buckets growing by 1 %.
#include "latencyhistogram.h"

#include <algorithm>
#include <cmath>

namespace TableTap {

namespace {
constexpr int kLinear = 100;             // 0..99 µs: one bucket per microsecond
constexpr double kGrowth = 1.01;         // then each bucket 1 % wider than the last
constexpr int kBuckets = kLinear + 1400; // up to about 100 µs * 1.01^1400 ≈ 1.1e8 µs
const double kLogGrowth = std::log(kGrowth);
} // namespace

LatencyHistogram::LatencyHistogram()
    : m_buckets(kBuckets, 0)
{}

int LatencyHistogram::bucketOf(int64_t micros)
{
    if (micros < kLinear)
        return int(std::max<int64_t>(0, micros));
    const int b = kLinear + int(std::log(double(micros) / kLinear) / kLogGrowth);
    return std::min(b, kBuckets - 1);
}

double LatencyHistogram::bucketValue(int bucket)
{
    if (bucket < kLinear)
        return bucket;
    return kLinear * std::pow(kGrowth, bucket - kLinear + 0.5);
}

void LatencyHistogram::add(int64_t micros)
{
    ++m_buckets[size_t(bucketOf(micros))];
    ++m_count;
    m_max = std::max(m_max, micros);
}

void LatencyHistogram::merge(const LatencyHistogram &other)
{
    for (size_t i = 0; i < m_buckets.size(); ++i)
        m_buckets[i] += other.m_buckets[i];
    m_count += other.m_count;
    m_max = std::max(m_max, other.m_max);
}

void LatencyHistogram::clear()
{
    std::fill(m_buckets.begin(), m_buckets.end(), 0);
    m_count = 0;
    m_max = 0;
}

double LatencyHistogram::percentileMs(double p) const
{
    if (m_count == 0)
        return 0;
    const auto rank = uint64_t(std::ceil(std::clamp(p, 0.0, 1.0) * double(m_count)));
    uint64_t seen = 0;
    for (size_t i = 0; i < m_buckets.size(); ++i) {
        seen += m_buckets[i];
        if (seen >= std::max<uint64_t>(rank, 1))
            return std::min(bucketValue(int(i)), double(m_max)) / 1000.0;
    }
    return double(m_max) / 1000.0;
}

} // namespace TableTap
