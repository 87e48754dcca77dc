// The order queue model.
#include "orderqueuemodel.h"

#include <QTimerEvent>

#include <cstdio>

namespace TableTap {

OrderQueueModel::OrderQueueModel(QObject *parent)
    : KeyedRowModel<Order>(parent)
    , m_now([] { return QDateTime::currentDateTimeUtc(); })
{
    m_tick.start(1000, Qt::CoarseTimer, this);
}

int OrderQueueModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

void OrderQueueModel::setAgeThresholds(int warningSeconds, int lateSeconds)
{
    m_warning = qMax(1, warningSeconds);
    m_late = qMax(m_warning + 1, lateSeconds);
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, AgeColumn), index(rowCount() - 1, AgeColumn));
}

void OrderQueueModel::setClock(std::function<QDateTime()> now)
{
    m_now = std::move(now);
}

static QString itemsText(const Order &o)
{
    QStringList parts;
    for (const OrderItem &i : o.items) {
        QString s = QString::number(i.quantity) + QStringLiteral("× ") + i.productName;
        if (!i.customizations.isEmpty())
            s += QStringLiteral(" (") + i.customizations.join(QStringLiteral(", "))
                 + QLatin1Char(')');
        parts << s;
    }
    return parts.join(QStringLiteral("; "));
}

static QString ageText(qint64 secs)
{
    if (secs < 0)
        secs = 0;
    if (secs < 3600)
        return QStringLiteral("%1:%2").arg(secs / 60).arg(secs % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1 h %2")
        .arg(secs / 3600)
        .arg((secs % 3600) / 60, 2, 10, QLatin1Char('0'));
}

QVariant OrderQueueModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Order &o = rowAt(index.row());
    // Only the age roles need the clock; proxies ask for the other roles thousands of times
    // per sort and filter pass.
    const auto age = [&o, this]() -> qint64 {
        return ageSeconds(o,
                          isOpenStatus(o.status) || !o.closedAt.isValid() ? m_now() : QDateTime());
    };
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NumberColumn:
            return o.number;
        case CustomerColumn:
            return o.isProxy ? QStringLiteral("%1 (for %2)").arg(o.customerName, o.orderedFor.name)
                             : o.customerName;
        case ItemsColumn:
            return itemsText(o);
        case CounterColumn:
            return o.counter;
        case StatusColumn:
            return orderStatusName(o.status);
        case AgeColumn:
            return ageText(age());
        case TotalColumn:
            return formatCents(o.total);
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == ItemsColumn)
            return itemsText(o);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == TotalColumn || index.column() == AgeColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case OrderIdRole:
        return o.id;
    case StatusRole:
        return int(o.status);
    case StatusNameRole:
        return orderStatusName(o.status);
    case CounterRole:
        return o.counter;
    case AgeSecondsRole:
        return age();
    case AgeLevelRole: {
        if (!isOpenStatus(o.status))
            return 0;
        const qint64 a = age();
        return a >= m_late ? 2 : a >= m_warning ? 1 : 0;
    }
    case IsOpenRole:
        return isOpenStatus(o.status);
    case IsProxyRole:
        return o.isProxy;
    case StockWarningRole:
        return isOpenStatus(o.status) ? stockWarningFor(o) : QString();
    case CreatedAtRole:
        return o.createdAt;
    case PendingActionRole:
        return m_pendingActions.value(o.id);
    case ItemsMadeRole: {
        int made = 0;
        for (const OrderItem &i : o.items)
            made += i.made ? 1 : 0;
        return made;
    }
    }
    return {};
}

qint64 OrderQueueModel::ageSeconds(const Order &o, const QDateTime &now) const
{
    const QDateTime &end = isOpenStatus(o.status) || !o.closedAt.isValid() ? now : o.closedAt;
    return o.createdAt.isValid() && end.isValid() ? o.createdAt.secsTo(end) : 0;
}

bool OrderQueueModel::matches(const Order &o, const QString &needle) const
{
    // The same texts the columns show, field by field, numbers formatted on the stack. Texts
    // the columns build from several fields ("2× Latte (Oat milk)", "Anna (for Ben)") are built
    // only for a needle that could span fields, so the common case allocates nothing.
    const auto has = [&needle](const QString &s) {
        return s.contains(needle, Qt::CaseInsensitive);
    };
    const auto hasLatin1 = [&needle](const char *buf, int len) {
        return len > 0 && QLatin1String(buf, len).contains(needle, Qt::CaseInsensitive);
    };
    if (has(o.number) || has(o.customerName) || has(o.counter) || has(orderStatusName(o.status)))
        return true;
    if (o.isProxy && has(o.orderedFor.name))
        return true;
    bool digitsOnly = true;
    bool ageChars = true; // "12:03", "2 h 05"
    bool spans = needle.startsWith(QLatin1Char(' ')) || needle.endsWith(QLatin1Char(' '));
    for (const QChar ch : needle) {
        digitsOnly = digitsOnly && ch.isDigit();
        ageChars = ageChars
                   && (ch.isDigit() || ch == QLatin1Char(':') || ch == QLatin1Char(' ')
                       || ch == QLatin1Char('h'));
        spans = spans || ch == QChar(0x00D7) || ch == QLatin1Char(';') || ch == QLatin1Char('(')
                || ch == QLatin1Char(')') || ch == QLatin1Char(',');
    }
    char buf[48];
    for (const OrderItem &i : o.items) {
        if (has(i.productName))
            return true;
        for (const QString &c : i.customizations)
            if (has(c))
                return true;
        if (digitsOnly && hasLatin1(buf, std::snprintf(buf, sizeof buf, "%d", i.quantity)))
            return true;
    }
    const Cents a = o.total < 0 ? -o.total : o.total;
    if (hasLatin1(buf,
                  std::snprintf(buf, sizeof buf, "%s%lld.%02lld", o.total < 0 ? "-" : "",
                                static_cast<long long>(a / 100), static_cast<long long>(a % 100))))
        return true;
    if (ageChars) {
        qint64 secs = qMax<qint64>(0, ageSeconds(o, m_now()));
        const int len = secs < 3600 ? std::snprintf(buf, sizeof buf, "%lld:%02lld",
                                                    static_cast<long long>(secs / 60),
                                                    static_cast<long long>(secs % 60))
                                    : std::snprintf(buf, sizeof buf, "%lld h %02lld",
                                                    static_cast<long long>(secs / 3600),
                                                    static_cast<long long>((secs % 3600) / 60));
        if (hasLatin1(buf, len))
            return true;
    }
    if (!spans)
        return false;
    return has(itemsText(o))
           || (o.isProxy
               && has(QStringLiteral("%1 (for %2)").arg(o.customerName, o.orderedFor.name)));
}

QVariant OrderQueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NumberColumn:
        return tr("Order");
    case CustomerColumn:
        return tr("Customer");
    case ItemsColumn:
        return tr("Items");
    case CounterColumn:
        return tr("Counter");
    case StatusColumn:
        return tr("Status");
    case AgeColumn:
        return tr("Age");
    case TotalColumn:
        return tr("Total");
    }
    return {};
}

QHash<int, QByteArray> OrderQueueModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(OrderIdRole, "orderId");
    names.insert(StatusRole, "status");
    names.insert(StatusNameRole, "statusName");
    names.insert(CounterRole, "counter");
    names.insert(AgeSecondsRole, "ageSeconds");
    names.insert(AgeLevelRole, "ageLevel");
    names.insert(IsOpenRole, "isOpen");
    names.insert(IsProxyRole, "isProxy");
    names.insert(StockWarningRole, "stockWarning");
    names.insert(CreatedAtRole, "createdAt");
    names.insert(PendingActionRole, "pendingAction");
    names.insert(ItemsMadeRole, "itemsMade");
    return names;
}

void OrderQueueModel::resetOrders(const QList<Order> &orders)
{
    QList<std::pair<QString, Order>> rows;
    rows.reserve(orders.size());
    for (const Order &o : orders)
        if (!o.id.isEmpty())
            rows.append({o.id, o});
    m_pendingActions.clear();
    resetRows(rows);
}

bool OrderQueueModel::apply(const CafeEvent &event)
{
    if (const auto *p = std::get_if<OrderCreated>(&event.payload)) {
        upsert(p->order.id, p->order);
        m_pendingActions.remove(p->order.id);
        return true;
    }
    if (const auto *p = std::get_if<OrderStatusChanged>(&event.payload)) {
        const Order *current = find(p->orderId);
        if (!current)
            return false; // created before our snapshot and not in it: the resync will bring it
        Order o = *current;
        o.status = p->newStatus;
        if (p->estimatedReadyAt.isValid())
            o.estimatedReadyAt = p->estimatedReadyAt;
        if (!p->history.isEmpty())
            o.history = p->history;
        else
            o.history.append({p->newStatus, event.meta.timestamp, p->updatedBy.id, p->notes});
        if (!isOpenStatus(o.status))
            o.closedAt = event.meta.timestamp.isValid() ? event.meta.timestamp : m_now();
        else
            o.closedAt = {};
        m_pendingActions.remove(o.id);
        upsert(o.id, o);
        return true;
    }
    if (const auto *p = std::get_if<OrderReady>(&event.payload)) {
        const Order *current = find(p->orderId);
        if (!current)
            return false;
        Order o = *current;
        o.status = OrderStatus::Ready;
        o.readyAt = p->readyAt;
        if (!p->counter.isEmpty())
            o.counter = p->counter;
        upsert(o.id, o);
        return true;
    }
    if (const auto *p = std::get_if<OrderCancelled>(&event.payload)) {
        const Order *current = find(p->orderId);
        if (!current)
            return false;
        Order o = *current;
        o.status = OrderStatus::Cancelled;
        o.cancelReason = p->reason;
        o.closedAt = p->cancelledAt.isValid() ? p->cancelledAt : m_now();
        if (p->refundProcessed)
            o.paymentStatus = QStringLiteral("refunded");
        o.history.append({OrderStatus::Cancelled, o.closedAt, p->cancelledBy.id, p->reason});
        m_pendingActions.remove(o.id);
        upsert(o.id, o);
        return true;
    }
    if (const auto *p = std::get_if<CounterStatusChanged>(&event.payload)) {
        // A counter closing names where its open orders went (all to one counter): the rows
        // follow even when no order:assigned_counter reached this console.
        if (p->newStatus == QLatin1String("active") || p->ordersReassignedTo.isEmpty()
            || p->ordersReassignedTo == p->counterName)
            return false;
        flush(); // rows() without the changes still waiting in the batch would miss orders
        QStringList moved;
        for (const Order &o : rows())
            if (o.counter == p->counterName && isOpenStatus(o.status))
                moved << o.id;
        for (const QString &id : std::as_const(moved)) {
            Order o = *find(id);
            o.counter = p->ordersReassignedTo;
            upsert(o.id, o);
        }
        return !moved.isEmpty();
    }
    if (const auto *p = std::get_if<OrderAssignedCounter>(&event.payload)) {
        const Order *current = find(p->orderId);
        if (!current)
            return false;
        Order o = *current;
        o.counter = p->newCounter;
        m_pendingActions.remove(o.id);
        upsert(o.id, o);
        return true;
    }
    if (const auto *p = std::get_if<OrderItemChecked>(&event.payload)) {
        const Order *current = find(p->orderId);
        if (!current)
            return false;
        Order o = *current;
        // items_made is the whole state after the change, so a missed event heals itself.
        const bool changed = o.setItemsMade(p->itemsMade);
        m_pendingActions.remove(o.id);
        upsert(o.id, o);
        return changed;
    }
    if (const auto *p = std::get_if<PaymentCompleted>(&event.payload)) {
        if (const Order *current = find(p->orderId)) {
            Order o = *current;
            o.paymentStatus = QStringLiteral("completed");
            upsert(o.id, o);
            return true;
        }
        return false;
    }
    if (const auto *p = std::get_if<PaymentFailed>(&event.payload)) {
        if (const Order *current = find(p->orderId)) {
            Order o = *current;
            o.paymentStatus = QStringLiteral("failed");
            upsert(o.id, o);
            return true;
        }
        return false;
    }
    if (const auto *p = std::get_if<PaymentProcessing>(&event.payload)) {
        if (const Order *current = find(p->orderId)) {
            Order o = *current;
            o.paymentStatus = QStringLiteral("processing");
            upsert(o.id, o);
            return true;
        }
        return false;
    }
    return false;
}

void OrderQueueModel::setStockWarnings(const QHash<QString, QString> &warningByProduct)
{
    if (warningByProduct == m_stockWarnings)
        return;
    m_stockWarnings = warningByProduct;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {StockWarningRole});
}

void OrderQueueModel::setPendingAction(const QString &orderId, const QString &description)
{
    if (description.isEmpty())
        m_pendingActions.remove(orderId);
    else
        m_pendingActions.insert(orderId, description);
    const int r = rowOf(orderId);
    if (r >= 0)
        Q_EMIT dataChanged(index(r, 0), index(r, ColumnCount - 1), {PendingActionRole});
}

QString OrderQueueModel::stockWarningFor(const Order &o) const
{
    if (m_stockWarnings.isEmpty())
        return {};
    QStringList out;
    for (const OrderItem &i : o.items) {
        const QString w = m_stockWarnings.value(i.productName);
        if (!w.isEmpty() && !out.contains(w))
            out << w;
    }
    return out.join(QStringLiteral("; "));
}

int OrderQueueModel::openCount() const
{
    int n = 0;
    for (const Order &o : rows())
        n += isOpenStatus(o.status) ? 1 : 0;
    return n;
}

void OrderQueueModel::trimClosed()
{
    // Keep the newest closed orders only; older ones leave the model (bounded memory all day).
    int closed = 0;
    for (const Order &o : rows())
        closed += isOpenStatus(o.status) ? 0 : 1;
    if (closed <= m_recentLimit + m_recentLimit / 4)
        return;
    QList<std::pair<QDateTime, QString>> byAge;
    for (int r = 0; r < rowCount(); ++r) {
        const Order &o = rowAt(r);
        if (!isOpenStatus(o.status))
            byAge.append({o.closedAt, keyAt(r)});
    }
    std::sort(byAge.begin(), byAge.end());
    for (qsizetype i = 0; i < byAge.size() - m_recentLimit; ++i)
        remove(byAge.at(i).second);
}

void OrderQueueModel::timerEvent(QTimerEvent *event)
{
    if (event->timerId() == m_tick.timerId()) {
        // Ages move by themselves for open orders (and closed ones without a closing time);
        // rows are coloured by age level, so the whole row changes. Closed orders' ages stand
        // still: a long history is not announced (and re-sorted by proxies) every second.
        const int n = rowCount();
        int r = 0;
        while (r < n) {
            const auto moves = [this](int row) {
                const Order &o = rowAt(row);
                return isOpenStatus(o.status) || !o.closedAt.isValid();
            };
            if (!moves(r)) {
                ++r;
                continue;
            }
            int last = r;
            while (last + 1 < n && moves(last + 1))
                ++last;
            Q_EMIT dataChanged(index(r, 0), index(last, ColumnCount - 1),
                               {Qt::DisplayRole, AgeSecondsRole, AgeLevelRole});
            r = last + 1;
        }
        trimClosed();
        return;
    }
    KeyedRowModel<Order>::timerEvent(event);
}

} // namespace TableTap
