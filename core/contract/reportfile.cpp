// Report files: CSV and JSON.
#include "reportfile.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimeZone>

namespace TableTap::ReportFile {

namespace {

QString fixed(qint64 value, qint64 scale, int decimals)
{
    const bool negative = value < 0;
    const quint64 magnitude = negative ? quint64(0) - quint64(value) : quint64(value);
    return QStringLiteral("%1%2.%3")
        .arg(negative ? QStringLiteral("-") : QString())
        .arg(magnitude / quint64(scale))
        .arg(magnitude % quint64(scale), decimals, 10, QLatin1Char('0'));
}

// A spreadsheet runs a cell starting with one of these as a formula.
bool looksLikeFormula(const QString &text)
{
    if (text.isEmpty())
        return false;
    const QChar c = text.front();
    return c == u'=' || c == u'+' || c == u'-' || c == u'@' || c == u'\t' || c == u'\r';
}

QString quoted(const QString &cell)
{
    if (!cell.contains(u',') && !cell.contains(u'"') && !cell.contains(u'\n')
        && !cell.contains(u'\r') && cell.trimmed() == cell)
        return cell;
    QString q = cell;
    q.replace(u'"', QStringLiteral("\"\""));
    return u'"' + q + u'"';
}

QString text(const QString &s)
{
    return quoted(looksLikeFormula(s) ? u'\'' + s : s);
}

void line(QString &out, const QStringList &cells)
{
    out += cells.join(u',');
    out += QStringLiteral("\r\n");
}

} // namespace

std::optional<Format> formatFromName(QStringView name)
{
    if (name.compare(u"csv", Qt::CaseInsensitive) == 0)
        return Format::Csv;
    if (name.compare(u"json", Qt::CaseInsensitive) == 0)
        return Format::Json;
    if (name.compare(u"pdf", Qt::CaseInsensitive) == 0)
        return Format::Pdf;
    return std::nullopt;
}

QString formatName(Format format)
{
    switch (format) {
    case Format::Csv:
        return QStringLiteral("csv");
    case Format::Json:
        return QStringLiteral("json");
    case Format::Pdf:
        return QStringLiteral("pdf");
    }
    return {};
}

QStringList formatNames()
{
    return {formatName(Format::Csv), formatName(Format::Json), formatName(Format::Pdf)};
}

QString decimalCents(qint64 cents)
{
    return fixed(cents, 100, 2);
}

QString csvCell(const QJsonValue &value, const QString &type, const QString &timeZone)
{
    if (value.isNull() || value.isUndefined())
        return {};
    if (type == u"bool")
        return value.toBool() ? QStringLiteral("yes") : QStringLiteral("no");
    if (value.isString())
        return value.toString();
    const qint64 n = value.toInteger();
    if (type == u"money")
        return decimalCents(n);
    if (type == u"ms")
        return fixed(n, 1000, 3);
    if (type == u"centihours")
        return fixed(n, 100, 2);
    if (type == u"time") {
        QTimeZone zone(timeZone.toUtf8());
        if (!zone.isValid())
            zone = QTimeZone::utc();
        return QDateTime::fromMSecsSinceEpoch(n, zone).toString(
            QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    }
    return QString::number(n);
}

QByteArray csv(const QJsonObject &report)
{
    const QString zone = report.value(u"timezone").toString();
    QString out;
    QStringList cafes;
    for (const QJsonValue c : report.value(u"cafes").toArray())
        cafes.append(c.toObject().value(u"name").toString());
    line(out, {QStringLiteral("Report"), text(report.value(u"report").toString())});
    line(out, {QStringLiteral("Cafe"), text(cafes.join(QStringLiteral(", ")))});
    line(out, {QStringLiteral("From"), text(report.value(u"from").toString())});
    line(out, {QStringLiteral("To"), text(report.value(u"to").toString())});
    line(out, {QStringLiteral("Currency"), text(report.value(u"currency").toString())});
    line(out, {QStringLiteral("Time zone"), text(zone)});
    line(out, {QStringLiteral("Generated at"), text(report.value(u"generated_at").toString())});
    for (const QJsonValue sv : report.value(u"sections").toArray()) {
        const QJsonObject section = sv.toObject();
        const QJsonArray columns = section.value(u"columns").toArray();
        QStringList types, titles;
        for (const QJsonValue c : columns) {
            types.append(c.toObject().value(u"type").toString());
            titles.append(text(c.toObject().value(u"title").toString()));
        }
        out += QStringLiteral("\r\n");
        line(out, {text(section.value(u"title").toString())});
        line(out, titles);
        QJsonArray rows = section.value(u"rows").toArray();
        if (section.value(u"total").isArray())
            rows.append(section.value(u"total"));
        for (const QJsonValue rv : rows) {
            const QJsonArray row = rv.toArray();
            QStringList cells;
            for (int i = 0; i < types.size(); ++i) {
                const QJsonValue v = row.at(i);
                const QString cell = csvCell(v, types.at(i), zone);
                // Only text from the data can be a formula; our own numbers ("-0.05") are not.
                cells.append(v.isString() ? text(cell) : quoted(cell));
            }
            line(out, cells);
        }
    }
    return out.toUtf8();
}

QByteArray json(const QJsonObject &report)
{
    return QJsonDocument(report).toJson(QJsonDocument::Indented);
}

} // namespace TableTap::ReportFile
