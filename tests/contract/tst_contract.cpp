// The wire contract (core/contract): every name pinned to its wire spelling once, here, as a
// literal; name <-> value round trips; unknown spellings refused; and the hub's command table
// and event namespaces agreeing with the contract.
#include "cafecontext.h"
#include "cafedomain.h"
#include "contract.h"
#include "hubactor.h"
#include "hubrooms.h"

#include <QTest>

using namespace TableTap;
using namespace TableTap::Contract;

Q_DECLARE_METATYPE(TableTap::Contract::Namespace)
Q_DECLARE_METATYPE(TableTap::Contract::Event)
Q_DECLARE_METATYPE(TableTap::Contract::Command)
Q_DECLARE_METATYPE(TableTap::Contract::Role)
Q_DECLARE_METATYPE(TableTap::Contract::ErrorType)
Q_DECLARE_METATYPE(TableTap::Contract::TokenRefusal)

class TestContract : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void namespaces_data();
    void namespaces();
    void namespaceOrder();
    void events_data();
    void events();
    void everyEventListed();
    void commands_data();
    void commands();
    void everyCommandListed();
    void roles_data();
    void roles();
    void rooms();
    void errorTypes_data();
    void errorTypes();
    void tokenRefusals_data();
    void tokenRefusals();
    void constants();
    void unknownNamesRefused_data();
    void unknownNamesRefused();
    void hubCommandTableAgrees();
    void hubEventAudiences();
    void hubRoomsAndRolesDelegate();
};

void TestContract::namespaces_data()
{
    QTest::addColumn<Namespace>("ns");
    QTest::addColumn<QString>("wire");
    QTest::newRow("orders") << Namespace::Orders << "/orders";
    QTest::newRow("payments") << Namespace::Payments << "/payments";
    QTest::newRow("inventory") << Namespace::Inventory << "/inventory";
    QTest::newRow("employees") << Namespace::Employees << "/employees";
    QTest::newRow("system") << Namespace::System << "/system";
}

void TestContract::namespaces()
{
    QFETCH(Namespace, ns);
    QFETCH(QString, wire);
    QCOMPARE(path(ns), wire);
    QCOMPARE(namespaceFromPath(wire), std::optional<Namespace>(ns));
}

void TestContract::namespaceOrder()
{
    // The hub's order, as docs/events.md lists them.
    QStringList paths;
    for (const Namespace ns : kNamespaces)
        paths << path(ns);
    QCOMPARE(paths, QStringList({"/orders", "/payments", "/inventory", "/employees", "/system"}));
}

void TestContract::events_data()
{
    QTest::addColumn<Event>("event");
    QTest::addColumn<QString>("wire");
    QTest::addColumn<QString>("nsp"); // empty: any namespace
    QTest::addColumn<bool>("base");
    QTest::newRow("order:created") << Event::OrderCreated << "order:created"
                                   << "/orders" << true;
    QTest::newRow("order:status_changed") << Event::OrderStatusChanged << "order:status_changed"
                                          << "/orders" << true;
    QTest::newRow("order:ready") << Event::OrderReady << "order:ready"
                                 << "/orders" << true;
    QTest::newRow("order:cancelled") << Event::OrderCancelled << "order:cancelled"
                                     << "/orders" << true;
    QTest::newRow("order:assigned_counter")
        << Event::OrderAssignedCounter << "order:assigned_counter"
        << "/orders" << true;
    QTest::newRow("order:item_checked") << Event::OrderItemChecked << "order:item_checked"
                                        << "/orders" << false;
    QTest::newRow("menu:updated") << Event::MenuUpdated << "menu:updated"
                                  << "/orders" << false;
    QTest::newRow("menu:availability_changed")
        << Event::MenuAvailabilityChanged << "menu:availability_changed"
        << "/orders" << false;
    QTest::newRow("payment:processing") << Event::PaymentProcessing << "payment:processing"
                                        << "/payments" << true;
    QTest::newRow("payment:completed") << Event::PaymentCompleted << "payment:completed"
                                       << "/payments" << true;
    QTest::newRow("payment:failed") << Event::PaymentFailed << "payment:failed"
                                    << "/payments" << true;
    QTest::newRow("qr:generated") << Event::QrGenerated << "qr:generated"
                                  << "/payments" << true;
    QTest::newRow("inventory:stock_updated") << Event::StockUpdated << "inventory:stock_updated"
                                             << "/inventory" << true;
    QTest::newRow("inventory:low_stock") << Event::LowStock << "inventory:low_stock"
                                         << "/inventory" << true;
    QTest::newRow("inventory:out_of_stock") << Event::OutOfStock << "inventory:out_of_stock"
                                            << "/inventory" << true;
    QTest::newRow("inventory:levels_changed")
        << Event::StockLevelsChanged << "inventory:levels_changed"
        << "/inventory" << false;
    QTest::newRow("employee:clocked_in") << Event::ClockedIn << "employee:clocked_in"
                                         << "/employees" << true;
    QTest::newRow("employee:clocked_out") << Event::ClockedOut << "employee:clocked_out"
                                          << "/employees" << true;
    QTest::newRow("employee:drink_consumed") << Event::DrinkConsumed << "employee:drink_consumed"
                                             << "/employees" << true;
    QTest::newRow("timesheet:corrected") << Event::TimesheetCorrected << "timesheet:corrected"
                                         << "/employees" << false;
    QTest::newRow("counter:status_changed")
        << Event::CounterStatusChanged << "counter:status_changed"
        << "/system" << true;
    QTest::newRow("cafe:settings_updated") << Event::SettingsUpdated << "cafe:settings_updated"
                                           << "/system" << true;
    QTest::newRow("staff:updated") << Event::StaffUpdated << "staff:updated"
                                   << "/employees" << false;
    QTest::newRow("inventory:alert_acknowledged")
        << Event::AlertAcknowledged << "inventory:alert_acknowledged"
        << "/inventory" << false;
    QTest::newRow("error") << Event::Error << "error" << QString() << true;
}

void TestContract::events()
{
    QFETCH(Event, event);
    QFETCH(QString, wire);
    QFETCH(QString, nsp);
    QFETCH(bool, base);
    QCOMPARE(name(event), wire);
    QCOMPARE(eventFromName(wire), std::optional<Event>(event));
    const std::optional<Namespace> ns = eventNamespace(event);
    QCOMPARE(ns.has_value(), !nsp.isEmpty());
    if (ns)
        QCOMPARE(path(*ns), nsp);
    QCOMPARE(inBaseContract(event), base);
}

void TestContract::everyEventListed()
{
    // kEvents: every event but error, each once, in docs/events.md's order, error last.
    QList<Event> seen;
    for (const Event e : kEvents) {
        QVERIFY(e != Event::Error);
        QVERIFY2(!seen.contains(e), qPrintable(name(e)));
        seen.append(e);
    }
    QCOMPARE(seen.size(), 24);
    QCOMPARE(int(kEvents.size()), int(Event::Error));
    QCOMPARE(name(kEvents.front()), QStringLiteral("order:created"));
    QCOMPARE(name(kEvents.back()), QStringLiteral("inventory:alert_acknowledged"));
    int base = 0;
    for (const Event e : kEvents)
        base += inBaseContract(e) ? 1 : 0;
    QCOMPARE(base, 17); // the 17 events of the base contract
}

void TestContract::commands_data()
{
    QTest::addColumn<Command>("command");
    QTest::addColumn<QString>("wire");
    QTest::addColumn<QString>("nsp");
    QTest::addColumn<bool>("snapshot");
    QTest::addColumn<bool>("base");
    const auto row = [](Command c, const char *wire, const char *nsp, bool snapshot, bool base) {
        QTest::newRow(wire) << c << QString::fromLatin1(wire) << QString::fromLatin1(nsp)
                            << snapshot << base;
    };
    row(Command::CreateOrder, "create_order", "/orders", false, false);
    row(Command::UpdateOrderStatus, "update_order_status", "/orders", false, true);
    row(Command::CancelOrder, "cancel_order", "/orders", false, false);
    row(Command::AssignCounter, "assign_counter", "/orders", false, false);
    row(Command::JoinCounter, "join_counter", "/orders", false, true);
    row(Command::LeaveCounter, "leave_counter", "/orders", false, true);
    row(Command::CheckOrderItem, "check_order_item", "/orders", false, false);
    row(Command::ListOrders, "list_orders", "/orders", true, false);
    row(Command::ListMenu, "list_menu", "/orders", true, false);
    row(Command::SaveProduct, "save_product", "/orders", false, false);
    row(Command::RetireProduct, "retire_product", "/orders", false, false);
    row(Command::RestoreProduct, "restore_product", "/orders", false, false);
    row(Command::SetAvailability, "set_availability", "/orders", false, false);
    row(Command::ImportMenu, "import_menu", "/orders", false, false);
    row(Command::StartPayment, "start_payment", "/payments", false, false);
    row(Command::ConfirmPayment, "confirm_payment", "/payments", false, false);
    row(Command::ListPayments, "list_payments", "/payments", true, false);
    row(Command::AdjustStock, "adjust_stock", "/inventory", false, false);
    row(Command::ListInventory, "list_inventory", "/inventory", true, false);
    row(Command::AcknowledgeAlert, "acknowledge_alert", "/inventory", false, false);
    row(Command::SetStockLevels, "set_stock_levels", "/inventory", false, false);
    row(Command::ClockIn, "clock_in", "/employees", false, false);
    row(Command::ClockOut, "clock_out", "/employees", false, false);
    row(Command::RecordDrink, "record_drink", "/employees", false, false);
    row(Command::ListTimesheets, "list_timesheets", "/employees", true, false);
    row(Command::CorrectTimesheet, "correct_timesheet", "/employees", false, false);
    row(Command::ListStaff, "list_staff", "/employees", true, false);
    row(Command::DisableStaff, "disable_staff", "/employees", false, false);
    row(Command::EnableStaff, "enable_staff", "/employees", false, false);
    row(Command::SetStaffRole, "set_staff_role", "/employees", false, false);
    row(Command::SetStaffPin, "set_staff_pin", "/employees", false, false);
    row(Command::RevokeStaffSessions, "revoke_staff_sessions", "/employees", false, false);
    row(Command::AddStaff, "add_staff", "/employees", false, false);
    row(Command::UpdateStaff, "update_staff", "/employees", false, false);
    row(Command::MintDeviceToken, "mint_device_token", "/employees", false, false);
    row(Command::SetCounterStatus, "set_counter_status", "/system", false, false);
    row(Command::UpdateSettings, "update_settings", "/system", false, false);
    row(Command::GetSettings, "get_settings", "/system", true, false);
    row(Command::ListCounters, "list_counters", "/system", true, false);
    row(Command::GetReport, "get_report", "/system", false, false);
    row(Command::ChainOverview, "chain_overview", "/system", false, false);
    row(Command::OpenCafe, "open_cafe", "/system", false, false);
}

void TestContract::commands()
{
    QFETCH(Command, command);
    QFETCH(QString, wire);
    QFETCH(QString, nsp);
    QFETCH(bool, snapshot);
    QFETCH(bool, base);
    QCOMPARE(name(command), wire);
    QCOMPARE(commandFromName(wire), std::optional<Command>(command));
    QCOMPARE(path(commandNamespace(command)), nsp);
    QCOMPARE(isSnapshot(command), snapshot);
    QCOMPARE(inBaseContract(command), base);
}

void TestContract::everyCommandListed()
{
    QList<Command> seen;
    for (const Command c : kCommands) {
        QVERIFY2(!seen.contains(c), qPrintable(name(c)));
        seen.append(c);
    }
    QCOMPARE(seen.size(), 42);
    QCOMPARE(kCommandCount, 42);
}

void TestContract::roles_data()
{
    QTest::addColumn<Role>("role");
    QTest::addColumn<QString>("wire");
    QTest::newRow("employee") << Role::Employee << "employee";
    QTest::newRow("manager") << Role::Manager << "manager";
    QTest::newRow("admin") << Role::Admin << "admin";
}

void TestContract::roles()
{
    QFETCH(Role, role);
    QFETCH(QString, wire);
    QCOMPARE(name(role), wire);
    QCOMPARE(roleFromName(wire), std::optional<Role>(role));
    // Ordered: employee < manager < admin.
    QVERIFY(int(Role::Employee) < int(Role::Manager));
    QVERIFY(int(Role::Manager) < int(Role::Admin));
}

void TestContract::rooms()
{
    QCOMPARE(Rooms::cafe("c1"), QStringLiteral("cafe:c1"));
    QCOMPARE(Rooms::orders("c1"), QStringLiteral("cafe:c1:orders"));
    QCOMPARE(Rooms::counter("c1", "Bar"), QStringLiteral("cafe:c1:counter:Bar"));
    QCOMPARE(Rooms::role("c1", Role::Employee), QStringLiteral("cafe:c1:role:employee"));
    QCOMPARE(Rooms::role("c1", Role::Manager), QStringLiteral("cafe:c1:role:manager"));
    QCOMPARE(Rooms::role("c1", Role::Admin), QStringLiteral("cafe:c1:role:admin"));
    QCOMPARE(Rooms::user("u7"), QStringLiteral("user:u7"));
}

void TestContract::errorTypes_data()
{
    QTest::addColumn<ErrorType>("type");
    QTest::addColumn<QString>("wire");
    QTest::newRow("PERMISSION_DENIED") << ErrorType::PermissionDenied << "PERMISSION_DENIED";
    QTest::newRow("INVALID_DATA") << ErrorType::InvalidData << "INVALID_DATA";
    QTest::newRow("NOT_FOUND") << ErrorType::NotFound << "NOT_FOUND";
    QTest::newRow("CONFLICT") << ErrorType::Conflict << "CONFLICT";
    QTest::newRow("RATE_LIMITED") << ErrorType::RateLimited << "RATE_LIMITED";
    QTest::newRow("INVALID_TOKEN") << ErrorType::InvalidToken << "INVALID_TOKEN";
    QTest::newRow("INVALID_CREDENTIALS") << ErrorType::InvalidCredentials << "INVALID_CREDENTIALS";
    QTest::newRow("METHOD_NOT_ALLOWED") << ErrorType::MethodNotAllowed << "METHOD_NOT_ALLOWED";
}

void TestContract::errorTypes()
{
    QFETCH(ErrorType, type);
    QFETCH(QString, wire);
    QCOMPARE(name(type), wire);
    QCOMPARE(errorTypeFromName(wire), std::optional<ErrorType>(type));
}

void TestContract::tokenRefusals_data()
{
    QTest::addColumn<TokenRefusal>("refusal");
    QTest::addColumn<QString>("wire");
    QTest::newRow("expired") << TokenRefusal::Expired << "expired";
    QTest::newRow("not_yet_valid") << TokenRefusal::NotYetValid << "not_yet_valid";
    QTest::newRow("bad_signature") << TokenRefusal::BadSignature << "bad_signature";
    QTest::newRow("unsupported_algorithm")
        << TokenRefusal::UnsupportedAlgorithm << "unsupported_algorithm";
    QTest::newRow("wrong_token_type") << TokenRefusal::WrongTokenType << "wrong_token_type";
    QTest::newRow("bad_claims") << TokenRefusal::BadClaims << "bad_claims";
    QTest::newRow("revoked") << TokenRefusal::Revoked << "revoked";
    QTest::newRow("staff_disabled") << TokenRefusal::StaffDisabled << "staff_disabled";
    QTest::newRow("role_changed") << TokenRefusal::RoleChanged << "role_changed";
    QTest::newRow("malformed") << TokenRefusal::Malformed << "malformed";
}

void TestContract::tokenRefusals()
{
    QFETCH(TokenRefusal, refusal);
    QFETCH(QString, wire);
    QCOMPARE(name(refusal), wire);
    QCOMPARE(tokenRefusalFromName(wire), std::optional<TokenRefusal>(refusal));
}

void TestContract::constants()
{
    QCOMPARE(QString(ConnectRefusal::Authentication), QStringLiteral("Authentication error"));
    QCOMPARE(QString(ConnectRefusal::PermissionDenied), QStringLiteral("Permission denied"));
    QCOMPARE(QString(ConnectRefusal::TooManyConnections), QStringLiteral("Too many connections"));
    QCOMPARE(QString(ConnectRefusal::TooManyConnectionsReason),
             QStringLiteral("too_many_connections"));

    const QStringList keys{Keys::Token,   Keys::CafeId, Keys::UserRole, Keys::RequestId,
                           Keys::Event,   Keys::Data,   Keys::Meta,     Keys::Timestamp,
                           Keys::EventId, Keys::Ok,     Keys::Error,    Keys::Type,
                           Keys::Message, Keys::Field,  Keys::Command,  Keys::Reason};
    QCOMPARE(keys, QStringList({"token", "cafe_id", "user_role", "request_id", "event", "data",
                                "meta", "timestamp", "event_id", "ok", "error", "type", "message",
                                "field", "command", "reason"}));

    const QStringList paths{Http::Login, Http::Refresh, Http::Health, Http::Healthz, Http::Metrics};
    QCOMPARE(paths, QStringList({"/api/auth/login", "/api/auth/refresh", "/api/health", "/healthz",
                                 "/metrics"}));

    QCOMPARE(QString(TokenType::Access), QStringLiteral("access"));
    QCOMPARE(QString(TokenType::Refresh), QStringLiteral("refresh"));
}

void TestContract::unknownNamesRefused_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("case") << "Order:Created";
    QTest::newRow("space") << "order:created ";
    QTest::newRow("prefix") << "order:";
    QTest::newRow("path case") << "/Orders";
    QTest::newRow("no slash") << "orders";
    QTest::newRow("command case") << "CREATE_ORDER";
    QTest::newRow("error type case") << "invalid_data";
    QTest::newRow("role plural") << "admins";
    QTest::newRow("nul inside") << QString::fromUtf16(u"error\u0000", 6);
}

void TestContract::unknownNamesRefused()
{
    QFETCH(QString, text);
    QVERIFY(!namespaceFromPath(text));
    QVERIFY(!eventFromName(text));
    QVERIFY(!commandFromName(text));
    QVERIFY(!roleFromName(text));
    QVERIFY(!errorTypeFromName(text));
    QVERIFY(!tokenRefusalFromName(text));
}

void TestContract::hubCommandTableAgrees()
{
    // The hub's command table names exactly the contract's commands, each in its namespace; a
    // snapshot never changes anything.
    const QHash<QString, CafeDomain::CommandSpec> specs = CafeDomain::commandSpecs();
    QCOMPARE(specs.size(), kCommandCount);
    for (const Command c : kCommands) {
        const auto it = specs.constFind(name(c));
        QVERIFY2(it != specs.constEnd(), qPrintable(name(c)));
        QCOMPARE(it->nsp(), path(commandNamespace(c)));
        if (isSnapshot(c))
            QVERIFY2(!it->mutating, qPrintable(name(c)));
    }
}

void TestContract::hubEventAudiences()
{
    // The hub takes each event's namespace from the contract; who hears it is its own switch,
    // pinned here by wire name (docs/events.md).
    using A = CafeContext::Audience;
    const QHash<QString, A> expected{{"order:created", A::OrdersRoom},
                                     {"order:status_changed", A::OrdersRoom},
                                     {"order:ready", A::OrdersRoom},
                                     {"order:cancelled", A::OrdersRoom},
                                     {"order:assigned_counter", A::CountersAndManagers},
                                     {"order:item_checked", A::OrdersRoom},
                                     {"menu:updated", A::Cafe},
                                     {"menu:availability_changed", A::Cafe},
                                     {"payment:processing", A::Cafe},
                                     {"payment:completed", A::Cafe},
                                     {"payment:failed", A::Cafe},
                                     {"qr:generated", A::Cafe},
                                     {"inventory:stock_updated", A::Cafe},
                                     {"inventory:low_stock", A::Managers},
                                     {"inventory:out_of_stock", A::Cafe},
                                     {"inventory:levels_changed", A::Cafe},
                                     {"employee:clocked_in", A::SubjectAndManagers},
                                     {"employee:clocked_out", A::SubjectAndManagers},
                                     {"employee:drink_consumed", A::SubjectAndManagers},
                                     {"timesheet:corrected", A::SubjectAndManagers},
                                     {"counter:status_changed", A::Cafe},
                                     {"cafe:settings_updated", A::Cafe},
                                     {"staff:updated", A::SubjectAndManagers},
                                     {"inventory:alert_acknowledged", A::Cafe}};
    QCOMPARE(expected.size(), qsizetype(kEvents.size()));
    for (const Event e : kEvents) {
        QVERIFY2(expected.contains(name(e)), qPrintable(name(e)));
        QVERIFY2(CafeContext::audience(e) == expected.value(name(e)), qPrintable(name(e)));
    }
}

void TestContract::hubRoomsAndRolesDelegate()
{
    QCOMPARE(HubRooms::cafe("c1"), QStringLiteral("cafe:c1"));
    QCOMPARE(HubRooms::orders("c1"), QStringLiteral("cafe:c1:orders"));
    QCOMPARE(HubRooms::counter("c1", "Bar"), QStringLiteral("cafe:c1:counter:Bar"));
    QCOMPARE(HubRooms::role("c1", HubRole::Manager), QStringLiteral("cafe:c1:role:manager"));
    QCOMPARE(HubRooms::user("u7"), QStringLiteral("user:u7"));
    QCOMPARE(HubActor::roleName(HubRole::Admin), QStringLiteral("admin"));
    QCOMPARE(HubActor::parseRole("employee"), std::optional<HubRole>(HubRole::Employee));
    QVERIFY(!HubActor::parseRole("owner"));
}

QTEST_GUILESS_MAIN(TestContract)
#include "tst_contract.moc"
