// Printing against a live hub: an order created at the console prints its kitchen ticket and cup
// labels at its counter's fake ESC/POS printer and nothing at the other counter's; a move to the
// other counter prints a ticket there; a payment prints a receipt to PDF (read back with
// pdftotext, money to the cent); a resync or a reconnect reprints nothing; the order details'
// "Reprint ticket" prints again; a printer that is off shows in the Printing view with its jobs
// waiting, and they print when it comes back.
#include "livehubfixture.h"

#include "fakeescposprinter.h"
#include "orderdetailspane.h"
#include "orderqueueview.h"
#include "paymentsview.h"
#include "printingview.h"
#include "printservice.h"
#include "systemprinter.h"
#include "toaststack.h"

#include <QLabel>
#include <QProcess>
#include <QPushButton>
#include <QTableView>
#include <QTableWidget>

using namespace TableTap;
using namespace TableTap::TestUi;
using TableTap::TestPrinting::FakeEscPosPrinter;

class tst_Printing : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void ticketsLabelsAndReceiptsFromLiveEvents();
    void printerOffShownAndPrintedLater();
};

namespace {

PrinterConfig network(const QString &name, quint16 port)
{
    PrinterConfig p;
    p.name = name;
    p.host = "127.0.0.1";
    p.port = port;
    return p;
}

int jobsOf(const PrintSpooler *s, PrintJob::Kind kind)
{
    int n = 0;
    for (const PrintJob &j : s->jobs())
        n += j.kind == kind ? 1 : 0;
    return n;
}

} // namespace

void tst_Printing::ticketsLabelsAndReceiptsFromLiveEvents()
{
    LiveHub hub;
    QVERIFY(hub.start());
    FakeEscPosPrinter one, two;
    QVERIFY(one.turnOn());
    QVERIFY(two.turnOn());
    QTemporaryDir pdf;
    Console console;
    PrintService printing(&console.session);
    PrintSetup setup;
    setup.receiptHeader = "Test Cafe";
    setup.printers = {network("bar one", one.port()), network("bar two", two.port())};
    PrinterConfig receipts;
    receipts.name = "receipts";
    receipts.kind = PrinterConfig::Kind::PdfFolder;
    receipts.folder = pdf.path();
    setup.printers.append(receipts);
    CounterPrinting c1{"Counter 1", "bar one", "bar one", "receipts", true, true, true, true};
    CounterPrinting c2{"Counter 2", "bar two", "bar two", "receipts", true, true, true, true};
    setup.counters = {c1, c2};
    printing.setSetup(setup);
    console.window.setPrintService(&printing);
    QVERIFY(console.signIn(hub, "M1", "4321"));

    // Product 0 of the starter menu is a coffee: a ticket and one cup label.
    const QString id = createOrder(console.session, "Ada Lovelace");
    QVERIFY(!id.isEmpty());
    const Order order = *console.session.orders()->order(id);
    const bool atOne = order.counter == QLatin1String("Counter 1");
    QVERIFY(atOne || order.counter == QLatin1String("Counter 2"));
    FakeEscPosPrinter &here = atOne ? one : two;
    FakeEscPosPrinter &there = atOne ? two : one;
    QTRY_COMPARE_WITH_TIMEOUT(here.jobs().size(), 2, Wait);
    const QString ticket = here.decodedJob(0);
    QVERIFY2(ticket.contains("[size 2x2]" + order.number + "\n"), qPrintable(ticket));
    QVERIFY(ticket.contains("Counter " + order.counter.right(1)));
    QVERIFY(ticket.contains("Ada Lovelace"));
    QVERIFY(ticket.contains("1 x " + order.items.at(0).productName));
    QVERIFY(ticket.contains("[qr data \"" + order.number + "\"][qr print]"));
    QVERIFY(ticket.endsWith("[cut partial]"));
    const QString label = here.decodedJob(1);
    QVERIFY2(label.contains("1/1"), qPrintable(label));
    QVERIFY(label.contains(order.items.at(0).productName));
    QTest::qWait(200);
    QCOMPARE(there.jobs().size(), 0);

    // Moved to the other counter: a ticket there, saying where from.
    const QString other = atOne ? "Counter 2" : "Counter 1";
    console.session.reassignOrder(id, other, "rush");
    QTRY_COMPARE_WITH_TIMEOUT(there.jobs().size(), 1, Wait);
    QVERIFY(there.decodedJob(0).contains("Moved from " + order.counter));
    QVERIFY(there.decodedJob(0).contains(order.number));
    QCOMPARE(here.jobs().size(), 2);

    // Paid in cash: a receipt to PDF, the order's money to the cent.
    console.session.startPayment(id, "cash");
    QVERIFY(QTest::qWaitFor(
        [&] {
            for (const PaymentRecord &p : console.session.payments()->rows())
                if (p.orderId == id)
                    return true;
            return false;
        },
        Wait));
    console.session.confirmPayment(id, {}, order.total + 1000);
    QTRY_COMPARE_WITH_TIMEOUT(jobsOf(printing.spooler(), PrintJob::Kind::Receipt), 1, Wait);
    auto *pdfPrinter = qobject_cast<SystemPrinter *>(printing.spooler()->printer("receipts"));
    QVERIFY(pdfPrinter);
    QTRY_VERIFY_WITH_TIMEOUT(
        !pdfPrinter->lastFile().isEmpty() && QFileInfo(pdfPrinter->lastFile()).size() > 0, Wait);
    QProcess text;
    text.start("pdftotext", {"-layout", pdfPrinter->lastFile(), "-"});
    QVERIFY(text.waitForFinished(Wait));
    const QString receipt = QString::fromUtf8(text.readAllStandardOutput());
    for (const QString &s :
         {QString("Test Cafe"), order.number, QString("Ada Lovelace"), formatCents(order.subtotal),
          formatCents(order.tax), formatCents(order.total), QString("Paid by Cash")})
        QVERIFY2(receipt.contains(s), qPrintable(s + " missing in\n" + receipt));

    // "Print receipt" in the Payments view: a second receipt for the paid order.
    QVERIFY(console.window.showView("payments"));
    PaymentsView *payments = console.window.paymentsView();
    QPushButton *receiptButton = payments->receiptButton();
    QVERIFY(receiptButton->isVisible());
    QTableView *table = payments->table();
    // The receipt job follows the event at once; the model shows it with its next batch.
    int paidRow = -1;
    QVERIFY(QTest::qWaitFor(
        [&] {
            for (int row = 0; row < table->model()->rowCount(); ++row)
                if (table->model()->index(row, 0).data(PaymentModel::OrderIdRole).toString() == id
                    && table->model()->index(row, 0).data(PaymentModel::StatusRole).toString()
                           == "completed")
                    paidRow = row;
            return paidRow >= 0;
        },
        Wait));
    table->setCurrentIndex(table->model()->index(paidRow, 0));
    QVERIFY(receiptButton->isEnabled());
    QTest::mouseClick(receiptButton, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(jobsOf(printing.spooler(), PrintJob::Kind::Receipt), 2, Wait);

    // Snapshots after a resync and a reconnect are history: nothing prints again.
    const int jobsBefore = int(printing.spooler()->jobs().size());
    console.session.resync();
    hub.stop();
    QTRY_VERIFY_WITH_TIMEOUT(console.session.liveness() != ConsoleSession::Liveness::Live, Wait);
    QVERIFY(hub.start());
    QTRY_COMPARE_WITH_TIMEOUT(console.session.liveness(), ConsoleSession::Liveness::Live, Wait);
    QTest::qWait(500);
    QCOMPARE(int(printing.spooler()->jobs().size()), jobsBefore);
    QCOMPARE(here.jobs().size(), 2);
    QCOMPARE(there.jobs().size(), 1);

    // "Reprint ticket" in the queue's order details: the ticket again at its counter now.
    console.window.showView("queue");
    OrderDetailsPane *details = console.window.queueView()->details();
    details->showOrder(id);
    auto *reprint = details->findChild<QPushButton *>("reprintTicket");
    QVERIFY(reprint && reprint->isVisible() && reprint->isEnabled());
    QTest::mouseClick(reprint, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(there.jobs().size(), 2, Wait);
    QVERIFY(there.decodedJob(1).contains("Reprint"));
    QVERIFY(there.decodedJob(1).contains(order.number));
}

void tst_Printing::printerOffShownAndPrintedLater()
{
    LiveHub hub;
    QVERIFY(hub.start());
    FakeEscPosPrinter printer;
    QVERIFY(printer.turnOn());
    const quint16 port = printer.port();
    printer.turnOff();
    Console console;
    PrintService printing(&console.session);
    printing.spooler()->setBackoff(100, 300);
    PrintSetup setup;
    setup.printers = {network("kitchen", port)};
    // This console prints for both counters on one printer; no labels.
    setup.counters = {{"Counter 1", "kitchen", {}, {}, true, true, false, false},
                      {"Counter 2", "kitchen", {}, {}, true, true, false, false}};
    printing.setSetup(setup);
    console.window.setPrintService(&printing);
    QVERIFY(console.signIn(hub, "E1", "1234"));
    QVERIFY(console.window.showView("printing"));
    PrintingView *view = console.window.printingView();
    QVERIFY(view);
    QVERIFY(!view->setupButton()->isVisible()); // the set-up is for managers

    QStringList customers{"First", "Second", "Third"};
    for (const QString &c : customers)
        QVERIFY(!createOrder(console.session, c).isEmpty());
    // Queued and retried; the view says so; the console keeps working (orders were taken above
    // while the printer was off, and the event loop keeps turning).
    QTRY_VERIFY_WITH_TIMEOUT(view->notice()->text().contains("offline"), Wait);
    QVERIFY(view->notice()->isVisible());
    QVERIFY(view->notice()->text().contains("kitchen"));
    QCOMPARE(printing.spooler()->waitingCount("kitchen"), 3);
    QTableWidget *printers = view->printersTable();
    QCOMPARE(printers->rowCount(), 1);
    QVERIFY(printers->item(0, 2)->text().startsWith("offline"));
    QCOMPARE(printers->item(0, 3)->text(), "3");
    QCOMPARE(view->jobsTable()->model()->rowCount(), 3);
    QVERIFY(printing.printersNeedingAttention().contains("kitchen"));
    QTRY_VERIFY_WITH_TIMEOUT(console.window.toasts()->texts().join("\n").contains("kitchen"), Wait);

    // Our hub refuses control characters in a name (tst_escpos feeds ESC and GS through the same
    // layouts); bidi and zero-width format characters get through it and never reach the printer.
    const QString hostile = QStringLiteral("Eve ") + QChar(0x202e) + QStringLiteral("x")
                            + QChar(0x2066) + QChar(0x200b) + QStringLiteral("y");
    QVERIFY(!createOrder(console.session, hostile).isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(printing.spooler()->waitingCount("kitchen"), 4, Wait);

    QVERIFY(printer.turnOn(port));
    QTRY_COMPARE_WITH_TIMEOUT(printer.jobs().size(), 4, Wait);
    for (int i = 0; i < 3; ++i)
        QVERIFY(printer.decodedJob(i).contains(customers.at(i)));
    const QString last = printer.decodedJob(3);
    QVERIFY2(last.contains("[size 2x2]Eve xy\n"), qPrintable(last));
    QCOMPARE(last.count("[init]"), 1);
    QCOMPARE(last.count("[cut"), 1);
    QVERIFY(!last.contains("[status request"));
    QVERIFY(!last.contains("[0x"));
    QTRY_COMPARE_WITH_TIMEOUT(printing.spooler()->waitingCount(), 0, Wait);
    QTRY_VERIFY_WITH_TIMEOUT(!view->notice()->isVisible(), Wait);
    QCOMPARE(printers->item(0, 2)->text(), "ready");
}

TT_UI_TEST_MAIN(tst_Printing)
#include "tst_printing.moc"
