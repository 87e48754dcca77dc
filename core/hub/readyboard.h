// What the customer ready board may know about a cafe's orders, read from the cafe's store:
// the order number, the day's ticket number, the customer's first name, the status and two
// times. Never a phone number, a price, an item or a staff member: a board token's socket gets
// these rows and nothing else (docs/security.md).
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <optional>

class QSqlQuery;

namespace TableTap {

class StoreConnection;

class ReadyBoard final
{
public:
    // At most this many orders in a snapshot (oldest open orders first): a board shows a screen.
    static constexpr int kMaxOrders = 200;

    // The open orders (pending, preparing, ready), oldest first.
    static QJsonArray openOrders(StoreConnection &db);
    // One order's row whatever its status (completed and cancelled tell a board to drop it);
    // none when there is no such order.
    static std::optional<QJsonObject> order(StoreConnection &db, const QString &orderId);
    // "Anna" of "Anna Schmidt": the first word of the name as the customer gave it.
    static QString firstName(const QString &customerName);

private:
    static QJsonObject row(const QSqlQuery &q);
};

} // namespace TableTap
