// Throttle of inventory:stock_updated.
#include "stockthrottle.h"

namespace TableTap {

std::optional<QJsonObject> StockThrottle::offer(const Change &change, qint64 nowMs,
                                                qint64 intervalMs, qint64 *openedWindowEndsAt)
{
    auto it = m_windows.find(change.itemId);
    if (intervalMs <= 0)
        return change.data;
    // A window is never longer than its interval: one that ends further away than that began
    // before the wall clock was set back, and is over.
    if (it == m_windows.end() || it->endsAt <= nowMs || it->endsAt - nowMs > intervalMs) {
        // A window whose flush has not run yet (the timer is late) still holds a merge: fold
        // it into this change so nothing is lost, then emit now.
        QJsonObject data = change.data;
        if (it != m_windows.end() && it->pending) {
            const QJsonObject &p = *it->pending;
            data.insert(QStringLiteral("previous_stock"), p.value(u"previous_stock"));
            data.insert(QStringLiteral("change_amount"),
                        p.value(u"change_amount").toInteger()
                            + change.data.value(u"change_amount").toInteger());
        }
        m_windows.insert(change.itemId, Window{nowMs + intervalMs, std::nullopt});
        *openedWindowEndsAt = nowMs + intervalMs;
        return data;
    }
    if (!it->pending) {
        it->pending = change.data;
        return std::nullopt;
    }
    QJsonObject merged = change.data;
    merged.insert(QStringLiteral("previous_stock"), it->pending->value(u"previous_stock"));
    merged.insert(QStringLiteral("change_amount"),
                  it->pending->value(u"change_amount").toInteger()
                      + change.data.value(u"change_amount").toInteger());
    it->pending = merged;
    return std::nullopt;
}

std::optional<QJsonObject> StockThrottle::flush(const QString &itemId, qint64 nowMs,
                                                qint64 intervalMs, qint64 *nextWindowEndsAt)
{
    auto it = m_windows.find(itemId);
    if (it == m_windows.end())
        return std::nullopt;
    if (it->endsAt > nowMs && it->endsAt - nowMs <= intervalMs) {
        // Called early (the wall clock went back a little): come back at the window's end.
        if (it->pending)
            *nextWindowEndsAt = it->endsAt;
        return std::nullopt;
    }
    if (!it->pending) {
        m_windows.erase(it);
        return std::nullopt;
    }
    const QJsonObject data = *it->pending;
    if (intervalMs <= 0) {
        m_windows.erase(it);
    } else {
        it->pending.reset();
        it->endsAt = nowMs + intervalMs;
        *nextWindowEndsAt = it->endsAt;
    }
    return data;
}

} // namespace TableTap
