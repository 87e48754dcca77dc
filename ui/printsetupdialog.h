// Editing this console's printing set-up: the printers (network ESC/POS host:port, a system
// printer's name, or a PDF folder) and, per counter, which printer gets tickets, labels and
// receipts and what prints when. Counters this console hears of are listed, set up or not.
#pragma once

#include "printsetup.h"

#include <QDialog>

class QLineEdit;
class QTableWidget;

namespace TableTap {

class PrintSetupDialog final : public QDialog
{
    Q_OBJECT
public:
    PrintSetupDialog(const PrintSetup &setup, const QStringList &knownCounters,
                     QWidget *parent = nullptr);

    // What the tables say now.
    PrintSetup setup() const;
    QTableWidget *printersTable() const { return m_printers; }
    QTableWidget *countersTable() const { return m_counters; }

    void done(int result) override;

private:
    void addPrinterRow(const PrinterConfig &p);
    void addCounterRow(const CounterPrinting &c);

    PrintSetup m_base;
    QTableWidget *m_printers;
    QTableWidget *m_counters;
    QLineEdit *m_header;
};

} // namespace TableTap
