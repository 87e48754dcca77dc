// The inventory view.
#include "inventoryview.h"

#include "snapshotnotice.h"

#include "consolesession.h"
#include "datawords.h"
#include "plaintextdelegate.h"
#include "stockadjustdialog.h"
#include "tintproxymodel.h"
#include "uipalette.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace TableTap {

namespace {
// The stock cell as a bar: filled to the stock against the maximum, with a tick at the
// reorder level, so a glance down the column finds what runs short.
class StockBarDelegate final : public PlainTextDelegate
{
public:
    using PlainTextDelegate::PlainTextDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override
    {
        PlainTextDelegate::paint(painter, option, index);
        const double stock = index.data(InventoryModel::StockRole).toDouble();
        const double reorder = index.data(InventoryModel::ReorderLevelRole).toDouble();
        const double max = index.model()
                               ->index(index.row(), InventoryModel::MaxColumn)
                               .data()
                               .toString()
                               .toDouble();
        const double full = std::max({max, reorder * 2, stock, 1.0});
        const QRect bar = option.rect.adjusted(4, option.rect.height() - 7, -4, -2);
        painter->save();
        painter->fillRect(bar, QColor(0xe0, 0xe0, 0xe0));
        const int state = index.data(InventoryModel::StateRole).toInt();
        const QColor fill = state == 2   ? QColor(0xc6, 0x28, 0x28)
                            : state == 1 ? QColor(0xef, 0x8f, 0x00)
                                         : QColor(0x43, 0xa0, 0x47);
        painter->fillRect(QRect(bar.left(), bar.top(),
                                int(bar.width() * qBound(0.0, stock / full, 1.0)), bar.height()),
                          fill);
        const int tick = bar.left() + int(bar.width() * qBound(0.0, reorder / full, 1.0));
        painter->setPen(QPen(Qt::black, 2));
        painter->drawLine(tick, bar.top() - 2, tick, bar.bottom() + 1);
        painter->restore();
    }
};
} // namespace

InventoryView::InventoryView(ConsoleSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_alertsSorted(new QSortFilterProxyModel(this))
    , m_alerts(new QTableView(this))
    , m_stock(new QTableView(this))
    , m_ringing(new QLabel(this))
    , m_ackButton(new QPushButton(this))
    , m_ackAllButton(new QPushButton(this))
    , m_adjust(new QPushButton(tr("Restock / &adjust…"), this))
{
    setObjectName(QStringLiteral("inventoryView"));
    m_ack = new QAction(tr("&Acknowledge alert"), this);
    m_ack->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    m_ackAll = new QAction(tr("Ackno&wledge all"), this);
    m_ackAll->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K));
    for (QAction *a : {m_ack, m_ackAll}) {
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(a);
    }
    connect(m_ack, &QAction::triggered, this, &InventoryView::acknowledgeCurrent);
    connect(m_ackAll, &QAction::triggered, this, [this] { m_session->acknowledgeAllAlerts(); });
    m_ackButton->setText(tr("Ac&knowledge (Ctrl+K)"));
    m_ackAllButton->setText(tr("Ackno&wledge all"));
    m_ackButton->setObjectName(QStringLiteral("ackButton"));
    connect(m_ackButton, &QPushButton::clicked, m_ack, &QAction::trigger);
    connect(m_ackAllButton, &QPushButton::clicked, m_ackAll, &QAction::trigger);
    m_adjust->setObjectName(QStringLiteral("adjustButton"));
    connect(m_adjust, &QPushButton::clicked, this, &InventoryView::adjustCurrent);

    auto *alertTint = new TintProxyModel(
        [](const QModelIndex &i) {
            if (i.data(StockAlertModel::AcknowledgedRole).toBool())
                return QColor();
            return UiPalette::alertBackground(i.data(StockAlertModel::RankRole).toInt());
        },
        this);
    alertTint->setDisplay(StockAlertModel::PriorityColumn, &DataWords::priority);
    alertTint->setSourceModel(session->alerts());
    m_alertsSorted->setSourceModel(alertTint);
    m_alertsSorted->setSortRole(StockAlertModel::RankRole);
    m_alertsSorted->setDynamicSortFilter(true);
    m_alertsSorted->sort(StockAlertModel::PriorityColumn, Qt::DescendingOrder);
    m_alerts->setModel(m_alertsSorted);
    PlainTextDelegate::install(m_alerts);
    m_alerts->setObjectName(QStringLiteral("alertsTable"));
    m_alerts->setAccessibleName(tr("Stock alerts"));
    m_alerts->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_alerts->setSelectionMode(QAbstractItemView::SingleSelection);
    m_alerts->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_alerts->verticalHeader()->hide();
    m_alerts->horizontalHeader()->setSectionResizeMode(StockAlertModel::AffectsColumn,
                                                       QHeaderView::Stretch);

    auto *stockTint = new TintProxyModel(
        [](const QModelIndex &i) {
            return UiPalette::stockBackground(i.data(InventoryModel::StateRole).toInt());
        },
        this);
    stockTint->setSourceModel(session->inventory());
    auto *stockSorted = new QSortFilterProxyModel(this);
    stockSorted->setSourceModel(stockTint);
    stockSorted->setSortCaseSensitivity(Qt::CaseInsensitive);
    stockSorted->setDynamicSortFilter(true);
    stockSorted->sort(InventoryModel::NameColumn, Qt::AscendingOrder);
    m_stock->setModel(stockSorted);
    PlainTextDelegate::install(m_stock);
    m_stock->setObjectName(QStringLiteral("stockTable"));
    m_stock->setAccessibleName(tr("Stock"));
    m_stock->setItemDelegateForColumn(InventoryModel::StockColumn, new StockBarDelegate(m_stock));
    m_stock->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_stock->setSelectionMode(QAbstractItemView::SingleSelection);
    m_stock->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_stock->setSortingEnabled(true);
    m_stock->sortByColumn(InventoryModel::NameColumn, Qt::AscendingOrder);
    m_stock->verticalHeader()->hide();
    m_stock->verticalHeader()->setDefaultSectionSize(m_stock->fontMetrics().height() + 14);
    m_stock->horizontalHeader()->setSectionResizeMode(InventoryModel::UsedByColumn,
                                                      QHeaderView::Stretch);
    const QFontMetrics fm = m_stock->fontMetrics();
    m_stock->horizontalHeader()->resizeSection(
        InventoryModel::NameColumn,
        fm.horizontalAdvance(QStringLiteral("Ham & Cheese Sandwich")) + 24);
    m_stock->horizontalHeader()->resizeSection(
        InventoryModel::SkuColumn, fm.horizontalAdvance(QStringLiteral("MILK0000")) + 16);
    m_alerts->horizontalHeader()->resizeSection(
        StockAlertModel::ItemColumn,
        fm.horizontalAdvance(QStringLiteral("Ham & Cheese Sandwich")) + 16);
    m_stock->horizontalHeader()->resizeSection(
        InventoryModel::StockColumn,
        m_stock->fontMetrics().horizontalAdvance(QStringLiteral("000000 kg")) + 40);

    QFont bold = m_ringing->font();
    bold.setBold(true);
    m_ringing->setFont(bold);
    m_ringing->setObjectName(QStringLiteral("ringingLabel"));
    m_ringing->setStyleSheet(QStringLiteral("color: #c62828;"));

    auto *alertsBox = new QWidget(this);
    auto *alertsLayout = new QVBoxLayout(alertsBox);
    alertsLayout->setContentsMargins(0, 0, 0, 0);
    auto *alertsTitle = new QHBoxLayout;
    alertsTitle->addWidget(new QLabel(tr("<b>Stock alerts</b>"), alertsBox));
    alertsTitle->addWidget(m_ringing, 1);
    alertsTitle->addWidget(m_ackButton);
    alertsTitle->addWidget(m_ackAllButton);
    alertsLayout->addLayout(alertsTitle);
    alertsLayout->addWidget(m_alerts, 1);

    auto *stockBox = new QWidget(this);
    auto *stockLayout = new QVBoxLayout(stockBox);
    stockLayout->setContentsMargins(0, 0, 0, 0);
    auto *stockTitle = new QHBoxLayout;
    stockTitle->addWidget(
        new QLabel(tr("<b>Stock</b> — bars show stock against the maximum, the tick the reorder "
                      "level"),
                   stockBox),
        1);
    stockTitle->addWidget(m_adjust);
    stockLayout->addLayout(stockTitle);
    stockLayout->addWidget(m_stock, 1);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(alertsBox);
    split->addWidget(stockBox);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(
        new SnapshotNotice(session,
                           tr("Live events only: this server offers no stock list. Items appear "
                              "here as their stock changes and alerts as they are raised while "
                              "this console is connected; restocking needs the Table Tap hub."),
                           this));
    layout->addWidget(split);

    connect(session->alerts(), &StockAlertModel::ringingChanged, this,
            &InventoryView::updateButtons);
    connect(session->alerts(), &BatchedTableModel::flushed, this, &InventoryView::updateButtons);
    connect(m_alerts->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &InventoryView::updateButtons);
    connect(m_stock->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &InventoryView::updateButtons);
    setManager(false);
}

void InventoryView::setManager(bool manager)
{
    m_manager = manager;
    m_adjust->setVisible(manager);
    updateButtons();
}

void InventoryView::updateButtons()
{
    const bool ringing = m_session->alerts()->isRinging();
    m_ringing->setText(ringing ? tr("🔔 Sounding until acknowledged") : QString());
    const QModelIndex a = m_alerts->currentIndex();
    m_ack->setEnabled(a.isValid() && !a.data(StockAlertModel::AcknowledgedRole).toBool());
    m_ackButton->setEnabled(m_ack->isEnabled());
    m_ackAllButton->setEnabled(m_session->alerts()->rowCount() > 0);
    m_adjust->setEnabled(m_manager && m_stock->currentIndex().isValid());
}

void InventoryView::acknowledgeCurrent()
{
    const QModelIndex a = m_alerts->currentIndex();
    if (!a.isValid())
        return;
    m_session->acknowledgeAlert(a.data(StockAlertModel::ProductIdRole).toString());
    updateButtons();
}

void InventoryView::adjustCurrent()
{
    const QModelIndex i = m_stock->currentIndex();
    if (!m_manager || !i.isValid())
        return;
    const QString id = i.data(InventoryModel::IdRole).toString();
    const StockItem *item = m_session->inventory()->item(id);
    if (!item)
        return;
    auto *dialog
        = new StockAdjustDialog(item->name, item->unit, item->stock, item->reorderLevel, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, id] {
        m_session->adjustStock(id, dialog->changeType(), dialog->quantity(), dialog->note());
    });
    dialog->open();
}

} // namespace TableTap
