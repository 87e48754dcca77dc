// PrometheusText: the exposition format's escaping and number rules.
#include "prometheustext.h"

#include <cmath>

namespace TableTap {

void PrometheusText::family(const QByteArray &name, const QByteArray &type, const QString &help)
{
    Q_ASSERT(isValidMetricName(name));
    m_text += "# HELP " + name + ' ' + escapeHelp(help) + '\n';
    m_text += "# TYPE " + name + ' ' + type + '\n';
}

void PrometheusText::sample(const QByteArray &name, double value, const Labels &labels)
{
    m_text += name;
    if (!labels.isEmpty()) {
        m_text += '{';
        bool first = true;
        for (const auto &[label, labelValue] : labels) {
            Q_ASSERT(isValidLabelName(label));
            if (!first)
                m_text += ',';
            first = false;
            m_text += label + "=\"" + escapeLabelValue(labelValue) + '"';
        }
        m_text += '}';
    }
    m_text += ' ' + formatValue(value) + '\n';
}

void PrometheusText::histogram(const QByteArray &name, const QList<double> &upperBounds,
                               const QList<quint64> &cumulativeCounts, quint64 count, double sum,
                               const Labels &labels)
{
    const QByteArray bucket = name + "_bucket";
    for (qsizetype i = 0; i < upperBounds.size(); ++i) {
        Labels l = labels;
        l.append({QByteArrayLiteral("le"), QString::fromLatin1(formatValue(upperBounds.at(i)))});
        sample(bucket, double(cumulativeCounts.value(i)), l);
    }
    Labels inf = labels;
    inf.append({QByteArrayLiteral("le"), QStringLiteral("+Inf")});
    sample(bucket, double(count), inf);
    sample(name + "_sum", sum, labels);
    sample(name + "_count", double(count), labels);
}

QByteArray PrometheusText::escapeLabelValue(const QString &value)
{
    QByteArray out;
    const QByteArray utf8 = value.toUtf8();
    out.reserve(utf8.size());
    for (const char c : utf8) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '"')
            out += "\\\"";
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out;
}

QByteArray PrometheusText::escapeHelp(const QString &help)
{
    QByteArray out;
    for (const char c : help.toUtf8()) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out;
}

QByteArray PrometheusText::formatValue(double value)
{
    if (std::isnan(value))
        return QByteArrayLiteral("NaN");
    if (std::isinf(value))
        return value > 0 ? QByteArrayLiteral("+Inf") : QByteArrayLiteral("-Inf");
    if (value == std::floor(value) && std::fabs(value) < 1e15)
        return QByteArray::number(qint64(value));
    return QByteArray::number(value, 'g', 12);
}

static bool isNameChar(char c, bool first, bool colon)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (colon && c == ':')
           || (!first && c >= '0' && c <= '9');
}

bool PrometheusText::isValidMetricName(QByteArrayView name)
{
    if (name.isEmpty())
        return false;
    for (qsizetype i = 0; i < name.size(); ++i) {
        if (!isNameChar(name.at(i), i == 0, true))
            return false;
    }
    return true;
}

bool PrometheusText::isValidLabelName(QByteArrayView name)
{
    if (name.isEmpty() || name.startsWith("__"))
        return false;
    for (qsizetype i = 0; i < name.size(); ++i) {
        if (!isNameChar(name.at(i), i == 0, false))
            return false;
    }
    return true;
}

} // namespace TableTap
