// Wall-clock time, a monotonic clock and QTimer-driven callbacks: the clock of a real hub.
#pragma once

#include "hubclock.h"

#include <QElapsedTimer>

namespace TableTap {

class SystemClock final : public HubClock
{
    Q_OBJECT
public:
    explicit SystemClock(QObject *parent = nullptr);

    qint64 nowMs() const override;
    qint64 monotonicMs() const override;
    void callAt(qint64 atMs, QObject *context, std::function<void()> fn) override;

private:
    QElapsedTimer m_monotonic;
};

} // namespace TableTap
