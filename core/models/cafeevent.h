// The contract's 17 events and the hub's order:item_checked as typed values. EventMapper produces
// them from the wire JSON; models consume them. Nothing above core/models sees event JSON.
#pragma once

#include "cafesnapshot.h"
#include "order.h"
#include "timesheetrecord.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QVariant>

#include <variant>

namespace TableTap {

struct EventMeta
{
    QDateTime timestamp;
    QString cafeId;
    QString eventId;
};

struct OrderCreated
{
    Order order;
};

struct OrderStatusChanged
{
    QString orderId;
    QString orderNumber;
    OrderStatus previousStatus = OrderStatus::Unknown;
    OrderStatus newStatus = OrderStatus::Unknown;
    PersonRef updatedBy;
    QDateTime estimatedReadyAt;
    QString notes;
    QList<StatusChange> history;
};

struct OrderReady
{
    QString orderId;
    QString orderNumber;
    QString customerName;
    QString customerPhone;
    QString counter;
    QDateTime readyAt;
    int prepTimeMinutes = 0;
    bool notificationSent = false;
};

struct OrderCancelled
{
    QString orderId;
    QString orderNumber;
    PersonRef cancelledBy;
    QString reason;
    Cents refundAmount = 0;
    QString refundMethod;
    bool refundProcessed = false;
    QDateTime cancelledAt;
};

struct OrderAssignedCounter
{
    QString orderId;
    QString orderNumber;
    QString previousCounter;
    QString newCounter;
    PersonRef assignedBy;
    QString reason;
};

// The hub's own (item check-off, docs/events.md): one item ticked or unticked as made.
struct OrderItemChecked
{
    QString orderId;
    QString orderNumber;
    QString counter;
    QString itemId;
    bool made = false;
    QStringList itemsMade; // every item of the order made after this change
    PersonRef checkedBy;
    QDateTime checkedAt;
};

// The hub's own (menu editing, docs/events.md): products written as list_menu lists them, and
// the ids of products retired.
struct MenuUpdated
{
    QList<MenuProduct> products;
    QStringList removed;
};

// The hub's own: a product or one of its customizations taken off sale by hand ("86") or put
// back (by hand, or by the hub at its `until`: no `by` then).
struct MenuAvailabilityChanged
{
    QString productId;
    QString customizationId; // empty: the product itself
    QString name;
    QString productName;
    bool available = true;
    QString reason;
    QDateTime until; // invalid: until put back
    PersonRef by;    // empty: the hub put it back by itself
    QDateTime at;
};

struct PaymentProcessing
{
    QString orderId;
    QString transactionId;
    QString method;
    Cents amount = 0;
    QString provider;
    QString status;
};

struct PaymentCompleted
{
    QString orderId;
    QString transactionId;
    QString method;
    Cents amount = 0;
    Cents fee = 0;
    Cents net = 0;
    QString provider;
    QString providerTransactionId;
    QDateTime completedAt;
};

struct PaymentFailed
{
    QString orderId;
    QString transactionId;
    QString method;
    Cents amount = 0;
    QString provider;
    QString errorCode;
    QString errorMessage;
    bool retryAllowed = false;
};

struct QrGenerated
{
    QString orderId;
    QString qrCodeId;
    QString qrCodeData;
    Cents amount = 0;
    QDateTime expiresAt;
};

struct StockUpdated
{
    QString productId;
    QString productName;
    QString sku;
    double previousStock = 0;
    double newStock = 0;
    double changeAmount = 0;
    QString changeType;  // sale, purchase, adjustment, waste
    PersonRef updatedBy; // role carries the contract's "type" (automatic / manual)
    QString referenceType;
    QString referenceId;
    bool reorderNeeded = false;
};

struct LowStock
{
    QString productId;
    QString productName;
    QString sku;
    double currentStock = 0;
    double reorderLevel = 0;
    double maxStock = 0;
    double suggestedOrderQuantity = 0;
    QDateTime lastRestocked;
    QString priority; // low, medium, high, critical
};

struct AffectedProduct
{
    QString productId;
    QString productName;
    bool disabled = false;
};

struct OutOfStock
{
    QString productId;
    QString productName;
    QString sku;
    bool autoDisabled = false;
    QList<AffectedProduct> affects;
};

// The hub's own (inventory:alert_acknowledged): someone acknowledged a stock alert, so every
// console stops ringing for it.
struct AlertAcknowledged
{
    QString productId;
    QString productName;
    QString alertId;
    QString priority;
    PersonRef acknowledgedBy;
    QDateTime acknowledgedAt;
};

struct ClockedIn
{
    QString userId;
    QString employeeId;
    QString employeeName;
    QString timesheetId;
    QDateTime clockInTime;
    QDate shiftDate;
    QString notes;
};

struct ClockedOut
{
    QString userId;
    QString employeeId;
    QString employeeName;
    QString timesheetId;
    QDateTime clockOutTime;
    double totalHours = 0;
    Cents hourlyRate = 0;
    Cents totalPay = 0;
    int breakMinutes = 0;
};

struct DrinkConsumed
{
    QString userId;
    QString employeeName;
    QString productName;
    int quantity = 0;
    QString orderId;
    bool countedAgainstAllowance = false;
    int monthlyCount = 0;
    int monthlyLimit = 0;
    int remainingAllowance = 0;
};

struct CounterStatusChanged
{
    QString counterName;
    QString previousStatus;
    QString newStatus;
    PersonRef changedBy;
    QString reason;
    int activeOrdersCount = 0;
    QString ordersReassignedTo;
};

struct SettingChange
{
    QString key;
    QVariant previous;
    QVariant next;
};

struct SettingsUpdated
{
    PersonRef updatedBy;
    QList<SettingChange> changes;
};

// The hub's own (set_stock_levels): an item's new reorder level and maximum.
struct StockLevelsChanged
{
    QString productId;
    QString productName;
    QString sku;
    double currentStock = 0;
    double reorderLevel = 0;
    double maxStock = 0;
    bool lowStock = false;
    QString priority;
    PersonRef changedBy;
};

// The hub's own (correct_timesheet): the sheet after the correction, and the correction.
struct TimesheetCorrected
{
    TimesheetRow timesheet;
    TimesheetCorrection correction;
};

using CafeEventPayload
    = std::variant<OrderCreated, OrderStatusChanged, OrderReady, OrderCancelled,
                   OrderAssignedCounter, OrderItemChecked, MenuUpdated, MenuAvailabilityChanged,
                   PaymentProcessing, PaymentCompleted, PaymentFailed, QrGenerated, StockUpdated,
                   LowStock, OutOfStock, ClockedIn, ClockedOut, DrinkConsumed, CounterStatusChanged,
                   SettingsUpdated, AlertAcknowledged, StockLevelsChanged, TimesheetCorrected>;

struct CafeEvent
{
    QString name; // the wire name, Contract::name(Contract::Event)
    QString nsp;
    EventMeta meta;
    CafeEventPayload payload;
    // One line for the event log ("ORD20240101001 pending → preparing by Chef Mike").
    QString summary;
};

} // namespace TableTap
