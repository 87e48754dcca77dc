// Reports as files: ReportFile's CSV (quoting, money as decimals, formula-looking text
// neutralised) parsed back, ReportDocument's HTML escaping a hostile product name, its PDF read
// back with pdftotext, and `tabletap-hub report` writing each format from a data folder with
// the exit codes of the other admin commands.
#include "hubtestfixture.h"
#include "reportdocument.h"
#include "reportfile.h"

#include <QGuiApplication>
#include <QProcess>
#include <QStandardPaths>
#include <QTextDocument>

using namespace TableTap;
using namespace TableTap::Test;

namespace {

const QString kFormula = QStringLiteral("=HYPERLINK(\"http://x\",\"y\")");
const QString kMarkup = QStringLiteral("<b>x</b>");

// RFC 4180 lines back into cells (quoted cells may hold commas, quotes and line breaks).
QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> rows;
    QStringList row;
    QString cell;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                cell += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                cell += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            row.append(cell);
            cell.clear();
        } else if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n') {
            row.append(cell);
            rows.append(row);
            row.clear();
            cell.clear();
            ++i;
        } else {
            cell += c;
        }
    }
    return rows;
}

// The rows of the CSV block titled `title`: header first, up to the next empty line.
QList<QStringList> block(const QList<QStringList> &rows, const QString &title)
{
    QList<QStringList> out;
    bool in = false;
    for (const QStringList &r : rows) {
        if (!in) {
            in = r == QStringList{title};
            continue;
        }
        if (r == QStringList{QString()})
            break;
        out.append(r);
    }
    return out;
}

QString pdfText(const QString &file)
{
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {file, QStringLiteral("-")});
    if (!p.waitForFinished(30000))
        return {};
    return QString::fromUtf8(p.readAllStandardOutput());
}

} // namespace

class TestReportFiles : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void csvQuotesAndNeutralisesFormulas();
    void documentEscapesEverything();
    void pdfReadsBack();
    void commandLineWritesEachFormat();
    void commandLineRefusals_data();
    void commandLineRefusals();

private:
    int runHub(const QStringList &args, QString *err = nullptr);
    QJsonObject sampleReport() const;

    std::unique_ptr<HubFixture> m_f;
    qint64 m_grossSales = 0;
    QTemporaryDir m_out;
};

int TestReportFiles::runHub(const QStringList &args, QString *err)
{
    QProcess p;
    p.start(QStringLiteral(TT_HUB_BINARY), args);
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished(5000);
        return -1;
    }
    if (err)
        *err = QString::fromUtf8(p.readAllStandardError());
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

QJsonObject TestReportFiles::sampleReport() const
{
    return QJsonObject{
        {"report", "day"},
        {"from", "2024-01-01"},
        {"to", "2024-01-01"},
        {"cafes", QJsonArray{QJsonObject{{"id", "c"}, {"name", "Cafe <i>&amp;</i>"}}}},
        {"currency", "EUR"},
        {"timezone", "Europe/Berlin"},
        {"generated_at", "2024-01-02T10:00:00.000Z"},
        {"sections",
         QJsonArray{QJsonObject{
             {"id", "product_mix"},
             {"title", "Product mix"},
             {"columns",
              QJsonArray{QJsonObject{{"key", "product"}, {"title", "Product"}, {"type", "text"}},
                         QJsonObject{{"key", "quantity"}, {"title", "Quantity"}, {"type", "int"}},
                         QJsonObject{{"key", "sales"}, {"title", "Sales"}, {"type", "money"}},
                         QJsonObject{{"key", "at"}, {"title", "At"}, {"type", "time"}},
                         QJsonObject{{"key", "prep"}, {"title", "Prep"}, {"type", "ms"}},
                         QJsonObject{{"key", "late"}, {"title", "Late"}, {"type", "bool"}}}},
             {"rows", QJsonArray{QJsonArray{kMarkup, 2, 123456, 1704099600000LL, 95250, true},
                                 QJsonArray{kFormula, 1, -5, QJsonValue(), 0, false},
                                 QJsonArray{QStringLiteral("Tea, \"green\"\nlarge"), 3, 300,
                                            QJsonValue(), QJsonValue(), QJsonValue()}}},
             {"total",
              QJsonArray{"Total", 6, 123751, QJsonValue(), QJsonValue(), QJsonValue()}}}}}};
}

void TestReportFiles::initTestCase()
{
    QVERIFY(m_out.isValid());
    // A small day in a real data folder: a product with a formula for a name, another with
    // markup, orders paid in cash; then the hub closes and the command line reads the folder.
    m_f = std::make_unique<HubFixture>();
    HubFixture &f = *m_f;
    const HubActor manager = f.manager();
    for (const QString &name : {kFormula, kMarkup}) {
        const CommandResult saved
            = f.run(manager, QStringLiteral("/orders"), QStringLiteral("save_product"),
                    {{"name", name},
                     {"category", "coffee"},
                     {"price", 3.25},
                     {"recipe", QJsonArray{QJsonObject{{"sku", "CUP001"}, {"quantity", 1}}}},
                     {"customizations", QJsonArray()}});
        QVERIFY2(saved.ok(), qPrintable(dump(saved.ack)));
    }
    for (const QString &name : {kFormula, kMarkup, QStringLiteral("Latte")}) {
        f.clock.advance(60000);
        const CommandResult c = f.order(f.employee(), name, 2);
        QVERIFY2(c.ok(), qPrintable(dump(c.ack)));
        const QString id = c.data().value(u"order").toObject().value(u"id").toString();
        const CommandResult s
            = f.run(f.employee(), QStringLiteral("/payments"), QStringLiteral("start_payment"),
                    {{"order_id", id}, {"method", "cash"}});
        QVERIFY(s.ok());
        QVERIFY(f.run(f.employee(), QStringLiteral("/payments"), QStringLiteral("confirm_payment"),
                      {{"transaction_id",
                        s.data().value(u"payment").toObject().value(u"transaction_id")}})
                    .ok());
    }
    m_grossSales = f.scalar(QStringLiteral("cafe1"),
                            QStringLiteral("SELECT SUM(subtotal_cents) FROM orders"))
                       .toLongLong();
    QCOMPARE(m_grossSales, 2 * 325 + 2 * 325 + 2 * 450);
    m_f->hub.reset();
}

void TestReportFiles::csvQuotesAndNeutralisesFormulas()
{
    const QByteArray bytes = ReportFile::csv(sampleReport());
    QVERIFY(bytes.contains("\r\n"));
    const QList<QStringList> rows = parseCsv(QString::fromUtf8(bytes));
    QCOMPARE(rows.first(), (QStringList{"Report", "day"}));
    const QList<QStringList> mix = block(rows, QStringLiteral("Product mix"));
    QCOMPARE(mix.size(), 5);
    QCOMPARE(mix.at(0), (QStringList{"Product", "Quantity", "Sales", "At", "Prep", "Late"}));
    // Money as decimals, times in Berlin, ms as seconds, booleans as words, null as empty.
    QCOMPARE(mix.at(1),
             (QStringList{kMarkup, "2", "1234.56", "2024-01-01 10:00:00", "95.250", "yes"}));
    // The formula is text with a leading quote; a negative amount stays a number.
    QCOMPARE(mix.at(2), (QStringList{u'\'' + kFormula, "1", "-0.05", "", "0.000", "no"}));
    QCOMPARE(mix.at(3).first(), QStringLiteral("Tea, \"green\"\nlarge"));
    QCOMPARE(mix.at(4), (QStringList{"Total", "6", "1237.51", "", "", ""}));
    for (const char *lead : {"+1", "-1", "@SUM(A1)", "\tx"})
        QVERIFY(parseCsv(QString::fromUtf8(ReportFile::csv(QJsonObject{
                             {"sections",
                              QJsonArray{QJsonObject{
                                  {"title", "S"},
                                  {"columns", QJsonArray{QJsonObject{
                                                  {"key", "a"}, {"title", "A"}, {"type", "text"}}}},
                                  {"rows", QJsonArray{QJsonArray{QLatin1String(lead)}}}}}}})))
                    .last()
                    .first()
                    .startsWith(u'\''));
    QCOMPARE(ReportFile::formatFromName(u"PDF"), ReportFile::Format::Pdf);
    QVERIFY(!ReportFile::formatFromName(u"xlsx"));
}

void TestReportFiles::documentEscapesEverything()
{
    const QString html = ReportDocument::html(sampleReport());
    QVERIFY(!html.contains(kMarkup));
    QVERIFY(html.contains(QStringLiteral("&lt;b&gt;x&lt;/b&gt;")));
    QVERIFY(html.contains(QStringLiteral("Cafe &lt;i&gt;&amp;amp;&lt;/i&gt;")));
    QVERIFY(html.contains(QStringLiteral("1,234.56 EUR")));
    // In a document the name reads as typed, and nothing became bold.
    QTextDocument doc;
    ReportDocument::fill(sampleReport(), &doc);
    const QString plain = doc.toPlainText();
    QVERIFY(plain.contains(kMarkup));
    QVERIFY(plain.contains(QStringLiteral("Cafe <i>&amp;</i>")));
    QVERIFY(plain.contains(QStringLiteral("10:00"))); // 09:00 UTC in Berlin
    QVERIFY(plain.contains(QStringLiteral("1:35")));  // 95.25 s
    QCOMPARE(ReportDocument::displayCell(QJsonValue(-5), QStringLiteral("money"), sampleReport()),
             QStringLiteral("-0.05 EUR"));
}

void TestReportFiles::pdfReadsBack()
{
    if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
        QSKIP("pdftotext (poppler-utils) is not installed");
    const QString file = m_out.filePath(QStringLiteral("sample.pdf"));
    QString error;
    QVERIFY2(ReportDocument::writePdf(sampleReport(), file, &error), qPrintable(error));
    const QString text = pdfText(file);
    QVERIFY2(text.contains(QStringLiteral("Product mix")), qPrintable(text));
    QVERIFY(text.contains(kMarkup));
    QVERIFY(text.contains(QStringLiteral("1,237.51 EUR")));
    QVERIFY(text.contains(QStringLiteral("Page 1 of 1")));
    QVERIFY(!ReportDocument::writePdf(sampleReport(), QStringLiteral("/nonexistent/dir/x.pdf"),
                                      &error));
    QVERIFY(error.contains(u"/nonexistent/dir/x.pdf"));
}

void TestReportFiles::commandLineWritesEachFormat()
{
    const QStringList base{QStringLiteral("report"), QStringLiteral("day"),
                           QStringLiteral("--data"), m_f->dataDir,
                           QStringLiteral("--cafe"), QStringLiteral("cafe1"),
                           QStringLiteral("--date"), QStringLiteral("2024-01-01")};
    QString err;
    const QString json = m_out.filePath(QStringLiteral("day.json"));
    QCOMPARE(runHub(base + QStringList{"--format", "json", "--out", json}, &err), 0);
    QFile jf(json);
    QVERIFY(jf.open(QIODevice::ReadOnly));
    const QJsonObject report = QJsonDocument::fromJson(jf.readAll()).object();
    QCOMPARE(report.value(u"report").toString(), QStringLiteral("day"));
    const QJsonArray summary = report.value(u"sections")
                                   .toArray()
                                   .first()
                                   .toObject()
                                   .value(u"rows")
                                   .toArray()
                                   .first()
                                   .toArray();
    QCOMPARE(summary.at(0).toInt(), 3);                // orders
    QCOMPARE(summary.at(5).toInteger(), m_grossSales); // gross sales

    const QString csv = m_out.filePath(QStringLiteral("day.csv"));
    QCOMPARE(runHub(base + QStringList{"--format", "csv", "--out", csv}, &err), 0);
    QFile cf(csv);
    QVERIFY(cf.open(QIODevice::ReadOnly));
    const QList<QStringList> rows = parseCsv(QString::fromUtf8(cf.readAll()));
    const QList<QStringList> s = block(rows, QStringLiteral("Summary"));
    QCOMPARE(s.at(0).at(5), QStringLiteral("Gross sales"));
    QCOMPARE(s.at(1).at(5), ReportFile::decimalCents(m_grossSales));
    const QList<QStringList> mix = block(rows, QStringLiteral("Product mix"));
    QStringList names;
    for (const QStringList &r : mix)
        names.append(r.first());
    QVERIFY2(names.contains(u'\'' + kFormula), qPrintable(names.join(u'|')));
    QVERIFY(!names.contains(kFormula));

    if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
        QSKIP("pdftotext (poppler-utils) is not installed");
    const QString pdf = m_out.filePath(QStringLiteral("day.pdf"));
    // No display needed: the command picks the offscreen platform itself.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(TT_HUB_BINARY), base + QStringList{"--format", "pdf", "--out", pdf});
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 0);
    const QString text = pdfText(pdf);
    for (const char *heading : {"Summary", "Orders and sales by hour", "Product mix",
                                "Payments by method", "drinks against allowances"})
        QVERIFY2(text.contains(QLatin1String(heading)), heading);
    QVERIFY(text.contains(QStringLiteral("Cafe cafe1")));
    QVERIFY2(text.contains(QStringLiteral("%1 USD").arg(
                 QLocale(QLocale::English).toString(double(m_grossSales) / 100, 'f', 2))),
             qPrintable(text));
    QVERIFY(text.contains(kMarkup));

    // Staff and service too, over a range.
    const QString staff = m_out.filePath(QStringLiteral("staff.csv"));
    QCOMPARE(runHub({"report", "staff", "--data", m_f->dataDir, "--cafe", "cafe1", "--date",
                     "2024-01-01", "--to", "2024-01-31", "--format", "csv", "--out", staff}),
             0);
    QVERIFY(QFile::exists(staff));
    const QString service = m_out.filePath(QStringLiteral("service.json"));
    QCOMPARE(runHub({"report", "service", "--data", m_f->dataDir, "--cafe", "cafe1", "--date",
                     "2024-01-01", "--format", "json", "--out", service}),
             0);
}

void TestReportFiles::commandLineRefusals_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    const QString out = QStringLiteral("/tmp/tt-never-written.csv");
    QTest::newRow("unknown report")
        << QStringList{"report",     "weekly",   "--cafe", "cafe1", "--date",
                       "2024-01-01", "--format", "csv",    "--out", out}
        << 2 << "day, service, staff";
    QTest::newRow("bad date") << QStringList{"report",     "day",      "--cafe", "cafe1", "--date",
                                             "01/01/2024", "--format", "csv",    "--out", out}
                              << 2 << "--date";
    QTest::newRow("to before") << QStringList{"report",   "day",        "--cafe", "cafe1",
                                              "--date",   "2024-01-05", "--to",   "2024-01-01",
                                              "--format", "csv",        "--out",  out}
                               << 2 << "--to";
    QTest::newRow("too long") << QStringList{"report",   "day",        "--cafe", "cafe1",
                                             "--date",   "2024-01-01", "--to",   "2024-06-01",
                                             "--format", "csv",        "--out",  out}
                              << 2 << "92 days";
    QTest::newRow("bad format") << QStringList{"report", "day",        "--cafe",   "cafe1",
                                               "--date", "2024-01-01", "--format", "xlsx",
                                               "--out",  out}
                                << 2 << "--format";
    QTest::newRow("no out") << QStringList{"report", "day",        "--cafe",   "cafe1",
                                           "--date", "2024-01-01", "--format", "csv"}
                            << 2 << "--out";
    QTest::newRow("unknown cafe") << QStringList{"report", "day",        "--cafe",   "nope",
                                                 "--date", "2024-01-01", "--format", "csv",
                                                 "--out",  out}
                                  << 3 << "nope";
    QTest::newRow("unwritable") << QStringList{"report",   "day",
                                               "--cafe",   "cafe1",
                                               "--date",   "2024-01-01",
                                               "--format", "pdf",
                                               "--out",    "/nonexistent/x.pdf"}
                                << 1 << "/nonexistent/x.pdf";
}

void TestReportFiles::commandLineRefusals()
{
    QFETCH(QStringList, args);
    QFETCH(int, code);
    QFETCH(QString, message);
    QString err;
    QCOMPARE(runHub(args + QStringList{"--data", m_f->dataDir}, &err), code);
    QVERIFY2(err.contains(message), qPrintable(err));
    QVERIFY(!QFile::exists(QStringLiteral("/tmp/tt-never-written.csv")));
}

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    TestReportFiles test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_reportfiles.moc"
