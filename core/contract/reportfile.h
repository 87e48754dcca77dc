// A report object (docs/reports.md: sections with typed columns, rows as arrays) written as a
// file: CSV for spreadsheets, JSON as the hub answers it. The PDF is ReportDocument's
// (core/reportdoc), which needs Qt Gui. The hub's command line and the console share these.
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <optional>

namespace TableTap::ReportFile {

enum class Format { Csv, Json, Pdf };

// "csv", "json", "pdf" (case-insensitive); nullopt for anything else.
std::optional<Format> formatFromName(QStringView name);
QString formatName(Format format);
QStringList formatNames();

// One CSV block per section after a block naming the report, cafe, period and currency: the
// section's title on a line, the column titles, the rows, the total; blocks separated by an
// empty line; CRLF line ends and RFC 4180 quoting. Money is a decimal ("12.34"), ms durations
// seconds with three decimals, centihours hours with two, times the cafe's local time
// ("2026-12-06 14:05:09"), booleans yes/no, null an empty cell. A text cell starting with
// = + - @, a tab or a carriage return gets a leading ' so a spreadsheet never runs it.
QByteArray csv(const QJsonObject &report);
// The report object itself, indented.
QByteArray json(const QJsonObject &report);

// One cell as CSV text (before quoting), by column type; timeZone: the report's "timezone".
QString csvCell(const QJsonValue &value, const QString &type, const QString &timeZone);
// Money in cents as a plain decimal: 1234 -> "12.34", -5 -> "-0.05".
QString decimalCents(qint64 cents);

} // namespace TableTap::ReportFile
