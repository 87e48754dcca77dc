// A report object (docs/reports.md) as a document for people: headings, one table per section
// with numbers right-aligned, money with the currency, durations as minutes and seconds, times
// in the cafe's local time, every string from the report escaped. html() is the markup, fill()
// puts it in a QTextDocument (the console's print and preview), writePdf() writes an A4 PDF
// with page numbers (the console's PDF export and `tabletap-hub report --format pdf`).
#pragma once

#include <QHash>
#include <QJsonObject>
#include <QLocale>
#include <QString>

class QTextDocument;

namespace TableTap::ReportDocument {

// The words the document adds around the report's own, for a translated console. Empty
// entries fall back to the report's English titles.
struct Labels
{
    QHash<QString, QString> reportTitles{
        {QStringLiteral("day"), QStringLiteral("Day report")},
        {QStringLiteral("service"), QStringLiteral("Speed of service")},
        {QStringLiteral("staff"), QStringLiteral("Staff hours and pay")}};
    QHash<QString, QString> sectionTitles; // section id -> title
    QHash<QString, QString> columnTitles;  // "section_id/column_key" -> title
    QString period = QStringLiteral("Business dates");
    QString generated = QStringLiteral("Generated");
    QString timeZone = QStringLiteral("Times in");
    QString noRows = QStringLiteral("Nothing in this period.");
    QString yes = QStringLiteral("yes");
    QString no = QStringLiteral("no");
    QString page = QStringLiteral("Page %1 of %2");
    QLocale locale = QLocale(QLocale::English, QLocale::UnitedStates);
};

QString html(const QJsonObject &report, const Labels &labels = {});
// Replaces the document's content with the report (and sets a default font).
void fill(const QJsonObject &report, QTextDocument *document, const Labels &labels = {});
// An A4 PDF of the report; false with *error set when the file cannot be written. Needs a
// QGuiApplication (the offscreen platform is enough).
bool writePdf(const QJsonObject &report, const QString &file, QString *error,
              const Labels &labels = {});

// One cell as the document shows it (by column type), unescaped.
QString displayCell(const QJsonValue &value, const QString &type, const QJsonObject &report,
                    const Labels &labels = {});

} // namespace TableTap::ReportDocument
