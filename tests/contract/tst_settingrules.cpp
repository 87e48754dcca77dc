// SettingRules, the one validator of the cafe settings: each rule's bounds and types, the error
// naming the field, the rules between keys, and the hub's CafeSettings agreeing with it (the
// same keys; a value the rules refuse is refused by the hub with the same field and message).
#include "cafesettings.h"
#include "commanderror.h"
#include "payloadreader.h"
#include "settingrules.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>

using namespace TableTap;

class TestSettingRules : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyKeyHasOneRule();
    void check_data();
    void check();
    void together();
    void timeOfDay();
    void hubAgrees_data();
    void hubAgrees();
};

void TestSettingRules::everyKeyHasOneRule()
{
    const QStringList keys = SettingRules::keys();
    QCOMPARE(CafeSettings::keys(), keys);
    QCOMPARE(QSet<QString>(keys.begin(), keys.end()).size(), keys.size());
    for (const char *k :
         {"age_warning_seconds", "age_late_seconds", "business_day_start", "break_after_minutes",
          "break_minimum_minutes", "tax_rate", "recall_window_seconds", "drink_allowance_default"})
        QVERIFY2(SettingRules::find(QString::fromLatin1(k)), k);
    QVERIFY(!SettingRules::find(u"colour"));
    // The defaults obey the rules, alone and together.
    const QJsonObject defaults = CafeSettings().toJson();
    for (const QString &k : keys)
        QVERIFY2(!SettingRules::check(k, defaults.value(k)), qPrintable(k));
    QVERIFY(!SettingRules::checkTogether(defaults));
}

void TestSettingRules::check_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("field"); // empty: valid

    QTest::newRow("warning lowest") << "age_warning_seconds" << QJsonValue(60) << "";
    QTest::newRow("warning below")
        << "age_warning_seconds" << QJsonValue(59) << "age_warning_seconds";
    QTest::newRow("warning fraction")
        << "age_warning_seconds" << QJsonValue(90.5) << "age_warning_seconds";
    QTest::newRow("warning text") << "age_warning_seconds" << QJsonValue("90")
                                  << "age_warning_seconds";
    QTest::newRow("late highest") << "age_late_seconds" << QJsonValue(14400) << "";
    QTest::newRow("late above") << "age_late_seconds" << QJsonValue(14401) << "age_late_seconds";
    QTest::newRow("day start") << "business_day_start" << QJsonValue("04:30") << "";
    QTest::newRow("day start 23:59") << "business_day_start" << QJsonValue("23:59") << "";
    QTest::newRow("day start 24:00")
        << "business_day_start" << QJsonValue("24:00") << "business_day_start";
    QTest::newRow("day start 4:30")
        << "business_day_start" << QJsonValue("4:30") << "business_day_start";
    QTest::newRow("day start number")
        << "business_day_start" << QJsonValue(270) << "business_day_start";
    QTest::newRow("break off") << "break_after_minutes" << QJsonValue(0) << "";
    QTest::newRow("break negative")
        << "break_minimum_minutes" << QJsonValue(-1) << "break_minimum_minutes";
    QTest::newRow("tax") << "tax_rate" << QJsonValue(0.0825) << "";
    QTest::newRow("tax too high") << "tax_rate" << QJsonValue(0.6) << "tax_rate";
    QTest::newRow("tax seven decimals") << "tax_rate" << QJsonValue(0.0825001) << "tax_rate";
    QTest::newRow("tips") << "tip_suggestions" << QJsonValue(QJsonArray{0.1, 0.15}) << "";
    QTest::newRow("tips none") << "tip_suggestions" << QJsonValue(QJsonArray{}) << "";
    QTest::newRow("tip above one")
        << "tip_suggestions" << QJsonValue(QJsonArray{0.1, 1.5}) << "tip_suggestions[1]";
    QTest::newRow("tips seven") << "tip_suggestions" << QJsonValue(QJsonArray{0, 0, 0, 0, 0, 0, 0})
                                << "tip_suggestions";
    QTest::newRow("zone") << "timezone" << QJsonValue("Europe/Berlin") << "";
    QTest::newRow("zone UTC") << "timezone" << QJsonValue("UTC") << "";
    QTest::newRow("zone unknown") << "timezone" << QJsonValue("Mars/Olympus") << "timezone";
    QTest::newRow("currency") << "currency" << QJsonValue("EUR") << "";
    QTest::newRow("currency lower") << "currency" << QJsonValue("eur") << "currency";
    QTest::newRow("unknown key") << "colour" << QJsonValue("blue") << "colour";
}

void TestSettingRules::check()
{
    QFETCH(QString, key);
    QFETCH(QJsonValue, value);
    QFETCH(QString, field);
    const auto problem = SettingRules::check(key, value);
    QCOMPARE(problem ? problem->field : QString(), field);
    if (problem)
        QVERIFY2(problem->message.startsWith(key) || problem->message.startsWith(u"tip"),
                 qPrintable(problem->message));
}

void TestSettingRules::together()
{
    QJsonObject s = CafeSettings().toJson();
    s.insert(QStringLiteral("age_warning_seconds"), 600);
    s.insert(QStringLiteral("age_late_seconds"), 600);
    QCOMPARE(SettingRules::checkTogether(s)->field, QStringLiteral("age_late_seconds"));
    s.insert(QStringLiteral("age_late_seconds"), 601);
    QVERIFY(!SettingRules::checkTogether(s));
    s.insert(QStringLiteral("break_after_minutes"), 30);
    s.insert(QStringLiteral("break_minimum_minutes"), 30);
    QCOMPARE(SettingRules::checkTogether(s)->field, QStringLiteral("break_minimum_minutes"));
    // No break rule: any minimum.
    s.insert(QStringLiteral("break_after_minutes"), 0);
    QVERIFY(!SettingRules::checkTogether(s));
}

void TestSettingRules::timeOfDay()
{
    QCOMPARE(SettingRules::minutesOfDay(QStringLiteral("00:00")), std::optional<int>(0));
    QCOMPARE(SettingRules::minutesOfDay(QStringLiteral("23:59")), std::optional<int>(1439));
    QCOMPARE(SettingRules::minutesOfDay(QStringLiteral("12:60")), std::nullopt);
    QCOMPARE(SettingRules::timeOfDay(270), QStringLiteral("04:30"));
    QCOMPARE(SettingRules::timeOfDay(0), QStringLiteral("00:00"));
}

void TestSettingRules::hubAgrees_data()
{
    check_data();
}

void TestSettingRules::hubAgrees()
{
    QFETCH(QString, key);
    QFETCH(QJsonValue, value);
    QFETCH(QString, field);
    CafeSettings settings;
    const auto problem = SettingRules::check(key, value);
    if (key == u"colour") {
        // A key the rules do not know is refused by them; the hub has no such setting, so
        // whatever update_settings answers (it wants at least one key it knows), nothing changes.
        QVERIFY(problem);
        const QJsonObject before = settings.toJson();
        try {
            settings.apply(PayloadReader(QJsonObject{{key, value}}));
        } catch (const CommandError &) {
        }
        QCOMPARE(settings.toJson(), before);
        QVERIFY(!settings.toJson().contains(key));
        return;
    }
    try {
        settings.apply(PayloadReader(QJsonObject{{key, value}}));
        QVERIFY2(!problem, qPrintable(problem ? problem->message : QString()));
        QCOMPARE(settings.value(key), value);
    } catch (const CommandError &e) {
        QVERIFY(problem);
        QCOMPARE(e.field(), problem->field);
        QCOMPARE(e.message(), problem->message);
        QCOMPARE(e.field(), field);
    }
}

QTEST_GUILESS_MAIN(TestSettingRules)
#include "tst_settingrules.moc"
