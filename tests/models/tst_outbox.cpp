// Outbox on a fake EventSource: actions go out only on a connected namespace, one request at a
// time, keep their request id through every retry, end once (done or refused), and what was in
// flight when the link went is pending again.
#include "fakeeventsource.h"
#include "outbox.h"
#include "outboxstore.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
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
    void withoutResendAnUnansweredActionIsUnknown();
    void confirmedByItsEvent();
    void errorEventMatchingRule();
    void retriesBackOffThenStayUnconfirmed();
    void fullOutboxRefusesNewActions();
    void tooOldIsNotSentByItself();
    void retryAndDiscardByTheUser();
    void storeKeepsWaitingActionsPerPerson();
};

namespace {
struct Fixture
{
    FakeEventSource source;
    OutboxModel model;
    Outbox outbox{&source, &model};
    qint64 ms = 0; // the retry clock
    Fixture()
    {
        outbox.setRetryClock([this] { return ms; });
    }
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
    // Out again after its back-off (1 s, less up to half at random), not before.
    QVERIFY(f.outbox.retryInMs(id) >= 500 && f.outbox.retryInMs(id) <= 1000);
    f.outbox.flush();
    QCOMPARE(f.source.requests.size(), 1);
    f.ms += 1000;
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
    f.ms += 2000;
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

void tst_Outbox::withoutResendAnUnansweredActionIsUnknown()
{
    Fixture f;
    f.outbox.setResendUnanswered(false);
    f.outbox.setTimeout(3000);
    QSignalSpy unconfirmed(&f.outbox, &Outbox::unconfirmed);
    QSignalSpy finished(&f.outbox, &Outbox::finished);
    f.source.connectNamespaces({"/orders", "/system"}, false);
    const QString timedOut = f.submit();
    const QString dropped = f.submit("/system", "set_counter_status");
    f.outbox.flush();
    QCOMPARE(f.source.requests.size(), 2);
    QCOMPARE(f.model.pendingCount(), 2);
    // No answer while connected: it may have been applied; unknown, never sent again.
    f.source.timeOut(0);
    QCOMPARE(f.model.entry(timedOut)->state, OutboxEntry::State::Unknown);
    QCOMPARE(f.model.entry(timedOut)->message,
             QStringLiteral("no confirmation from the server within 3 s"));
    QCOMPARE(unconfirmed.size(), 1);
    QCOMPARE(unconfirmed[0][0].toString(), timedOut);
    // The link drops with the other in flight: the same.
    f.source.drop();
    QCOMPARE(f.model.entry(dropped)->state, OutboxEntry::State::Unknown);
    QVERIFY(f.model.entry(dropped)->message.startsWith("the link dropped after it was sent"));
    QCOMPARE(unconfirmed.size(), 2);
    QCOMPARE(f.model.pendingCount(), 0);
    f.source.connectNamespaces({"/orders", "/system"}, false);
    f.outbox.flush();
    f.outbox.linkLost();
    f.outbox.flush();
    QCOMPARE(f.source.requests.size(), 2);
    QCOMPARE(finished.size(), 0);
    // What never left is still sent once it can go.
    f.source.unsendable << "/orders";
    const QString notSent = f.submit();
    f.outbox.flush();
    QCOMPARE(f.model.entry(notSent)->state, OutboxEntry::State::Pending);
    f.source.unsendable.clear();
    f.outbox.flush();
    QCOMPARE(f.source.requests.size(), 3);
    QCOMPARE(f.source.requests[2].payload["request_id"].toString(), notSent);
    // A link replaced under a sent action: unknown too.
    f.outbox.linkLost();
    QCOMPARE(f.model.entry(notSent)->state, OutboxEntry::State::Unknown);
    QCOMPARE(f.model.pendingCount(), 0);
}

void tst_Outbox::confirmedByItsEvent()
{
    Fixture f;
    f.outbox.setResendUnanswered(false);
    QSignalSpy finished(&f.outbox, &Outbox::finished);
    f.source.connectNamespaces({"/orders"}, false);
    const auto status = [&f](const QString &order, const QString &to) {
        return f.outbox.submit("/orders", "update_order_status",
                               {{"order_id", order}, {"status", to}}, order + " → " + to);
    };
    const QString a = status("o1", "preparing");
    const QString b = status("o2", "ready");
    f.outbox.flush();
    const auto matching = [](const QString &order, const QString &to) {
        return [order, to](const QJsonObject &p) {
            return p["order_id"].toString() == order && p["status"].toString() == to;
        };
    };
    // Another order's event, or another status, confirms nothing.
    QCOMPARE(f.outbox.confirm("update_order_status", matching("o1", "ready")), QString());
    QCOMPARE(f.outbox.confirm("cancel_order", matching("o1", "preparing")), QString());
    QCOMPARE(f.outbox.confirm("update_order_status", matching("o1", "preparing")), a);
    QCOMPARE(f.model.entry(a)->state, OutboxEntry::State::Done);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished[0][0].toString(), a);
    QVERIFY(finished[0][1].toBool());
    QCOMPARE(f.model.pendingCount(), 1);
    // Its request's late end changes nothing.
    f.source.timeOut(0);
    QCOMPARE(f.model.entry(a)->state, OutboxEntry::State::Done);
    // An unknown action is still settled by a late event.
    f.source.timeOut(1);
    QCOMPARE(f.model.entry(b)->state, OutboxEntry::State::Unknown);
    QCOMPARE(f.outbox.confirm("update_order_status", matching("o2", "ready")), b);
    QCOMPARE(f.model.entry(b)->state, OutboxEntry::State::Done);
    QCOMPARE(f.model.pendingCount(), 0);
    // Settled once: the same event again finds nothing.
    QCOMPARE(f.outbox.confirm("update_order_status", matching("o2", "ready")), QString());
    f.outbox.flush();
    QCOMPARE(f.source.requests.size(), 2);
}

void tst_Outbox::errorEventMatchingRule()
{
    Fixture f;
    f.outbox.setResendUnanswered(false);
    QSignalSpy finished(&f.outbox, &Outbox::finished);
    f.source.connectNamespaces({"/orders", "/system"}, false);
    const auto status = [&f](const QString &order) {
        return f.outbox.submit("/orders", "update_order_status",
                               {{"order_id", order}, {"status", "preparing"}}, order);
    };
    const QString o1 = status("o1");
    const QString o2 = status("o2");
    const QString sys = f.submit("/system", "set_counter_status");
    f.outbox.flush();
    // Neither command nor request id, two actions unsettled in /orders: it answers neither.
    QCOMPARE(f.outbox.refuse("/orders", "INVALID_DATA", "no", {}, {}, {}), QString());
    // Command and order id name the action.
    QCOMPARE(f.outbox.refuse("/orders", "INVALID_DATA", "cannot go from preparing to preparing",
                             "update_order_status", "o2", {}),
             o2);
    QCOMPARE(f.model.entry(o2)->state, OutboxEntry::State::Refused);
    QCOMPARE(f.model.entry(o2)->errorType, QStringLiteral("INVALID_DATA"));
    QCOMPARE(f.model.entry(o2)->message, QStringLiteral("cannot go from preparing to preparing"));
    QCOMPARE(finished.size(), 1);
    QVERIFY(!finished[0][1].toBool());
    // Another command's error answers none of ours.
    QCOMPARE(
        f.outbox.refuse("/orders", "INVALID_DATA", "counter is required", "join_counter", {}, {}),
        QString());
    // Another namespace's error never answers an /orders action.
    QCOMPARE(f.outbox.refuse("/payments", "INVALID_DATA", "no", {}, {}, {}), QString());
    // Now one action is unsettled in /orders: a bare {type, message} answers it.
    QCOMPARE(f.outbox.refuse("/orders", "PERMISSION_DENIED", "managers only", {}, {}, {}), o1);
    QCOMPARE(f.model.entry(o1)->state, OutboxEntry::State::Refused);
    // The request id wins over everything else; an unknown action can still be refused.
    f.source.timeOut(f.source.waiting("set_counter_status")[0]);
    QCOMPARE(f.model.entry(sys)->state, OutboxEntry::State::Unknown);
    QCOMPARE(f.outbox.refuse("/system", "NOT_FOUND", "no such counter", "whatever", "x", sys), sys);
    QCOMPARE(f.model.entry(sys)->state, OutboxEntry::State::Refused);
    QCOMPARE(f.model.pendingCount(), 0);
    // Settled actions are not refused again.
    QCOMPARE(f.outbox.refuse("/system", "NOT_FOUND", "again", {}, {}, sys), QString());
    QCOMPARE(finished.size(), 3);
}

QTEST_GUILESS_MAIN(tst_Outbox)
#include "tst_outbox.moc"

void tst_Outbox::retriesBackOffThenStayUnconfirmed()
{
    Fixture f;
    double jitter = 0.0;
    f.outbox.setJitter([&jitter] { return jitter; });
    QSignalSpy unconfirmed(&f.outbox, &Outbox::unconfirmed);
    f.source.connectNamespaces({"/orders"}, false);
    const QString id = f.submit();
    // Each unanswered attempt doubles the wait (1, 2, 4 ... s, at most 60 s); with the jitter at
    // its extremes the wait is the full delay or half of it.
    QList<qint64> waits;
    for (int attempt = 1; attempt < Outbox::MaxAttempts; ++attempt) {
        f.outbox.flush();
        QCOMPARE(f.source.requests.size(), attempt);
        QCOMPARE(f.source.requests.last().payload["request_id"].toString(), id);
        jitter = attempt % 2 ? 0.0 : 0.999999;
        f.source.timeOut(attempt - 1);
        QCOMPARE(f.model.entry(id)->state, OutboxEntry::State::Pending);
        const qint64 wait = f.outbox.retryInMs(id);
        const qint64 full
            = std::min<qint64>(Outbox::MaxRetryMs, Outbox::BaseRetryMs << (attempt - 1));
        QVERIFY2(wait <= full && wait >= full / 2, qPrintable(QString::number(wait)));
        waits << wait;
        // Not a moment before its time.
        f.ms += wait - 1;
        f.outbox.flush();
        QCOMPARE(f.source.requests.size(), attempt);
        f.ms += 1;
    }
    QCOMPARE(waits.first(), Outbox::BaseRetryMs);
    QVERIFY(waits.last() <= Outbox::MaxRetryMs);
    // The last attempt unanswered: unconfirmed, for the user; never sent again by itself.
    f.outbox.flush();
    QCOMPARE(f.source.requests.size(), Outbox::MaxAttempts);
    f.source.timeOut(Outbox::MaxAttempts - 1);
    QCOMPARE(f.model.entry(id)->state, OutboxEntry::State::Unknown);
    QCOMPARE(
        f.model.entry(id)->message,
        QStringLiteral("no answer after %1 attempts: retry or discard").arg(Outbox::MaxAttempts));
    QCOMPARE(unconfirmed.size(), 1);
    f.ms += 10 * Outbox::MaxRetryMs;
    f.outbox.flush();
    f.outbox.linkLost();
    f.outbox.flush();
    QCOMPARE(f.source.requests.size(), Outbox::MaxAttempts);
    // The cap: the delay never grows past MaxRetryMs however many attempts.
    const QString capped = f.submit();
    for (int attempt = 1; attempt <= 7; ++attempt) {
        f.outbox.flush();
        f.source.timeOut(int(f.source.requests.size()) - 1);
        f.ms += f.outbox.retryInMs(capped);
    }
    jitter = 0.0;
    QVERIFY(f.outbox.retryInMs(capped) <= Outbox::MaxRetryMs);
}

void tst_Outbox::fullOutboxRefusesNewActions()
{
    Fixture f;
    QSignalSpy finished(&f.outbox, &Outbox::finished);
    QStringList ids;
    for (int i = 0; i < Outbox::MaxWaiting; ++i)
        ids << f.submit();
    QCOMPARE(f.outbox.waitingCount(), Outbox::MaxWaiting);
    QCOMPARE(finished.size(), 0);
    // One more: refused at once and said so, not queued and not dropped silently.
    const QString refused = f.submit();
    QCOMPARE(f.model.entry(refused)->state, OutboxEntry::State::Refused);
    QCOMPARE(f.model.entry(refused)->errorType, Outbox::outboxFullType());
    QVERIFY(f.model.entry(refused)->message.startsWith("the outbox is full: 200 actions wait"));
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished[0][0].toString(), refused);
    QVERIFY(!finished[0][1].toBool());
    QCOMPARE(f.outbox.waitingCount(), Outbox::MaxWaiting);
    // While full it cannot be retried; once one is gone it can, with its request id.
    QVERIFY(!f.outbox.retry(refused));
    QVERIFY(f.outbox.discard(ids.first()));
    QVERIFY(f.outbox.retry(refused));
    QCOMPARE(f.model.entry(refused)->state, OutboxEntry::State::Pending);
    QCOMPARE(f.model.entry(refused)->payload["request_id"].toString(), refused);
    QCOMPARE(f.outbox.waitingCount(), Outbox::MaxWaiting);
}

void tst_Outbox::tooOldIsNotSentByItself()
{
    Fixture f;
    QDateTime now(QDate(2026, 1, 2), QTime(8, 0), Qt::UTC);
    f.outbox.setClock([&now] { return now; });
    const QString id = f.submit();
    now = now.addMSecs(Outbox::MaxAgeMs + 1);
    f.source.connectNamespaces({"/orders"}, false);
    f.outbox.flush();
    QCOMPARE(f.source.requests.size(), 0);
    QCOMPARE(f.model.entry(id)->state, OutboxEntry::State::Unknown);
    QVERIFY(f.model.entry(id)->message.startsWith("waited more than 24 h"));
    // The user decides: retried, it goes out with its request id.
    QVERIFY(f.outbox.retry(id));
    QCOMPARE(f.source.requests.size(), 1);
    QCOMPARE(f.source.requests[0].payload["request_id"].toString(), id);
}

void tst_Outbox::retryAndDiscardByTheUser()
{
    Fixture f;
    f.outbox.setResendUnanswered(false);
    f.source.connectNamespaces({"/orders"}, false);
    const QString unknown = f.submit();
    const QString inFlight = f.submit();
    f.outbox.flush();
    f.source.timeOut(0);
    QCOMPARE(f.model.entry(unknown)->state, OutboxEntry::State::Unknown);
    // Done and in-flight actions are not retried; in flight, not discarded either.
    QVERIFY(!f.outbox.retry(inFlight));
    QVERIFY(!f.outbox.discard(inFlight));
    QVERIFY(!f.outbox.retry("no-such-id"));
    f.source.answer(1, QJsonObject{});
    QVERIFY(!f.outbox.retry(inFlight));
    QVERIFY(f.outbox.retry(unknown));
    QCOMPARE(f.source.requests.size(), 3);
    QCOMPARE(f.source.requests[2].payload["request_id"].toString(), unknown);
    QCOMPARE(f.model.entry(unknown)->attempts, 1);
    f.source.timeOut(2);
    QVERIFY(f.outbox.discard(unknown));
    QVERIFY(!f.model.entry(unknown));
    QCOMPARE(f.outbox.waitingCount(), 0);
}

void tst_Outbox::storeKeepsWaitingActionsPerPerson()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const OutboxStore store(dir.path());
    const OutboxStore::Key jane{QUrl("http://127.0.0.1:4000/"), "cafe1", "u-jane"};
    const OutboxStore::Key bob{QUrl("http://127.0.0.1:4000"), "cafe1", "u-bob"};
    const OutboxStore::Key otherCafe{QUrl("http://127.0.0.1:4000"), "cafe2", "u-jane"};
    Fixture f;
    f.source.connectNamespaces({"/orders"}, false);
    const QString sent = f.submit();
    f.outbox.flush();
    f.source.connectNamespaces({}, false);
    f.source.drop();
    const QString pending = f.submit();
    const QString done = f.submit();
    f.model.setState(done, OutboxEntry::State::Done);
    f.model.setState(sent, OutboxEntry::State::Sent);
    QVERIFY(store.save(jane, f.model.rows(), true));
    // Only Jane's, in this cafe on this hub: the trailing slash names the same hub.
    QCOMPARE(store.load(bob).size(), 0);
    QCOMPARE(store.load(otherCafe).size(), 0);
    const QList<OutboxEntry> back = store.load({QUrl("http://127.0.0.1:4000"), "cafe1", "u-jane"});
    QCOMPARE(back.size(), 2); // done ones are not kept
    QCOMPARE(back[0].requestId, sent);
    QCOMPARE(back[0].state, OutboxEntry::State::Pending); // our hub: out again, same request id
    QCOMPARE(back[0].payload["request_id"].toString(), sent);
    QCOMPARE(back[0].payload["customer_name"].toString(), QStringLiteral("Ann"));
    QCOMPARE(back[0].attempts, 1);
    QCOMPARE(back[1].requestId, pending);
    QCOMPARE(back[1].createdAt, f.model.entry(pending)->createdAt);
    // A server that may apply a request twice: what went out comes back unknown.
    QVERIFY(store.save(jane, f.model.rows(), false));
    const QList<OutboxEntry> careful = store.load(jane);
    QCOMPARE(careful[0].state, OutboxEntry::State::Unknown);
    QCOMPARE(careful[1].state, OutboxEntry::State::Pending);
    // A file written for someone else under Jane's name, or damaged, is not read.
    QFile::remove(store.filePath(jane));
    QVERIFY(store.save(bob, f.model.rows(), true));
    QVERIFY(QFile::copy(store.filePath(bob), store.filePath(jane)));
    QString error;
    QCOMPARE(store.load(jane, &error).size(), 0);
    QCOMPARE(error, QStringLiteral("written for another hub, cafe or person"));
    QFile damaged(store.filePath(bob));
    QVERIFY(damaged.open(QIODevice::WriteOnly | QIODevice::Truncate));
    damaged.write("{\"version\":1,\"entries\":[");
    damaged.close();
    QCOMPARE(store.load(bob, &error).size(), 0);
    QVERIFY(!error.isEmpty());
    // An action with a PIN waits in memory only: it is never written.
    const QString pin = f.outbox.submit("/employees", "set_staff_pin",
                                        {{"user_id", "u-eve"}, {"pin", "482913"}}, "new PIN");
    QVERIFY(f.model.entry(pin));
    QVERIFY(store.save(jane, f.model.rows(), true));
    QCOMPARE(store.load(jane).size(), 2);
    QFile written(store.filePath(jane));
    QVERIFY(written.open(QIODevice::ReadOnly));
    QVERIFY(!written.readAll().contains("482913"));
    // Nothing waiting: no file.
    QVERIFY(store.save(bob, {}, true));
    QVERIFY(!QFile::exists(store.filePath(bob)));
    // Without a directory nothing is stored.
    QVERIFY(!OutboxStore().save(jane, f.model.rows(), true));
}
