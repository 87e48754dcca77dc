// A fixed-bucket latency histogram (seconds), cheap enough to record every storage batch of the
// hub; read out as cumulative counts for the Prometheus text format.
#pragma once

#include <QList>

#include <array>

namespace TableTap {

class LatencyHistogram final
{
public:
    // Upper bounds in seconds: 0.5 ms to 5 s, roughly 2.5x apart (an fsync on an SSD is well
    // under a millisecond, on a busy SD card or a network disk it can take seconds).
    static constexpr std::array<double, 12> kBounds{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                    0.05,   0.1,   0.25,   0.5,   1.0,  5.0};

    void record(double seconds);
    void reset();

    quint64 count() const { return m_count; }
    double sum() const { return m_sum; }
    double max() const { return m_max; }
    QList<double> upperBounds() const;
    // Observations <= each bound (cumulative, as Prometheus wants them).
    QList<quint64> cumulativeCounts() const;

private:
    std::array<quint64, kBounds.size()> m_buckets{}; // per bucket, not cumulative
    quint64 m_count = 0;
    double m_sum = 0;
    double m_max = 0;
};

} // namespace TableTap
