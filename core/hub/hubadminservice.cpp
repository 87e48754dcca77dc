// The admin API over the hub's storage.
#include "hubadminservice.h"

#include "cafedomain.h"
#include "commanderror.h"
#include "hubclock.h"
#include "hubregistry.h"
#include "jsonwebtoken.h"
#include "menudefinition.h"
#include "pinhasher.h"
#include "simulatedclock.h"
#include "staffadmin.h"
#include "staffdirectory.h"
#include "startermenu.h"
#include "storagebackend.h"
#include "storageerror.h"
#include "systemclock.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QThread>
#include <QUuid>

namespace TableTap {

namespace {
using Status = AdminResult::Status;

AdminResult failure(Status status, const QString &message, const QString &field = {})
{
    return AdminResult::failure(status, message, field);
}

// Runs work, turning a failure of the store into StorageFailure. Work a concurrent transaction
// beat (PostgreSQL, another node) runs again whole, a few times.
template<class Work>
AdminResult guarded(Work &&work)
{
    constexpr int kAttempts = 5;
    for (int attempt = 1;; ++attempt) {
        try {
            return work();
        } catch (const StorageError &e) {
            if (e.kind() == StorageError::Kind::Retryable && attempt < kAttempts) {
                QThread::usleep(QRandomGenerator::global()->bounded(200, 1000 * attempt + 1));
                continue;
            }
            return failure(Status::StorageFailure, e.message());
        }
    }
}

StaffInfo infoOf(const StaffRecord &r)
{
    return StaffInfo{r.id, r.code, r.name, r.role, r.hourlyRateCents, r.drinkAllowance, r.active};
}

MenuCounts countsOf(const MenuDefinition &menu, int counters = 0)
{
    return MenuCounts{int(menu.products.size()), int(menu.ingredients.size()), counters};
}

// The menu as MenuDefinition, or InvalidData naming the offending field.
AdminResult parseMenu(const QJsonObject &json, MenuDefinition *menu)
{
    try {
        *menu = MenuDefinition::parse(json);
    } catch (const CommandError &e) {
        return failure(Status::InvalidData, e.message(), QStringLiteral("menu"));
    }
    return {};
}

const QString kIdRule = QStringLiteral("must be 1 to 64 of A-Z a-z 0-9 _ -");
} // namespace

HubAdminService::HubAdminService(StorageBackend &storage, SecretSource secret, HubClock *clock,
                                 qint64 accessTokenTtlSeconds)
    : m_storage(storage)
    , m_secret(std::move(secret))
    , m_clock(clock)
    , m_accessTokenTtlSeconds(accessTokenTtlSeconds)
{}

qint64 HubAdminService::hubTimeMs()
{
    return m_clock ? m_clock->nowMs() : QDateTime::currentMSecsSinceEpoch();
}

HubClockInfo HubAdminService::clockInfo()
{
    HubClockInfo info;
    info.nowMs = hubTimeMs();
    if (const auto *clock = qobject_cast<const SimulatedClock *>(m_clock)) {
        info.simulated = true;
        info.running = clock->isRunning();
        info.speed = clock->speed();
    }
    return info;
}

SimulatedClock *HubAdminService::simulatedClock(AdminResult *failure) const
{
    auto *clock = qobject_cast<SimulatedClock *>(m_clock);
    if (!clock)
        *failure = AdminResult::failure(AdminResult::Status::UsageError,
                                        QStringLiteral("the hub runs on real time"));
    return clock;
}

AdminResult HubAdminService::setSimulatedTime(qint64 ms)
{
    AdminResult result;
    SimulatedClock *clock = simulatedClock(&result);
    if (!clock)
        return result;
    if (clock->isRunning())
        return AdminResult::failure(
            AdminResult::Status::Conflict,
            QStringLiteral("simulated time runs; it is set only while held"));
    clock->setWallClock(ms);
    return result;
}

AdminResult HubAdminService::advanceSimulatedTime(qint64 ms)
{
    AdminResult result;
    SimulatedClock *clock = simulatedClock(&result);
    if (!clock)
        return result;
    if (ms < 0)
        return AdminResult::failure(AdminResult::Status::UsageError,
                                    QStringLiteral("time only moves forward"));
    clock->advance(ms);
    return result;
}

AdminResult HubAdminService::runSimulatedTime()
{
    AdminResult result;
    if (SimulatedClock *clock = simulatedClock(&result))
        clock->run();
    return result;
}

AdminResult HubAdminService::openRegistry(HubRegistry *registry)
{
    QString error;
    if (!m_storage.open(&error) || !registry->open(m_storage, &error))
        return failure(Status::StorageFailure, error);
    return {};
}

AdminResult HubAdminService::openCafe(HubRegistry *registry, const QString &cafeId,
                                      std::unique_ptr<StoreConnection> *db)
{
    if (AdminResult r = openRegistry(registry); !r.ok())
        return r;
    if (!registry->cafe(cafeId))
        return failure(Status::NotFound, QStringLiteral("no cafe %1").arg(cafeId));
    QString error;
    *db = m_storage.cafe(cafeId, &error);
    if (!*db)
        return failure(Status::StorageFailure, error);
    return {};
}

AdminResult HubAdminService::cafes(QList<CafeInfo> *out)
{
    return guarded([&] {
        HubRegistry registry;
        if (AdminResult r = openRegistry(&registry); !r.ok())
            return r;
        out->clear();
        for (const HubRegistry::Cafe &c : registry.cafes())
            out->append(CafeInfo{c.id, c.name, c.createdAt});
        return AdminResult{};
    });
}

AdminResult HubAdminService::addCafe(const NewCafe &cafe, MenuCounts *added)
{
    const QString name = cafe.name.trimmed();
    if (!HubRegistry::isValidCafeId(cafe.id))
        return failure(Status::UsageError, kIdRule, QStringLiteral("id"));
    if (name.isEmpty() || name.size() > 120)
        return failure(Status::UsageError, QStringLiteral("must be 1 to 120 characters"),
                       QStringLiteral("name"));
    QStringList counters{QStringLiteral("Counter 1"), QStringLiteral("Counter 2")};
    if (cafe.counters) {
        counters.clear();
        for (const QString &c : *cafe.counters) {
            const QString t = c.trimmed();
            if (t.isEmpty() || t.size() > 64 || counters.contains(t))
                return failure(Status::UsageError,
                               QStringLiteral("must list distinct names of 1 to 64 characters"),
                               QStringLiteral("counters"));
            counters.append(t);
        }
    }
    MenuDefinition menu;
    if (AdminResult r = parseMenu(cafe.menu.value_or(StarterMenu::json()), &menu); !r.ok())
        return r;
    return guarded([&] {
        HubRegistry registry;
        if (AdminResult r = openRegistry(&registry); !r.ok())
            return r;
        if (registry.cafe(cafe.id))
            return failure(Status::Conflict, QStringLiteral("cafe %1 already exists").arg(cafe.id));
        // A store without a registry row is the leftover of an interrupted addCafe.
        m_storage.dropCafe(cafe.id);
        QString error;
        if (!CafeDomain::create(m_storage, cafe.id, name, menu, counters, hubTimeMs(), &error))
            return failure(Status::StorageFailure, error);
        registry.addCafe({cafe.id, name, hubTimeMs()});
        if (added)
            *added = countsOf(menu, int(counters.size()));
        return AdminResult{};
    });
}

AdminResult HubAdminService::importMenu(const QString &cafeId, const QJsonObject &json,
                                        MenuCounts *imported)
{
    MenuDefinition menu;
    if (AdminResult r = parseMenu(json, &menu); !r.ok())
        return r;
    return guarded([&] {
        HubRegistry registry;
        std::unique_ptr<StoreConnection> db;
        if (AdminResult r = openCafe(&registry, cafeId, &db); !r.ok())
            return r;
        db->begin();
        try {
            menu.apply(*db, hubTimeMs());
            db->commit();
        } catch (...) {
            db->rollback();
            throw;
        }
        if (imported)
            *imported = countsOf(menu);
        return AdminResult{};
    });
}

AdminResult HubAdminService::runCafeCommand(const QString &cafeId, Contract::Command command,
                                            const QJsonObject &payload, QJsonObject *data)
{
    return guarded([&] {
        HubRegistry registry;
        std::unique_ptr<StoreConnection> db;
        if (AdminResult r = openCafe(&registry, cafeId, &db); !r.ok())
            return r;
        SystemClock wallClock;
        CafeDomain cafe(cafeId, std::move(db), m_clock ? m_clock : &wallClock, HubOptions());
        CafeDomain::Request request;
        request.actor = HubActor{QStringLiteral("admin-cli"), QStringLiteral("Admin command line"),
                                 HubRole::Admin, cafeId};
        request.nsp = Contract::path(CafeDomain::commandSpec(command).ns);
        request.command = Contract::name(command);
        request.payload = payload;
        const CommandResult result = cafe.execute(request);
        cafe.close();
        if (!result.ok()) {
            const QString type = result.errorType();
            const QString message = result.error().value(Contract::Keys::Message).toString();
            const QString field = result.error().value(Contract::Keys::Field).toString();
            if (type == Contract::name(Contract::ErrorType::NotFound))
                return failure(Status::NotFound, message, field);
            if (type == Contract::name(Contract::ErrorType::Conflict))
                return failure(Status::Conflict, message, field);
            if (type == Contract::name(Contract::ErrorType::InvalidData))
                return failure(Status::InvalidData, message, field);
            return failure(Status::StorageFailure, message, field);
        }
        if (data)
            *data = result.data();
        return AdminResult{};
    });
}

AdminResult HubAdminService::menuProducts(const QString &cafeId, QJsonArray *products)
{
    QJsonObject data;
    const AdminResult r = runCafeCommand(cafeId, Contract::Command::ListMenu, {}, &data);
    if (r.ok())
        *products = data.value(QStringLiteral("products")).toArray();
    return r;
}

AdminResult HubAdminService::report(const QString &cafeId, const QJsonObject &payload,
                                    QJsonObject *report)
{
    return runCafeCommand(cafeId, Contract::Command::GetReport, payload, report);
}

AdminResult HubAdminService::importProducts(const QString &cafeId, const QJsonArray &products,
                                            bool replace, QJsonObject *answer)
{
    return runCafeCommand(cafeId, Contract::Command::ImportMenu,
                          QJsonObject{{QStringLiteral("products"), products},
                                      {QStringLiteral("mode"), replace ? QStringLiteral("replace")
                                                                       : QStringLiteral("merge")}},
                          answer);
}

AdminResult HubAdminService::staff(const QString &cafeId, QList<StaffInfo> *out)
{
    return guarded([&] {
        HubRegistry registry;
        std::unique_ptr<StoreConnection> db;
        if (AdminResult r = openCafe(&registry, cafeId, &db); !r.ok())
            return r;
        out->clear();
        for (const StaffRecord &s : StaffDirectory(*db).list())
            out->append(infoOf(s));
        return AdminResult{};
    });
}

AdminResult HubAdminService::staffMember(const QString &cafeId, const QString &code, StaffInfo *out)
{
    return guarded([&] {
        HubRegistry registry;
        std::unique_ptr<StoreConnection> db;
        if (AdminResult r = openCafe(&registry, cafeId, &db); !r.ok())
            return r;
        const std::optional<StaffRecord> s = StaffDirectory(*db).byCode(code);
        if (!s)
            return failure(Status::NotFound,
                           QStringLiteral("no staff member %1 in cafe %2").arg(code, cafeId));
        *out = infoOf(*s);
        return AdminResult{};
    });
}

AdminResult HubAdminService::grantChainOwner(const QString &cafeId, const QString &code,
                                             HubRegistry::ChainOwner *granted)
{
    return guarded([&] {
        HubRegistry registry;
        std::unique_ptr<StoreConnection> db;
        if (AdminResult r = openCafe(&registry, cafeId, &db); !r.ok())
            return r;
        const std::optional<StaffRecord> s = StaffDirectory(*db).byCode(code);
        if (!s)
            return failure(Status::NotFound,
                           QStringLiteral("no staff member %1 in cafe %2").arg(code, cafeId));
        if (s->role != Contract::Role::Admin || !s->active)
            return failure(Status::Conflict,
                           QStringLiteral("%1 (%2) is %3; only an active admin of a cafe can own "
                                          "the chain")
                               .arg(s->code, s->name,
                                    s->active ? QStringLiteral("a ") + Contract::name(s->role)
                                              : QStringLiteral("disabled")));
        const HubRegistry::ChainOwner owner{cafeId, s->id, s->code, s->name, hubTimeMs()};
        if (!registry.grantChainOwner(owner))
            return failure(Status::Conflict, QStringLiteral("%1 (%2) of cafe %3 is a chain owner "
                                                            "already")
                                                 .arg(s->code, s->name, cafeId));
        if (granted)
            *granted = owner;
        return AdminResult{};
    });
}

AdminResult HubAdminService::revokeChainOwner(const QString &cafeId, const QString &code,
                                              HubRegistry::ChainOwner *revoked)
{
    return guarded([&] {
        HubRegistry registry;
        if (AdminResult r = openRegistry(&registry); !r.ok())
            return r;
        if (!registry.cafe(cafeId))
            return failure(Status::NotFound, QStringLiteral("no cafe %1").arg(cafeId));
        // By the grant's own record: it names the person even if their code changed since.
        for (const HubRegistry::ChainOwner &o : registry.chainOwners()) {
            if (o.cafeId != cafeId || o.code != code)
                continue;
            registry.revokeChainOwner(o.cafeId, o.staffId);
            if (revoked)
                *revoked = o;
            return AdminResult{};
        }
        return failure(Status::Conflict,
                       QStringLiteral("%1 of cafe %2 is no chain owner").arg(code, cafeId));
    });
}

AdminResult HubAdminService::chainOwners(QList<HubRegistry::ChainOwner> *out)
{
    return guarded([&] {
        HubRegistry registry;
        if (AdminResult r = openRegistry(&registry); !r.ok())
            return r;
        *out = registry.chainOwners();
        return AdminResult{};
    });
}

AdminResult HubAdminService::addStaff(const QString &cafeId, const NewStaff &staff,
                                      StaffInfo *added)
{
    StaffAdmin::Addition addition{
        staff.code, staff.name, staff.role, {}, staff.hourlyRateCents, staff.drinkAllowance};
    // The command line's options: --code is the wire's employee_id.
    if (const auto problem = StaffAdmin::check(addition))
        return failure(Status::UsageError, problem->rule,
                       problem->field == u"employee_id" ? QStringLiteral("code") : problem->field);
    if (!PinHasher::isValidPin(staff.pin))
        return failure(Status::UsageError, QStringLiteral("must be 4 to 12 digits"),
                       QStringLiteral("pin"));
    return guarded([&] {
        HubRegistry registry;
        std::unique_ptr<StoreConnection> db;
        if (AdminResult res = openCafe(&registry, cafeId, &db); !res.ok())
            return res;
        addition.pinHash = PinHasher::hash(staff.pin);
        StaffRecord r;
        try {
            r = StaffAdmin::add(*db, addition, QUuid::createUuid().toString(QUuid::WithoutBraces),
                                std::nullopt, hubTimeMs());
        } catch (const CommandError &e) {
            // Checked above, so only a taken code is left.
            return failure(Status::Conflict,
                           QStringLiteral("employee code %1 already exists in cafe %2")
                               .arg(staff.code, cafeId),
                           e.field() == u"employee_id" ? QStringLiteral("code") : e.field());
        }
        registry.claimUser(r.id, cafeId);
        if (added)
            *added = infoOf(r);
        return AdminResult{};
    });
}

AdminResult HubAdminService::changeStaff(const QString &cafeId, const QString &code,
                                         const StaffEdit &edit, StaffInfo *changed)
{
    return guarded([&] {
        HubRegistry registry;
        std::unique_ptr<StoreConnection> db;
        if (AdminResult r = openCafe(&registry, cafeId, &db); !r.ok())
            return r;
        const std::optional<StaffRecord> staff = StaffDirectory(*db).byCode(code);
        if (!staff)
            return failure(Status::NotFound,
                           QStringLiteral("no staff member %1 in cafe %2").arg(code, cafeId));
        StaffAdmin::Edit change(static_cast<StaffAdmin::Action>(edit.action), edit.role);
        if (edit.action == StaffEdit::Action::SetPin) {
            // Read from outside the command line, so no option to name.
            if (!PinHasher::isValidPin(edit.pin))
                return failure(Status::UsageError,
                               QStringLiteral("the PIN must be 4 to 12 digits"));
            change.pinHash = PinHasher::hash(edit.pin);
        }
        StaffRecord after;
        db->begin();
        try {
            after = StaffAdmin::apply(*db, *staff, change, std::nullopt, hubTimeMs());
            db->commit();
        } catch (const CommandError &e) {
            db->rollback();
            return failure(e.type() == CommandError::Type::NotFound   ? Status::NotFound
                           : e.type() == CommandError::Type::Conflict ? Status::Conflict
                                                                      : Status::UsageError,
                           e.message());
        } catch (...) {
            db->rollback();
            throw;
        }
        if (changed)
            *changed = infoOf(after);
        return AdminResult{};
    });
}

AdminResult HubAdminService::mintToken(const TokenRequest &request, QString *token)
{
    // A board's user id only labels it (no room is named after it).
    const QString userId
        = request.board && request.userId.isEmpty() ? QStringLiteral("board") : request.userId;
    // Same alphabet as cafe ids: user ids end up in room names.
    if (!HubRegistry::isValidCafeId(userId))
        return failure(Status::UsageError, kIdRule, QStringLiteral("user"));
    if (request.ttlSeconds < 0)
        return failure(Status::UsageError,
                       QStringLiteral("must be a duration like 45s, 30m, 12h or 7d"),
                       QStringLiteral("ttl"));
    return guarded([&] {
        HubRegistry registry;
        if (AdminResult r = openRegistry(&registry); !r.ok())
            return r;
        if (!registry.cafe(request.cafeId))
            return failure(Status::NotFound, QStringLiteral("no cafe %1").arg(request.cafeId));
        if (request.board)
            return signBoardToken(request, userId, token);
        if (!registry.claimUser(request.userId, request.cafeId))
            return failure(
                Status::Conflict,
                QStringLiteral("user id %1 belongs to another cafe").arg(request.userId));
        // A staff member's token must match their row, or the hub refuses it at once.
        std::optional<StaffRecord> staff;
        {
            QString error;
            const std::unique_ptr<StoreConnection> db = m_storage.cafe(request.cafeId, &error);
            if (!db)
                return failure(Status::StorageFailure, error);
            staff = StaffDirectory(*db).byId(request.userId);
        }
        if (staff && !staff->active)
            return failure(Status::Conflict,
                           QStringLiteral("staff member %1 is disabled").arg(staff->code));
        if (staff && staff->role != request.role)
            return failure(Status::UsageError,
                           QStringLiteral("must be %1, the role of staff member %2")
                               .arg(Contract::name(staff->role), staff->code),
                           QStringLiteral("role"));
        QString error;
        const QByteArray secret = m_secret(&error);
        if (secret.isEmpty())
            return failure(Status::StorageFailure, error);
        const HubActor actor{request.userId, request.name, request.role, request.cafeId,
                             staff ? staff->tokenGeneration : 0};
        *token = QString::fromLatin1(JsonWebToken::sign(
            TokenClaims::issued(actor, Contract::TokenType::Access, hubTimeMs() / 1000,
                                request.ttlSeconds > 0 ? request.ttlSeconds
                                                       : m_accessTokenTtlSeconds),
            secret));
        return AdminResult{};
    });
}

AdminResult HubAdminService::signBoardToken(const TokenRequest &request, const QString &label,
                                            QString *token)
{
    QString error;
    const QByteArray secret = m_secret(&error);
    if (secret.isEmpty())
        return failure(Status::StorageFailure, error);
    // No user id is claimed and no staff row consulted: the board acts as nobody. The role claim
    // is required by the token format and means nothing for a board.
    const HubActor board{label,
                         request.name.isEmpty() ? QStringLiteral("Ready board") : request.name,
                         Contract::Role::Employee, request.cafeId};
    *token = QString::fromLatin1(JsonWebToken::sign(
        TokenClaims::issued(board, Contract::TokenType::Board, hubTimeMs() / 1000,
                            request.ttlSeconds > 0 ? request.ttlSeconds : kBoardTokenTtlSeconds),
        secret));
    return AdminResult{};
}

AdminResult HubAdminService::backup(const QString &target, const QString &cafeId, int *cafes)
{
    return guarded([&] { return m_storage.backup(target, cafeId, cafes); });
}

} // namespace TableTap
