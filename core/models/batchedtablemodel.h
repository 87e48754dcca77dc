// A table model that applies changes in batches: a burst of events becomes one insert, one
// dataChanged and a few removals per frame, so views repaint at most once per frame.
#pragma once

#include <QAbstractTableModel>
#include <QBasicTimer>

namespace TableTap {

class BatchedTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    explicit BatchedTableModel(QObject *parent = nullptr);

    // How long changes may wait before they are applied (ms); 0 applies each change at once.
    // Under a busy stream (big batches) the wait grows to BusyIntervalMs.
    void setBatchInterval(int ms) { m_interval = ms; }
    int batchInterval() const { return m_interval; }
    // Applies whatever is pending now.
    void flush();
    bool hasPending() const { return m_timer.isActive(); }

Q_SIGNALS:
    // Emitted after a batch was applied (derived views recompute on this).
    void flushed();

protected:
    void scheduleFlush();
    virtual void applyPending() = 0;
    void timerEvent(QTimerEvent *event) override;

private:
    // A batch this big means a busy stream: the next one gathers for BusyIntervalMs, so views
    // repaint a little less often (still 20 times a second) and the time goes to the events.
    static constexpr int BusyChanges = 64;
    static constexpr int BusyIntervalMs = 48;

    QBasicTimer m_timer;
    int m_interval = 16;
    int m_changes = 0;
    bool m_busy = false;
};

} // namespace TableTap
