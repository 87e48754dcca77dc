// The chain owners' side of the hub: who owns the chain (an admin of one cafe whom the hub's
// operator granted it in the registry), the overview of every cafe the hub serves, and the
// short-lived admin tokens that open one cafe's console. Cafes stay isolated: only this class,
// at the hub's level, reads several cafes' stores, and only for a granted owner.
#pragma once

#include "contract.h"
#include "hubactor.h"
#include "tokenclaims.h"

#include <QJsonObject>
#include <QString>

#include <functional>
#include <optional>

namespace TableTap {

class HubDomain;
class PayloadReader;
class StoreConnection;

class ChainOffice final
{
public:
    using Signer = std::function<QByteArray(const TokenClaims &claims)>;

    ChainOffice(HubDomain &hub, Signer sign);

    // chain_overview, open_cafe and get_report for several cafes (payload `cafe`: "all" or a
    // list of ids), for an actor its cafe admitted. Throws
    // CommandError: PERMISSION_DENIED for anyone without a standing grant, NOT_FOUND or
    // INVALID_DATA naming the field.
    QJsonObject run(Contract::Command command, const HubActor &actor, const PayloadReader &payload);
    // Throws CommandError PERMISSION_DENIED unless actor is an active admin of their cafe with a
    // standing chain grant (read from the registry now, so a revoke acts on the next command).
    void requireOwner(const HubActor &actor);

    // One cafe's figures now (ack data of chain_overview without id and name): business_date,
    // currency, orders, cancelled, revenue, open_orders, late_orders, stock_alerts, staff_in,
    // age_late_seconds. Throws StorageError.
    static QJsonObject figures(StoreConnection &db, qint64 nowMs);
    // The figures that add up, in the order the overview and the console show them.
    static const QStringList &summedFigures();

    // The user id of the tokens open_cafe mints: one per owner and cafe, so a `user:<id>` room
    // never spans cafes; ':' is in no cafe or staff id, so no other token can name one.
    struct ChainUser
    {
        QString ownerCafeId, ownerStaffId, cafeId;
    };
    static QString chainUserId(const ChainUser &user);
    static std::optional<ChainUser> parseChainUserId(const QString &userId);
    // For a token open_cafe minted (a chain user id): why it no longer acts (the grant revoked,
    // the owner disabled, no longer an admin, their tokens revoked), empty when it still does.
    // generation: the owner's token generation the token carries. Throws StorageError.
    QString chainTokenRefusal(const ChainUser &user, qint64 generation);

    // One report object of several cafes' (each as ReportBuilder makes it, same report and
    // dates): `cafes` lists them all; each section gets a leading `cafe` column (the cafe's
    // name) and its rows cafe after cafe; its total is "Total" and, for the columns that add up
    // (int, money, minutes, centihours), the sum of the cafes' totals (of their rows where a
    // cafe's section has none); other columns (durations, times, text) are left empty there.
    // currency, timezone and business_day_start stay when all cafes agree, else null.
    static QJsonObject combineReports(const QList<QJsonObject> &reports);
    // The cafes a `cafe` value names: "all" (every cafe served), one id or a list of ids, in the
    // order given; throws CommandError INVALID_DATA / NOT_FOUND naming `cafe`.
    QStringList reportCafes(const PayloadReader &payload);

    // How long an open_cafe token lasts: a twelfth of the hub's access token lifetime (an hour
    // by default; the demo hub stretches both alike).
    qint64 openCafeTtlSeconds() const;

private:
    QJsonObject overview();
    QJsonObject openCafe(const HubActor &owner, const PayloadReader &payload);
    QJsonObject reportForCafes(const PayloadReader &payload);

    HubDomain &m_hub;
    Signer m_sign;
};

} // namespace TableTap
