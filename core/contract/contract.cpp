// The wire contract's names. name() returns static data (QStringLiteral: no allocation); the
// lookups compare against the same names, so each string is spelled exactly once.
#include "contract.h"

namespace TableTap::Contract {

namespace {

template<typename Enum, std::size_t N>
std::optional<Enum> lookup(const std::array<Enum, N> &values, QStringView text)
{
    for (const Enum value : values) {
        if (name(value) == text)
            return value;
    }
    return std::nullopt;
}

constexpr std::array<Event, static_cast<int>(Event::Error) + 1> kEventsAndError = [] {
    std::array<Event, static_cast<int>(Event::Error) + 1> all{};
    for (std::size_t i = 0; i < kEvents.size(); ++i)
        all[i] = kEvents[i];
    all.back() = Event::Error;
    return all;
}();

} // namespace

QString path(Namespace ns)
{
    switch (ns) {
    case Namespace::Orders:
        return QStringLiteral("/orders");
    case Namespace::Payments:
        return QStringLiteral("/payments");
    case Namespace::Inventory:
        return QStringLiteral("/inventory");
    case Namespace::Employees:
        return QStringLiteral("/employees");
    case Namespace::System:
        return QStringLiteral("/system");
    }
    return {};
}

std::optional<Namespace> namespaceFromPath(QStringView text)
{
    for (const Namespace ns : kNamespaces) {
        if (path(ns) == text)
            return ns;
    }
    return std::nullopt;
}

QString name(Event event)
{
    switch (event) {
    case Event::OrderCreated:
        return QStringLiteral("order:created");
    case Event::OrderStatusChanged:
        return QStringLiteral("order:status_changed");
    case Event::OrderReady:
        return QStringLiteral("order:ready");
    case Event::OrderCancelled:
        return QStringLiteral("order:cancelled");
    case Event::OrderAssignedCounter:
        return QStringLiteral("order:assigned_counter");
    case Event::OrderItemChecked:
        return QStringLiteral("order:item_checked");
    case Event::MenuUpdated:
        return QStringLiteral("menu:updated");
    case Event::MenuAvailabilityChanged:
        return QStringLiteral("menu:availability_changed");
    case Event::PaymentProcessing:
        return QStringLiteral("payment:processing");
    case Event::PaymentCompleted:
        return QStringLiteral("payment:completed");
    case Event::PaymentFailed:
        return QStringLiteral("payment:failed");
    case Event::QrGenerated:
        return QStringLiteral("qr:generated");
    case Event::StockUpdated:
        return QStringLiteral("inventory:stock_updated");
    case Event::LowStock:
        return QStringLiteral("inventory:low_stock");
    case Event::OutOfStock:
        return QStringLiteral("inventory:out_of_stock");
    case Event::StockLevelsChanged:
        return QStringLiteral("inventory:levels_changed");
    case Event::ClockedIn:
        return QStringLiteral("employee:clocked_in");
    case Event::ClockedOut:
        return QStringLiteral("employee:clocked_out");
    case Event::DrinkConsumed:
        return QStringLiteral("employee:drink_consumed");
    case Event::TimesheetCorrected:
        return QStringLiteral("timesheet:corrected");
    case Event::CounterStatusChanged:
        return QStringLiteral("counter:status_changed");
    case Event::SettingsUpdated:
        return QStringLiteral("cafe:settings_updated");
    case Event::StaffUpdated:
        return QStringLiteral("staff:updated");
    case Event::AlertAcknowledged:
        return QStringLiteral("inventory:alert_acknowledged");
    case Event::Error:
        return QStringLiteral("error");
    }
    return {};
}

std::optional<Event> eventFromName(QStringView text)
{
    return lookup(kEventsAndError, text);
}

std::optional<Namespace> eventNamespace(Event event)
{
    switch (event) {
    case Event::OrderCreated:
    case Event::OrderStatusChanged:
    case Event::OrderReady:
    case Event::OrderCancelled:
    case Event::OrderAssignedCounter:
    case Event::OrderItemChecked:
    case Event::MenuUpdated:
    case Event::MenuAvailabilityChanged:
        return Namespace::Orders;
    case Event::PaymentProcessing:
    case Event::PaymentCompleted:
    case Event::PaymentFailed:
    case Event::QrGenerated:
        return Namespace::Payments;
    case Event::StockUpdated:
    case Event::LowStock:
    case Event::OutOfStock:
    case Event::AlertAcknowledged:
    case Event::StockLevelsChanged:
        return Namespace::Inventory;
    case Event::ClockedIn:
    case Event::ClockedOut:
    case Event::DrinkConsumed:
    case Event::StaffUpdated:
    case Event::TimesheetCorrected:
        return Namespace::Employees;
    case Event::CounterStatusChanged:
    case Event::SettingsUpdated:
        return Namespace::System;
    case Event::Error:
        return std::nullopt;
    }
    return std::nullopt;
}

bool inBaseContract(Event event)
{
    return event != Event::StaffUpdated && event != Event::OrderItemChecked
           && event != Event::AlertAcknowledged && event != Event::MenuUpdated
           && event != Event::MenuAvailabilityChanged && event != Event::StockLevelsChanged
           && event != Event::TimesheetCorrected;
}

QString name(Command command)
{
    switch (command) {
    case Command::CreateOrder:
        return QStringLiteral("create_order");
    case Command::UpdateOrderStatus:
        return QStringLiteral("update_order_status");
    case Command::CancelOrder:
        return QStringLiteral("cancel_order");
    case Command::AssignCounter:
        return QStringLiteral("assign_counter");
    case Command::JoinCounter:
        return QStringLiteral("join_counter");
    case Command::LeaveCounter:
        return QStringLiteral("leave_counter");
    case Command::CheckOrderItem:
        return QStringLiteral("check_order_item");
    case Command::ListOrders:
        return QStringLiteral("list_orders");
    case Command::ListMenu:
        return QStringLiteral("list_menu");
    case Command::SaveProduct:
        return QStringLiteral("save_product");
    case Command::RetireProduct:
        return QStringLiteral("retire_product");
    case Command::RestoreProduct:
        return QStringLiteral("restore_product");
    case Command::SetAvailability:
        return QStringLiteral("set_availability");
    case Command::ImportMenu:
        return QStringLiteral("import_menu");
    case Command::StartPayment:
        return QStringLiteral("start_payment");
    case Command::ConfirmPayment:
        return QStringLiteral("confirm_payment");
    case Command::ListPayments:
        return QStringLiteral("list_payments");
    case Command::AdjustStock:
        return QStringLiteral("adjust_stock");
    case Command::ListInventory:
        return QStringLiteral("list_inventory");
    case Command::AcknowledgeAlert:
        return QStringLiteral("acknowledge_alert");
    case Command::SetStockLevels:
        return QStringLiteral("set_stock_levels");
    case Command::ClockIn:
        return QStringLiteral("clock_in");
    case Command::ClockOut:
        return QStringLiteral("clock_out");
    case Command::RecordDrink:
        return QStringLiteral("record_drink");
    case Command::ListTimesheets:
        return QStringLiteral("list_timesheets");
    case Command::CorrectTimesheet:
        return QStringLiteral("correct_timesheet");
    case Command::ListStaff:
        return QStringLiteral("list_staff");
    case Command::DisableStaff:
        return QStringLiteral("disable_staff");
    case Command::EnableStaff:
        return QStringLiteral("enable_staff");
    case Command::SetStaffRole:
        return QStringLiteral("set_staff_role");
    case Command::SetStaffPin:
        return QStringLiteral("set_staff_pin");
    case Command::RevokeStaffSessions:
        return QStringLiteral("revoke_staff_sessions");
    case Command::AddStaff:
        return QStringLiteral("add_staff");
    case Command::UpdateStaff:
        return QStringLiteral("update_staff");
    case Command::MintDeviceToken:
        return QStringLiteral("mint_device_token");
    case Command::SetCounterStatus:
        return QStringLiteral("set_counter_status");
    case Command::UpdateSettings:
        return QStringLiteral("update_settings");
    case Command::GetSettings:
        return QStringLiteral("get_settings");
    case Command::ListCounters:
        return QStringLiteral("list_counters");
    case Command::GetReport:
        return QStringLiteral("get_report");
    case Command::ChainOverview:
        return QStringLiteral("chain_overview");
    case Command::OpenCafe:
        return QStringLiteral("open_cafe");
    }
    return {};
}

std::optional<Command> commandFromName(QStringView text)
{
    return lookup(kCommands, text);
}

Namespace commandNamespace(Command command)
{
    switch (command) {
    case Command::CreateOrder:
    case Command::UpdateOrderStatus:
    case Command::CancelOrder:
    case Command::AssignCounter:
    case Command::JoinCounter:
    case Command::LeaveCounter:
    case Command::CheckOrderItem:
    case Command::ListOrders:
    case Command::ListMenu:
    case Command::SaveProduct:
    case Command::RetireProduct:
    case Command::RestoreProduct:
    case Command::SetAvailability:
    case Command::ImportMenu:
        return Namespace::Orders;
    case Command::StartPayment:
    case Command::ConfirmPayment:
    case Command::ListPayments:
        return Namespace::Payments;
    case Command::AdjustStock:
    case Command::ListInventory:
    case Command::AcknowledgeAlert:
    case Command::SetStockLevels:
        return Namespace::Inventory;
    case Command::ClockIn:
    case Command::ClockOut:
    case Command::RecordDrink:
    case Command::ListTimesheets:
    case Command::CorrectTimesheet:
    case Command::ListStaff:
    case Command::DisableStaff:
    case Command::EnableStaff:
    case Command::SetStaffRole:
    case Command::SetStaffPin:
    case Command::RevokeStaffSessions:
    case Command::AddStaff:
    case Command::UpdateStaff:
    case Command::MintDeviceToken:
        return Namespace::Employees;
    case Command::SetCounterStatus:
    case Command::UpdateSettings:
    case Command::GetSettings:
    case Command::ListCounters:
    case Command::GetReport:
    case Command::ChainOverview:
    case Command::OpenCafe:
        return Namespace::System;
    }
    return Namespace::System;
}

bool isSnapshot(Command command)
{
    switch (command) {
    case Command::ListOrders:
    case Command::ListMenu:
    case Command::ListPayments:
    case Command::ListInventory:
    case Command::ListTimesheets:
    case Command::ListStaff:
    case Command::GetSettings:
    case Command::ListCounters:
        return true;
    default:
        return false;
    }
}

bool inBaseContract(Command command)
{
    return command == Command::UpdateOrderStatus || command == Command::JoinCounter
           || command == Command::LeaveCounter;
}

QString name(Role role)
{
    switch (role) {
    case Role::Employee:
        return QStringLiteral("employee");
    case Role::Manager:
        return QStringLiteral("manager");
    case Role::Admin:
        return QStringLiteral("admin");
    }
    return {};
}

std::optional<Role> roleFromName(QStringView text)
{
    return lookup(kRoles, text);
}

namespace Rooms {

QString cafe(const QString &cafeId)
{
    return QStringLiteral("cafe:") + cafeId;
}

QString orders(const QString &cafeId)
{
    return QStringLiteral("cafe:") + cafeId + QStringLiteral(":orders");
}

QString board(const QString &cafeId)
{
    return QStringLiteral("cafe:") + cafeId + QStringLiteral(":board");
}

QString counter(const QString &cafeId, const QString &counter)
{
    return QStringLiteral("cafe:") + cafeId + QStringLiteral(":counter:") + counter;
}

QString role(const QString &cafeId, Role role)
{
    return QStringLiteral("cafe:") + cafeId + QStringLiteral(":role:") + name(role);
}

QString user(const QString &userId)
{
    return QStringLiteral("user:") + userId;
}

} // namespace Rooms

QString name(ErrorType type)
{
    switch (type) {
    case ErrorType::PermissionDenied:
        return QStringLiteral("PERMISSION_DENIED");
    case ErrorType::InvalidData:
        return QStringLiteral("INVALID_DATA");
    case ErrorType::NotFound:
        return QStringLiteral("NOT_FOUND");
    case ErrorType::Conflict:
        return QStringLiteral("CONFLICT");
    case ErrorType::RateLimited:
        return QStringLiteral("RATE_LIMITED");
    case ErrorType::InvalidToken:
        return QStringLiteral("INVALID_TOKEN");
    case ErrorType::InvalidCredentials:
        return QStringLiteral("INVALID_CREDENTIALS");
    case ErrorType::MethodNotAllowed:
        return QStringLiteral("METHOD_NOT_ALLOWED");
    }
    return {};
}

std::optional<ErrorType> errorTypeFromName(QStringView text)
{
    return lookup(kErrorTypes, text);
}

QString name(TokenRefusal refusal)
{
    switch (refusal) {
    case TokenRefusal::Expired:
        return QStringLiteral("expired");
    case TokenRefusal::NotYetValid:
        return QStringLiteral("not_yet_valid");
    case TokenRefusal::BadSignature:
        return QStringLiteral("bad_signature");
    case TokenRefusal::UnsupportedAlgorithm:
        return QStringLiteral("unsupported_algorithm");
    case TokenRefusal::WrongTokenType:
        return QStringLiteral("wrong_token_type");
    case TokenRefusal::BadClaims:
        return QStringLiteral("bad_claims");
    case TokenRefusal::Revoked:
        return QStringLiteral("revoked");
    case TokenRefusal::StaffDisabled:
        return QStringLiteral("staff_disabled");
    case TokenRefusal::RoleChanged:
        return QStringLiteral("role_changed");
    case TokenRefusal::Malformed:
        return QStringLiteral("malformed");
    }
    return {};
}

std::optional<TokenRefusal> tokenRefusalFromName(QStringView text)
{
    return lookup(kTokenRefusals, text);
}

} // namespace TableTap::Contract
