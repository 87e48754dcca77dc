// Stock socket.io-client 4.8.4 (Node, hub-settings.js and hub-timesheets.js) against OUR hub
// (HubServer in process, 127.0.0.1, port 0): the back office's settings (the new keys, the
// shared validator's errors naming the field, history), stock levels (set_stock_levels and the
// alerts they raise and clear) and timesheet corrections (correct_timesheet: roles, validation,
// idempotency by request_id, timesheet:corrected to the managers and the employee's own room,
// corrections and warnings in list_timesheets).
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

QDateTime timeOf(const QJsonValue &iso)
{
    return QDateTime::fromString(iso.toString(), Qt::ISODate);
}

} // namespace

class TestHubSettingsTimesheets : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void settingsAndStockLevelsOverTheWire();
    void timesheetCorrectionsOverTheWire();

private:
    QString mint(const HubActor &actor) const
    {
        return QString::fromLatin1(
            m_server->service()->mintToken(actor, QStringLiteral("access"), 3600));
    }
    QHash<QString, QJsonObject> run(const QString &script, const QJsonObject &tokens)
    {
        QString error;
        const auto steps = runSteps(script, m_server->port(), tokens, &error);
        if (!error.isEmpty())
            qWarning() << error;
        return steps;
    }

    std::unique_ptr<HubFixture> m_fixture;
    std::unique_ptr<HubServer> m_server;
};

void TestHubSettingsTimesheets::initTestCase()
{
    if (QStandardPaths::findExecutable(QStringLiteral("node")).isEmpty())
        QSKIP("node is not installed");
    if (!QFile::exists(QStringLiteral(TT_INTEROP_DIR "/node_modules/socket.io-client")))
        QSKIP("run `npm ci` in tests/interop first");
    m_fixture = std::make_unique<HubFixture>(
        QStringList{QStringLiteral("cafeA"), QStringLiteral("cafeB")});
    HubServer::Options options;
    options.bindAddress = QHostAddress::LocalHost;
    options.port = 0;
    m_server = std::make_unique<HubServer>(m_fixture->dataDir, options);
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
}

void TestHubSettingsTimesheets::cleanupTestCase()
{
    m_server.reset();
    m_fixture.reset();
}

void TestHubSettingsTimesheets::settingsAndStockLevelsOverTheWire()
{
    const QString a = QStringLiteral("cafeA");
    const QJsonObject tokens{{"manager", mint(m_fixture->manager(a))},
                             {"admin", mint(m_fixture->admin(a))},
                             {"employee", mint(m_fixture->employee(a))},
                             {"outsider", mint(m_fixture->manager(QStringLiteral("cafeB")))}};
    const QHash<QString, QJsonObject> step = run(QStringLiteral("hub-settings.js"), tokens);
    QVERIFY2(step.contains(QStringLiteral("levels changed")), qPrintable(step.keys().join(u',')));
    for (const QJsonValue r : step.value(QStringLiteral("connect")).value(u"results").toArray())
        QCOMPARE(r.toString(), QStringLiteral("connect"));

    // Every setting the back office edits is there, with the cafe's defaults, and no history.
    const QJsonObject defaults = dataOf(step.value(QStringLiteral("defaults")).value(u"answer"));
    const QJsonObject settings = defaults.value(u"settings").toObject();
    QCOMPARE(settings.value(u"age_warning_seconds").toInt(), 300);
    QCOMPARE(settings.value(u"age_late_seconds").toInt(), 480);
    QCOMPARE(settings.value(u"business_day_start").toString(), QStringLiteral("00:00"));
    QCOMPARE(settings.value(u"break_after_minutes").toInt(), 360);
    QCOMPARE(settings.value(u"break_minimum_minutes").toInt(), 30);
    QCOMPARE(defaults.value(u"history").toArray().size(), 0);

    // Refusals: an employee may not; each bad value names its field (the shared validator's).
    const QJsonObject refused = step.value(QStringLiteral("settings refused"));
    QCOMPARE(errorOf(refused.value(u"employee")), QStringLiteral("PERMISSION_DENIED/"));
    QCOMPARE(errorOf(refused.value(u"tooShort")),
             QStringLiteral("INVALID_DATA/age_warning_seconds"));
    QCOMPARE(errorOf(refused.value(u"notInteger")),
             QStringLiteral("INVALID_DATA/break_after_minutes"));
    QCOMPARE(errorOf(refused.value(u"badTime")), QStringLiteral("INVALID_DATA/business_day_start"));
    QCOMPARE(errorOf(refused.value(u"badTip")), QStringLiteral("INVALID_DATA/tip_suggestions[1]"));
    QCOMPARE(errorOf(refused.value(u"lateBeforeWarning")),
             QStringLiteral("INVALID_DATA/age_late_seconds"));
    QCOMPARE(errorOf(refused.value(u"breakRule")),
             QStringLiteral("INVALID_DATA/break_minimum_minutes"));
    QCOMPARE(errorOf(refused.value(u"unknownOnly")), QStringLiteral("INVALID_DATA/payload"));
    QVERIFY(refused.value(u"tooShort")
                .toObject()
                .value(u"error")
                .toObject()
                .value(u"message")
                .toString()
                .contains(u"60 to 10800"));

    // The change, its replay by request_id, and one event per change to everyone of the cafe.
    const QJsonObject changed = step.value(QStringLiteral("settings changed"));
    QVERIFY2(changed.value(u"first").toObject().value(u"ok").toBool(), qPrintable(dump(changed)));
    QCOMPARE(changed.value(u"replay"), changed.value(u"first"));
    const QJsonObject changes = dataOf(changed.value(u"first")).value(u"changes").toObject();
    QCOMPARE(changes.keys(),
             (QStringList{"age_late_seconds", "age_warning_seconds", "break_after_minutes",
                          "break_minimum_minutes", "business_day_start"}));
    QCOMPARE(changes.value(u"business_day_start").toObject(),
             (QJsonObject{{"previous", "00:00"}, {"new", "04:30"}}));
    const QJsonObject heard = changed.value(u"heard").toObject();
    for (const char *who : {"manager", "admin", "employee"}) {
        const QJsonArray events = heard.value(QLatin1String(who)).toArray();
        QCOMPARE(events.size(), 2);
        const QJsonObject e = events.first().toObject().value(u"data").toObject();
        QCOMPARE(e.value(u"updated_by").toObject().value(u"name").toString(),
                 QStringLiteral("Manager Sarah"));
        QCOMPARE(e.value(u"changes").toObject(), changes);
    }
    QCOMPARE(heard.value(u"outsider").toArray().size(), 0);

    // The history: who changed what, newest first, kept by the hub; the business day now starts
    // at 04:30 (the hub's own clock in the same answer says which day that is).
    const QJsonObject history = dataOf(step.value(QStringLiteral("history")).value(u"answer"));
    const QJsonArray entries = history.value(u"history").toArray();
    QCOMPARE(entries.size(), 6);
    const QJsonObject newest = entries.first().toObject();
    QCOMPARE(newest.value(u"key").toString(), QStringLiteral("age_late_seconds"));
    QCOMPARE(newest.value(u"previous").toInt(), 900);
    QCOMPARE(newest.value(u"new").toInt(), 960);
    QCOMPARE(newest.value(u"changed_by").toObject().value(u"name").toString(),
             QStringLiteral("Admin User"));
    QVERIFY(timeOf(newest.value(u"changed_at")).isValid());
    QCOMPARE(entries.at(5).toObject().value(u"changed_by").toObject().value(u"id").toString(),
             m_fixture->manager(a).userId);
    const QDateTime server = timeOf(history.value(u"server_time"));
    QCOMPARE(history.value(u"business_date").toString(),
             server.addSecs(-(4 * 60 + 30) * 60).date().toString(Qt::ISODate));
    // Another cafe's history is its own.
    QCOMPARE(dataOf(step.value(QStringLiteral("history")).value(u"outsider"))
                 .value(u"history")
                 .toArray()
                 .size(),
             0);

    // Stock levels: refusals name the field; another cafe cannot reach the item.
    const QJsonObject levelsRefused = step.value(QStringLiteral("levels refused"));
    QCOMPARE(errorOf(levelsRefused.value(u"employee")), QStringLiteral("PERMISSION_DENIED/"));
    QCOMPARE(errorOf(levelsRefused.value(u"missing")), QStringLiteral("INVALID_DATA/item_id"));
    QCOMPARE(errorOf(levelsRefused.value(u"nothing")),
             QStringLiteral("INVALID_DATA/reorder_level"));
    QCOMPARE(errorOf(levelsRefused.value(u"negative")),
             QStringLiteral("INVALID_DATA/reorder_level"));
    QCOMPARE(errorOf(levelsRefused.value(u"maxBelow")), QStringLiteral("INVALID_DATA/max_stock"));
    QCOMPARE(errorOf(levelsRefused.value(u"unknown")), QStringLiteral("NOT_FOUND/item_id"));
    QCOMPARE(errorOf(levelsRefused.value(u"otherCafe")), QStringLiteral("NOT_FOUND/item_id"));

    // A reorder level above the stock raises an alert (low_stock to the managers only), the
    // replay answers the same without a second event, and a level of 0 ends the alert.
    const QJsonObject levels = step.value(QStringLiteral("levels changed"));
    const QJsonObject raised = dataOf(levels.value(u"raised"));
    QVERIFY2(levels.value(u"raised").toObject().value(u"ok").toBool(), qPrintable(dump(levels)));
    QCOMPARE(levels.value(u"raisedReplay"), levels.value(u"raised"));
    QCOMPARE(raised.value(u"low_stock").toBool(), true);
    QCOMPARE(raised.value(u"reorder_level").toInt(), raised.value(u"current_stock").toInt() + 10);
    QCOMPARE(raised.value(u"changed_by").toObject().value(u"name").toString(),
             QStringLiteral("Manager Sarah"));
    const QJsonObject afterRaise = levels.value(u"afterRaise").toObject();
    QCOMPARE(afterRaise.value(u"reorder_level"), raised.value(u"reorder_level"));
    QCOMPARE(afterRaise.value(u"max_stock"), raised.value(u"max_stock"));
    QCOMPARE(afterRaise.value(u"low_stock").toBool(), true);
    QVERIFY(afterRaise.value(u"alert").isObject());
    const QJsonObject cleared = dataOf(levels.value(u"cleared"));
    QCOMPARE(cleared.value(u"low_stock").toBool(), false);
    QCOMPARE(cleared.value(u"previous").toObject().value(u"reorder_level"),
             raised.value(u"reorder_level"));
    const QJsonObject afterClear = levels.value(u"afterClear").toObject();
    QCOMPARE(afterClear.value(u"reorder_level").toInt(), 0);
    QVERIFY(afterClear.value(u"alert").isNull());
    QCOMPARE(levels.value(u"levelsHeard").toArray(), (QJsonArray{2, 2, 2, 0}));
    QCOMPARE(levels.value(u"lowHeard").toArray(), (QJsonArray{1, 1, 0, 0}));
}

void TestHubSettingsTimesheets::timesheetCorrectionsOverTheWire()
{
    const QString b = QStringLiteral("cafeB");
    const QJsonObject tokens{{"manager", mint(m_fixture->manager(b))},
                             {"admin", mint(m_fixture->admin(b))},
                             {"employee", mint(m_fixture->employee(b))},
                             {"employee2", mint(m_fixture->employee2(b))},
                             {"outsider", mint(m_fixture->manager(QStringLiteral("cafeA")))}};
    const QHash<QString, QJsonObject> step = run(QStringLiteral("hub-timesheets.js"), tokens);
    QVERIFY2(step.contains(QStringLiteral("listed")), qPrintable(step.keys().join(u',')));
    const QString employeeId = m_fixture->employee(b).userId;
    const QString employee2Id = m_fixture->employee2(b).userId;

    const QJsonObject refused = step.value(QStringLiteral("refused"));
    QCOMPARE(errorOf(refused.value(u"employee")), QStringLiteral("PERMISSION_DENIED/"));
    QCOMPARE(errorOf(refused.value(u"noReason")), QStringLiteral("INVALID_DATA/reason"));
    QCOMPARE(errorOf(refused.value(u"blankReason")), QStringLiteral("INVALID_DATA/reason"));
    QCOMPARE(errorOf(refused.value(u"nothing")), QStringLiteral("INVALID_DATA/payload"));
    QCOMPARE(errorOf(refused.value(u"badTime")), QStringLiteral("INVALID_DATA/clock_in"));
    QCOMPARE(errorOf(refused.value(u"noOffset")), QStringLiteral("INVALID_DATA/clock_in"));
    QCOMPARE(errorOf(refused.value(u"future")), QStringLiteral("INVALID_DATA/clock_in"));
    QCOMPARE(errorOf(refused.value(u"outBeforeIn")), QStringLiteral("INVALID_DATA/clock_out"));
    QCOMPARE(errorOf(refused.value(u"breakTooLong")), QStringLiteral("INVALID_DATA/break_minutes"));
    QCOMPARE(errorOf(refused.value(u"breakOnOpen")), QStringLiteral("INVALID_DATA/break_minutes"));
    QCOMPARE(errorOf(refused.value(u"unknown")), QStringLiteral("NOT_FOUND/timesheet_id"));
    QCOMPARE(errorOf(refused.value(u"otherCafe")), QStringLiteral("NOT_FOUND/timesheet_id"));
    const QString closed = refused.value(u"closed").toString();
    const QString open2 = refused.value(u"open2").toString();

    // Moved to 9 hours without a break: 8 hours paid at 15.00, the original kept, a missed break
    // by the cafe's rule (a break of 30 minutes after 6 hours).
    const QJsonObject corrected = step.value(QStringLiteral("corrected"));
    QVERIFY2(corrected.value(u"moved").toObject().value(u"ok").toBool(),
             qPrintable(dump(corrected)));
    QCOMPARE(corrected.value(u"replay"), corrected.value(u"moved"));
    const QJsonObject moved = dataOf(corrected.value(u"moved"));
    const QJsonObject sheet = moved.value(u"timesheet").toObject();
    QCOMPARE(sheet.value(u"total_hours").toDouble(), 8.0);
    QCOMPARE(sheet.value(u"total_pay").toDouble(), 120.0);
    QCOMPARE(sheet.value(u"warnings").toArray(), (QJsonArray{"missed_break"}));
    const QJsonObject correction = moved.value(u"correction").toObject();
    QCOMPARE(correction.value(u"reason").toString(),
             QStringLiteral("clocked in late on the tablet"));
    QCOMPARE(correction.value(u"corrected_by").toObject().value(u"name").toString(),
             QStringLiteral("Manager Sarah"));
    QCOMPARE(correction.value(u"changed").toArray(),
             (QJsonArray{"clock_in_time", "clock_out_time"}));
    const QJsonObject original = correction.value(u"previous").toObject();
    QVERIFY(
        timeOf(original.value(u"clock_out_time")).secsTo(timeOf(original.value(u"clock_in_time")))
        <= 0);
    QCOMPARE(sheet.value(u"corrections").toArray().size(), 1);
    QCOMPARE(errorOf(corrected.value(u"unchanged")), QStringLiteral("CONFLICT/payload"));

    // The admin adds the break: 7.5 hours, no warning, two corrections in order.
    const QJsonObject withBreak
        = dataOf(corrected.value(u"breakAdded")).value(u"timesheet").toObject();
    QCOMPARE(withBreak.value(u"break_duration_minutes").toInt(), 30);
    QCOMPARE(withBreak.value(u"total_hours").toDouble(), 7.5);
    QCOMPARE(withBreak.value(u"warnings").toArray().size(), 0);
    QCOMPARE(withBreak.value(u"corrections").toArray().size(), 2);
    QCOMPARE(withBreak.value(u"corrections").toArray().at(1).toObject().value(u"reason").toString(),
             QStringLiteral("took a break"));

    // The forgotten shift: open over 12 hours is a warning, then closed with a break.
    QCOMPARE(corrected.value(u"listedOpen").toObject().value(u"warnings").toArray(),
             (QJsonArray{"open_over_12h"}));
    const QJsonObject closedNow
        = dataOf(corrected.value(u"closedForgotten")).value(u"timesheet").toObject();
    QCOMPARE(closedNow.value(u"timesheet_id").toString(), open2);
    QCOMPARE(closedNow.value(u"open").toBool(), false);
    QCOMPARE(closedNow.value(u"total_hours").toDouble(), 11.75);
    QCOMPARE(closedNow.value(u"total_pay").toDouble(), 188.0);
    QCOMPARE(errorOf(corrected.value(u"overlap")), QStringLiteral("CONFLICT/clock_in"));

    // Events: each correction once to the managers, the employee hears only their own sheet's.
    const QJsonObject heard = corrected.value(u"heard").toObject();
    const QJsonArray four{employeeId, employeeId, employee2Id, employee2Id};
    QCOMPARE(heard.value(u"manager").toArray(), four);
    QCOMPARE(heard.value(u"admin").toArray(), four);
    QCOMPARE(heard.value(u"employee").toArray(), (QJsonArray{employeeId, employeeId}));
    QCOMPARE(heard.value(u"employee2").toArray(), (QJsonArray{employee2Id, employee2Id}));
    QCOMPARE(heard.value(u"outsider").toArray().size(), 0);

    // The employee's own list carries their corrections, and nobody else's sheets.
    const QJsonObject listed = step.value(QStringLiteral("listed"));
    const QJsonArray own = dataOf(listed.value(u"own")).value(u"timesheets").toArray();
    QCOMPARE(own.size(), 2);
    for (const QJsonValue s : own)
        QCOMPARE(s.toObject().value(u"user_id").toString(), employeeId);
    const auto first = std::find_if(own.begin(), own.end(), [&](const QJsonValue &s) {
        return s.toObject().value(u"timesheet_id").toString() == closed;
    });
    QVERIFY(first != own.end());
    QCOMPARE(first->toObject().value(u"corrections").toArray().size(), 2);
    QCOMPARE(errorOf(listed.value(u"other")), QStringLiteral("PERMISSION_DENIED/"));
    QCOMPARE(dataOf(listed.value(u"all")).value(u"timesheets").toArray().size(), 3);
}

QTEST_GUILESS_MAIN(TestHubSettingsTimesheets)
#include "tst_hubsettingstimesheets.moc"
