// EpollEventDispatcher as the main thread's dispatcher: timers (order, repeat, zero interval,
// killed by another timer in the same pass, very coarse, remaining time, per-object lists),
// socket notifiers (level-triggered, enable/disable, the lazily dropped write interest, a
// notifier deleted or a descriptor reused during a pass, hang-up), descriptor watchers (the
// notifier-free way: level-triggered, unwatched in the middle of a pass), posted events and
// wake-ups from other threads, interrupt, nested loops, excluded notifiers, and a TCP round trip.
#include "epolleventdispatcher.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QPointer>
#include <QSocketNotifier>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <sys/socket.h>
#include <unistd.h>

#include <functional>
#include <thread>

using namespace TableTap;

namespace {

// A connected pair of stream sockets, closed at the end of the scope.
struct SocketPair
{
    SocketPair() { ::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, fd); }
    ~SocketPair()
    {
        for (int f : fd)
            if (f >= 0)
                ::close(f);
    }
    void closeEnd(int i)
    {
        ::close(fd[i]);
        fd[i] = -1;
    }
    int fd[2] = {-1, -1};
};

void spin(int ms)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
}

// A descriptor watcher that counts its calls and may run something on each.
struct CountingWatcher final : FdWatcher
{
    int reads = 0;
    int writes = 0;
    std::function<void()> onCall;
    void fdActivated(int, int type) override
    {
        if (type == QSocketNotifier::Read)
            ++reads;
        else if (type == QSocketNotifier::Write)
            ++writes;
        if (onCall)
            onCall();
    }
};

class TimerCounter : public QObject
{
public:
    QList<int> fired;
    std::function<void(int)> onFire;

protected:
    void timerEvent(QTimerEvent *e) override
    {
        fired << e->timerId();
        if (onFire)
            onFire(e->timerId());
    }
};

} // namespace

class tst_EpollEventDispatcher : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void installed();
    void singleShotNotEarly();
    void timersFireInDeadlineOrder();
    void repeatingTimerAndStop();
    void zeroIntervalTimerLetsSocketsIn();
    void timerKilledByAnotherInSamePass();
    void veryCoarseTimerWithinHalfASecond();
    void timerBookkeeping();
    void readNotifierIsLevelTriggered();
    void writeNotifierDisabledStaysQuiet();
    void notifierDeletedDuringPass();
    void descriptorReused();
    void hangUpReachesReader();
    void watcherIsLevelTriggeredAndUnwatches();
    void watcherUnwatchedDuringPassIsNotCalled();
    void postedEventsFromAnotherThread();
    void quitFromAnotherThread();
    void deferredDelete();
    void nestedLoopDoesNotReenterTimer();
    void excludeSocketNotifiers();
    void tcpRoundTrip();
};

void tst_EpollEventDispatcher::installed()
{
    QVERIFY(qobject_cast<EpollEventDispatcher *>(QAbstractEventDispatcher::instance()));
}

void tst_EpollEventDispatcher::singleShotNotEarly()
{
    QElapsedTimer clock;
    clock.start();
    qint64 firedAt = -1;
    QTimer::singleShot(30, Qt::PreciseTimer, this, [&] { firedAt = clock.elapsed(); });
    QTRY_VERIFY_WITH_TIMEOUT(firedAt >= 0, 5000);
    QVERIFY2(firedAt >= 30, qPrintable(QString::number(firedAt)));
}

void tst_EpollEventDispatcher::timersFireInDeadlineOrder()
{
    QList<int> order;
    QTimer::singleShot(30, Qt::PreciseTimer, this, [&] { order << 30; });
    QTimer::singleShot(10, Qt::PreciseTimer, this, [&] { order << 10; });
    QTimer::singleShot(20, Qt::PreciseTimer, this, [&] { order << 20; });
    QTRY_COMPARE_WITH_TIMEOUT(order.size(), 3, 5000);
    QCOMPARE(order, (QList<int>{10, 20, 30}));
}

void tst_EpollEventDispatcher::repeatingTimerAndStop()
{
    QTimer timer;
    timer.setInterval(5);
    int count = 0;
    connect(&timer, &QTimer::timeout, this, [&] { ++count; });
    timer.start();
    QTRY_VERIFY_WITH_TIMEOUT(count >= 5, 5000);
    timer.stop();
    const int stoppedAt = count;
    spin(50);
    QCOMPARE(count, stoppedAt);
}

void tst_EpollEventDispatcher::zeroIntervalTimerLetsSocketsIn()
{
    SocketPair pair;
    QSocketNotifier notifier(pair.fd[0], QSocketNotifier::Read);
    bool readable = false;
    connect(&notifier, &QSocketNotifier::activated, this, [&] {
        char c;
        while (::read(pair.fd[0], &c, 1) > 0) {
        }
        readable = true;
    });
    QTimer busy;
    busy.setInterval(0);
    int turns = 0;
    connect(&busy, &QTimer::timeout, this, [&] { ++turns; });
    busy.start();
    QTRY_VERIFY_WITH_TIMEOUT(turns > 10, 5000);
    QCOMPARE(::write(pair.fd[1], "x", 1), 1);
    QTRY_VERIFY_WITH_TIMEOUT(readable, 5000);
    busy.stop();
}

void tst_EpollEventDispatcher::timerKilledByAnotherInSamePass()
{
    TimerCounter counter;
    const int a = counter.startTimer(10, Qt::PreciseTimer);
    const int b = counter.startTimer(10, Qt::PreciseTimer);
    QVERIFY(a > 0 && b > 0);
    // Whichever fires first kills the other; both are due in the same pass.
    counter.onFire = [&](int id) {
        counter.killTimer(id == a ? b : a);
        counter.killTimer(id);
    };
    QThread::msleep(20);
    QTRY_COMPARE_WITH_TIMEOUT(counter.fired.size(), 1, 5000);
    spin(50);
    QCOMPARE(counter.fired.size(), 1);
    QVERIFY(QAbstractEventDispatcher::instance()->registeredTimers(&counter).isEmpty());
}

void tst_EpollEventDispatcher::veryCoarseTimerWithinHalfASecond()
{
    QElapsedTimer clock;
    clock.start();
    qint64 firedAt = -1;
    QTimer::singleShot(1000, Qt::VeryCoarseTimer, this, [&] { firedAt = clock.elapsed(); });
    QTRY_VERIFY_WITH_TIMEOUT(firedAt >= 0, 5000);
    QVERIFY2(firedAt >= 490 && firedAt <= 1600, qPrintable(QString::number(firedAt)));
}

void tst_EpollEventDispatcher::timerBookkeeping()
{
    auto *dispatcher = QAbstractEventDispatcher::instance();
    auto *owner = new TimerCounter;
    const int id = owner->startTimer(500, Qt::PreciseTimer);
    owner->startTimer(700, Qt::CoarseTimer);
    const auto timers = dispatcher->registeredTimers(owner);
    QCOMPARE(timers.size(), 2);
    const int left = dispatcher->remainingTime(id);
    QVERIFY2(left > 0 && left <= 500, qPrintable(QString::number(left)));
    QCOMPARE(dispatcher->remainingTime(987654), -1);
    delete owner; // unregisters its timers
    QCOMPARE(dispatcher->remainingTime(id), -1);
}

void tst_EpollEventDispatcher::readNotifierIsLevelTriggered()
{
    SocketPair pair;
    QSocketNotifier notifier(pair.fd[0], QSocketNotifier::Read);
    int activations = 0;
    connect(&notifier, &QSocketNotifier::activated, this, [&] { ++activations; });
    QCOMPARE(::write(pair.fd[1], "ab", 2), 2);
    QTRY_VERIFY_WITH_TIMEOUT(activations > 0, 5000);
    // Unread data keeps it firing, as with poll().
    const int first = activations;
    spin(30);
    QVERIFY(activations > first);
    notifier.setEnabled(false);
    const int disabledAt = activations;
    spin(30);
    QCOMPARE(activations, disabledAt);
    notifier.setEnabled(true);
    QTRY_VERIFY_WITH_TIMEOUT(activations > disabledAt, 5000);
    char buf[2];
    QCOMPARE(::read(pair.fd[0], buf, 2), 2);
    spin(10);
    const int drained = activations;
    spin(30);
    QCOMPARE(activations, drained);
}

void tst_EpollEventDispatcher::writeNotifierDisabledStaysQuiet()
{
    SocketPair pair;
    QSocketNotifier writer(pair.fd[0], QSocketNotifier::Write);
    int writes = 0;
    // Like QAbstractSocket: turn the notifier off once it fired.
    connect(&writer, &QSocketNotifier::activated, this, [&] {
        ++writes;
        writer.setEnabled(false);
    });
    QTRY_COMPARE_WITH_TIMEOUT(writes, 1, 5000);
    spin(50);
    QCOMPARE(writes, 1);
    for (int round = 2; round <= 5; ++round) {
        writer.setEnabled(true);
        QTRY_COMPARE_WITH_TIMEOUT(writes, round, 5000);
    }
    spin(30);
    QCOMPARE(writes, 5);
}

void tst_EpollEventDispatcher::notifierDeletedDuringPass()
{
    SocketPair a, b;
    QPointer<QSocketNotifier> first = new QSocketNotifier(a.fd[0], QSocketNotifier::Read);
    QPointer<QSocketNotifier> second = new QSocketNotifier(b.fd[0], QSocketNotifier::Read);
    int firstCount = 0, secondCount = 0;
    // Whichever runs first deletes the other: exactly one may fire.
    connect(first, &QSocketNotifier::activated, this, [&] {
        ++firstCount;
        delete second.data();
        first->setEnabled(false);
    });
    connect(second, &QSocketNotifier::activated, this, [&] {
        ++secondCount;
        delete first.data();
        second->setEnabled(false);
    });
    QCOMPARE(::write(a.fd[1], "x", 1), 1);
    QCOMPARE(::write(b.fd[1], "x", 1), 1);
    QTRY_COMPARE_WITH_TIMEOUT(firstCount + secondCount, 1, 5000);
    spin(30);
    QCOMPARE(firstCount + secondCount, 1);
    delete first.data();
    delete second.data();
}

void tst_EpollEventDispatcher::descriptorReused()
{
    int oldFd = -1;
    {
        SocketPair pair;
        oldFd = pair.fd[0];
        QSocketNotifier notifier(pair.fd[0], QSocketNotifier::Read);
        QCOMPARE(::write(pair.fd[1], "x", 1), 1);
        bool fired = false;
        connect(&notifier, &QSocketNotifier::activated, this, [&] {
            fired = true;
            notifier.setEnabled(false);
        });
        QTRY_VERIFY_WITH_TIMEOUT(fired, 5000);
    }
    SocketPair reused;
    QSocketNotifier notifier(reused.fd[0], QSocketNotifier::Read);
    bool fired = false;
    connect(&notifier, &QSocketNotifier::activated, this, [&] {
        char c;
        (void)::read(reused.fd[0], &c, 1);
        fired = true;
    });
    spin(20);
    QVERIFY(!fired); // nothing written yet: no stale readiness from the old descriptor
    QCOMPARE(::write(reused.fd[1], "y", 1), 1);
    QTRY_VERIFY_WITH_TIMEOUT(fired, 5000);
    Q_UNUSED(oldFd);
}

void tst_EpollEventDispatcher::hangUpReachesReader()
{
    SocketPair pair;
    QSocketNotifier notifier(pair.fd[0], QSocketNotifier::Read);
    bool sawEof = false;
    connect(&notifier, &QSocketNotifier::activated, this, [&] {
        char c;
        if (::read(pair.fd[0], &c, 1) == 0) {
            sawEof = true;
            notifier.setEnabled(false);
        }
    });
    pair.closeEnd(1);
    QTRY_VERIFY_WITH_TIMEOUT(sawEof, 5000);
}

void tst_EpollEventDispatcher::watcherIsLevelTriggeredAndUnwatches()
{
    auto *dispatcher = EpollEventDispatcher::current();
    QVERIFY(dispatcher);
    SocketPair pair;
    CountingWatcher w;
    dispatcher->watch(pair.fd[0], QSocketNotifier::Read, &w);
    spin(30);
    QCOMPARE(w.reads, 0); // nothing to read yet
    QCOMPARE(::write(pair.fd[1], "x", 1), 1);
    spin(30);
    QVERIFY(w.reads >= 2); // level-triggered: unread data keeps it coming
    // Writable at once; turned off, it stays quiet.
    dispatcher->watch(pair.fd[0], QSocketNotifier::Write, &w);
    spin(30);
    QVERIFY(w.writes >= 1);
    dispatcher->unwatch(pair.fd[0], QSocketNotifier::Write, &w);
    dispatcher->unwatch(pair.fd[0], QSocketNotifier::Read, &w);
    const int reads = w.reads;
    const int writes = w.writes;
    spin(30);
    QCOMPARE(w.reads, reads);
    QCOMPARE(w.writes, writes);
}

void tst_EpollEventDispatcher::watcherUnwatchedDuringPassIsNotCalled()
{
    // Two descriptors ready in the same pass; the first one's watcher unwatches the second
    // (as a connection closing another would): the second must not be called with a stale event.
    auto *dispatcher = EpollEventDispatcher::current();
    QVERIFY(dispatcher);
    SocketPair a;
    SocketPair b;
    CountingWatcher wa;
    CountingWatcher wb;
    wa.onCall = [&] {
        dispatcher->unwatch(a.fd[0], QSocketNotifier::Read, &wa);
        dispatcher->unwatch(b.fd[0], QSocketNotifier::Read, &wb);
    };
    wb.onCall = [&] {
        dispatcher->unwatch(a.fd[0], QSocketNotifier::Read, &wa);
        dispatcher->unwatch(b.fd[0], QSocketNotifier::Read, &wb);
    };
    dispatcher->watch(a.fd[0], QSocketNotifier::Read, &wa);
    dispatcher->watch(b.fd[0], QSocketNotifier::Read, &wb);
    QCOMPARE(::write(a.fd[1], "x", 1), 1);
    QCOMPARE(::write(b.fd[1], "y", 1), 1);
    spin(50);
    QCOMPARE(wa.reads + wb.reads, 1);
}

void tst_EpollEventDispatcher::postedEventsFromAnotherThread()
{
    int delivered = 0;
    std::thread poster([this, &delivered] {
        for (int i = 0; i < 100; ++i)
            QMetaObject::invokeMethod(
                this, [&delivered] { ++delivered; }, Qt::QueuedConnection);
    });
    poster.join();
    QTRY_COMPARE_WITH_TIMEOUT(delivered, 100, 5000);
    // A wake-up long after the loop went to sleep.
    bool late = false;
    std::thread sleeper([this, &late] {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        QMetaObject::invokeMethod(
            this, [&late] { late = true; }, Qt::QueuedConnection);
    });
    QEventLoop loop;
    QTimer::singleShot(5000, &loop, &QEventLoop::quit);
    QTimer::singleShot(1, this, [&] {
        // Checked from inside the blocked loop.
        auto *check = new QTimer(&loop);
        connect(check, &QTimer::timeout, &loop, [&] {
            if (late)
                loop.quit();
        });
        check->start(5);
    });
    loop.exec();
    sleeper.join();
    QVERIFY(late);
}

void tst_EpollEventDispatcher::quitFromAnotherThread()
{
    QEventLoop loop;
    QTimer::singleShot(10000, &loop, [&loop] { loop.exit(2); });
    std::thread quitter([&loop] {
        std::this_thread::sleep_for(std::chrono::milliseconds(30));
        QMetaObject::invokeMethod(
            &loop, [&loop] { loop.exit(1); }, Qt::QueuedConnection);
    });
    const int rc = loop.exec();
    quitter.join();
    QCOMPARE(rc, 1);
}

void tst_EpollEventDispatcher::deferredDelete()
{
    QPointer<QObject> doomed = new QObject;
    doomed->deleteLater();
    QTRY_VERIFY_WITH_TIMEOUT(doomed.isNull(), 5000);
}

void tst_EpollEventDispatcher::nestedLoopDoesNotReenterTimer()
{
    SocketPair pair;
    QTimer timer;
    timer.setInterval(1);
    int entries = 0, depth = 0, maxDepth = 0;
    bool nestedDone = false;
    connect(&timer, &QTimer::timeout, this, [&] {
        ++entries;
        ++depth;
        maxDepth = std::max(maxDepth, depth);
        if (entries == 1) {
            // A nested loop that waits for a socket for a while; the timer keeps its interval.
            QEventLoop inner;
            QSocketNotifier notifier(pair.fd[0], QSocketNotifier::Read);
            connect(&notifier, &QSocketNotifier::activated, &inner, &QEventLoop::quit);
            QTimer::singleShot(30, &inner, [&pair] { (void)::write(pair.fd[1], "x", 1); });
            QTimer::singleShot(5000, &inner, &QEventLoop::quit);
            inner.exec();
            nestedDone = true;
        }
        --depth;
    });
    timer.start();
    QTRY_VERIFY_WITH_TIMEOUT(nestedDone && entries > 3, 5000);
    timer.stop();
    QCOMPARE(maxDepth, 1);
}

void tst_EpollEventDispatcher::excludeSocketNotifiers()
{
    SocketPair pair;
    QSocketNotifier notifier(pair.fd[0], QSocketNotifier::Read);
    int activations = 0;
    connect(&notifier, &QSocketNotifier::activated, this, [&] { ++activations; });
    QCOMPARE(::write(pair.fd[1], "x", 1), 1);
    bool posted = false;
    QMetaObject::invokeMethod(
        this, [&posted] { posted = true; }, Qt::QueuedConnection);
    for (int i = 0; i < 5; ++i)
        QCoreApplication::processEvents(QEventLoop::ExcludeSocketNotifiers);
    QVERIFY(posted);
    QCOMPARE(activations, 0);
    QTRY_VERIFY_WITH_TIMEOUT(activations > 0, 5000);
    notifier.setEnabled(false);
}

void tst_EpollEventDispatcher::tcpRoundTrip()
{
    // A megabyte each way through QTcpSocket's buffers: the write notifier turns on and off
    // many times, and the reader is throttled by a small read buffer.
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, server.serverPort());
    QTRY_VERIFY_WITH_TIMEOUT(server.hasPendingConnections(), 5000);
    QTcpSocket *peer = server.nextPendingConnection();
    QVERIFY(peer);
    peer->setReadBufferSize(4096);
    QByteArray echoed;
    connect(peer, &QTcpSocket::readyRead, this, [peer] { peer->write(peer->readAll()); });
    connect(&client, &QTcpSocket::readyRead, this, [&] { echoed += client.readAll(); });
    QByteArray payload(1 << 20, Qt::Uninitialized);
    for (qsizetype i = 0; i < payload.size(); ++i)
        payload[i] = char(i * 31 + (i >> 9));
    for (qsizetype off = 0; off < payload.size(); off += 10000)
        client.write(payload.mid(off, 10000));
    QTRY_COMPARE_WITH_TIMEOUT(echoed.size(), payload.size(), 20000);
    QVERIFY(echoed == payload);
    bool disconnected = false;
    connect(peer, &QTcpSocket::disconnected, this, [&] { disconnected = true; });
    client.disconnectFromHost();
    QTRY_VERIFY_WITH_TIMEOUT(disconnected, 5000);
}

int main(int argc, char *argv[])
{
    // Installed before the application object exists, exactly as tabletap-hub does.
    QCoreApplication::setEventDispatcher(new EpollEventDispatcher);
    QCoreApplication app(argc, argv);
    tst_EpollEventDispatcher test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_epolleventdispatcher.moc"
