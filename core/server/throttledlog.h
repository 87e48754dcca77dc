// A log line any client can cause at will (a refused handshake, a refused /healthz, a failed
// sign-in, a connection over a limit): the first few of a window are written as they come, the
// rest are only counted and summed up in one line when the window ends, so a flood costs a
// line per window instead of one per request.
#pragma once

#include <QBasicTimer>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QObject>

namespace TableTap {

class ThrottledLog final : public QObject
{
    Q_OBJECT
public:
    using Category = const QLoggingCategory &(*)();
    struct Limits
    {
        int linesPerWindow = 5;
        int windowMs = 10000;
    };

    // what: the plural the summary line counts ("refused handshakes").
    ThrottledLog(Category category, QString what, QObject *parent = nullptr);
    ThrottledLog(Category category, QString what, Limits limits, QObject *parent = nullptr);
    ~ThrottledLog() override;

    // Writes the line (info level), or counts it when this window's lines are used up.
    void info(const QString &line);
    // The same at warning level.
    void warning(const QString &line);
    // Lines counted instead of written, since construction.
    quint64 suppressedTotal() const { return m_suppressedTotal; }

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    void write(QtMsgType type, const QString &line);
    void summarize();

    Category m_category;
    QString m_what;
    Limits m_limits;
    QElapsedTimer m_window;
    int m_written = 0;
    quint64 m_suppressed = 0; // in the current window
    quint64 m_suppressedTotal = 0;
    QtMsgType m_suppressedType = QtInfoMsg;
    QString m_lastSuppressed;
    QBasicTimer m_summaryTimer;
};

} // namespace TableTap
