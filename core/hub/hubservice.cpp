// The domain face of the hub.
#include "hubservice.h"

#include "commanderror.h"
#include "hubdomainlogging.h"
#include "hubsecret.h"
#include "storageerror.h"
#include "systemclock.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QRandomGenerator>

namespace TableTap {

HubService::HubService(const HubOptions &options, HubClock *clock, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_clock(clock ? clock : new SystemClock(this))
    , m_registry(options.dataDir)
    , m_rateLimiter(options.commandsPerSecond, options.commandBurst)
{
    qRegisterMetaType<TableTap::HubEventList>();
    m_signIn = std::make_unique<SignInService>(*this);
}

HubService::~HubService()
{
    flushQueue();
}

bool HubService::open(QString *error)
{
    if (m_options.dataDir.isEmpty()) {
        if (error)
            *error = QStringLiteral("no data folder given");
        return false;
    }
    if (!m_registry.open(error))
        return false;
    m_secret = HubSecret::loadOrCreate(m_options.dataDir, error);
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
    } catch (const StorageError &e) {
        if (error)
            *error = e.message();
        return false;
    }
    return true;
}

CafeService *HubService::cafe(const QString &cafeId)
{
    if (auto *c = m_cafes.value(cafeId))
        return c;
    if (!HubRegistry::isValidCafeId(cafeId) || !m_registry.cafe(cafeId))
        return nullptr;
    auto *c
        = new CafeService(cafeId, m_registry.cafeDatabasePath(cafeId), m_clock, m_options, this);
    QString error;
    if (!c->open(&error)) {
        qCWarning(lcHubStore) << "cannot open cafe" << cafeId << ":" << error;
        delete c;
        return nullptr;
    }
    connect(c, &CafeService::asyncEvents, this, &HubService::eventsReady);
    m_cafes.insert(cafeId, c);
    return c;
}

QStringList HubService::namespaces()
{
    return {QStringLiteral("/orders"), QStringLiteral("/payments"), QStringLiteral("/inventory"),
            QStringLiteral("/employees"), QStringLiteral("/system")};
}

QStringList HubService::commandNames(const QString &nsp)
{
    QStringList names;
    const auto specs = CafeService::commandSpecs();
    for (auto it = specs.constBegin(); it != specs.constEnd(); ++it) {
        if (it->nsp == nsp)
            names.append(it.key());
    }
    names.sort();
    return names;
}

QStringList HubService::cafeIds()
{
    QStringList ids;
    for (const HubRegistry::Cafe &c : m_registry.cafes())
        ids.append(c.id);
    return ids;
}

std::optional<CommandResult> HubService::precheck(const HubActor &actor)
{
    if (!m_rateLimiter.allow(actor.cafeId + u'/' + actor.userId, m_clock->monotonicMs()))
        return CommandResult::failure(CommandError(CommandError::Type::RateLimited,
                                                   QStringLiteral("too many commands; slow down")));
    return std::nullopt;
}

CommandResult HubService::execute(const HubActor &actor, const QString &nsp, const QString &command,
                                  const QJsonValue &payload)
{
    flushQueue();
    if (auto refused = precheck(actor))
        return *refused;
    CafeService *c = cafe(actor.cafeId);
    if (!c)
        return CommandResult::failure(CommandError::denied(
            QStringLiteral("this hub does not serve cafe %1").arg(actor.cafeId)));
    return c->execute({actor, nsp, command, payload});
}

void HubService::submit(const HubActor &actor, const QString &nsp, const QString &command,
                        const QJsonValue &payload, QObject *context, Callback done)
{
    m_queue.append(
        Pending{{actor, nsp, command, payload}, context, context != nullptr, std::move(done)});
    if (!m_flushScheduled) {
        m_flushScheduled = true;
        QMetaObject::invokeMethod(this, &HubService::flushQueue, Qt::QueuedConnection);
    }
}

void HubService::flushQueue()
{
    m_flushScheduled = false;
    while (!m_queue.isEmpty()) {
        const QList<Pending> queue = std::exchange(m_queue, {});
        QList<CommandResult> results(queue.size());
        // One batch per cafe, each keeping submission order.
        QHash<QString, QList<qsizetype>> byCafe;
        QStringList order;
        for (qsizetype i = 0; i < queue.size(); ++i) {
            const HubActor &actor = queue.at(i).request.actor;
            if (auto refused = precheck(actor)) {
                results[i] = *refused;
                continue;
            }
            if (!byCafe.contains(actor.cafeId))
                order.append(actor.cafeId);
            byCafe[actor.cafeId].append(i);
        }
        for (const QString &cafeId : order) {
            const QList<qsizetype> &indexes = byCafe.value(cafeId);
            CafeService *c = cafe(cafeId);
            if (!c) {
                for (qsizetype i : indexes)
                    results[i] = CommandResult::failure(CommandError::denied(
                        QStringLiteral("this hub does not serve cafe %1").arg(cafeId)));
                continue;
            }
            QList<CafeService::Request> batch;
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

JsonWebToken::Verified HubService::verifyAccessToken(const QString &token)
{
    JsonWebToken::Verified v = JsonWebToken::verify(
        token.toUtf8(), m_secret, m_clock->nowMs() / 1000, QStringLiteral("access"));
    if (!v.ok())
        return v;
    try {
        if (!m_registry.cafe(v.claims.cafeId)) {
            v.error = JsonWebToken::Error::CafeNotServed;
            v.message = QStringLiteral("this hub does not serve cafe %1").arg(v.claims.cafeId);
            return v;
        }
        const QString owner = m_registry.cafeOfUser(v.claims.userId);
        if (!owner.isEmpty() && owner != v.claims.cafeId) {
            v.error = JsonWebToken::Error::CafeNotServed;
            v.message = QStringLiteral("user belongs to another cafe");
        }
    } catch (const StorageError &e) {
        v.error = JsonWebToken::Error::BadClaims;
        v.message = e.message();
    }
    return v;
}

JsonWebToken::Verified HubService::verifyHandshake(const QString &token, const QString &queryCafeId,
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

QByteArray HubService::mintToken(const HubActor &actor, const QString &tokenType, qint64 ttlSeconds)
{
    TokenClaims c;
    c.userId = actor.userId;
    c.name = actor.name;
    c.role = actor.role;
    c.cafeId = actor.cafeId;
    c.tokenType = tokenType;
    c.issuedAt = m_clock->nowMs() / 1000;
    c.expiresAt = c.issuedAt + ttlSeconds;
    c.tokenId = QString::number(QRandomGenerator::system()->generate64(), 36);
    return JsonWebToken::sign(c, m_secret);
}

HubService::StorageStats HubService::storageStats() const
{
    StorageStats s;
    s.batchSeconds = m_batchSeconds;
    s.lastSuccessMs = m_lastBatchOkMs;
    s.lastFailureMs = m_lastBatchFailedMs;
    for (const CafeService *c : m_cafes)
        s.failures += c->storageFailures();
    return s;
}

HubEventList HubService::eventsSince(const QString &cafeId, qint64 sequence, int limit)
{
    CafeService *c = cafe(cafeId);
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
