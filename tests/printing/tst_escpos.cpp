// EscPos: exact bytes of each command, text in the code page with controls never passed on, the
// decoder on our own output and on garbage, the paper status byte, and the documents' JSON.
#include "escpos.h"
#include "printdocument.h"
#include "printlayouts.h"

#include <QFile>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QTest>

using namespace TableTap;

// Bytes as Latin-1 text, NULs included.
template<size_t N>
static QString raw(const char (&s)[N])
{
    return QString::fromLatin1(s, qsizetype(N - 1));
}

class tst_EscPos : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void commands_data();
    void commands();
    void text_data();
    void text();
    void ticketDecodes();
    void hostileTextIsNeverACommand();
    void decodeIsBoundedOnGarbage();
    void decodeTruncated();
    void paperStatus_data();
    void paperStatus();
    void documentJsonRoundTrip();
    void labelsPerCup();
    void sampleTicketMatchesDocs();
};

void tst_EscPos::commands_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QByteArray>("expected");
    QTest::addColumn<QString>("decoded");
    QTest::newRow("init") << EscPos().init().bytes() << QByteArray("\x1b@\x1bt\x13", 5)
                          << "[init][codepage 19]";
    QTest::newRow("bold") << EscPos().bold(true).bold(false).bytes()
                          << QByteArray("\x1b"
                                        "E\x01\x1b"
                                        "E\x00",
                                        6)
                          << "[bold on][bold off]";
    QTest::newRow("size") << EscPos().size(2, 3).bytes() << QByteArray("\x1d!\x12", 3)
                          << "[size 2x3]";
    QTest::newRow("align") << EscPos().align(EscPos::Align::Center).bytes()
                           << QByteArray("\x1b"
                                         "a\x01",
                                         3)
                           << "[align center]";
    QTest::newRow("feed") << EscPos().feed(4).bytes()
                          << QByteArray("\x1b"
                                        "d\x04",
                                        3)
                          << "[feed 4]";
    QTest::newRow("cut") << EscPos().cut().bytes() << QByteArray("\x1dV\x42\x03", 4)
                         << "[cut partial]";
    QTest::newRow("full cut") << EscPos().cut(false).bytes() << QByteArray("\x1dV\x41\x03", 4)
                              << "[cut]";
    QTest::newRow("line") << EscPos().line("Hi").bytes() << QByteArray("Hi\n") << "Hi\n";
    QTest::newRow("qr") << EscPos().qr("AB", 5).bytes()
                        << QByteArray("\x1d(k\x04\x00\x31\x41\x32\x00"
                                      "\x1d(k\x03\x00\x31\x43\x05"
                                      "\x1d(k\x03\x00\x31\x45\x31"
                                      "\x1d(k\x05\x00\x31\x50\x30"
                                      "AB"
                                      "\x1d(k\x03\x00\x31\x51\x30",
                                      43)
                        << "[qr model 2][qr size 5][qr ecc M][qr data \"AB\"][qr print]";
}

void tst_EscPos::commands()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QByteArray, expected);
    QFETCH(QString, decoded);
    QCOMPARE(bytes.toHex(' '), expected.toHex(' '));
    QCOMPARE(EscPos::decode(bytes), decoded);
}

void tst_EscPos::text_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("page");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("ascii") << "Latte 2x" << int(EscPos::CodePage::Pc858) << QByteArray("Latte 2x");
    QTest::newRow("umlauts 858") << QString::fromUtf8("Müller ß €") << int(EscPos::CodePage::Pc858)
                                 << QByteArray("M\x81ller \xe1 \xd5");
    QTest::newRow("euro 437 has none")
        << QString::fromUtf8("5 €") << int(EscPos::CodePage::Pc437) << QByteArray("5 ?");
    QTest::newRow("1252") << QString::fromUtf8("Café €") << int(EscPos::CodePage::Wpc1252)
                          << QByteArray("Caf\xe9 \x80");
    QTest::newRow("unmappable") << QString::fromUtf8("茶 tea 🍵") << int(EscPos::CodePage::Pc858)
                                << QByteArray("? tea ?");
    QTest::newRow("controls dropped") << raw("A\x1b@B\x1dV\x41\x00\x10\x04\x04"
                                             "C\x7f")
                                             + QChar(0x9b) + QChar(0x202e) + QStringLiteral("D")
                                      << int(EscPos::CodePage::Pc858) << QByteArray("A@BVACD");
    QTest::newRow("newline is a space") << "one\ntwo\rthree\tfour" << int(EscPos::CodePage::Pc858)
                                        << QByteArray("one two three four");
}

void tst_EscPos::text()
{
    QFETCH(QString, text);
    QFETCH(int, page);
    QFETCH(QByteArray, expected);
    QCOMPARE(EscPos::encodeText(text, EscPos::CodePage(page)).toHex(' '), expected.toHex(' '));
    // The decoder gives the text back where the page has every character.
    if (!expected.contains('?'))
        QCOMPARE(EscPos::decode(expected, EscPos::CodePage(page)), PrintDocument::cleanText(text));
}

static Order sampleOrder()
{
    Order o;
    o.id = "o-1";
    o.number = "ORD20261207-0042";
    o.customerName = QString::fromUtf8("Zoë");
    o.counter = "Counter 1";
    o.items = {{"i1", "p1", "Latte", 2, 450, 900, {"Oat milk", "Extra shot"}},
               {"i2", "p2", "Croissant", 1, 300, 300, {}}};
    o.subtotal = 1200;
    o.tax = 96;
    o.tip = 150;
    o.total = 1446;
    return o;
}

void tst_EscPos::ticketDecodes()
{
    const PrintDocument doc = PrintLayouts::kitchenTicket(
        sampleOrder(), "Counter 1", QDateTime(QDate(2026, 12, 7), QTime(9, 41)));
    const QString d = EscPos::decode(EscPos::render(doc, EscPos::CodePage::Pc858, 42));
    QVERIFY2(d.startsWith("[init][codepage 19]"), qPrintable(d));
    QVERIFY(d.contains("[bold on][size 2x2]ORD20261207-0042\n[size 1x1][bold off]"));
    QVERIFY(d.contains("Counter 1"));
    QVERIFY(d.contains("2026-12-07 09:41"));
    QVERIFY(d.contains(QString::fromUtf8("[size 2x2]Zoë\n")));
    QVERIFY(d.contains("[bold on]2 x Latte\n[bold off]"));
    QVERIFY(d.contains("   + Oat milk\n"));
    QVERIFY(d.contains("   + Extra shot\n"));
    QVERIFY(d.contains("1 x Croissant"));
    QVERIFY(d.contains("3 item(s)"));
    QVERIFY(d.contains("[qr data \"ORD20261207-0042\"][qr print]"));
    QVERIFY(d.endsWith("[cut partial]"));
    QCOMPARE(d.count("[init]"), 1);
}

void tst_EscPos::hostileTextIsNeverACommand()
{
    Order o = sampleOrder();
    // ESC @ (reset), GS V (cut), DLE EOT, GS ( k (a QR of our choosing), a bidi override.
    o.customerName = raw("Eve\x1b@\x1dV\x41\x00\x10\x04\x01\x1d(k\x03\x00\x31\x51\x30")
                     + QChar(0x202e) + QStringLiteral("x");
    o.items[0].productName = raw("Latte\x1b"
                                 "E\x01\n\x1b"
                                 "d\xff");
    o.items[0].customizations = {raw("\x1bt\x00oat")};
    Order clean = o;
    clean.customerName = QStringLiteral("Eve@VA(k1Q0x");
    clean.items[0].productName = QStringLiteral("LatteE d\u00ff");
    clean.items[0].customizations = {QStringLiteral("toat")};
    const QDateTime at(QDate(2026, 12, 7), QTime(9, 41));
    const QByteArray hostile = EscPos::render(PrintLayouts::kitchenTicket(o, "Counter 1", at),
                                              EscPos::CodePage::Pc858, 42);
    const QByteArray expected = EscPos::render(PrintLayouts::kitchenTicket(clean, "Counter 1", at),
                                               EscPos::CodePage::Pc858, 42);
    QCOMPARE(hostile.toHex(' '), expected.toHex(' '));
    const QString d = EscPos::decode(hostile);
    QCOMPARE(d.count("[init]"), 1);
    QCOMPARE(d.count("[cut"), 1);
    QCOMPARE(d.count("[qr print]"), 1);
    QVERIFY(!d.contains("[status request"));
    QVERIFY(!d.contains("[0x"));
}

void tst_EscPos::decodeIsBoundedOnGarbage()
{
    QRandomGenerator rng(18);
    for (int round = 0; round < 50; ++round) {
        QByteArray junk(int(rng.bounded(1, 20000)), Qt::Uninitialized);
        for (char &c : junk)
            c = char(rng.bounded(256));
        // Commands with lengths pointing far past the end.
        junk.append("\x1d(k\xff\xff\x31\x50", 7);
        const QString d = EscPos::decode(junk, EscPos::CodePage::Pc858, 50000);
        QVERIFY(d.size() <= 50000 + 200);
    }
    const QByteArray big(2'000'000, 'x');
    QVERIFY(EscPos::decode(big, EscPos::CodePage::Pc858, 1000).endsWith(QStringLiteral("[…]")));
}

void tst_EscPos::decodeTruncated()
{
    const QByteArray full = EscPos().init().bold(true).qr("ORD1").cut().bytes();
    for (int n = 0; n < full.size(); ++n) {
        const QString d = EscPos::decode(full.left(n));
        QVERIFY(d.size() < 400);
    }
    QCOMPARE(EscPos::decode(QByteArray("\x1d(k\x10\x00\x31\x50", 7)), "[truncated GS ( k]");
    QCOMPARE(EscPos::decode(QByteArray("\x07"
                                       "A")),
             "[0x07]A");
}

void tst_EscPos::paperStatus_data()
{
    QTest::addColumn<int>("byte");
    QTest::addColumn<int>("paper");
    QTest::newRow("present") << 0x12 << int(EscPos::Paper::Present);
    QTest::newRow("near end") << 0x1e << int(EscPos::Paper::NearEnd);
    QTest::newRow("end") << 0x72 << int(EscPos::Paper::End);
    QTest::newRow("end and near") << 0x7e << int(EscPos::Paper::End);
    QTest::newRow("not a status") << 0x41 << int(EscPos::Paper::Invalid);
    QTest::newRow("zero") << 0x00 << int(EscPos::Paper::Invalid);
}

void tst_EscPos::paperStatus()
{
    QFETCH(int, byte);
    QFETCH(int, paper);
    QCOMPARE(int(EscPos::paperFromStatus(char(byte))), paper);
}

void tst_EscPos::documentJsonRoundTrip()
{
    const PrintDocument doc = PrintLayouts::receipt(
        sampleOrder(), "Corner Cafe", PrintLayouts::Payment{"cash", 1446, 2000, {}}, "USD");
    const PrintDocument back = PrintDocument::fromJson(doc.toJson());
    QCOMPARE(back.toJson(), doc.toJson());
    QCOMPARE(EscPos::render(back, EscPos::CodePage::Pc858, 42),
             EscPos::render(doc, EscPos::CodePage::Pc858, 42));
    const QString text = doc.plainText();
    QVERIFY(text.contains("Total\tUSD 14.46"));
    QVERIFY(text.contains("Change\t5.54"));
    // Oversized and unknown input is bounded.
    QJsonArray many;
    for (int i = 0; i < PrintDocument::MaxBlocks + 50; ++i)
        many.append(QJsonObject{{"text", QString(2000, 'x')}});
    many.append(QJsonObject{{"unknown", 1}});
    const PrintDocument bounded = PrintDocument::fromJson({{"blocks", many}});
    QCOMPARE(bounded.blocks.size(), PrintDocument::MaxBlocks);
    QCOMPARE(bounded.blocks.first().text.size(), PrintDocument::MaxTextChars);
}

void tst_EscPos::labelsPerCup()
{
    Order o = sampleOrder();
    o.items.append({"i3", "p3", "Tea", 1, 300, 300, {}});
    const QList<PrintDocument> labels
        = PrintLayouts::cupLabels(o, [](const QString &p) { return p != QLatin1String("p2"); });
    QCOMPARE(labels.size(), 3);
    QVERIFY(labels[0].plainText().contains(QString::fromUtf8("Zoë\t1/3")));
    QVERIFY(labels[0].plainText().contains("Latte\n+ Oat milk\n+ Extra shot"));
    QVERIFY(labels[1].plainText().contains("2/3"));
    QVERIFY(labels[2].plainText().contains("Tea"));
    QVERIFY(labels[2].plainText().contains("3/3"));
    o.items[0].quantity = 1000;
    QCOMPARE(PrintLayouts::cupLabels(o, [](const QString &) { return true; }).size(),
             PrintLayouts::MaxCupsPerOrder);
}

// docs/samples/ticket.txt is this ticket's decoded bytes (TT_UPDATE_SAMPLES=1 writes it).
void tst_EscPos::sampleTicketMatchesDocs()
{
    Order o = sampleOrder();
    o.history = {{OrderStatus::Pending, {}, {}, "No nuts, please"}};
    const PrintDocument doc
        = PrintLayouts::kitchenTicket(o, "Counter 1", QDateTime(QDate(2026, 12, 7), QTime(9, 41)));
    const QString decoded = EscPos::decode(EscPos::render(doc, EscPos::CodePage::Pc858, 42)) + "\n";
    const QString path = QStringLiteral(TT_SOURCE_DIR "/docs/samples/ticket.txt");
    QFile f(path);
    if (qEnvironmentVariableIsSet("TT_UPDATE_SAMPLES")) {
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(decoded.toUtf8());
        f.close();
    }
    QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(path));
    QCOMPARE(QString::fromUtf8(f.readAll()), decoded);
}

QTEST_GUILESS_MAIN(tst_EscPos)
#include "tst_escpos.moc"
