// The order queue view.
#include "orderqueueview.h"

#include "snapshotnotice.h"

#include "consolesession.h"
#include "consolesettings.h"
#include "orderdetailspane.h"
#include "orderfiltermodel.h"
#include "orderqueuedelegate.h"
#include "plaintext.h"
#include "plaintextdelegate.h"
#include "reasondialog.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTimerEvent>
#include <QToolButton>
#include <QVBoxLayout>

namespace TableTap {

namespace {
QToolButton *actionButton(QAction *action, QWidget *parent)
{
    auto *b = new QToolButton(parent);
    b->setDefaultAction(action);
    b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    b->setFocusPolicy(Qt::TabFocus);
    return b;
}
} // namespace

OrderQueueView::OrderQueueView(ConsoleSession *session, ConsoleSettings *settings, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_settings(settings)
    , m_filter(new OrderFilterModel(this))
    , m_delegate(new OrderQueueDelegate(this))
    , m_view(new QTableView(this))
    , m_details(new OrderDetailsPane(session, this))
    , m_allDaySorted(new QSortFilterProxyModel(this))
    , m_allDay(new QTableView(this))
    , m_scope(new QComboBox(this))
    , m_counter(new QComboBox(this))
    , m_search(new QLineEdit(this))
    , m_summary(new QLabel(this))
{
    setObjectName(QStringLiteral("orderQueue"));
    m_filter->setSourceModel(session->orders());

    // Actions: shortcuts work anywhere in the queue tab; Space and Enter are handled on the
    // table itself (see eventFilter) so they never fire from a focused button or the search box.
    m_advance = new QAction(QIcon(QStringLiteral(":/icons/advance.svg")), tr("&Advance"), this);
    m_advance->setToolTip(tr("Move the selected order on: pending → preparing → ready → "
                             "completed (Space or Enter)"));
    m_recall = new QAction(QIcon(QStringLiteral(":/icons/recall.svg")), tr("&Recall"), this);
    m_recall->setShortcut(QKeySequence::Undo);
    m_recall->setToolTip(tr("Undo this console's last status change, for a minute (Ctrl+Z)"));
    m_cancel = new QAction(QIcon(QStringLiteral(":/icons/cancel.svg")), tr("Ca&ncel order…"), this);
    m_cancel->setShortcut(QKeySequence(Qt::Key_Delete));
    m_cancel->setToolTip(tr("Cancel the selected order, with a reason (Delete; managers)"));
    m_reassign
        = new QAction(QIcon(QStringLiteral(":/icons/reassign.svg")), tr("&Move to counter…"), this);
    m_reassign->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));
    m_reassign->setToolTip(tr("Move the selected order to another counter, with a reason "
                              "(Ctrl+M; managers)"));
    m_find = new QAction(tr("&Find"), this);
    m_find->setShortcut(QKeySequence::Find);
    for (QAction *a : {m_advance, m_recall, m_cancel, m_reassign, m_find}) {
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(a);
    }
    m_advance->setObjectName(QStringLiteral("advanceAction"));
    m_recall->setObjectName(QStringLiteral("recallAction"));
    m_cancel->setObjectName(QStringLiteral("cancelAction"));
    m_reassign->setObjectName(QStringLiteral("reassignAction"));
    connect(m_advance, &QAction::triggered, this, &OrderQueueView::advanceCurrent);
    connect(m_recall, &QAction::triggered, this, &OrderQueueView::recallLast);
    connect(m_cancel, &QAction::triggered, this, &OrderQueueView::cancelCurrent);
    connect(m_reassign, &QAction::triggered, this, &OrderQueueView::reassignCurrent);
    connect(m_find, &QAction::triggered, this, [this] {
        m_search->setFocus();
        m_search->selectAll();
    });

    // Filter bar.
    m_scope->addItem(tr("Open orders"), int(OrderFilterModel::Scope::Open));
    m_scope->addItem(tr("Finished today"), int(OrderFilterModel::Scope::Closed));
    m_scope->addItem(tr("All today"), int(OrderFilterModel::Scope::All));
    m_scope->setObjectName(QStringLiteral("scope"));
    connect(m_scope, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setScope(OrderFilterModel::Scope(m_scope->currentData().toInt()));
        updateSummary();
    });
    m_counter->setObjectName(QStringLiteral("counterFilter"));
    m_counter->addItem(tr("All counters"), QString());
    connect(m_counter, &QComboBox::activated, this,
            [this] { setCounterFilter(m_counter->currentData().toString()); });
    m_search->setPlaceholderText(tr("Search orders, customers, items (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->setObjectName(QStringLiteral("search"));
    m_search->setAccessibleName(tr("Search the queue"));
    m_search->installEventFilter(this);
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_filter->setSearchText(text.trimmed());
        updateSummary();
    });

    auto *showLabel = new QLabel(tr("Sho&w:"), this);
    showLabel->setBuddy(m_scope);
    auto *counterLabel = new QLabel(tr("C&ounter:"), this);
    counterLabel->setBuddy(m_counter);
    auto *bar = new QHBoxLayout;
    bar->addWidget(showLabel);
    bar->addWidget(m_scope);
    bar->addWidget(counterLabel);
    bar->addWidget(m_counter);
    bar->addWidget(m_search, 1);
    m_advanceButton = actionButton(m_advance, this);
    m_recallButton = actionButton(m_recall, this);
    m_cancelButton = actionButton(m_cancel, this);
    m_reassignButton = actionButton(m_reassign, this);
    m_advanceButton->setObjectName(QStringLiteral("advanceButton"));
    m_recallButton->setObjectName(QStringLiteral("recallButton"));
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    m_reassignButton->setObjectName(QStringLiteral("reassignButton"));
    bar->addWidget(m_advanceButton);
    bar->addWidget(m_recallButton);
    bar->addWidget(m_cancelButton);
    bar->addWidget(m_reassignButton);

    // The queue table.
    m_view->setObjectName(QStringLiteral("queueTable"));
    m_view->setAccessibleName(tr("Order queue"));
    m_view->setModel(m_filter);
    m_view->setItemDelegate(m_delegate);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerItem);
    m_view->setWordWrap(false);
    m_view->setShowGrid(false);
    m_view->setTabKeyNavigation(false);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->horizontalHeader()->setSectionResizeMode(OrderQueueModel::ItemsColumn,
                                                     QHeaderView::Stretch);
    // A click on a column's header sorts by it (again: the other way round); oldest first to
    // begin with, as the queue is worked.
    m_view->horizontalHeader()->setSortIndicator(OrderQueueModel::AgeColumn, Qt::DescendingOrder);
    m_view->setSortingEnabled(true);
    sizeToFont();
    m_view->installEventFilter(this);
    connect(m_delegate, &OrderQueueDelegate::advanceClicked, this, [this](const QModelIndex &i) {
        m_view->setCurrentIndex(i);
        advance(i.data(OrderQueueModel::OrderIdRole).toString());
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &OrderQueueView::onCurrentChanged);
    connect(m_view, &QTableView::customContextMenuRequested, this, [this](const QPoint &pos) {
        if (!m_view->indexAt(pos).isValid())
            return;
        QMenu menu(this);
        menu.addAction(m_advance);
        menu.addAction(m_recall);
        if (m_manager) {
            menu.addSeparator();
            menu.addAction(m_reassign);
            menu.addAction(m_cancel);
        }
        menu.exec(m_view->viewport()->mapToGlobal(pos));
    });

    // Keep what the user looks at in place while rows come and go around it.
    connect(m_filter, &QAbstractItemModel::layoutAboutToBeChanged, this,
            &OrderQueueView::rememberAnchor);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &OrderQueueView::restoreAnchor);
    // A filter change over a long history lands a few passes after it was asked for.
    connect(m_filter, &OrderFilterModel::refreshed, this, &OrderQueueView::updateSummary);
    connect(m_filter, &QAbstractItemModel::rowsAboutToBeRemoved, this,
            &OrderQueueView::rememberAnchor);
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &OrderQueueView::restoreAnchor);
    connect(m_filter, &QAbstractItemModel::rowsAboutToBeInserted, this,
            &OrderQueueView::rememberAnchor);
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, &OrderQueueView::restoreAnchor);
    // Nothing chosen yet: the oldest order is, so Space works at once. A choice the user made
    // is never changed.
    const auto selectFirst = [this] {
        if (!m_view->currentIndex().isValid() && m_filter->rowCount() > 0)
            m_view->setCurrentIndex(m_filter->index(0, 0));
    };
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, selectFirst);
    connect(m_filter, &QAbstractItemModel::modelReset, this, selectFirst);

    // All-day counts: what to batch, most wanted first.
    m_allDaySorted->setSourceModel(session->allDay());
    m_allDaySorted->setSortRole(Qt::UserRole);
    m_allDaySorted->setDynamicSortFilter(true);
    m_allDaySorted->sort(AllDayModel::WaitingColumn, Qt::DescendingOrder);
    m_allDay->setObjectName(QStringLiteral("allDayTable"));
    m_allDay->setAccessibleName(tr("All-day counts"));
    m_allDay->setModel(m_allDaySorted);
    PlainTextDelegate::install(m_allDay);
    m_allDay->verticalHeader()->hide();
    m_allDay->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_allDay->setSelectionMode(QAbstractItemView::NoSelection);
    // Reachable with Tab (a screen reader reads the counts); nothing to select in it.
    m_allDay->setFocusPolicy(Qt::TabFocus);
    m_allDay->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_allDay->horizontalHeader()->setSectionResizeMode(AllDayModel::ProductColumn,
                                                       QHeaderView::Stretch);
    m_allDay->setShowGrid(false);

    auto *side = new QSplitter(Qt::Vertical, this);
    side->addWidget(m_details);
    auto *allDayBox = new QWidget(side);
    auto *allDayLayout = new QVBoxLayout(allDayBox);
    allDayLayout->setContentsMargins(4, 0, 4, 0);
    auto *allDayTitle = new QLabel(tr("<b>All day</b> — waiting per product"), allDayBox);
    allDayLayout->addWidget(allDayTitle);
    allDayLayout->addWidget(m_allDay, 1);
    side->addWidget(allDayBox);
    side->setStretchFactor(0, 3);
    side->setStretchFactor(1, 2);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_view);
    split->addWidget(side);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    split->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(new SnapshotNotice(
        session,
        tr("Live events only: this server offers no order list. The queue holds the orders created "
           "while this console was connected, and may miss changes made while the link was down; "
           "cancelling and moving orders need the Table Tap hub."),
        this));
    layout->addLayout(bar);
    layout->addWidget(split, 1);
    layout->addWidget(m_summary);
    m_summary->setObjectName(QStringLiteral("queueSummary"));

    connect(session->orders(), &BatchedTableModel::flushed, this, [this] {
        m_details->refreshSoon();
        updateActions();
        // The counts walk the whole queue: a few times a second is plenty under load.
        if (!m_summaryTimer.isActive())
            m_summaryTimer.start(300, this);
    });
    connect(session->orders(), &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &, const QModelIndex &, const QList<int> &roles) {
                // Pending markers and stock warnings are not part of a batch: refresh what
                // shows them.
                if (roles.contains(OrderQueueModel::PendingActionRole)
                    || roles.contains(OrderQueueModel::StockWarningRole)) {
                    m_details->refresh();
                    updateActions();
                }
            });
    connect(session->payments(), &BatchedTableModel::flushed, m_details,
            &OrderDetailsPane::refreshSoon);
    connect(session->counters(), &BatchedTableModel::flushed, this,
            &OrderQueueView::updateCounters);
    connect(session, &ConsoleSession::namespaceFreshnessChanged, this, [this] {
        updateActions(); // the recall window closes by itself
        updateSummary();
    });
    // The cafe's age thresholds when its hub has them (every console of the cafe colours alike,
    // and the back office sets them), this console's own for a server without them.
    const auto applyAges = [session, settings] {
        const QVariantHash cafe = session->settings();
        const int warning = cafe.value(QStringLiteral("age_warning_seconds")).toInt();
        const int late = cafe.value(QStringLiteral("age_late_seconds")).toInt();
        if (warning > 0 && late > 0)
            session->orders()->setAgeThresholds(warning, late);
        else
            session->orders()->setAgeThresholds(settings->warningSeconds(),
                                                settings->lateSeconds());
    };
    connect(settings, &ConsoleSettings::ageThresholdsChanged, this, applyAges);
    connect(session, &ConsoleSession::settingsChanged, this, applyAges);
    applyAges();

    updateCounters();
    const QString saved = settings->followedCounter();
    if (!saved.isEmpty())
        setCounterFilter(saved);
    setManager(false);
    updateActions();
    updateSummary();
}

QString OrderQueueView::currentOrderId() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? current.data(OrderQueueModel::OrderIdRole).toString() : QString();
}

int OrderQueueView::proxyRowOf(const QString &orderId) const
{
    const int sourceRow = m_session->orders()->rowOf(orderId);
    if (sourceRow < 0)
        return -1;
    return m_filter->mapFromSource(m_session->orders()->index(sourceRow, 0)).row();
}

void OrderQueueView::selectOrder(const QString &orderId)
{
    const int row = proxyRowOf(orderId);
    if (row < 0)
        return;
    const QModelIndex i = m_filter->index(row, 0);
    m_view->setCurrentIndex(i);
    m_view->scrollTo(i);
}

void OrderQueueView::setManager(bool manager)
{
    m_manager = manager;
    // Not greyed out: an employee does not see manager actions at all.
    m_cancel->setVisible(manager);
    m_reassign->setVisible(manager);
    m_cancelButton->setVisible(manager);
    m_reassignButton->setVisible(manager);
    updateActions();
}

void OrderQueueView::focusQueue()
{
    m_view->setFocus();
    if (!m_view->currentIndex().isValid() && m_filter->rowCount() > 0)
        m_view->setCurrentIndex(m_filter->index(0, 0));
}

void OrderQueueView::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_summaryTimer.timerId()) {
        QWidget::timerEvent(event);
        return;
    }
    m_summaryTimer.stop();
    updateSummary();
}

void OrderQueueView::sizeToFont()
{
    m_view->verticalHeader()->setDefaultSectionSize(
        OrderQueueDelegate::rowHeight(m_view->fontMetrics()));
    QHeaderView *header = m_view->horizontalHeader();
    const QFontMetrics fm = m_view->fontMetrics();
    QFont bold = m_view->font();
    bold.setBold(true); // order numbers are drawn bold
    header->resizeSection(OrderQueueModel::NumberColumn,
                          QFontMetrics(bold).horizontalAdvance(QStringLiteral("ORD20261126999"))
                              + 30);
    header->resizeSection(OrderQueueModel::CustomerColumn,
                          fm.horizontalAdvance(QStringLiteral("Sarah Johnson (for Mike)")) + 12);
    header->resizeSection(OrderQueueModel::CounterColumn,
                          fm.horizontalAdvance(QStringLiteral("Counter 10")) + 16);
    int statusWidth = 0; // the longest status in the console's language, drawn bold
    for (OrderStatus st : {OrderStatus::Pending, OrderStatus::Preparing, OrderStatus::Ready,
                           OrderStatus::Completed, OrderStatus::Cancelled})
        statusWidth = qMax(
            statusWidth, QFontMetrics(bold).horizontalAdvance(OrderQueueDelegate::statusText(st)));
    header->resizeSection(OrderQueueModel::StatusColumn,
                          statusWidth + 24
                              + OrderQueueDelegate::buttonRect(QRect(0, 0, 1000, 60), fm).width());
    header->resizeSection(OrderQueueModel::AgeColumn,
                          fm.horizontalAdvance(QStringLiteral("1 h 59")) + 16);
    header->resizeSection(OrderQueueModel::TotalColumn,
                          fm.horizontalAdvance(QStringLiteral("9999.99")) + 16);
}

bool OrderQueueView::eventFilter(QObject *watched, QEvent *event)
{
    // The system's font size (QApplication::setFont) reaches the table as a FontChange; its new
    // font is set by then.
    if (watched == m_view && event->type() == QEvent::FontChange)
        sizeToFont();
    if (event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        const bool plain = !(key->modifiers() & (Qt::ControlModifier | Qt::AltModifier));
        if (watched == m_view && plain
            && (key->key() == Qt::Key_Space || key->key() == Qt::Key_Return
                || key->key() == Qt::Key_Enter)) {
            advanceCurrent();
            return true;
        }
        if (watched == m_search
            && (key->key() == Qt::Key_Escape || key->key() == Qt::Key_Down
                || key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)) {
            if (key->key() == Qt::Key_Escape)
                m_search->clear();
            focusQueue();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void OrderQueueView::advanceCurrent()
{
    advance(currentOrderId());
}

void OrderQueueView::advance(const QString &orderId)
{
    if (orderId.isEmpty())
        return;
    const int sourceRow = m_session->orders()->rowOf(orderId);
    if (sourceRow < 0)
        return;
    // One step per confirmation: a second press while the first is in flight would ask the
    // hub for the same transition twice.
    if (!m_session->orders()
             ->index(sourceRow, 0)
             .data(OrderQueueModel::PendingActionRole)
             .toString()
             .isEmpty())
        return;
    if (!m_session->advanceOrder(orderId).isEmpty())
        m_lastAdvanced = orderId;
    updateActions();
}

QString OrderQueueView::recallTarget() const
{
    const QString current = currentOrderId();
    if (!current.isEmpty() && m_session->canRecall(current))
        return current;
    if (!m_lastAdvanced.isEmpty() && m_session->canRecall(m_lastAdvanced))
        return m_lastAdvanced;
    return {};
}

void OrderQueueView::recallLast()
{
    const QString target = recallTarget();
    if (target.isEmpty())
        return;
    m_session->recallOrder(target);
    updateActions();
}

void OrderQueueView::cancelCurrent()
{
    const QString id = currentOrderId();
    const Order *o = id.isEmpty() ? nullptr : m_session->orders()->order(id);
    if (!m_manager || !o || !isOpenStatus(o->status))
        return;
    auto *dialog
        = new ReasonDialog(tr("Cancel %1").arg(PlainText::display(o->number)),
                           tr("Cancel order %1 for %2 (%3)? Paid orders are refunded by the hub.")
                               .arg(PlainText::display(o->number),
                                    PlainText::display(o->customerName), formatCents(o->total)),
                           {tr("Customer changed their mind"), tr("Out of stock"),
                            tr("Duplicate order"), tr("Customer left")},
                           this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog, id] { m_session->cancelOrder(id, dialog->reason()); });
    dialog->open();
}

void OrderQueueView::reassignCurrent()
{
    const QString id = currentOrderId();
    const Order *o = id.isEmpty() ? nullptr : m_session->orders()->order(id);
    if (!m_manager || !o || !isOpenStatus(o->status))
        return;
    auto *dialog = new ReasonDialog(
        tr("Move %1").arg(PlainText::display(o->number)),
        tr("Move order %1 (now at %2) to another counter.")
            .arg(PlainText::display(o->number), PlainText::display(o->counter)),
        {tr("Load balancing"), tr("Counter closing"), tr("Equipment problem")}, this);
    dialog->setCounters(m_session->counters()->activeNames(), o->counter);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, id] {
        m_session->reassignOrder(id, dialog->counter(), dialog->reason());
    });
    dialog->open();
}

void OrderQueueView::setCounterFilter(const QString &counter)
{
    m_filter->setCounter(counter);
    m_session->followCounter(counter);
    m_settings->setFollowedCounter(counter);
    int i = m_counter->findData(counter);
    if (i < 0 && !counter.isEmpty()) {
        m_counter->addItem(PlainText::display(counter), counter);
        i = m_counter->count() - 1;
    }
    m_counter->setCurrentIndex(qMax(0, i));
    updateSummary();
}

void OrderQueueView::updateCounters()
{
    const QString current = m_filter->counter();
    const QStringList names = m_session->counters()->names();
    QStringList shown;
    for (int i = 1; i < m_counter->count(); ++i)
        shown << m_counter->itemData(i).toString();
    if (shown == names)
        return;
    const QSignalBlocker block(m_counter);
    m_counter->clear();
    m_counter->addItem(tr("All counters"), QString());
    for (const QString &n : names)
        m_counter->addItem(PlainText::display(n), n);
    if (!current.isEmpty() && !names.contains(current))
        m_counter->addItem(PlainText::display(current), current);
    m_counter->setCurrentIndex(qMax(0, m_counter->findData(current)));
}

void OrderQueueView::updateSummary()
{
    int open = 0;
    int late = 0;
    for (const Order &o : m_session->orders()->rows()) {
        if (!isOpenStatus(o.status))
            continue;
        if (!m_filter->counter().isEmpty() && o.counter != m_filter->counter())
            continue;
        ++open;
        if (o.createdAt.isValid()
            && o.createdAt.secsTo(m_session->orders()->now()) >= m_session->orders()->lateSeconds())
            ++late;
    }
    m_summary->setText(tr("%1 open, %2 late · showing %3 · Space/Enter advances the selected "
                          "order, Ctrl+Z recalls")
                           .arg(open)
                           .arg(late)
                           .arg(m_filter->rowCount()));
}

void OrderQueueView::onCurrentChanged()
{
    m_details->showOrder(currentOrderId());
    updateActions();
}

void OrderQueueView::updateActions()
{
    const QString id = currentOrderId();
    const Order *o = id.isEmpty() ? nullptr : m_session->orders()->order(id);
    const bool open = o && isOpenStatus(o->status);
    bool pending = false;
    if (o) {
        const int r = m_session->orders()->rowOf(id);
        pending = r >= 0
                  && !m_session->orders()
                          ->index(r, 0)
                          .data(OrderQueueModel::PendingActionRole)
                          .toString()
                          .isEmpty();
    }
    const QString label = o ? OrderQueueDelegate::actionLabel(o->status) : QString();
    m_advance->setEnabled(open && !pending && !label.isEmpty());
    m_advance->setText(label.isEmpty() ? tr("&Advance") : label);
    const QString recall = recallTarget();
    m_recall->setEnabled(!recall.isEmpty());
    const Order *r = recall.isEmpty() ? nullptr : m_session->orders()->order(recall);
    m_recall->setText(r ? tr("&Recall %1").arg(PlainText::mnemonicSafe(r->number)) : tr("&Recall"));
    m_cancel->setEnabled(m_manager && open && !pending);
    m_reassign->setEnabled(m_manager && open && !pending);
}

void OrderQueueView::rememberAnchor()
{
    // At the very top the user watches the oldest orders: stay at the top.
    m_anchor.clear();
    if (m_view->verticalScrollBar()->value() == 0)
        return;
    const int top = m_view->rowAt(0);
    if (top < 0)
        return;
    for (int r = top; r < qMin(top + 20, m_filter->rowCount()); ++r)
        m_anchor << m_filter->index(r, 0).data(OrderQueueModel::OrderIdRole).toString();
}

void OrderQueueView::restoreAnchor()
{
    if (m_anchor.isEmpty())
        return;
    const QStringList anchor = std::exchange(m_anchor, {});
    for (const QString &id : anchor) {
        const int row = proxyRowOf(id);
        if (row < 0)
            continue;
        // The view lays out rows lazily; lay them out now so the scroll range is right.
        m_view->doItemsLayout();
        m_view->verticalScrollBar()->setValue(row);
        return;
    }
}

} // namespace TableTap
