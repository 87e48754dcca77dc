// HubMetrics: bounded command counters.
#include "hubmetrics.h"

#include "commandresult.h"
#include "contract.h"

#include <algorithm>

namespace TableTap {

namespace {

const QSet<QString> &knownCommands()
{
    static const QSet<QString> names = [] {
        QSet<QString> s;
        for (const Contract::Command c : Contract::kCommands)
            s.insert(Contract::name(c));
        return s;
    }();
    return names;
}

} // namespace

QStringList HubMetrics::errorTypes()
{
    return {QStringLiteral("permission_denied"), QStringLiteral("invalid_data"),
            QStringLiteral("not_found"),         QStringLiteral("conflict"),
            QStringLiteral("rate_limited"),      QStringLiteral("other")};
}

void HubMetrics::countCommand(const QString &command, const CommandResult &result)
{
    const QString name = knownCommands().contains(command) ? command : QStringLiteral("unknown");
    QString outcome = QStringLiteral("ok");
    if (!result.ok()) {
        outcome = result.errorType().toLower();
        if (!errorTypes().contains(outcome))
            outcome = QStringLiteral("other");
        ++m_errors[outcome];
    }
    ++m_counts[name + u'\n' + outcome];
    ++m_total;
}

void HubMetrics::reset()
{
    m_counts.clear();
    m_errors.clear();
    m_total = 0;
}

QList<HubMetrics::CommandCount> HubMetrics::commands() const
{
    QList<CommandCount> out;
    for (auto it = m_counts.constBegin(); it != m_counts.constEnd(); ++it) {
        const qsizetype nl = it.key().indexOf(u'\n');
        out.append({it.key().left(nl), it.key().mid(nl + 1), it.value()});
    }
    std::sort(out.begin(), out.end(), [](const CommandCount &a, const CommandCount &b) {
        return a.command != b.command ? a.command < b.command : a.result < b.result;
    });
    return out;
}

QHash<QString, quint64> HubMetrics::errorsByType() const
{
    QHash<QString, quint64> out;
    for (const QString &t : errorTypes())
        out.insert(t, m_errors.value(t));
    return out;
}

} // namespace TableTap
