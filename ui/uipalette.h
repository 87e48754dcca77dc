// The console's colours: model roles (age level, stock state, alert rank, liveness, outbox
// state) mapped to colours in one place, so core/models stays free of GUI types.
#pragma once

#include "consolesession.h"

#include <QColor>

namespace TableTap {

class UiPalette
{
public:
    // Queue rows: 0 fresh, 1 warning, 2 late (OrderQueueModel::AgeLevelRole).
    static QColor ageBackground(int level);
    static QColor ageAccent(int level);
    // Inventory rows: 0 ok, 1 low, 2 out (InventoryModel::StateRole).
    static QColor stockBackground(int state);
    // Alerts: StockAlertModel::RankRole (0 low … 3 critical, 4 out of stock).
    static QColor alertBackground(int rank);
    static QColor livenessColour(ConsoleSession::Liveness liveness);
    // OutboxEntry::State as int.
    static QColor outboxBackground(int state);
    static QColor paymentBackground(const QString &status);
    static QColor warningText();
    static QColor pendingText();
    static QColor mutedText();
    // Black or white, whichever reads better on the background.
    static QColor textOn(const QColor &background);
};

} // namespace TableTap
