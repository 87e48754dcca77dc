// Outbox on a fake EventSource: actions go out only on a connected namespace, one request at a
// time, keep their request id through every retry, end once (done or refused), and what was in
// flight when the link went is pending again.
#include "fakeeventsource.h"
#include "outbox.h"

#include <QSignalSpy>
#include <QTest>

using namespace TableTap;

class tst_Outbox : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sentOnlyWhenConnected();
    void noAnswerKeepsTheRequestId();
    void refusedAndDoneAreFinal();
    void notSentStaysPending();
    void linkLostMakesSentPending();
};

namespace {
struct Fixture
{
    FakeEventSource source;
    OutboxModel model;
    Outbox outbox{&source, &model};
    QString submit(const QString &nsp = "/orders", const QString &command = "create_order")
    {
        return outbox.submit(nsp, command, {{"customer_name", "Ann"}}, "create order");
    }
};
} // namespace

void tst_Outbox::sentOnlyWhenConnected()
{
    Fixture f;
    const QDateTime at(QDate(2026, 1, 2), QTime(8, 0), Qt::UTC);
    f.outbox.setClock([at] { return at; });
    f.outbox.setTimeout(1234);
    const QString id = f.submit();
    const OutboxEntry *e = f.model.entry(id);
    QVERIFY(e);
    QCOMPARE(e->createdAt, at);
    QCOMPARE(e->description, QStringLiteral("create order"));
    QCOMPARE(e->payload["request_id"].toString(), id);
    QCOMPARE(e->payload["customer_name"].toString(), QStringLiteral("Ann"));
    f.outbox.flush();
    QCOMPARE(f.source.requests.size(), 0);
    QCOMPARE(f.model.entry(id)->state, OutboxEntry::State::Pending);
    // Another namespace connecting does not send it.
    f.source.connectNamespaces({"/payments"}, false);
    f.outbox.flush();
    QCOMPARE(f.source.requests.size(), 0);
    f.source.connectNamespaces({"/orders"}, false);
    f.outbox.flush();
    f.outbox.flush(); // in flight: not again
    QCOMPARE(f.source.requests.size(), 1);
    QCOMPARE(f.source.requests[0].command, QStringLiteral("create_order"));
    QCOMPARE(f.source.requests[0].timeoutMs, 1234);
    QCOMPARE(f.source.requests[0].payload["request_id"].toString(), id);
    QCOMPARE(f.model.entry(id)->state, OutboxEntry::State::Sent);
    QCOMPARE(f.model.entry(id)->attempts, 1);
}

void tst_Outbox::noAnswerKeepsTheRequestId()
{
    Fixture f;
    f.source.connectNamespaces({"/orders"}, false);
    const QString id = f.submit();
    f.outbox.flush();
    f.source.timeOut(0);
    QCOMPARE(f.model.entry(id)->state, OutboxEntry::State::Pending);
    QCOMPARE(f.model.entry(id)->message, QStringLiteral("operation has timed out"));
    f.outbox.flush();
    QCOMPARE(f.source.requests.size(), 2);
    QCOMPARE(f.source.requests[1].payload["request_id"].toString(), id);
    QCOMPARE(f.model.entry(id)->attempts, 2);
    // The link drops with it in flight: no answer again, same id the third time.
    f.source.drop();
    QCOMPARE(f.model.entry(id)->state, OutboxEntry::State::Pending);
    f.outbox.flush();
    QCOMPARE(f.source.requests.size(), 2);
    f.source.connectNamespaces({"/orders"}, true);
    f.outbox.flush();
    QCOMPARE(f.source.requests.size(), 3);
    QCOMPARE(f.source.requests[2].payload["request_id"].toString(), id);
}

void tst_Outbox::refusedAndDoneAreFinal()
{
    Fixture f;
    QSignalSpy finished(&f.outbox, &Outbox::finished);
    f.source.connectNamespaces({"/orders"}, false);
    const QString refused = f.submit();
    const QString done = f.submit();
    f.outbox.flush();
    QCOMPARE(f.source.requests.size(), 2);
    f.source.refuse(0, "PERMISSION_DENIED", "managers only");
    f.source.answer(1, QJsonObject{{"order", QJsonObject{}}});
    QCOMPARE(f.model.entry(refused)->state, OutboxEntry::State::Refused);
    QCOMPARE(f.model.entry(refused)->errorType, QStringLiteral("PERMISSION_DENIED"));
    QCOMPARE(f.model.entry(refused)->message, QStringLiteral("managers only"));
    QCOMPARE(f.model.entry(done)->state, OutboxEntry::State::Done);
    QCOMPARE(finished.size(), 2);
    QCOMPARE(finished[0][0].toString(), refused);
    QVERIFY(!finished[0][1].toBool());
    QCOMPARE(finished[0][2].toString(), QStringLiteral("PERMISSION_DENIED"));
    QCOMPARE(finished[1][0].toString(), done);
    QVERIFY(finished[1][1].toBool());
    f.outbox.flush();
    f.outbox.linkLost();
    f.outbox.flush();
    QCOMPARE(f.source.requests.size(), 2);
    QCOMPARE(f.model.pendingCount(), 0);
}

void tst_Outbox::notSentStaysPending()
{
    Fixture f;
    QSignalSpy finished(&f.outbox, &Outbox::finished);
    f.source.connectNamespaces({"/orders"}, false);
    f.source.unsendable << "/orders";
    const QString id = f.submit();
    f.outbox.flush();
    QCOMPARE(f.source.requests.size(), 0);
    QCOMPARE(f.model.entry(id)->state, OutboxEntry::State::Pending);
    QCOMPARE(finished.size(), 0);
    // Not in flight: the next flush may send it, and sends it once.
    f.source.unsendable.clear();
    f.outbox.flush();
    f.outbox.flush();
    QCOMPARE(f.source.requests.size(), 1);
    QCOMPARE(f.source.requests[0].payload["request_id"].toString(), id);
}

void tst_Outbox::linkLostMakesSentPending()
{
    Fixture f;
    f.source.connectNamespaces({"/orders", "/system"}, false);
    const QString a = f.submit();
    const QString b = f.submit("/system", "set_counter_status");
    f.outbox.flush();
    QCOMPARE(f.source.requests.size(), 2);
    // The source is replaced without failing its requests (their answers will never come).
    f.outbox.linkLost();
    QCOMPARE(f.model.entry(a)->state, OutboxEntry::State::Pending);
    QCOMPARE(f.model.entry(b)->state, OutboxEntry::State::Pending);
    QCOMPARE(f.model.pendingCount(), 2);
    f.outbox.flush();
    QCOMPARE(f.source.requests.size(), 4);
    QCOMPARE(f.source.requests[2].payload["request_id"].toString(), a);
    QCOMPARE(f.source.requests[3].payload["request_id"].toString(), b);
}

QTEST_GUILESS_MAIN(tst_Outbox)
#include "tst_outbox.moc"
