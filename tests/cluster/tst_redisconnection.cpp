// RedisConnection against a Redis that misbehaves (a QTcpServer on 127.0.0.1 speaking RESP by
// hand, as a hostile or broken server would): messages delivered, every bad reply (too large,
// too many elements, out of turn, shapes hiredis 0.14 asserts on) drops the connection instead
// of the process, the connection comes back and subscribes again, and callbacks of commands in
// flight learn that the connection went.
#include "rediscluster.h"
#include "redisconnection.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace TableTap;

class tst_RedisConnection : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void deliversMessages();
    void refusesBadReplies_data();
    void refusesBadReplies();
    void resubscribesAfterReconnect();
    void callbacksLearnTheLoss();
    void clusterUrls_data();
    void clusterUrls();

private:
    static QTcpSocket *nextClient(QTcpServer &server);
    static bool waitFor(QTcpSocket *socket, const QByteArray &what);
};

namespace {
const QByteArray subscribed = "*3\r\n$9\r\nsubscribe\r\n$2\r\nch\r\n:1\r\n";

RedisConnection::Options optionsFor(quint16 port, bool subscriber)
{
    RedisConnection::Options o;
    o.port = port;
    o.subscriber = subscriber;
    o.reconnectInterval = 20;
    o.maxReplyBytes = 64 * 1024;
    return o;
}
} // namespace

QTcpSocket *tst_RedisConnection::nextClient(QTcpServer &server)
{
    // The event loop must run meanwhile: the connection's retry timer lives on it.
    QDeadlineTimer deadline(5000);
    while (!server.hasPendingConnections() && !deadline.hasExpired())
        QTest::qWait(5);
    return server.nextPendingConnection();
}

bool tst_RedisConnection::waitFor(QTcpSocket *socket, const QByteArray &what)
{
    QByteArray seen;
    QDeadlineTimer deadline(5000);
    while (!deadline.hasExpired()) {
        seen += socket->readAll();
        if (seen.contains(what))
            return true;
        QTest::qWait(5);
    }
    return false;
}

void tst_RedisConnection::deliversMessages()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    RedisConnection c(optionsFor(server.serverPort(), true));
    QSignalSpy messages(&c, &RedisConnection::message);
    c.subscribe("ch");
    c.psubscribe("p*");
    c.start();
    QTcpSocket *s = nextClient(server);
    QVERIFY(s);
    QVERIFY(waitFor(s, "PSUBSCRIBE"));
    s->write(subscribed + "*3\r\n$10\r\npsubscribe\r\n$2\r\np*\r\n:2\r\n"
             + QByteArray("*3\r\n$7\r\nmessage\r\n$2\r\nch\r\n$5\r\nhel\x00o\r\n", 36)
             + "*4\r\n$8\r\npmessage\r\n$2\r\np*\r\n$2\r\npq\r\n$0\r\n\r\n");
    QTRY_COMPARE(messages.size(), 2);
    QCOMPARE(messages[0][0].toByteArray(), "ch");
    QCOMPARE(messages[0][1].toByteArray(), QByteArray("hel\x00o", 5));
    QCOMPARE(messages[1][0].toByteArray(), "pq");
    QCOMPARE(messages[1][1].toByteArray(), QByteArray());
    QVERIFY(c.isConnected());
}

void tst_RedisConnection::refusesBadReplies_data()
{
    QTest::addColumn<bool>("subscriber");
    QTest::addColumn<QByteArray>("reply");
    QTest::addColumn<bool>("oversized");
    QTest::newRow("bulk over the bound")
        << true
        << QByteArray("*3\r\n$7\r\nmessage\r\n$2\r\nch\r\n$100000000\r\n")
               + QByteArray(200 * 1024, 'x')
        << true;
    QTest::newRow("array of a million") << true << QByteArray("*1000000\r\n") << false;
    QTest::newRow("array of 2^40") << true << QByteArray("*1099511627776\r\n") << false;
    QTest::newRow("one-element array") << true << QByteArray("*1\r\n$7\r\nmessage\r\n") << false;
    QTest::newRow("integer first")
        << true << QByteArray("*3\r\n:1\r\n$2\r\nch\r\n$1\r\nx\r\n") << false;
    QTest::newRow("nil first") << true << QByteArray("*3\r\n$-1\r\n$2\r\nch\r\n$1\r\nx\r\n")
                               << false;
    QTest::newRow("array first") << true << QByteArray("*3\r\n*0\r\n$2\r\nch\r\n$1\r\nx\r\n")
                                 << false;
    QTest::newRow("unsubscribe") << true << QByteArray("*2\r\n$11\r\nunsubscribe\r\n$2\r\nch\r\n")
                                 << false;
    QTest::newRow("unsubscribe, three") << true
                                        << QByteArray("*3\r\n$11\r\nunsubscribe\r\n$2\r\nch\r\n"
                                                      "$1\r\nx\r\n")
                                        << false;
    QTest::newRow("garbage") << true << QByteArray("?garbage\r\n") << false;
    QTest::newRow("reply out of turn") << false << QByteArray(":1\r\n:1\r\n") << false;
    QTest::newRow("status out of turn") << false << QByteArray(":1\r\n+OK\r\n") << false;
    QTest::newRow("publisher: array of a million") << false << QByteArray("*1000000\r\n") << false;
    QTest::newRow("publisher: bulk over the bound")
        << false << QByteArray("$100000000\r\n") + QByteArray(200 * 1024, 'x') << true;
}

void tst_RedisConnection::refusesBadReplies()
{
    QFETCH(bool, subscriber);
    QFETCH(QByteArray, reply);
    QFETCH(bool, oversized);
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    RedisConnection c(optionsFor(server.serverPort(), subscriber));
    QSignalSpy connected(&c, &RedisConnection::connected);
    QSignalSpy disconnected(&c, &RedisConnection::disconnected);
    QSignalSpy messages(&c, &RedisConnection::message);
    if (subscriber)
        c.subscribe("ch");
    c.start();
    QTcpSocket *s = nextClient(server);
    QVERIFY(s);
    if (subscriber) {
        QVERIFY(waitFor(s, "SUBSCRIBE"));
        s->write(subscribed);
    } else {
        QTRY_COMPARE(connected.size(), 1);
        QVERIFY(c.command({"PUBLISH", "ch", "x"}));
        QVERIFY(waitFor(s, "PUBLISH"));
    }
    s->write(reply);
    QTRY_COMPARE_WITH_TIMEOUT(disconnected.size(), 1, 5000);
    QCOMPARE(messages.size(), 0);
    QCOMPARE(c.droppedReplies(), oversized ? 1 : 0);
    // It comes back by itself.
    QTcpSocket *again = nextClient(server);
    QVERIFY(again);
    QTRY_COMPARE(connected.size(), 2);
}

void tst_RedisConnection::resubscribesAfterReconnect()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    RedisConnection c(optionsFor(server.serverPort(), true));
    QSignalSpy messages(&c, &RedisConnection::message);
    c.subscribe("ch");
    c.start();
    QTcpSocket *first = nextClient(server);
    QVERIFY(first);
    QVERIFY(waitFor(first, "SUBSCRIBE"));
    first->write(subscribed);
    first->close();
    QTcpSocket *second = nextClient(server);
    QVERIFY(second);
    QVERIFY(waitFor(second, "$2\r\nch\r\n"));
    second->write(subscribed + "*3\r\n$7\r\nmessage\r\n$2\r\nch\r\n$4\r\nback\r\n");
    QTRY_COMPARE(messages.size(), 1);
    QCOMPARE(messages[0][1].toByteArray(), "back");
    QCOMPARE(c.connectCount(), 2);
}

void tst_RedisConnection::callbacksLearnTheLoss()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    RedisConnection c(optionsFor(server.serverPort(), false));
    QSignalSpy connected(&c, &RedisConnection::connected);
    QVERIFY(!c.command({"PUBLISH", "ch", "x"})); // not connected yet: not sent
    c.start();
    QTcpSocket *s = nextClient(server);
    QVERIFY(s);
    QTRY_COMPARE(connected.size(), 1);
    QList<std::pair<bool, qint64>> replies;
    auto record = [&replies](bool ok, qint64 n) {
        replies.append({ok, n});
    };
    QVERIFY(c.command({"PUBLISH", "ch", "x"}, record));
    QVERIFY(c.command({"PUBLISH", "ch", "y"}, record));
    QVERIFY(waitFor(s, "$1\r\ny\r\n"));
    s->write(":3\r\n"); // the first answered, the second never
    QTRY_COMPARE(replies.size(), 1);
    QCOMPARE(replies[0], std::make_pair(true, qint64(3)));
    s->close();
    QTRY_COMPARE(replies.size(), 2);
    QCOMPARE(replies[1].first, false);
}

void tst_RedisConnection::clusterUrls_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QByteArray>("host");
    QTest::addColumn<int>("port");
    QTest::newRow("host and port")
        << "redis://10.0.0.5:6380" << true << QByteArray("10.0.0.5") << 6380;
    QTest::newRow("default port") << "redis://cache.local" << true << QByteArray("cache.local")
                                  << 6379;
    QTest::newRow("ipv6") << "redis://[::1]:7000" << true << QByteArray("::1") << 7000;
    QTest::newRow("other scheme") << "http://h:1" << false << QByteArray("127.0.0.1") << 6379;
    QTest::newRow("no host") << "redis://:6379" << false << QByteArray("127.0.0.1") << 6379;
    QTest::newRow("not a url") << "127.0.0.1:6379" << false << QByteArray("127.0.0.1") << 6379;
}

void tst_RedisConnection::clusterUrls()
{
    QFETCH(QString, url);
    QFETCH(bool, ok);
    QFETCH(QByteArray, host);
    QFETCH(int, port);
    bool parsed = !ok;
    const RedisCluster::Options o = RedisCluster::fromUrl(QUrl(url), &parsed);
    QCOMPARE(parsed, ok);
    QCOMPARE(o.host, host);
    QCOMPARE(int(o.port), port);
}

QTEST_MAIN(tst_RedisConnection)
#include "tst_redisconnection.moc"
