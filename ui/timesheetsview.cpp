// The timesheets view.
#include "timesheetsview.h"

#include "snapshotnotice.h"

#include "clockoutdialog.h"
#include "consolesession.h"
#include "contract.h"
#include "drinkdialog.h"
#include "plaintext.h"
#include "plaintextdelegate.h"
#include "tintproxymodel.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
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
    layout->addWidget(m_view, 1);

    connect(session->timesheets(), &BatchedTableModel::flushed, this, &TimesheetsView::refresh);
    connect(session, &ConsoleSession::identityChanged, this, &TimesheetsView::refresh);
    connect(session->outbox(), &BatchedTableModel::flushed, this, &TimesheetsView::refresh);
    connect(session, &ConsoleSession::namespaceFreshnessChanged, this, [this] {
        // Hours of people on shift grow by the minute.
        if (isVisible() && m_session->timesheets()->clockedInCount() > 0 && m_view->model())
            m_view->viewport()->update();
    });
    refresh();
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
