// The back office's console models: ShiftListModel (the shifts, their warnings and corrections)
// under QAbstractItemModelTester, fed by the timesheets snapshot, clock events and the hub's
// timesheet:corrected as the mapper reads them from the wire; the settings snapshot's history.
#include "eventmapper.h"
#include "shiftlistmodel.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace TableTap;

namespace {
const QDateTime t0(QDate(2026, 12, 7), QTime(20, 0), Qt::UTC);
constexpr auto Fatal = QAbstractItemModelTester::FailureReportingMode::QtTest;

QJsonObject sheet(const char *id, const char *in, const QJsonValue &out, const QJsonArray &warn)
{
    return QJsonObject{{"timesheet_id", id},
                       {"user_id", "u1"},
                       {"employee_id", "EMP001"},
                       {"employee_name", "Jane Employee"},
                       {"shift_date", "2026-12-07"},
                       {"clock_in_time", in},
                       {"clock_out_time", out},
                       {"break_duration_minutes", out.isNull() ? QJsonValue() : QJsonValue(0)},
                       {"hourly_rate", 15},
                       {"total_hours", out.isNull() ? QJsonValue() : QJsonValue(8)},
                       {"total_pay", out.isNull() ? QJsonValue() : QJsonValue(120)},
                       {"open", out.isNull()},
                       {"warnings", warn},
                       {"corrections", QJsonArray{}}};
}

QJsonObject correction()
{
    return QJsonObject{
        {"correction_id", "c1"},
        {"timesheet_id", "t1"},
        {"user_id", "u1"},
        {"previous", QJsonObject{{"clock_in_time", "2026-12-07T19:00:00Z"},
                                 {"clock_out_time", "2026-12-07T19:00:05Z"},
                                 {"break_duration_minutes", 0}}},
        {"new", QJsonObject{{"clock_in_time", "2026-12-07T10:00:00Z"},
                            {"clock_out_time", "2026-12-07T18:00:00Z"},
                            {"break_duration_minutes", 0}}},
        {"changed", QJsonArray{"clock_in_time", "clock_out_time"}},
        {"reason", "<b>tablet</b> was down"},
        {"corrected_by", QJsonObject{{"id", "m1"}, {"name", "Manager Sarah"}, {"role", "manager"}}},
        {"corrected_at", "2026-12-07T19:30:00Z"}};
}
} // namespace

class tst_ShiftListModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void snapshotEventsAndCorrections();
    void malformedCorrectionIsRefused();
    void settingsHistory();
};

void tst_ShiftListModel::snapshotEventsAndCorrections()
{
    ShiftListModel model;
    QAbstractItemModelTester tester(&model, Fatal);
    QDateTime now = t0;
    model.setClock([&now] { return now; });

    // The snapshot: a closed shift with the hub's warning, and an open one since 07:00.
    const auto snap = EventMapper::mapSnapshot(
        Contract::Command::ListTimesheets,
        QJsonObject{{"timesheets",
                     QJsonArray{sheet("t1", "2026-12-07T19:00:00Z", "2026-12-07T19:00:05Z", {}),
                                sheet("t2", "2026-12-07T07:00:00Z", QJsonValue(), {})}},
                    {"staff", QJsonArray{}}});
    QVERIFY(snap);
    model.resetSheets(std::get<TimesheetsSnapshot>(*snap).timesheets);
    QCOMPARE(model.rowCount(), 2);
    const TimesheetRow *open = model.sheet("t2");
    QVERIFY(open && open->isOpen());
    // Open for 13 hours by the console's clock: the warning, in words and as a role.
    QCOMPARE(model.warnings(*open), QStringList{"open_over_12h"});
    const int openRow = model.rowOf("t2");
    QCOMPARE(model.index(openRow, ShiftListModel::OutColumn).data().toString(), QString("open"));
    QVERIFY(model.index(openRow, ShiftListModel::WarningsColumn)
                .data()
                .toString()
                .contains("open over 12 h"));
    now = t0.addSecs(-7 * 3600); // at 13:00 it was not yet
    QVERIFY(model.warnings(*open).isEmpty());

    // timesheet:corrected from the wire replaces the sheet, corrections and warnings included.
    QJsonObject corrected
        = sheet("t1", "2026-12-07T10:00:00Z", "2026-12-07T18:00:00Z", QJsonArray{"missed_break"});
    corrected.insert("corrections", QJsonArray{correction()});
    const QJsonObject envelope{
        {"event", "timesheet:corrected"},
        {"data", QJsonObject{{"timesheet", corrected}, {"correction", correction()}}},
        {"meta",
         QJsonObject{{"timestamp", "2026-12-07T19:30:00Z"}, {"cafe_id", "c"}, {"event_id", "e1"}}}};
    const auto mapped = EventMapper::mapEvent("/employees", "timesheet:corrected", envelope);
    QVERIFY2(mapped, qPrintable(mapped.error()));
    const auto &payload = std::get<TimesheetCorrected>(mapped->payload);
    QCOMPARE(payload.correction.reason, QString("<b>tablet</b> was down"));
    QCOMPARE(payload.correction.byName, QString("Manager Sarah"));
    QCOMPARE(payload.correction.byRole, QString("manager"));
    QCOMPARE(payload.correction.previousIn, QDateTime(QDate(2026, 12, 7), QTime(19, 0), Qt::UTC));
    QCOMPARE(payload.correction.newOut, QDateTime(QDate(2026, 12, 7), QTime(18, 0), Qt::UTC));
    QCOMPARE(payload.correction.changed, (QStringList{"clock_in_time", "clock_out_time"}));
    QVERIFY(mapped->summary.contains("Jane Employee"));

    QSignalSpy flushed(&model, &BatchedTableModel::flushed);
    QVERIFY(model.apply(*mapped));
    QVERIFY(flushed.wait(2000));
    const int row = model.rowOf("t1");
    const TimesheetRow &t1 = model.rowAt(row);
    QCOMPARE(t1.totalHours, 8.0);
    QCOMPARE(t1.totalPay, Cents(12000));
    QCOMPARE(t1.corrections.size(), 1);
    QCOMPARE(model.index(row, ShiftListModel::WarningsColumn)
                 .data(ShiftListModel::WarningsRole)
                 .toStringList(),
             QStringList{"missed_break"});
    QVERIFY(
        model.index(row, ShiftListModel::WarningsColumn).data().toString().contains("corrected"));
    QCOMPARE(model.index(row, 0).data(ShiftListModel::CorrectedRole).toBool(), true);

    // Clocking out closes the open row; a new clock-in adds one.
    ClockedOut out;
    out.userId = "u1";
    out.timesheetId = "t2";
    out.clockOutTime = t0;
    out.totalHours = 12.5;
    out.totalPay = 18750;
    out.breakMinutes = 30;
    QVERIFY(model.apply(CafeEvent{"employee:clocked_out", "/employees", {t0, "c", "e2"}, out, {}}));
    ClockedIn in;
    in.userId = "u2";
    in.employeeName = "Bob Employee";
    in.timesheetId = "t3";
    in.clockInTime = t0;
    in.shiftDate = t0.date();
    QVERIFY(model.apply(CafeEvent{"employee:clocked_in", "/employees", {t0, "c", "e3"}, in, {}}));
    QVERIFY(flushed.wait(2000));
    QCOMPARE(model.rowCount(), 3);
    QVERIFY(!model.sheet("t2")->isOpen());
    QCOMPARE(model.sheet("t2")->breakMinutes, 30);
    QVERIFY(model.sheet("t3")->isOpen());
    // A clock-out of a shift the list does not hold is not guessed at.
    out.timesheetId = "older";
    QVERIFY(
        !model.apply(CafeEvent{"employee:clocked_out", "/employees", {t0, "c", "e4"}, out, {}}));
}

void tst_ShiftListModel::malformedCorrectionIsRefused()
{
    const QJsonObject envelope{{"event", "timesheet:corrected"},
                               {"data", QJsonObject{{"timesheet", 42}}},
                               {"meta", QJsonObject{{"timestamp", "2026-12-07T19:30:00Z"}}}};
    QVERIFY(!EventMapper::mapEvent("/employees", "timesheet:corrected", envelope));
    const QJsonObject levels{{"event", "inventory:levels_changed"},
                             {"data", QJsonObject{{"reorder_level", 5}}},
                             {"meta", QJsonObject{{"timestamp", "2026-12-07T19:30:00Z"}}}};
    QVERIFY(!EventMapper::mapEvent("/inventory", "inventory:levels_changed", levels));
}

void tst_ShiftListModel::settingsHistory()
{
    const auto snap = EventMapper::mapSnapshot(
        Contract::Command::GetSettings,
        QJsonObject{
            {"settings", QJsonObject{{"age_warning_seconds", 420}}},
            {"history",
             QJsonArray{QJsonObject{{"key", "age_warning_seconds"},
                                    {"previous", 300},
                                    {"new", 420},
                                    {"changed_by", QJsonObject{{"id", "m1"}, {"name", "Sarah"}}},
                                    {"changed_at", "2026-12-07T19:30:00Z"}},
                        QJsonObject{{"previous", 1}}}}});
    QVERIFY(snap);
    const auto &s = std::get<SettingsSnapshot>(*snap);
    QCOMPARE(s.settings.value("age_warning_seconds").toInt(), 420);
    QCOMPARE(s.history.size(), 1); // the entry without a key is dropped
    QCOMPARE(s.history.first().byName, QString("Sarah"));
    QCOMPARE(s.history.first().previous.toInt(), 300);
    QCOMPARE(s.history.first().next.toInt(), 420);
    QCOMPARE(s.history.first().at, QDateTime(QDate(2026, 12, 7), QTime(19, 30), Qt::UTC));
}

QTEST_GUILESS_MAIN(tst_ShiftListModel)
#include "tst_shiftlistmodel.moc"
