// The domain face of the hub, for the wiring layer: serves every cafe of a data folder,
// executes commands (actor, namespace, command, payload) into an ack plus the events to emit
// with their rooms, verifies tokens and handshakes, signs staff in, and announces events that
// timers produce (card answers, QR expiry, throttled stock updates) through eventsReady(), and
// staff whose access changed (from a command or the admin command line) through staffChanged().
#pragma once

#include "cafedomain.h"
#include "chainoffice.h"
#include "commandratelimiter.h"
#include "commandresult.h"
#include "hubactor.h"
#include "hubadminservice.h"
#include "huboptions.h"
#include "hubregistry.h"
#include "jsonwebtoken.h"
#include "latencyhistogram.h"
#include "signinservice.h"
#include "storagebackend.h"

#include <QBasicTimer>
#include <QHash>
#include <QJsonValue>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QThreadPool>

#include <functional>
#include <memory>

namespace TableTap {

class HubClock;

class HubDomain final : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const CommandResult &result)>;

    // clock: null for the wall clock (owned); a ManualClock for tests and fast simulation.
    explicit HubDomain(const HubOptions &options, HubClock *clock = nullptr,
                       QObject *parent = nullptr);
    ~HubDomain() override;

    // Opens the store (makeStorage: SqliteStorage on options.dataDir, or PostgresStorage on
    // options.databaseUrl), the secret (StorageBackend::tokenSecret), the registry, every cafe.
    bool open(QString *error);

    // Runs one command now in its own transaction (after anything already submitted).
    CommandResult execute(const HubActor &actor, const QString &nsp, const QString &command,
                          const QJsonValue &payload);
    // Group commit: queues the command; at the next event-loop turn every queued command runs,
    // one transaction per cafe, and each `done` is called after that commit (in submission
    // order). `done` is skipped when `context` was destroyed meanwhile. set_staff_pin and add_staff
    // are queued once its PIN is hashed on a worker thread (PBKDF2 would stall the loop), so
    // commands sent after it may be applied first.
    void submit(const HubActor &actor, const QString &nsp, const QString &command,
                const QJsonValue &payload, QObject *context, Callback done);
    // Runs what submit() queued, now (tests; shutdown).
    void flushQueue();

    // Access tokens (sockets, devices). Refuses tokens of cafes this hub does not serve, user
    // ids that belong to another cafe, and a staff member's tokens once they are disabled, their
    // tokens revoked (an older generation) or their role changed.
    JsonWebToken::Verified verifyAccessToken(const QString &token);
    // The Socket.IO handshake: auth.token plus query.cafe_id / query.user_role, which must
    // agree with the token's claims when present.
    JsonWebToken::Verified verifyHandshake(const QString &token, const QString &queryCafeId,
                                           const QString &queryRole);
    // A ready board's token (token_type "board", minted by the admin API): signature, expiry,
    // a cafe this hub serves, and query.cafe_id if given; a board has no user_role to claim.
    // Never accepted where an access token is wanted (verifyAccessToken), nor the other way.
    JsonWebToken::Verified verifyBoardToken(const QString &token, const QString &queryCafeId,
                                            const QString &queryRole);
    // Signed with the staff member's current token generation (0 for device ids).
    QByteArray mintToken(const HubActor &actor, const QString &tokenType, qint64 ttlSeconds);
    SignInService &signInService() { return *m_signIn; }

    // The five namespaces, and the commands each one accepts (to register the handlers).
    static QStringList namespaces();
    static QStringList commandNames(const QString &nsp);

    HubEventList eventsSince(const QString &cafeId, qint64 sequence, int limit = 1000);
    QStringList cafeIds();
    CafeDomain *cafe(const QString &cafeId); // opens it on first use (cafes added while running)
    HubRegistry &registry() { return m_registry; }
    // The chain owners' commands and checks (chain_overview, open_cafe and their tokens).
    ChainOffice &chain() { return *m_chain; }
    StorageBackend &storage() { return *m_storage; }
    // The admin API on this hub's store, secret and clock (open() first for tokens).
    HubAdmin &admin() { return *m_admin; }
    HubClock *clock() const { return m_clock; }

    // Storage figures for /metrics and /healthz: the time each command batch took to run and
    // commit (what an ack waits for), batches and timer work rolled back because storage failed,
    // and whether the latest batch was stored.
    struct StorageStats
    {
        LatencyHistogram batchSeconds;
        quint64 failures = 0;
        qint64 lastSuccessMs = 0; // wall clock, 0 = none yet
        qint64 lastFailureMs = 0;
    };
    StorageStats storageStats() const;
    // For /healthz: the store's own condition (StorageBackend::health), then whether the
    // registry and each cafe still answer on the hub's own connections.
    struct StorageCheck
    {
        StorageHealth store;
        int databases = 0; // connections that answered
        int cafes = 0;     // cafes in the registry
    };
    StorageCheck checkStorage(qint64 minFreeBytes);
    const HubOptions &options() const { return m_options; }

Q_SIGNALS:
    // Events that no command returned: produced by timers, already stored.
    void eventsReady(const TableTap::HubEventList &events);
    // Staff of cafeId whose access changed; their staff:updated events went out just before.
    void staffChanged(const QString &cafeId, const QList<TableTap::StaffChange> &changes);

protected:
    void timerEvent(QTimerEvent *event) override;
    // HubOptions::timerSweepIntervalMs: every cafe's overdue timers (CafeDomain).
    void sweepOverdueTimers();

private:
    struct Pending
    {
        CafeDomain::Request request;
        QPointer<QObject> context;
        bool hasContext = false;
        Callback done;
    };
    // refreshedCafes: cafes whose staff were re-read in this pass already (flushQueue); null
    // to re-read every time.
    std::optional<CommandResult> precheck(const HubActor &actor,
                                          QSet<QString> *refreshedCafes = nullptr);
    // A token of this type, signed by this hub, unexpired, of a cafe this hub serves.
    JsonWebToken::Verified verifyServed(const QString &token, const QString &type);
    void enqueue(Pending pending);
    void hashPinThenQueue(Pending pending, const QString &pin);

    HubOptions m_options;
    HubClock *m_clock = nullptr;
    std::unique_ptr<StorageBackend> m_storage;
    HubRegistry m_registry;
    QByteArray m_secret;
    std::unique_ptr<HubAdminService> m_admin;
    QHash<QString, CafeDomain *> m_cafes;
    CommandRateLimiter m_rateLimiter;
    std::unique_ptr<SignInService> m_signIn;
    std::unique_ptr<ChainOffice> m_chain;
    QList<Pending> m_queue;
    bool m_flushScheduled = false;
    LatencyHistogram m_batchSeconds;
    qint64 m_lastBatchOkMs = 0;
    qint64 m_lastBatchFailedMs = 0;
    QBasicTimer m_staffTimer;
    QBasicTimer m_sweepTimer; // HubOptions::timerSweepIntervalMs
    QThreadPool m_pinPool;    // set_staff_pin hashing
    int m_pinHashesInFlight = 0;

    friend class SignInService;
};

} // namespace TableTap
