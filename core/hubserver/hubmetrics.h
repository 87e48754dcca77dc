// The hub's per-command counters for /metrics: answered commands by command and result, and
// refusals by error type. Label values come from fixed sets (the hub's command names, the error
// types), so a client sending made-up command names cannot grow the metrics without bound.
#pragma once

#include <QHash>
#include <QList>
#include <QString>

namespace TableTap {

struct CommandResult;

class HubMetrics final
{
public:
    struct CommandCount
    {
        QString command; // a known command name, or "unknown"
        QString result;  // "ok" or the error type in lower case ("conflict", "rate_limited", ...)
        quint64 count = 0;
    };

    void countCommand(const QString &command, const CommandResult &result);
    void reset();

    // Sorted by command, then result.
    QList<CommandCount> commands() const;
    // Error type (lower case) -> refusals; every known type is present, zero or not.
    QHash<QString, quint64> errorsByType() const;
    quint64 commandTotal() const { return m_total; }

    static QStringList errorTypes();

private:
    QHash<QString, quint64> m_counts; // "command\nresult" -> count
    QHash<QString, quint64> m_errors;
    quint64 m_total = 0;
};

} // namespace TableTap
