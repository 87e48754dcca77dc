// PrintSetupDialog: two tables and the receipt's header line.
#include "printsetupdialog.h"

#include "plaintextdelegate.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace TableTap {

namespace {

enum PrinterColumn { PName, PKind, PWhere, PPaper };
enum CounterColumn { CName, CTicket, CLabel, CReceipt, COnCreate, COnArrival, CLabels, CPaid };

QTableWidgetItem *checkItem(bool on)
{
    auto *i = new QTableWidgetItem;
    i->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
    i->setCheckState(on ? Qt::Checked : Qt::Unchecked);
    return i;
}

QString cell(const QTableWidget *t, int row, int col)
{
    const QTableWidgetItem *i = t->item(row, col);
    return i ? i->text().trimmed() : QString();
}

bool checked(const QTableWidget *t, int row, int col)
{
    const QTableWidgetItem *i = t->item(row, col);
    return i && i->checkState() == Qt::Checked;
}

} // namespace

PrintSetupDialog::PrintSetupDialog(const PrintSetup &setup, const QStringList &knownCounters,
                                   QWidget *parent)
    : QDialog(parent)
    , m_base(setup)
    , m_printers(new QTableWidget(0, 4, this))
    , m_counters(new QTableWidget(0, 8, this))
    , m_header(new QLineEdit(setup.receiptHeader, this))
{
    setWindowTitle(tr("Printer set-up"));
    m_printers->setObjectName(QStringLiteral("setupPrinters"));
    m_printers->setAccessibleName(tr("Printers"));
    m_printers->setHorizontalHeaderLabels({tr("Name"), tr("Kind"),
                                           tr("Where (host:port, system printer, or folder)"),
                                           tr("Ask for paper")});
    m_counters->setObjectName(QStringLiteral("setupCounters"));
    m_counters->setAccessibleName(tr("Counters"));
    m_counters->setHorizontalHeaderLabels({tr("Counter"), tr("Ticket printer"), tr("Label printer"),
                                           tr("Receipt printer"), tr("Ticket on create"),
                                           tr("Ticket on arrival"), tr("Cup labels"),
                                           tr("Receipt on payment")});
    for (QTableWidget *t : {m_printers, m_counters}) {
        t->verticalHeader()->hide();
        t->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
        t->horizontalHeader()->setStretchLastSection(true);
        PlainTextDelegate::install(t);
    }
    for (const PrinterConfig &p : setup.printers)
        addPrinterRow(p);
    QStringList counters = knownCounters;
    for (const CounterPrinting &c : setup.counters) {
        addCounterRow(c);
        counters.removeAll(c.counter);
    }
    for (const QString &name : counters) {
        // Not printed for here until a printer is named.
        CounterPrinting c;
        c.counter = name;
        addCounterRow(c);
    }

    auto *addPrinter = new QPushButton(tr("Add printer"), this);
    auto *removePrinter = new QPushButton(tr("Remove printer"), this);
    auto *addCounter = new QPushButton(tr("Add counter"), this);
    connect(addPrinter, &QPushButton::clicked, this, [this] {
        PrinterConfig p;
        p.name = tr("Printer %1").arg(m_printers->rowCount() + 1);
        p.host = QStringLiteral("192.168.1.50");
        addPrinterRow(p);
    });
    connect(removePrinter, &QPushButton::clicked, this, [this] {
        if (m_printers->currentRow() >= 0)
            m_printers->removeRow(m_printers->currentRow());
    });
    connect(addCounter, &QPushButton::clicked, this, [this] {
        CounterPrinting c;
        c.counter = tr("Counter %1").arg(m_counters->rowCount() + 1);
        addCounterRow(c);
    });
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *printerButtons = new QHBoxLayout;
    printerButtons->addWidget(addPrinter);
    printerButtons->addWidget(removePrinter);
    printerButtons->addStretch(1);
    auto *counterButtons = new QHBoxLayout;
    counterButtons->addWidget(addCounter);
    counterButtons->addStretch(1);
    auto *form = new QFormLayout;
    form->addRow(tr("Receipt header:"), m_header);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Printers this console reaches:"), this));
    layout->addWidget(m_printers);
    layout->addLayout(printerButtons);
    layout->addWidget(new QLabel(tr("What prints where, per counter (set up only the counters this "
                                    "console prints for: two consoles set up for one counter "
                                    "print every ticket twice):"),
                                 this));
    layout->addWidget(m_counters);
    layout->addLayout(counterButtons);
    layout->addLayout(form);
    layout->addWidget(buttons);
    resize(1000, 600);
}

void PrintSetupDialog::addPrinterRow(const PrinterConfig &p)
{
    const int row = m_printers->rowCount();
    m_printers->insertRow(row);
    m_printers->setItem(row, PName, new QTableWidgetItem(p.name));
    auto *kind = new QComboBox(m_printers);
    kind->addItem(tr("Network (ESC/POS)"), PrinterConfig::kindName(PrinterConfig::Kind::Network));
    kind->addItem(tr("System printer"), PrinterConfig::kindName(PrinterConfig::Kind::System));
    kind->addItem(tr("PDF folder"), PrinterConfig::kindName(PrinterConfig::Kind::PdfFolder));
    kind->setCurrentIndex(kind->findData(PrinterConfig::kindName(p.kind)));
    kind->setAccessibleName(tr("Kind"));
    m_printers->setCellWidget(row, PKind, kind);
    m_printers->setItem(row, PWhere, new QTableWidgetItem(p.address()));
    m_printers->setItem(row, PPaper, checkItem(p.checkPaper));
}

void PrintSetupDialog::addCounterRow(const CounterPrinting &c)
{
    const int row = m_counters->rowCount();
    m_counters->insertRow(row);
    m_counters->setItem(row, CName, new QTableWidgetItem(c.counter));
    m_counters->setItem(row, CTicket, new QTableWidgetItem(c.ticketPrinter));
    m_counters->setItem(row, CLabel, new QTableWidgetItem(c.labelPrinter));
    m_counters->setItem(row, CReceipt, new QTableWidgetItem(c.receiptPrinter));
    m_counters->setItem(row, COnCreate, checkItem(c.ticketOnCreate));
    m_counters->setItem(row, COnArrival, checkItem(c.ticketOnArrival));
    m_counters->setItem(row, CLabels, checkItem(c.labels));
    m_counters->setItem(row, CPaid, checkItem(c.receiptOnPayment));
}

PrintSetup PrintSetupDialog::setup() const
{
    PrintSetup s = m_base;
    s.receiptHeader = m_header->text().trimmed();
    s.printers.clear();
    for (int row = 0; row < m_printers->rowCount() && row < PrintSetup::MaxPrinters; ++row) {
        PrinterConfig p;
        if (const PrinterConfig *old = m_base.printer(cell(m_printers, row, PName)))
            p = *old; // code page and columns are kept
        p.name = cell(m_printers, row, PName);
        if (p.name.isEmpty())
            continue;
        const auto *kind = qobject_cast<QComboBox *>(m_printers->cellWidget(row, PKind));
        p.kind = PrinterConfig::kindFromName(kind ? kind->currentData().toString() : QString());
        const QString where = cell(m_printers, row, PWhere);
        p.checkPaper = checked(m_printers, row, PPaper);
        if (p.kind == PrinterConfig::Kind::Network) {
            const int colon = int(where.lastIndexOf(QLatin1Char(':')));
            bool ok = false;
            const int port = colon > 0 ? where.mid(colon + 1).toInt(&ok) : 0;
            p.host = ok ? where.left(colon) : where;
            p.port = quint16(ok && port > 0 && port < 65536 ? port : 9100);
        } else if (p.kind == PrinterConfig::Kind::System) {
            p.systemName = where;
        } else {
            p.folder = where;
        }
        s.printers.append(p);
    }
    s.counters.clear();
    for (int row = 0; row < m_counters->rowCount() && row < PrintSetup::MaxCounters; ++row) {
        CounterPrinting c;
        c.counter = cell(m_counters, row, CName);
        c.ticketPrinter = cell(m_counters, row, CTicket);
        c.labelPrinter = cell(m_counters, row, CLabel);
        c.receiptPrinter = cell(m_counters, row, CReceipt);
        c.ticketOnCreate = checked(m_counters, row, COnCreate);
        c.ticketOnArrival = checked(m_counters, row, COnArrival);
        c.labels = checked(m_counters, row, CLabels);
        c.receiptOnPayment = checked(m_counters, row, CPaid);
        // A counter with no printer named is not set up at this console.
        if (!c.counter.isEmpty()
            && !(c.ticketPrinter.isEmpty() && c.labelPrinter.isEmpty()
                 && c.receiptPrinter.isEmpty()))
            s.counters.append(c);
    }
    return s;
}

void PrintSetupDialog::done(int result)
{
    if (result == QDialog::Accepted) {
        const QStringList problems = setup().problems();
        if (!problems.isEmpty()) {
            QMessageBox box(QMessageBox::Warning, tr("Printer set-up"),
                            tr("Please fix the set-up first:") + QLatin1Char('\n')
                                + problems.join(QLatin1Char('\n')),
                            QMessageBox::Ok, this);
            box.setTextFormat(Qt::PlainText);
            box.exec();
            return;
        }
    }
    QDialog::done(result);
}

} // namespace TableTap
