// Timers with several hub nodes on one store (HubOptions::timerSweepIntervalMs): a card payment
// started on one node, whose node goes away before its timer fires, is answered by another
// node's sweep once it is overdue by the grace; a node that sweeps a timer that already ran does
// nothing; without a sweep nobody answers it. Two HubDomains on one data folder stand for the
// two nodes (tst_scaleout does the same with processes on PostgreSQL).
#include "hubtestfixture.h"

#include <QSignalSpy>
#include <QTest>

using namespace TableTap;
using namespace TableTap::Test;

namespace {

QString paymentStatus(HubDomain &hub, const QString &transaction)
{
    return hub.cafe(QStringLiteral("cafe1"))
        ->connection()
        .scalar(QStringLiteral("SELECT status FROM payments WHERE transaction_id = ?"),
                {transaction})
        .toString();
}

} // namespace

class TestTimerSweep : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void overdueCardAnsweredByAnotherNode_data();
    void overdueCardAnsweredByAnotherNode();
};

void TestTimerSweep::overdueCardAnsweredByAnotherNode_data()
{
    QTest::addColumn<int>("sweepMs");
    QTest::newRow("sweeping") << 20;
    QTest::newRow("not sweeping") << 0;
}

void TestTimerSweep::overdueCardAnsweredByAnotherNode()
{
    QFETCH(int, sweepMs);
    HubFixture f; // node A
    HubOptions other = f.hubOptions;
    other.timerSweepIntervalMs = sweepMs;
    other.timerSweepGraceMs = 2000;
    HubDomain b(other, &f.clock); // node B, open before the payment exists
    QString error;
    QVERIFY2(b.open(&error), qPrintable(error));
    QSignalSpy onB(&b, &HubDomain::eventsReady);

    const QString order = f.order(f.employee(), QStringLiteral("Latte"))
                              .data()
                              .value(u"order")
                              .toObject()
                              .value(u"id")
                              .toString();
    const CommandResult started
        = f.run(f.employee(), QStringLiteral("/payments"), QStringLiteral("start_payment"),
                {{"order_id", order}, {"method", "card"}});
    QVERIFY(started.ok());
    const QString transaction
        = started.data().value(u"payment").toObject().value(u"transaction_id").toString();
    f.hub.reset(); // node A goes away with the card's timer (1.5 s)

    // Due 1.5 s after the start: within the grace (2 s more) B leaves it alone...
    f.clock.advance(3000);
    QTest::qWait(100);
    QCOMPARE(paymentStatus(b, transaction), QStringLiteral("processing"));
    // ... after it, B answers the card (without a sweep, nobody does).
    f.clock.advance(1000);
    QTest::qWait(200);
    QCOMPARE(paymentStatus(b, transaction),
             sweepMs ? QStringLiteral("completed") : QStringLiteral("processing"));
    int answered = 0;
    for (const QList<QVariant> &emission : std::as_const(onB)) {
        for (const HubEvent &e : emission.at(0).value<HubEventList>())
            answered += e.name == u"payment:completed"
                        && e.data().value(u"transaction_id").toString() == transaction;
    }
    QCOMPARE(answered, sweepMs ? 1 : 0);

    // A node that opens the cafe later (A again) answers what is still processing; what B
    // answered already it leaves alone (one payment:completed in all).
    f.open();
    QSignalSpy onReopened(f.hub.get(), &HubDomain::eventsReady);
    f.clock.advance(100);
    QTest::qWait(100);
    QCOMPARE(paymentStatus(b, transaction), QStringLiteral("completed"));
    for (const QList<QVariant> &emission : std::as_const(onReopened)) {
        for (const HubEvent &e : emission.at(0).value<HubEventList>())
            answered += e.name == u"payment:completed"
                        && e.data().value(u"transaction_id").toString() == transaction;
    }
    QCOMPARE(answered, 1);
}

QTEST_GUILESS_MAIN(TestTimerSweep)
#include "tst_timersweep.moc"
