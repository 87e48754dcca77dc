// The domain face of the hub.
#include "hubdomain.h"

#include "commanderror.h"
#include "contract.h"
#include "hubdomainlogging.h"
#include "pinhasher.h"
#include "storageerror.h"
#include "storagefactory.h"
#include "systemclock.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QTimerEvent>

namespace TableTap {

// PIN changes hashing at once; more are refused (RATE_LIMITED) until one is done.
static constexpr int kMaxPinHashesInFlight = 4;

HubDomain::HubDomain(const HubOptions &options, HubClock *clock, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_clock(clock ? clock : new SystemClock(this))
    , m_storage(makeStorage(options))
    , m_rateLimiter(options.commandsPerSecond, options.commandBurst)
{
    qRegisterMetaType<TableTap::HubEventList>();
    m_signIn = std::make_unique<SignInService>(*this);
    m_chain = std::make_unique<ChainOffice>(
        *this, [this](const TokenClaims &claims) { return JsonWebToken::sign(claims, m_secret); });
    m_admin = std::make_unique<HubAdminService>(
        *m_storage,
        [this](QString *error) {
            if (m_secret.isEmpty() && error)
                *error = QStringLiteral("the hub is not open");
            return m_secret;
        },
        m_clock, m_options.accessTokenTtlSeconds);
    // One worker: a PIN change is rare, and the event loop keeps the other core.
    m_pinPool.setMaxThreadCount(1);
}

HubDomain::~HubDomain()
{
    // A hash still running posts back to this object; it must be done before we go (the post
    // itself is dropped with the object).
    m_pinPool.waitForDone();
    flushQueue();
}

bool HubDomain::open(QString *error)
{
    if (m_options.dataDir.isEmpty()) {
        if (error)
            *error = QStringLiteral("no data folder given");
        return false;
    }
    if (!m_storage->open(error) || !m_registry.open(*m_storage, error))
        return false;
    m_secret = m_storage->tokenSecret(error);
    if (m_secret.isEmpty())
        return false;
    try {
        for (const HubRegistry::Cafe &c : m_registry.cafes()) {
            if (!cafe(c.id)) {
                if (error)
                    *error = QStringLiteral("cannot open cafe %1").arg(c.id);
                return false;
            }
        }
        m_registry.connection().setBusyTimeout(m_options.storageBusyTimeoutMs);
    } catch (const StorageError &e) {
        if (error)
            *error = e.message();
        return false;
    }
    if (m_options.staffCheckIntervalMs > 0)
        m_staffTimer.start(m_options.staffCheckIntervalMs, Qt::PreciseTimer, this);
    if (m_options.timerSweepIntervalMs > 0)
        m_sweepTimer.start(m_options.timerSweepIntervalMs, Qt::CoarseTimer, this);
    return true;
}

void HubDomain::timerEvent(QTimerEvent *event)
{
    if (event->timerId() == m_sweepTimer.timerId()) {
        sweepOverdueTimers();
        return;
    }
    if (event->timerId() != m_staffTimer.timerId()) {
        QObject::timerEvent(event);
        return;
    }
    for (CafeDomain *c : std::as_const(m_cafes))
        c->checkStaff();
}

void HubDomain::sweepOverdueTimers()
{
    // Every cafe of the registry, also those another node added since this one started.
    try {
        for (const HubRegistry::Cafe &c : m_registry.cafes()) {
            if (CafeDomain *d = cafe(c.id))
                d->sweepOverdueTimers(m_options.timerSweepGraceMs);
        }
    } catch (const StorageError &e) {
        qCWarning(lcHubStore).noquote() << "sweeping overdue timers:" << e.message();
    }
}

CafeDomain *HubDomain::cafe(const QString &cafeId)
{
    if (auto *c = m_cafes.value(cafeId))
        return c;
    if (!HubRegistry::isValidCafeId(cafeId) || !m_registry.cafe(cafeId))
        return nullptr;
    QString error;
    std::unique_ptr<StoreConnection> db = m_storage->cafe(cafeId, &error);
    if (!db) {
        qCWarning(lcHubStore) << "cannot open cafe" << cafeId << ":" << error;
        return nullptr;
    }
    auto *c = new CafeDomain(cafeId, std::move(db), m_clock, m_options, this);
    if (!c->open(&error)) {
        qCWarning(lcHubStore) << "cannot open cafe" << cafeId << ":" << error;
        delete c;
        return nullptr;
    }
    c->setHubHooks(
        {[this](const TokenClaims &claims) { return JsonWebToken::sign(claims, m_secret); },
         [this, cafeId](const QString &userId) { return m_registry.claimUser(userId, cafeId); },
         [this](Contract::Command command, const HubActor &actor, const PayloadReader &payload) {
             return m_chain->run(command, actor, payload);
         }});
    connect(c, &CafeDomain::asyncEvents, this, &HubDomain::eventsReady);
    connect(c, &CafeDomain::staffChanged, this, [this, cafeId](const QList<StaffChange> &changes) {
        Q_EMIT staffChanged(cafeId, changes);
    });
    m_cafes.insert(cafeId, c);
    return c;
}

QStringList HubDomain::namespaces()
{
    QStringList paths;
    for (const Contract::Namespace ns : Contract::kNamespaces)
        paths.append(Contract::path(ns));
    return paths;
}

QStringList HubDomain::commandNames(const QString &nsp)
{
    QStringList names;
    for (const Contract::Command c : Contract::kCommands) {
        if (CafeDomain::commandSpec(c).nsp() == nsp)
            names.append(Contract::name(c));
    }
    names.sort();
    return names;
}

QStringList HubDomain::cafeIds()
{
    QStringList ids;
    for (const HubRegistry::Cafe &c : m_registry.cafes())
        ids.append(c.id);
    return ids;
}

std::optional<CommandResult> HubDomain::precheck(const HubActor &actor,
                                                 QSet<QString> *refreshedCafes)
{
    if (!m_rateLimiter.allow(actor.cafeId + u'/' + actor.userId, m_clock->monotonicMs()))
        return CommandResult::failure(CommandError(CommandError::Type::RateLimited,
                                                   QStringLiteral("too many commands; slow down")));
    // A socket admitted with a token that has since been revoked, or of a person since disabled
    // or given another role, acts no more, even before the hub has dropped or re-roled it.
    std::optional<StaffRecord> staff;
    if (CafeDomain *c = cafe(actor.cafeId)) {
        try {
            // The staff table is looked at once per cafe and pass (a store round trip on
            // PostgreSQL), which is before any of the pass's commands run, as before.
            const bool refresh = !refreshedCafes || !refreshedCafes->contains(actor.cafeId);
            staff = c->staffMember(actor.userId, refresh);
            if (refresh && refreshedCafes)
                refreshedCafes->insert(actor.cafeId);
        } catch (const StorageError &e) {
            qCWarning(lcHubStore) << "staff check:" << e.message();
        }
    }
    if (staff
        && (!staff->active || staff->tokenGeneration != actor.tokenGeneration
            || staff->role != actor.role))
        return CommandResult::failure(CommandError::denied(
            QStringLiteral("your access to this cafe has changed; sign in again")));
    // A console a chain owner opened acts only while the owner still may (grant, role, tokens).
    if (const auto chainUser = ChainOffice::parseChainUserId(actor.userId)) {
        QString refusal;
        try {
            refusal = chainUser->cafeId == actor.cafeId
                          ? m_chain->chainTokenRefusal(*chainUser, actor.tokenGeneration)
                          : QStringLiteral("the token names another cafe");
        } catch (const StorageError &e) {
            refusal = e.message();
        }
        if (!refusal.isEmpty())
            return CommandResult::failure(CommandError::denied(
                QStringLiteral("your access to this cafe has changed: %1").arg(refusal)));
    }
    return std::nullopt;
}

CommandResult HubDomain::execute(const HubActor &actor, const QString &nsp, const QString &command,
                                 const QJsonValue &payload)
{
    flushQueue();
    if (auto refused = precheck(actor))
        return *refused;
    CafeDomain *c = cafe(actor.cafeId);
    if (!c)
        return CommandResult::failure(CommandError::denied(
            QStringLiteral("this hub does not serve cafe %1").arg(actor.cafeId)));
    return c->execute({actor, nsp, command, payload, {}});
}

void HubDomain::submit(const HubActor &actor, const QString &nsp, const QString &command,
                       const QJsonValue &payload, QObject *context, Callback done)
{
    Pending pending{
        {actor, nsp, command, payload, {}}, context, context != nullptr, std::move(done)};
    // Only for those who may change a PIN, so a refused one costs nothing; an invalid PIN is
    // answered by the command itself.
    if ((command == Contract::name(Contract::Command::SetStaffPin)
         || command == Contract::name(Contract::Command::AddStaff))
        && actor.atLeast(HubRole::Manager)) {
        const QString pin = payload.toObject().value(u"pin").toString();
        if (PinHasher::isValidPin(pin)) {
            hashPinThenQueue(std::move(pending), pin);
            return;
        }
    }
    enqueue(std::move(pending));
}

void HubDomain::enqueue(Pending pending)
{
    m_queue.append(std::move(pending));
    if (!m_flushScheduled) {
        m_flushScheduled = true;
        QMetaObject::invokeMethod(this, &HubDomain::flushQueue, Qt::QueuedConnection);
    }
}

void HubDomain::hashPinThenQueue(Pending pending, const QString &pin)
{
    if (m_pinHashesInFlight >= kMaxPinHashesInFlight) {
        if (pending.done)
            pending.done(CommandResult::failure(
                CommandError(CommandError::Type::RateLimited,
                             QStringLiteral("too many PIN changes at once; retry in a moment"))));
        return;
    }
    ++m_pinHashesInFlight;
    auto job = std::make_shared<Pending>(std::move(pending));
    const int iterations = m_options.pinIterations;
    m_pinPool.start([this, job, pin, iterations] {
        const QString hash = PinHasher::hash(pin, iterations);
        QMetaObject::invokeMethod(
            this,
            [this, job, hash] {
                --m_pinHashesInFlight;
                job->request.preparedPinHash = hash;
                enqueue(std::move(*job));
            },
            Qt::QueuedConnection);
    });
}

void HubDomain::flushQueue()
{
    m_flushScheduled = false;
    while (!m_queue.isEmpty()) {
        const QList<Pending> queue = std::exchange(m_queue, {});
        QList<CommandResult> results(queue.size());
        // One batch per cafe, each keeping submission order.
        QHash<QString, QList<qsizetype>> byCafe;
        QStringList order;
        QSet<QString> refreshed;
        for (qsizetype i = 0; i < queue.size(); ++i) {
            const HubActor &actor = queue.at(i).request.actor;
            if (auto refused = precheck(actor, &refreshed)) {
                results[i] = *refused;
                continue;
            }
            if (!byCafe.contains(actor.cafeId))
                order.append(actor.cafeId);
            byCafe[actor.cafeId].append(i);
        }
        for (const QString &cafeId : order) {
            const QList<qsizetype> &indexes = byCafe.value(cafeId);
            CafeDomain *c = cafe(cafeId);
            if (!c) {
                for (qsizetype i : indexes)
                    results[i] = CommandResult::failure(CommandError::denied(
                        QStringLiteral("this hub does not serve cafe %1").arg(cafeId)));
                continue;
            }
            QList<CafeDomain::Request> batch;
            for (qsizetype i : indexes)
                batch.append(queue.at(i).request);
            const quint64 failuresBefore = c->storageFailures();
            QElapsedTimer timer;
            timer.start();
            const QList<CommandResult> done = c->executeBatch(batch);
            m_batchSeconds.record(double(timer.nsecsElapsed()) / 1e9);
            (c->storageFailures() == failuresBefore ? m_lastBatchOkMs : m_lastBatchFailedMs)
                = QDateTime::currentMSecsSinceEpoch();
            for (qsizetype k = 0; k < indexes.size(); ++k)
                results[indexes.at(k)] = done.at(k);
        }
        for (qsizetype i = 0; i < queue.size(); ++i) {
            const Pending &p = queue.at(i);
            if (p.hasContext && !p.context)
                continue;
            if (p.done)
                p.done(results.at(i));
        }
    }
}

JsonWebToken::Verified HubDomain::verifyServed(const QString &token, const QString &type)
{
    JsonWebToken::Verified v
        = JsonWebToken::verify(token.toUtf8(), m_secret, m_clock->nowMs() / 1000, type);
    if (!v.ok())
        return v;
    try {
        if (!m_registry.cafe(v.claims.cafeId)) {
            v.error = JsonWebToken::Error::CafeNotServed;
            v.message = QStringLiteral("this hub does not serve cafe %1").arg(v.claims.cafeId);
        }
    } catch (const StorageError &e) {
        v.error = JsonWebToken::Error::BadClaims;
        v.message = e.message();
    }
    return v;
}

JsonWebToken::Verified HubDomain::verifyAccessToken(const QString &token)
{
    JsonWebToken::Verified v = verifyServed(token, Contract::TokenType::Access);
    if (!v.ok())
        return v;
    try {
        const QString owner = m_registry.cafeOfUser(v.claims.userId);
        if (!owner.isEmpty() && owner != v.claims.cafeId) {
            v.error = JsonWebToken::Error::CafeNotServed;
            v.message = QStringLiteral("user belongs to another cafe");
            return v;
        }
        // A staff member's token is only as good as their row: active, the same generation,
        // the same role. Device ids have no row and are judged by the signature alone.
        CafeDomain *c = cafe(v.claims.cafeId);
        if (const auto staff = c ? c->staffMember(v.claims.userId) : std::nullopt) {
            if (!staff->active) {
                v.error = JsonWebToken::Error::StaffDisabled;
                v.message = QStringLiteral("the staff member is disabled");
            } else if (staff->tokenGeneration != v.claims.generation) {
                v.error = JsonWebToken::Error::Revoked;
                v.message = QStringLiteral("the token was revoked");
            } else if (staff->role != v.claims.role) {
                v.error = JsonWebToken::Error::RoleChanged;
                v.message = QStringLiteral("the staff member's role changed; refresh the token");
            }
        } else if (const auto chainUser = ChainOffice::parseChainUserId(v.claims.userId)) {
            // A chain owner's token for one cafe (open_cafe): as good as the owner's grant.
            const QString refusal
                = chainUser->cafeId != v.claims.cafeId
                      ? QStringLiteral("the token names another cafe")
                      : m_chain->chainTokenRefusal(*chainUser, v.claims.generation);
            if (!refusal.isEmpty()) {
                v.error = JsonWebToken::Error::Revoked;
                v.message = refusal;
            }
        }
    } catch (const StorageError &e) {
        v.error = JsonWebToken::Error::BadClaims;
        v.message = e.message();
    }
    return v;
}

JsonWebToken::Verified HubDomain::verifyHandshake(const QString &token, const QString &queryCafeId,
                                                  const QString &queryRole)
{
    JsonWebToken::Verified v = verifyAccessToken(token);
    if (!v.ok())
        return v;
    if (!queryCafeId.isEmpty() && queryCafeId != v.claims.cafeId) {
        v.error = JsonWebToken::Error::QueryMismatch;
        v.message = QStringLiteral("query cafe_id does not match the token");
    } else if (!queryRole.isEmpty() && queryRole != HubActor::roleName(v.claims.role)) {
        v.error = JsonWebToken::Error::QueryMismatch;
        v.message = QStringLiteral("query user_role does not match the token");
    }
    return v;
}

JsonWebToken::Verified HubDomain::verifyBoardToken(const QString &token, const QString &queryCafeId,
                                                   const QString &queryRole)
{
    JsonWebToken::Verified v = verifyServed(token, Contract::TokenType::Board);
    if (!v.ok())
        return v;
    if (!queryCafeId.isEmpty() && queryCafeId != v.claims.cafeId) {
        v.error = JsonWebToken::Error::QueryMismatch;
        v.message = QStringLiteral("query cafe_id does not match the token");
    } else if (!queryRole.isEmpty()) {
        v.error = JsonWebToken::Error::QueryMismatch;
        v.message = QStringLiteral("a board token has no user_role");
    }
    return v;
}

QByteArray HubDomain::mintToken(const HubActor &actor, const QString &tokenType, qint64 ttlSeconds)
{
    HubActor holder = actor;
    holder.tokenGeneration = 0;
    if (CafeDomain *cafeService = cafe(actor.cafeId)) {
        try {
            if (const auto staff = cafeService->staffMember(actor.userId))
                holder.tokenGeneration = staff->tokenGeneration;
        } catch (const StorageError &e) {
            qCWarning(lcHubStore) << "mintToken:" << e.message();
        }
    }
    return JsonWebToken::sign(
        TokenClaims::issued(holder, tokenType, m_clock->nowMs() / 1000, ttlSeconds), m_secret);
}

HubDomain::StorageStats HubDomain::storageStats() const
{
    StorageStats s;
    s.batchSeconds = m_batchSeconds;
    s.lastSuccessMs = m_lastBatchOkMs;
    s.lastFailureMs = m_lastBatchFailedMs;
    for (const CafeDomain *c : m_cafes)
        s.failures += c->storageFailures();
    return s;
}

HubDomain::StorageCheck HubDomain::checkStorage(qint64 minFreeBytes)
{
    StorageCheck check;
    check.store = m_storage->health(minFreeBytes);
    QStringList &problems = check.store.problems;
    const auto probe = [&problems, &check](StoreConnection &db, const QString &what) {
        const QString problem = db.probe();
        if (problem.isEmpty())
            ++check.databases;
        else
            problems.append(QStringLiteral("%1: %2").arg(what, problem));
    };
    try {
        probe(m_registry.connection(), QStringLiteral("registry"));
        const QStringList ids = cafeIds();
        check.cafes = int(ids.size());
        for (const QString &id : ids) {
            CafeDomain *c = cafe(id);
            if (!c)
                problems.append(QStringLiteral("cafe %1 cannot be opened").arg(id));
            else
                probe(c->connection(), QStringLiteral("cafe %1").arg(id));
        }
    } catch (const StorageError &e) {
        problems.append(QStringLiteral("registry: %1").arg(e.message()));
    }
    return check;
}

HubEventList HubDomain::eventsSince(const QString &cafeId, qint64 sequence, int limit)
{
    CafeDomain *c = cafe(cafeId);
    if (!c)
        return {};
    try {
        return c->eventsSince(sequence, limit);
    } catch (const StorageError &e) {
        qCWarning(lcHubStore) << "eventsSince:" << e.message();
        return {};
    }
}

} // namespace TableTap
