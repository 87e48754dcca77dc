// The dashboard series model.
#include "dashboardmodel.h"

#include <QTimerEvent>

namespace TableTap {

DashboardModel::DashboardModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_now([] { return QDateTime::currentDateTimeUtc(); })
{}

int DashboardModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_buckets.size());
}

int DashboardModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DashboardModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Bucket &b = m_buckets.at(index.row());
    const double avg = b.prepCount ? b.prepMinutesSum / b.prepCount : 0.0;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case StartColumn:
            return b.start.toLocalTime().toString(QStringLiteral("HH:mm"));
        case OrdersColumn:
            return b.orders;
        case AvgPrepColumn:
            return QString::number(avg, 'f', 1);
        case RevenueColumn:
            return formatCents(b.revenue);
        }
    }
    if (role == BucketStartRole)
        return double(b.start.toMSecsSinceEpoch());
    if (role == ValueRole) {
        switch (index.column()) {
        case StartColumn:
            return double(b.start.toMSecsSinceEpoch());
        case OrdersColumn:
            return double(b.orders);
        case AvgPrepColumn:
            return avg;
        case RevenueColumn:
            return b.revenue / 100.0;
        }
    }
    return {};
}

QVariant DashboardModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case StartColumn:
        return tr("From");
    case OrdersColumn:
        return tr("Orders");
    case AvgPrepColumn:
        return tr("Avg prep (min)");
    case RevenueColumn:
        return tr("Revenue");
    }
    return {};
}

void DashboardModel::setBucketMinutes(int minutes)
{
    m_bucketMinutes = qBound(1, minutes, 240);
}

int DashboardModel::bucketFor(const QDateTime &t)
{
    if (!t.isValid())
        return -1;
    const qint64 span = qint64(m_bucketMinutes) * 60 * 1000;
    const qint64 ms = t.toMSecsSinceEpoch();
    const QDateTime start = QDateTime::fromMSecsSinceEpoch(ms - (ms % span), Qt::UTC);
    // Buckets stay sorted and gap-free from the first to the last, so charts show quiet times.
    if (m_buckets.isEmpty()) {
        emitChanged();
        beginInsertRows({}, 0, 0);
        m_buckets.append({start});
        endInsertRows();
        return 0;
    }
    if (start < m_buckets.first().start) {
        const qint64 missing
            = (m_buckets.first().start.toMSecsSinceEpoch() - start.toMSecsSinceEpoch()) / span;
        if (missing > 24 * 60 / m_bucketMinutes * 2)
            return -1; // far in the past: not today's chart
        emitChanged(); // row numbers are about to move
        beginInsertRows({}, 0, int(missing) - 1);
        QList<Bucket> head;
        for (qint64 i = 0; i < missing; ++i)
            head.append({start.addMSecs(i * span)});
        m_buckets = head + m_buckets;
        endInsertRows();
        return 0;
    }
    const qint64 offset
        = (start.toMSecsSinceEpoch() - m_buckets.first().start.toMSecsSinceEpoch()) / span;
    if (offset >= m_buckets.size()) {
        const qint64 add = offset - m_buckets.size() + 1;
        if (add > 24 * 60 / m_bucketMinutes * 2)
            return -1;
        const int first = int(m_buckets.size());
        emitChanged();
        beginInsertRows({}, first, first + int(add) - 1);
        for (qint64 i = 0; i < add; ++i)
            m_buckets.append({m_buckets.last().start.addMSecs(span)});
        endInsertRows();
    }
    return int(offset);
}

void DashboardModel::catchUp()
{
    if (m_buckets.isEmpty())
        return; // nothing today yet: no chart of empty buckets
    const QDateTime now = m_now();
    const QDate today = now.toLocalTime().date();
    qsizetype stale = 0;
    while (stale < m_buckets.size() && m_buckets.at(stale).start.toLocalTime().date() < today)
        ++stale;
    if (stale > 0) {
        emitChanged(); // row numbers are about to move
        beginRemoveRows({}, 0, int(stale) - 1);
        m_buckets.remove(0, stale);
        endRemoveRows();
        if (m_buckets.isEmpty())
            return;
    }
    if (now >= m_buckets.last().start)
        bucketFor(now);
}

void DashboardModel::clear()
{
    m_changedTimer.stop();
    m_dirtyFirst = m_dirtyLast = -1;
    beginResetModel();
    m_buckets.clear();
    m_countedOrders.clear();
    m_countedReady.clear();
    m_countedPayments.clear();
    m_countedCancelled.clear();
    m_finished = m_cancelled = 0;
    endResetModel();
}

void DashboardModel::markCounted(const QList<Order> &orders)
{
    for (const Order &o : orders) {
        m_countedOrders.insert(o.id);
        if (o.readyAt.isValid())
            m_countedReady.insert(o.id);
        if (o.status == OrderStatus::Cancelled)
            m_countedCancelled.insert(o.id);
    }
}

void DashboardModel::resetFromDay(const DayFigures &day, const QList<Order> &orders)
{
    clear();
    for (const DayBucket &d : day.buckets) {
        // The hub's buckets fall into ours (the same size, or ours a multiple of theirs).
        const int b = bucketFor(d.start);
        if (b < 0)
            continue;
        Bucket &bucket = m_buckets[b];
        bucket.orders += d.orders;
        bucket.revenue += d.revenue;
        bucket.prepCount += d.prepCount;
        bucket.prepMinutesSum += d.prepMinutesSum;
    }
    markCounted(orders);
    m_finished = day.finished;
    m_cancelled = day.cancelled;
    if (!m_buckets.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_buckets.size()) - 1, ColumnCount - 1));
}

void DashboardModel::reset(const QList<Order> &orders,
                           const QList<std::pair<QDateTime, Cents>> &revenue)
{
    clear();
    markCounted(orders);
    for (const Order &o : orders) {
        m_finished += o.status == OrderStatus::Completed ? 1 : 0;
        m_cancelled += o.status == OrderStatus::Cancelled ? 1 : 0;
    }
    for (const Order &o : orders) {
        const int b = bucketFor(o.createdAt);
        if (b < 0)
            continue;
        m_buckets[b].orders += 1;
        if (o.readyAt.isValid() && o.createdAt.isValid()) {
            const int rb = bucketFor(o.readyAt);
            if (rb >= 0) {
                m_buckets[rb].prepCount += 1;
                m_buckets[rb].prepMinutesSum += o.createdAt.secsTo(o.readyAt) / 60.0;
            }
        }
    }
    for (const auto &[at, cents] : revenue) {
        const int b = bucketFor(at);
        if (b >= 0)
            m_buckets[b].revenue += cents;
    }
    if (!m_buckets.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_buckets.size()) - 1, ColumnCount - 1));
}

bool DashboardModel::apply(const CafeEvent &event)
{
    int row = -1;
    if (const auto *p = std::get_if<OrderStatusChanged>(&event.payload)) {
        // Completed, or a completion recalled (completed → ready).
        const int delta = (p->newStatus == OrderStatus::Completed ? 1 : 0)
                          - (p->previousStatus == OrderStatus::Completed ? 1 : 0);
        m_finished = qMax(0, m_finished + delta);
        return false; // no bucket changes
    }
    if (const auto *p = std::get_if<OrderCancelled>(&event.payload)) {
        if (!m_countedCancelled.contains(p->orderId)) {
            m_countedCancelled.insert(p->orderId);
            ++m_cancelled;
        }
    }
    if (const auto *p = std::get_if<OrderCreated>(&event.payload)) {
        if (m_countedOrders.contains(p->order.id))
            return false;
        row = bucketFor(p->order.createdAt.isValid() ? p->order.createdAt : event.meta.timestamp);
        if (row < 0)
            return false;
        m_countedOrders.insert(p->order.id);
        m_buckets[row].orders += 1;
    } else if (const auto *p = std::get_if<OrderReady>(&event.payload)) {
        if (m_countedReady.contains(p->orderId))
            return false;
        row = bucketFor(p->readyAt.isValid() ? p->readyAt : event.meta.timestamp);
        if (row < 0)
            return false;
        m_countedReady.insert(p->orderId);
        m_buckets[row].prepCount += 1;
        m_buckets[row].prepMinutesSum += p->prepTimeMinutes;
    } else if (const auto *p = std::get_if<PaymentCompleted>(&event.payload)) {
        if (m_countedPayments.contains(p->transactionId))
            return false;
        row = bucketFor(p->completedAt.isValid() ? p->completedAt : event.meta.timestamp);
        if (row < 0)
            return false;
        m_countedPayments.insert(p->transactionId);
        m_buckets[row].revenue += p->amount;
    } else if (const auto *p = std::get_if<OrderCancelled>(&event.payload)) {
        if (!p->refundProcessed || p->refundAmount == 0)
            return false;
        row = bucketFor(p->cancelledAt.isValid() ? p->cancelledAt : event.meta.timestamp);
        if (row < 0)
            return false;
        m_buckets[row].revenue -= p->refundAmount;
    } else {
        return false;
    }
    markChanged(row);
    return true;
}

void DashboardModel::markChanged(int row)
{
    m_dirtyFirst = m_dirtyFirst < 0 ? row : std::min(m_dirtyFirst, row);
    m_dirtyLast = std::max(m_dirtyLast, row);
    if (!m_changedTimer.isActive())
        m_changedTimer.start(ChangeNotifyMs, Qt::CoarseTimer, this);
}

void DashboardModel::emitChanged()
{
    m_changedTimer.stop();
    if (m_dirtyFirst < 0)
        return;
    const int first = m_dirtyFirst, last = std::min(m_dirtyLast, int(m_buckets.size()) - 1);
    m_dirtyFirst = m_dirtyLast = -1;
    if (first <= last)
        Q_EMIT dataChanged(index(first, 0), index(last, ColumnCount - 1));
}

void DashboardModel::timerEvent(QTimerEvent *event)
{
    if (event->timerId() == m_changedTimer.timerId()) {
        emitChanged();
        return;
    }
    QAbstractTableModel::timerEvent(event);
}

int DashboardModel::totalOrders() const
{
    int n = 0;
    for (const Bucket &b : m_buckets)
        n += b.orders;
    return n;
}

Cents DashboardModel::totalRevenue() const
{
    Cents n = 0;
    for (const Bucket &b : m_buckets)
        n += b.revenue;
    return n;
}

double DashboardModel::averagePrepMinutes() const
{
    double sum = 0;
    int count = 0;
    for (const Bucket &b : m_buckets) {
        sum += b.prepMinutesSum;
        count += b.prepCount;
    }
    return count ? sum / count : 0.0;
}

} // namespace TableTap
