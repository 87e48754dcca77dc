// SystemPrinter: QTextDocument into QPrinter (native or PDF).
#include "systemprinter.h"

#include <QDir>
#include <QFileInfo>
#include <QPrinter>
#include <QPrinterInfo>
#include <QRegularExpression>
#include <QTextDocument>

namespace TableTap {

SystemPrinter::SystemPrinter(const QString &name, Target target, const QString &where,
                             QObject *parent)
    : Printer(name, parent)
    , m_target(target)
    , m_where(where)
{}

QStringList SystemPrinter::systemPrinterNames()
{
    return QPrinterInfo::availablePrinterNames();
}

void SystemPrinter::fill(const PrintDocument &doc, QTextDocument *out)
{
    QString html = QStringLiteral("<html><body style=\"font-family: monospace;\">");
    for (const PrintBlock &b : doc.blocks) {
        const QString align = b.align == PrintBlock::Align::Center  ? QStringLiteral("center")
                              : b.align == PrintBlock::Align::Right ? QStringLiteral("right")
                                                                    : QStringLiteral("left");
        switch (b.kind) {
        case PrintBlock::Kind::Text: {
            const int sep = int(b.text.indexOf(QChar(0x1f)));
            const QString weight = b.bold ? QStringLiteral("bold") : QStringLiteral("normal");
            const int pt = 9 + (b.size - 1) * 7;
            if (sep >= 0) {
                html += QStringLiteral(
                            "<table width=\"100%\" style=\"font-size: %1pt; font-weight: "
                            "%2;\"><tr><td>%3</td><td align=\"right\">%4</td></tr></table>")
                            .arg(pt)
                            .arg(weight, b.text.left(sep).toHtmlEscaped(),
                                 b.text.mid(sep + 1).toHtmlEscaped());
            } else {
                html += QStringLiteral("<p align=\"%1\" style=\"font-size: %2pt; font-weight: %3; "
                                       "margin: 0;\">%4</p>")
                            .arg(align)
                            .arg(pt)
                            .arg(weight, b.text.toHtmlEscaped());
            }
            break;
        }
        case PrintBlock::Kind::Rule:
            html += QStringLiteral("<hr/>");
            break;
        case PrintBlock::Kind::Feed:
            for (int i = 0; i < b.lines; ++i)
                html += QStringLiteral("<p style=\"margin: 0;\">&nbsp;</p>");
            break;
        case PrintBlock::Kind::Qr:
            // A page printer shows the code's text; the QR is for the ticket printers' scanners.
            html += QStringLiteral("<p align=\"center\" style=\"font-size: 8pt;\">%1</p>")
                        .arg(b.text.toHtmlEscaped());
            break;
        }
    }
    html += QStringLiteral("</body></html>");
    out->setHtml(html);
}

void SystemPrinter::start(const PrintDocument &doc, const QString &jobName)
{
    QPrinter printer(QPrinter::HighResolution);
    printer.setDocName(jobName);
    if (m_target == Target::PdfFolder) {
        if (!QDir().mkpath(m_where)) {
            finish(false, tr("cannot create the folder %1").arg(m_where), State::Error);
            return;
        }
        QString base = jobName;
        base.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9._-]")), QStringLiteral("_"));
        m_lastFile = QDir(m_where).filePath(base + QStringLiteral(".pdf"));
        printer.setOutputFormat(QPrinter::PdfFormat);
        printer.setOutputFileName(m_lastFile);
        // 80 mm roll paper, as tall as a long receipt.
        printer.setPageSize(QPageSize(QSizeF(80, 200), QPageSize::Millimeter));
        printer.setPageMargins(QMarginsF(4, 4, 4, 4), QPageLayout::Millimeter);
    } else {
        const QPrinterInfo info = m_where.isEmpty() ? QPrinterInfo::defaultPrinter()
                                                    : QPrinterInfo::printerInfo(m_where);
        if (info.isNull()) {
            finish(false,
                   m_where.isEmpty() ? tr("the system has no default printer")
                                     : tr("the system knows no printer called %1").arg(m_where),
                   State::Offline);
            return;
        }
        printer.setPrinterName(info.printerName());
    }
    if (!printer.isValid()) {
        finish(false, tr("the printer cannot print now"), State::Error);
        return;
    }
    QTextDocument text;
    fill(doc, &text);
    // Laid out in points on the printer's page: a receipt roll is narrow, and without a page
    // size the document would be laid out for the screen and scaled down to illegible.
    text.setPageSize(printer.pageRect(QPrinter::Point).size());
    text.setDocumentMargin(0);
    text.print(&printer);
    if (m_target == Target::PdfFolder && !QFileInfo(m_lastFile).size()) {
        finish(false, tr("could not write %1").arg(m_lastFile), State::Error);
        return;
    }
    finish(true, {}, State::Ready);
}

} // namespace TableTap
