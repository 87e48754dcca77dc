// The Staff view against a real hub (HubServer on 127.0.0.1): a manager adds someone with a
// generated PIN shown once (which then signs in), edits them, disables and enables them, sets
// their role (never above the manager's own), resets their PIN typed twice, mints a device token
// shown as a QR code (the token is the hub's and acts as them) and revokes their sessions (the
// token stops working). A second console's list follows through staff:updated; an employee has
// no Staff view. Names from the network stay plain text.
#include "livehubfixture.h"

#include "devicetokendialog.h"
#include "pindialog.h"
#include "pinentry.h"
#include "staffdialog.h"
#include "staffmodel.h"
#include "staffview.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>

using namespace TableTap;
using namespace TableTap::TestUi;

namespace {

QPushButton *button(StaffView *view, const char *name)
{
    return view->findChild<QPushButton *>(QLatin1String(name));
}

template<typename Dialog>
Dialog *openDialog(StaffView *view)
{
    Dialog *found = nullptr;
    (void)QTest::qWaitFor(
        [&] {
            for (Dialog *d : view->findChildren<Dialog *>())
                if (d->isVisible())
                    found = d;
            return found != nullptr;
        },
        Wait);
    return found;
}

QAbstractButton *buttonOf(QMessageBox *box, const QString &text)
{
    for (QAbstractButton *b : box->buttons())
        if (b->text() == text)
            return b;
    return nullptr;
}

const StaffMember *byCode(StaffModel *model, const QString &code)
{
    for (const StaffMember &m : model->rows())
        if (m.employeeCode == code)
            return &m;
    return nullptr;
}

} // namespace

class tst_StaffView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void managerRunsTheStaff();
    void employeeHasNoStaffView();
    void listReloadedAfterTheHubWasAway();
};

void tst_StaffView::managerRunsTheStaff()
{
    LiveHub hub;
    QVERIFY(hub.start());
    Console console;
    QVERIFY(console.signIn(hub, "M1", "4321"));
    Console other;
    QVERIFY(other.signIn(hub, "M1", "4321"));
    StaffModel *staff = console.session.staff();
    QVERIFY(console.window.showView(QStringLiteral("staff")));
    StaffView *view = console.window.staffView();
    QVERIFY(view && view->isVisible());
    QTRY_COMPARE_WITH_TIMEOUT(staff->rowCount(), 2, Wait);
    QVERIFY(other.window.showView(QStringLiteral("staff")));
    QTRY_COMPARE_WITH_TIMEOUT(other.session.staff()->rowCount(), 2, Wait);

    // Add: only roles up to the manager's own; a generated PIN, shown once when the hub took it.
    QVERIFY(button(view, "addStaff")->isEnabled());
    QTest::mouseClick(button(view, "addStaff"), Qt::LeftButton);
    auto *add = openDialog<StaffDialog>(view);
    QVERIFY(add);
    QCOMPARE(add->roleBox()->count(), 2);
    QCOMPARE(add->roleBox()->itemData(1).toString(), QStringLiteral("manager"));
    QVERIFY(!add->problem().isEmpty());
    QTest::keyClicks(add->codeEdit(), "E7");
    QTest::keyClicks(add->nameEdit(), "<b>Nia</b>");
    add->rateBox()->setValue(14.25);
    add->cafeDefaultBox()->setChecked(false);
    add->allowanceBox()->setValue(3);
    add->pinEntry()->setTyped("1234", "4321");
    QCOMPARE(add->problem(), QStringLiteral("The two PINs differ."));
    add->pinEntry()->setGenerated(true);
    QVERIFY2(add->problem().isEmpty(), qPrintable(add->problem()));
    add->accept();
    QTRY_VERIFY_WITH_TIMEOUT(byCode(staff, "E7"), Wait);
    const QString nia = byCode(staff, "E7")->userId;
    QCOMPARE(byCode(staff, "E7")->name, QStringLiteral("<b>Nia</b>"));
    QCOMPARE(byCode(staff, "E7")->hourlyRate, 1425);
    QCOMPARE(byCode(staff, "E7")->drinkAllowance, std::optional<int>(3));
    QTRY_VERIFY_WITH_TIMEOUT(view->shownPin(), Wait);
    const QRegularExpressionMatch shown
        = QRegularExpression(QStringLiteral("\\b(\\d{6})\\b")).match(view->shownPin()->text());
    QVERIFY2(shown.hasMatch(), qPrintable(view->shownPin()->text()));
    QCOMPARE(view->shownPin()->textFormat(), Qt::PlainText);
    view->shownPin()->accept();
    SignInService &signIn = hub.server->service()->signInService();
    QVERIFY(signIn.signIn("c1", "E7", shown.captured(1), {}).ok());
    // The other console heard it.
    QTRY_VERIFY_WITH_TIMEOUT(byCode(other.session.staff(), "E7"), Wait);
    // The name shows as typed.
    const int row = staff->rowOf(nia);
    QCOMPARE(staff->index(row, StaffModel::NameColumn).data().toString(),
             QStringLiteral("<b>Nia</b>"));
    QCOMPARE(view->findChild<QLabel *>("staffStatus")->textFormat(), Qt::PlainText);

    // Edit: only what changed goes out.
    view->selectUser(nia);
    QCOMPARE(view->selectedUserId(), nia);
    QTest::mouseClick(button(view, "editStaff"), Qt::LeftButton);
    auto *edit = openDialog<StaffDialog>(view);
    QVERIFY(edit && !edit->isAdding());
    QCOMPARE(edit->problem(), QStringLiteral("Nothing changed yet."));
    edit->rateBox()->setValue(15.0);
    QCOMPARE(edit->payload(), (QJsonObject{{"user_id", nia}, {"hourly_rate", 15.0}}));
    edit->accept();
    QTRY_COMPARE_WITH_TIMEOUT(staff->member(nia)->hourlyRate, 1500, Wait);
    QTRY_COMPARE_WITH_TIMEOUT(other.session.staff()->member(nia)->hourlyRate, 1500, Wait);

    // Disable asks first; the hub then refuses the sign-in.
    view->selectUser(nia);
    QTest::mouseClick(button(view, "toggleStaff"), Qt::LeftButton);
    auto *confirm = view->findChild<QMessageBox *>("confirmDisable");
    QVERIFY(confirm);
    QCOMPARE(confirm->textFormat(), Qt::PlainText);
    QVERIFY(confirm->text().contains("<b>Nia</b>"));
    buttonOf(confirm, "&Disable")->click();
    QTRY_COMPARE_WITH_TIMEOUT(staff->member(nia)->active, false, Wait);
    QVERIFY(!signIn.signIn("c1", "E7", shown.captured(1), {}).ok());
    QTRY_COMPARE_WITH_TIMEOUT(button(view, "toggleStaff")->text(), QStringLiteral("Ena&ble…"),
                              Wait);
    QVERIFY(!button(view, "mintDeviceToken")->isEnabled());
    QTest::mouseClick(button(view, "toggleStaff"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(staff->member(nia)->active, true, Wait);

    // Set role: employee or manager, nothing above.
    view->selectUser(nia);
    QTest::mouseClick(button(view, "setStaffRole"), Qt::LeftButton);
    auto *roles = view->findChild<QInputDialog *>("roleDialog");
    QVERIFY(roles);
    QCOMPARE(roles->comboBoxItems(), (QStringList{"Employee", "Manager"}));
    roles->setTextValue("Manager");
    roles->accept();
    QTRY_COMPARE_WITH_TIMEOUT(staff->member(nia)->role, QStringLiteral("manager"), Wait);

    // Reset PIN, typed twice.
    view->selectUser(nia);
    QTest::mouseClick(button(view, "resetStaffPin"), Qt::LeftButton);
    auto *pin = openDialog<PinDialog>(view);
    QVERIFY(pin);
    pin->pinEntry()->setTyped("5555", "5556");
    QVERIFY(!pin->pinEntry()->problem().isEmpty());
    pin->pinEntry()->setTyped("5555", "5555");
    QVERIFY(pin->pinEntry()->problem().isEmpty());
    pin->accept();
    QTRY_VERIFY_WITH_TIMEOUT(signIn.signIn("c1", "E7", "5555", {}).ok(), Wait);
    QVERIFY(!signIn.signIn("c1", "E7", shown.captured(1), {}).ok());

    // A device token, shown as a QR code and as text; it is the hub's and acts as Nia.
    view->selectUser(nia);
    QTest::mouseClick(button(view, "mintDeviceToken"), Qt::LeftButton);
    auto *token = openDialog<DeviceTokenDialog>(view);
    QVERIFY(token);
    token->ttlBox()->setValue(7);
    QTest::keyClicks(token->labelEdit(), "Bar tablet");
    QTest::mouseClick(token->mintButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!token->token().isEmpty(), Wait);
    QVERIFY(!token->qrImage().isNull());
    QVERIFY(token->findChild<QLabel *>("tokenQr")->isVisible());
    QVERIFY(!token->findChild<QLabel *>("tokenQr")->pixmap().isNull());
    JsonWebToken::Verified verified = hub.server->service()->verifyAccessToken(token->token());
    QVERIFY2(verified.ok(), qPrintable(verified.message));
    QCOMPARE(verified.claims.userId, nia);
    QCOMPARE(verified.claims.name, QStringLiteral("<b>Nia</b> (Bar tablet)"));
    QCOMPARE(verified.claims.role, HubRole::Manager);
    QCOMPARE(verified.claims.expiresAt - verified.claims.issuedAt, 7 * 24 * 3600);
    const QString minted = token->token();
    token->reject();

    // Revoke asks first; the device token stops working.
    view->selectUser(nia);
    QTest::mouseClick(button(view, "revokeStaff"), Qt::LeftButton);
    auto *revoke = view->findChild<QMessageBox *>("confirmRevoke");
    QVERIFY(revoke);
    buttonOf(revoke, "Re&voke")->click();
    QTRY_VERIFY_WITH_TIMEOUT(!hub.server->service()->verifyAccessToken(minted).ok(), Wait);
    QTRY_VERIFY_WITH_TIMEOUT(view->statusText().startsWith("Done for"), Wait);

    // Never on oneself's role or access, never on a person above one's own role: not offered.
    view->selectUser(console.session.identity().userId);
    QVERIFY(button(view, "editStaff")->isEnabled());
    QVERIFY(!button(view, "toggleStaff")->isEnabled());
    QVERIFY(!button(view, "setStaffRole")->isEnabled());
}

void tst_StaffView::employeeHasNoStaffView()
{
    LiveHub hub;
    QVERIFY(hub.start());
    Console console;
    QVERIFY(console.signIn(hub, "E1", "1234"));
    StaffView *view = console.window.staffView();
    QVERIFY(view);
    QVERIFY(!console.window.tabs()->isTabVisible(console.window.tabs()->indexOf(view)));
    QVERIFY(!console.session.loadStaff());
    QCOMPARE(console.session.staff()->rowCount(), 0);
}

void tst_StaffView::listReloadedAfterTheHubWasAway()
{
    LiveHub hub;
    QVERIFY(hub.start());
    Console console;
    QVERIFY(console.signIn(hub, "M1", "4321"));
    QVERIFY(console.window.showView(QStringLiteral("staff")));
    QTRY_COMPARE_WITH_TIMEOUT(console.session.staff()->rowCount(), 2, Wait);
    // Someone is added while the hub is down (no staff:updated reaches the console); the new
    // session after the restart cannot replay what was missed, so the list is asked for again.
    hub.stop();
    QTRY_VERIFY_WITH_TIMEOUT(console.session.liveness() != ConsoleSession::Liveness::Live, Wait);
    QTest::mouseClick(button(console.window.staffView(), "reloadStaff"), Qt::LeftButton);
    QVERIFY(console.window.staffView()->statusText().startsWith("Not connected"));
    FolderAdmin(hub.dir.path()).addStaff("c1", "E9", "Late Hire", HubRole::Employee, "9999", 1200);
    QVERIFY(hub.start());
    QTRY_COMPARE_WITH_TIMEOUT(console.session.staff()->rowCount(), 3, Wait);
    QVERIFY(byCode(console.session.staff(), "E9"));
}

QTEST_MAIN(tst_StaffView)
#include "tst_staffview.moc"
