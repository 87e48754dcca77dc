// LiteJson and SioCodec::decodeTextLite: the console's decode path without Qt's JSON tree.
// It must read the contract's 17 envelopes into the same values as Qt's parser, take exactly
// RFC 8259 (what JSON.parse takes), refuse malformed, truncated and mutated frames without
// crashing, and never be more lenient than Qt's parser on any of them.
#include "enginecodec.h"
#include "litejson.h"
#include "siocodec.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

using namespace TableTap;

namespace {

// Qt's reading of any JSON text (scalars wrapped in an array first, as SioCodec does).
std::optional<QJsonValue> qtParse(const QByteArray &text)
{
    QJsonParseError error{};
    const QByteArray wrapped = "[" + text + "]";
    const QJsonDocument doc = QJsonDocument::fromJson(wrapped, &error);
    if (error.error != QJsonParseError::NoError || doc.array().size() != 1)
        return std::nullopt;
    return doc.array().at(0);
}

std::optional<QJsonValue> liteParse(const QByteArray &text)
{
    const auto doc = LiteJson::parse(text);
    if (!doc)
        return std::nullopt;
    return doc->root().toJsonValue();
}

QList<QByteArray> fixtureFrames()
{
    QList<QByteArray> out;
    const QDir dir(QStringLiteral(TT_EVENT_FIXTURES));
    for (const QString &name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QJsonObject envelope = QJsonDocument::fromJson(file.readAll()).object();
        SioPacket p;
        p.nsp = QStringLiteral("/orders");
        p.data = QJsonArray{envelope.value(QLatin1String("event")), envelope};
        out << SioCodec::encodeText(p);
    }
    return out;
}

} // namespace

class tst_LiteJson : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void grammar_data();
    void grammar();
    void strings();
    void numbers();
    void duplicateKeys();
    void nesting();
    void readers();
    void fixturesReadAsQt();
    void truncatedFrames();
    void mutatedFrames();
    void packets_data();
    void packets();
};

void tst_LiteJson::grammar_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("object") << QByteArray(R"({"a":1,"b":[true,false,null]})") << true;
    QTest::newRow("spaces") << QByteArray(" \t\r\n{ \"a\" : [ 1 , 2 ] }\n ") << true;
    QTest::newRow("scalar string") << QByteArray(R"("x")") << true;
    QTest::newRow("scalar number") << QByteArray("-12.5e+3") << true;
    QTest::newRow("empty containers") << QByteArray(R"([{},[],""])") << true;
    QTest::newRow("empty text") << QByteArray() << false;
    QTest::newRow("only spaces") << QByteArray("   ") << false;
    QTest::newRow("trailing comma array") << QByteArray("[1,]") << false;
    QTest::newRow("trailing comma object") << QByteArray(R"({"a":1,})") << false;
    QTest::newRow("leading comma") << QByteArray("[,1]") << false;
    QTest::newRow("missing colon") << QByteArray(R"({"a" 1})") << false;
    QTest::newRow("unquoted key") << QByteArray("{a:1}") << false;
    QTest::newRow("single quotes") << QByteArray("['a']") << false;
    QTest::newRow("garbage after") << QByteArray("[1]x") << false;
    QTest::newRow("two values") << QByteArray("1 2") << false;
    QTest::newRow("unclosed array") << QByteArray("[1") << false;
    QTest::newRow("unclosed object") << QByteArray(R"({"a":1)") << false;
    QTest::newRow("unclosed string") << QByteArray(R"(["a)") << false;
    QTest::newRow("bad literal") << QByteArray("[tru]") << false;
    QTest::newRow("capital literal") << QByteArray("[True]") << false;
    QTest::newRow("leading zero") << QByteArray("[01]") << false;
    QTest::newRow("bare minus") << QByteArray("[-]") << false;
    QTest::newRow("dot without digits") << QByteArray("[1.]") << false;
    QTest::newRow("leading dot") << QByteArray("[.5]") << false;
    QTest::newRow("plus sign") << QByteArray("[+1]") << false;
    QTest::newRow("empty exponent") << QByteArray("[1e]") << false;
    QTest::newRow("hex") << QByteArray("[0x10]") << false;
    QTest::newRow("infinity") << QByteArray("[Infinity]") << false;
    QTest::newRow("nan") << QByteArray("[NaN]") << false;
    QTest::newRow("beyond double") << QByteArray("[1e400]") << false;
    QTest::newRow("control character") << QByteArray("[\"a\tb\"]") << false;
    QTest::newRow("bad escape") << QByteArray(R"(["\x41"])") << false;
    QTest::newRow("short unicode escape") << QByteArray(R"(["\u12"])") << false;
    QTest::newRow("bad unicode escape") << QByteArray(R"(["\u12G4"])") << false;
    QTest::newRow("overlong utf-8") << QByteArray("[\"\xC0\x80\"]") << false;
    QTest::newRow("utf-8 surrogate") << QByteArray("[\"\xED\xA0\x80\"]") << false;
    QTest::newRow("beyond U+10FFFF") << QByteArray("[\"\xF4\x90\x80\x80\"]") << false;
    QTest::newRow("lone continuation") << QByteArray("[\"\x80\"]") << false;
    QTest::newRow("cut sequence") << QByteArray("[\"\xE2\x82\"]") << false;
    QTest::newRow("nul byte") << QByteArray("[\"a\0b\"]", 7) << false;
    QTest::newRow("comment") << QByteArray("[1 /* x */]") << false;
}

void tst_LiteJson::grammar()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, accepted);
    const auto lite = liteParse(text);
    QCOMPARE(lite.has_value(), accepted);
    // Never more lenient than Qt's parser, and the same value where both read it.
    const auto qt = qtParse(text);
    if (lite)
        QVERIFY2(qt.has_value(), text.constData());
    if (lite && qt)
        QCOMPARE(*lite, *qt);
}

void tst_LiteJson::strings()
{
    const auto doc = LiteJson::parse(
        R"(["plain","tab\there","\"q\" \\ \/","\u00e9\u20ac","\ud83d\ude00","\udc00x","Grüße €"])");
    QVERIFY(doc);
    const LiteJsonArray a = doc->root().toArray();
    QCOMPARE(a.size(), 7);
    QCOMPARE(a.at(0).toString(), QStringLiteral("plain"));
    QCOMPARE(a.at(1).toString(), QStringLiteral("tab\there"));
    QCOMPARE(a.at(2).toString(), QStringLiteral("\"q\" \\ /"));
    QCOMPARE(a.at(3).toString(), QString::fromUtf8("é€"));
    QCOMPARE(a.at(4).toString(), QString::fromUtf8("😀"));
    QCOMPARE(a.at(5).toString(), QString(QChar(0xDC00)) + QLatin1Char('x')); // lone, as JS
    QCOMPARE(a.at(6).toString(), QString::fromUtf8("Grüße €"));
    QVERIFY(a.at(0).equals(QLatin1String("plain")));
    QVERIFY(!a.at(0).equals(QLatin1String("plai")));
    QVERIFY(a.at(1).equals(QLatin1String("tab\there"))); // through the escape
    QVERIFY(!a.at(7).isString());                        // past the end: undefined
    QVERIFY(a.at(7).isUndefined());
    QCOMPARE(a.at(-1).toString(QStringLiteral("none")), QStringLiteral("none"));
}

void tst_LiteJson::numbers()
{
    const auto doc = LiteJson::parse("[0,-0,12,-3.25,1e3,2E-2,9007199254740993,123456789012]");
    QVERIFY(doc);
    const LiteJsonArray a = doc->root().toArray();
    QCOMPARE(a.at(0).toDouble(), 0.0);
    QCOMPARE(a.at(2).toDouble(), 12.0);
    QCOMPARE(a.at(3).toDouble(), -3.25);
    QCOMPARE(a.at(4).toDouble(), 1000.0);
    QCOMPARE(a.at(5).toDouble(), 0.02);
    QCOMPARE(a.at(6).toDouble(), 9007199254740992.0); // rounded as a double, as JSON.parse does
    QCOMPARE(a.at(7).toDouble(), 123456789012.0);
    // Beyond a double's range either way is refused, as Qt's parser refuses it.
    QVERIFY(!LiteJson::parse("[1e-400]"));
    QVERIFY(!LiteJson::parse("[-2e-324]"));
    QVERIFY(!LiteJson::parse("[1e400]"));
    QVERIFY(QJsonDocument::fromJson("[1e-400]").isNull());
    // Read back as Qt reads them: whole numbers that fit in 64 bits as integers, exactly.
    const auto big = LiteJson::parse("[2222222222222222222,1e18,1.0,-0.0,0.5]");
    QVERIFY(big);
    const QJsonArray qt
        = QJsonDocument::fromJson("[2222222222222222222,1e18,1.0,-0.0,0.5]").array();
    QCOMPARE(big->root().toJsonValue(), QJsonValue(qt));
    QCOMPARE(a.at(0).toDouble(7), 0.0);
    QCOMPARE(LiteJson::parse(R"(["1"])")->root().toArray().at(0).toDouble(7), 7.0);
}

void tst_LiteJson::duplicateKeys()
{
    // As QJsonObject: the last of equal keys (also when spelled with an escape).
    const QByteArray text = R"({"a":1,"b":2,"a":3,"\u0062":4})";
    const auto doc = LiteJson::parse(text);
    QVERIFY(doc);
    const LiteJsonObject o = doc->root().toObject();
    QCOMPARE(o.size(), 4); // members as sent
    QCOMPARE(o.value(QLatin1String("a")).toDouble(), 3.0);
    QCOMPARE(o.value(QLatin1String("b")).toDouble(), 4.0);
    QVERIFY(!o.contains(QLatin1String("c")));
    QCOMPARE(doc->root().toJsonValue(), *qtParse(text));
}

void tst_LiteJson::nesting()
{
    // At most 1024 deep, as Qt's parser; deeper is refused without recursing further.
    const auto nested = [](int depth) -> QByteArray {
        return QByteArray(depth, '[') + QByteArray(depth, ']');
    };
    QVERIFY(LiteJson::parse(nested(LiteJson::MaxDepth)));
    QVERIFY(!LiteJson::parse(nested(LiteJson::MaxDepth + 1)));
    QVERIFY(!LiteJson::parse(nested(200000)));
    QVERIFY(!LiteJson::parse(QByteArray(200000, '[')));
    QVERIFY(!LiteJson::parse(QByteArray(100000, '{')));
}

void tst_LiteJson::readers()
{
    const auto doc = LiteJson::parse(R"({"o":{"x":true},"a":[1,{"y":null}],"s":"t","f":false})");
    QVERIFY(doc);
    const LiteJsonObject root = doc->root().toObject();
    QVERIFY(root.value(QLatin1String("o")).isObject());
    QVERIFY(root.value(QLatin1String("o")).toObject().value(QLatin1String("x")).toBool());
    QVERIFY(!root.value(QLatin1String("f")).toBool(true));
    QVERIFY(root.value(QLatin1String("missing")).toBool(true)); // the default for undefined
    QVERIFY(root.value(QLatin1String("s")).toBool(true));       // and for another type
    QVERIFY(root.value(QLatin1String("a"))
                .toArray()
                .at(1)
                .toObject()
                .value(QLatin1String("y"))
                .isNull());
    // Wrong types read as empty, never as garbage.
    QVERIFY(root.value(QLatin1String("s")).toObject().isEmpty());
    QVERIFY(root.value(QLatin1String("o")).toArray().isEmpty());
    QCOMPARE(root.value(QLatin1String("o")).toString(), QString());
    QCOMPARE(root.value(QLatin1String("a")).toDouble(-1), -1.0);
    int n = 0;
    for (const LiteJsonValue v : root.value(QLatin1String("a")).toArray()) {
        Q_UNUSED(v);
        ++n;
    }
    QCOMPARE(n, 2);
    for (const LiteJsonValue v : LiteJsonArray()) // an empty one iterates nothing
        QFAIL(qPrintable(v.toString()));
    QVERIFY(LiteJson().root().isUndefined());
}

void tst_LiteJson::fixturesReadAsQt()
{
    const QList<QByteArray> frames = fixtureFrames();
    QCOMPARE(frames.size(), 17);
    for (const QByteArray &frame : frames) {
        const auto lite = SioCodec::decodeTextLite(frame);
        const auto qt = SioCodec::decodeText(frame);
        QVERIFY2(lite.ok(), frame.constData());
        QVERIFY(qt.ok());
        QCOMPARE(lite->nsp, qt->nsp);
        QCOMPARE(lite->id, qt->id);
        QCOMPARE(lite->toPacket().data, qt->data);
        QCOMPARE(SioCodec::validate(*lite), QString());
    }
}

void tst_LiteJson::truncatedFrames()
{
    for (const QByteArray &frame : fixtureFrames()) {
        for (qsizetype n = 0; n < frame.size(); ++n) {
            const QByteArray cut = frame.first(n);
            const auto lite = SioCodec::decodeTextLite(cut);
            const auto qt = SioCodec::decodeText(cut);
            QCOMPARE(lite.ok(), qt.ok());
            if (lite.ok())
                (void)SioCodec::validate(*lite);
        }
    }
}

void tst_LiteJson::mutatedFrames()
{
    // Random bytes changed, inserted or removed in the 17 frames: no crash, never accepted where
    // Qt's parser refuses, the same value wherever both accept.
    QRandomGenerator rng(20261207);
    const QList<QByteArray> frames = fixtureFrames();
    static const char alphabet[] = "{}[]\",:\\/u0123456789.eE+-tfnlrs \t\n\x80\xC3\xED\xF4\x01";
    int bothAccepted = 0;
    for (int round = 0; round < 20000; ++round) {
        QByteArray f = frames.at(int(rng.bounded(frames.size())));
        const int edits = 1 + int(rng.bounded(3));
        for (int k = 0; k < edits && !f.isEmpty(); ++k) {
            const qsizetype at = qsizetype(rng.bounded(int(f.size())));
            const char c = alphabet[rng.bounded(int(sizeof alphabet - 1))];
            switch (rng.bounded(3)) {
            case 0:
                f[at] = c;
                break;
            case 1:
                f.insert(at, c);
                break;
            default:
                f.remove(at, 1);
                break;
            }
        }
        const auto lite = SioCodec::decodeTextLite(f);
        const auto qt = SioCodec::decodeText(f);
        if (lite.ok()) {
            QVERIFY2(qt.ok(), f.constData());
            QCOMPARE(lite->toPacket().data, qt->data);
            QCOMPARE(SioCodec::validate(*lite).isEmpty(), SioCodec::validate(*qt).isEmpty());
            ++bothAccepted;
        }
    }
    QVERIFY(bothAccepted > 100); // the mutations also reach the readers, not only refusals
}

void tst_LiteJson::packets_data()
{
    QTest::addColumn<QByteArray>("wire");
    QTest::addColumn<bool>("decodes");
    QTest::addColumn<bool>("valid");
    QTest::newRow("event") << QByteArray(R"(2/orders,["a",{"b":1}])") << true << true;
    QTest::newRow("event with ack id") << QByteArray(R"(2/orders,12["a"])") << true << true;
    QTest::newRow("numeric name") << QByteArray("2[7]") << true << true;
    QTest::newRow("ack") << QByteArray("3/orders,4[{}]") << true << true;
    QTest::newRow("ack without id") << QByteArray("3[]") << true << false;
    QTest::newRow("ack object") << QByteArray("31{}") << true << false;
    QTest::newRow("event object") << QByteArray(R"(2{"a":1})") << true << false;
    QTest::newRow("event empty") << QByteArray("2[]") << true << false;
    QTest::newRow("event no payload") << QByteArray("2") << true << false;
    QTest::newRow("event name object") << QByteArray("2[{}]") << true << false;
    QTest::newRow("reserved") << QByteArray(R"(2["connect"])") << true << false;
    QTest::newRow("reserved escaped") << QByteArray(R"(2["conn\u0065ct"])") << true << false;
    QTest::newRow("reserved removeListener")
        << QByteArray(R"(2["removeListener"])") << true << false;
    QTest::newRow("binary event") << QByteArray(R"(51-["a",{"_placeholder":true,"num":0}])") << true
                                  << true;
    QTest::newRow("binary too few")
        << QByteArray(R"(50-["a",{"_placeholder":true,"num":0}])") << true << false;
    QTest::newRow("connect") << QByteArray(R"(0/orders,{"token":"t"})") << true << true;
    QTest::newRow("connect array") << QByteArray("0[]") << true << false;
    QTest::newRow("bad json") << QByteArray(R"(2["a")") << false << false;
    QTest::newRow("garbage") << QByteArray(R"(2["a"]x)") << false << false;
    QTest::newRow("type 9") << QByteArray("9[]") << false << false;
    QTest::newRow("empty") << QByteArray() << false << false;
    QTest::newRow("huge id") << QByteArray(R"(29999999999999999999["a"])") << false << false;
}

void tst_LiteJson::packets()
{
    QFETCH(QByteArray, wire);
    QFETCH(bool, decodes);
    QFETCH(bool, valid);
    const auto lite = SioCodec::decodeTextLite(wire);
    QCOMPARE(lite.ok(), decodes);
    QCOMPARE(SioCodec::decodeText(wire).ok(), decodes);
    if (!decodes) {
        QVERIFY(!lite.error().isEmpty());
        return;
    }
    QCOMPARE(SioCodec::validate(*lite).isEmpty(), valid);
    QCOMPARE(SioCodec::validate(*SioCodec::decodeText(wire)).isEmpty(), valid);
}

QTEST_APPLESS_MAIN(tst_LiteJson)
#include "tst_litejson.moc"
