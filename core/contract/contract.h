// The wire contract between the hub and its clients, spelled once: the namespaces, event and
// command names, rooms, error types, handshake refusals, envelope keys and HTTP paths of
// docs/events.md and docs/commands.md. Values here are what travels on the wire; the hub, the
// simulator and the console name them through this header instead of repeating the strings.
// Qt Core only, so every part of the tree may use it.
#pragma once

#include <QLatin1String>
#include <QString>
#include <QStringView>

#include <array>
#include <optional>

namespace TableTap::Contract {

namespace Detail {
// A QLatin1String with its length known at compile time (QLatin1String(const char *) is not
// constexpr in Qt 6.4).
template<qsizetype N>
constexpr QLatin1String latin1(const char (&text)[N])
{
    return QLatin1String(text, N - 1);
}
} // namespace Detail

// --- Namespaces -----------------------------------------------------------------------------

enum class Namespace : quint8 { Orders, Payments, Inventory, Employees, System };
// The hub's order (docs/events.md). The console orders its sockets its own way.
inline constexpr std::array<Namespace, 5> kNamespaces{Namespace::Orders, Namespace::Payments,
                                                      Namespace::Inventory, Namespace::Employees,
                                                      Namespace::System};
QString path(Namespace ns); // "/orders"
std::optional<Namespace> namespaceFromPath(QStringView path);

// --- Events ---------------------------------------------------------------------------------

enum class Event : quint8 {
    OrderCreated, // /orders
    OrderStatusChanged,
    OrderReady,
    OrderCancelled,
    OrderAssignedCounter,
    OrderItemChecked,        // /orders; the hub's own (item check-off), not in the base contract
    MenuUpdated,             // /orders; the hub's own (menu editing)
    MenuAvailabilityChanged, // /orders; the hub's own (taken off sale by hand, back on sale)
    PaymentProcessing,       // /payments
    PaymentCompleted,
    PaymentFailed,
    QrGenerated,
    StockUpdated, // /inventory
    LowStock,
    OutOfStock,
    StockLevelsChanged, // /inventory; the hub's own (set_stock_levels)
    ClockedIn,          // /employees
    ClockedOut,
    DrinkConsumed,
    TimesheetCorrected,   // /employees; the hub's own (correct_timesheet)
    CounterStatusChanged, // /system
    SettingsUpdated,
    StaffUpdated,      // /employees; the hub's own, not in the base contract
    AlertAcknowledged, // /inventory; the hub's own
    // "error": a refusal of a command sent without an ack, in any namespace. Stays last, so
    // tables of the cafe events can be indexed by Event; new events go before it.
    Error,
};
// Every event the hub emits into a cafe's rooms (all but Error), in docs/events.md's order.
// One per line, so that adding one is a one-line change.
// clang-format off
inline constexpr std::array<Event, static_cast<int>(Event::Error)> kEvents{
    Event::OrderCreated,
    Event::OrderStatusChanged,
    Event::OrderReady,
    Event::OrderCancelled,
    Event::OrderAssignedCounter,
    Event::OrderItemChecked,
    Event::MenuUpdated,
    Event::MenuAvailabilityChanged,
    Event::PaymentProcessing,
    Event::PaymentCompleted,
    Event::PaymentFailed,
    Event::QrGenerated,
    Event::StockUpdated,
    Event::LowStock,
    Event::OutOfStock,
    Event::StockLevelsChanged,
    Event::ClockedIn,
    Event::ClockedOut,
    Event::DrinkConsumed,
    Event::TimesheetCorrected,
    Event::CounterStatusChanged,
    Event::SettingsUpdated,
    Event::StaffUpdated,
    Event::AlertAcknowledged};
// clang-format on
QString name(Event event); // "order:created"
std::optional<Event> eventFromName(QStringView name);
std::optional<Namespace> eventNamespace(Event event); // nullopt for Error (any namespace)
// The 17 events and `error` of the base contract, which any Table Tap backend speaks; false for
// the hub's own extensions (order:item_checked, menu:*, staff:updated,
// inventory:alert_acknowledged, inventory:levels_changed, timesheet:corrected).
bool inBaseContract(Event event);

// --- Commands -------------------------------------------------------------------------------

enum class Command : quint8 {
    CreateOrder, // /orders
    UpdateOrderStatus,
    CancelOrder,
    AssignCounter,
    JoinCounter,
    LeaveCounter,
    CheckOrderItem, // the hub's own (item check-off)
    ListOrders,
    ListMenu,
    SaveProduct, // the hub's own (menu editing and availability)
    RetireProduct,
    RestoreProduct,
    SetAvailability,
    ImportMenu,
    StartPayment, // /payments
    ConfirmPayment,
    ListPayments,
    AdjustStock, // /inventory
    ListInventory,
    AcknowledgeAlert, // the hub's own
    SetStockLevels,   // the hub's own (reorder level and maximum of an item)
    ClockIn,          // /employees
    ClockOut,
    RecordDrink,
    ListTimesheets,
    CorrectTimesheet, // the hub's own (a manager's correction, audited)
    ListStaff,
    DisableStaff,
    EnableStaff,
    SetStaffRole,
    SetStaffPin,
    RevokeStaffSessions,
    AddStaff,
    UpdateStaff,
    MintDeviceToken,
    SetCounterStatus, // /system
    UpdateSettings,
    GetSettings,
    ListCounters,
    GetReport,     // the hub's own (day, service and staff reports)
    ChainOverview, // the hub's own (a chain owner's overview of every cafe)
    OpenCafe,      // the hub's own (a chain owner's token for one cafe's console)
};
inline constexpr int kCommandCount = static_cast<int>(Command::OpenCafe) + 1;
// clang-format off
inline constexpr std::array<Command, kCommandCount> kCommands{Command::CreateOrder,
                                                              Command::UpdateOrderStatus,
                                                              Command::CancelOrder,
                                                              Command::AssignCounter,
                                                              Command::JoinCounter,
                                                              Command::LeaveCounter,
                                                              Command::CheckOrderItem,
                                                              Command::ListOrders,
                                                              Command::ListMenu,
                                                              Command::SaveProduct,
                                                              Command::RetireProduct,
                                                              Command::RestoreProduct,
                                                              Command::SetAvailability,
                                                              Command::ImportMenu,
                                                              Command::StartPayment,
                                                              Command::ConfirmPayment,
                                                              Command::ListPayments,
                                                              Command::AdjustStock,
                                                              Command::ListInventory,
                                                              Command::AcknowledgeAlert,
                                                              Command::SetStockLevels,
                                                              Command::ClockIn,
                                                              Command::ClockOut,
                                                              Command::RecordDrink,
                                                              Command::ListTimesheets,
                                                              Command::CorrectTimesheet,
                                                              Command::ListStaff,
                                                              Command::DisableStaff,
                                                              Command::EnableStaff,
                                                              Command::SetStaffRole,
                                                              Command::SetStaffPin,
                                                              Command::RevokeStaffSessions,
                                                              Command::AddStaff,
                                                              Command::UpdateStaff,
                                                              Command::MintDeviceToken,
                                                              Command::SetCounterStatus,
                                                              Command::UpdateSettings,
                                                              Command::GetSettings,
                                                              Command::ListCounters,
                                                              Command::GetReport,
                                                              Command::ChainOverview,
                                                              Command::OpenCafe};
// clang-format on
QString name(Command command); // "create_order"
std::optional<Command> commandFromName(QStringView name);
Namespace commandNamespace(Command command);
// Answers with state and changes nothing (list_*, get_settings): what a console loads.
bool isSnapshot(Command command);
// update_order_status, join_counter and leave_counter: the commands of the base contract,
// which any Table Tap backend takes (without acks); the rest are the hub's.
bool inBaseContract(Command command);

// --- Roles and rooms ------------------------------------------------------------------------

// Ordered: an admin may do all a manager may, a manager all an employee may.
enum class Role : quint8 { Employee = 0, Manager = 1, Admin = 2 };
inline constexpr std::array<Role, 3> kRoles{Role::Employee, Role::Manager, Role::Admin};
QString name(Role role); // "employee"
std::optional<Role> roleFromName(QStringView name);

namespace Rooms {
QString cafe(const QString &cafeId);                            // cafe:{id}
QString orders(const QString &cafeId);                          // cafe:{id}:orders
QString counter(const QString &cafeId, const QString &counter); // cafe:{id}:counter:{name}
QString role(const QString &cafeId, Role role);                 // cafe:{id}:role:{role}
QString user(const QString &userId);                            // user:{id}
// The ready board's sockets (a board token's, /orders only): the fence of the board's own event.
QString board(const QString &cafeId); // cafe:{id}:board
} // namespace Rooms

// --- Errors and refusals --------------------------------------------------------------------

enum class ErrorType : quint8 {
    PermissionDenied, // commands
    InvalidData,
    NotFound,
    Conflict,
    RateLimited,
    InvalidToken,       // connect_error
    InvalidCredentials, // sign-in
    MethodNotAllowed,   // HTTP
};
inline constexpr std::array<ErrorType, 8> kErrorTypes{
    ErrorType::PermissionDenied,   ErrorType::InvalidData,     ErrorType::NotFound,
    ErrorType::Conflict,           ErrorType::RateLimited,     ErrorType::InvalidToken,
    ErrorType::InvalidCredentials, ErrorType::MethodNotAllowed};
QString name(ErrorType type); // "PERMISSION_DENIED"
std::optional<ErrorType> errorTypeFromName(QStringView name);

// The "reason" of an INVALID_TOKEN connect_error (and of a refused refresh).
enum class TokenRefusal : quint8 {
    Expired,
    NotYetValid,
    BadSignature,
    UnsupportedAlgorithm,
    WrongTokenType,
    BadClaims,
    Revoked,       // older than the staff member's token generation
    StaffDisabled, // the staff member is disabled
    RoleChanged,   // the staff member's role is no longer the token's
    Malformed,
};
inline constexpr std::array<TokenRefusal, 10> kTokenRefusals{
    TokenRefusal::Expired,        TokenRefusal::NotYetValid,
    TokenRefusal::BadSignature,   TokenRefusal::UnsupportedAlgorithm,
    TokenRefusal::WrongTokenType, TokenRefusal::BadClaims,
    TokenRefusal::Revoked,        TokenRefusal::StaffDisabled,
    TokenRefusal::RoleChanged,    TokenRefusal::Malformed};
QString name(TokenRefusal refusal); // "expired"
std::optional<TokenRefusal> tokenRefusalFromName(QStringView name);

// The message of a refused namespace connection (connect_error's data.message).
namespace ConnectRefusal {
inline constexpr QLatin1String Authentication = Detail::latin1("Authentication error");
inline constexpr QLatin1String PermissionDenied = Detail::latin1("Permission denied");
inline constexpr QLatin1String TooManyConnections = Detail::latin1("Too many connections");
inline constexpr QLatin1String TooManyConnectionsReason = Detail::latin1("too_many_connections");
} // namespace ConnectRefusal

// --- Keys, paths, token types ---------------------------------------------------------------

// Keys of the handshake, the event envelope, acks and error objects.
namespace Keys {
inline constexpr QLatin1String Token = Detail::latin1("token");
inline constexpr QLatin1String CafeId = Detail::latin1("cafe_id");
inline constexpr QLatin1String UserRole = Detail::latin1("user_role");
inline constexpr QLatin1String RequestId = Detail::latin1("request_id");
inline constexpr QLatin1String Event = Detail::latin1("event");
inline constexpr QLatin1String Data = Detail::latin1("data");
inline constexpr QLatin1String Meta = Detail::latin1("meta");
inline constexpr QLatin1String Timestamp = Detail::latin1("timestamp");
inline constexpr QLatin1String EventId = Detail::latin1("event_id");
inline constexpr QLatin1String Ok = Detail::latin1("ok");
inline constexpr QLatin1String Error = Detail::latin1("error");
inline constexpr QLatin1String Type = Detail::latin1("type");
inline constexpr QLatin1String Message = Detail::latin1("message");
inline constexpr QLatin1String Field = Detail::latin1("field");
inline constexpr QLatin1String Command = Detail::latin1("command");
inline constexpr QLatin1String Reason = Detail::latin1("reason");
} // namespace Keys

namespace Http {
inline constexpr QLatin1String Login = Detail::latin1("/api/auth/login");
inline constexpr QLatin1String Refresh = Detail::latin1("/api/auth/refresh");
inline constexpr QLatin1String Health = Detail::latin1("/api/health");
inline constexpr QLatin1String Healthz = Detail::latin1("/healthz");
inline constexpr QLatin1String Metrics = Detail::latin1("/metrics");
inline constexpr QLatin1String Board = Detail::latin1("/board"); // the ready board page
} // namespace Http

// A token's "type" claim.
namespace TokenType {
inline constexpr QLatin1String Access = Detail::latin1("access");
inline constexpr QLatin1String Refresh = Detail::latin1("refresh");
inline constexpr QLatin1String Board = Detail::latin1("board"); // reads the ready board only
} // namespace TokenType

// The customer ready board (a hub extension, docs/hub.md): a board token's socket may send only
// ListCommand and hears only OrderEvent.
namespace Board {
inline constexpr QLatin1String ListCommand = Detail::latin1("list_board");
inline constexpr QLatin1String OrderEvent = Detail::latin1("board:order");
} // namespace Board

} // namespace TableTap::Contract
