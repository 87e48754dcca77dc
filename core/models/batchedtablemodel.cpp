// Batching base for the console's table models.
#include "batchedtablemodel.h"

#include <QTimerEvent>

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
    if (!m_timer.isActive())
        m_timer.start(m_interval, Qt::CoarseTimer, this);
}

void BatchedTableModel::flush()
{
    m_timer.stop();
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
