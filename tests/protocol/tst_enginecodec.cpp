// Engine.IO v4 codec: exact wire strings, round trips, and hostile input.
#include "enginecodec.h"
#include "enginehandshake.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace TableTap;
using namespace TableTap::EngineCodec;

class tst_EngineIOCodec : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void encodeText_data();
    void encodeText();
    void decodeTextErrors_data();
    void decodeTextErrors();
    void payload_data();
    void payload();
    void payloadErrors_data();
    void payloadErrors();
    void payloadPieces();
    void payloadSize();
    void handshake();
    void handshakeJsonAsQtWritesIt_data();
    void handshakeJsonAsQtWritesIt();
    void handshakeErrors_data();
    void handshakeErrors();
};

void tst_EngineIOCodec::encodeText_data()
{
    QTest::addColumn<int>("type");
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QByteArray>("wire");
    QTest::newRow("open") << 0 << QByteArray(R"({"sid":"abc"})") << QByteArray(R"(0{"sid":"abc"})");
    QTest::newRow("close") << 1 << QByteArray() << QByteArray("1");
    QTest::newRow("ping") << 2 << QByteArray() << QByteArray("2");
    QTest::newRow("probe") << 2 << QByteArray("probe") << QByteArray("2probe");
    QTest::newRow("pong probe") << 3 << QByteArray("probe") << QByteArray("3probe");
    QTest::newRow("message") << 4 << QByteArray("hello") << QByteArray("4hello");
    QTest::newRow("utf8 message") << 4 << QByteArray("caf\xc3\xa9 \xe2\x82\xac")
                                  << QByteArray("4caf\xc3\xa9 \xe2\x82\xac");
    QTest::newRow("socket.io connect")
        << 4 << QByteArray(R"(0/orders,{"token":"x"})") << QByteArray(R"(40/orders,{"token":"x"})");
    QTest::newRow("upgrade") << 5 << QByteArray() << QByteArray("5");
    QTest::newRow("noop") << 6 << QByteArray() << QByteArray("6");
}

void tst_EngineIOCodec::encodeText()
{
    QFETCH(int, type);
    QFETCH(QByteArray, data);
    QFETCH(QByteArray, wire);
    const EnginePacket p = EnginePacket::text(EnginePacket::Type(type), data);
    QCOMPARE(EngineCodec::encodeText(p), wire);
    const auto back = decodeText(wire);
    QVERIFY2(back.ok(), qPrintable(back.error()));
    QCOMPARE(*back, p);
}

void tst_EngineIOCodec::decodeTextErrors_data()
{
    QTest::addColumn<QByteArray>("wire");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("type 7") << QByteArray("7");
    QTest::newRow("type 9") << QByteArray("9x");
    QTest::newRow("letter") << QByteArray("a");
    QTest::newRow("nul") << QByteArray("\0", 1);
    QTest::newRow("high byte") << QByteArray("\xff\xfe");
}

void tst_EngineIOCodec::decodeTextErrors()
{
    QFETCH(QByteArray, wire);
    const auto result = decodeText(wire);
    QVERIFY(!result.ok());
    QVERIFY(!result.error().isEmpty());
}

void tst_EngineIOCodec::payload_data()
{
    QTest::addColumn<QList<EnginePacket>>("packets");
    QTest::addColumn<QByteArray>("wire");
    QTest::newRow("one") << QList<EnginePacket>{EnginePacket::message("hello")}
                         << QByteArray("4hello");
    QTest::newRow("two") << QList<EnginePacket>{EnginePacket::message("a"),
                                                EnginePacket::text(EnginePacket::Type::Ping)}
                         << QByteArray("4a\x1e"
                                       "2");
    QTest::newRow("binary") << QList<EnginePacket>{EnginePacket::binaryMessage(
        QByteArray("\x01\x02\x03\x04", 4))}
                            << QByteArray("bAQIDBA==");
    QTest::newRow("mixed")
        << QList<EnginePacket>{EnginePacket::message(R"(51-["up",{"_placeholder":true,"num":0}])"),
                               EnginePacket::binaryMessage(QByteArray("\x00\xff", 2))}
        << QByteArray("451-[\"up\",{\"_placeholder\":true,\"num\":0}]\x1e"
                      "bAP8=");
    QTest::newRow("empty message")
        << QList<EnginePacket>{EnginePacket::message({}), EnginePacket::message({})}
        << QByteArray("4\x1e"
                      "4");
    QTest::newRow("noop") << QList<EnginePacket>{EnginePacket::text(EnginePacket::Type::Noop)}
                          << QByteArray("6");
}

void tst_EngineIOCodec::payload()
{
    QFETCH(QList<EnginePacket>, packets);
    QFETCH(QByteArray, wire);
    QCOMPARE(encodePayload(packets), wire);
    const auto back = decodePayload(wire);
    QVERIFY2(back.ok(), qPrintable(back.error()));
    QCOMPARE(*back, packets);
}

void tst_EngineIOCodec::payloadErrors_data()
{
    QTest::addColumn<QByteArray>("wire");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("bad type") << QByteArray("4ok\x1e"
                                            "8bad");
    QTest::newRow("empty record") << QByteArray("4ok\x1e");
    QTest::newRow("lone separator") << QByteArray("\x1e");
    QTest::newRow("bad base64") << QByteArray("b!!!!");
    QTest::newRow("truncated base64") << QByteArray("bAQID=");
}

void tst_EngineIOCodec::payloadErrors()
{
    QFETCH(QByteArray, wire);
    const auto result = decodePayload(wire);
    QVERIFY(!result.ok());
    QVERIFY(!result.error().isEmpty());
}

void tst_EngineIOCodec::payloadPieces()
{
    // Every prefix of a valid payload either decodes or fails cleanly; none crashes.
    const QByteArray wire = encodePayload({EnginePacket::message(R"(42/orders,["a",{"b":1}])"),
                                           EnginePacket::binaryMessage(QByteArray(100, '\x7f')),
                                           EnginePacket::text(EnginePacket::Type::Ping)});
    int decoded = 0;
    for (qsizetype n = 0; n <= wire.size(); ++n) {
        const auto r = decodePayload(QByteArrayView(wire).first(n));
        if (r.ok())
            ++decoded;
        else
            QVERIFY(!r.error().isEmpty());
    }
    QVERIFY(decoded > 0);
    QVERIFY(decodePayload(wire).ok());
}

void tst_EngineIOCodec::payloadSize()
{
    const QList<EnginePacket> packets{EnginePacket::message("hello"),
                                      EnginePacket::binaryMessage(QByteArray(10, 'x'))};
    qsizetype sum = packets.size() - 1;
    for (const EnginePacket &p : packets)
        sum += encodedPayloadSize(p);
    QCOMPARE(sum, encodePayload(packets).size());
}

void tst_EngineIOCodec::handshakeJsonAsQtWritesIt_data()
{
    QTest::addColumn<QString>("sid");
    QTest::addColumn<QStringList>("upgrades");
    QTest::addColumn<qint64>("maxPayload");
    QTest::newRow("polling") << "lv_VI97HAXpY6yYWAAAC" << QStringList{"websocket"}
                             << qint64(1000000);
    QTest::newRow("websocket") << "abc-DEF_123" << QStringList{} << qint64(1);
    QTest::newRow("escapes") << "q\"b\\s\n\u00e9" << QStringList{"web\"socket", "x"} << qint64(1);
}

void tst_EngineIOCodec::handshakeJsonAsQtWritesIt()
{
    // The open packet is written by hand for speed; it must be what QJsonDocument would write.
    QFETCH(QString, sid);
    QFETCH(QStringList, upgrades);
    QFETCH(qint64, maxPayload);
    EngineHandshake h;
    h.sid = sid;
    h.upgrades = upgrades;
    h.pingInterval = 25000;
    h.pingTimeout = 20000;
    h.maxPayload = maxPayload;
    const QJsonObject o{{"sid", sid},
                        {"upgrades", QJsonArray::fromStringList(upgrades)},
                        {"pingInterval", 25000},
                        {"pingTimeout", 20000},
                        {"maxPayload", maxPayload}};
    QCOMPARE(h.toJson(), QJsonDocument(o).toJson(QJsonDocument::Compact));
}

void tst_EngineIOCodec::handshake()
{
    EngineHandshake h;
    h.sid = "lv_VI97HAXpY6yYWAAAC";
    h.upgrades = {"websocket"};
    h.pingInterval = 300;
    h.pingTimeout = 200;
    h.maxPayload = 1000;
    const auto back = EngineHandshake::fromJson(h.toJson());
    QVERIFY(back.ok());
    QCOMPARE(back->sid, h.sid);
    QCOMPARE(back->upgrades, h.upgrades);
    QCOMPARE(back->pingInterval, 300);
    QCOMPARE(back->pingTimeout, 200);
    QCOMPARE(back->maxPayload, 1000);
    // The reference server's exact open packet.
    const auto ref = EngineHandshake::fromJson(
        R"({"sid":"lv_VI97HAXpY6yYWAAAC","upgrades":["websocket"],"pingInterval":25000,"pingTimeout":20000,"maxPayload":1000000})");
    QVERIFY(ref.ok());
    QCOMPARE(ref->pingInterval, 25000);
    QCOMPARE(ref->maxPayload, 1000000);
}

void tst_EngineIOCodec::handshakeErrors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("not json") << QByteArray("sid");
    QTest::newRow("array") << QByteArray("[]");
    QTest::newRow("no sid") << QByteArray(R"({"pingInterval":1,"pingTimeout":1})");
    QTest::newRow("no heartbeat") << QByteArray(R"({"sid":"a"})");
    QTest::newRow("negative") << QByteArray(R"({"sid":"a","pingInterval":-5,"pingTimeout":1})");
    QTest::newRow("huge") << QByteArray(R"({"sid":"a","pingInterval":1e300,"pingTimeout":1})");
}

void tst_EngineIOCodec::handshakeErrors()
{
    QFETCH(QByteArray, json);
    QVERIFY(!EngineHandshake::fromJson(json).ok());
}

QTEST_APPLESS_MAIN(tst_EngineIOCodec)
#include "tst_enginecodec.moc"
