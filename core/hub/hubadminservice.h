// The admin API (HubAdmin) over the hub's storage, secret and clock: validates its inputs (the
// bounds the admin command line prints), and writes through connections of its own, so it works
// on a folder no hub serves and beside a running hub alike (the hub notices staff changes within
// a second, StaffRoster). HubDomain owns one for its own store; the admin command line makes
// one per command.
#pragma once

#include "contract.h"
#include "hubadmin.h"
#include "hubregistry.h"

#include <QByteArray>

#include <functional>
#include <memory>

namespace TableTap {

class HubClock;
class HubRegistry;
class SimulatedClock;
class StorageBackend;
class StoreConnection;

class HubAdminService final : public HubAdmin
{
public:
    // The token secret, loaded (or created) only when a token is minted; empty with *error set
    // when it cannot be had.
    using SecretSource = std::function<QByteArray(QString *error)>;

    // clock: null for the wall clock. accessTokenTtlSeconds: what TokenRequest::ttlSeconds 0 means.
    HubAdminService(StorageBackend &storage, SecretSource secret, HubClock *clock = nullptr,
                    qint64 accessTokenTtlSeconds = 12 * 3600);

    AdminResult cafes(QList<CafeInfo> *out) override;
    AdminResult addCafe(const NewCafe &cafe, MenuCounts *added = nullptr) override;
    AdminResult importMenu(const QString &cafeId, const QJsonObject &menu,
                           MenuCounts *imported = nullptr) override;
    AdminResult menuProducts(const QString &cafeId, QJsonArray *products) override;
    // get_report as the admin command line runs it: payload {report, date, to?}; the report
    // object in *report.
    AdminResult report(const QString &cafeId, const QJsonObject &payload, QJsonObject *report);
    AdminResult importProducts(const QString &cafeId, const QJsonArray &products, bool replace,
                               QJsonObject *answer = nullptr) override;
    AdminResult staff(const QString &cafeId, QList<StaffInfo> *out) override;
    AdminResult staffMember(const QString &cafeId, const QString &code, StaffInfo *out) override;
    AdminResult addStaff(const QString &cafeId, const NewStaff &staff,
                         StaffInfo *added = nullptr) override;
    AdminResult changeStaff(const QString &cafeId, const QString &code, const StaffEdit &edit,
                            StaffInfo *changed = nullptr) override;
    AdminResult mintToken(const TokenRequest &request, QString *token) override;
    AdminResult backup(const QString &target, const QString &cafeId = {},
                       int *cafes = nullptr) override;
    qint64 hubTimeMs() override;
    HubClockInfo clockInfo() override;
    AdminResult setSimulatedTime(qint64 ms) override;
    AdminResult advanceSimulatedTime(qint64 ms) override;
    AdminResult runSimulatedTime() override;

    // Chain owners (`tabletap-hub chain grant|revoke|list`): an active admin of cafeId, by code.
    // Grant: NotFound for no such cafe or person, Conflict when they are no active admin or a
    // chain owner already. Revoke: Conflict when they are none. A serving hub reads the grants
    // on every chain command, so both act at once.
    AdminResult grantChainOwner(const QString &cafeId, const QString &code,
                                HubRegistry::ChainOwner *granted = nullptr);
    AdminResult revokeChainOwner(const QString &cafeId, const QString &code,
                                 HubRegistry::ChainOwner *revoked = nullptr);
    AdminResult chainOwners(QList<HubRegistry::ChainOwner> *out);

    // A board token's lifetime when TokenRequest::ttlSeconds is 0: a TV is set up once, and
    // what it reads is first names and ticket numbers (docs/security.md).
    static constexpr qint64 kBoardTokenTtlSeconds = 90 * 24 * 3600;

private:
    // One command of a cafe's, run as the admin command line on a connection of its own.
    AdminResult runCafeCommand(const QString &cafeId, Contract::Command command,
                               const QJsonObject &payload, QJsonObject *data);
    // mintToken's board branch, once the request and the cafe are checked.
    AdminResult signBoardToken(const TokenRequest &request, const QString &label, QString *token);
    // The hub's SimulatedClock, or null with *failure set.
    SimulatedClock *simulatedClock(AdminResult *failure) const;
    // The registry, and cafeId's store when it is in it: Ok, or the failure to return.
    AdminResult openRegistry(HubRegistry *registry);
    AdminResult openCafe(HubRegistry *registry, const QString &cafeId,
                         std::unique_ptr<StoreConnection> *db);

    StorageBackend &m_storage;
    SecretSource m_secret;
    HubClock *m_clock;
    qint64 m_accessTokenTtlSeconds;
};

} // namespace TableTap
