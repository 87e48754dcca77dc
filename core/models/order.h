// Orders as the console holds them: the contract's order object, plus what later events add.
#pragma once

#include "money.h"

#include <QDateTime>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace TableTap {

enum class OrderStatus { Pending, Preparing, Ready, Completed, Cancelled, Unknown };

QString orderStatusName(OrderStatus status);
OrderStatus orderStatusFromName(QStringView name);
// The status one click moves an order to (pending → preparing → ready → completed).
std::optional<OrderStatus> nextOrderStatus(OrderStatus status);
bool isOpenStatus(OrderStatus status);

struct PersonRef
{
    QString id;
    QString name;
    QString role;
};

struct OrderItem
{
    QString id;
    QString productId;
    QString productName;
    int quantity = 0;
    Cents unitPrice = 0;
    Cents totalPrice = 0;
    QStringList customizations;
    // Ticked as made at the counter (the hub's item check-off; false where a server has none).
    bool made = false;
};

struct StatusChange
{
    OrderStatus status = OrderStatus::Unknown;
    QDateTime at;
    QString userId;
    QString notes;
};

struct Order
{
    QString id;
    QString number;
    QString cafeId;
    QString customerName;
    QString customerPhone;
    OrderStatus status = OrderStatus::Unknown;
    QString counter;
    QList<OrderItem> items;
    Cents subtotal = 0;
    Cents tax = 0;
    Cents tip = 0;
    Cents total = 0;
    QDateTime estimatedReadyAt;
    QDateTime createdAt;
    QDateTime readyAt;
    QDateTime closedAt; // completed or cancelled
    PersonRef createdBy;
    bool isProxy = false;
    PersonRef orderedFor;
    QList<StatusChange> history;
    QString cancelReason;
    QString paymentStatus; // "", processing, completed, failed, refunded

    // Sets each item's made flag from the ids the hub says are made; false if nothing changed.
    bool setItemsMade(const QStringList &madeIds)
    {
        // A set: the list comes from the network and may be long.
        const QSet<QString> ids(madeIds.cbegin(), madeIds.cend());
        bool changed = false;
        for (OrderItem &i : items) {
            const bool made = ids.contains(i.id);
            changed = changed || i.made != made;
            i.made = made;
        }
        return changed;
    }

    int itemCount() const
    {
        int n = 0;
        for (const OrderItem &i : items)
            n += i.quantity;
        return n;
    }
};

} // namespace TableTap
