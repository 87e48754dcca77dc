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

namespace {

// The logarithm per sample was most of the generator's time at millions of deliveries a
// second: the buckets' lower bounds are worked out once instead, and a sample finds its bucket
// through its leading bits (2^kSubBits slices per power of two, each narrower than a bucket, so
// at most one boundary falls inside a slice).
constexpr int kSubBits = 7;
constexpr int kMaxExponent = 40;

int bucketByFormula(int64_t micros)
{
    if (micros < kLinear)
        return int(std::max<int64_t>(0, micros));
    const int b = kLinear + int(std::log(double(micros) / kLinear) / kLogGrowth);
    return std::min(b, kBuckets - 1);
}

struct BucketTables
{
    std::vector<int64_t> lower;    // lower[b]: the smallest sample in bucket b
    std::vector<uint16_t> bySlice; // the bucket of each slice's first value
    BucketTables()
        : lower(size_t(kBuckets), 0)
        , bySlice(size_t(kMaxExponent + 1) << kSubBits, 0)
    {
        for (int b = 0; b < kBuckets; ++b) {
            if (b < kLinear) {
                lower[size_t(b)] = b;
                continue;
            }
            auto v = int64_t(std::ceil(kLinear * std::exp(double(b - kLinear) * kLogGrowth)));
            v = std::max(v, lower[size_t(b - 1)] + 1);
            while (bucketByFormula(v) < b)
                ++v;
            while (v - 1 > lower[size_t(b - 1)] && bucketByFormula(v - 1) >= b)
                --v;
            lower[size_t(b)] = v;
        }
        for (int e = 0; e <= kMaxExponent; ++e) {
            for (int slice = 0; slice < (1 << kSubBits); ++slice) {
                const int64_t first = e < kSubBits
                                          ? (int64_t(1) << e) + (int64_t(slice) >> (kSubBits - e))
                                          : (int64_t(1) << e) + (int64_t(slice) << (e - kSubBits));
                const auto it = std::upper_bound(lower.begin(), lower.end(), first);
                bySlice[(size_t(e) << kSubBits) | size_t(slice)] = uint16_t(it - lower.begin() - 1);
            }
        }
    }
};

const BucketTables &tables()
{
    static const BucketTables t;
    return t;
}

} // namespace

LatencyHistogram::LatencyHistogram()
    : m_buckets(kBuckets, 0)
{
    tables(); // built before the first sample, not during a measured step
}

int LatencyHistogram::bucketOf(int64_t micros)
{
    if (micros < kLinear)
        return int(std::max<int64_t>(0, micros));
    const BucketTables &t = tables();
    if (micros >= t.lower[size_t(kBuckets - 1)])
        return kBuckets - 1;
    const int e = 63 - __builtin_clzll(uint64_t(micros));
    const auto slice = size_t(e < kSubBits ? (micros - (int64_t(1) << e)) << (kSubBits - e)
                                           : (micros - (int64_t(1) << e)) >> (e - kSubBits));
    const int b = t.bySlice[(size_t(e) << kSubBits) | slice];
    return b + int(t.lower[size_t(b + 1)] <= micros); // no branch: random samples mispredict
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
