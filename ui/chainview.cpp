// The Chain view: the hub's cafes side by side, for chain owners.
#include "chainview.h"

#include "consoleclock.h"
#include "consolesession.h"
#include "money.h"
#include "plaintext.h"
#include "plaintextdelegate.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace TableTap {

namespace {
enum Column {
    CafeColumn,
    DateColumn,
    OrdersColumn,
    RevenueColumn,
    OpenColumn,
    LateColumn,
    AlertsColumn,
    StaffColumn,
    ColumnCount
};
constexpr int CafeIdRole = Qt::UserRole + 1;

QString money(const QJsonObject &figures)
{
    const QJsonValue currency = figures.value(QStringLiteral("currency"));
    const QString amount = formatCents(figures.value(QStringLiteral("revenue")).toInteger());
    return currency.isString() ? amount + u' ' + currency.toString() : amount;
}
} // namespace

ChainView::ChainView(ConsoleSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("chainView"));
    auto *layout = new QVBoxLayout(this);

    auto *bar = new QHBoxLayout;
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("chainStatus"));
    PlainText::makePlain(m_status);
    bar->addWidget(m_status, 1);
    // No Alt letters: the tab and the other views hold them all (Ctrl+number reaches the view).
    m_open = new QPushButton(tr("Open console"), this);
    m_open->setObjectName(QStringLiteral("chainOpenConsole"));
    m_open->setToolTip(tr("Opens the selected cafe's console in a window of its own, signed in "
                          "as an admin of that cafe"));
    m_refresh = new QPushButton(tr("Refresh"), this);
    m_refresh->setObjectName(QStringLiteral("chainRefresh"));
    bar->addWidget(m_open);
    bar->addWidget(m_refresh);
    layout->addLayout(bar);

    m_model = new QStandardItemModel(0, ColumnCount, this);
    m_model->setHorizontalHeaderLabels({tr("Cafe"), tr("Business date"), tr("Orders today"),
                                        tr("Revenue"), tr("Open orders"), tr("Late"),
                                        tr("Stock alerts"), tr("Staff in")});
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("chainTable"));
    m_view->setAccessibleName(tr("Cafes of this hub"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(CafeColumn, QHeaderView::Stretch);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(CafeColumn, QHeaderView::Stretch);
    PlainTextDelegate::install(m_view);
    layout->addWidget(m_view, 1);

    connect(m_refresh, &QPushButton::clicked, this, &ChainView::refresh);
    connect(m_open, &QPushButton::clicked, this, [this] {
        const QModelIndex current = m_view->currentIndex();
        if (current.isValid())
            openCafe(cafeIdAt(current.row()));
    });
    connect(m_view, &QTableView::activated, this,
            [this](const QModelIndex &index) { openCafe(cafeIdAt(index.row())); });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &ChainView::updateActions);
    connect(session, &ConsoleSession::identityChanged, this, [this] {
        m_overview = {};
        m_model->setRowCount(0);
        m_lastRefresh = {};
        setOwner(false);
        refresh();
    });
    connect(session, &ConsoleSession::livenessChanged, this,
            [this](ConsoleSession::Liveness liveness) {
                if (liveness == ConsoleSession::Liveness::Live)
                    refresh();
            });
    // An admin's console asks every 30 s: a grant or a revoke of the hub's operator shows (or
    // hides) the view within that time.
    m_timer.setInterval(kRefreshMs);
    connect(&m_timer, &QTimer::timeout, this, &ChainView::refresh);
    m_timer.start();
    updateStatus();
    updateActions();
}

QString ChainView::cafeIdAt(int row) const
{
    return m_model->index(row, CafeColumn).data(CafeIdRole).toString();
}

void ChainView::refresh()
{
    const SessionIdentity id = m_session->identity();
    if (!id.isValid() || id.role != Contract::name(Contract::Role::Admin)) {
        setOwner(false);
        return;
    }
    if (m_asking)
        return;
    m_asking = true;
    const QString cafe = id.cafeId;
    m_session->query(Contract::Command::ChainOverview, {}, this,
                     [this, cafe](const ConsoleSession::QueryAnswer &a) {
                         m_asking = false;
                         if (m_session->identity().cafeId != cafe)
                             return; // signed in elsewhere meanwhile
                         if (a.ok) {
                             m_problem.clear();
                             show(a.data.toObject());
                             setOwner(true);
                         } else if (a.errorType == u"PERMISSION_DENIED"
                                    || a.errorType == u"NOT_FOUND") {
                             // Not granted (or a hub without chains): no chain, no view.
                             m_problem.clear();
                             m_overview = {};
                             m_model->setRowCount(0);
                             setOwner(false);
                         } else {
                             // Offline or slow: the last figures stay, marked as such.
                             m_problem = tr("the hub did not answer: %1")
                                             .arg(a.message.isEmpty() ? a.errorType : a.message);
                             updateStatus();
                             return;
                         }
                         updateStatus();
                         Q_EMIT answered();
                     });
}

void ChainView::setOwner(bool owner)
{
    if (owner == m_owner)
        return;
    m_owner = owner;
    updateActions();
    Q_EMIT chainOwnerChanged(owner);
}

void ChainView::show(const QJsonObject &overview)
{
    const QString selected
        = m_view->currentIndex().isValid() ? cafeIdAt(m_view->currentIndex().row()) : QString();
    m_overview = overview;
    m_lastRefresh = m_session->clock()->now();
    const QJsonArray cafes = overview.value(QStringLiteral("cafes")).toArray();
    m_model->setRowCount(0);
    const auto number = [](const QJsonObject &o, const char *key) {
        auto *item = new QStandardItem(QString::number(o.value(QLatin1String(key)).toInteger()));
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        return item;
    };
    const auto rowOf = [&number](const QJsonObject &o, const QString &name, const QString &date) {
        auto *revenue = new QStandardItem(money(o));
        revenue->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        return QList<QStandardItem *>{new QStandardItem(name),   new QStandardItem(date),
                                      number(o, "orders"),       revenue,
                                      number(o, "open_orders"),  number(o, "late_orders"),
                                      number(o, "stock_alerts"), number(o, "staff_in")};
    };
    int selectRow = -1;
    for (const QJsonValue &v : cafes) {
        const QJsonObject c = v.toObject();
        const QString id = c.value(QStringLiteral("id")).toString();
        const QString name = c.value(QStringLiteral("name")).toString();
        QList<QStandardItem *> row = rowOf(c, name.isEmpty() ? id : name,
                                           c.value(QStringLiteral("business_date")).toString());
        row.first()->setData(id, CafeIdRole);
        row.first()->setToolTip(id);
        if (id == selected)
            selectRow = m_model->rowCount();
        m_model->appendRow(row);
    }
    const QJsonObject total = overview.value(QStringLiteral("total")).toObject();
    QList<QStandardItem *> totalRow
        = rowOf(total, tr("Total (%n cafe(s))", nullptr, int(cafes.size())), QString());
    if (!total.value(QStringLiteral("currency")).isString())
        totalRow[RevenueColumn]->setText(tr("mixed currencies"));
    QFont bold = font();
    bold.setBold(true);
    for (QStandardItem *item : totalRow) {
        item->setFont(bold);
        item->setSelectable(false);
    }
    m_model->appendRow(totalRow);
    // The cafe chosen before stays chosen; at first the first one, so Open console is at hand.
    if (selectRow < 0 && !cafes.isEmpty())
        selectRow = 0;
    if (selectRow >= 0)
        m_view->setCurrentIndex(m_model->index(selectRow, CafeColumn));
    updateActions();
}

void ChainView::openCafe(const QString &cafeId)
{
    if (cafeId.isEmpty() || !m_owner)
        return;
    QString name = cafeId;
    for (int r = 0; r < m_model->rowCount(); ++r)
        if (cafeIdAt(r) == cafeId)
            name = m_model->index(r, CafeColumn).data().toString();
    m_open->setEnabled(false);
    m_session->query(Contract::Command::OpenCafe, {{QStringLiteral("cafe"), cafeId}}, this,
                     [this, cafeId, name](const ConsoleSession::QueryAnswer &a) {
                         updateActions();
                         if (!a.ok) {
                             m_problem = tr("%1 could not be opened: %2")
                                             .arg(PlainText::display(name),
                                                  a.message.isEmpty() ? a.errorType : a.message);
                             updateStatus();
                             return;
                         }
                         const QJsonObject data = a.data.toObject();
                         Q_EMIT consoleRequested(m_session->hubUrl(),
                                                 data.value(QStringLiteral("token")).toString(),
                                                 cafeId, name);
                     });
}

void ChainView::updateStatus()
{
    QString text;
    if (m_lastRefresh.isValid())
        text = tr("Last refreshed %1 (every 30 seconds)")
                   .arg(m_lastRefresh.time().toString(QStringLiteral("HH:mm:ss")));
    else
        text = tr("Not refreshed yet");
    if (!m_problem.isEmpty())
        text += QStringLiteral(" — ") + m_problem;
    PlainText::setText(m_status, text);
}

void ChainView::updateActions()
{
    const QModelIndex current = m_view->currentIndex();
    m_open->setEnabled(m_owner && current.isValid() && !cafeIdAt(current.row()).isEmpty());
    m_refresh->setEnabled(m_owner);
}

} // namespace TableTap
