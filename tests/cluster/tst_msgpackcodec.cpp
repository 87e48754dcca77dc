// MsgpackCodec: bytes as @socket.io/redis-adapter's notepack.io writes them (pinned from
// notepack 3.0.1), binary values as placeholders + attachments both ways, and bad input
// (truncated, oversized counts, too deep, trailing bytes, every cut of a real message) giving
// no value instead of an exception.
#include "msgpackcodec.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace TableTap;

class tst_MsgpackCodec : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void decodesNotepackBroadcast();
    void scalars_data();
    void scalars();
    void binaryRoundTrip();
    void encodesSmallestForms();
    void badInput_data();
    void badInput();
    void everyCutOfAMessage();
};

namespace {
// notepack.encode(["abc", {type: 2, data: ["ev", 1, Buffer.from([1, 2])], nsp: "/"},
//                  {rooms: ["r"], except: [], flags: {}}])
const QByteArray broadcastHex = "93a361626383a47479706502a46461746193a2657601c4020102a36e7370a12f83"
                                "a5726f6f6d7391a172a665786365707490a5666c61677380";
QJsonObject placeholder(int num)
{
    return QJsonObject{{"_placeholder", true}, {"num", num}};
}
} // namespace

void tst_MsgpackCodec::decodesNotepackBroadcast()
{
    const auto v = MsgpackCodec::decode(QByteArray::fromHex(broadcastHex));
    QVERIFY(v);
    const QJsonArray a = v->json.toArray();
    QCOMPARE(a.size(), 3);
    QCOMPARE(a[0].toString(), "abc");
    QCOMPARE(
        a[1].toObject(),
        (QJsonObject{{"type", 2}, {"data", QJsonArray{"ev", 1, placeholder(0)}}, {"nsp", "/"}}));
    QCOMPARE(a[2].toObject(),
             (QJsonObject{
                 {"rooms", QJsonArray{"r"}}, {"except", QJsonArray{}}, {"flags", QJsonObject{}}}));
    QCOMPARE(v->attachments, QList<QByteArray>{QByteArray("\x01\x02")});
}

void tst_MsgpackCodec::scalars_data()
{
    QTest::addColumn<QByteArray>("hex");
    QTest::addColumn<QJsonValue>("json");
    QTest::newRow("float64") << QByteArray("cb3ff8000000000000") << QJsonValue(1.5);
    QTest::newRow("negative fixint") << QByteArray("fd") << QJsonValue(-3);
    QTest::newRow("uint16") << QByteArray("cd012c") << QJsonValue(300);
    QTest::newRow("uint32") << QByteArray("ce00011170") << QJsonValue(70000);
    QTest::newRow("true") << QByteArray("c3") << QJsonValue(true);
    QTest::newRow("nil") << QByteArray("c0") << QJsonValue(QJsonValue::Null);
    QTest::newRow("utf-8") << QByteArray("a2c3a9") << QJsonValue(QStringLiteral("\u00e9"));
    QTest::newRow("ext (a date) is null")
        << QByteArray("d6ff00000001") << QJsonValue(QJsonValue::Null);
    QTest::newRow("int key left out")
        << QByteArray("8201c3a161c2") << QJsonValue(QJsonObject{{"a", false}});
}

void tst_MsgpackCodec::scalars()
{
    QFETCH(QByteArray, hex);
    QFETCH(QJsonValue, json);
    const auto v = MsgpackCodec::decode(QByteArray::fromHex(hex));
    QVERIFY(v);
    QCOMPARE(v->json, json);
}

void tst_MsgpackCodec::binaryRoundTrip()
{
    const QByteArray big(300, '\x07');
    const QJsonArray value{"ev", placeholder(1), QJsonObject{{"deep", QJsonArray{placeholder(0)}}}};
    const QByteArray bytes = MsgpackCodec::encode(value, {QByteArray("\x00\x01", 2), big});
    // bin 16 for the 300 bytes, as notepack writes it.
    QVERIFY(bytes.contains(QByteArray::fromHex("c5012c070707")));
    const auto v = MsgpackCodec::decode(bytes);
    QVERIFY(v);
    // Renumbered in the order they appear.
    QCOMPARE(v->json.toArray(),
             (QJsonArray{"ev", placeholder(0), QJsonObject{{"deep", QJsonArray{placeholder(1)}}}}));
    QCOMPARE(v->attachments, (QList<QByteArray>{big, QByteArray("\x00\x01", 2)}));
    // A placeholder without its attachment stays an object.
    const auto orphan = MsgpackCodec::decode(MsgpackCodec::encode(QJsonArray{placeholder(3)}));
    QVERIFY(orphan);
    QCOMPARE(orphan->json.toArray(), QJsonArray{placeholder(3)});
    QVERIFY(orphan->attachments.isEmpty());
}

void tst_MsgpackCodec::encodesSmallestForms()
{
    // notepack's forms, byte for byte (single-key maps: key order is ours otherwise).
    QCOMPARE(
        MsgpackCodec::encode(QJsonArray{1.5, -3, 300, 70000, true, QJsonValue(), "\u00e9"}).toHex(),
        QByteArray("97cb3ff8000000000000fdcd012cce00011170c3c0a2c3a9"));
    QCOMPARE(MsgpackCodec::encode(QJsonObject{{"rooms", QJsonArray{"r"}}}).toHex(),
             QByteArray("81a5726f6f6d7391a172"));
}

void tst_MsgpackCodec::badInput_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("never used 0xc1") << QByteArray("\xc1");
    QTest::newRow("truncated array") << QByteArray("\x93\xa1x");
    QTest::newRow("truncated str") << QByteArray("\xa5"
                                                 "ab");
    QTest::newRow("array of 4 billion") << QByteArray("\xdd\xff\xff\xff\xff", 5);
    QTest::newRow("map of 4 billion") << QByteArray("\xdf\xff\xff\xff\xff", 5);
    QTest::newRow("bin32 of 4 GiB") << QByteArray("\xc6\xff\xff\xff\xff\x00", 6);
    QTest::newRow("str32 of 4 GiB") << QByteArray("\xdb\xff\xff\xff\xff\x00", 6);
    QTest::newRow("too deep") << QByteArray(MsgpackCodec::maxDepth + 2, '\x91') + '\xc0';
    QTest::newRow("trailing bytes") << QByteArray("\xc0\xc0");
}

void tst_MsgpackCodec::badInput()
{
    QFETCH(QByteArray, bytes);
    QVERIFY(!MsgpackCodec::decode(bytes));
}

void tst_MsgpackCodec::everyCutOfAMessage()
{
    const QByteArray whole = QByteArray::fromHex(broadcastHex);
    for (qsizetype n = 0; n < whole.size(); ++n)
        QVERIFY2(!MsgpackCodec::decode(whole.left(n)), qPrintable(QString::number(n)));
    // And every single byte flipped: a value or none, never a throw or a crash.
    for (qsizetype i = 0; i < whole.size(); ++i) {
        QByteArray b = whole;
        b[i] = char(b[i] ^ 0xff);
        (void)MsgpackCodec::decode(b);
    }
}

QTEST_MAIN(tst_MsgpackCodec)
#include "tst_msgpackcodec.moc"
