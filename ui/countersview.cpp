// The counters view.
#include "countersview.h"

#include "snapshotnotice.h"

#include "consolesession.h"
#include "datawords.h"
#include "plaintext.h"
#include "plaintextdelegate.h"
#include "reasondialog.h"
#include "tintproxymodel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace TableTap {

CountersView::CountersView(ConsoleSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_view(new QTableView(this))
    , m_toggle(new QPushButton(this))
    , m_show(new QPushButton(tr("Sh&ow in queue"), this))
{
    setObjectName(QStringLiteral("countersView"));
    auto *tint = new TintProxyModel(
        [](const QModelIndex &i) {
            return i.data(CounterModel::ActiveRole).toBool() ? QColor() : QColor(0xee, 0xee, 0xee);
        },
        this);
    tint->setForeground([](const QModelIndex &i) {
        return i.data(CounterModel::ActiveRole).toBool() ? QColor() : QColor(0x75, 0x75, 0x75);
    });
    tint->setDisplay(CounterModel::StatusColumn, &DataWords::counterStatus);
    tint->setSourceModel(session->counters());
    m_view->setModel(tint);
    PlainTextDelegate::install(m_view);
    m_view->setObjectName(QStringLiteral("countersTable"));
    m_view->setAccessibleName(tr("Counters"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(CounterModel::StatusColumn,
                                                     QHeaderView::Stretch);
    m_toggle->setObjectName(QStringLiteral("counterToggle"));
    m_show->setObjectName(QStringLiteral("counterShow"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_show);
    buttons->addWidget(m_toggle);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(new SnapshotNotice(
        session,
        tr("Live events only: this server offers no counter list. A counter appears here when its "
           "status changes; taking a counter out of service needs the Table Tap hub."),
        this));
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);

    connect(m_show, &QPushButton::clicked, this, [this] {
        if (!currentCounter().isEmpty())
            Q_EMIT showInQueue(currentCounter());
    });
    connect(m_view, &QTableView::doubleClicked, this, [this] {
        if (!currentCounter().isEmpty())
            Q_EMIT showInQueue(currentCounter());
    });
    connect(m_toggle, &QPushButton::clicked, this, &CountersView::toggleCurrent);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &CountersView::updateButtons);
    connect(session->counters(), &BatchedTableModel::flushed, this, &CountersView::updateButtons);
    setManager(false);
}

QString CountersView::currentCounter() const
{
    const QModelIndex i = m_view->currentIndex();
    return i.isValid() ? i.data(CounterModel::NameRole).toString() : QString();
}

void CountersView::setManager(bool manager)
{
    m_manager = manager;
    m_toggle->setVisible(manager);
    updateButtons();
}

void CountersView::updateButtons()
{
    const QModelIndex i = m_view->currentIndex();
    // Nothing selected: the common case (taking a counter down) names the button.
    const bool active = !i.isValid() || i.data(CounterModel::ActiveRole).toBool();
    m_toggle->setText(active ? tr("Ta&ke out of service…") : tr("Put &back in service…"));
    m_toggle->setEnabled(m_manager && i.isValid());
    m_show->setEnabled(i.isValid());
}

void CountersView::toggleCurrent()
{
    const QModelIndex i = m_view->currentIndex();
    if (!m_manager || !i.isValid())
        return;
    const QString counter = i.data(CounterModel::NameRole).toString();
    const QString shown = PlainText::display(counter);
    const bool active = i.data(CounterModel::ActiveRole).toBool();
    const int open = i.data(CounterModel::OpenOrdersRole).toInt();
    auto *dialog = new ReasonDialog(
        active ? tr("Take %1 out of service").arg(shown) : tr("Open %1").arg(shown),
        active ? tr("%1 has %n open order(s); the hub moves them to the other active counters.",
                    nullptr, open)
                     .arg(shown)
               : tr("Put %1 back in service: new orders may go to it again.").arg(shown),
        active ? QStringList{tr("Equipment maintenance"), tr("Break"), tr("Closing")}
               : QStringList{tr("Back from maintenance"), tr("Rush hour"), tr("Opening")},
        this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, counter, active] {
        m_session->setCounterStatus(counter, !active, dialog->reason());
    });
    dialog->open();
}

} // namespace TableTap
