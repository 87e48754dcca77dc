// Order rules and commands: create (menu pricing, totals, order number, counter choice,
// estimate, stock by recipe), status transitions with history, cancellation with refund,
// counter assignment, counter rooms, and the list_orders snapshot (list_menu: MenuDesk).
#pragma once

#include <QJsonObject>
#include <QString>

namespace TableTap {

class CafeContext;
class PayloadReader;

class OrderDesk final
{
public:
    static QJsonObject createOrder(CafeContext &ctx, const PayloadReader &p);
    static QJsonObject updateOrderStatus(CafeContext &ctx, const PayloadReader &p);
    static QJsonObject cancelOrder(CafeContext &ctx, const PayloadReader &p);
    static QJsonObject assignCounter(CafeContext &ctx, const PayloadReader &p);
    static QJsonObject joinCounter(CafeContext &ctx, const PayloadReader &p);
    static QJsonObject leaveCounter(CafeContext &ctx, const PayloadReader &p);
    // Ticks or unticks one item as made; the last item made makes the order ready.
    static QJsonObject checkOrderItem(CafeContext &ctx, const PayloadReader &p);
    static QJsonObject listOrders(CafeContext &ctx, const PayloadReader &p);

    // The order exactly as order:created carries it.
    static QJsonObject orderEventJson(CafeContext &ctx, const QString &orderId);
    // The event form plus status history, payment state and timestamps (snapshots, acks).
    static QJsonObject orderSnapshotJson(CafeContext &ctx, const QString &orderId);
    // The active counter with the fewest pending + preparing orders (ties: counter order),
    // excluding `except`; empty when there is none.
    // The business date's figures over every order of it (list_orders' `day`, docs/commands.md).
    static QJsonObject dayFigures(CafeContext &ctx, const QString &date, qint64 bucketMinutes);
    static QString leastLoadedCounter(CafeContext &ctx, const QString &except = {});
    // Moves an open order to another counter and emits order:assigned_counter.
    static void moveOrder(CafeContext &ctx, const QString &orderId, const QString &orderNumber,
                          const QString &from, const QString &to, const QString &reason);
    // The order number of the day's sequence-th order: ORD, the business date without dashes,
    // the sequence in at least three digits (ORD20261126007).
    static QString orderNumber(const QString &businessDate, int sequence);
};

} // namespace TableTap
