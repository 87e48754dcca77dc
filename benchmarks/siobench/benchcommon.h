// Small pieces the benchmarks share: progress logging, a histogram as JSON, and reading an integer
// out of a JSON text without parsing it (the load generator's hot path).
#pragma once

#include "latencyhistogram.h"

#include <QJsonObject>

#include <cstdarg>
#include <cstdint>
#include <string_view>

namespace TableTap {

// The digits right after `marker` in `text` as a number, or -1 (no marker, no digit).
int64_t integerAfter(std::string_view text, std::string_view marker);

// {count, p50_ms, p99_ms, max_ms}.
QJsonObject histogramJson(const LatencyHistogram &histogram);

// A progress line on stderr, flushed, when `verbose`.
void logProgress(bool verbose, const char *format, va_list args);

} // namespace TableTap
