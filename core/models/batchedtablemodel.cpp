// Batching base for the console's table models.
#include "batchedtablemodel.h"

#include <QTimerEvent>

#include <algorithm>

namespace TableTap {

BatchedTableModel::BatchedTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void BatchedTableModel::scheduleFlush()
{
    if (m_interval <= 0) {
        flush();
        return;
    }
    ++m_changes;
    if (!m_timer.isActive())
        m_timer.start(m_busy ? std::max(m_interval, BusyIntervalMs) : m_interval, Qt::CoarseTimer,
                      this);
}

void BatchedTableModel::flush()
{
    m_timer.stop();
    m_busy = m_changes >= BusyChanges;
    m_changes = 0;
    applyPending();
    Q_EMIT flushed();
}

void BatchedTableModel::timerEvent(QTimerEvent *event)
{
    if (event->timerId() == m_timer.timerId())
        flush();
    else
        QAbstractTableModel::timerEvent(event);
}

} // namespace TableTap
