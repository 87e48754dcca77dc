// Socket.IO v5 codec: exact wire strings (as socket.io-parser writes them), binary
// placeholders, validation rules, and malformed or truncated input.
#include "siobinaryassembler.h"
#include "siocodec.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

#include <cmath>
#include <limits>

using namespace TableTap;
using namespace TableTap::SioCodec;

namespace {
QJsonValue json(const char *text)
{
    if (!*text)
        return QJsonValue(QJsonValue::Undefined);
    const QByteArray wrapped = QByteArray("[") + text + "]";
    return QJsonDocument::fromJson(wrapped).array().at(0);
}

// What Qt's own writer makes of a value: the bytes toJsonText must reproduce.
QByteArray qtJsonText(const QJsonValue &value)
{
    if (value.isObject())
        return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    if (value.isArray())
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    const QByteArray text = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return text.mid(1, text.size() - 2);
}

QString utf16(std::initializer_list<char16_t> units)
{
    return QString(reinterpret_cast<const QChar *>(units.begin()), qsizetype(units.size()));
}
} // namespace

class tst_SocketIOCodec : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void encode_data();
    void encode();
    void decodeForms_data();
    void decodeForms();
    void binary();
    void binaryAck();
    void assemblerErrors();
    void malformed_data();
    void malformed();
    void truncated();
    void deepNesting();
    void placeholders();
    void jsonTextIsQtsText_data();
    void jsonTextIsQtsText();
    void jsonTextPinned_data();
    void jsonTextPinned();
    void jsonTextDoubles();
};

void tst_SocketIOCodec::encode_data()
{
    QTest::addColumn<int>("type");
    QTest::addColumn<QString>("nsp");
    QTest::addColumn<qint64>("id");
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QByteArray>("wire");
    QTest::newRow("connect main") << 0 << "/" << qint64(-1) << QByteArray("") << QByteArray("0");
    QTest::newRow("connect nsp") << 0 << "/orders" << qint64(-1) << QByteArray("")
                                 << QByteArray("0/orders,");
    QTest::newRow("connect auth") << 0 << "/orders" << qint64(-1) << QByteArray(R"({"token":"x"})")
                                  << QByteArray(R"(0/orders,{"token":"x"})");
    QTest::newRow("connect reply")
        << 0 << "/" << qint64(-1) << QByteArray(R"({"sid":"oSO0OpakMV_3jnilAAAA"})")
        << QByteArray(R"(0{"sid":"oSO0OpakMV_3jnilAAAA"})");
    QTest::newRow("disconnect") << 1 << "/orders" << qint64(-1) << QByteArray("")
                                << QByteArray("1/orders,");
    QTest::newRow("disconnect main") << 1 << "/" << qint64(-1) << QByteArray("") << QByteArray("1");
    QTest::newRow("event") << 2 << "/" << qint64(-1) << QByteArray(R"(["hello",1])")
                           << QByteArray(R"(2["hello",1])");
    QTest::newRow("event nsp") << 2 << "/orders" << qint64(-1)
                               << QByteArray(R"(["order:created",{"a":1}])")
                               << QByteArray(R"(2/orders,["order:created",{"a":1}])");
    QTest::newRow("event ack id") << 2 << "/" << qint64(12) << QByteArray(R"(["foo"])")
                                  << QByteArray(R"(212["foo"])");
    QTest::newRow("event nsp ack id")
        << 2 << "/admin" << qint64(456) << QByteArray(R"(["project:delete",123])")
        << QByteArray(R"(2/admin,456["project:delete",123])");
    QTest::newRow("ack") << 3 << "/" << qint64(12) << QByteArray(R"(["bar"])")
                         << QByteArray(R"(312["bar"])");
    QTest::newRow("ack nsp") << 3 << "/admin" << qint64(456) << QByteArray("[]")
                             << QByteArray("3/admin,456[]");
    QTest::newRow("connect error")
        << 4 << "/" << qint64(-1) << QByteArray(R"({"message":"Not authorized"})")
        << QByteArray(R"(4{"message":"Not authorized"})");
    QTest::newRow("connect error nsp")
        << 4 << "/orders" << qint64(-1)
        << QByteArray(R"({"message":"Authentication error","data":{"type":"PERMISSION_DENIED"}})")
        // QJsonObject writes keys sorted; peers do not depend on key order.
        << QByteArray(
               R"(4/orders,{"data":{"type":"PERMISSION_DENIED"},"message":"Authentication error"})");
    QTest::newRow("connect error string")
        << 4 << "/" << qint64(-1) << QByteArray(R"("Invalid namespace")")
        << QByteArray(R"(4"Invalid namespace")");
    QTest::newRow("numeric event")
        << 2 << "/" << qint64(-1) << QByteArray(R"([42,"x"])") << QByteArray(R"(2[42,"x"])");
    QTest::newRow("unicode") << 2 << "/" << qint64(-1)
                             << QByteArray("[\"caf\xc3\xa9\",\"\xe2\x82\xac\"]")
                             << QByteArray("2[\"caf\xc3\xa9\",\"\xe2\x82\xac\"]");
}

void tst_SocketIOCodec::encode()
{
    QFETCH(int, type);
    QFETCH(QString, nsp);
    QFETCH(qint64, id);
    QFETCH(QByteArray, data);
    QFETCH(QByteArray, wire);
    SioPacket p;
    p.type = SioPacket::Type(type);
    p.nsp = nsp;
    p.id = id;
    p.data = json(data.constData());
    QCOMPARE(encodeText(p), wire);

    const auto back = decodeText(wire);
    QVERIFY2(back.ok(), qPrintable(back.error()));
    QCOMPARE(int(back->type), type);
    QCOMPARE(back->nsp, nsp);
    QCOMPARE(back->id, id);
    QCOMPARE(back->data, p.data);
    QVERIFY2(validate(*back).isEmpty(), qPrintable(validate(*back)));
}

void tst_SocketIOCodec::decodeForms_data()
{
    QTest::addColumn<QByteArray>("wire");
    QTest::addColumn<QString>("nsp");
    QTest::addColumn<qint64>("id");
    // Forms other implementations send, all accepted.
    QTest::newRow("nsp without comma") << QByteArray("0/orders") << "/orders" << qint64(-1);
    QTest::newRow("nsp with comma") << QByteArray("0/orders,") << "/orders" << qint64(-1);
    QTest::newRow("nsp query") << QByteArray("0/orders?x=1,") << "/orders?x=1" << qint64(-1);
    QTest::newRow("disconnect no comma") << QByteArray("1/orders") << "/orders" << qint64(-1);
    QTest::newRow("id no data") << QByteArray("31[]") << "/" << qint64(1);
    QTest::newRow("big id") << QByteArray("3123456789012[]") << "/" << qint64(123456789012);
}

void tst_SocketIOCodec::decodeForms()
{
    QFETCH(QByteArray, wire);
    QFETCH(QString, nsp);
    QFETCH(qint64, id);
    const auto p = decodeText(wire);
    QVERIFY2(p.ok(), qPrintable(p.error()));
    QCOMPARE(p->nsp, nsp);
    QCOMPARE(p->id, id);
    QVERIFY(validate(*p).isEmpty());
}

void tst_SocketIOCodec::binary()
{
    SioPacket p;
    p.type = SioPacket::Type::Event;
    p.nsp = "/orders";
    p.data = QJsonArray{"upload", placeholder(0), QJsonObject{{"thumb", placeholder(1)}}};
    p.attachments = {QByteArray("\x00\x01\x02", 3), QByteArray("\xff", 1)};
    const QList<EnginePacket> frames = SioCodec::encode(p);
    QCOMPARE(frames.size(), 3);
    QCOMPARE(
        frames[0].data,
        QByteArray(
            R"(52-/orders,["upload",{"_placeholder":true,"num":0},{"thumb":{"_placeholder":true,"num":1}}])"));
    QVERIFY(!frames[0].binary);
    QVERIFY(frames[1].binary);
    QCOMPARE(frames[1].data, p.attachments[0]);

    SioBinaryAssembler assembler;
    auto r0 = assembler.feed(frames[0]);
    QVERIFY(r0.ok());
    QVERIFY(!r0->has_value());
    QVERIFY(assembler.isAssembling());
    auto r1 = assembler.feed(frames[1]);
    QVERIFY(r1.ok() && !r1->has_value());
    auto r2 = assembler.feed(frames[2]);
    QVERIFY(r2.ok());
    QVERIFY(r2->has_value());
    const SioPacket back = **r2;
    QCOMPARE(back.type, SioPacket::Type::BinaryEvent);
    QCOMPARE(back.attachments, p.attachments);
    QCOMPARE(back.data, p.data);
    QVERIFY(!assembler.isAssembling());
}

void tst_SocketIOCodec::binaryAck()
{
    SioPacket p;
    p.type = SioPacket::Type::Ack;
    p.nsp = "/";
    p.id = 7;
    p.data = QJsonArray{placeholder(0)};
    p.attachments = {QByteArray("abc")};
    QCOMPARE(encodeText(p), QByteArray(R"(61-7[{"_placeholder":true,"num":0}])"));
    const auto back = decodeText(encodeText(p));
    QVERIFY(back.ok());
    QCOMPARE(back->type, SioPacket::Type::BinaryAck);
    QCOMPARE(back->attachmentCount, 1);
    QCOMPARE(back->id, 7);
    QVERIFY(validate(*back).isEmpty());
}

void tst_SocketIOCodec::assemblerErrors()
{
    {
        SioBinaryAssembler a;
        QVERIFY(!a.feed(EnginePacket::binaryMessage("zz")).ok()); // binary with nothing pending
    }
    {
        SioBinaryAssembler a;
        QVERIFY(a.feed(EnginePacket::message(R"(51-["x",{"_placeholder":true,"num":0}])")).ok());
        QVERIFY(!a.feed(EnginePacket::message(R"(2["y"])")).ok()); // text while assembling
    }
    {
        SioBinaryAssembler a;
        // Placeholder refers past the announced attachments.
        QVERIFY(!a.feed(EnginePacket::message(R"(51-["x",{"_placeholder":true,"num":3}])")).ok());
    }
    {
        SioBinaryAssembler a;
        QVERIFY(!a.feed(EnginePacket::message(R"(511-["x"])")).ok()); // over the limit of 10
    }
    {
        SioBinaryAssembler a;
        QVERIFY(!a.feed(EnginePacket::message(R"(2["connect"])")).ok()); // reserved
    }
}

void tst_SocketIOCodec::malformed_data()
{
    QTest::addColumn<QByteArray>("wire");
    QTest::addColumn<bool>("parses"); // parse ok but validate() must refuse
    QTest::newRow("empty") << QByteArray() << false;
    QTest::newRow("type 7") << QByteArray("7") << false;
    QTest::newRow("type letter") << QByteArray("x[]") << false;
    QTest::newRow("binary no dash") << QByteArray("51[\"a\"]") << false;
    QTest::newRow("binary empty count") << QByteArray("5-[\"a\"]") << false;
    QTest::newRow("binary letters") << QByteArray("5a-[\"a\"]") << false;
    QTest::newRow("bad json") << QByteArray("2[\"a\"") << false;
    QTest::newRow("trailing garbage") << QByteArray("2[\"a\"]xyz") << false;
    QTest::newRow("two values") << QByteArray("4\"a\",\"b\"") << false;
    QTest::newRow("huge id") << QByteArray("29999999999999999999[\"a\"]") << false;
    QTest::newRow("event object") << QByteArray("2{\"a\":1}") << true;
    QTest::newRow("event empty array") << QByteArray("2[]") << true;
    QTest::newRow("event no payload") << QByteArray("2") << true;
    QTest::newRow("event name object") << QByteArray("2[{}]") << true;
    QTest::newRow("event name null") << QByteArray("2[null]") << true;
    QTest::newRow("reserved connect") << QByteArray("2[\"connect\"]") << true;
    QTest::newRow("reserved disconnecting") << QByteArray("2[\"disconnecting\"]") << true;
    QTest::newRow("reserved newListener") << QByteArray("2[\"newListener\"]") << true;
    QTest::newRow("connect array") << QByteArray("0[]") << true;
    QTest::newRow("connect string") << QByteArray("0\"x\"") << true;
    QTest::newRow("disconnect payload") << QByteArray("1{}") << true;
    QTest::newRow("ack object") << QByteArray("31{}") << true;
    QTest::newRow("ack no id") << QByteArray("3[]") << true;
    QTest::newRow("connect error number")
        << QByteArray("41") << false; // "1" read as an id, no payload
    QTest::newRow("connect error array") << QByteArray("4[]") << true;
}

void tst_SocketIOCodec::malformed()
{
    QFETCH(QByteArray, wire);
    QFETCH(bool, parses);
    const auto p = decodeText(wire);
    if (!parses) {
        if (p.ok()) {
            QVERIFY2(!validate(*p).isEmpty(), "accepted invalid packet");
        } else {
            QVERIFY(!p.error().isEmpty());
        }
        return;
    }
    QVERIFY2(p.ok(), qPrintable(p.error()));
    QVERIFY(!validate(*p).isEmpty());
}

void tst_SocketIOCodec::truncated()
{
    const QByteArray wire(
        R"(52-/orders,99["order:created",{"data":{"a":[1,2,{"_placeholder":true,"num":1}]}},{"_placeholder":true,"num":0}])");
    for (qsizetype n = 0; n <= wire.size(); ++n) {
        const auto p = decodeText(QByteArrayView(wire).first(n));
        if (p.ok())
            (void)validate(*p); // must not crash; may be valid or not
    }
    QVERIFY(decodeText(wire).ok());
}

void tst_SocketIOCodec::deepNesting()
{
    // Nesting beyond Qt's parser limit is refused, not a stack overflow.
    const QByteArray deep = "2[\"x\"," + QByteArray(100000, '[') + QByteArray(100000, ']') + "]";
    const auto p = decodeText(deep);
    QVERIFY(!p.ok());
}

void tst_SocketIOCodec::placeholders()
{
    int num = -1;
    QVERIFY(isPlaceholder(placeholder(3), &num));
    QCOMPARE(num, 3);
    QVERIFY(!isPlaceholder(QJsonObject{{"_placeholder", true}}));
    QVERIFY(!isPlaceholder(QJsonObject{{"_placeholder", true}, {"num", -1}}));
    QVERIFY(!isPlaceholder(QJsonObject{{"_placeholder", true}, {"num", 1.5}}));
    QCOMPARE(placeholderCount(QJsonArray{"a", placeholder(0), QJsonObject{{"b", placeholder(2)}}}),
             3);
    QCOMPARE(placeholderCount(QJsonArray{QJsonObject{{"_placeholder", "yes"}}}), -1);
    QCOMPARE(placeholderCount(QJsonArray{"a"}), 0);
}

QTEST_APPLESS_MAIN(tst_SocketIOCodec)
#include "tst_siocodec.moc"

void tst_SocketIOCodec::jsonTextIsQtsText_data()
{
    QTest::addColumn<QJsonValue>("value");
    // The contract's envelopes, as the hub broadcasts them.
    const QDir fixtures(QStringLiteral(TT_EVENT_FIXTURES));
    const QStringList files = fixtures.entryList({QStringLiteral("*.json")}, QDir::Files);
    QCOMPARE(files.size(), 17);
    for (const QString &name : files) {
        QFile file(fixtures.filePath(name));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject envelope = QJsonDocument::fromJson(file.readAll()).object();
        QVERIFY(!envelope.isEmpty());
        QTest::newRow(qPrintable(name))
            << QJsonValue(QJsonArray{envelope.value(QLatin1String("event")), envelope});
    }
    // Strings: escapes, every UTF-8 length, and UTF-16 that has no UTF-8 form.
    const QList<QPair<const char *, QString>> strings{
        {"empty", QString()},
        {"quote and backslash", QStringLiteral("say \"hi\" \\ / there")},
        {"named escapes", QStringLiteral("\b\f\n\r\t")},
        {"control characters", utf16({0x0, 0x1, 0x1f, 0x7f, 0x20})},
        {"two-byte", QStringLiteral("Caf\u00e9 \u00fc\u07ff\u0080")},
        {"three-byte", utf16({0x20ac, 0x0800, 0xfffe, 0xffff, 0xe000})},
        {"surrogate pair", utf16({'a', 0xd83d, 0xde00, 'b'})},
        {"lone high at the end", utf16({'a', 0xd800})},
        {"lone high before a letter", utf16({0xdbff, 'a'})},
        {"lone low", utf16({0xdc00, 'a'})},
        {"high high low", utf16({0xd800, 0xd800, 0xdc00})},
        {"longer than the inline buffer", QString(3000, QChar(0x20ac))},
        {"pair across the writer's 4096-unit pieces",
         QString(4095, QLatin1Char('a')) + utf16({0xd83d, 0xde00}) + QString(5000, QLatin1Char('"'))
             + utf16({0xd800})},
    };
    for (const auto &[name, text] : strings) {
        QTest::newRow(name) << QJsonValue(text);
        QTest::newRow(QByteArray(name).append(" as key").constData())
            << QJsonValue(QJsonObject{{text, text}, {QStringLiteral("b"), 1}});
    }
    // Numbers: integers apart from doubles, and doubles in Qt's shortest form.
    const QList<QPair<const char *, QJsonValue>> numbers{
        {"zero", 0},
        {"int", -42},
        {"qint64 max", std::numeric_limits<qint64>::max()},
        {"qint64 min", std::numeric_limits<qint64>::min()},
        {"double", 5.5},
        {"integral double", 100.0},
        {"big integral double", 1e16},
        {"huge double", 1e21},
        {"tiny double", 1.5e-7},
        {"negative zero", -0.0},
        {"tenth", 0.1},
        {"max double", std::numeric_limits<double>::max()},
        {"nan", std::nan("")},
        {"infinity", std::numeric_limits<double>::infinity()},
        {"minus infinity", -std::numeric_limits<double>::infinity()},
    };
    for (const auto &[name, number] : numbers) {
        QTest::newRow(name) << number;
        QTest::newRow(QByteArray(name).append(" in an array").constData())
            << QJsonValue(QJsonArray{number, number});
    }
    QTest::newRow("true") << QJsonValue(true);
    QTest::newRow("false") << QJsonValue(false);
    QTest::newRow("null") << QJsonValue(QJsonValue::Null);
    QTest::newRow("undefined in an array")
        << QJsonValue(QJsonArray{1, QJsonValue(QJsonValue::Undefined), 2});
    QTest::newRow("empty object") << QJsonValue(QJsonObject());
    QTest::newRow("empty array") << QJsonValue(QJsonArray());
    QTest::newRow("keys in insertion order b, a, empty") << QJsonValue(
        QJsonObject{{QStringLiteral("b"), QJsonObject()},
                    {QStringLiteral("a"), QJsonArray{1, QJsonObject{{"c", QJsonArray()}}}},
                    {QString(), QJsonValue::Null}});
    QTest::newRow("parsed, non-ASCII stored as UTF-8")
        << json("{\"k\\u00e9y\":\"v\\u00e4l\",\"caf\xc3\xa9\":[\"\xe2\x82\xac\",1.0,-0.5,1e300]}");
    QJsonArray wide;
    for (int i = 0; i < 1000; ++i)
        wide.append(
            QJsonObject{{QStringLiteral("i"), i}, {QStringLiteral("s"), QString::number(i)}});
    QTest::newRow("many times the inline buffer") << QJsonValue(wide);
    QJsonValue deep = QJsonArray{QStringLiteral("bottom")};
    for (int i = 0; i < 500; ++i)
        deep = (i % 2) ? QJsonValue(QJsonArray{deep}) : QJsonValue(QJsonObject{{"d", deep}});
    QTest::newRow("500 levels") << deep;
}

void tst_SocketIOCodec::jsonTextIsQtsText()
{
    QFETCH(QJsonValue, value);
    QVERIFY(!value.isUndefined());
    QCOMPARE(toJsonText(value), qtJsonText(value));
    // And a packet's text is its header and that JSON.
    SioPacket p;
    p.nsp = QStringLiteral("/orders");
    p.id = 12;
    p.data = value;
    QCOMPARE(encodeText(p), "2/orders,12" + qtJsonText(value));
}

void tst_SocketIOCodec::jsonTextPinned_data()
{
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("escapes") << QJsonValue(utf16({'"', '\\', '/', 0x8, 0x1, 0xe9, 0xd800, 'x'}))
                             << QByteArray(R"("\"\\/\b\u0001)"
                                           "\xc3\xa9"
                                           R"(\ud800x")");
    QTest::newRow("numbers") << QJsonValue(QJsonArray{1, 2.5, 100.0, 1e21, std::nan("")})
                             << QByteArray("[1,2.5,100,1e+21,null]");
    QTest::newRow("sorted keys") << QJsonValue(
        QJsonObject{{QStringLiteral("z"), true}, {QStringLiteral("a"), false}})
                                 << QByteArray(R"({"a":false,"z":true})");
    QTest::newRow("undefined") << QJsonValue(QJsonValue::Undefined) << QByteArray();
}

void tst_SocketIOCodec::jsonTextPinned()
{
    QFETCH(QJsonValue, value);
    QFETCH(QByteArray, text);
    QCOMPARE(toJsonText(value), text);
}

void tst_SocketIOCodec::jsonTextDoubles()
{
    // Numbers as Qt's writer puts them over a wide sample (QJsonValue keeps an integral double
    // as an integer): prices, thirds, every magnitude from 1e-6 to 1e17 with random digits, both
    // signs, and the edges of the writer's own path for fractions.
    QList<double> values{1e-3,
                         std::nextafter(1e-3, 0.0),
                         std::nextafter(1e-3, 1.0),
                         1e15,
                         std::nextafter(1e15, 0.0),
                         1e15 - 0.5,
                         0.1 + 0.2,
                         5e-324,
                         1e-7};
    for (int cents = 1; cents <= 20000; ++cents) {
        values << cents / 100.0 << cents / 1000.0 << cents / 3.0 << cents * 1.1;
    }
    QRandomGenerator random(20261207);
    for (int i = 0; i < 100000; ++i) {
        const double scale = std::pow(10.0, random.bounded(23.0) - 6.0);
        double v = random.generateDouble() * scale;
        if (i % 3 == 0)
            v = std::round(v * 1e4) / 1e4; // few digits, like money
        values << (i % 2 ? -v : v);
    }
    int checked = 0;
    for (const double v : std::as_const(values)) {
        const QByteArray expected = qtJsonText(QJsonValue(v));
        const QByteArray actual = toJsonText(QJsonValue(v));
        if (actual != expected)
            QFAIL(qPrintable(QStringLiteral("%1: %2, Qt writes %3")
                                 .arg(QString::number(v, 'g', 17), QString::fromLatin1(actual),
                                      QString::fromLatin1(expected))));
        ++checked;
    }
    QCOMPARE(checked, values.size());
}
