// The back office's settings form and timesheet corrections against a real hub (HubServer on
// 127.0.0.1, port 0): a value the hub's rules refuse is refused in the form with the field named
// and nothing is sent; a valid change is saved through the outbox, reaches another console's
// session and shows in the history; stock levels are saved; a manager corrects an employee's
// shift from the Timesheets view and the audit trail shows it beside the shift, to the manager
// and to the employee whose shift it is.
#include "livehubfixture.h"

#include "cafesettingsview.h"
#include "timesheetcorrectiondialog.h"
#include "timesheetsview.h"

#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTableWidget>
#include <QTreeWidget>

using namespace TableTap;
using namespace TableTap::TestUi;

class tst_BackOffice : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void settingsFormRefusesAndSaves();
    void stockLevelsSaved();
    void correctionShowsAuditTrail();

private:
    static void type(QLineEdit *edit, const QString &text)
    {
        edit->selectAll();
        QTest::keyClick(edit, Qt::Key_Backspace);
        QTest::keyClicks(edit, text);
    }
    static QJsonObject hubSettings(LiveHub &hub)
    {
        const HubActor actor{"test", "Test", HubRole::Manager, "c1"};
        return hub.server->service()
            ->execute(actor, "/system", "get_settings", {})
            .ack.value("data")
            .toObject();
    }
};

void tst_BackOffice::settingsFormRefusesAndSaves()
{
    LiveHub hub;
    QVERIFY(hub.start());
    Console manager;
    QVERIFY(manager.signIn(hub, "M1", "4321"));
    Console employee;
    QVERIFY(employee.signIn(hub, "E1", "1234"));
    QVERIFY(manager.window.showView("settings"));
    CafeSettingsView *view = manager.window.cafeSettingsView();
    QVERIFY(view && view->isVisible());
    QLineEdit *warning = view->editor("age_warning_seconds");
    QLineEdit *late = view->editor("age_late_seconds");
    QTRY_COMPARE_WITH_TIMEOUT(warning->text(), QString("300"), Wait);
    QCOMPARE(late->text(), QString("480"));
    QCOMPARE(view->editor("business_day_start")->text(), QString("00:00"));

    // Out of the hub's range: the field says so as it is typed, and Save sends nothing.
    type(warning, "5");
    QCOMPARE(view->errorText("age_warning_seconds"),
             QString("age_warning_seconds must be an integer from 60 to 10800"));
    QTest::mouseClick(view->findChild<QPushButton *>("saveSettings"), Qt::LeftButton);
    QVERIFY(view->statusText().startsWith("Not saved"));
    QVERIFY(!lastEntry(manager.session, "update_settings"));
    // Each field alone is fine, together they are not: the late one is named.
    type(warning, "600");
    type(late, "500");
    QVERIFY(view->errorText("age_warning_seconds").isEmpty());
    QVERIFY(!view->save());
    QVERIFY(view->errorText("age_late_seconds").startsWith("age_late_seconds must be longer"));
    QVERIFY(!lastEntry(manager.session, "update_settings"));
    type(view->editor("business_day_start"), "4:30");
    QVERIFY(!view->errorText("business_day_start").isEmpty());

    // Valid: only the changed keys go, through the outbox, and the hub has them.
    type(late, "900");
    type(view->editor("business_day_start"), "04:30");
    QCOMPARE(view->changes(), (QJsonObject{{"age_warning_seconds", 600},
                                           {"age_late_seconds", 900},
                                           {"business_day_start", "04:30"}}));
    QTest::mouseClick(view->findChild<QPushButton *>("saveSettings"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(lastEntry(manager.session, "update_settings")->state,
                              OutboxEntry::State::Done, Wait);
    QTRY_COMPARE_WITH_TIMEOUT(view->statusText(), QString("Saved."), Wait);
    const QJsonObject saved = hubSettings(hub).value("settings").toObject();
    QCOMPARE(saved.value("age_warning_seconds").toInt(), 600);
    QCOMPARE(saved.value("age_late_seconds").toInt(), 900);
    QCOMPARE(saved.value("business_day_start").toString(), QString("04:30"));
    QCOMPARE(saved.value("prep_time_minutes").toInt(), 15);

    // The other console follows (cafe:settings_updated): its session, and its untouched form.
    QTRY_COMPARE_WITH_TIMEOUT(employee.session.settings().value("age_warning_seconds").toInt(), 600,
                              Wait);
    QTRY_COMPARE_WITH_TIMEOUT(
        employee.window.cafeSettingsView()->editor("age_late_seconds")->text(), QString("900"),
        Wait);
    // An employee's console has no settings tab.
    QVERIFY(!employee.window.tabs()->isTabVisible(
        employee.window.tabs()->indexOf(employee.window.cafeSettingsView())));
    QVERIFY(manager.window.tabs()->isTabVisible(manager.window.tabs()->indexOf(view)));

    // The history: who changed what, newest first, in both consoles.
    QTreeWidget *history = view->history();
    QTRY_COMPARE_WITH_TIMEOUT(history->topLevelItemCount(), 3, Wait);
    QStringList settingsNamed;
    for (int i = 0; i < history->topLevelItemCount(); ++i) {
        QCOMPARE(history->topLevelItem(i)->text(1), QString("Mia Manager"));
        settingsNamed << history->topLevelItem(i)->text(2);
    }
    QVERIFY(settingsNamed.contains("Order late after"));
    QVERIFY(settingsNamed.contains("Business day starts at"));
    QTRY_COMPARE_WITH_TIMEOUT(employee.session.settingsHistory().size(), 3, Wait);
}

void tst_BackOffice::stockLevelsSaved()
{
    LiveHub hub;
    QVERIFY(hub.start());
    Console manager;
    QVERIFY(manager.signIn(hub, "M1", "4321"));
    QVERIFY(manager.window.showView("settings"));
    CafeSettingsView *view = manager.window.cafeSettingsView();
    QTableWidget *levels = view->stockLevels();
    QTRY_VERIFY_WITH_TIMEOUT(levels->rowCount() > 0, Wait);
    const QString itemId = levels->item(0, 0)->data(Qt::UserRole + 1).toString();
    const StockItem before = *manager.session.inventory()->item(itemId);
    const qint64 reorder = qint64(before.stock) + 5;

    // A maximum below the level is refused in the table, naming the field.
    levels->item(0, 3)->setText(QString::number(reorder));
    levels->item(0, 4)->setText("1");
    QVERIFY(!view->saveStockLevels());
    QVERIFY(view->findChild<QLabel *>("levelsStatus")->text().contains("max_stock"));
    QVERIFY(!lastEntry(manager.session, "set_stock_levels"));

    levels->item(0, 3)->setText(QString::number(reorder));
    levels->item(0, 4)->setText(QString::number(reorder + 100));
    QTest::mouseClick(view->findChild<QPushButton *>("saveStockLevels"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(lastEntry(manager.session, "set_stock_levels")->state,
                              OutboxEntry::State::Done, Wait);
    // inventory:levels_changed reloads the item: now low, with the hub's alert.
    QTRY_COMPARE_WITH_TIMEOUT(manager.session.inventory()->item(itemId)->reorderLevel,
                              double(reorder), Wait);
    QCOMPARE(manager.session.inventory()->item(itemId)->maxStock, double(reorder + 100));
    QTRY_VERIFY_WITH_TIMEOUT(manager.session.inventory()->item(itemId)->isLow(), Wait);
    QTRY_COMPARE_WITH_TIMEOUT(levels->item(0, 3)->text(), QString::number(reorder), Wait);
}

void tst_BackOffice::correctionShowsAuditTrail()
{
    LiveHub hub;
    QVERIFY(hub.start());
    Console employee;
    QVERIFY(employee.signIn(hub, "E1", "1234"));
    Console manager;
    QVERIFY(manager.signIn(hub, "M1", "4321"));

    // A short shift of the employee.
    employee.session.clockIn({});
    QTRY_COMPARE_WITH_TIMEOUT(lastEntry(employee.session, "clock_in")->state,
                              OutboxEntry::State::Done, Wait);
    QTest::qWait(1100); // a shift of at least a second, so its clock-out is after its clock-in
    employee.session.clockOut(0, {});
    QTRY_COMPARE_WITH_TIMEOUT(lastEntry(employee.session, "clock_out")->state,
                              OutboxEntry::State::Done, Wait);

    QVERIFY(manager.window.showView("timesheets"));
    TimesheetsView *view = manager.window.timesheetsView();
    QTableView *shifts = view->shiftTable();
    QTRY_COMPARE_WITH_TIMEOUT(shifts->model()->rowCount(), 1, Wait);
    QTRY_VERIFY_WITH_TIMEOUT(!manager.session.shifts()->rowAt(0).isOpen(),
                             Wait); // the clock-out event arrived
    QVERIFY(view->correctButton()->isVisible());
    QVERIFY(!view->correctButton()->isEnabled()); // nothing selected yet
    shifts->selectRow(0);
    QVERIFY(view->correctButton()->isEnabled());
    QCOMPARE(view->auditTrail()->topLevelItemCount(), 0);

    // The shift really began 9 hours ago and ended an hour ago.
    QTest::mouseClick(view->correctButton(), Qt::LeftButton);
    auto *dialog = view->findChild<TimesheetCorrectionDialog *>();
    QVERIFY(dialog);
    const QDateTime now = QDateTime::currentDateTime();
    dialog->setClockIn(now.addSecs(-9 * 3600));
    dialog->setClockOut(now.addSecs(-3600));
    QCOMPARE(dialog->problem(), QString("Give the reason for the correction."));
    QVERIFY(!dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled());
    dialog->setClockOut(now.addSecs(-10 * 3600));
    QCOMPARE(dialog->problem(), QString("The clock-out must be after the clock-in."));
    dialog->setClockOut(now.addSecs(-3600));
    dialog->setReason("Tablet was down at opening");
    QVERIFY(dialog->problem().isEmpty());
    clickOk(dialog);
    QTRY_COMPARE_WITH_TIMEOUT(lastEntry(manager.session, "correct_timesheet")->state,
                              OutboxEntry::State::Done, Wait);

    // Beside the shift: who, why, and the times before and after; the hub's warning shows.
    QTreeWidget *trail = view->auditTrail();
    QTRY_COMPARE_WITH_TIMEOUT(trail->topLevelItemCount(), 1, Wait);
    QCOMPARE(trail->topLevelItem(0)->text(1), QString("Mia Manager"));
    QCOMPARE(trail->topLevelItem(0)->text(2), QString("Tablet was down at opening"));
    QVERIFY(trail->topLevelItem(0)->text(3).contains("in "));
    QVERIFY(trail->topLevelItem(0)->text(3).contains("out "));
    const TimesheetRow corrected = manager.session.shifts()->rowAt(0);
    QCOMPARE(corrected.totalHours, 8.0);
    QCOMPARE(corrected.warnings, QStringList{"missed_break"});
    const QModelIndex warnings = shifts->model()->index(0, ShiftListModel::WarningsColumn);
    QVERIFY(warnings.data().toString().contains("missed break"));
    QVERIFY(warnings.data().toString().contains("corrected (1)"));
    QVERIFY(view->findChild<QLabel *>("auditTrailTitle")->text().contains("missed break"));
    // The person's hours follow (the hub sums them again).
    QTRY_COMPARE_WITH_TIMEOUT(manager.session.timesheets()->rowCount() > 0, true, Wait);

    // The employee sees the correction of their own shift, and cannot correct.
    TimesheetsView *own = employee.window.timesheetsView();
    QVERIFY(employee.window.showView("timesheets"));
    QTRY_COMPARE_WITH_TIMEOUT(employee.session.shifts()->rowCount(), 1, Wait);
    QTRY_COMPARE_WITH_TIMEOUT(employee.session.shifts()->rowAt(0).corrections.size(), 1, Wait);
    QVERIFY(own->correctButton()->isHidden());
    own->shiftTable()->selectRow(0);
    QCOMPARE(own->auditTrail()->topLevelItemCount(), 1);
    QCOMPARE(own->auditTrail()->topLevelItem(0)->text(2), QString("Tablet was down at opening"));

    const QByteArray shots = qgetenv("TT_SCREENSHOT_DIR");
    if (!shots.isEmpty()) {
        manager.window.resize(1400, 900);
        shifts->selectRow(0);
        QTest::qWait(200);
        manager.window.grab().save(QString::fromLocal8Bit(shots)
                                   + "/screenshot-timesheet-correction.png");
    }
}

TT_UI_TEST_MAIN(tst_BackOffice)
#include "tst_backoffice.moc"
