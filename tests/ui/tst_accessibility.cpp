// Accessibility of the console's views: the main window with every view (the hub tab and the
// outbox dock included) is walked widget by widget, in English and German, and every interactive
// control a user can reach (buttons, check boxes, combo boxes, line edits, spin boxes, tables and
// lists, text areas, tool buttons of toolbars) must have a name a screen reader reads out and be
// reachable from the keyboard (Tab, or a shortcut of its own). And the console follows the
// system's font size: a larger application font gives the queue larger text and taller rows.
#include "uitesthelpers.h"

#include "clockoutdialog.h"
#include "connectdialog.h"
#include "consolesettings.h"
#include "dashboardview.h"
#include "devicetokendialog.h"
#include "drinkdialog.h"
#include "hubcontrol.h"
#include "languagemanager.h"
#include "mainwindow.h"
#include "offsaledialog.h"
#include "orderqueuedelegate.h"
#include "orderqueueview.h"
#include "pindialog.h"
#include "producteditordialog.h"
#include "reasondialog.h"
#include "settingsdialog.h"
#include "shortcutsdialog.h"
#include "staffdialog.h"
#include "stockadjustdialog.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QComboBox>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QScrollBar>
#include <QStackedWidget>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTextEdit>
#include <QToolButton>

using namespace TableTap;
using namespace TableTap::TestUi;

namespace {

// The hub tab's controls need a hub to show; this one only answers what the panel asks.
class IdleHub final : public HubControl
{
public:
    HubStatus status() const override
    {
        HubStatus s;
        s.running = m_running;
        s.simulatorAvailable = true;
        return s;
    }
    void start() override { m_running = true; }
    void stop() override { m_running = false; }
    void setSimulatorRunning(bool) override {}

private:
    bool m_running = false;
};

// A control a user operates (as opposed to text to read or a container).
bool isInteractive(const QWidget *w)
{
    if (qobject_cast<const QScrollBar *>(w))
        return false; // part of its scroll area
    return qobject_cast<const QAbstractButton *>(w) || qobject_cast<const QComboBox *>(w)
           || qobject_cast<const QLineEdit *>(w) || qobject_cast<const QAbstractSpinBox *>(w)
           || qobject_cast<const QAbstractItemView *>(w) || qobject_cast<const QTextEdit *>(w)
           || qobject_cast<const QPlainTextEdit *>(w);
}

// Parts Qt builds inside another control, named and reached through that control.
bool isPartOfAnother(const QWidget *w)
{
    for (const QWidget *p = w->parentWidget(); p; p = p->parentWidget()) {
        if (qobject_cast<const QComboBox *>(p) || qobject_cast<const QAbstractSpinBox *>(p)
            || qobject_cast<const QTabBar *>(p) || qobject_cast<const QAbstractItemView *>(p))
            return true;
    }
    // A dock's title buttons are Qt's; the dock itself is shown and hidden from the View menu
    // (Ctrl+O for the outbox).
    return qobject_cast<const QHeaderView *>(w) != nullptr
           || w->objectName().startsWith(QLatin1String("qt_dockwidget_"));
}

QString accessibleName(QWidget *w)
{
    QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(w);
    return iface ? iface->text(QAccessible::Name).trimmed() : QString();
}

QString describe(const QWidget *w)
{
    QStringList path;
    for (const QObject *o = w; o; o = o->parent())
        path.prepend(o->objectName().isEmpty() ? QString::fromLatin1(o->metaObject()->className())
                                               : o->objectName());
    return path.join(u'/');
}

// Whether the keyboard gets to w: Tab, or a shortcut (a mnemonic, its action's shortcut, or an
// action of the menu bar doing the same).
bool keyboardReachable(QWidget *w, const QList<QAction *> &menuActions)
{
    if (w->focusPolicy() & Qt::TabFocus)
        return true;
    if (auto *b = qobject_cast<QAbstractButton *>(w)) {
        if (!b->shortcut().isEmpty())
            return true;
        if (auto *t = qobject_cast<QToolButton *>(w); t && t->defaultAction()) {
            QAction *a = t->defaultAction();
            if (!a->shortcut().isEmpty() || menuActions.contains(a))
                return true;
        }
    }
    return false;
}

QList<QAction *> menuBarActions(QMainWindow &window)
{
    QList<QAction *> out;
    QList<QMenu *> menus = window.findChildren<QMenu *>();
    for (QMenu *m : menus)
        out += m->actions();
    return out;
}

// Walks the visible widgets of a window, once each, noting interactive controls without an
// accessible name or without a way there from the keyboard.
struct Walk
{
    explicit Walk(QList<QAction *> menuActions)
        : menuActions(std::move(menuActions))
    {}

    void visit(QWidget *root)
    {
        QCoreApplication::processEvents();
        for (QWidget *w : root->findChildren<QWidget *>()) {
            if (!w->isVisible() || !w->isEnabled() || !isInteractive(w) || isPartOfAnother(w))
                continue;
            if (qobject_cast<QMenu *>(w->window()))
                continue;
            const QString where = describe(w);
            if (seen.contains(where))
                continue;
            seen.insert(where);
            if (accessibleName(w).isEmpty())
                unnamed << where;
            if (!keyboardReachable(w, menuActions))
                unreachable << where;
        }
    }
    bool ok() const { return unnamed.isEmpty() && unreachable.isEmpty(); }
    QString report() const
    {
        // Every finding in the log as well: a failure message is cut short.
        for (const QString &w : unnamed)
            qWarning("no accessible name: %s", qPrintable(w));
        for (const QString &w : unreachable)
            qWarning("not reachable by keyboard: %s", qPrintable(w));
        return QStringLiteral("without an accessible name:\n  %1\nnot reachable by keyboard:\n  %2")
            .arg(unnamed.join(QStringLiteral("\n  ")), unreachable.join(QStringLiteral("\n  ")));
    }

    QList<QAction *> menuActions;
    QSet<QString> seen;
    QStringList unnamed, unreachable;
};

} // namespace

class tst_Accessibility : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyControlNamedAndReachable_data();
    void everyControlNamedAndReachable();
    void everyDialogControlNamedAndReachable_data();
    void everyDialogControlNamedAndReachable();
    void queueFollowsTheSystemFontSize();
};

void tst_Accessibility::everyControlNamedAndReachable_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << QStringLiteral("en");
    QTest::newRow("de") << QStringLiteral("de");
}

void tst_Accessibility::everyControlNamedAndReachable()
{
    QFETCH(QString, language);
    LanguageManager languages;
    QVERIFY(languages.install(language));
    ConsoleSession session;
    ConsoleSettings settings;
    MainWindow window(&session, &settings, language);
    IdleHub hub;
    window.setHubControl(&hub);
    signInOffline(session, QStringLiteral("admin")); // every view and action shows for an admin
    addOrders(session, {order(QStringLiteral("a1")), order(QStringLiteral("a2"))});
    window.resize(1400, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.queueView()->findChild<QTableView *>(QStringLiteral("queueTable"))->selectRow(0);
    if (!window.outboxDock()->isVisible())
        window.toggleOutbox();
    const QList<QAction *> menuActions = menuBarActions(window);

    Walk walk(menuActions);
    for (int view = 0; view < window.tabs()->count(); ++view) {
        window.showView(view);
        QCoreApplication::processEvents();
        walk.visit(&window);
    }
    QVERIFY2(walk.seen.size() > 25, qPrintable(QString::number(walk.seen.size()))); // the views
    QVERIFY2(walk.ok(), qPrintable(walk.report()));
}

void tst_Accessibility::everyDialogControlNamedAndReachable_data()
{
    everyControlNamedAndReachable_data();
}

void tst_Accessibility::everyDialogControlNamedAndReachable()
{
    // The console's dialogs, each as a user meets it (every page of the connect dialog).
    QFETCH(QString, language);
    LanguageManager languages;
    QVERIFY(languages.install(language));
    ConsoleSession session;
    ConsoleSettings settings;
    MenuProduct latte;
    latte.id = QStringLiteral("p1");
    latte.name = QStringLiteral("Latte");
    std::vector<std::unique_ptr<QDialog>> dialogs;
    dialogs.emplace_back(new ClockOutDialog(QStringLiteral("08:00–16:00")));
    dialogs.emplace_back(new ConnectDialog(&session, &settings, true));
    dialogs.emplace_back(new DrinkDialog({latte}, QStringLiteral("3 of 5 left")));
    auto *reason = new ReasonDialog(QStringLiteral("Move"), QStringLiteral("Why?"),
                                    {QStringLiteral("Queue too long")});
    reason->setCounters({QStringLiteral("Counter 1"), QStringLiteral("Counter 2")});
    dialogs.emplace_back(reason);
    dialogs.emplace_back(new SettingsDialog(&settings));
    dialogs.emplace_back(new ShortcutsDialog);
    dialogs.emplace_back(
        new StockAdjustDialog(QStringLiteral("Oat Milk"), QStringLiteral("ml"), 500, 1000));
    dialogs.emplace_back(
        new OffSaleDialog(QStringLiteral("Latte"), QDateTime::currentDateTime(), QTime(6, 0)));
    latte.options.append({QStringLiteral("c1"), QStringLiteral("Oat milk"), 60});
    auto *editor = new ProductEditorDialog(&latte, {QStringLiteral("coffee")}, session.inventory());
    editor->addIngredient(QStringLiteral("item-1"), 18);
    dialogs.emplace_back(editor);
    // The Staff view's: adding, editing, a new PIN, a device token (before and after minting).
    dialogs.emplace_back(
        new StaffDialog(QStringList{QStringLiteral("employee"), QStringLiteral("manager")}));
    StaffMember eve;
    eve.userId = QStringLiteral("u1");
    eve.employeeCode = QStringLiteral("E1");
    eve.name = QStringLiteral("Eve");
    dialogs.emplace_back(new StaffDialog(eve));
    dialogs.emplace_back(new PinDialog(QStringLiteral("Eve (E1)")));
    dialogs.emplace_back(new DeviceTokenDialog(QStringLiteral("Eve (E1)")));
    auto *minted = new DeviceTokenDialog(QStringLiteral("Eve (E1)"));
    minted->showToken(QStringLiteral("eyJhbGciOiJIUzI1NiJ9.e30.c2ln"), {});
    dialogs.emplace_back(minted);
    Walk walk({});
    for (const auto &dialog : dialogs) {
        dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(dialog.get()));
        walk.visit(dialog.get());
        // Pages behind tabs and stacks, one at a time.
        for (QTabWidget *tabs : dialog->findChildren<QTabWidget *>())
            for (int i = 0; i < tabs->count(); ++i) {
                tabs->setCurrentIndex(i);
                walk.visit(dialog.get());
            }
        for (QStackedWidget *stack : dialog->findChildren<QStackedWidget *>())
            for (int i = 0; i < stack->count(); ++i) {
                stack->setCurrentIndex(i);
                walk.visit(dialog.get());
            }
        dialog->hide();
    }
    QVERIFY2(walk.seen.size() > 15, qPrintable(QString::number(walk.seen.size())));
    QVERIFY2(walk.ok(), qPrintable(walk.report()));
}

void tst_Accessibility::queueFollowsTheSystemFontSize()
{
    // The user's font size (the desktop's, given to the application as its font) reaches the
    // queue while the console runs: larger text, taller rows, wider columns; and the dashboard's
    // headline figures.
    const QFont original = QApplication::font();
    ConsoleSession session;
    ConsoleSettings settings;
    OrderQueueView view(&session, &settings);
    addOrders(session, {order(QStringLiteral("f1")), order(QStringLiteral("f2"))});
    view.resize(1200, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    auto *table = view.findChild<QTableView *>(QStringLiteral("queueTable"));
    QVERIFY(table);
    DashboardView dashboard(&session);
    auto *headline = dashboard.findChild<QLabel *>(QStringLiteral("headline_orders"));
    QVERIFY(headline);
    // The headline's figure: its size in the markup, in points.
    const auto figureSize = [headline] {
        static const QRegularExpression size(QStringLiteral("font-size:([0-9.]+)pt"));
        return size.match(headline->text()).captured(1).toDouble();
    };
    const double figureBefore = figureSize();
    QVERIFY2(figureBefore > 0, qPrintable(headline->text()));
    const auto rowHeight = [table] {
        return table->rowHeight(0);
    };
    const auto textHeight = [table] {
        QStyleOptionViewItem option;
        option.initFrom(table);
        return table->itemDelegate()->sizeHint(option, table->model()->index(0, 0)).height();
    };
    const int rowBefore = rowHeight();
    const int textBefore = table->fontMetrics().height();
    const int numberColumnBefore = table->horizontalHeader()->sectionSize(0);
    QVERIFY(rowBefore > 0);

    QFont larger = original;
    larger.setPointSizeF((original.pointSizeF() > 0 ? original.pointSizeF() : 10) * 2);
    QApplication::setFont(larger);
    QCoreApplication::processEvents();
    QTRY_VERIFY2(
        table->fontMetrics().height() > textBefore,
        qPrintable(
            QStringLiteral("text %1 → %2").arg(textBefore).arg(table->fontMetrics().height())));
    QVERIFY2(rowHeight() >= OrderQueueDelegate::rowHeight(table->fontMetrics()),
             qPrintable(QStringLiteral("row %1 → %2, the text needs %3")
                            .arg(rowBefore)
                            .arg(rowHeight())
                            .arg(OrderQueueDelegate::rowHeight(table->fontMetrics()))));
    QVERIFY(rowHeight() > rowBefore);
    QVERIFY(textHeight() >= rowHeight());
    QVERIFY(table->horizontalHeader()->sectionSize(0) > numberColumnBefore);
    QVERIFY2(figureSize() > figureBefore, qPrintable(headline->text()));
    QApplication::setFont(original);
}

TT_UI_TEST_MAIN(tst_Accessibility)
#include "tst_accessibility.moc"
