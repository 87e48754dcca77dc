#include "benchcommon.h"

#include <cstdio>

namespace TableTap {

int64_t integerAfter(std::string_view text, std::string_view marker)
{
    const size_t at = text.find(marker);
    if (at == std::string_view::npos)
        return -1;
    int64_t v = 0;
    bool any = false;
    for (size_t i = at + marker.size(); i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
        v = v * 10 + (text[i] - '0');
        any = true;
    }
    return any ? v : -1;
}

QJsonObject histogramJson(const LatencyHistogram &histogram)
{
    return QJsonObject{{QStringLiteral("count"), double(histogram.count())},
                       {QStringLiteral("p50_ms"), histogram.percentileMs(0.50)},
                       {QStringLiteral("p99_ms"), histogram.percentileMs(0.99)},
                       {QStringLiteral("max_ms"), histogram.maxMs()}};
}

void logProgress(bool verbose, const char *format, va_list args)
{
    if (!verbose)
        return;
    std::vfprintf(stderr, format, args);
    std::fflush(stderr);
}

} // namespace TableTap
