// Reconnection delays as socket.io-client computes them (its backo2):
// min(delay * factor^attempt +- random * jitter * delay * factor^attempt, max).
#pragma once

#include <functional>

namespace TableTap {

class SioBackoff
{
public:
    SioBackoff(int minMs = 1000, int maxMs = 5000, double jitter = 0.5, double factor = 2);

    // Returns [0, 1); the default is a uniform random generator. Tests inject fixed values.
    void setRandomSource(std::function<double()> random) { m_random = std::move(random); }

    // The delay before the next attempt; counts the attempt.
    int duration();
    int attempts() const { return m_attempts; }
    void reset() { m_attempts = 0; }

    void setMin(int ms) { m_min = ms; }
    void setMax(int ms) { m_max = ms; }
    void setJitter(double jitter);
    int min() const { return m_min; }
    int max() const { return m_max; }
    double jitter() const { return m_jitter; }

    // The pure formula: attempt counts from 0, random in [0, 1). The parity of
    // floor(random * 10) picks the direction of the deviation, as in the JS code.
    static int compute(int minMs, int maxMs, double factor, double jitter, int attempt,
                       double random);

private:
    int m_min;
    int m_max;
    double m_factor;
    double m_jitter = 0;
    int m_attempts = 0;
    std::function<double()> m_random;
};

} // namespace TableTap
