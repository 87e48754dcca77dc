// The hub's admin API: cafes, menus, staff, tokens and backups, as values. HubAdminService
// (core/hub) implements it over the hub's storage, secret and clock; the admin command line
// (app/hub AdminCommandLine), the simulator, the console's own hub and the tests use it. It lives
// in the contract, interfaces and values only, so a user need not link the hub domain.
#pragma once

#include "contract.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace TableTap {

// What an admin call did. The statuses are the admin command line's exit codes 0-5.
struct AdminResult
{
    enum class Status {
        Ok = 0,
        StorageFailure = 1, // the store could not be read or written
        UsageError = 2,     // an input out of its bounds (field says which)
        NotFound = 3,       // no such cafe or staff member
        Conflict = 4,       // already exists, or already so
        InvalidData = 5     // a menu that does not validate
    };
    Status status = Status::Ok;
    QString message; // what went wrong; empty when ok
    // The input the message is about ("id", "name", "counters", "menu", "code", "pin",
    // "hourly_rate", "drink_allowance", "user", "role"), or empty.
    QString field;

    bool ok() const { return status == Status::Ok; }
    static AdminResult failure(Status status, const QString &message, const QString &field = {});
};

struct CafeInfo
{
    QString id, name;
    qint64 createdAt = 0; // ms since the epoch
};

struct NewCafe
{
    QString id;                          // 1 to 64 of A-Z a-z 0-9 _ -
    QString name;                        // 1 to 120 characters once trimmed
    std::optional<QJsonObject> menu;     // none: the starter menu (docs/domain.md)
    std::optional<QStringList> counters; // none: "Counter 1", "Counter 2"; names are trimmed
};

struct MenuCounts
{
    int products = 0, ingredients = 0, counters = 0;
};

struct StaffInfo
{
    QString id, code, name;
    Contract::Role role = Contract::Role::Employee;
    qint64 hourlyRateCents = 0;
    std::optional<int> drinkAllowance; // none: the cafe's default
    bool active = true;
};

struct NewStaff
{
    QString code; // 1 to 32 of A-Z a-z 0-9 _ -
    QString name; // 1 to 100 characters once trimmed
    Contract::Role role = Contract::Role::Employee;
    QString pin;                       // 4 to 12 digits; stored only as a PBKDF2 hash
    qint64 hourlyRateCents = 0;        // 0 to 100000
    std::optional<int> drinkAllowance; // 0 to 1000
};

// One change to a staff member, the admin command line's `staff disable|enable|set-role|set-pin|
// revoke`: each but enable raises the token generation where it ends sessions.
struct StaffEdit
{
    enum class Action { Disable, Enable, SetRole, SetPin, Revoke };
    Action action = Action::Disable;
    Contract::Role role = Contract::Role::Employee; // SetRole
    QString pin;                                    // SetPin: 4 to 12 digits
};

struct TokenRequest
{
    QString cafeId, userId, name; // userId: 1 to 64 of A-Z a-z 0-9 _ - (it names a room)
    Contract::Role role = Contract::Role::Employee;
    qint64 ttlSeconds = 0; // 0: the hub's access token lifetime (a board token's: 90 days)
    // A ready board's read-only token (token_type "board", docs/security.md): userId and name
    // only label it (userId defaults to "board"), role is ignored and no user id is claimed.
    bool board = false;
};

// The hub's clock as an admin sees it.
struct HubClockInfo
{
    bool simulated = false; // a demo hub on simulated time, which its simulator moves
    bool running = true;    // simulated time runs (false: held until runSimulatedTime())
    double speed = 1.0;     // simulated seconds per real second
    qint64 nowMs = 0;       // ms since the epoch
};

class HubAdmin
{
public:
    virtual ~HubAdmin();

    virtual AdminResult cafes(QList<CafeInfo> *out) = 0;
    virtual AdminResult addCafe(const NewCafe &cafe, MenuCounts *added = nullptr) = 0;
    // Adds or replaces products and ingredients (by name / sku) in one transaction.
    virtual AdminResult importMenu(const QString &cafeId, const QJsonObject &menu,
                                   MenuCounts *imported = nullptr)
        = 0;
    // The cafe's products exactly as list_menu answers them (`menu export`, MenuFile).
    virtual AdminResult menuProducts(const QString &cafeId, QJsonArray *products) = 0;
    // Runs the cafe's import_menu command as the admin: products as its payload (MenuFile's
    // JSON), merged by name or replacing the menu. *answer: the command's ack data.
    virtual AdminResult importProducts(const QString &cafeId, const QJsonArray &products,
                                       bool replace, QJsonObject *answer = nullptr)
        = 0;
    virtual AdminResult staff(const QString &cafeId, QList<StaffInfo> *out) = 0;
    // One staff member by employee code (any case).
    virtual AdminResult staffMember(const QString &cafeId, const QString &code, StaffInfo *out) = 0;
    virtual AdminResult addStaff(const QString &cafeId, const NewStaff &staff,
                                 StaffInfo *added = nullptr)
        = 0;
    virtual AdminResult changeStaff(const QString &cafeId, const QString &code,
                                    const StaffEdit &edit, StaffInfo *changed = nullptr)
        = 0;
    // An access token; a staff member's must match their row (active, role) or it is refused.
    // Claims the user id for the cafe (a user id never belongs to two cafes).
    virtual AdminResult mintToken(const TokenRequest &request, QString *token) = 0;
    // A consistent copy while the hub runs: without cafeId, target becomes a data folder the hub
    // can serve as is; with it, target is that cafe's store. *cafes: how many were copied.
    virtual AdminResult backup(const QString &target, const QString &cafeId = {},
                               int *cafes = nullptr)
        = 0;
    // The hub's clock (a ManualClock in tests and simulations), ms since the epoch.
    virtual qint64 hubTimeMs() = 0;
    virtual HubClockInfo clockInfo() = 0;
    // Only on simulated time (a demo hub; UsageError on real time), for its simulator: the day
    // so far is written at its own times with the clock held, a quiet night is skipped.
    // While held: sets the hub's wall clock (before anything happened on the simulated day).
    virtual AdminResult setSimulatedTime(qint64 ms) = 0;
    // Time passes at once by ms: the hub's timers falling due meanwhile run, in time order.
    virtual AdminResult advanceSimulatedTime(qint64 ms) = 0;
    // Lets held simulated time run at its speed (nothing when it runs already).
    virtual AdminResult runSimulatedTime() = 0;
};

} // namespace TableTap
