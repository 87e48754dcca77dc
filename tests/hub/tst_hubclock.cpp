// The hub when the wall clock jumps (an operator fixing the time, NTP stepping it): intervals
// run on the monotonic clock, so command rate limits and sign-in lockouts last what they say,
// card answers and stock-update windows come on time, and a QR code still expires at the wall
// time printed on it. Driven through ManualClock::setWallClock (the system clock of a shared
// machine is never touched); SystemClock's two clocks are checked for what can be checked.
#include "hubtestfixture.h"
#include "signinservice.h"
#include "systemclock.h"

using namespace TableTap;
using namespace TableTap::Test;
using namespace Qt::StringLiterals;

class TestHubClock : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void rateLimitIgnoresWallClockJumps();
    void signInLockoutIgnoresWallClockJumps();
    void cardAnswerComesAfterBackwardJump();
    void stockWindowFlushesAfterBackwardJump();
    void qrExpiresAtItsWallTime();
    void systemClock();

private:
    QString orderFor(const HubActor &who);
    QList<HubEvent> timerEvents(const std::function<void()> &during);

    std::unique_ptr<HubFixture> m_f;
};

void TestHubClock::init()
{
    m_f = std::make_unique<HubFixture>();
}

void TestHubClock::cleanup()
{
    m_f.reset();
}

QString TestHubClock::orderFor(const HubActor &who)
{
    const CommandResult r = m_f->order(who, u"Latte"_s);
    return r.data().value(u"order").toObject().value(u"id").toString();
}

QList<HubEvent> TestHubClock::timerEvents(const std::function<void()> &during)
{
    QList<HubEvent> got;
    QObject context;
    connect(m_f->hub.get(), &HubDomain::eventsReady, &context,
            [&got](const HubEventList &events) { got += events; });
    during();
    return got;
}

void TestHubClock::rateLimitIgnoresWallClockJumps()
{
    const HubActor e = m_f->employee();
    const auto menu = [&] {
        return m_f->run(e, u"/orders"_s, u"list_menu"_s);
    };
    for (int i = 0; i < 100; ++i)
        QVERIFY(menu().ok());
    QCOMPARE(menu().errorType(), u"RATE_LIMITED"_s);
    // A day forward on the wall clock refills nothing: no time has passed.
    m_f->clock.setWallClock(m_f->clock.nowMs() + 24 * 3600 * 1000LL);
    QCOMPARE(menu().errorType(), u"RATE_LIMITED"_s);
    // 100 ms later: 5 more (50 a second).
    m_f->clock.advance(100);
    for (int i = 0; i < 5; ++i)
        QVERIFY2(menu().ok(), qPrintable(QString::number(i)));
    QCOMPARE(menu().errorType(), u"RATE_LIMITED"_s);
    // A day back does not lock the user out for a day either.
    m_f->clock.setWallClock(m_f->clock.nowMs() - 48 * 3600 * 1000LL);
    m_f->clock.advance(1000);
    for (int i = 0; i < 50; ++i)
        QVERIFY2(menu().ok(), qPrintable(QString::number(i)));
    QCOMPARE(menu().errorType(), u"RATE_LIMITED"_s);
}

void TestHubClock::signInLockoutIgnoresWallClockJumps()
{
    SignInService &s = m_f->hub->signInService();
    const auto attempt = [&](const QString &code, const QString &pin) {
        return s.signIn(u"cafe1"_s, code, pin, QString()).status;
    };
    for (int i = 0; i < 5; ++i)
        QCOMPARE(attempt(u"EMP001"_s, u"0000"_s), SignInResult::Status::InvalidCredentials);
    QCOMPARE(attempt(u"EMP001"_s, u"1234"_s), SignInResult::Status::RateLimited);
    // An hour forward on the wall clock does not lift the 1 s lock...
    m_f->clock.setWallClock(m_f->clock.nowMs() + 3600 * 1000LL);
    QCOMPARE(attempt(u"EMP001"_s, u"1234"_s), SignInResult::Status::RateLimited);
    // ...one second does.
    m_f->clock.advance(1000);
    QCOMPARE(attempt(u"EMP001"_s, u"1234"_s), SignInResult::Status::Ok);

    // An hour back does not stretch the lock to an hour.
    for (int i = 0; i < 5; ++i)
        QCOMPARE(attempt(u"EMP002"_s, u"0000"_s), SignInResult::Status::InvalidCredentials);
    m_f->clock.setWallClock(m_f->clock.nowMs() - 3600 * 1000LL);
    QCOMPARE(attempt(u"EMP002"_s, u"1234"_s), SignInResult::Status::RateLimited);
    m_f->clock.advance(1000);
    QCOMPARE(attempt(u"EMP002"_s, u"1234"_s), SignInResult::Status::Ok);
}

void TestHubClock::cardAnswerComesAfterBackwardJump()
{
    const HubActor e = m_f->employee();
    const QString order = orderFor(e);
    const CommandResult started = m_f->run(e, u"/payments"_s, u"start_payment"_s,
                                           {{u"order_id"_s, order}, {u"method"_s, u"card"_s}});
    QVERIFY2(started.ok(), qPrintable(dump(started.ack)));
    const QList<HubEvent> events = timerEvents([&] {
        m_f->clock.setWallClock(m_f->clock.nowMs() - 3600 * 1000LL);
        m_f->clock.advance(1500); // cardProcessingDelayMs
    });
    QCOMPARE(HubFixture::names(events), QStringList{u"payment:completed"_s});
}

void TestHubClock::stockWindowFlushesAfterBackwardJump()
{
    const HubActor e = m_f->employee();
    const CommandResult first = m_f->order(e, u"Latte"_s);
    QVERIFY(HubFixture::find(first, u"inventory:stock_updated"_s));
    // Within the 1 s window: held back and merged.
    const CommandResult second = m_f->order(e, u"Latte"_s);
    QVERIFY(second.ok());
    QVERIFY(!HubFixture::find(second, u"inventory:stock_updated"_s));
    const int items
        = int(std::count_if(first.events.begin(), first.events.end(), [](const HubEvent &x) {
              return x.name == u"inventory:stock_updated";
          }));

    // Set back by an hour: the window still closes a second after it opened.
    QList<HubEvent> flushed = timerEvents([&] {
        m_f->clock.setWallClock(m_f->clock.nowMs() - 3600 * 1000LL);
        m_f->clock.advance(1000);
    });
    QCOMPARE(flushed.size(), items);
    for (const HubEvent &x : flushed)
        QCOMPARE(x.name, u"inventory:stock_updated"_s);

    // Set back by less than a window: the update waits for the window's end by the wall clock
    // (never lost, never much later).
    const CommandResult third = m_f->order(e, u"Latte"_s);
    QVERIFY(
        !HubFixture::find(third, u"inventory:stock_updated"_s)); // the window reopened at the flush
    flushed = timerEvents([&] {
        m_f->clock.setWallClock(m_f->clock.nowMs() - 400);
        m_f->clock.advance(1000);
    });
    QCOMPARE(flushed.size(), 0);
    flushed = timerEvents([&] { m_f->clock.advance(400); });
    QCOMPARE(flushed.size(), items);
}

void TestHubClock::qrExpiresAtItsWallTime()
{
    const HubActor e = m_f->employee();
    const auto startQr = [&] {
        const CommandResult r = m_f->run(e, u"/payments"_s, u"start_payment"_s,
                                         {{u"order_id"_s, orderFor(e)}, {u"method"_s, u"qr"_s}});
        return r.data().value(u"payment").toObject().value(u"transaction_id").toString();
    };
    const qint64 expiryMs = 5 * 60 * 1000; // qr_expiry_minutes

    // Set back by an hour: the code expires when the wall clock reaches the printed time.
    const QString first = startQr();
    QVERIFY(!first.isEmpty());
    QList<HubEvent> events = timerEvents([&] {
        m_f->clock.setWallClock(m_f->clock.nowMs() - 3600 * 1000LL);
        m_f->clock.advance(expiryMs);
    });
    QCOMPARE(events.size(), 0);
    events = timerEvents([&] { m_f->clock.advance(3600 * 1000LL); });
    QCOMPARE(HubFixture::names(events), QStringList{u"payment:failed"_s});
    QCOMPARE(events.first().envelope.value(u"data").toObject().value(u"error_code").toString(),
             u"qr_expired"_s);

    // Set forward by an hour: already expired for the customer and the till, and the timer
    // reports it once, on time.
    const QString second = startQr();
    m_f->clock.setWallClock(m_f->clock.nowMs() + 3600 * 1000LL);
    const CommandResult late
        = m_f->run(e, u"/payments"_s, u"confirm_payment"_s, {{u"transaction_id"_s, second}});
    QCOMPARE(late.errorType(), u"CONFLICT"_s);
    events = timerEvents([&] { m_f->clock.advance(expiryMs); });
    QCOMPARE(HubFixture::names(events), QStringList{u"payment:failed"_s});
    events = timerEvents([&] { m_f->clock.advance(3600 * 1000LL); });
    QCOMPARE(events.size(), 0);
}

void TestHubClock::systemClock()
{
    SystemClock clock;
    const qint64 wall = clock.nowMs();
    QVERIFY(qAbs(wall - QDateTime::currentMSecsSinceEpoch()) < 1000);
    const qint64 start = clock.monotonicMs();
    bool fired = false;
    qint64 firedAt = 0;
    QObject context;
    clock.callAt(clock.nowMs() + 50, &context, [&] {
        fired = true;
        firedAt = clock.monotonicMs();
    });
    QVERIFY(QTest::qWaitFor([&] { return fired; }, 5000));
    QVERIFY2(firedAt - start >= 49, qPrintable(QString::number(firedAt - start)));
    // A callback whose context is gone never runs.
    bool orphan = false;
    {
        QObject gone;
        clock.callAt(clock.nowMs() + 10, &gone, [&] { orphan = true; });
    }
    QTest::qWait(100);
    QVERIFY(!orphan);
}

QTEST_GUILESS_MAIN(TestHubClock)
#include "tst_hubclock.moc"
