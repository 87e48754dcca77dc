// WebSocketCodec and WebSocketReader, no I/O: the RFC 6455 accept key, frame headers at every
// length boundary, UTF-8 validation, and client frames fed whole, byte by byte and split
// everywhere (masked payloads, fragments with control frames between them), plus every frame
// that must close the connection and the code it closes with.
#include "httprequest.h"
#include "websocketcodec.h"
#include "websocketreader.h"

#include <QTest>

using namespace TableTap;
using namespace TableTap::WebSocketCodec;

namespace {

// A client frame: masked with the given key.
// A close frame's payload: the code, big-endian.
QByteArray closePayload(int code)
{
    QByteArray out(2, Qt::Uninitialized);
    out[0] = char(code >> 8);
    out[1] = char(code & 0xff);
    return out;
}

QByteArray clientFrame(quint8 firstByte, const QByteArray &payload,
                       const QByteArray &key = QByteArray("\x12\x34\x56\x78", 4))
{
    QByteArray out;
    out.append(char(firstByte));
    const qsizetype n = payload.size();
    if (n < 126) {
        out.append(char(0x80 | n));
    } else if (n < 65536) {
        out.append(char(0x80 | 126));
        out.append(char(n >> 8));
        out.append(char(n & 0xff));
    } else {
        out.append(char(0x80 | 127));
        for (int i = 7; i >= 0; --i)
            out.append(char((quint64(n) >> (8 * i)) & 0xff));
    }
    out.append(key);
    for (qsizetype i = 0; i < n; ++i)
        out.append(char(payload[i] ^ key[i % 4]));
    return out;
}

QList<WebSocketReader::Message> readAll(WebSocketReader &reader)
{
    QList<WebSocketReader::Message> out;
    WebSocketReader::Message m;
    while (reader.next(&m))
        out << m;
    return out;
}

} // namespace

class tst_WebSocketReader : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void acceptKeyFromRfc();
    void upgradeChecks_data();
    void upgradeChecks();
    void frameHeaders_data();
    void frameHeaders();
    void textFrameWithPrefix();
    void utf8_data();
    void utf8();
    void wholeAndInPieces_data();
    void wholeAndInPieces();
    void fragmentsWithControlFramesBetween();
    void closingFrames_data();
    void closingFrames();
    void validCloseCodes();
    void messageLimitCountsFragments();
};

void tst_WebSocketReader::acceptKeyFromRfc()
{
    // RFC 6455, section 1.3.
    QCOMPARE(acceptKey("dGhlIHNhbXBsZSBub25jZQ=="), QByteArray("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="));
    const QByteArray r = switchingProtocols("dGhlIHNhbXBsZSBub25jZQ==");
    QVERIFY(r.startsWith("HTTP/1.1 101 Switching Protocols\r\n"));
    QVERIFY(r.contains("\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"));
    QVERIFY(r.endsWith("\r\n\r\n"));
}

void tst_WebSocketReader::upgradeChecks_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<QByteArray>("version");
    QTest::addColumn<bool>("ok");
    QTest::newRow("fine") << QByteArray("GET") << QByteArray("dGhlIHNhbXBsZSBub25jZQ==")
                          << QByteArray("13") << true;
    QTest::newRow("version 8") << QByteArray("GET") << QByteArray("dGhlIHNhbXBsZSBub25jZQ==")
                               << QByteArray("8") << true;
    QTest::newRow("post") << QByteArray("POST") << QByteArray("dGhlIHNhbXBsZSBub25jZQ==")
                          << QByteArray("13") << false;
    QTest::newRow("no key") << QByteArray("GET") << QByteArray() << QByteArray("13") << false;
    QTest::newRow("short key") << QByteArray("GET") << QByteArray("c2hvcnQ=") << QByteArray("13")
                               << false;
    QTest::newRow("version 12") << QByteArray("GET") << QByteArray("dGhlIHNhbXBsZSBub25jZQ==")
                                << QByteArray("12") << false;
}

void tst_WebSocketReader::upgradeChecks()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, key);
    QFETCH(QByteArray, version);
    QFETCH(bool, ok);
    HttpRequest r;
    r.method = method;
    if (!key.isEmpty())
        r.headers.append({"sec-websocket-key", key});
    r.headers.append({"sec-websocket-version", version});
    QCOMPARE(checkUpgrade(r).isEmpty(), ok);
}

void tst_WebSocketReader::frameHeaders_data()
{
    QTest::addColumn<int>("length");
    QTest::addColumn<QByteArray>("header");
    QTest::newRow("0") << 0 << QByteArray("\x81\x00", 2);
    QTest::newRow("125") << 125 << QByteArray("\x81\x7d", 2);
    QTest::newRow("126") << 126 << QByteArray("\x81\x7e\x00\x7e", 4);
    QTest::newRow("65535") << 65535 << QByteArray("\x81\x7e\xff\xff", 4);
    QTest::newRow("65536") << 65536 << QByteArray("\x81\x7f\x00\x00\x00\x00\x00\x01\x00\x00", 10);
}

void tst_WebSocketReader::frameHeaders()
{
    QFETCH(int, length);
    QFETCH(QByteArray, header);
    const QByteArray payload(length, 'a');
    const QByteArray f = frame(Text, payload);
    QCOMPARE(f.left(header.size()), header);
    QCOMPARE(f.size(), header.size() + length);
    QCOMPARE(f.mid(header.size()), payload);
    QCOMPARE(frame(Binary, "x").left(1), QByteArray("\x82"));
    QCOMPARE(closeFrame(1009), QByteArray("\x88\x02\x03\xf1", 4));
}

void tst_WebSocketReader::textFrameWithPrefix()
{
    QCOMPARE(textFrame('4', "2[\"tick\"]"), QByteArray("\x81\x0a"
                                                       "42[\"tick\"]"));
    const QByteArray data(200, 'z');
    QCOMPARE(textFrame('4', data), frame(Text, QByteArray("4" + data)));
}

void tst_WebSocketReader::utf8_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("valid");
    QTest::newRow("empty") << QByteArray() << true;
    QTest::newRow("ascii long") << QByteArray(100, 'a') << true;
    QTest::newRow("two-byte") << QByteArray("caf\xc3\xa9") << true;
    QTest::newRow("three-byte euro") << QByteArray("\xe2\x82\xac 5") << true;
    QTest::newRow("four-byte emoji") << QByteArray("ok \xf0\x9f\x98\x80") << true;
    QTest::newRow("after ascii run") << QByteArray("abcdefghijkl\xc3\xa9mnopqrstu") << true;
    QTest::newRow("lone continuation") << QByteArray("a\x80") << false;
    QTest::newRow("overlong slash") << QByteArray("\xc0\xaf") << false;
    QTest::newRow("overlong three") << QByteArray("\xe0\x80\xaf") << false;
    QTest::newRow("surrogate") << QByteArray("\xed\xa0\x80") << false;
    QTest::newRow("beyond U+10FFFF") << QByteArray("\xf4\x90\x80\x80") << false;
    QTest::newRow("truncated") << QByteArray("abc\xe2\x82") << false;
    QTest::newRow("0xff") << QByteArray("\xff") << false;
}

void tst_WebSocketReader::utf8()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, valid);
    QCOMPARE(isValidUtf8(bytes), valid);
}

void tst_WebSocketReader::wholeAndInPieces_data()
{
    QTest::addColumn<int>("piece"); // 0: all at once
    QTest::newRow("whole") << 0;
    QTest::newRow("byte by byte") << 1;
    QTest::newRow("pieces of 3") << 3;
    QTest::newRow("pieces of 7") << 7;
    QTest::newRow("pieces of 200") << 200;
}

void tst_WebSocketReader::wholeAndInPieces()
{
    QFETCH(int, piece);
    const QByteArray big(70000, 'b');
    QByteArray wire = clientFrame(0x81, "42[\"echo\"]")
                      + clientFrame(0x82, QByteArray("\x00\x01\xff", 3)) + clientFrame(0x89, "hi")
                      + clientFrame(0x81, QByteArray(300, 'm')) + clientFrame(0x82, big)
                      + clientFrame(0x81, "caf\xc3\xa9");
    WebSocketReader reader(100000);
    QList<WebSocketReader::Message> got;
    if (piece == 0) {
        reader.append(wire);
        got = readAll(reader);
    } else {
        for (qsizetype i = 0; i < wire.size(); i += piece) {
            reader.append(QByteArrayView(wire).sliced(i, qMin<qsizetype>(piece, wire.size() - i)));
            got += readAll(reader);
        }
    }
    QVERIFY(!reader.hasError());
    QCOMPARE(got.size(), 6);
    QCOMPARE(got[0].opcode, Text);
    QCOMPARE(got[0].payload, QByteArray("42[\"echo\"]"));
    QCOMPARE(got[1].opcode, Binary);
    QCOMPARE(got[1].payload, QByteArray("\x00\x01\xff", 3));
    QCOMPARE(got[2].opcode, Ping);
    QCOMPARE(got[2].payload, QByteArray("hi"));
    QCOMPARE(got[3].payload, QByteArray(300, 'm'));
    QCOMPARE(got[4].payload, big);
    QCOMPARE(got[5].payload, QByteArray("caf\xc3\xa9"));
    QCOMPARE(reader.bufferedBytes(), 0);
}

void tst_WebSocketReader::fragmentsWithControlFramesBetween()
{
    WebSocketReader reader;
    // "hello world" in three fragments, a ping between the first two; the UTF-8 "é" is split
    // across fragments, which is fine: the whole message is what must be valid.
    reader.append(QByteArray(clientFrame(0x01, "hel") + clientFrame(0x89, "p")
                             + clientFrame(0x00, "lo w\xc3") + clientFrame(0x80, "\xa9orld")));
    const auto got = readAll(reader);
    QVERIFY(!reader.hasError());
    QCOMPARE(got.size(), 2);
    QCOMPARE(got[0].opcode, Ping);
    QCOMPARE(got[1].opcode, Text);
    QCOMPARE(got[1].payload, QByteArray("hello w\xc3\xa9orld"));
}

void tst_WebSocketReader::closingFrames_data()
{
    QTest::addColumn<QByteArray>("wire");
    QTest::addColumn<int>("code");
    QByteArray unmasked("\x81\x02hi", 4);
    QTest::newRow("unmasked") << unmasked << int(ProtocolError);
    QTest::newRow("reserved bit") << clientFrame(0xc1, "x") << int(ProtocolError);
    QTest::newRow("opcode 3") << clientFrame(0x83, "x") << int(ProtocolError);
    QTest::newRow("opcode 0xb") << clientFrame(0x8b, "x") << int(ProtocolError);
    QTest::newRow("fragmented ping") << clientFrame(0x09, "x") << int(ProtocolError);
    QTest::newRow("long ping") << clientFrame(0x89, QByteArray(126, 'p')) << int(ProtocolError);
    QTest::newRow("lone continuation") << clientFrame(0x80, "x") << int(ProtocolError);
    QTest::newRow("message inside message")
        << QByteArray(clientFrame(0x01, "a") + clientFrame(0x81, "b")) << int(ProtocolError);
    QTest::newRow("one-byte close") << clientFrame(0x88, "x") << int(ProtocolError);
    // Close codes a peer may not send (RFC 6455 7.4): echoing them back would be wrong too.
    for (const int code : {0, 999, 1004, 1005, 1006, 1012, 1015, 2999, 5000, 65535}) {
        QTest::addRow("close code %d", code)
            << clientFrame(0x88, closePayload(code)) << int(ProtocolError);
    }
    QTest::newRow("close reason not utf-8")
        << clientFrame(0x88, QByteArray("\x03\xe8\xff", 3)) << int(InvalidPayload);
    QTest::newRow("too big") << clientFrame(0x81, QByteArray(1001, 'x')) << int(TooBig);
    QTest::newRow("not utf-8") << clientFrame(0x81, "\xff\xfe") << int(InvalidPayload);
    QTest::newRow("not utf-8 fragmented")
        << QByteArray(clientFrame(0x01, "ok") + clientFrame(0x80, "\xc3")) << int(InvalidPayload);
}

void tst_WebSocketReader::closingFrames()
{
    QFETCH(QByteArray, wire);
    QFETCH(int, code);
    WebSocketReader reader(1000);
    reader.append(wire);
    readAll(reader);
    QVERIFY(reader.hasError());
    QCOMPARE(int(reader.errorCode()), code);
    // Nothing more comes out after an error.
    reader.append(clientFrame(0x81, "late"));
    WebSocketReader::Message m;
    QVERIFY(!reader.next(&m));
}

void tst_WebSocketReader::validCloseCodes()
{
    for (const int code :
         {1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 3000, 4000, 4999}) {
        QVERIFY2(WebSocketCodec::isValidCloseCode(quint16(code)),
                 qPrintable(QString::number(code)));
        WebSocketReader reader(1000);
        reader.append(clientFrame(0x88, closePayload(code) + "ok"));
        WebSocketReader::Message m;
        QVERIFY2(reader.next(&m), qPrintable(QString::number(code)));
        QCOMPARE(int(m.opcode), 0x8);
        QVERIFY(!reader.hasError());
    }
    // An empty close frame carries no code at all, which is allowed.
    WebSocketReader reader(1000);
    reader.append(clientFrame(0x88, QByteArray()));
    WebSocketReader::Message m;
    QVERIFY(reader.next(&m));
    QVERIFY(m.payload.isEmpty());
}

void tst_WebSocketReader::messageLimitCountsFragments()
{
    WebSocketReader reader(10);
    reader.append(clientFrame(0x01, "123456"));
    WebSocketReader::Message m;
    QVERIFY(!reader.next(&m));
    QVERIFY(!reader.hasError());
    reader.append(clientFrame(0x80, "7890"));
    QVERIFY(reader.next(&m));
    QCOMPARE(m.payload, QByteArray("1234567890"));
    reader.append(QByteArray(clientFrame(0x01, "123456") + clientFrame(0x80, "78901")));
    QVERIFY(!reader.next(&m));
    QCOMPARE(int(reader.errorCode()), int(TooBig));
}

QTEST_GUILESS_MAIN(tst_WebSocketReader)
#include "tst_websocketreader.moc"
