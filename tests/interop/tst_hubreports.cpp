// Stock socket.io-client 4.8.4 (Node, hub-reports.js) against OUR hub (HubServer in process,
// 127.0.0.1, port 0): get_report on /system. Employees are refused, bad requests name the field,
// a manager and an admin get the three reports in the shape of docs/reports.md, and the day
// report counts the order the script paid.
#include "hubserver.h"
#include "hubtestfixture.h"
#include "nodesteps.h"

#include <QStandardPaths>

using namespace TableTap;
using namespace TableTap::Test;

namespace {

QString errorOf(const QJsonValue &answer)
{
    const QJsonObject e = answer.toObject().value(u"error").toObject();
    return e.value(u"type").toString() + u'/' + e.value(u"field").toString();
}

QJsonObject dataOf(const QJsonValue &answer)
{
    return answer.toObject().value(u"data").toObject();
}

// The first row (or the total) of a section as {column key: value}.
QJsonObject row(const QJsonObject &report, const QString &id, bool total = false)
{
    for (const QJsonValue sv : report.value(u"sections").toArray()) {
        const QJsonObject s = sv.toObject();
        if (s.value(u"id").toString() != id)
            continue;
        const QJsonArray values
            = total ? s.value(u"total").toArray() : s.value(u"rows").toArray().first().toArray();
        QJsonObject o;
        const QJsonArray columns = s.value(u"columns").toArray();
        for (int i = 0; i < columns.size(); ++i)
            o.insert(columns.at(i).toObject().value(u"key").toString(), values.at(i));
        return o;
    }
    return {};
}

} // namespace

class TestHubReports : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void getReportOverTheWire();
};

void TestHubReports::getReportOverTheWire()
{
    if (QStandardPaths::findExecutable(QStringLiteral("node")).isEmpty())
        QSKIP("node is not installed");
    if (!QFile::exists(QStringLiteral(TT_INTEROP_DIR "/node_modules/socket.io-client")))
        QSKIP("run `npm ci` in tests/interop first");
    HubFixture fixture;
    HubServer::Options options;
    options.bindAddress = QHostAddress::LocalHost;
    options.port = 0;
    HubServer server(fixture.dataDir, options);
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    const auto mint = [&](const HubActor &actor) {
        return QString::fromLatin1(
            server.service()->mintToken(actor, QStringLiteral("access"), 3600));
    };
    const QJsonObject tokens{{"manager", mint(fixture.manager())},
                             {"admin", mint(fixture.admin())},
                             {"employee", mint(fixture.employee())}};
    QString error;
    const QHash<QString, QJsonObject> step
        = runSteps(QStringLiteral("hub-reports.js"), server.port(), tokens, &error);
    QVERIFY2(step.contains(QStringLiteral("reports")), qPrintable(error));
    for (const QJsonValue r : step.value(QStringLiteral("connect")).value(u"results").toArray())
        QCOMPARE(r.toString(), QStringLiteral("connect"));

    const QJsonObject refused = step.value(QStringLiteral("refused"));
    QCOMPARE(errorOf(refused.value(u"employee")), QStringLiteral("PERMISSION_DENIED/"));
    QCOMPARE(errorOf(refused.value(u"unknownReport")), QStringLiteral("INVALID_DATA/report"));
    QCOMPARE(errorOf(refused.value(u"noDate")), QStringLiteral("INVALID_DATA/date"));
    QCOMPARE(errorOf(refused.value(u"badDate")), QStringLiteral("INVALID_DATA/date"));
    QCOMPARE(errorOf(refused.value(u"badTo")), QStringLiteral("INVALID_DATA/to"));
    QCOMPARE(errorOf(refused.value(u"backwards")), QStringLiteral("INVALID_DATA/to"));
    QCOMPARE(errorOf(refused.value(u"tooLong")), QStringLiteral("INVALID_DATA/to"));

    const QJsonObject reports = step.value(QStringLiteral("reports"));
    const QString date = reports.value(u"date").toString();
    QVERIFY(QDate::fromString(date, Qt::ISODate).isValid());
    const QJsonObject day = dataOf(reports.value(u"day"));
    QCOMPARE(day.value(u"report").toString(), QStringLiteral("day"));
    QCOMPARE(day.value(u"from").toString(), date);
    QCOMPARE(day.value(u"to").toString(), date);
    QCOMPARE(day.value(u"currency").toString(), QStringLiteral("USD"));
    QCOMPARE(day.value(u"cafes").toArray().first().toObject().value(u"id").toString(),
             QStringLiteral("cafe1"));
    // The order the script paid: two lattes, a tip of 1.50, paid in cash.
    const QJsonObject order = reports.value(u"order").toObject();
    const QJsonObject summary = row(day, QStringLiteral("summary"));
    QCOMPARE(summary.value(u"orders").toInt(), 1);
    QCOMPARE(summary.value(u"items").toInt(), 2);
    QCOMPARE(summary.value(u"tips").toInteger(), 150);
    QCOMPARE(summary.value(u"total").toInteger(),
             qRound64(order.value(u"totals").toObject().value(u"total_amount").toDouble() * 100));
    QCOMPARE(summary.value(u"total").toInteger(), 2 * 450 + 90 + 150); // 10 % tax
    QCOMPARE(summary.value(u"paid").toInteger(), summary.value(u"total").toInteger());
    QCOMPARE(row(day, QStringLiteral("payments"), true).value(u"payments").toInt(), 1);

    const QJsonObject service = dataOf(reports.value(u"service"));
    QCOMPARE(service.value(u"report").toString(), QStringLiteral("service"));
    QCOMPARE(row(service, QStringLiteral("service_summary")).value(u"not_ready").toInt(), 1);
    const QJsonObject staff = dataOf(reports.value(u"staff"));
    QCOMPARE(staff.value(u"report").toString(), QStringLiteral("staff"));
    const QJsonObject shift = row(staff, QStringLiteral("shifts"));
    QCOMPARE(shift.value(u"person").toString(), QStringLiteral("Jane Employee"));
    QCOMPARE(shift.value(u"open").toBool(), false);
    QCOMPARE(row(staff, QStringLiteral("by_person"), true).value(u"shifts").toInt(), 1);
}

QTEST_GUILESS_MAIN(TestHubReports)
#include "tst_hubreports.moc"
