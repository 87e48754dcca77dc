// Wall-clock time with QTimer-driven callbacks: the clock of a real hub.
#pragma once

#include "hubclock.h"

namespace TableTap {

class SystemClock final : public HubClock
{
    Q_OBJECT
public:
    explicit SystemClock(QObject *parent = nullptr);

    qint64 nowMs() const override;
    void callAt(qint64 atMs, QObject *context, std::function<void()> fn) override;
};

} // namespace TableTap
