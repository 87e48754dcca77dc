// Throttle of inventory:stock_updated: at most one event per inventory item per interval.
// The first change after a quiet period is emitted at once and opens a window; changes inside
// the window are merged (first previous_stock, last new_stock, summed change_amount, the last
// change's type, author and reference) and emitted when the window closes, which opens the next.
// Plain value state, so the cafe can snapshot it and restore it when a command rolls back.
#pragma once

#include <QHash>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace TableTap {

class StockThrottle final
{
public:
    // One stock change, in the shape of the event's data.
    struct Change
    {
        QString itemId;
        QJsonObject data; // the full inventory:stock_updated data of this single change
    };

    // Returns the data to emit now, or nothing when the change was merged into the item's open
    // window. When a window opens, *openedWindowEndsAt is set to its end (the caller schedules
    // flush() then); otherwise it is left untouched.
    std::optional<QJsonObject> offer(const Change &change, qint64 nowMs, qint64 intervalMs,
                                     qint64 *openedWindowEndsAt);
    // At a window's end: the merged data to emit (the window then restarts and
    // *nextWindowEndsAt is set), or nothing (the window closes).
    std::optional<QJsonObject> flush(const QString &itemId, qint64 nowMs, qint64 intervalMs,
                                     qint64 *nextWindowEndsAt);
    bool hasWindow(const QString &itemId) const { return m_windows.contains(itemId); }
    qint64 windowEnd(const QString &itemId) const { return m_windows.value(itemId).endsAt; }

private:
    struct Window
    {
        qint64 endsAt = 0;
        std::optional<QJsonObject> pending;
    };
    QHash<QString, Window> m_windows;
};

} // namespace TableTap
