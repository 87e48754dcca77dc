// The order queue's filter and sort proxy.
#include "orderfiltermodel.h"

#include "orderqueuemodel.h"

#include <QTimerEvent>

#include <algorithm>
#include <climits>
#include <iterator>

namespace TableTap {

namespace {

// Rows sorted at once before the slices merge them.
constexpr qsizetype kRun = 1024;
// More rows than this arriving at once are merged in with one layout change.
constexpr qsizetype kManyArrivals = 16;
// A change to more rows than this while a job runs starts the job again.
constexpr int kManyDirty = 4096;

bool movingAge(const Order &o)
{
    return isOpenStatus(o.status) || !o.closedAt.isValid();
}

int sign(qint64 v)
{
    return v < 0 ? -1 : (v > 0 ? 1 : 0);
}

// Whether a change of these roles can take a row in or out of the view or move it.
bool rolesMatter(const QList<int> &roles)
{
    if (roles.isEmpty())
        return true;
    for (const int role : roles) {
        switch (role) {
        case Qt::DisplayRole:
        case Qt::EditRole:
        case OrderQueueModel::OrderIdRole:
        case OrderQueueModel::StatusRole:
        case OrderQueueModel::StatusNameRole:
        case OrderQueueModel::CounterRole:
        case OrderQueueModel::AgeSecondsRole:
        case OrderQueueModel::IsOpenRole:
        case OrderQueueModel::IsProxyRole:
        case OrderQueueModel::CreatedAtRole:
            return true;
        default:
            break;
        }
    }
    return false;
}

// The second's tick: ages moved, nothing else. A job compares ages at its own clock, so its
// sort still holds; only what the rows' age texts match may differ.
bool timeOnly(const QList<int> &roles)
{
    if (!roles.contains(OrderQueueModel::AgeSecondsRole))
        return false;
    return std::all_of(roles.cbegin(), roles.cend(), [](int role) {
        return role == Qt::DisplayRole || role == OrderQueueModel::AgeSecondsRole
               || role == OrderQueueModel::AgeLevelRole;
    });
}

} // namespace

OrderFilterModel::OrderFilterModel(QObject *parent)
    : QAbstractProxyModel(parent)
{
    // Oldest first: the age column, largest first.
    m_want.column = OrderQueueModel::AgeColumn;
    m_want.order = Qt::DescendingOrder;
    m_shown = m_want;
}

void OrderFilterModel::setSourceModel(QAbstractItemModel *source)
{
    if (source == sourceModel())
        return;
    beginResetModel();
    for (const QMetaObject::Connection &c : std::as_const(m_connections))
        disconnect(c);
    m_connections.clear();
    dropJob();
    m_placeholder = false;
    QAbstractProxyModel::setSourceModel(source);
    m_queue = qobject_cast<const OrderQueueModel *>(source);
    m_rows.clear();
    m_pos.clear();
    m_shown = m_want;
    if (m_queue) {
        connectSource();
        m_shown.now = m_queue->now();
        m_rows = acceptedRows(m_shown);
        rebuildPositions();
    } else if (source) {
        qWarning("OrderFilterModel: the source is not an OrderQueueModel; no rows are shown");
    }
    endResetModel();
}

void OrderFilterModel::connectSource()
{
    QAbstractItemModel *src = sourceModel();
    m_connections << connect(src, &QAbstractItemModel::dataChanged, this,
                             &OrderFilterModel::onDataChanged);
    m_connections << connect(src, &QAbstractItemModel::rowsInserted, this,
                             &OrderFilterModel::onRowsInserted);
    m_connections << connect(src, &QAbstractItemModel::rowsAboutToBeRemoved, this,
                             &OrderFilterModel::onRowsAboutToBeRemoved);
    m_connections << connect(src, &QAbstractItemModel::rowsRemoved, this,
                             &OrderFilterModel::onRowsRemoved);
    m_connections << connect(src, &QAbstractItemModel::modelAboutToBeReset, this,
                             &OrderFilterModel::onAboutToBeReset);
    m_connections << connect(src, &QAbstractItemModel::modelReset, this,
                             &OrderFilterModel::onReset);
    // The queue's rows never move; a source that reorders them is read again as a reset.
    m_connections << connect(src, &QAbstractItemModel::layoutAboutToBeChanged, this,
                             &OrderFilterModel::onAboutToBeReset);
    m_connections << connect(src, &QAbstractItemModel::layoutChanged, this,
                             &OrderFilterModel::onReset);
    m_connections << connect(src, &QAbstractItemModel::headerDataChanged, this,
                             [this](Qt::Orientation orientation, int first, int last) {
                                 if (orientation == Qt::Horizontal)
                                     Q_EMIT headerDataChanged(orientation, first, last);
                             });
    m_connections << connect(src, &QObject::destroyed, this, [this] {
        beginResetModel();
        m_queue = nullptr;
        m_rows.clear();
        m_pos.clear();
        dropJob();
        m_placeholder = false;
        endResetModel();
    });
}

void OrderFilterModel::setScope(Scope scope)
{
    if (scope == m_want.scope)
        return;
    m_want.scope = scope;
    refresh();
}

void OrderFilterModel::setCounter(const QString &counter)
{
    if (counter == m_want.counter)
        return;
    m_want.counter = counter;
    refresh();
}

void OrderFilterModel::setSearchText(const QString &text)
{
    if (text == m_want.search)
        return;
    m_want.search = text;
    refresh();
}

void OrderFilterModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0)
        order = Qt::AscendingOrder;
    if (column == m_want.column && order == m_want.order)
        return;
    m_want.column = column;
    m_want.order = order;
    refresh();
}

void OrderFilterModel::setSlicing(int rowThreshold, int sliceMs)
{
    m_sliceRows = qMax(0, rowThreshold);
    m_sliceMs = qMax(0, sliceMs);
}

// --- Working out a filter or sort change ----------------------------------------------------

void OrderFilterModel::refresh()
{
    dropJob();
    if (!m_queue) {
        m_shown = m_want;
        Q_EMIT refreshed();
        return;
    }
    const bool sameFilter = m_want.scope == m_shown.scope && m_want.counter == m_shown.counter
                            && m_want.search == m_shown.search;
    const bool sameSort = m_want.column == m_shown.column && m_want.order == m_shown.order;
    if (!m_placeholder && sameFilter && sameSort) {
        // A change undone before it landed: what is shown is what is wanted.
        Q_EMIT refreshed();
        return;
    }
    // A narrower filter than the one shown (a longer search, one counter instead of all, open
    // or finished instead of all) keeps a subset of the rows shown, in their order.
    const bool narrows = !m_placeholder && sameSort
                         && (m_shown.scope == Scope::All || m_shown.scope == m_want.scope)
                         && (m_shown.counter.isEmpty() || m_shown.counter == m_want.counter)
                         && m_want.search.contains(m_shown.search, Qt::CaseInsensitive);
    m_job.active = true;
    m_want.now = m_queue->now();
    if (!m_placeholder && sameFilter) {
        m_job.rows = m_rows;
        startSort();
    } else if (narrows) {
        m_job.narrowing = true;
        m_job.candidates = m_rows;
    }
    run();
}

void OrderFilterModel::run()
{
    // A short queue is done at once; a long history a slice per event-loop pass, the first
    // one now (a narrowing search often needs no more).
    if (m_queue->rowCount() <= m_sliceRows) {
        while (m_job.active)
            runSlice(-1);
        return;
    }
    runSlice(m_sliceMs);
    if (m_job.active)
        m_timer.start(0, this);
}

void OrderFilterModel::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_timer.timerId()) {
        QAbstractProxyModel::timerEvent(event);
        return;
    }
    if (m_job.active && m_queue)
        runSlice(m_sliceMs);
    if (!m_job.active)
        m_timer.stop();
}

void OrderFilterModel::runSlice(qint64 budgetMs)
{
    QElapsedTimer clock;
    clock.start();
    while (m_job.active) {
        switch (m_job.phase) {
        case Job::Filter:
            if (!filterStep(clock, budgetMs))
                return;
            if (m_job.narrowing)
                finishJob();
            else
                startSort();
            break;
        case Job::Keys:
            if (!keysStep(clock, budgetMs))
                return;
            m_job.phase = Job::Runs;
            m_job.next = 0;
            break;
        case Job::Runs:
            if (!runsStep(clock, budgetMs))
                return;
            m_job.phase = Job::Merge;
            m_job.width = kRun;
            m_job.lo = 0;
            m_job.inMerge = false;
            break;
        case Job::Merge:
            if (!mergeStep(clock, budgetMs))
                return;
            finishJob();
            break;
        }
    }
}

namespace {
bool expired(const QElapsedTimer &clock, qint64 budgetMs)
{
    return budgetMs >= 0 && clock.elapsed() >= budgetMs;
}
} // namespace

bool OrderFilterModel::filterStep(const QElapsedTimer &clock, qint64 budgetMs)
{
    Job &j = m_job;
    const qsizetype total = j.narrowing ? j.candidates.size() : m_queue->rowCount();
    while (j.next < total) {
        const int r = j.narrowing ? j.candidates.at(j.next) : int(j.next);
        ++j.next;
        if (accepts(m_want, r))
            j.rows.append(r);
        if ((j.next & 255) == 0 && expired(clock, budgetMs))
            return false;
    }
    return true;
}

void OrderFilterModel::startSort()
{
    m_job.next = 0;
    if (m_want.column == OrderQueueModel::ItemsColumn) {
        // The items column sorts by its text: built once per row, not per comparison.
        m_itemsKeys.clear();
        m_itemsKeys.resize(m_queue->rowCount());
        m_job.phase = Job::Keys;
    } else {
        m_job.phase = Job::Runs;
    }
}

bool OrderFilterModel::keysStep(const QElapsedTimer &clock, qint64 budgetMs)
{
    Job &j = m_job;
    while (j.next < j.rows.size()) {
        const int r = j.rows.at(j.next++);
        if (r < m_itemsKeys.size())
            m_itemsKeys[r]
                = m_queue->data(m_queue->index(r, OrderQueueModel::ItemsColumn)).toString();
        if ((j.next & 63) == 0 && expired(clock, budgetMs))
            return false;
    }
    return true;
}

bool OrderFilterModel::runsStep(const QElapsedTimer &clock, qint64 budgetMs)
{
    Job &j = m_job;
    const auto less = [this](int a, int b) {
        return before(m_want, a, b);
    };
    while (j.next < j.rows.size()) {
        const qsizetype end = std::min(j.next + kRun, j.rows.size());
        std::sort(j.rows.begin() + j.next, j.rows.begin() + end, less);
        j.next = end;
        if (expired(clock, budgetMs))
            return false;
    }
    return true;
}

bool OrderFilterModel::mergeStep(const QElapsedTimer &clock, qint64 budgetMs)
{
    // Bottom-up merge sort of the sorted runs, resumable at any element.
    Job &j = m_job;
    const qsizetype n = j.rows.size();
    if (j.scratch.size() != n)
        j.scratch.resize(n);
    while (j.width < n) {
        const int *src = j.rows.constData();
        int *dst = j.scratch.data();
        while (j.lo < n) {
            const qsizetype mid = std::min(j.lo + j.width, n);
            const qsizetype hi = std::min(j.lo + 2 * j.width, n);
            if (!j.inMerge) {
                j.i = j.lo;
                j.j = mid;
                j.k = j.lo;
                j.inMerge = true;
            }
            while (j.i < mid && j.j < hi) {
                dst[j.k++] = before(m_want, src[j.j], src[j.i]) ? src[j.j++] : src[j.i++];
                if ((j.k & 1023) == 0 && expired(clock, budgetMs))
                    return false;
            }
            while (j.i < mid)
                dst[j.k++] = src[j.i++];
            while (j.j < hi)
                dst[j.k++] = src[j.j++];
            j.inMerge = false;
            j.lo = hi;
        }
        j.rows.swap(j.scratch);
        j.width *= 2;
        j.lo = 0;
    }
    return true;
}

void OrderFilterModel::finishJob()
{
    Job &j = m_job;
    if (j.dirtyWhileSorting && j.restarts < 3) {
        // A row changed what it sorts by while the slices compared it: sort again.
        ++j.restarts;
        j.dirtyWhileSorting = false;
        startSort();
        return;
    }
    QList<int> rows = std::move(j.rows);
    if (!j.dirty.isEmpty()) {
        // Rows that changed while the job ran are placed as they are now.
        const QSet<int> dirty = j.dirty;
        rows.removeIf([&dirty](int r) { return dirty.contains(r); });
        if (j.dirtyWhileSorting)
            sortRows(m_want, rows);
        QList<int> back;
        for (const int r : dirty)
            if (r < m_queue->rowCount() && accepts(m_want, r))
                back.append(r);
        sortRows(m_want, back);
        rows = merged(m_want, rows, back);
    }
    dropJob();
    commit(std::move(rows));
}

void OrderFilterModel::commit(QList<int> rows)
{
    const Settings want = m_want;
    m_placeholder = false;
    if (rows == m_rows) {
        m_shown = want;
    } else if (m_rows.isEmpty()) {
        beginInsertRows({}, 0, int(rows.size()) - 1);
        m_rows = std::move(rows);
        m_shown = want;
        rebuildPositions();
        endInsertRows();
    } else if (rows.isEmpty()) {
        beginRemoveRows({}, 0, int(m_rows.size()) - 1);
        m_rows.clear();
        m_shown = want;
        rebuildPositions();
        endRemoveRows();
    } else {
        m_shown = want;
        relayout(std::move(rows));
    }
    Q_EMIT refreshed();
}

// --- Filtering and ordering ------------------------------------------------------------------

bool OrderFilterModel::accepts(const Settings &s, int sourceRow) const
{
    const Order &o = m_queue->rowAt(sourceRow);
    const bool open = isOpenStatus(o.status);
    if ((s.scope == Scope::Open && !open) || (s.scope == Scope::Closed && open))
        return false;
    if (!s.counter.isEmpty() && o.counter != s.counter)
        return false;
    return s.search.isEmpty() || m_queue->matches(o, s.search);
}

int OrderFilterModel::compareRows(const Settings &s, int a, int b) const
{
    const Order &x = m_queue->rowAt(a);
    const Order &y = m_queue->rowAt(b);
    switch (s.column) {
    case OrderQueueModel::AgeColumn: {
        // In whole seconds as the column shows them; two orders whose ages move compare by
        // when they were placed (no clock needed), the common case in the queue.
        qint64 p;
        qint64 q;
        if (movingAge(x) && movingAge(y) && x.createdAt.isValid() && y.createdAt.isValid()) {
            p = y.createdAt.toMSecsSinceEpoch() / 1000;
            q = x.createdAt.toMSecsSinceEpoch() / 1000;
        } else {
            p = m_queue->ageSeconds(x, s.now);
            q = m_queue->ageSeconds(y, s.now);
        }
        if (p != q)
            return p < q ? -1 : 1;
        return sign(x.id.compare(y.id));
    }
    case OrderQueueModel::TotalColumn:
        return x.total != y.total ? (x.total < y.total ? -1 : 1) : sign(x.id.compare(y.id));
    case OrderQueueModel::NumberColumn:
        return sign(x.number.compare(y.number));
    case OrderQueueModel::CounterColumn:
        return sign(x.counter.compare(y.counter));
    case OrderQueueModel::StatusColumn:
        return sign(int(x.status) - int(y.status));
    case OrderQueueModel::CustomerColumn:
        return sign(x.customerName.compare(y.customerName, Qt::CaseInsensitive));
    case OrderQueueModel::ItemsColumn:
        return sign(itemsKey(a).compare(itemsKey(b)));
    default:
        return 0;
    }
}

bool OrderFilterModel::before(const Settings &s, int a, int b) const
{
    const int c = s.column < 0 ? 0 : compareRows(s, a, b);
    if (c != 0)
        return s.order == Qt::AscendingOrder ? c < 0 : c > 0;
    return a < b; // equal keys keep the source's order
}

QString OrderFilterModel::itemsKey(int sourceRow) const
{
    if (sourceRow < m_itemsKeys.size() && !m_itemsKeys.at(sourceRow).isNull())
        return m_itemsKeys.at(sourceRow);
    return m_queue->data(m_queue->index(sourceRow, OrderQueueModel::ItemsColumn)).toString();
}

QList<int> OrderFilterModel::acceptedRows(const Settings &s) const
{
    QList<int> rows;
    for (int r = 0; r < m_queue->rowCount(); ++r)
        if (accepts(s, r))
            rows.append(r);
    sortRows(s, rows);
    return rows;
}

void OrderFilterModel::sortRows(const Settings &s, QList<int> &rows) const
{
    std::sort(rows.begin(), rows.end(), [this, &s](int a, int b) { return before(s, a, b); });
}

qsizetype OrderFilterModel::insertionPoint(const Settings &s, const QList<int> &rows, int r) const
{
    return std::lower_bound(rows.begin(), rows.end(), r,
                            [this, &s](int a, int b) { return before(s, a, b); })
           - rows.begin();
}

QList<int> OrderFilterModel::merged(const Settings &s, const QList<int> &rows,
                                    const QList<int> &more) const
{
    if (more.isEmpty())
        return rows;
    QList<int> out;
    out.reserve(rows.size() + more.size());
    auto from = rows.begin();
    for (const int r : more) {
        const auto at = std::lower_bound(from, rows.end(), r,
                                         [this, &s](int a, int b) { return before(s, a, b); });
        std::copy(from, at, std::back_inserter(out));
        out.append(r);
        from = at;
    }
    std::copy(from, rows.end(), std::back_inserter(out));
    return out;
}

// --- Live changes ----------------------------------------------------------------------------

void OrderFilterModel::rebuildPositions()
{
    m_pos.fill(-1, m_queue ? m_queue->rowCount() : 0);
    for (qsizetype p = 0; p < m_rows.size(); ++p)
        m_pos[m_rows.at(p)] = int(p);
}

void OrderFilterModel::relayout(QList<int> rows, QAbstractItemModel::LayoutChangeHint hint)
{
    // One layout change for the lot: the selection and the current order (persistent indexes)
    // follow their rows, or are dropped with them.
    Q_EMIT layoutAboutToBeChanged({}, hint);
    const QList<int> old = std::exchange(m_rows, std::move(rows));
    rebuildPositions();
    updatePersistent(old);
    Q_EMIT layoutChanged({}, hint);
}

void OrderFilterModel::dropJob()
{
    m_job = Job{};
    m_timer.stop();
    m_itemsKeys.clear();
}

void OrderFilterModel::updatePersistent(const QList<int> &oldRows)
{
    const QModelIndexList from = persistentIndexList();
    if (from.isEmpty())
        return;
    QModelIndexList to;
    to.reserve(from.size());
    for (const QModelIndex &i : from) {
        const int src = i.row() >= 0 && i.row() < oldRows.size() ? oldRows.at(i.row()) : -1;
        const int p = src >= 0 && src < m_pos.size() ? m_pos.at(src) : -1;
        to.append(p < 0 ? QModelIndex() : index(p, i.column()));
    }
    changePersistentIndexList(from, to);
}

void OrderFilterModel::removeProxyRows(QList<int> proxyRows)
{
    // Highest first, in contiguous runs; positions kept right after each run, as views ask
    // for them when the rows are gone.
    std::sort(proxyRows.begin(), proxyRows.end(), std::greater<int>());
    qsizetype i = 0;
    while (i < proxyRows.size()) {
        qsizetype k = i;
        while (k + 1 < proxyRows.size() && proxyRows.at(k + 1) == proxyRows.at(k) - 1)
            ++k;
        const int first = proxyRows.at(k);
        const int last = proxyRows.at(i);
        beginRemoveRows({}, first, last);
        for (int p = first; p <= last; ++p)
            m_pos[m_rows.at(p)] = -1;
        m_rows.remove(first, last - first + 1);
        for (qsizetype p = first; p < m_rows.size(); ++p)
            m_pos[m_rows.at(p)] = int(p);
        endRemoveRows();
        i = k + 1;
    }
}

void OrderFilterModel::insertSourceRows(QList<int> sourceRows)
{
    sortRows(m_shown, sourceRows);
    if (m_rows.isEmpty()) {
        beginInsertRows({}, 0, int(sourceRows.size()) - 1);
        m_rows = std::move(sourceRows);
        rebuildPositions();
        endInsertRows();
        return;
    }
    if (sourceRows.size() > kManyArrivals) {
        relayout(merged(m_shown, m_rows, sourceRows));
        return;
    }
    // Last first, so the places found for the earlier ones still hold.
    for (qsizetype i = sourceRows.size() - 1; i >= 0; --i) {
        const int r = sourceRows.at(i);
        const qsizetype at = insertionPoint(m_shown, m_rows, r);
        beginInsertRows({}, int(at), int(at));
        m_rows.insert(at, r);
        for (qsizetype p = at; p < m_rows.size(); ++p)
            m_pos[m_rows.at(p)] = int(p);
        endInsertRows();
    }
}

void OrderFilterModel::reconcile(int first, int last)
{
    // Rows that changed: out of the view, into it, or to their new place in it.
    m_shown.now = m_queue->now();
    QList<int> leaving;
    QList<int> staying;
    QList<int> arriving;
    for (int r = first; r <= last; ++r) {
        const int p = m_pos.at(r);
        const bool accepted = accepts(m_shown, r);
        if (p >= 0 && !accepted)
            leaving.append(p);
        else if (p >= 0)
            staying.append(r);
        else if (accepted)
            arriving.append(r);
    }
    if (!leaving.isEmpty())
        removeProxyRows(std::move(leaving));
    const qsizetype n = m_rows.size();
    const bool misplaced = std::any_of(staying.cbegin(), staying.cend(), [&](int r) {
        const int p = m_pos.at(r);
        return (p > 0 && before(m_shown, r, m_rows.at(p - 1)))
               || (p + 1 < n && before(m_shown, m_rows.at(p + 1), r));
    });
    if (misplaced) {
        // Taken out and put back where they belong now, as one layout change.
        const QSet<int> moving(staying.cbegin(), staying.cend());
        QList<int> rest;
        rest.reserve(n);
        for (const int r : std::as_const(m_rows))
            if (!moving.contains(r))
                rest.append(r);
        sortRows(m_shown, staying);
        relayout(merged(m_shown, rest, staying), QAbstractItemModel::VerticalSortHint);
    }
    if (!arriving.isEmpty())
        insertSourceRows(std::move(arriving));
}

void OrderFilterModel::onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                                     const QList<int> &roles)
{
    if (!m_queue || !topLeft.isValid() || !bottomRight.isValid())
        return;
    const int first = topLeft.row();
    const int last = bottomRight.row();
    if (rolesMatter(roles)) {
        for (int r = first; r <= last && r < m_itemsKeys.size(); ++r)
            m_itemsKeys[r] = QString();
        bool restart = false;
        if (m_job.active) {
            if (last - first + 1 > kManyDirty) {
                restart = true;
            } else {
                for (int r = first; r <= last; ++r)
                    m_job.dirty.insert(r);
                if (m_job.phase != Job::Filter && !timeOnly(roles))
                    m_job.dirtyWhileSorting = true;
            }
        }
        if (!m_placeholder)
            reconcile(first, last);
        if (restart)
            refresh();
    }
    int lo = INT_MAX;
    int hi = -1;
    for (int r = first; r <= last && r < m_pos.size(); ++r) {
        const int p = m_pos.at(r);
        if (p >= 0) {
            lo = std::min(lo, p);
            hi = std::max(hi, p);
        }
    }
    if (hi >= 0)
        Q_EMIT dataChanged(index(lo, topLeft.column()), index(hi, bottomRight.column()), roles);
}

void OrderFilterModel::shiftJob(int first, int count)
{
    // Source rows from `first` on moved by `count` (rows were inserted there).
    const auto shift = [first, count](QList<int> &list) {
        for (int &r : list)
            if (r >= first)
                r += count;
    };
    shift(m_job.rows);
    shift(m_job.scratch);
    shift(m_job.candidates);
    QSet<int> dirty;
    for (const int r : std::as_const(m_job.dirty))
        dirty.insert(r >= first ? r + count : r);
    m_job.dirty = dirty;
}

void OrderFilterModel::onRowsInserted(const QModelIndex &parent, int first, int last)
{
    if (!m_queue || parent.isValid())
        return;
    const int count = last - first + 1;
    for (int &r : m_rows)
        if (r >= first)
            r += count;
    m_pos.insert(first, count, -1);
    if (first < m_itemsKeys.size())
        m_itemsKeys.insert(first, count, QString());
    else if (!m_itemsKeys.isEmpty())
        m_itemsKeys.resize(m_queue->rowCount());
    if (m_job.active) {
        // The job places the new rows when it lands; rows past its filter pass would be
        // missed otherwise.
        shiftJob(first, count);
        for (int r = first; r <= last; ++r)
            m_job.dirty.insert(r);
    }
    if (m_placeholder)
        return;
    m_shown.now = m_queue->now();
    QList<int> arriving;
    for (int r = first; r <= last; ++r)
        if (accepts(m_shown, r))
            arriving.append(r);
    if (!arriving.isEmpty())
        insertSourceRows(std::move(arriving));
}

void OrderFilterModel::onRowsAboutToBeRemoved(const QModelIndex &parent, int first, int last)
{
    if (!m_queue || parent.isValid())
        return;
    QList<int> gone;
    for (int r = first; r <= last && r < m_pos.size(); ++r)
        if (m_pos.at(r) >= 0)
            gone.append(m_pos.at(r));
    if (!gone.isEmpty())
        removeProxyRows(std::move(gone));
}

void OrderFilterModel::onRowsRemoved(const QModelIndex &parent, int first, int last)
{
    if (!m_queue || parent.isValid())
        return;
    const int count = last - first + 1;
    m_pos.remove(first, std::min<qsizetype>(count, m_pos.size() - first));
    for (int &r : m_rows)
        if (r > last)
            r -= count;
    if (first < m_itemsKeys.size())
        m_itemsKeys.remove(first, std::min<qsizetype>(count, m_itemsKeys.size() - first));
    if (m_job.active) {
        // Rarely (the model trims old history in batches): the job starts again.
        if (m_placeholder) {
            m_job = Job{};
            m_job.active = true;
            m_want.now = m_queue->now();
            run();
        } else {
            refresh();
        }
    }
}

void OrderFilterModel::onAboutToBeReset()
{
    beginResetModel();
    dropJob();
}

void OrderFilterModel::onReset()
{
    m_rows.clear();
    m_placeholder = false;
    if (m_queue && m_queue->rowCount() > m_sliceRows) {
        // A long history: the view is empty for the few passes its rows take.
        rebuildPositions();
        m_placeholder = true;
        endResetModel();
        m_job.active = true;
        m_want.now = m_queue->now();
        run();
        return;
    }
    m_shown = m_want;
    if (m_queue) {
        m_shown.now = m_queue->now();
        m_rows = acceptedRows(m_shown);
    }
    rebuildPositions();
    endResetModel();
    Q_EMIT refreshed();
}

// --- The model ---------------------------------------------------------------------------------

QModelIndex OrderFilterModel::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || column < 0 || row >= m_rows.size()
        || column >= columnCount())
        return {};
    return createIndex(row, column);
}

QModelIndex OrderFilterModel::parent(const QModelIndex &) const
{
    return {};
}

QModelIndex OrderFilterModel::sibling(int row, int column, const QModelIndex &) const
{
    return index(row, column);
}

int OrderFilterModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int OrderFilterModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_queue ? 0 : m_queue->columnCount();
}

bool OrderFilterModel::hasChildren(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_rows.isEmpty() && columnCount() > 0;
}

QVariant OrderFilterModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal)
        return m_queue ? m_queue->headerData(section, orientation, role) : QVariant();
    return role == Qt::DisplayRole ? QVariant(section + 1) : QVariant();
}

QModelIndex OrderFilterModel::mapToSource(const QModelIndex &proxyIndex) const
{
    if (!m_queue || !proxyIndex.isValid() || proxyIndex.model() != this
        || proxyIndex.row() >= m_rows.size())
        return {};
    return m_queue->index(m_rows.at(proxyIndex.row()), proxyIndex.column());
}

QModelIndex OrderFilterModel::mapFromSource(const QModelIndex &sourceIndex) const
{
    if (!m_queue || !sourceIndex.isValid() || sourceIndex.model() != m_queue
        || sourceIndex.row() >= m_pos.size())
        return {};
    const int p = m_pos.at(sourceIndex.row());
    return p < 0 ? QModelIndex() : index(p, sourceIndex.column());
}

} // namespace TableTap
