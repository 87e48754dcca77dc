// Order status names and transitions.
#include "order.h"

namespace TableTap {

QString orderStatusName(OrderStatus status)
{
    switch (status) {
    case OrderStatus::Pending:
        return QStringLiteral("pending");
    case OrderStatus::Preparing:
        return QStringLiteral("preparing");
    case OrderStatus::Ready:
        return QStringLiteral("ready");
    case OrderStatus::Completed:
        return QStringLiteral("completed");
    case OrderStatus::Cancelled:
        return QStringLiteral("cancelled");
    case OrderStatus::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

OrderStatus orderStatusFromName(QStringView name)
{
    if (name == u"pending")
        return OrderStatus::Pending;
    if (name == u"preparing")
        return OrderStatus::Preparing;
    if (name == u"ready")
        return OrderStatus::Ready;
    if (name == u"completed")
        return OrderStatus::Completed;
    if (name == u"cancelled")
        return OrderStatus::Cancelled;
    return OrderStatus::Unknown;
}

std::optional<OrderStatus> nextOrderStatus(OrderStatus status)
{
    switch (status) {
    case OrderStatus::Pending:
        return OrderStatus::Preparing;
    case OrderStatus::Preparing:
        return OrderStatus::Ready;
    case OrderStatus::Ready:
        return OrderStatus::Completed;
    default:
        return std::nullopt;
    }
}

bool isOpenStatus(OrderStatus status)
{
    return status == OrderStatus::Pending || status == OrderStatus::Preparing
           || status == OrderStatus::Ready;
}

} // namespace TableTap
