// Writes the Prometheus text exposition format (version 0.0.4): one HELP and TYPE line per metric
// family, then its samples with escaped label values. Used by the hub's GET /metrics.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <utility>

namespace TableTap {

class PrometheusText final
{
public:
    using Labels = QList<std::pair<QByteArray, QString>>;

    static constexpr const char *kContentType = "text/plain; version=0.0.4; charset=utf-8";

    // Starts a family: "# HELP name help" and "# TYPE name type" (counter, gauge, histogram,
    // summary, untyped). Each family must be started once, before its samples.
    void family(const QByteArray &name, const QByteArray &type, const QString &help);
    // One sample line: name{label="value",...} value. For histograms, name carries the suffix
    // (_bucket, _sum, _count).
    void sample(const QByteArray &name, double value, const Labels &labels = {});
    // A histogram's samples from cumulative bucket counts (upper bounds ascending, +Inf implied).
    void histogram(const QByteArray &name, const QList<double> &upperBounds,
                   const QList<quint64> &cumulativeCounts, quint64 count, double sum,
                   const Labels &labels = {});

    QByteArray text() const { return m_text; }

    // Label values escape backslash, double quote and newline; HELP text backslash and newline.
    static QByteArray escapeLabelValue(const QString &value);
    static QByteArray escapeHelp(const QString &help);
    // Integers without a fraction, +Inf / -Inf / NaN as Prometheus spells them, else shortest.
    static QByteArray formatValue(double value);
    // [a-zA-Z_:][a-zA-Z0-9_:]* for metric names; label names without the colon.
    static bool isValidMetricName(QByteArrayView name);
    static bool isValidLabelName(QByteArrayView name);

private:
    QByteArray m_text;
};

} // namespace TableTap
