// This console's printing set-up, kept in its settings (QSettings group "printing"): the printers
// it can reach and, per counter, which printer gets tickets, labels and receipts and what prints.
// Each console is set up for the counters it prints for, so two consoles never print one ticket.
#pragma once

#include "escpos.h"

#include <QList>
#include <QString>
#include <QStringList>

class QSettings;

namespace TableTap {

struct PrinterConfig
{
    enum class Kind { Network, System, PdfFolder };
    QString name;
    Kind kind = Kind::Network;
    QString host;
    quint16 port = 9100;
    bool checkPaper = true;
    EscPos::CodePage codePage = EscPos::CodePage::Pc858;
    int columns = 42;
    QString systemName; // System: QPrinterInfo's name (empty: the default printer)
    QString folder;     // PdfFolder

    // "host:port", the system printer's name, or the folder.
    QString address() const;
    static QString kindName(Kind kind);
    static Kind kindFromName(const QString &name);
};

struct CounterPrinting
{
    QString counter;
    QString ticketPrinter;
    QString labelPrinter;
    QString receiptPrinter;
    bool ticketOnCreate = true;  // order:created at this counter
    bool ticketOnArrival = true; // order:assigned_counter to this counter
    bool labels = true;          // one per drink, with the ticket on create
    bool receiptOnPayment = false;
};

struct PrintSetup
{
    static constexpr int MaxPrinters = 32;
    static constexpr int MaxCounters = 64;

    QList<PrinterConfig> printers;
    QList<CounterPrinting> counters;
    // The receipt's first line (the cafe's name as the customer should read it).
    QString receiptHeader;
    // Menu categories that get cup labels (a product the menu does not know gets one too).
    QStringList labelCategories{QStringLiteral("coffee"), QStringLiteral("tea"),
                                QStringLiteral("drinks")};

    const PrinterConfig *printer(const QString &name) const;
    const CounterPrinting *counter(const QString &name) const;

    // settings' group "printing"; anything missing keeps its default.
    static PrintSetup load(QSettings &settings);
    void save(QSettings &settings) const;
    // Problems a manager should fix (a counter naming a printer that is not set up, two printers
    // of one name), translated; empty when none.
    QStringList problems() const;
};

} // namespace TableTap
