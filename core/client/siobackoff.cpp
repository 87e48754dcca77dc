// Exponential backoff with jitter for reconnection.
#include "siobackoff.h"

#include <QRandomGenerator>

#include <cmath>

namespace TableTap {

SioBackoff::SioBackoff(int minMs, int maxMs, double jitter, double factor)
    : m_min(minMs > 0 ? minMs : 100)
    , m_max(maxMs > 0 ? maxMs : 10000)
    , m_factor(factor > 0 ? factor : 2)
{
    setJitter(jitter);
}

void SioBackoff::setJitter(double jitter)
{
    m_jitter = jitter > 0 && jitter <= 1 ? jitter : 0;
}

int SioBackoff::compute(int minMs, int maxMs, double factor, double jitter, int attempt,
                        double random)
{
    // Past the maximum the exponent no longer matters; keep the double finite.
    double ms = double(minMs) * std::pow(factor, std::min(attempt, 64));
    if (jitter > 0) {
        const double deviation = std::floor(random * jitter * ms);
        ms = (int(std::floor(random * 10)) & 1) == 0 ? ms - deviation : ms + deviation;
    }
    return int(std::min(ms, double(maxMs)));
}

int SioBackoff::duration()
{
    const double random = m_random ? m_random() : QRandomGenerator::global()->generateDouble();
    return compute(m_min, m_max, m_factor, m_jitter, m_attempts++, random);
}

} // namespace TableTap
