// The timesheets view.
#include "timesheetsview.h"

#include "snapshotnotice.h"

#include "clockoutdialog.h"
#include "consolesession.h"
#include "contract.h"
#include "drinkdialog.h"
#include "plaintext.h"
#include "plaintextdelegate.h"
#include "timesheetcorrectiondialog.h"
#include "tintproxymodel.h"
#include "warningicondelegate.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace TableTap {

TimesheetsView::TimesheetsView(ConsoleSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_view(new QTableView(this))
    , m_whoIsIn(new QLabel(this))
    , m_me(new QLabel(this))
    , m_in(new QPushButton(tr("Clock i&n"), this))
    , m_out(new QPushButton(tr("Clock &out…"), this))
    , m_drink(new QPushButton(tr("Record a d&rink…"), this))
    , m_shifts(new QTableView(this))
    , m_trail(new QTreeWidget(this))
    , m_trailTitle(new QLabel(this))
    , m_correct(new QPushButton(tr("Correct shi&ft…"), this))
{
    setObjectName(QStringLiteral("timesheetsView"));
    auto *tint = new TintProxyModel(
        [](const QModelIndex &i) {
            return i.data(TimesheetModel::ClockedInRole).toBool() ? QColor(0xe8, 0xf5, 0xe9)
                                                                  : QColor();
        },
        this);
    tint->setSourceModel(session->timesheets());
    auto *sorted = new QSortFilterProxyModel(this);
    sorted->setSourceModel(tint);
    sorted->setSortCaseSensitivity(Qt::CaseInsensitive);
    sorted->setDynamicSortFilter(true);
    sorted->sort(TimesheetModel::NameColumn);
    m_view->setModel(sorted);
    PlainTextDelegate::install(m_view);
    m_view->setObjectName(QStringLiteral("timesheetsTable"));
    m_view->setAccessibleName(tr("Timesheets"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(TimesheetModel::NameColumn, Qt::AscendingOrder);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(TimesheetModel::NameColumn,
                                                     QHeaderView::Stretch);
    m_in->setObjectName(QStringLiteral("clockIn"));
    m_out->setObjectName(QStringLiteral("clockOut"));
    m_drink->setObjectName(QStringLiteral("recordDrink"));
    m_in->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    m_out->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
    m_drink->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    m_in->setToolTip(tr("Start your shift (Ctrl+I)"));
    m_out->setToolTip(tr("End your shift and enter your break (Ctrl+Shift+I)"));
    m_drink->setToolTip(tr("Record a staff drink against your monthly allowance (Ctrl+D)"));
    connect(m_in, &QPushButton::clicked, this, &TimesheetsView::clockIn);
    connect(m_out, &QPushButton::clicked, this, &TimesheetsView::clockOut);
    connect(m_drink, &QPushButton::clicked, this, &TimesheetsView::recordDrink);

    QFont bold = m_whoIsIn->font();
    bold.setBold(true);
    m_whoIsIn->setFont(bold);
    m_whoIsIn->setWordWrap(true);
    m_whoIsIn->setObjectName(QStringLiteral("whoIsIn"));
    m_me->setObjectName(QStringLiteral("myShift"));
    PlainText::makePlain(m_whoIsIn); // staff names
    PlainText::makePlain(m_me);

    auto *mine = new QHBoxLayout;
    mine->addWidget(m_me, 1);
    mine->addWidget(m_in);
    mine->addWidget(m_out);
    mine->addWidget(m_drink);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(new SnapshotNotice(
        session,
        tr("Live events only: this server offers no timesheets. People appear here as they clock "
           "in or out while this console is connected; clocking in and out and recording drinks "
           "here need the Table Tap hub."),
        this));
    layout->addWidget(m_whoIsIn);
    layout->addLayout(mine);

    // The shifts, newest first; a row with a warning is tinted, marked and says why.
    auto *shiftTint = new TintProxyModel(
        [](const QModelIndex &i) {
            return i.data(ShiftListModel::WarningsRole).toStringList().isEmpty()
                       ? QColor()
                       : QColor(0xff, 0xf3, 0xe0);
        },
        this);
    shiftTint->setSourceModel(session->shifts());
    auto *shiftsSorted = new QSortFilterProxyModel(this);
    shiftsSorted->setSourceModel(shiftTint);
    shiftsSorted->setSortRole(ShiftListModel::SortRole);
    shiftsSorted->setDynamicSortFilter(true);
    m_shifts->setModel(shiftsSorted);
    m_shifts->setItemDelegate(new WarningIconDelegate(ShiftListModel::WarningsRole,
                                                      ShiftListModel::WarningsColumn, m_shifts));
    m_shifts->setObjectName(QStringLiteral("shiftsTable"));
    m_shifts->setAccessibleName(tr("Shifts"));
    m_shifts->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_shifts->setSelectionMode(QAbstractItemView::SingleSelection);
    m_shifts->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_shifts->setSortingEnabled(true);
    m_shifts->sortByColumn(ShiftListModel::InColumn, Qt::DescendingOrder);
    m_shifts->verticalHeader()->hide();
    m_shifts->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_shifts->horizontalHeader()->setSectionResizeMode(ShiftListModel::WarningsColumn,
                                                       QHeaderView::Stretch);
    m_correct->setObjectName(QStringLiteral("correctShift"));
    m_correct->setToolTip(tr("Correct the selected shift's clock-in, clock-out or break, with a "
                             "reason (managers)"));
    connect(m_correct, &QPushButton::clicked, this, &TimesheetsView::correctShift);
    connect(m_shifts, &QTableView::doubleClicked, this, [this] {
        if (m_correct->isVisible())
            correctShift();
    });
    connect(m_shifts->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    m_selected = current.data(ShiftListModel::TimesheetIdRole).toString();
                showTrail();
                refresh();
            });

    // The selected shift's corrections: the values before and after, who, when and why.
    m_trail->setObjectName(QStringLiteral("auditTrail"));
    PlainTextDelegate::install(m_trail); // names and reasons from the hub
    m_trail->setAccessibleName(tr("Corrections of the selected shift"));
    m_trail->setRootIsDecorated(false);
    m_trail->setWordWrap(true);
    m_trail->setHeaderLabels({tr("When"), tr("Who"), tr("Reason"), tr("Change")});
    m_trailTitle->setObjectName(QStringLiteral("auditTrailTitle"));
    m_trailTitle->setWordWrap(true);
    PlainText::makePlain(m_trailTitle);
    auto *trailBox = new QWidget(this);
    auto *trailLayout = new QVBoxLayout(trailBox);
    trailLayout->setContentsMargins(0, 0, 0, 0);
    trailLayout->addWidget(m_trailTitle);
    trailLayout->addWidget(m_trail, 1);
    auto *shiftBox = new QWidget(this);
    auto *shiftLayout = new QVBoxLayout(shiftBox);
    shiftLayout->setContentsMargins(0, 0, 0, 0);
    auto *shiftBar = new QHBoxLayout;
    shiftBar->addWidget(new QLabel(tr("Shifts of the last two weeks:"), this), 1);
    shiftBar->addWidget(m_correct);
    shiftLayout->addLayout(shiftBar);
    shiftLayout->addWidget(m_shifts, 1);
    auto *shiftSplit = new QSplitter(Qt::Horizontal, this);
    shiftSplit->addWidget(shiftBox);
    shiftSplit->addWidget(trailBox);
    shiftSplit->setStretchFactor(0, 1);
    shiftSplit->setStretchFactor(1, 1);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_view);
    split->addWidget(shiftSplit);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    layout->addWidget(split, 1);
    connect(session->shifts(), &BatchedTableModel::flushed, this, [this] {
        if (!m_shifts->selectionModel()->currentIndex().isValid() && !m_selected.isEmpty()) {
            const QModelIndexList found = m_shifts->model()->match(m_shifts->model()->index(0, 0),
                                                                   ShiftListModel::TimesheetIdRole,
                                                                   m_selected, 1, Qt::MatchExactly);
            if (!found.isEmpty())
                m_shifts->selectRow(found.first().row());
        }
        showTrail();
        refresh();
    });

    connect(session->timesheets(), &BatchedTableModel::flushed, this, &TimesheetsView::refresh);
    connect(session, &ConsoleSession::identityChanged, this, &TimesheetsView::refresh);
    connect(session->outbox(), &BatchedTableModel::flushed, this, &TimesheetsView::refresh);
    connect(session, &ConsoleSession::namespaceFreshnessChanged, this, [this] {
        // Hours of people on shift grow by the minute.
        if (isVisible() && m_session->timesheets()->clockedInCount() > 0 && m_view->model())
            m_view->viewport()->update();
        if (isVisible())
            m_shifts->viewport()->update(); // a shift may cross 12 hours open
    });
    refresh();
    showTrail();
}

QString TimesheetsView::selectedShift() const
{
    const QModelIndex current = m_shifts->selectionModel()->currentIndex();
    return current.isValid() ? current.data(ShiftListModel::TimesheetIdRole).toString() : QString();
}

void TimesheetsView::showTrail()
{
    m_trail->clear();
    const TimesheetRow *sheet = m_session->shifts()->sheet(selectedShift());
    if (!sheet) {
        m_trailTitle->setText(tr("Select a shift to see its corrections."));
        return;
    }
    const QString who = PlainText::display(sheet->employeeName);
    QStringList warnings;
    for (const QString &w : m_session->shifts()->warnings(*sheet))
        warnings.append(ShiftListModel::warningText(w));
    QString title
        = sheet->corrections.isEmpty()
              ? tr("%1, %2: never corrected.").arg(who, sheet->shiftDate.toString(Qt::ISODate))
              : tr("%1, %2: %n correction(s), the original first.", nullptr,
                   int(sheet->corrections.size()))
                    .arg(who, sheet->shiftDate.toString(Qt::ISODate));
    if (!warnings.isEmpty())
        title += QLatin1Char(' ') + tr("Warnings: %1.").arg(warnings.join(QStringLiteral(", ")));
    m_trailTitle->setText(title);
    // Compact: the day and the time (a shift's corrections rarely span a year).
    const auto time = [](const QDateTime &t) -> QString {
        if (!t.isValid())
            return tr("open");
        const QDateTime local = t.toLocalTime();
        return QLocale().toString(local, QStringLiteral("d MMM HH:mm"));
    };
    for (const TimesheetCorrection &c : sheet->corrections) {
        QStringList changes;
        if (c.changed.contains(QStringLiteral("clock_in_time")))
            changes.append(tr("in %1 → %2").arg(time(c.previousIn), time(c.newIn)));
        if (c.changed.contains(QStringLiteral("clock_out_time")))
            changes.append(tr("out %1 → %2").arg(time(c.previousOut), time(c.newOut)));
        if (c.changed.contains(QStringLiteral("break_duration_minutes")))
            changes.append(
                tr("break %1 → %2 min")
                    .arg(c.previousBreak < 0 ? tr("none") : QString::number(c.previousBreak))
                    .arg(c.newBreak));
        auto *item = new QTreeWidgetItem(m_trail);
        item->setText(0, time(c.at));
        item->setText(1, PlainText::display(c.byName));
        item->setText(2, PlainText::display(c.reason));
        item->setToolTip(2, PlainText::toolTip(c.reason));
        item->setText(3, changes.join(QStringLiteral("; ")));
        item->setToolTip(3, item->text(3));
    }
    for (int c = 0; c < 3; ++c)
        m_trail->resizeColumnToContents(c);
}

void TimesheetsView::correctShift()
{
    const TimesheetRow *sheet = m_session->shifts()->sheet(selectedShift());
    if (!sheet || !m_session->identity().isManager())
        return;
    auto *dialog = new TimesheetCorrectionDialog(
        *sheet, [clock = m_session->clock()] { return clock->now(); }, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QString id = sheet->timesheetId;
    connect(dialog, &QDialog::accepted, this, [this, dialog, id] {
        m_session->correctTimesheet(id, dialog->clockIn(), dialog->clockOut(),
                                    dialog->breakMinutes(), dialog->reason());
    });
    dialog->open();
}

QString TimesheetsView::whoIsInText() const
{
    return m_whoIsIn->text();
}

void TimesheetsView::refresh()
{
    QStringList in;
    for (const StaffShift &s : m_session->timesheets()->rows())
        if (s.clockedIn)
            in << PlainText::display(s.name.isEmpty() ? s.userId : s.name);
    in.sort(Qt::CaseInsensitive);
    PlainText::setText(
        m_whoIsIn, in.isEmpty()
                       ? tr("Nobody is clocked in.")
                       : tr("In now (%1): %2").arg(in.size()).arg(in.join(QStringLiteral(", "))));

    const SessionIdentity me = m_session->identity();
    const StaffShift *mine = me.isValid() ? m_session->timesheets()->shift(me.userId) : nullptr;
    // An action sent but not answered yet: do not offer the same one twice.
    bool waiting = false;
    for (const OutboxEntry &e : m_session->outbox()->unfinished())
        if (e.nsp == Contract::path(Contract::Namespace::Employees)
            && e.command != Contract::name(Contract::Command::RecordDrink))
            waiting = true;
    const bool in_ = mine && mine->clockedIn;
    if (!me.isValid())
        m_me->setText(tr("Not signed in."));
    else if (in_)
        m_me->setText(tr("You are clocked in since %1.")
                          .arg(QLocale().toString(mine->clockInTime.toLocalTime().time(),
                                                  QLocale::ShortFormat)));
    else
        m_me->setText(tr("You are not clocked in."));
    if (mine && mine->drinkLimit > 0)
        m_me->setText(
            m_me->text() + QLatin1Char(' ')
            + tr("Drinks this month: %1 of %2.").arg(mine->drinksThisMonth).arg(mine->drinkLimit));
    m_correct->setVisible(me.isManager());
    m_correct->setEnabled(me.isManager() && !selectedShift().isEmpty());
    m_in->setEnabled(me.isValid() && !in_ && !waiting);
    m_out->setEnabled(me.isValid() && in_ && !waiting);
    m_drink->setEnabled(me.isValid());
}

void TimesheetsView::clockIn()
{
    if (m_in->isEnabled())
        m_session->clockIn({});
}

void TimesheetsView::clockOut()
{
    if (!m_out->isEnabled())
        return;
    const StaffShift *mine = m_session->timesheets()->shift(m_session->identity().userId);
    const QString summary
        = mine ? tr("Clocked in since %1.")
                     .arg(QLocale().toString(mine->clockInTime.toLocalTime().time(),
                                             QLocale::ShortFormat))
               : QString();
    auto *dialog = new ClockOutDialog(summary, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog] { m_session->clockOut(dialog->breakMinutes(), dialog->notes()); });
    dialog->open();
}

void TimesheetsView::recordDrink()
{
    const StaffShift *mine = m_session->timesheets()->shift(m_session->identity().userId);
    const QString allowance
        = mine && mine->drinkLimit > 0
              ? tr("Used this month: %1 of %2.").arg(mine->drinksThisMonth).arg(mine->drinkLimit)
              : QString();
    auto *dialog = new DrinkDialog(m_session->menu(), allowance, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (!dialog->productId().isEmpty())
            m_session->recordDrink(dialog->productId(), dialog->quantity());
    });
    dialog->open();
}

} // namespace TableTap
