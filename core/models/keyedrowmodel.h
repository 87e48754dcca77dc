// Rows of one value type, each with a string key, changed through a pending queue that
// BatchedTableModel applies once per frame. Reads (find) see pending changes at once, so
// read-modify-write from successive events is correct before the batch lands.
#pragma once

#include "batchedtablemodel.h"

#include <QHash>
#include <QList>

#include <algorithm>
#include <climits>
#include <optional>

namespace TableTap {

template<typename Row>
class KeyedRowModel : public BatchedTableModel
{
public:
    using BatchedTableModel::BatchedTableModel;

    int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : int(m_rows.size());
    }

    // The newest state of a row, pending changes included; nullptr when there is none.
    const Row *find(const QString &key) const
    {
        const auto p = m_pending.constFind(key);
        if (p != m_pending.constEnd())
            return p->has_value() ? &**p : nullptr;
        const auto it = m_index.constFind(key);
        return it == m_index.constEnd() ? nullptr : &m_rows.at(*it);
    }
    // The row index of a key as views see it now (-1 if not shown yet).
    int rowOf(const QString &key) const { return m_index.value(key, -1); }
    const Row &rowAt(int row) const { return m_rows.at(row); }
    const QList<Row> &rows() const { return m_rows; }

    void upsert(const QString &key, Row row)
    {
        if (!m_pending.contains(key) && !m_index.contains(key))
            m_newKeys.append(key);
        m_pending.insert(key, std::move(row));
        scheduleFlush();
    }
    void remove(const QString &key)
    {
        if (!m_pending.contains(key) && !m_index.contains(key))
            return;
        m_pending.insert(key, std::nullopt);
        scheduleFlush();
    }
    // Replaces everything (a snapshot), dropping pending changes.
    void resetRows(const QList<std::pair<QString, Row>> &rows)
    {
        beginResetModel();
        m_pending.clear();
        m_newKeys.clear();
        m_rows.clear();
        m_index.clear();
        m_rows.reserve(rows.size());
        for (const auto &[key, row] : rows) {
            if (m_index.contains(key)) {
                m_rows[m_index.value(key)] = row;
                continue;
            }
            m_index.insert(key, int(m_rows.size()));
            m_rows.append(row);
            m_keys.append(key);
        }
        endResetModel();
        Q_EMIT flushed();
    }
    QString keyAt(int row) const { return m_keys.at(row); }

protected:
    // Columns that change by themselves (ages) are refreshed by the subclass.
    void applyPending() override
    {
        if (m_pending.isEmpty())
            return;
        // 1. Removals, highest rows first, in contiguous runs.
        QList<int> gone;
        for (auto it = m_pending.constBegin(); it != m_pending.constEnd(); ++it) {
            if (!it->has_value()) {
                const int r = m_index.value(it.key(), -1);
                if (r >= 0)
                    gone.append(r);
            }
        }
        if (!gone.isEmpty()) {
            std::sort(gone.begin(), gone.end(), std::greater<int>());
            qsizetype i = 0;
            while (i < gone.size()) {
                qsizetype j = i;
                while (j + 1 < gone.size() && gone[j + 1] == gone[j] - 1)
                    ++j;
                const int first = gone[j];
                const int last = gone[i];
                beginRemoveRows({}, first, last);
                m_rows.remove(first, last - first + 1);
                m_keys.remove(first, last - first + 1);
                endRemoveRows();
                i = j + 1;
            }
            m_index.clear();
            for (int r = 0; r < m_keys.size(); ++r)
                m_index.insert(m_keys.at(r), r);
        }
        // 2. Updates in place, announced as one range.
        int lo = INT_MAX;
        int hi = -1;
        for (auto it = m_pending.begin(); it != m_pending.end(); ++it) {
            if (!it->has_value())
                continue;
            const int r = m_index.value(it.key(), -1);
            if (r < 0)
                continue;
            m_rows[r] = std::move(**it);
            lo = std::min(lo, r);
            hi = std::max(hi, r);
        }
        if (hi >= 0)
            Q_EMIT dataChanged(index(lo, 0), index(hi, columnCount() - 1));
        // 3. New rows appended in arrival order, in one insert.
        QList<QString> added;
        for (const QString &key : std::as_const(m_newKeys)) {
            const auto p = m_pending.constFind(key);
            if (p != m_pending.constEnd() && p->has_value() && !m_index.contains(key))
                added.append(key);
        }
        if (!added.isEmpty()) {
            const int first = int(m_rows.size());
            beginInsertRows({}, first, first + int(added.size()) - 1);
            for (const QString &key : std::as_const(added)) {
                m_index.insert(key, int(m_rows.size()));
                m_rows.append(std::move(*m_pending[key]));
                m_keys.append(key);
            }
            endInsertRows();
        }
        m_pending.clear();
        m_newKeys.clear();
    }

private:
    QList<Row> m_rows;
    QList<QString> m_keys;
    QHash<QString, int> m_index;
    QHash<QString, std::optional<Row>> m_pending;
    QList<QString> m_newKeys;
};

} // namespace TableTap
