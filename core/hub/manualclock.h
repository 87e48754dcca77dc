// A clock that only moves when told to: advance() runs every callback that falls due, in time
// order, so tests (and a fast simulator) get reproducible timing without sleeping.
#pragma once

#include "hubclock.h"

#include <QList>
#include <QPointer>

namespace TableTap {

class ManualClock final : public HubClock
{
    Q_OBJECT
public:
    explicit ManualClock(qint64 startMs, QObject *parent = nullptr);

    qint64 nowMs() const override { return m_now; }
    void callAt(qint64 atMs, QObject *context, std::function<void()> fn) override;

    // Moves time forward by ms, stopping at each due callback to run it with nowMs() equal to
    // its deadline. Callbacks scheduled while advancing run too if they fall in the window.
    void advance(qint64 ms);
    void setNow(qint64 ms);
    qsizetype pendingCallbacks() const { return m_pending.size(); }

private:
    struct Pending
    {
        qint64 at = 0;
        quint64 order = 0;
        QPointer<QObject> context;
        bool hadContext = false;
        std::function<void()> fn;
    };
    qint64 m_now = 0;
    quint64 m_nextOrder = 0;
    QList<Pending> m_pending;
};

} // namespace TableTap
