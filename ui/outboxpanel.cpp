// The outbox panel.
#include "outboxpanel.h"

#include "consolesession.h"
#include "outbox.h"
#include "plaintextdelegate.h"
#include "tintproxymodel.h"
#include "uipalette.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace TableTap {

namespace {
class OutboxFilter final : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    bool showDone = true;
    void setShowDone(bool on)
    {
        showDone = on;
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        if (showDone)
            return true;
        const int state = sourceModel()->index(row, 0, parent).data(OutboxModel::StateRole).toInt();
        return OutboxEntry::State(state) != OutboxEntry::State::Done;
    }
};
} // namespace

OutboxPanel::OutboxPanel(ConsoleSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_showDone(new QCheckBox(tr("Show finished actions"), this))
    , m_view(new QTableView(this))
    , m_retry(new QPushButton(tr("&Retry"), this))
    , m_discard(new QPushButton(tr("&Discard"), this))
{
    setObjectName(QStringLiteral("outboxPanel"));
    auto *tint = new TintProxyModel(
        [](const QModelIndex &i) {
            return UiPalette::outboxBackground(i.data(OutboxModel::StateRole).toInt());
        },
        this);
    tint->setSourceModel(session->outbox());
    auto *filter = new OutboxFilter(this);
    filter->setSourceModel(tint);
    filter->setDynamicSortFilter(true);
    filter->sort(OutboxModel::TimeColumn, Qt::DescendingOrder);
    m_filter = filter;
    m_showDone->setChecked(true);
    connect(m_showDone, &QCheckBox::toggled, this, [filter](bool on) { filter->setShowDone(on); });

    m_view->setModel(m_filter);
    m_view->setObjectName(QStringLiteral("outboxTable"));
    m_view->setAccessibleName(tr("Outbox"));
    PlainTextDelegate::install(m_view);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(OutboxModel::ActionColumn,
                                                     QHeaderView::ResizeToContents);
    m_view->setWordWrap(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto *hint = new QLabel(tr("Actions wait here while the hub is unreachable and go out once, "
                               "in order, when it is back."),
                            this);
    hint->setWordWrap(true);
    layout->addWidget(hint);
    layout->addWidget(m_showDone);
    layout->addWidget(m_view, 1);

    m_retry->setObjectName(QStringLiteral("outboxRetry"));
    m_retry->setToolTip(tr("Send the selected unconfirmed action again with its request id. Our "
                           "hub applies it once; a server without request ids might apply it "
                           "twice: look first."));
    m_discard->setObjectName(QStringLiteral("outboxDiscard"));
    m_discard->setToolTip(tr("Take the selected action out of the outbox: it is never sent."));
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_retry);
    buttons->addWidget(m_discard);
    layout->addLayout(buttons);
    connect(m_retry, &QPushButton::clicked, this, [this] {
        m_session->retryAction(selectedRequest());
        updateButtons();
    });
    connect(m_discard, &QPushButton::clicked, this, [this] {
        m_session->discardAction(selectedRequest());
        updateButtons();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &OutboxPanel::updateButtons);
    connect(session->outbox(), &BatchedTableModel::flushed, this, &OutboxPanel::updateButtons);
    updateButtons();
}

QString OutboxPanel::selectedRequest() const
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    return current.isValid() ? current.data(OutboxModel::RequestIdRole).toString() : QString();
}

void OutboxPanel::updateButtons()
{
    const OutboxEntry *e = m_session->outbox()->entry(selectedRequest());
    const bool full
        = e && e->state == OutboxEntry::State::Refused && e->errorType == Outbox::outboxFullType();
    m_retry->setEnabled(e && (e->state == OutboxEntry::State::Unknown || full));
    // What is in flight waits for its answer; the rest may go.
    m_discard->setEnabled(e && e->state != OutboxEntry::State::Sent);
}

} // namespace TableTap
