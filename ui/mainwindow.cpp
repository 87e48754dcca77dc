// The main window.
#include "mainwindow.h"

#include "cafesettingsview.h"
#include "chainview.h"
#include "connectdialog.h"
#include "consolesession.h"
#include "consolesettings.h"
#include "countersview.h"
#include "dashboardview.h"
#include "displaymanager.h"
#include "eventlogview.h"
#include "hubcontrol.h"
#include "hubpanel.h"
#include "inventoryview.h"
#include "languagemanager.h"
#include "livenessbanner.h"
#include "menuview.h"
#include "notifier.h"
#include "orderdetailspane.h"
#include "orderentryview.h"
#include "orderqueueview.h"
#include "outboxpanel.h"
#include "paymentsview.h"
#include "plaintext.h"
#include "printingview.h"
#include "printservice.h"
#include "readyboardwindow.h"
#include "reportsview.h"
#include "settingsdialog.h"
#include "shortcutsdialog.h"
#include "soundplayer.h"
#include "staffview.h"
#include "statusstrip.h"
#include "timesheetsview.h"
#include "toaststack.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace TableTap {

MainWindow::MainWindow(ConsoleSession *session, ConsoleSettings *settings,
                       const QString &currentLanguage, QWidget *parent)
    : QMainWindow(parent)
    , m_session(session)
    , m_settings(settings)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/tabletap.svg")));

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_banner = new LivenessBanner(session, central);
    layout->addWidget(m_banner);
    m_tabs = new QTabWidget(central);
    m_tabs->setObjectName(QStringLiteral("views"));
    m_tabs->setDocumentMode(true);
    layout->addWidget(m_tabs, 1);
    setCentralWidget(central);

    m_queue = new OrderQueueView(session, settings, m_tabs);
    m_counters = new CountersView(session, m_tabs);
    m_inventory = new InventoryView(session, m_tabs);
    m_timesheets = new TimesheetsView(session, m_tabs);
    m_payments = new PaymentsView(session, m_tabs);
    m_dashboard = new DashboardView(session, m_tabs);
    m_eventLog = new EventLogView(session, m_tabs);
    m_viewGroup = new QActionGroup(this);
    addView(m_queue, QStringLiteral("queue"), tr("&Queue"), ViewAccess::Everyone);
    addView(m_counters, QStringLiteral("counters"), tr("Coun&ters"), ViewAccess::Everyone);
    addView(m_inventory, QStringLiteral("inventory"), tr("&Inventory"), ViewAccess::Everyone);
    addView(m_timesheets, QStringLiteral("timesheets"), tr("Time&sheets"), ViewAccess::Everyone);
    addView(m_payments, QStringLiteral("payments"), tr("&Payments"), ViewAccess::Everyone);
    addView(m_dashboard, QStringLiteral("dashboard"), tr("&Dashboard"), ViewAccess::Everyone);
    addView(m_eventLog, QStringLiteral("log"), tr("&Event log"), ViewAccess::Everyone);
    // Back office views
    m_entry = new OrderEntryView(session, m_tabs);
    addView(m_entry, QStringLiteral("entry"), tr("Order entr&y"), ViewAccess::Everyone);
    m_menu = new MenuView(session, m_tabs);
    addView(m_menu, QStringLiteral("menu"), tr("Men&u"), ViewAccess::Everyone);
    // No Alt letter in English: each letter of it is taken by a menu, a tab or a view's button
    // (Ctrl+number from the View menu reaches it).
    addView(m_staff = new StaffView(session, m_tabs), QStringLiteral("staff"),
            tr("Staff management"), ViewAccess::Manager);
    addView(new CafeSettingsView(session, m_tabs), QStringLiteral("settings"), tr("Cafe settin&gs"),
            ViewAccess::Manager);
    // No Alt letter either (Ctrl+number reaches it); its Run button has Alt+N.
    addView(new ReportsView(session, m_tabs), QStringLiteral("reports"), tr("Reports"),
            ViewAccess::Manager);
    // No Alt letter either: Ctrl+number from the View menu reaches it.
    m_chain = new ChainView(session, m_tabs);
    addView(m_chain, QStringLiteral("chain"), tr("Chain"), ViewAccess::ChainOwner);
    connect(m_chain, &ChainView::chainOwnerChanged, this, &MainWindow::applyRole);
    connect(m_chain, &ChainView::consoleRequested, this, &MainWindow::cafeConsoleRequested);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        QWidget *page = m_tabs->widget(index);
        for (QAction *a : m_viewGroup->actions())
            if (m_views.value(a->data().toString()) == page)
                a->setChecked(true);
        if (page == m_queue)
            m_queue->focusQueue();
    });

    m_strip = new StatusStrip(session, this);
    statusBar()->addPermanentWidget(m_strip, 1);
    statusBar()->setSizeGripEnabled(false);

    m_outbox = new OutboxPanel(session, this);
    m_outboxDock = new QDockWidget(tr("Outbox"), this);
    m_outboxDock->setObjectName(QStringLiteral("outboxDock"));
    m_outboxDock->setWidget(m_outbox);
    m_outboxDock->setAllowedAreas(Qt::BottomDockWidgetArea | Qt::RightDockWidgetArea);
    addDockWidget(Qt::BottomDockWidgetArea, m_outboxDock);
    m_outboxDock->hide();
    connect(m_outboxDock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible)
            m_strip->acknowledgeRefused();
    });
    connect(m_strip, &StatusStrip::outboxClicked, this, &MainWindow::toggleOutbox);

    // Toasts have a row of their own under the views: they never cover a row or a chart.
    m_toasts = new ToastStack(central);
    layout->addWidget(m_toasts);
    m_sounds = new SoundPlayer(this);
    m_notifier = new Notifier(session, m_toasts, m_sounds, settings, this);
    m_displays = new DisplayManager(session, m_sounds, this);

    connect(m_banner, &LivenessBanner::connectRequested, this, &MainWindow::showConnectDialog);
    connect(m_counters, &CountersView::showInQueue, this, [this](const QString &counter) {
        m_queue->setCounterFilter(counter);
        m_tabs->setCurrentWidget(m_queue);
    });
    connect(m_payments, &PaymentsView::showOrder, this, [this](const QString &orderId) {
        m_tabs->setCurrentWidget(m_queue);
        m_queue->selectOrder(orderId);
    });
    connect(session, &ConsoleSession::identityChanged, this, [this] {
        applyRole();
        updateTitle();
    });
    connect(session->alerts(), &BatchedTableModel::flushed, this, &MainWindow::updateInventoryTab);
    connect(session->alerts(), &StockAlertModel::ringingChanged, this,
            &MainWindow::updateInventoryTab);

    buildMenus(currentLanguage);
    applyRole();
    updateTitle();
    updateInventoryTab();

    resize(1400, 900);
    if (!settings->windowGeometry().isEmpty())
        restoreGeometry(settings->windowGeometry());
    if (!settings->windowState().isEmpty())
        restoreState(settings->windowState());
    m_outboxDock->hide();
    // After this window is up, so the counter displays that were open come back on top of it.
    QTimer::singleShot(0, this, [this] { m_displays->restore(); });
}

MainWindow::~MainWindow() = default;

void MainWindow::buildMenus(const QString &currentLanguage)
{
    QMenu *console = menuBar()->addMenu(tr("&Console"));
    QAction *connectAction
        = console->addAction(tr("&Connect…"), this, &MainWindow::showConnectDialog);
    connectAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    console->addAction(tr("&Reload everything from the hub"), QKeySequence(Qt::Key_F5), this,
                       [this] { m_session->resync(); });
    console->addAction(tr("Sign &out"), this, [this] {
        m_session->disconnectFromHub();
        showConnectDialog();
    });
    console->addSeparator();
    m_settingsAction = console->addAction(tr("&Settings…"), this, &MainWindow::showSettings);
    m_settingsAction->setShortcut(QKeySequence::Preferences);
    m_settingsAction->setObjectName(QStringLiteral("settingsAction"));
    console->addSeparator();
    QAction *quit = console->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    m_viewMenu = view;
    view->addSeparator();
    rebuildViewActions();
    QAction *outbox = view->addAction(tr("&Outbox"), this, &MainWindow::toggleOutbox);
    outbox->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_O));
    QAction *board = view->addAction(tr("Ready &board"), this, &MainWindow::showReadyBoard);
    board->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B));
    QAction *mute = view->addAction(tr("&Mute sounds"));
    mute->setCheckable(true);
    mute->setChecked(m_settings->muted());
    mute->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
    connect(mute, &QAction::toggled, m_settings, &ConsoleSettings::setMuted);
    QAction *dismiss
        = view->addAction(tr("&Dismiss notifications"), m_toasts, &ToastStack::dismissAll);
    dismiss->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_X));
    QAction *display
        = view->addAction(tr("Counter dis&play"), this, [this] { m_displays->openDisplay(0); });
    display->setObjectName(QStringLiteral("displayAction"));
    display->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    view->addAction(tr("A&nother counter display"), this,
                    [this] { m_displays->openAnotherDisplay(); });
    QAction *full = view->addAction(tr("&Full screen"));
    full->setCheckable(true);
    full->setShortcut(QKeySequence(Qt::Key_F11));
    connect(full, &QAction::toggled, this, [this](bool on) {
        if (on)
            showFullScreen();
        else
            showNormal();
    });

    QMenu *language = menuBar()->addMenu(tr("&Language"));
    auto *languages = new QActionGroup(this);
    auto addLanguage = [&](const QString &code, const QString &label) {
        QAction *a = language->addAction(label);
        a->setCheckable(true);
        a->setChecked(code == currentLanguage);
        a->setData(code);
        languages->addAction(a);
        connect(a, &QAction::triggered, this, [this, code] {
            m_settings->setLanguage(code);
            Q_EMIT languageChangeRequested(code);
        });
    };
    addLanguage(QString(), tr("System language"));
    for (const QString &code : LanguageManager::available())
        addLanguage(code, LanguageManager::nativeName(code));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Keyboard shortcuts"), QKeySequence(Qt::Key_F1), this, [this] {
        auto *dialog = new ShortcutsDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
    help->addAction(tr("&About Table Tap"), this, [this] {
        QMessageBox::about(
            this, tr("About Table Tap"),
            tr("<h3>Table Tap Console %1</h3><p>Live order queue, counters, stock, "
               "staff and payments for cafes, over Socket.IO to the in-store "
               "hub.</p><p>Sounds: %2.</p>")
                .arg(QCoreApplication::applicationVersion(),
                     SoundPlayer::hasMultimedia() ? tr("Qt Multimedia") : tr("system beep")));
    });
}

void MainWindow::setHubControl(HubControl *hub)
{
    if (m_hubPanel || !hub)
        return;
    m_embeddedAvailable = true;
    m_hubPanel = new HubPanel(hub, m_tabs);
    // No Alt letter: Alt+U is the menu's (English), and the hub tab comes and goes.
    addView(m_hubPanel, QStringLiteral("hub"), tr("Hub"), ViewAccess::Everyone);
}

QStringList MainWindow::viewOrder()
{
    return {QStringLiteral("queue"),      QStringLiteral("counters"), QStringLiteral("inventory"),
            QStringLiteral("timesheets"), QStringLiteral("payments"), QStringLiteral("dashboard"),
            QStringLiteral("entry"),      QStringLiteral("menu"),     QStringLiteral("staff"),
            QStringLiteral("settings"),   QStringLiteral("reports"),  QStringLiteral("printing"),
            QStringLiteral("chain"),      QStringLiteral("log"),      QStringLiteral("hub")};
}

void MainWindow::setPrintService(PrintService *printing)
{
    if (m_printing || !printing)
        return;
    m_printing = new PrintingView(printing, m_session, m_tabs);
    addView(m_printing, QStringLiteral("printing"), tr("Printing"), ViewAccess::Everyone);
    OrderDetailsPane *details = m_queue->details();
    details->setPrintingAvailable(true);
    auto report = [this](const QString &id, const QString &why) {
        if (id.isEmpty())
            m_toasts->post(ToastStack::Kind::Warning, tr("Not printed"), why);
    };
    connect(details, &OrderDetailsPane::reprintTicketRequested, this,
            [printing, report](const QString &orderId) {
                QString why;
                report(printing->printTicket(orderId, &why), why);
            });
    connect(details, &OrderDetailsPane::printReceiptRequested, this,
            [printing, report](const QString &orderId) {
                QString why;
                report(printing->printReceipt(orderId, std::nullopt, &why), why);
            });
    m_payments->setPrintingAvailable(true);
    connect(m_payments, &PaymentsView::printReceiptRequested, this,
            [printing, report](const QString &orderId) {
                QString why;
                report(printing->printReceipt(orderId, std::nullopt, &why), why);
            });
    connect(printing, &PrintService::printerNeedsAttention, this,
            [this](const QString &printer, const QString &state, int waiting) {
                m_toasts->post(
                    ToastStack::Kind::Warning, tr("Printer %1 is %2").arg(printer, state),
                    tr("%n job(s) waiting; they print when it is back.", nullptr, waiting), -1,
                    QStringLiteral("printer:") + printer);
            });
    connect(printing->spooler(), &PrintSpooler::jobRefused, this, [this](const PrintJob &job) {
        m_toasts->post(ToastStack::Kind::Error, tr("Print queue full"),
                       tr("%1 for %2 was not queued: %n job(s) are waiting already.", nullptr,
                          PrintSpooler::MaxWaiting)
                           .arg(PrintJob::kindText(job.kind), job.orderNumber),
                       -1, QStringLiteral("printer-queue"));
    });
}

void MainWindow::addView(QWidget *view, const QString &name, const QString &title,
                         ViewAccess access)
{
    const QStringList order = viewOrder();
    Q_ASSERT(order.contains(name) && !m_views.contains(name));
    // Its place: after every view already there that comes before it in the order.
    int index = 0;
    for (int i = 0; i < m_tabs->count(); ++i)
        if (order.indexOf(m_views.key(m_tabs->widget(i))) < order.indexOf(name))
            index = i + 1;
    m_views.insert(name, view);
    m_viewAccess.insert(view, access);
    m_tabs->insertTab(index, view, title);
    if (access != ViewAccess::Everyone)
        m_tabs->setTabVisible(index, mayAccess(access));
    rebuildViewActions();
}

bool MainWindow::mayAccess(ViewAccess access) const
{
    switch (access) {
    case ViewAccess::Everyone:
        return true;
    case ViewAccess::Manager:
        return m_session->identity().isManager();
    case ViewAccess::ChainOwner:
        return m_chain && m_chain->isChainOwner();
    }
    return false;
}

void MainWindow::rebuildViewActions()
{
    if (!m_viewMenu)
        return;
    for (QAction *a : m_viewGroup->actions()) {
        m_viewGroup->removeAction(a);
        m_viewMenu->removeAction(a);
        a->deleteLater();
    }
    QAction *before = m_viewMenu->actions().isEmpty() ? nullptr : m_viewMenu->actions().first();
    int shown = 0;
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (!m_tabs->isTabVisible(i))
            continue;
        const QString name = m_views.key(m_tabs->widget(i));
        auto *a = new QAction(m_tabs->tabText(i), this);
        a->setData(name);
        a->setCheckable(true);
        a->setChecked(i == m_tabs->currentIndex());
        if (shown < 9)
            a->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + shown)));
        ++shown;
        m_viewGroup->addAction(a);
        m_viewMenu->insertAction(before, a);
        connect(a, &QAction::triggered, this, [this, name] { showView(name); });
    }
}

void MainWindow::showView(int index)
{
    if (index >= 0 && index < m_tabs->count() && m_tabs->isTabVisible(index))
        m_tabs->setCurrentIndex(index);
}

bool MainWindow::showView(const QString &name)
{
    const int index = m_tabs->indexOf(m_views.value(name));
    if (index < 0 || !m_tabs->isTabVisible(index))
        return false;
    m_tabs->setCurrentIndex(index);
    return true;
}

void MainWindow::toggleOutbox()
{
    m_outboxDock->setVisible(!m_outboxDock->isVisible());
}

void MainWindow::showReadyBoard()
{
    // A window of its own (for a second screen), closed with the console.
    if (!m_readyBoard)
        m_readyBoard = new ReadyBoardWindow(m_session->orders(), m_sounds, this);
    m_readyBoard->show();
    m_readyBoard->raise();
    m_readyBoard->activateWindow();
}

void MainWindow::showConnectDialog()
{
    if (m_connectDialog) {
        m_connectDialog->raise();
        m_connectDialog->activateWindow();
        return;
    }
    auto *dialog = new ConnectDialog(m_session, m_settings, m_embeddedAvailable, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ConnectDialog::embeddedHubRequested, this, &MainWindow::embeddedHubRequested);
    m_connectDialog = dialog;
    dialog->open();
}

void MainWindow::showSettings()
{
    if (!m_session->identity().isManager())
        return;
    auto *dialog = new SettingsDialog(m_settings, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::applyRole()
{
    const bool manager = m_session->identity().isManager();
    m_queue->setManager(manager);
    m_counters->setManager(manager);
    m_inventory->setManager(manager);
    m_menu->setManager(manager);
    m_settingsAction->setVisible(manager);
    m_settingsAction->setEnabled(manager);
    for (auto it = m_viewAccess.cbegin(); it != m_viewAccess.cend(); ++it)
        if (it.value() != ViewAccess::Everyone)
            m_tabs->setTabVisible(m_tabs->indexOf(it.key()), mayAccess(it.value()));
    rebuildViewActions();
}

void MainWindow::updateTitle()
{
    const SessionIdentity id = m_session->identity();
    if (!id.isValid()) {
        setWindowTitle(tr("Table Tap"));
        return;
    }
    setWindowTitle(PlainText::windowTitle(
        tr("Table Tap — %1 — %2")
            .arg(PlainText::display(id.cafeId),
                 PlainText::display(id.name.isEmpty() ? id.userId : id.name))));
}

void MainWindow::updateInventoryTab()
{
    int open = 0;
    for (const StockAlert &a : m_session->alerts()->rows())
        open += a.acknowledged ? 0 : 1;
    const int index = m_tabs->indexOf(m_inventory);
    m_tabs->setTabText(index, open > 0 ? tr("&Inventory (%1)").arg(open) : tr("&Inventory"));
    m_tabs->tabBar()->setTabTextColor(
        index, m_session->alerts()->isRinging() ? QColor(0xc6, 0x28, 0x28) : QColor());
}

bool MainWindow::confirmCloseWithWaitingActions()
{
    // Closing with actions that wait must never lose them without a word: kept (on disk) for
    // the next sign-in, discarded on purpose, or the close is called off.
    const int waiting = m_session->waitingActions();
    if (waiting == 0)
        return true;
    const bool kept = m_session->outboxPersistent();
    QMessageBox box(QMessageBox::Warning, tr("Actions wait for the hub"),
                    tr("%n action(s) taken at this console wait for the hub.", nullptr, waiting),
                    QMessageBox::NoButton, this);
    box.setObjectName(QStringLiteral("closeWithWaitingActions"));
    box.setTextFormat(Qt::PlainText);
    box.setInformativeText(
        kept ? tr("They are kept on this computer and go out, each exactly once, the next time you "
                  "sign in to this hub and cafe.")
             : tr("This console cannot keep them (demo hub, or nobody signed in): closing now "
                  "loses them."));
    QPushButton *keep = nullptr;
    if (kept) {
        keep = box.addButton(tr("&Keep them for next start"), QMessageBox::AcceptRole);
        keep->setObjectName(QStringLiteral("keepActions"));
    }
    QPushButton *discard = box.addButton(kept ? tr("&Discard them") : tr("Close and &lose them"),
                                         QMessageBox::DestructiveRole);
    discard->setObjectName(QStringLiteral("discardActions"));
    QPushButton *cancel = box.addButton(QMessageBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelClose"));
    box.setDefaultButton(keep ? keep : cancel);
    box.setEscapeButton(cancel);
    box.exec();
    if (box.clickedButton() == discard) {
        m_session->discardWaitingActions();
        return true;
    }
    return keep && box.clickedButton() == keep;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!confirmCloseWithWaitingActions()) {
        event->ignore();
        return;
    }
    m_settings->setWindow(saveGeometry(), saveState());
    if (m_readyBoard)
        m_readyBoard->close();
    QMainWindow::closeEvent(event);
}

CafeSettingsView *MainWindow::cafeSettingsView() const
{
    return qobject_cast<CafeSettingsView *>(view(QStringLiteral("settings")));
}

ReportsView *MainWindow::reportsView() const
{
    return qobject_cast<ReportsView *>(view(QStringLiteral("reports")));
}

} // namespace TableTap
