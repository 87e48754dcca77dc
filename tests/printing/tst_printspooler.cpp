// The spooler against a fake ESC/POS printer on 127.0.0.1: printing, the printer off (queued,
// retried, printed when it comes up, the event loop running all along), out of paper, no status
// answer, a restart with jobs waiting, reprint, cancel, the queue's bound, and receipts to PDF
// read back with pdftotext.
#include "fakeescposprinter.h"

#include "networkprinter.h"
#include "printjobmodel.h"
#include "printlayouts.h"
#include "printspooler.h"
#include "systemprinter.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace TableTap;
using TableTap::TestPrinting::FakeEscPosPrinter;

namespace {

constexpr int Wait = 20000;

Order order(const QString &number, const QString &customer = QStringLiteral("Ada"))
{
    Order o;
    o.id = "id-" + number;
    o.number = number;
    o.customerName = customer;
    o.counter = "Counter 1";
    o.items = {{"i1", "p1", "Latte", 1, 450, 450, {"Oat milk"}}};
    o.subtotal = 450;
    o.tax = 36;
    o.total = 486;
    return o;
}

PrintJob ticket(const QString &number, const QString &printer = QStringLiteral("bar"))
{
    PrintJob j;
    j.kind = PrintJob::Kind::KitchenTicket;
    j.orderNumber = number;
    j.printer = printer;
    j.counter = "Counter 1";
    j.document = PrintLayouts::kitchenTicket(order(number), "Counter 1", QDateTime());
    return j;
}

NetworkPrinter *networkPrinter(quint16 port, bool checkPaper = true)
{
    NetworkPrinter::Options o;
    o.host = "127.0.0.1";
    o.port = port;
    o.checkPaper = checkPaper;
    o.connectTimeoutMs = 2000;
    o.statusTimeoutMs = 500;
    o.writeTimeoutMs = 3000;
    return new NetworkPrinter("bar", o);
}

PrintJob::State stateOf(const PrintSpooler &s, const QString &id)
{
    const PrintJob *j = s.job(id);
    return j ? j->state : PrintJob::State::Cancelled;
}

// The event loop turns while the spooler waits and retries: a 10 ms timer keeps firing.
struct LoopWatch
{
    QTimer timer;
    int ticks = 0;
    LoopWatch()
    {
        QObject::connect(&timer, &QTimer::timeout, &timer, [this] { ++ticks; });
        timer.start(10);
    }
};

} // namespace

class tst_PrintSpooler : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void printsATicket();
    void offThenOn();
    void outOfPaperThenPaper();
    void noStatusAnswer();
    void slowPrinter();
    void restartPrintsWhatWaited();
    void reprintAndCancel();
    void heldUntilThePrinterIsSetUp();
    void queueIsBounded();
    void receiptToPdf();
};

void tst_PrintSpooler::printsATicket()
{
    FakeEscPosPrinter fake;
    QVERIFY(fake.turnOn());
    PrintSpooler spooler;
    spooler.addPrinter(networkPrinter(fake.port()));
    const QString id = spooler.enqueue(ticket("ORD-1"));
    QVERIFY(!id.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(spooler, id), PrintJob::State::Done, Wait);
    QTRY_COMPARE_WITH_TIMEOUT(fake.jobs().size(), 1, Wait);
    QCOMPARE(fake.statusRequests(), 1);
    const QString d = fake.decodedJob(0);
    QVERIFY2(d.contains("[bold on][size 2x2]ORD-1\n"), qPrintable(d));
    QVERIFY(d.contains("[bold on][size 2x2]Ada\n"));
    QVERIFY(d.contains("[qr data \"ORD-1\"][qr print]"));
    QVERIFY(d.endsWith("[cut partial]"));
    QCOMPARE(spooler.job(id)->attempts, 1);
    QVERIFY(spooler.job(id)->printedAt.isValid());
    QCOMPARE(spooler.printer("bar")->state(), Printer::State::Ready);
}

void tst_PrintSpooler::offThenOn()
{
    FakeEscPosPrinter fake;
    QVERIFY(fake.turnOn());
    const quint16 port = fake.port();
    fake.turnOff();
    PrintSpooler spooler;
    PrintJobModel model(&spooler);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    spooler.setBackoff(50, 200);
    spooler.addPrinter(networkPrinter(port));
    LoopWatch loop;
    const QStringList ids{spooler.enqueue(ticket("ORD-1")), spooler.enqueue(ticket("ORD-2")),
                          spooler.enqueue(ticket("ORD-3"))};
    // The first is tried and retried; the others wait behind it, in order.
    QTRY_VERIFY_WITH_TIMEOUT(spooler.job(ids[0])->attempts >= 3
                                 && stateOf(spooler, ids[0]) == PrintJob::State::Retrying,
                             Wait);
    QVERIFY(!spooler.job(ids[0])->lastError.isEmpty());
    QCOMPARE(stateOf(spooler, ids[1]), PrintJob::State::Queued);
    QCOMPARE(spooler.job(ids[1])->attempts, 0);
    QCOMPARE(spooler.printer("bar")->state(), Printer::State::Offline);
    QCOMPARE(spooler.waitingCount("bar"), 3);
    const int ticksWhileOff = loop.ticks;
    QVERIFY2(ticksWhileOff > 5, "the event loop stood still while the printer was off");

    QVERIFY(fake.turnOn(port));
    for (const QString &id : ids)
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(spooler, id), PrintJob::State::Done, Wait);
    QTRY_COMPARE_WITH_TIMEOUT(fake.jobs().size(), 3, Wait);
    for (int i = 0; i < 3; ++i)
        QVERIFY(fake.decodedJob(i).contains(QStringLiteral("ORD-%1\n").arg(i + 1)));
    QCOMPARE(spooler.waitingCount(), 0);
    QVERIFY(loop.ticks > ticksWhileOff);
}

void tst_PrintSpooler::outOfPaperThenPaper()
{
    FakeEscPosPrinter fake;
    QVERIFY(fake.turnOn());
    fake.setOutOfPaper(true);
    PrintSpooler spooler;
    spooler.setBackoff(50, 200);
    spooler.addPrinter(networkPrinter(fake.port()));
    QSignalSpy states(&spooler, &PrintSpooler::printerStateChanged);
    const QString id = spooler.enqueue(ticket("ORD-7"));
    QTRY_VERIFY_WITH_TIMEOUT(
        spooler.job(id)->attempts >= 2 && stateOf(spooler, id) == PrintJob::State::Retrying, Wait);
    QCOMPARE(spooler.printer("bar")->state(), Printer::State::OutOfPaper);
    QVERIFY(spooler.job(id)->lastError.contains("paper"));
    QVERIFY(fake.jobs().isEmpty()); // nothing but the status question went out
    QVERIFY(!states.isEmpty());
    QCOMPARE(states.first().at(1).value<Printer::State>(), Printer::State::OutOfPaper);

    fake.setOutOfPaper(false);
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(spooler, id), PrintJob::State::Done, Wait);
    QCOMPARE(spooler.printer("bar")->state(), Printer::State::Ready);
    QTRY_COMPARE_WITH_TIMEOUT(fake.jobs().size(), 1, Wait);
    QVERIFY(fake.decodedJob(0).contains("ORD-7"));
}

void tst_PrintSpooler::noStatusAnswer()
{
    FakeEscPosPrinter fake;
    QVERIFY(fake.turnOn());
    fake.setAnswersStatus(false);
    PrintSpooler spooler;
    spooler.setBackoff(50, 200);
    spooler.addPrinter(networkPrinter(fake.port()));
    const QString id = spooler.enqueue(ticket("ORD-8"));
    QTRY_VERIFY_WITH_TIMEOUT(
        spooler.job(id)->attempts >= 2 && stateOf(spooler, id) == PrintJob::State::Retrying, Wait);
    QCOMPARE(spooler.printer("bar")->state(), Printer::State::Error);
    QVERIFY(spooler.job(id)->lastError.contains("status"));
    fake.setAnswersStatus(true);
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(spooler, id), PrintJob::State::Done, Wait);
}

void tst_PrintSpooler::slowPrinter()
{
    FakeEscPosPrinter fake;
    QVERIFY(fake.turnOn());
    fake.setSlowMs(300); // under the status timeout: slow but there
    PrintSpooler spooler;
    NetworkPrinter::Options o;
    o.host = "127.0.0.1";
    o.port = fake.port();
    o.statusTimeoutMs = 3000;
    spooler.addPrinter(new NetworkPrinter("bar", o));
    LoopWatch loop;
    const QString id = spooler.enqueue(ticket("ORD-9"));
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(spooler, id), PrintJob::State::Done, Wait);
    QCOMPARE(spooler.job(id)->attempts, 1);
    QVERIFY(loop.ticks > 3);
    QTRY_COMPARE_WITH_TIMEOUT(fake.jobs().size(), 1, Wait);
}

void tst_PrintSpooler::restartPrintsWhatWaited()
{
    QTemporaryDir dir;
    const QString file = dir.filePath("printing/jobs.json");
    FakeEscPosPrinter fake;
    QVERIFY(fake.turnOn());
    const quint16 port = fake.port();
    fake.turnOff();
    QStringList ids;
    {
        PrintSpooler first;
        first.setBackoff(50, 200);
        QVERIFY(first.setStoreFile(file));
        first.addPrinter(networkPrinter(port));
        ids << first.enqueue(ticket("ORD-10")) << first.enqueue(ticket("ORD-11"));
        QVERIFY(first.enqueue(ticket("ORD-10"), "created:ORD-10").size());
        QTRY_VERIFY_WITH_TIMEOUT(first.job(ids[0])->attempts >= 1
                                     && stateOf(first, ids[0]) == PrintJob::State::Retrying,
                                 Wait);
    } // the console closes with three jobs waiting

    QVERIFY(fake.turnOn(port));
    PrintSpooler second;
    QVERIFY(second.setStoreFile(file));
    QCOMPARE(second.waitingCount(), 3);
    for (const QString &id : ids)
        QVERIFY(second.job(id));
    // Nothing prints without its printer: held until the set-up names it.
    QCOMPARE(stateOf(second, ids[0]), PrintJob::State::Held);
    second.addPrinter(networkPrinter(port));
    for (const QString &id : ids)
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(second, id), PrintJob::State::Done, Wait);
    QTRY_COMPARE_WITH_TIMEOUT(fake.jobs().size(), 3, Wait);
    // The event printed for before the restart is not queued again.
    QVERIFY(second.wasQueued("created:ORD-10"));
    QVERIFY(second.enqueue(ticket("ORD-10"), "created:ORD-10").isEmpty());
}

void tst_PrintSpooler::reprintAndCancel()
{
    FakeEscPosPrinter fake;
    QVERIFY(fake.turnOn());
    PrintSpooler spooler;
    spooler.addPrinter(networkPrinter(fake.port()));
    const QString id = spooler.enqueue(ticket("ORD-20"));
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(spooler, id), PrintJob::State::Done, Wait);
    const QString again = spooler.reprint(id);
    QVERIFY(!again.isEmpty() && again != id);
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(spooler, again), PrintJob::State::Done, Wait);
    QTRY_COMPARE_WITH_TIMEOUT(fake.jobs().size(), 2, Wait);
    QCOMPARE(fake.jobs().at(0), fake.jobs().at(1));

    // Cancel: a job waiting behind an unreachable printer never prints.
    fake.turnOff();
    // A long pause: after its first failure the job prints only because of "retry now".
    spooler.setBackoff(60000, 60000);
    const QString a = spooler.enqueue(ticket("ORD-21"));
    const QString b = spooler.enqueue(ticket("ORD-22"));
    QVERIFY(spooler.cancel(b));
    QCOMPARE(stateOf(spooler, b), PrintJob::State::Cancelled);
    QVERIFY(!spooler.cancel(b));
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(spooler, a), PrintJob::State::Retrying, Wait);
    QVERIFY(fake.turnOn(fake.port()));
    QVERIFY(spooler.retryNow(a));
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(spooler, a), PrintJob::State::Done, Wait);
    QTRY_COMPARE_WITH_TIMEOUT(fake.jobs().size(), 3, Wait);
    QTest::qWait(300);
    QCOMPARE(fake.jobs().size(), 3);
    QVERIFY(!fake.allDecoded().contains("ORD-22"));
}

void tst_PrintSpooler::heldUntilThePrinterIsSetUp()
{
    FakeEscPosPrinter fake;
    QVERIFY(fake.turnOn());
    PrintSpooler spooler;
    const QString id = spooler.enqueue(ticket("ORD-30", "kitchen"));
    QCOMPARE(stateOf(spooler, id), PrintJob::State::Held);
    PrinterConfig c;
    c.name = "kitchen";
    c.host = "127.0.0.1";
    c.port = fake.port();
    spooler.setPrinters({c});
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(spooler, id), PrintJob::State::Done, Wait);
    QTRY_COMPARE_WITH_TIMEOUT(fake.jobs().size(), 1, Wait);
}

void tst_PrintSpooler::queueIsBounded()
{
    PrintSpooler spooler; // no printer: everything waits
    PrintJobModel model(&spooler);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy refused(&spooler, &PrintSpooler::jobRefused);
    int accepted = 0;
    for (int i = 0; i < PrintSpooler::MaxWaiting + 7; ++i)
        if (!spooler.enqueue(ticket(QStringLiteral("ORD-%1").arg(i))).isEmpty())
            ++accepted;
    QCOMPARE(accepted, PrintSpooler::MaxWaiting);
    QCOMPARE(refused.size(), 7);
    QCOMPARE(spooler.waitingCount(), PrintSpooler::MaxWaiting);
    // Cancelling makes room; finished jobs are kept up to MaxHistory.
    auto firstWaiting = [&] {
        for (const PrintJob &j : spooler.jobs())
            if (j.isWaiting())
                return j.id;
        return QString();
    };
    for (int i = 0; i < PrintSpooler::MaxHistory + 20; ++i)
        QVERIFY(spooler.cancel(firstWaiting()));
    QCOMPARE(spooler.waitingCount(), PrintSpooler::MaxWaiting - PrintSpooler::MaxHistory - 20);
    QVERIFY(spooler.jobs().size() <= PrintSpooler::MaxWaiting + PrintSpooler::MaxHistory);
    QVERIFY(!spooler.enqueue(ticket("ORD-new")).isEmpty());
    // The job list, newest first.
    QCOMPARE(model.rowCount(), int(spooler.jobs().size()));
    QCOMPARE(model.index(0, PrintJobModel::Order).data().toString(), "ORD-new");
    QCOMPARE(model.index(0, PrintJobModel::State).data().toString(), "held");
}

void tst_PrintSpooler::receiptToPdf()
{
    QTemporaryDir dir;
    PrintSpooler spooler;
    PrinterConfig c;
    c.name = "receipts";
    c.kind = PrinterConfig::Kind::PdfFolder;
    c.folder = dir.filePath("pdf");
    spooler.setPrinters({c});
    Order o = order("ORD20261207-0042", "Grace <b>Hopper</b>");
    o.items.append({"i2", "p2", "Blueberry Muffin", 3, 333, 999, {}});
    o.subtotal = 1449;
    o.tax = 116;
    o.tip = 200;
    o.total = 1765;
    PrintJob j;
    j.kind = PrintJob::Kind::Receipt;
    j.orderNumber = o.number;
    j.printer = "receipts";
    j.document = PrintLayouts::receipt(o, "Corner Cafe",
                                       PrintLayouts::Payment{"cash", 1765, 2000, {}}, "USD");
    const QString id = spooler.enqueue(j);
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(spooler, id), PrintJob::State::Done, Wait);
    auto *pdf = qobject_cast<SystemPrinter *>(spooler.printer("receipts"));
    QVERIFY(pdf);
    QVERIFY(QFileInfo(pdf->lastFile()).size() > 0);
    QProcess p;
    p.start("pdftotext", {"-layout", pdf->lastFile(), "-"});
    QVERIFY(p.waitForFinished(Wait));
    QCOMPARE(p.exitCode(), 0);
    const QString text = QString::fromUtf8(p.readAllStandardOutput());
    for (const char *s :
         {"Corner Cafe", "ORD20261207-0042", "Grace <b>Hopper</b>", "1 x Latte", "4.50",
          "3 x Blueberry Muffin", "9.99", "Subtotal", "14.49", "Tax", "1.16", "Tip", "2.00",
          "USD 17.65", "Paid by Cash", "Cash received", "20.00", "Change", "2.35"})
        QVERIFY2(text.contains(QLatin1String(s)),
                 qPrintable(QStringLiteral("%1 missing in:\n%2").arg(QLatin1String(s), text)));
    // docs/samples/receipt.pdf is this file (TT_UPDATE_SAMPLES=1 copies it there).
    if (qEnvironmentVariableIsSet("TT_UPDATE_SAMPLES")) {
        const QString sample = QStringLiteral(TT_SOURCE_DIR "/docs/samples/receipt.pdf");
        QFile::remove(sample);
        QVERIFY(QFile::copy(pdf->lastFile(), sample));
    }
}

QTEST_MAIN(tst_PrintSpooler)
#include "tst_printspooler.moc"
