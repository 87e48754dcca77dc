// Reports as documents: HTML, QTextDocument, PDF.
#include "reportdocument.h"

#include <QAbstractTextDocumentLayout>
#include <QDateTime>
#include <QJsonArray>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>
#include <QTimeZone>

namespace TableTap::ReportDocument {

namespace {

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

bool numeric(const QString &type)
{
    return type == u"int" || type == u"money" || type == u"ms" || type == u"minutes"
           || type == u"centihours";
}

QString fixed(const QLocale &locale, qint64 value, qint64 scale, int decimals)
{
    const bool negative = value < 0;
    const quint64 magnitude = negative ? quint64(0) - quint64(value) : quint64(value);
    QString text = locale.toString(qulonglong(magnitude / quint64(scale)));
    if (decimals > 0)
        text += locale.decimalPoint()
                + QStringLiteral("%1").arg(magnitude % quint64(scale), decimals, 10,
                                           QLatin1Char('0'));
    return negative ? locale.negativeSign() + text : text;
}

QString duration(qint64 ms)
{
    const bool negative = ms < 0;
    const qint64 seconds = (negative ? -ms : ms) / 1000;
    const QString text = seconds >= 3600 ? QStringLiteral("%1:%2:%3")
                                               .arg(seconds / 3600)
                                               .arg((seconds / 60) % 60, 2, 10, QLatin1Char('0'))
                                               .arg(seconds % 60, 2, 10, QLatin1Char('0'))
                                         : QStringLiteral("%1:%2")
                                               .arg(seconds / 60)
                                               .arg(seconds % 60, 2, 10, QLatin1Char('0'));
    return negative ? u'-' + text : text;
}

QTimeZone zoneOf(const QJsonObject &report)
{
    const QByteArray id = report.value(u"timezone").toString().toUtf8();
    if (id.isEmpty() || id == "UTC")
        return QTimeZone::utc();
    QTimeZone zone(id);
    return zone.isValid() ? zone : QTimeZone::utc();
}

QString lookup(const QHash<QString, QString> &table, const QString &key, const QString &fallback)
{
    const QString v = table.value(key);
    return v.isEmpty() ? fallback : v;
}

} // namespace

QString displayCell(const QJsonValue &value, const QString &type, const QJsonObject &report,
                    const Labels &labels)
{
    if (value.isNull() || value.isUndefined())
        return {};
    if (type == u"bool")
        return value.toBool() ? labels.yes : labels.no;
    if (value.isString())
        return value.toString();
    const qint64 n = value.toInteger();
    if (type == u"money")
        return fixed(labels.locale, n, 100, 2) + u' ' + report.value(u"currency").toString();
    if (type == u"ms")
        return duration(n);
    if (type == u"minutes")
        return labels.locale.toString(n) + QStringLiteral(" min");
    if (type == u"centihours")
        return fixed(labels.locale, n, 100, 2) + QStringLiteral(" h");
    if (type == u"time") {
        const QDateTime t = QDateTime::fromMSecsSinceEpoch(n, zoneOf(report));
        // One business date: the time is enough; a range needs the date too.
        const bool oneDay = report.value(u"from") == report.value(u"to");
        return t.toString(oneDay ? QStringLiteral("HH:mm") : QStringLiteral("yyyy-MM-dd HH:mm"));
    }
    return labels.locale.toString(n);
}

QString html(const QJsonObject &report, const Labels &labels)
{
    const QString kind = report.value(u"report").toString();
    QStringList cafes;
    for (const QJsonValue c : report.value(u"cafes").toArray())
        cafes.append(c.toObject().value(u"name").toString());
    const QString from = report.value(u"from").toString(), to = report.value(u"to").toString();
    const QString title = lookup(labels.reportTitles, kind, kind + QStringLiteral(" report"));

    QString h;
    h += QStringLiteral("<html><head><meta charset=\"utf-8\"><title>%1</title></head><body>")
             .arg(esc(title));
    h += QStringLiteral("<h1>%1</h1>").arg(esc(title));
    h += QStringLiteral("<p><b>%1</b><br>%2: %3<br>%4 %5 &middot; %6 %7</p>")
             .arg(esc(cafes.join(QStringLiteral(", "))), esc(labels.period),
                  esc(from == to ? from : from + QStringLiteral(" \u2013 ") + to),
                  esc(labels.timeZone), esc(report.value(u"timezone").toString()),
                  esc(labels.generated), esc(report.value(u"generated_at").toString()));
    for (const QJsonValue sv : report.value(u"sections").toArray()) {
        const QJsonObject section = sv.toObject();
        const QString id = section.value(u"id").toString();
        h += QStringLiteral("<h2>%1</h2>")
                 .arg(esc(lookup(labels.sectionTitles, id, section.value(u"title").toString())));
        const QJsonArray columns = section.value(u"columns").toArray();
        const QJsonArray rows = section.value(u"rows").toArray();
        const bool hasTotal = section.value(u"total").isArray();
        if (rows.isEmpty()) {
            // A total of nothing says nothing.
            h += QStringLiteral("<p><i>%1</i></p>").arg(esc(labels.noRows));
            continue;
        }
        if (rows.size() == 1 && !hasTotal && columns.size() > 6) {
            // One wide row (a summary) reads better as a list of figures.
            const QJsonArray row = rows.first().toArray();
            h += QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\" "
                                "style=\"border-collapse: collapse\">");
            for (int i = 0; i < columns.size(); ++i) {
                const QJsonObject c = columns.at(i).toObject();
                const QString type = c.value(u"type").toString();
                h += QStringLiteral("<tr><th align=\"left\" bgcolor=\"#e8e8e8\">%1</th>"
                                    "<td align=\"%2\">%3</td></tr>")
                         .arg(
                             esc(lookup(labels.columnTitles, id + u'/' + c.value(u"key").toString(),
                                        c.value(u"title").toString())),
                             numeric(type) ? QStringLiteral("right") : QStringLiteral("left"),
                             esc(displayCell(row.at(i), type, report, labels)));
            }
            h += QStringLiteral("</table>");
            continue;
        }
        h += QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\" "
                            "width=\"100%\" style=\"border-collapse: collapse\"><thead><tr>");
        QStringList types;
        for (const QJsonValue cv : columns) {
            const QJsonObject c = cv.toObject();
            types.append(c.value(u"type").toString());
            const QString key = c.value(u"key").toString();
            h += QStringLiteral("<th align=\"%1\" bgcolor=\"#e8e8e8\">%2</th>")
                     .arg(numeric(types.last()) ? QStringLiteral("right") : QStringLiteral("left"),
                          esc(lookup(labels.columnTitles, id + u'/' + key,
                                     c.value(u"title").toString())));
        }
        h += QStringLiteral("</tr></thead><tbody>");
        const auto rowHtml = [&](const QJsonArray &row, bool total) -> QString {
            QString r = QStringLiteral("<tr>");
            for (int i = 0; i < types.size(); ++i) {
                const QString cell = esc(displayCell(row.at(i), types.at(i), report, labels));
                r += QStringLiteral("<td align=\"%1\">%2</td>")
                         .arg(numeric(types.at(i)) ? QStringLiteral("right")
                                                   : QStringLiteral("left"),
                              total ? QStringLiteral("<b>%1</b>").arg(cell) : cell);
            }
            return r + QStringLiteral("</tr>");
        };
        for (const QJsonValue rv : rows)
            h += rowHtml(rv.toArray(), false);
        if (hasTotal)
            h += rowHtml(section.value(u"total").toArray(), true);
        h += QStringLiteral("</tbody></table>");
    }
    h += QStringLiteral("</body></html>");
    return h;
}

void fill(const QJsonObject &report, QTextDocument *document, const Labels &labels)
{
    QFont font = document->defaultFont();
    font.setPointSizeF(8.5);
    document->setDefaultFont(font);
    document->setDefaultStyleSheet(QStringLiteral("h1 { font-size: 16pt; } h2 { font-size: 11pt; "
                                                  "margin-top: 12px; } th { font-weight: bold; }"));
    document->setHtml(html(report, labels));
}

bool writePdf(const QJsonObject &report, const QString &file, QString *error, const Labels &labels)
{
    // Written beside the target and renamed at the end: a failure leaves no half a PDF.
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly)) {
        if (error)
            *error = QStringLiteral("cannot write %1: %2").arg(file, out.errorString());
        return false;
    }
    QPdfWriter writer(&out);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
    writer.setResolution(300);
    writer.setTitle(
        labels.reportTitles.value(report.value(u"report").toString(),
                                  report.value(u"report").toString() + QStringLiteral(" report")));
    writer.setCreator(QStringLiteral("Table Tap"));

    QTextDocument document;
    document.documentLayout()->setPaintDevice(&writer);
    fill(report, &document, labels);
    const QRectF body = writer.pageLayout().paintRectPixels(writer.resolution());
    QFont footerFont = document.defaultFont();
    const qreal footer = QFontMetricsF(footerFont, &writer).height() * 2;
    const QSizeF page(body.width(), body.height() - footer);
    document.setPageSize(page);

    QPainter painter;
    if (!painter.begin(&writer)) {
        if (error)
            *error = QStringLiteral("cannot write %1").arg(file);
        return false;
    }
    const int pages = document.pageCount();
    for (int i = 0; i < pages; ++i) {
        if (i > 0)
            writer.newPage();
        painter.save();
        painter.translate(0, -i * page.height());
        const QRectF clip(0, i * page.height(), page.width(), page.height());
        QAbstractTextDocumentLayout::PaintContext context;
        context.clip = clip;
        painter.setClipRect(clip);
        document.documentLayout()->draw(&painter, context);
        painter.restore();
        painter.setFont(footerFont);
        painter.drawText(QRectF(0, body.height() - footer, body.width(), footer),
                         Qt::AlignRight | Qt::AlignBottom, labels.page.arg(i + 1).arg(pages));
    }
    if (!painter.end() || !out.commit()) {
        if (error)
            *error = QStringLiteral("cannot write %1: %2").arg(file, out.errorString());
        return false;
    }
    return true;
}

} // namespace TableTap::ReportDocument
