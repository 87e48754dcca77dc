// The outbox panel.
#include "outboxpanel.h"

#include "consolesession.h"
#include "plaintextdelegate.h"
#include "tintproxymodel.h"
#include "uipalette.h"

#include <QCheckBox>
#include <QHeaderView>
#include <QLabel>
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
}

} // namespace TableTap
