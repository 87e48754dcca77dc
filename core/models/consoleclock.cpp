// The console's clock.
#include "consoleclock.h"

namespace TableTap {

ConsoleClock::ConsoleClock(QObject *parent)
    : QObject(parent)
{}

qint64 ConsoleClock::nowMs() const
{
    return m_source ? m_source() : QDateTime::currentMSecsSinceEpoch();
}

QDateTime ConsoleClock::now() const
{
    return QDateTime::fromMSecsSinceEpoch(nowMs(), Qt::UTC);
}

void ConsoleClock::setSource(std::function<qint64()> source, double rate)
{
    m_source = std::move(source);
    m_rate = m_source ? rate : 1.0;
    Q_EMIT sourceChanged();
}

} // namespace TableTap
