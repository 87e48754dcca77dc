// The console's main window: the liveness banner across the top, the views in tabs (queue,
// counters, inventory, timesheets, payments, dashboard, event log, and the hub when it runs
// inside, and the chain for its owners), the toast row and the status strip along the bottom, the
// outbox as a dock.
// Manager actions exist only for managers. Every view works from the keyboard.
#pragma once

#include <QHash>
#include <QMainWindow>
#include <QPointer>
#include <QStringList>
#include <QUrl>

class QActionGroup;
class QDockWidget;
class QMenu;
class QTabWidget;

namespace TableTap {

class CafeSettingsView;
class ChainView;
class ConsoleSession;
class ConsoleSettings;
class CountersView;
class DashboardView;
class DisplayManager;
class EventLogView;
class HubControl;
class HubPanel;
class InventoryView;
class MenuView;
class LivenessBanner;
class Notifier;
class OrderQueueView;
class OutboxPanel;
class OrderEntryView;
class PaymentsView;
class PrintService;
class PrintingView;
class ReadyBoardWindow;
class ReportsView;
class SoundPlayer;
class StatusStrip;
class StaffView;
class TimesheetsView;
class ToastStack;

class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    // Who sees a view: everyone signed in, managers and admins only (hidden for employees), or
    // chain owners only (an admin the hub answers chain_overview for; hidden for everyone else).
    enum class ViewAccess { Everyone, Manager, ChainOwner };

    // currentLanguage: the code in use ("en", "de"), "" when it follows the system.
    MainWindow(ConsoleSession *session, ConsoleSettings *settings,
               const QString &currentLanguage = {}, QWidget *parent = nullptr);
    ~MainWindow() override;

    // The views' names in tab order (what `tabletap --view` takes, besides the display and board
    // windows). A view that is not there (the hub tab without an embedded hub) is skipped.
    static QStringList viewOrder();
    // Adds a view as a tab at its place in viewOrder(), with a View menu action.
    void addView(QWidget *view, const QString &name, const QString &title, ViewAccess access);
    // The view of that name, null when there is none.
    QWidget *view(const QString &name) const { return m_views.value(name); }

    // Adds the hub tab and the "start a hub" choice (the hub runs inside this console).
    void setHubControl(HubControl *hub);
    void setEmbeddedHubAvailable(bool available) { m_embeddedAvailable = available; }
    // Adds the Printing view, the order details' "Reprint ticket" and "Print receipt", and a
    // toast when a printer with jobs waiting goes offline or runs out of paper.
    void setPrintService(PrintService *printing);
    PrintingView *printingView() const { return m_printing; }

    ConsoleSession *session() const { return m_session; }
    QTabWidget *tabs() const { return m_tabs; }
    LivenessBanner *banner() const { return m_banner; }
    StatusStrip *statusStrip() const { return m_strip; }
    ToastStack *toasts() const { return m_toasts; }
    SoundPlayer *sounds() const { return m_sounds; }
    Notifier *notifier() const { return m_notifier; }
    OrderQueueView *queueView() const { return m_queue; }
    CountersView *countersView() const { return m_counters; }
    InventoryView *inventoryView() const { return m_inventory; }
    MenuView *menuView() const { return m_menu; }
    TimesheetsView *timesheetsView() const { return m_timesheets; }
    CafeSettingsView *cafeSettingsView() const; // the "settings" view
    ReportsView *reportsView() const;           // the "reports" view
    StaffView *staffView() const { return m_staff; }
    PaymentsView *paymentsView() const { return m_payments; }
    OrderEntryView *orderEntryView() const { return m_entry; }
    DashboardView *dashboardView() const { return m_dashboard; }
    ChainView *chainView() const { return m_chain; }
    EventLogView *eventLogView() const { return m_eventLog; }
    HubPanel *hubPanel() const { return m_hubPanel; }
    QDockWidget *outboxDock() const { return m_outboxDock; }
    QAction *settingsAction() const { return m_settingsAction; }
    // The counter display windows (View > Counter display).
    DisplayManager *displays() const { return m_displays; }
    // The customer ready board window, once opened (null before).
    ReadyBoardWindow *readyBoard() const { return m_readyBoard; }

public Q_SLOTS:
    void showConnectDialog();
    void showSettings();
    void showView(int index);
    // False when there is no such view, or it is not for this person's role.
    bool showView(const QString &name);
    void toggleOutbox();
    // Opens (or raises) the ready board window.
    void showReadyBoard();

Q_SIGNALS:
    // The user picked a language in the menu ("" = follow the system).
    void languageChangeRequested(const QString &code);
    // The user asked for the hub inside the console (connect dialog).
    void embeddedHubRequested();
    // A chain owner opened a cafe's console from the Chain view: the program shows one signed in
    // to hub with token (an admin of cafeId, from open_cafe).
    void cafeConsoleRequested(const QUrl &hub, const QString &token, const QString &cafeId,
                              const QString &cafeName);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    // Whether this person may see a view of that access now.
    bool mayAccess(ViewAccess access) const;
    // Asks what to do with actions still waiting; false: do not close.
    bool confirmCloseWithWaitingActions();
    void buildMenus(const QString &currentLanguage);
    void applyRole();
    void updateTitle();
    void updateInventoryTab();
    // The View menu's view actions, one per visible tab in order, Ctrl+1… on the first nine.
    void rebuildViewActions();

    ConsoleSession *m_session;
    ConsoleSettings *m_settings;
    QTabWidget *m_tabs;
    LivenessBanner *m_banner;
    StatusStrip *m_strip;
    ToastStack *m_toasts;
    SoundPlayer *m_sounds;
    Notifier *m_notifier;
    OrderQueueView *m_queue;
    CountersView *m_counters;
    InventoryView *m_inventory;
    MenuView *m_menu = nullptr;
    TimesheetsView *m_timesheets;
    StaffView *m_staff = nullptr;
    PaymentsView *m_payments;
    OrderEntryView *m_entry = nullptr;
    DashboardView *m_dashboard;
    ChainView *m_chain = nullptr;
    EventLogView *m_eventLog;
    OutboxPanel *m_outbox;
    QDockWidget *m_outboxDock;
    HubPanel *m_hubPanel = nullptr;
    PrintingView *m_printing = nullptr;
    DisplayManager *m_displays;
    ReadyBoardWindow *m_readyBoard = nullptr;
    QAction *m_settingsAction = nullptr;
    QActionGroup *m_viewGroup = nullptr;
    QMenu *m_viewMenu = nullptr;
    QHash<QString, QWidget *> m_views;
    QHash<QWidget *, ViewAccess> m_viewAccess;
    QPointer<QDialog> m_connectDialog;
    bool m_embeddedAvailable = false;
};

} // namespace TableTap
