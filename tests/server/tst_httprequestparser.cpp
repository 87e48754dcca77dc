// HttpRequestParser fed requests whole, byte by byte, split anywhere and pipelined; limits and
// malformed input give the documented status, never a crash.
#include "httprequestparser.h"

#include <QTest>

using namespace TableTap;
using Status = HttpRequestParser::Status;

class tst_HttpRequestParser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void wholeRequest();
    void byteByByte();
    void splitEverywhere();
    void pipelined();
    void pipelinedByteByByte();
    void queryValues();
    void keepAliveRules();
    void upgradeDetection();
    void errors_data();
    void errors();
    void headTooLargeWithoutEnd();
    void bodyLimitPerRequest();
    void failedHeadAvailableFor413();
    void blankLinesBetweenRequests();
};

namespace {
const QByteArray post = "POST /socket.io/?EIO=4&transport=polling&sid=abc HTTP/1.1\r\n"
                        "Host: 127.0.0.1:3000\r\n"
                        "Content-Type: text/plain;charset=UTF-8\r\n"
                        "Content-Length: 11\r\n"
                        "\r\n"
                        "4hello\x1e"
                        "4abc";
}

void tst_HttpRequestParser::wholeRequest()
{
    HttpRequestParser p;
    p.feed(post);
    QCOMPARE(p.next(), Status::Complete);
    const HttpRequest r = p.takeRequest();
    QCOMPARE(r.method, QByteArray("POST"));
    QCOMPARE(r.path, QByteArray("/socket.io/"));
    QCOMPARE(r.query, QByteArray("EIO=4&transport=polling&sid=abc"));
    QCOMPARE(r.target, QByteArray("/socket.io/?EIO=4&transport=polling&sid=abc"));
    QCOMPARE(r.header("host"), QByteArray("127.0.0.1:3000"));
    QCOMPARE(r.header("content-type"), QByteArray("text/plain;charset=UTF-8"));
    QCOMPARE(r.body, QByteArray("4hello\x1e"
                                "4abc"));
    QCOMPARE(p.next(), Status::NeedMore);
    QVERIFY(!p.hasPartialRequest());
}

void tst_HttpRequestParser::byteByByte()
{
    HttpRequestParser p;
    for (qsizetype i = 0; i < post.size() - 1; ++i) {
        p.feed(post.mid(i, 1));
        QCOMPARE(p.next(), Status::NeedMore);
        QVERIFY(p.hasPartialRequest());
    }
    p.feed(post.right(1));
    QCOMPARE(p.next(), Status::Complete);
    QCOMPARE(p.takeRequest().body, QByteArray("4hello\x1e"
                                              "4abc"));
}

void tst_HttpRequestParser::splitEverywhere()
{
    for (qsizetype cut = 1; cut < post.size(); ++cut) {
        HttpRequestParser p;
        p.feed(post.left(cut));
        QCOMPARE(p.next(), Status::NeedMore);
        p.feed(post.mid(cut));
        QCOMPARE(p.next(), Status::Complete);
        const HttpRequest r = p.takeRequest();
        QCOMPARE(r.header("content-length"), QByteArray("11"));
        QCOMPARE(r.body.size(), 11);
    }
}

void tst_HttpRequestParser::pipelined()
{
    const QByteArray get = "GET /a HTTP/1.1\r\nHost: x\r\n\r\n";
    HttpRequestParser p;
    p.feed(QByteArray(get + post + get));
    QCOMPARE(p.next(), Status::Complete);
    QCOMPARE(p.takeRequest().path, QByteArray("/a"));
    QCOMPARE(p.next(), Status::Complete);
    QCOMPARE(p.takeRequest().method, QByteArray("POST"));
    QCOMPARE(p.next(), Status::Complete);
    QCOMPARE(p.takeRequest().method, QByteArray("GET"));
    QCOMPARE(p.next(), Status::NeedMore);
}

void tst_HttpRequestParser::pipelinedByteByByte()
{
    const QByteArray stream = post + "GET /b?x=1 HTTP/1.1\r\nHost: x\r\n\r\n" + post;
    HttpRequestParser p;
    QList<HttpRequest> got;
    for (char c : stream) {
        p.feed(QByteArrayView(&c, 1));
        while (p.next() == Status::Complete)
            got.append(p.takeRequest());
    }
    QCOMPARE(got.size(), 3);
    QCOMPARE(got.at(1).query, QByteArray("x=1"));
    QCOMPARE(got.at(2).body, got.at(0).body);
}

void tst_HttpRequestParser::queryValues()
{
    HttpRequest r;
    r.query = "EIO=4&transport=polling&sid=a%2Bb&empty=&flag&sp=a+b";
    QCOMPARE(r.queryValue("EIO"), QByteArray("4"));
    QCOMPARE(r.queryValue("sid"), QByteArray("a+b"));
    QCOMPARE(r.queryValue("sp"), QByteArray("a b"));
    QVERIFY(!r.queryValue("empty").isNull());
    QVERIFY(r.queryValue("empty").isEmpty());
    QVERIFY(!r.queryValue("flag").isNull());
    QVERIFY(r.queryValue("missing").isNull());
}

void tst_HttpRequestParser::keepAliveRules()
{
    HttpRequestParser p;
    p.feed("GET / HTTP/1.1\r\nHost: x\r\n\r\n"
           "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
           "GET / HTTP/1.0\r\n\r\n"
           "GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n");
    QList<bool> keep;
    while (p.next() == Status::Complete)
        keep.append(p.takeRequest().keepAlive());
    QCOMPARE(keep, (QList<bool>{true, false, false, true}));
}

void tst_HttpRequestParser::upgradeDetection()
{
    HttpRequestParser p;
    p.feed("GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: x\r\n"
           "Connection: keep-alive, Upgrade\r\nUpgrade: WebSocket\r\n\r\n");
    QCOMPARE(p.next(), Status::Complete);
    QVERIFY(p.takeRequest().isWebSocketUpgrade());
}

void tst_HttpRequestParser::errors_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("status");
    QTest::newRow("garbage") << QByteArray("\x16\x03\x01\x02\x01 hello\r\n\r\n") << 400;
    QTest::newRow("no version") << QByteArray("GET /\r\nHost: x\r\n\r\n") << 400;
    QTest::newRow("HTTP/2.0") << QByteArray("GET / HTTP/2.0\r\nHost: x\r\n\r\n") << 400;
    QTest::newRow("double space") << QByteArray("GET  / HTTP/1.1\r\nHost: x\r\n\r\n") << 400;
    QTest::newRow("bad method") << QByteArray("G(T / HTTP/1.1\r\nHost: x\r\n\r\n") << 400;
    QTest::newRow("missing host") << QByteArray("GET / HTTP/1.1\r\n\r\n") << 400;
    QTest::newRow("header without colon") << QByteArray("GET / HTTP/1.1\r\nHost x\r\n\r\n") << 400;
    QTest::newRow("space in header name")
        << QByteArray("GET / HTTP/1.1\r\nHost: x\r\nBad Name: y\r\n\r\n") << 400;
    QTest::newRow("obs-fold") << QByteArray("GET / HTTP/1.1\r\nHost: x\r\n folded\r\n\r\n") << 400;
    QTest::newRow("control char in value")
        << QByteArray("GET / HTTP/1.1\r\nHost: x\x01y\r\n\r\n") << 400;
    QTest::newRow("negative length")
        << QByteArray("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n") << 400;
    QTest::newRow("conflicting lengths") << QByteArray(
        "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n")
                                         << 400;
    QTest::newRow("huge length") << QByteArray(
        "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999\r\n\r\n")
                                 << 400;
    QTest::newRow("chunked") << QByteArray(
        "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n")
                             << 501;
    QTest::newRow("body over limit")
        << QByteArray("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1000001\r\n\r\n") << 413;
    QByteArray many = "GET / HTTP/1.1\r\nHost: x\r\n";
    for (int i = 0; i < 101; ++i)
        many += "X-H" + QByteArray::number(i) + ": v\r\n";
    QTest::newRow("too many headers") << QByteArray(many + "\r\n") << 431;
    QTest::newRow("head too large")
        << QByteArray("GET / HTTP/1.1\r\nHost: x\r\nX: " + QByteArray(17000, 'a') + "\r\n\r\n")
        << 431;
}

void tst_HttpRequestParser::errors()
{
    QFETCH(QByteArray, input);
    QFETCH(int, status);
    // Whole, then byte by byte: same verdict.
    HttpRequestParser whole;
    whole.feed(input);
    QCOMPARE(whole.next(), Status::Error);
    QCOMPARE(whole.errorStatus(), status);
    QVERIFY(!whole.errorString().isEmpty());
    HttpRequestParser pieces;
    Status last = Status::NeedMore;
    for (char c : input) {
        pieces.feed(QByteArrayView(&c, 1));
        last = pieces.next();
        if (last == Status::Error)
            break;
    }
    QCOMPARE(last, Status::Error);
    QCOMPARE(pieces.errorStatus(), status);
    // Stays failed.
    pieces.feed("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
    QCOMPARE(pieces.next(), Status::Error);
}

void tst_HttpRequestParser::headTooLargeWithoutEnd()
{
    HttpRequestParser p(HttpRequestParser::Limits{1024, 100, 1000});
    p.feed("GET / HTTP/1.1\r\nX: ");
    for (int i = 0; i < 200; ++i) {
        p.feed("aaaaaaaaaa");
        if (p.next() == Status::Error)
            break;
    }
    QCOMPARE(p.errorStatus(), 431);
    QVERIFY(p.bufferedBytes() < 4096);
}

void tst_HttpRequestParser::bodyLimitPerRequest()
{
    HttpRequestParser p;
    p.setBodyLimit([](const HttpRequest &head) { return head.path == "/small" ? 5 : 100; });
    p.feed(QByteArray("POST /big HTTP/1.1\r\nHost: x\r\nContent-Length: 50\r\n\r\n"
                      + QByteArray(50, 'x')));
    QCOMPARE(p.next(), Status::Complete);
    p.takeRequest();
    p.feed("POST /small HTTP/1.1\r\nHost: x\r\nContent-Length: 6\r\n\r\n");
    QCOMPARE(p.next(), Status::Error);
    QCOMPARE(p.errorStatus(), 413);
}

void tst_HttpRequestParser::failedHeadAvailableFor413()
{
    HttpRequestParser p(HttpRequestParser::Limits{16384, 100, 10});
    p.feed("POST /socket.io/?EIO=4&transport=polling&sid=s1 HTTP/1.1\r\nHost: x\r\n"
           "Content-Length: 11\r\n\r\n");
    QCOMPARE(p.next(), Status::Error);
    QCOMPARE(p.errorStatus(), 413);
    QCOMPARE(p.failedHead().queryValue("sid"), QByteArray("s1"));
}

void tst_HttpRequestParser::blankLinesBetweenRequests()
{
    HttpRequestParser p;
    p.feed("\r\n\r\nGET /x HTTP/1.1\r\nHost: x\r\n\r\n\r\n");
    QCOMPARE(p.next(), Status::Complete);
    QCOMPARE(p.takeRequest().path, QByteArray("/x"));
    QCOMPARE(p.next(), Status::NeedMore);
    QVERIFY(!p.hasPartialRequest());
}

QTEST_GUILESS_MAIN(tst_HttpRequestParser)
#include "tst_httprequestparser.moc"
