// The chain owners' overview and cafe tokens.
#include "chainoffice.h"

#include "cafedomain.h"
#include "cafesettings.h"
#include "commanderror.h"
#include "hubclock.h"
#include "hubdomain.h"
#include "hubtime.h"
#include "payloadreader.h"
#include "reportbuilder.h"
#include "storageerror.h"
#include "storeconnection.h"

#include <QJsonArray>

namespace TableTap {

namespace {
const QString kChainPrefix = QStringLiteral("chain");

qint64 count(StoreConnection &db, const QString &sql, const QVariantList &binds = {})
{
    return db.scalar(sql, binds).toLongLong();
}
} // namespace

ChainOffice::ChainOffice(HubDomain &hub, Signer sign)
    : m_hub(hub)
    , m_sign(std::move(sign))
{}

const QStringList &ChainOffice::summedFigures()
{
    static const QStringList keys{QStringLiteral("orders"),      QStringLiteral("cancelled"),
                                  QStringLiteral("revenue"),     QStringLiteral("open_orders"),
                                  QStringLiteral("late_orders"), QStringLiteral("stock_alerts"),
                                  QStringLiteral("staff_in")};
    return keys;
}

QJsonObject ChainOffice::figures(StoreConnection &db, qint64 nowMs)
{
    const CafeSettings settings = CafeSettings::load(db);
    // The cafe's own business day (its zone, its day start), as its orders are stamped.
    const QString date
        = HubTime::localDate(nowMs - qint64(settings.businessDayStartMinutes) * 60000,
                             HubTime::zoneFromId(settings.timezone))
              .toString(Qt::ISODate);
    const qint64 lateBefore = nowMs - qint64(settings.ageLateSeconds) * 1000;
    const QString open = QStringLiteral("status IN ('pending','preparing','ready')");
    return QJsonObject{
        {QStringLiteral("business_date"), date},
        {QStringLiteral("currency"), settings.currency},
        {QStringLiteral("orders"),
         count(db, QStringLiteral("SELECT COUNT(*) FROM orders WHERE business_date = ?"), {date})},
        {QStringLiteral("cancelled"),
         count(db,
               QStringLiteral("SELECT COUNT(*) FROM orders WHERE business_date = ? AND "
                              "status = 'cancelled'"),
               {date})},
        // What the day's orders brought in: completed payments (a refunded one is no longer).
        {QStringLiteral("revenue"),
         count(db,
               QStringLiteral("SELECT COALESCE(SUM(p.amount_cents), 0) FROM payments p JOIN orders "
                              "o ON o.id = p.order_id WHERE o.business_date = ? AND "
                              "p.status = 'completed'"),
               {date})},
        // Open and late whatever their day: a ticket left from yesterday still waits.
        {QStringLiteral("open_orders"),
         count(db, QStringLiteral("SELECT COUNT(*) FROM orders WHERE ") + open)},
        {QStringLiteral("late_orders"), count(db,
                                              QStringLiteral("SELECT COUNT(*) FROM orders WHERE ")
                                                  + open + QStringLiteral(" AND created_at <= ?"),
                                              {lateBefore})},
        {QStringLiteral("stock_alerts"),
         count(db, QStringLiteral("SELECT COUNT(*) FROM stock_alerts WHERE cleared_at IS NULL"))},
        {QStringLiteral("staff_in"),
         count(db, QStringLiteral("SELECT COUNT(*) FROM timesheets WHERE clock_out IS NULL"))},
        {QStringLiteral("age_late_seconds"), settings.ageLateSeconds},
    };
}

QString ChainOffice::chainUserId(const ChainUser &user)
{
    return QStringList{kChainPrefix, user.ownerCafeId, user.ownerStaffId, user.cafeId}.join(u':');
}

std::optional<ChainOffice::ChainUser> ChainOffice::parseChainUserId(const QString &userId)
{
    const QStringList parts = userId.split(u':');
    if (parts.size() != 4 || parts.at(0) != kChainPrefix || parts.at(1).isEmpty()
        || parts.at(2).isEmpty() || parts.at(3).isEmpty())
        return std::nullopt;
    return ChainUser{parts.at(1), parts.at(2), parts.at(3)};
}

qint64 ChainOffice::openCafeTtlSeconds() const
{
    return qMax<qint64>(60, m_hub.options().accessTokenTtlSeconds / 12);
}

QString ChainOffice::chainTokenRefusal(const ChainUser &user, qint64 generation)
{
    CafeDomain *home = m_hub.cafe(user.ownerCafeId);
    const std::optional<StaffRecord> owner
        = home ? home->staffMember(user.ownerStaffId) : std::nullopt;
    if (!owner || !owner->active)
        return QStringLiteral("the chain owner is disabled");
    if (owner->role != HubRole::Admin)
        return QStringLiteral("the chain owner is no longer an admin");
    if (owner->tokenGeneration != generation)
        return QStringLiteral("the chain owner's tokens were revoked");
    if (!m_hub.registry().isChainOwner(user.ownerCafeId, user.ownerStaffId))
        return QStringLiteral("the chain grant was revoked");
    return {};
}

void ChainOffice::requireOwner(const HubActor &actor)
{
    const QString refused = QStringLiteral("only a chain owner may do this (the hub's operator "
                                           "grants it: tabletap-hub chain grant)");
    try {
        CafeDomain *home = m_hub.cafe(actor.cafeId);
        const std::optional<StaffRecord> staff
            = home ? home->staffMember(actor.userId) : std::nullopt;
        if (!staff || !staff->active || staff->role != HubRole::Admin
            || staff->tokenGeneration != actor.tokenGeneration
            || !m_hub.registry().isChainOwner(actor.cafeId, actor.userId))
            throw CommandError::denied(refused);
    } catch (const StorageError &e) {
        throw CommandError::conflict(
            QStringLiteral("the hub cannot read its chain owners now: %1").arg(e.message()));
    }
}

QJsonObject ChainOffice::run(Contract::Command command, const HubActor &actor,
                             const PayloadReader &payload)
{
    requireOwner(actor);
    switch (command) {
    case Contract::Command::ChainOverview:
        return overview();
    case Contract::Command::OpenCafe:
        return openCafe(actor, payload);
    case Contract::Command::GetReport:
        return reportForCafes(payload);
    default:
        throw CommandError::notFound(
            QStringLiteral("%1 is no chain command").arg(Contract::name(command)));
    }
}

QJsonObject ChainOffice::overview()
{
    const qint64 now = m_hub.clock()->nowMs();
    QJsonArray cafes;
    QJsonObject total;
    for (const QString &key : summedFigures())
        total.insert(key, 0);
    QString currency;
    bool oneCurrency = true;
    for (const QString &id : m_hub.cafeIds()) {
        CafeDomain *c = m_hub.cafe(id);
        if (!c)
            throw CommandError::conflict(QStringLiteral("cafe %1 cannot be opened").arg(id));
        QJsonObject row;
        try {
            row = figures(c->connection(), now);
        } catch (const StorageError &e) {
            throw CommandError::conflict(
                QStringLiteral("cafe %1 cannot be read now: %2").arg(id, e.message()));
        }
        row.insert(QStringLiteral("id"), id);
        row.insert(QStringLiteral("name"), c->name());
        for (const QString &key : summedFigures())
            total.insert(key, total.value(key).toInteger() + row.value(key).toInteger());
        const QString cur = row.value(QStringLiteral("currency")).toString();
        if (currency.isEmpty())
            currency = cur;
        else if (cur != currency)
            oneCurrency = false;
        cafes.append(row);
    }
    total.insert(QStringLiteral("cafes"), cafes.size());
    // Revenue in different currencies does not add up to a sum in any one of them.
    total.insert(QStringLiteral("currency"),
                 oneCurrency && !currency.isEmpty() ? QJsonValue(currency) : QJsonValue());
    return QJsonObject{{QStringLiteral("generated_at"), HubTime::isoUtc(now)},
                       {QStringLiteral("cafes"), cafes},
                       {QStringLiteral("total"), total}};
}

QJsonObject ChainOffice::openCafe(const HubActor &owner, const PayloadReader &payload)
{
    const QString cafeId = payload.string(QStringLiteral("cafe"), 64);
    CafeDomain *target = m_hub.cafe(cafeId);
    if (!target)
        throw CommandError::notFound(QStringLiteral("this hub does not serve cafe %1").arg(cafeId),
                                     payload.fieldPath(QStringLiteral("cafe")));
    const QString userId = chainUserId({owner.cafeId, owner.userId, cafeId});
    if (!m_hub.registry().claimUser(userId, cafeId))
        throw CommandError::conflict(
            QStringLiteral("user id %1 belongs to another cafe").arg(userId));
    // An admin of that cafe, acting in the owner's name and carrying the owner's token
    // generation: revoking the owner's sessions ends these too (chainTokenRefusal).
    const qint64 now = m_hub.clock()->nowMs();
    const TokenClaims claims = TokenClaims::issued(
        HubActor{userId, owner.name, HubRole::Admin, cafeId, owner.tokenGeneration},
        Contract::TokenType::Access, now / 1000, openCafeTtlSeconds());
    const QByteArray token = m_sign ? m_sign(claims) : QByteArray();
    if (token.isEmpty())
        throw CommandError::conflict(QStringLiteral("this hub cannot sign tokens now"));
    return QJsonObject{{QStringLiteral("token"), QString::fromLatin1(token)},
                       {QStringLiteral("token_type"), QStringLiteral("Bearer")},
                       {QStringLiteral("expires_at"), HubTime::isoUtc(claims.expiresAt * 1000)},
                       {QStringLiteral("cafe_id"), cafeId},
                       {QStringLiteral("cafe_name"), target->name()},
                       {QStringLiteral("user_id"), userId},
                       {QStringLiteral("name"), owner.name},
                       {QStringLiteral("role"), HubActor::roleName(HubRole::Admin)}};
}

QStringList ChainOffice::reportCafes(const PayloadReader &payload)
{
    const QString field = QStringLiteral("cafe");
    const QJsonValue value = payload.json().value(field);
    QStringList ids;
    if (value.isString() && value.toString() == u"all") {
        ids = m_hub.cafeIds();
    } else if (value.isString()) {
        ids.append(payload.string(field, 64));
    } else {
        const QJsonArray list = payload.array(field, 200);
        for (int i = 0; i < list.size(); ++i) {
            if (!list.at(i).isString())
                throw CommandError::invalid(
                    QStringLiteral("%1[%2]").arg(payload.fieldPath(field)).arg(i),
                    QStringLiteral("must be a cafe id"));
            if (!ids.contains(list.at(i).toString()))
                ids.append(list.at(i).toString());
        }
    }
    for (const QString &id : std::as_const(ids))
        if (!m_hub.cafe(id))
            throw CommandError::notFound(QStringLiteral("this hub does not serve cafe %1").arg(id),
                                         payload.fieldPath(field));
    return ids;
}

QJsonObject ChainOffice::reportForCafes(const PayloadReader &payload)
{
    const ReportBuilder::Request request = ReportBuilder::readRequest(payload);
    const qint64 now = m_hub.clock()->nowMs();
    QList<QJsonObject> reports;
    for (const QString &id : reportCafes(payload)) {
        CafeDomain *c = m_hub.cafe(id);
        try {
            ReportBuilder builder(c->connection(), CafeSettings::load(c->connection()), id,
                                  c->name());
            reports.append(builder.build(request, now));
        } catch (const StorageError &e) {
            throw CommandError::conflict(
                QStringLiteral("cafe %1 cannot be read now: %2").arg(id, e.message()));
        }
    }
    return combineReports(reports);
}

QJsonObject ChainOffice::combineReports(const QList<QJsonObject> &reports)
{
    if (reports.isEmpty())
        return {};
    if (reports.size() == 1)
        return reports.constFirst();
    QJsonObject combined = reports.constFirst();
    QJsonArray cafes;
    for (const QJsonObject &r : reports)
        for (const QJsonValue &c : r.value(QStringLiteral("cafes")).toArray())
            cafes.append(c);
    combined.insert(QStringLiteral("cafes"), cafes);
    for (const char *key : {"currency", "timezone", "business_day_start"}) {
        const QString k = QLatin1String(key);
        for (const QJsonObject &r : reports)
            if (r.value(k) != combined.value(k))
                combined.insert(k, QJsonValue());
    }
    const auto adds = [](const QString &type) {
        return type == u"int" || type == u"money" || type == u"minutes" || type == u"centihours";
    };
    // Sections in the first report's order; each cafe's report has the same ones.
    QJsonArray sections;
    for (const QJsonValue &first :
         reports.constFirst().value(QStringLiteral("sections")).toArray()) {
        QJsonObject section = first.toObject();
        const QString id = section.value(QStringLiteral("id")).toString();
        const QJsonArray columns = section.value(QStringLiteral("columns")).toArray();
        QJsonArray withCafe{QJsonObject{{QStringLiteral("key"), QStringLiteral("cafe")},
                                        {QStringLiteral("title"), QStringLiteral("Cafe")},
                                        {QStringLiteral("type"), QStringLiteral("text")}}};
        for (const QJsonValue &c : columns)
            withCafe.append(c);
        QJsonArray rows;
        QList<qint64> sums(columns.size(), 0);
        for (const QJsonObject &r : reports) {
            const QString cafeName = r.value(QStringLiteral("cafes"))
                                         .toArray()
                                         .at(0)
                                         .toObject()
                                         .value(QStringLiteral("name"))
                                         .toString();
            QJsonObject mine;
            for (const QJsonValue &s : r.value(QStringLiteral("sections")).toArray())
                if (s.toObject().value(QStringLiteral("id")).toString() == id)
                    mine = s.toObject();
            const QJsonArray cafeRows = mine.value(QStringLiteral("rows")).toArray();
            for (const QJsonValue &row : cafeRows) {
                QJsonArray cells{cafeName};
                for (const QJsonValue &cell : row.toArray())
                    cells.append(cell);
                rows.append(cells);
            }
            // What adds up: the cafe's total, or its rows where the section has none.
            QList<QJsonArray> parts;
            if (mine.value(QStringLiteral("total")).isArray())
                parts.append(mine.value(QStringLiteral("total")).toArray());
            else
                for (const QJsonValue &row : cafeRows)
                    parts.append(row.toArray());
            for (const QJsonArray &part : std::as_const(parts))
                for (qsizetype i = 0; i < columns.size(); ++i)
                    sums[i] += part.at(i).toInteger();
        }
        QJsonArray total{QStringLiteral("Total")};
        for (qsizetype i = 0; i < columns.size(); ++i) {
            const QString type = columns.at(i).toObject().value(QStringLiteral("type")).toString();
            total.append(adds(type) ? QJsonValue(sums.at(i)) : QJsonValue());
        }
        section.insert(QStringLiteral("columns"), withCafe);
        section.insert(QStringLiteral("rows"), rows);
        section.insert(QStringLiteral("total"), total);
        sections.append(section);
    }
    combined.insert(QStringLiteral("sections"), sections);
    return combined;
}

} // namespace TableTap
