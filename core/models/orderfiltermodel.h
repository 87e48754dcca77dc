// The queue as a view wants it: open or recent orders, one counter or all, a search text,
// oldest open orders first or sorted by a column.
//
// A proxy of its own over OrderQueueModel rather than a QSortFilterProxyModel, so that a day's
// long history stays responsive: a filter or sort change over many orders is worked out a few
// milliseconds per event-loop pass while the view keeps showing the previous result, which is
// then swapped in as one layout change; a search that narrows the one shown filters the rows
// already shown, in their order, without sorting again; a live change moves only the rows it
// touches.
#pragma once

#include <QAbstractProxyModel>
#include <QBasicTimer>
#include <QDateTime>
#include <QElapsedTimer>
#include <QList>
#include <QSet>

namespace TableTap {

class OrderQueueModel;

class OrderFilterModel final : public QAbstractProxyModel
{
    Q_OBJECT
public:
    enum class Scope { Open, Closed, All };
    Q_ENUM(Scope)

    explicit OrderFilterModel(QObject *parent = nullptr);

    // The source is the queue's OrderQueueModel; any other model shows no rows.
    void setSourceModel(QAbstractItemModel *source) override;

    void setScope(Scope scope);
    Scope scope() const { return m_want.scope; }
    // Empty shows every counter.
    void setCounter(const QString &counter);
    QString counter() const { return m_want.counter; }
    void setSearchText(const QString &text);
    QString searchText() const { return m_want.search; }
    // Column -1 keeps the source's order. The default is the age, oldest first.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    int sortColumn() const { return m_want.column; }
    Qt::SortOrder sortOrder() const { return m_want.order; }

    // A filter or sort change over more source rows than `rowThreshold` is worked out in slices
    // of about `sliceMs` per event-loop pass (0: the least work a pass can do, for tests);
    // smaller ones are applied at once.
    void setSlicing(int rowThreshold, int sliceMs);
    // Whether a filter or sort change is still being worked out (the rows shown are the
    // previous result, kept up to date with live changes).
    bool isRefreshing() const { return m_job.active; }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    QModelIndex sibling(int row, int column, const QModelIndex &idx) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    QModelIndex mapToSource(const QModelIndex &proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex &sourceIndex) const override;

Q_SIGNALS:
    // A filter or sort change has been applied (at once, or with its last slice).
    void refreshed();

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    struct Settings
    {
        Scope scope = Scope::Open;
        QString counter;
        QString search;
        int column = -1;
        Qt::SortOrder order = Qt::AscendingOrder;
        QDateTime now; // the clock its age comparisons use, set once per pass
    };
    // A filter or sort change being worked out.
    struct Job
    {
        bool active = false;
        enum Phase { Filter, Keys, Runs, Merge } phase = Filter;
        QList<int> candidates; // narrowing: the rows shown, in their order; else all rows
        bool narrowing = false;
        qsizetype next = 0;
        QList<int> rows; // accepted source rows
        QList<int> scratch;
        qsizetype width = 0;
        qsizetype lo = 0, i = 0, j = 0, k = 0;
        bool inMerge = false;
        QSet<int> dirty; // source rows changed while it ran
        bool dirtyWhileSorting = false;
        int restarts = 0;
    };

    void connectSource();
    void refresh();
    void run();
    void runSlice(qint64 budgetMs);
    bool filterStep(const QElapsedTimer &clock, qint64 budgetMs);
    bool keysStep(const QElapsedTimer &clock, qint64 budgetMs);
    bool runsStep(const QElapsedTimer &clock, qint64 budgetMs);
    bool mergeStep(const QElapsedTimer &clock, qint64 budgetMs);
    void finishJob();
    void startSort();
    void commit(QList<int> rows);
    void shiftJob(int first, int count);

    bool accepts(const Settings &s, int sourceRow) const;
    int compareRows(const Settings &s, int a, int b) const;
    // Whether source row a is shown before source row b.
    bool before(const Settings &s, int a, int b) const;
    QString itemsKey(int sourceRow) const;
    void sortRows(const Settings &s, QList<int> &rows) const;
    // Every source row `s` accepts, in its order.
    QList<int> acceptedRows(const Settings &s) const;
    // Where source row r belongs in `rows` (sorted).
    qsizetype insertionPoint(const Settings &s, const QList<int> &rows, int r) const;
    // `rows` (sorted) with `more` (sorted) merged in.
    QList<int> merged(const Settings &s, const QList<int> &rows, const QList<int> &more) const;

    void reconcile(int first, int last);
    void removeProxyRows(QList<int> proxyRows);
    void insertSourceRows(QList<int> sourceRows);
    void rebuildPositions();
    // m_rows replaced by `rows` as one layout change.
    void relayout(QList<int> rows, QAbstractItemModel::LayoutChangeHint hint
                                   = QAbstractItemModel::NoLayoutChangeHint);
    // Forgets a filter or sort change being worked out.
    void dropJob();
    void updatePersistent(const QList<int> &oldRows);

    void onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                       const QList<int> &roles);
    void onRowsInserted(const QModelIndex &parent, int first, int last);
    void onRowsAboutToBeRemoved(const QModelIndex &parent, int first, int last);
    void onRowsRemoved(const QModelIndex &parent, int first, int last);
    void onAboutToBeReset();
    void onReset();

    const OrderQueueModel *m_queue = nullptr;
    QList<QMetaObject::Connection> m_connections;
    QList<int> m_rows; // proxy row -> source row
    QList<int> m_pos;  // source row -> proxy row, -1 when not shown
    Settings m_want;   // what the user asked for
    Settings m_shown;  // what m_rows shows
    // m_rows is empty until a job started by a source reset lands, whatever m_shown says.
    bool m_placeholder = false;
    QList<QString> m_itemsKeys; // per source row while a job sorts by the items column
    Job m_job;
    QBasicTimer m_timer;
    int m_sliceRows = 5000;
    int m_sliceMs = 4;
};

} // namespace TableTap
