// A printer known to the system (CUPS on Debian) through Qt Print Support, or a folder that gets
// one PDF file per job ("print to file", and what the tests read back with pdftotext). The
// document is laid out as a narrow QTextDocument, the way a receipt looks.
#pragma once

#include "printer.h"

class QTextDocument;

namespace TableTap {

class SystemPrinter final : public Printer
{
    Q_OBJECT
public:
    enum class Target { System, PdfFolder };
    // target System: where is a printer name from QPrinterInfo (empty: the default printer);
    // PdfFolder: a folder, created when missing.
    SystemPrinter(const QString &name, Target target, const QString &where,
                  QObject *parent = nullptr);
    QString address() const override { return m_where; }
    Target target() const { return m_target; }
    // The file the last PDF job went to.
    QString lastFile() const { return m_lastFile; }

    // The document as rich text (every text escaped), for print and for tests.
    static void fill(const PrintDocument &doc, QTextDocument *out);
    // The printers the system knows (for the set-up).
    static QStringList systemPrinterNames();

protected:
    void start(const PrintDocument &doc, const QString &jobName) override;

private:
    Target m_target;
    QString m_where;
    QString m_lastFile;
};

} // namespace TableTap
