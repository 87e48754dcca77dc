// The time the console shows and counts with: ages, "since" columns, chart axes, the event log,
// the outbox and the recall window all read it, so they agree with each other and with the hub.
// It is the system clock, unless the console runs a demo hub on simulated time: then app/
// points it at that hub's clock, and a demo started at 12:00 reads 12:00 everywhere. (Against a
// shop's hub the hub's event timestamps stay authoritative; this clock only says what "now" is.)
// Measuring the connection itself (heartbeats, timeouts) stays on real time.
#pragma once

#include <QDateTime>
#include <QObject>

#include <functional>

namespace TableTap {

class ConsoleClock final : public QObject
{
    Q_OBJECT
public:
    explicit ConsoleClock(QObject *parent = nullptr);

    // Now, in UTC (views convert to local time for display).
    QDateTime now() const;
    qint64 nowMs() const;

    // Follows source (ms since the epoch), running `rate` simulated seconds per real second;
    // an empty source goes back to the system clock.
    void setSource(std::function<qint64()> source, double rate = 1.0);
    bool isSimulated() const { return bool(m_source); }
    double rate() const { return m_rate; }

Q_SIGNALS:
    // The source changed: whatever shows a time or an age reads it again.
    void sourceChanged();

private:
    std::function<qint64()> m_source;
    double m_rate = 1.0;
};

} // namespace TableTap
