// ThrottledLog: a few lines per window, then one summary.
#include "throttledlog.h"

#include <QTimerEvent>

namespace TableTap {

ThrottledLog::ThrottledLog(Category category, QString what, QObject *parent)
    : ThrottledLog(category, std::move(what), Limits{}, parent)
{}

ThrottledLog::ThrottledLog(Category category, QString what, Limits limits, QObject *parent)
    : QObject(parent)
    , m_category(category)
    , m_what(std::move(what))
    , m_limits(limits)
{}

ThrottledLog::~ThrottledLog()
{
    // What a flood left uncounted in the log is still said once.
    summarize();
}

void ThrottledLog::info(const QString &line)
{
    write(QtInfoMsg, line);
}

void ThrottledLog::warning(const QString &line)
{
    write(QtWarningMsg, line);
}

void ThrottledLog::write(QtMsgType type, const QString &line)
{
    if (!m_window.isValid() || m_window.elapsed() >= m_limits.windowMs) {
        summarize();
        m_window.start();
        m_written = 0;
    }
    if (m_written < m_limits.linesPerWindow) {
        ++m_written;
        if (type == QtWarningMsg)
            qCWarning(m_category).noquote() << line;
        else
            qCInfo(m_category).noquote() << line;
        return;
    }
    ++m_suppressed;
    ++m_suppressedTotal;
    m_lastSuppressed = line;
    if (type == QtWarningMsg)
        m_suppressedType = QtWarningMsg;
    if (!m_summaryTimer.isActive())
        m_summaryTimer.start(int(qMax<qint64>(1, m_limits.windowMs - m_window.elapsed())),
                             Qt::CoarseTimer, this);
}

void ThrottledLog::summarize()
{
    m_summaryTimer.stop();
    if (m_suppressed == 0)
        return;
    const QString line = QStringLiteral("%1 more %2 in %3 s, not logged one by one (the last: %4)")
                             .arg(m_suppressed)
                             .arg(m_what)
                             .arg(m_limits.windowMs / 1000.0)
                             .arg(m_lastSuppressed);
    if (m_suppressedType == QtWarningMsg)
        qCWarning(m_category).noquote() << line;
    else
        qCInfo(m_category).noquote() << line;
    m_suppressed = 0;
    m_suppressedType = QtInfoMsg;
    m_lastSuppressed.clear();
}

void ThrottledLog::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_summaryTimer.timerId()) {
        QObject::timerEvent(event);
        return;
    }
    summarize();
}

} // namespace TableTap
