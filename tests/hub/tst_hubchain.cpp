// Chain owners on a hub serving three cafes: chain_overview's figures per cafe and in total
// against sums over each cafe's own rows; who is refused (an admin without the grant, managers,
// employees, another cafe's manager); a revoke acting on the very next call; open_cafe's token
// admitted to that cafe only (in the domain and over the wire, and ended by a revoke); and
// `tabletap-hub chain grant|revoke|list`; get_report for all cafes (and `tabletap-hub report
// --cafe all`) against the sum of the per-cafe reports.
#include "hubtestfixture.h"
#include "hubwireclient.h"

#include "admincommandline.h"
#include "chainoffice.h"
#include "hubserver.h"

#include <QDateTime>
#include <QHostAddress>
#include <QTimeZone>

using namespace TableTap;
using namespace TableTap::Test;
using namespace Qt::StringLiterals;

namespace {
// The figures of one cafe, added up from its rows here in the test (not with the hub's queries).
struct Expected
{
    qint64 orders = 0, cancelled = 0, revenue = 0, open = 0, late = 0, alerts = 0, staffIn = 0;
};
} // namespace

class TestHubChain : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void overviewAddsUpEachCafe();
    void onlyGrantedOwners();
    void revokeActsOnTheNextCall();
    void openCafeTokenServesThatCafeOnly();
    void openCafeOverTheWire();
    void adminCommandLine();
    void reportsForAllCafes();

private:
    AdminResult grant(const QString &cafe, const QString &code);
    AdminResult revoke(const QString &cafe, const QString &code);
    CommandResult overview(const HubActor &who)
    {
        return m_f->run(who, u"/system"_s, u"chain_overview"_s, {});
    }
    CommandResult openCafe(const HubActor &who, const QString &cafe)
    {
        return m_f->run(who, u"/system"_s, u"open_cafe"_s, {{u"cafe"_s, cafe}});
    }
    QString placeOrder(const HubActor &who, const QString &product = u"Latte"_s)
    {
        const CommandResult r = m_f->order(who, product);
        if (!r.ok())
            qWarning() << "order refused" << dump(r.ack);
        return r.data().value(u"order").toObject().value(u"id").toString();
    }
    void payCash(const HubActor &who, const QString &orderId);
    Expected expectedOf(const QString &cafe);

    std::unique_ptr<HubFixture> m_f;
};

void TestHubChain::init()
{
    m_f = std::make_unique<HubFixture>(QStringList{u"cafe1"_s, u"cafe2"_s, u"cafe3"_s});
}

void TestHubChain::cleanup()
{
    m_f.reset();
}

AdminResult TestHubChain::grant(const QString &cafe, const QString &code)
{
    // A connection of its own, as the admin command line has.
    SqliteStorage storage(m_f->dataDir);
    HubAdminService api(
        storage, [this](QString *e) { return HubSecret::loadOrCreate(m_f->dataDir, e); },
        &m_f->clock);
    return api.grantChainOwner(cafe, code);
}

AdminResult TestHubChain::revoke(const QString &cafe, const QString &code)
{
    SqliteStorage storage(m_f->dataDir);
    HubAdminService api(
        storage, [this](QString *e) { return HubSecret::loadOrCreate(m_f->dataDir, e); },
        &m_f->clock);
    return api.revokeChainOwner(cafe, code);
}

void TestHubChain::payCash(const HubActor &who, const QString &orderId)
{
    const CommandResult started = m_f->run(who, u"/payments"_s, u"start_payment"_s,
                                           {{u"order_id"_s, orderId}, {u"method"_s, u"cash"_s}});
    QVERIFY2(started.ok(), qPrintable(dump(started.ack)));
    const QString txn
        = started.data().value(u"payment").toObject().value(u"transaction_id").toString();
    const CommandResult paid = m_f->run(who, u"/payments"_s, u"confirm_payment"_s,
                                        {{u"transaction_id"_s, txn}, {u"amount_received"_s, 100}});
    QVERIFY2(paid.ok(), qPrintable(dump(paid.ack)));
}

Expected TestHubChain::expectedOf(const QString &cafe)
{
    // The business day: these cafes keep the defaults (UTC, the day starting at midnight).
    const qint64 now = m_f->clock.nowMs();
    const QString today
        = QDateTime::fromMSecsSinceEpoch(now, QTimeZone::utc()).date().toString(Qt::ISODate);
    StoreConnection &db = m_f->hub->cafe(cafe)->connection();
    Expected e;
    QHash<QString, QString> dateOf;
    QSqlQuery q = db.exec(u"SELECT id, business_date, status, created_at FROM orders"_s);
    while (q.next()) {
        const QString date = q.value(1).toString(), status = q.value(2).toString();
        dateOf.insert(q.value(0).toString(), date);
        const bool open = status == u"pending" || status == u"preparing" || status == u"ready";
        e.orders += date == today;
        e.cancelled += date == today && status == u"cancelled";
        e.open += open;
        e.late += open && now - q.value(3).toLongLong() >= 8 * 60 * 1000;
    }
    q = db.exec(u"SELECT order_id, status, amount_cents FROM payments"_s);
    while (q.next())
        if (q.value(1).toString() == u"completed" && dateOf.value(q.value(0).toString()) == today)
            e.revenue += q.value(2).toLongLong();
    q = db.exec(u"SELECT cleared_at FROM stock_alerts"_s);
    while (q.next())
        e.alerts += q.value(0).isNull();
    q = db.exec(u"SELECT clock_out FROM timesheets"_s);
    while (q.next())
        e.staffIn += q.value(0).isNull();
    return e;
}

void TestHubChain::overviewAddsUpEachCafe()
{
    QVERIFY2(grant(u"cafe1"_s, u"ADM001"_s).ok(), "grant");
    // Yesterday in cafe2: an order left open (still open and late today, not today's order).
    const QString yesterday = placeOrder(m_f->employee(u"cafe2"_s));
    QVERIFY(!yesterday.isEmpty());
    m_f->clock.advance(24 * 3600 * 1000LL);

    for (int i = 0; i < 3; ++i)
        placeOrder(m_f->employee(u"cafe1"_s));
    QStringList cafe2;
    for (int i = 0; i < 5; ++i)
        cafe2.append(placeOrder(m_f->employee(u"cafe2"_s), i % 2 ? u"Espresso"_s : u"Latte"_s));
    const QStringList cafe1 = [this] {
        QStringList ids;
        QSqlQuery q = m_f->hub->cafe(u"cafe1"_s)->connection().exec(u"SELECT id FROM orders"_s);
        while (q.next())
            ids.append(q.value(0).toString());
        return ids;
    }();
    QCOMPARE(cafe1.size(), 3);
    payCash(m_f->employee(u"cafe1"_s), cafe1.at(0));
    payCash(m_f->employee(u"cafe1"_s), cafe1.at(1));
    payCash(m_f->employee(u"cafe2"_s), cafe2.at(0));
    const CommandResult cancelled
        = m_f->run(m_f->manager(u"cafe2"_s), u"/orders"_s, u"cancel_order"_s,
                   {{u"order_id"_s, cafe2.at(4)}, {u"reason"_s, u"changed their mind"_s}});
    QVERIFY2(cancelled.ok(), qPrintable(dump(cancelled.ack)));
    QVERIFY(m_f->run(m_f->employee(u"cafe1"_s), u"/employees"_s, u"clock_in"_s, {}).ok());
    QVERIFY(m_f->run(m_f->employee(u"cafe2"_s), u"/employees"_s, u"clock_in"_s, {}).ok());
    QVERIFY(m_f->run(m_f->employee2(u"cafe2"_s), u"/employees"_s, u"clock_in"_s, {}).ok());
    // A stock alert standing in cafe3.
    const CommandResult waste
        = m_f->run(m_f->manager(u"cafe3"_s), u"/inventory"_s, u"adjust_stock"_s,
                   {{u"change_type"_s, u"waste"_s}, {u"sku"_s, u"TEA001"_s}, {u"quantity"_s, 170}});
    QVERIFY2(waste.ok(), qPrintable(dump(waste.ack)));
    // Nine minutes on: everything open so far is late (age_late_seconds 480); one more is not.
    m_f->clock.advance(9 * 60 * 1000);
    placeOrder(m_f->employee(u"cafe2"_s));

    const CommandResult r = overview(m_f->admin(u"cafe1"_s));
    QVERIFY2(r.ok(), qPrintable(dump(r.ack)));
    const QJsonArray cafes = r.data().value(u"cafes").toArray();
    QCOMPARE(cafes.size(), 3);
    const QStringList keys = ChainOffice::summedFigures();
    QHash<QString, qint64> sums;
    for (const QJsonValue &v : cafes) {
        const QJsonObject c = v.toObject();
        const QString id = c.value(u"id").toString();
        QCOMPARE(c.value(u"name").toString(), u"Cafe "_s + id);
        QCOMPARE(c.value(u"business_date").toString(), u"2024-01-02"_s);
        QCOMPARE(c.value(u"currency").toString(), u"USD"_s);
        const Expected e = expectedOf(id);
        QCOMPARE(c.value(u"orders").toInteger(), e.orders);
        QCOMPARE(c.value(u"cancelled").toInteger(), e.cancelled);
        QCOMPARE(c.value(u"revenue").toInteger(), e.revenue);
        QCOMPARE(c.value(u"open_orders").toInteger(), e.open);
        QCOMPARE(c.value(u"late_orders").toInteger(), e.late);
        QCOMPARE(c.value(u"stock_alerts").toInteger(), e.alerts);
        QCOMPARE(c.value(u"staff_in").toInteger(), e.staffIn);
        for (const QString &key : keys)
            sums[key] += c.value(key).toInteger();
    }
    // What was done above, spelled out, so the sums over rows cannot both be wrong alike.
    const QJsonObject c1 = cafes.at(0).toObject(), c2 = cafes.at(1).toObject(),
                      c3 = cafes.at(2).toObject();
    QCOMPARE(c1.value(u"orders").toInteger(), 3);
    QCOMPARE(c2.value(u"orders").toInteger(), 6);
    QCOMPARE(c3.value(u"orders").toInteger(), 0);
    QCOMPARE(c2.value(u"cancelled").toInteger(), 1);
    QCOMPARE(c2.value(u"open_orders").toInteger(), 6); // yesterday's, 4 of 5, the last one
    QCOMPARE(c2.value(u"late_orders").toInteger(), 5);
    QCOMPARE(c1.value(u"late_orders").toInteger(), 3);
    QCOMPARE(c1.value(u"staff_in").toInteger(), 1);
    QCOMPARE(c2.value(u"staff_in").toInteger(), 2);
    QVERIFY(c1.value(u"revenue").toInteger() > 0);
    QVERIFY(c3.value(u"stock_alerts").toInteger() >= 1);
    QCOMPARE(c1.value(u"stock_alerts").toInteger(), 0);

    const QJsonObject total = r.data().value(u"total").toObject();
    QCOMPARE(total.value(u"cafes").toInt(), 3);
    QCOMPARE(total.value(u"currency").toString(), u"USD"_s);
    for (const QString &key : keys)
        QCOMPARE(total.value(key).toInteger(), sums.value(key));
    QCOMPARE(total.value(u"orders").toInteger(), 9);
    // Not stored: a read changes nothing.
    QVERIFY(r.events.isEmpty());
}

void TestHubChain::onlyGrantedOwners()
{
    QVERIFY(grant(u"cafe1"_s, u"ADM001"_s).ok());
    QVERIFY(overview(m_f->admin(u"cafe1"_s)).ok());
    // An admin without the grant, the owner's own cafe's manager and employee, another cafe's
    // manager: none sees the chain or opens a cafe.
    const QList<HubActor> refused{m_f->admin(u"cafe2"_s),   m_f->admin(u"cafe3"_s),
                                  m_f->manager(u"cafe1"_s), m_f->employee(u"cafe1"_s),
                                  m_f->manager(u"cafe2"_s), m_f->employee(u"cafe3"_s)};
    for (const HubActor &who : refused) {
        const CommandResult r = overview(who);
        QVERIFY2(r.errorType() == u"PERMISSION_DENIED", qPrintable(who.cafeId + dump(r.ack)));
        QVERIFY(r.data().isEmpty());
        QCOMPARE(openCafe(who, u"cafe1"_s).errorType(), u"PERMISSION_DENIED"_s);
        QCOMPARE(openCafe(who, u"cafe2"_s).errorType(), u"PERMISSION_DENIED"_s);
    }
    // Only an active admin can be granted at all.
    QCOMPARE(grant(u"cafe2"_s, u"MGR001"_s).status, AdminResult::Status::Conflict);
    QCOMPARE(grant(u"cafe2"_s, u"NOPE"_s).status, AdminResult::Status::NotFound);
    QCOMPARE(grant(u"cafe9"_s, u"ADM001"_s).status, AdminResult::Status::NotFound);
    QCOMPARE(grant(u"cafe1"_s, u"ADM001"_s).status, AdminResult::Status::Conflict); // already
    // An owner whose role went down is refused though the grant stands.
    QVERIFY(m_f->run(m_f->admin(u"cafe1"_s), u"/employees"_s, u"set_staff_role"_s,
                     {{u"user_id"_s, m_f->manager(u"cafe1"_s).userId}, {u"role"_s, u"admin"_s}})
                .ok());
    QVERIFY(grant(u"cafe1"_s, u"MGR001"_s).ok());
    HubActor promoted = m_f->manager(u"cafe1"_s);
    promoted.role = HubRole::Admin;
    QVERIFY(overview(promoted).ok());
    QVERIFY(m_f->run(m_f->admin(u"cafe1"_s), u"/employees"_s, u"set_staff_role"_s,
                     {{u"user_id"_s, promoted.userId}, {u"role"_s, u"manager"_s}})
                .ok());
    QCOMPARE(overview(promoted).errorType(), u"PERMISSION_DENIED"_s);
    QCOMPARE(overview(m_f->manager(u"cafe1"_s)).errorType(), u"PERMISSION_DENIED"_s);
    // open_cafe's own input.
    QCOMPARE(openCafe(m_f->admin(u"cafe1"_s), u"cafe9"_s).errorType(), u"NOT_FOUND"_s);
    const CommandResult bad = m_f->run(m_f->admin(u"cafe1"_s), u"/system"_s, u"open_cafe"_s, {});
    QCOMPARE(bad.errorType(), u"INVALID_DATA"_s);
    QCOMPARE(bad.ack.value(u"error").toObject().value(u"field").toString(), u"cafe"_s);
}

void TestHubChain::revokeActsOnTheNextCall()
{
    const HubActor owner = m_f->admin(u"cafe2"_s);
    QCOMPARE(overview(owner).errorType(), u"PERMISSION_DENIED"_s);
    QVERIFY(grant(u"cafe2"_s, u"ADM001"_s).ok());
    QVERIFY(overview(owner).ok()); // granted while the hub runs: the next call
    const QString token = openCafe(owner, u"cafe3"_s).data().value(u"token").toString();
    QVERIFY(!token.isEmpty());
    QVERIFY(m_f->hub->verifyAccessToken(token).ok());

    QVERIFY(revoke(u"cafe2"_s, u"ADM001"_s).ok());
    QCOMPARE(overview(owner).errorType(), u"PERMISSION_DENIED"_s);
    QCOMPARE(openCafe(owner, u"cafe3"_s).errorType(), u"PERMISSION_DENIED"_s);
    // The cafe token it opened is refused too, at the handshake and for a command.
    const JsonWebToken::Verified v = m_f->hub->verifyAccessToken(token);
    QCOMPARE(v.error, JsonWebToken::Error::Revoked);
    const JsonWebToken::Verified claims
        = JsonWebToken::verify(token.toUtf8(), HubSecret::loadOrCreate(m_f->dataDir, nullptr),
                               m_f->clock.nowMs() / 1000, u"access"_s);
    QVERIFY(claims.ok());
    QCOMPARE(m_f->run(claims.claims.actor(), u"/orders"_s, u"list_orders"_s).errorType(),
             u"PERMISSION_DENIED"_s);
    QCOMPARE(revoke(u"cafe2"_s, u"ADM001"_s).status, AdminResult::Status::Conflict);
    // Granted again: the owner and a newly opened token act again.
    QVERIFY(grant(u"cafe2"_s, u"ADM001"_s).ok());
    QVERIFY(overview(owner).ok());
    // The owner's sessions revoked: their cafe tokens end with them.
    QVERIFY(m_f->hub->verifyAccessToken(token).ok());
    QVERIFY(m_f->run(m_f->admin(u"cafe2"_s), u"/employees"_s, u"revoke_staff_sessions"_s,
                     {{u"user_id"_s, m_f->manager(u"cafe2"_s).userId}})
                .ok());
    QVERIFY(m_f->hub->verifyAccessToken(token).ok()); // someone else's sessions: no change
    SqliteStorage storage(m_f->dataDir);
    HubAdminService api(
        storage, [this](QString *e) { return HubSecret::loadOrCreate(m_f->dataDir, e); },
        &m_f->clock);
    StaffEdit edit;
    edit.action = StaffEdit::Action::Revoke;
    QVERIFY(api.changeStaff(u"cafe2"_s, u"ADM001"_s, edit).ok());
    m_f->hub->cafe(u"cafe2"_s)->checkStaff(true);
    QCOMPARE(m_f->hub->verifyAccessToken(token).error, JsonWebToken::Error::Revoked);
}

void TestHubChain::openCafeTokenServesThatCafeOnly()
{
    QVERIFY(grant(u"cafe1"_s, u"ADM001"_s).ok());
    const HubActor owner = m_f->admin(u"cafe1"_s);
    const CommandResult a = openCafe(owner, u"cafe2"_s);
    QVERIFY2(a.ok(), qPrintable(dump(a.ack)));
    QCOMPARE(a.data().value(u"cafe_id").toString(), u"cafe2"_s);
    QCOMPARE(a.data().value(u"cafe_name").toString(), u"Cafe cafe2"_s);
    QCOMPARE(a.data().value(u"role").toString(), u"admin"_s);
    const QString token = a.data().value(u"token").toString();
    const JsonWebToken::Verified v = m_f->hub->verifyHandshake(token, {}, {});
    QVERIFY(v.ok());
    QCOMPARE(v.claims.cafeId, u"cafe2"_s);
    QCOMPARE(v.claims.role, HubRole::Admin);
    QCOMPARE(v.claims.userId, a.data().value(u"user_id").toString());
    // Short-lived: a twelfth of the access token lifetime (an hour by default).
    QCOMPARE(v.claims.expiresAt - v.claims.issuedAt, 3600);
    // Another cafe's query, or the same user id acting in another cafe: refused.
    QCOMPARE(m_f->hub->verifyHandshake(token, u"cafe3"_s, {}).error,
             JsonWebToken::Error::QueryMismatch);
    HubActor elsewhere = v.claims.actor();
    elsewhere.cafeId = u"cafe3"_s;
    QCOMPARE(m_f->run(elsewhere, u"/orders"_s, u"list_orders"_s).errorType(),
             u"PERMISSION_DENIED"_s);
    // In its cafe it acts as an admin: cafe2's orders, not cafe1's.
    placeOrder(m_f->employee(u"cafe1"_s));
    placeOrder(m_f->employee(u"cafe2"_s));
    placeOrder(m_f->employee(u"cafe2"_s));
    const CommandResult orders = m_f->run(v.claims.actor(), u"/orders"_s, u"list_orders"_s);
    QVERIFY2(orders.ok(), qPrintable(dump(orders.ack)));
    QCOMPARE(orders.data().value(u"open_orders").toArray().size(), 2);
    QVERIFY(m_f->run(v.claims.actor(), u"/employees"_s, u"list_staff"_s).ok());
    // It is no chain owner there: no chain from a cafe's console.
    QCOMPARE(m_f->run(v.claims.actor(), u"/system"_s, u"chain_overview"_s).errorType(),
             u"PERMISSION_DENIED"_s);
    // One user id per owner and cafe, each belonging to its cafe only.
    const QString other = openCafe(owner, u"cafe3"_s).data().value(u"user_id").toString();
    QVERIFY(other != v.claims.userId);
    QCOMPARE(m_f->hub->registry().cafeOfUser(v.claims.userId), u"cafe2"_s);
    QCOMPARE(m_f->hub->registry().cafeOfUser(other), u"cafe3"_s);
    // A token forged for another cafe with the same user id is refused (the id is cafe2's).
    TokenClaims forged = v.claims;
    forged.cafeId = u"cafe3"_s;
    const QString forgedToken = QString::fromLatin1(
        JsonWebToken::sign(forged, HubSecret::loadOrCreate(m_f->dataDir, nullptr)));
    QCOMPARE(m_f->hub->verifyAccessToken(forgedToken).error, JsonWebToken::Error::CafeNotServed);
}

void TestHubChain::openCafeOverTheWire()
{
    QVERIFY(grant(u"cafe1"_s, u"ADM001"_s).ok());
    m_f->hub.reset(); // the server opens the folder itself
    HubServer::Options options;
    options.bindAddress = QHostAddress::LocalHost;
    options.port = 0;
    HubServer server(m_f->dataDir, options);
    QVERIFY2(server.start() != 0, qPrintable(server.errorString()));
    const QUrl url(u"http://127.0.0.1:%1"_s.arg(server.port()));
    const QString ownerToken = QString::fromLatin1(
        server.service()->mintToken(m_f->admin(u"cafe1"_s), u"access"_s, 600));
    HubWireClient owner(url, ownerToken, {}, {}, {u"/system"_s});
    QVERIFY(owner.waitConnected());
    const QJsonObject seen = owner.call(u"/system"_s, u"chain_overview"_s);
    QVERIFY2(seen.value(u"ok").toBool(), qPrintable(dump(seen)));
    QCOMPARE(seen.value(u"data").toObject().value(u"cafes").toArray().size(), 3);
    const QJsonObject opened = owner.call(u"/system"_s, u"open_cafe"_s, {{u"cafe"_s, u"cafe2"_s}});
    QVERIFY2(opened.value(u"ok").toBool(), qPrintable(dump(opened)));
    const QString token = opened.value(u"data").toObject().value(u"token").toString();

    // That cafe's console: every namespace admits it as cafe2's admin.
    HubWireClient cafe2(url, token, u"cafe2"_s, u"admin"_s,
                        {u"/orders"_s, u"/employees"_s, u"/system"_s});
    QVERIFY(cafe2.waitConnected());
    const QJsonObject settings = cafe2.call(u"/system"_s, u"get_settings"_s);
    QVERIFY2(settings.value(u"ok").toBool(), qPrintable(dump(settings)));
    QVERIFY(cafe2.call(u"/employees"_s, u"list_staff"_s).value(u"ok").toBool());
    // Not another cafe.
    HubWireClient cafe3(url, token, u"cafe3"_s, {}, {u"/orders"_s});
    QVERIFY(cafe3.waitRefused(u"/orders"_s));
    QCOMPARE(cafe3.refusals.value(u"/orders"_s).message, u"Permission denied"_s);
    // A manager of cafe1 on the wire: refused.
    HubWireClient manager(url,
                          QString::fromLatin1(server.service()->mintToken(m_f->manager(u"cafe1"_s),
                                                                          u"access"_s, 600)),
                          {}, {}, {u"/system"_s});
    QVERIFY(manager.waitConnected());
    const QJsonObject denied = manager.call(u"/system"_s, u"chain_overview"_s);
    QCOMPARE(denied.value(u"error").toObject().value(u"type").toString(), u"PERMISSION_DENIED"_s);

    // Revoked while connected: the next command of the opened console is refused, and a new
    // connection with its token too.
    QVERIFY(revoke(u"cafe1"_s, u"ADM001"_s).ok());
    const QJsonObject after = cafe2.call(u"/system"_s, u"get_settings"_s);
    QCOMPARE(after.value(u"error").toObject().value(u"type").toString(), u"PERMISSION_DENIED"_s);
    HubWireClient again(url, token, {}, {}, {u"/orders"_s});
    QVERIFY(again.waitRefused(u"/orders"_s));
    QCOMPARE(again.refusals.value(u"/orders"_s).data.value(u"reason").toString(), u"revoked"_s);
    server.stop();
}

void TestHubChain::adminCommandLine()
{
    QString outText, errText;
    QTextStream out(&outText), err(&errText);
    AdminCommandLine cli(out, err, &m_f->clock);
    const QString data = m_f->dataDir;
    const auto run = [&](const QStringList &args) {
        outText.clear();
        errText.clear();
        return cli.run(args);
    };
    QCOMPARE(run({u"chain"_s, u"list"_s, u"--data"_s, data}), 0);
    QCOMPARE(outText, QString());
    QCOMPARE(run({u"chain"_s, u"grant"_s, u"--data"_s, data, u"--cafe"_s, u"cafe2"_s, u"--code"_s,
                  u"ADM001"_s}),
             0);
    QVERIFY2(outText.contains(u"owns the chain"_s), qPrintable(outText));
    QVERIFY(overview(m_f->admin(u"cafe2"_s)).ok()); // the hub open all along sees it
    QCOMPARE(run({u"chain"_s, u"grant"_s, u"--data"_s, data, u"--cafe"_s, u"cafe2"_s, u"--code"_s,
                  u"ADM001"_s}),
             int(AdminCommandLine::Conflict));
    QCOMPARE(run({u"chain"_s, u"grant"_s, u"--data"_s, data, u"--cafe"_s, u"cafe2"_s, u"--code"_s,
                  u"EMP001"_s}),
             int(AdminCommandLine::Conflict));
    QVERIFY2(errText.contains(u"only an active admin"_s), qPrintable(errText));
    QCOMPARE(run({u"chain"_s, u"grant"_s, u"--data"_s, data, u"--cafe"_s, u"cafe2"_s}),
             int(AdminCommandLine::UsageError));
    QCOMPARE(run({u"chain"_s, u"grant"_s, u"--data"_s, data, u"--cafe"_s, u"nope"_s, u"--code"_s,
                  u"ADM001"_s}),
             int(AdminCommandLine::NotFound));
    QCOMPARE(run({u"chain"_s, u"list"_s, u"--data"_s, data}), 0);
    QVERIFY2(outText.startsWith(u"cafe2\tADM001\tAdmin User\t2024-01-01T08:00:00+00:00"_s),
             qPrintable(outText));
    QCOMPARE(run({u"chain"_s, u"revoke"_s, u"--data"_s, data, u"--cafe"_s, u"cafe2"_s, u"--code"_s,
                  u"ADM001"_s}),
             0);
    QCOMPARE(overview(m_f->admin(u"cafe2"_s)).errorType(), u"PERMISSION_DENIED"_s);
    QCOMPARE(run({u"chain"_s, u"revoke"_s, u"--data"_s, data, u"--cafe"_s, u"cafe2"_s, u"--code"_s,
                  u"ADM001"_s}),
             int(AdminCommandLine::Conflict));
    QCOMPARE(run({u"chain"_s, u"frobnicate"_s, u"--data"_s, data}),
             int(AdminCommandLine::UsageError));
    QVERIFY(AdminCommandLine::usage().contains(u"chain grant|revoke"_s));
}

void TestHubChain::reportsForAllCafes()
{
    QVERIFY(grant(u"cafe1"_s, u"ADM001"_s).ok());
    const HubActor owner = m_f->admin(u"cafe1"_s);
    // A day in two of the three cafes: orders, cash payments, one cancelled, a shift.
    for (int i = 0; i < 3; ++i)
        payCash(m_f->employee(u"cafe1"_s), placeOrder(m_f->employee(u"cafe1"_s)));
    placeOrder(m_f->employee(u"cafe1"_s), u"Espresso"_s);
    payCash(m_f->employee(u"cafe2"_s), placeOrder(m_f->employee(u"cafe2"_s), u"Espresso"_s));
    const QString gone = placeOrder(m_f->employee(u"cafe2"_s));
    QVERIFY(m_f->run(m_f->manager(u"cafe2"_s), u"/orders"_s, u"cancel_order"_s,
                     {{u"order_id"_s, gone}, {u"reason"_s, u"left"_s}})
                .ok());
    QVERIFY(m_f->run(m_f->employee(u"cafe2"_s), u"/employees"_s, u"clock_in"_s).ok());
    m_f->clock.advance(3 * 3600 * 1000LL);
    QVERIFY(m_f->run(m_f->employee(u"cafe2"_s), u"/employees"_s, u"clock_out"_s).ok());

    const auto report = [this](const HubActor &who, const QString &kind, const QJsonValue &cafe) {
        QJsonObject payload{{u"report"_s, kind}, {u"date"_s, u"2024-01-01"_s}};
        if (!cafe.isUndefined())
            payload.insert(u"cafe"_s, cafe);
        return m_f->run(who, u"/system"_s, u"get_report"_s, payload);
    };
    const auto sectionOf = [](const QJsonObject &r, const QString &id) {
        for (const QJsonValue &s : r.value(u"sections").toArray())
            if (s.toObject().value(u"id").toString() == id)
                return s.toObject();
        return QJsonObject();
    };
    for (const QString &kind : {u"day"_s, u"service"_s, u"staff"_s}) {
        const CommandResult all = report(owner, kind, u"all"_s);
        QVERIFY2(all.ok(), qPrintable(dump(all.ack)));
        const QJsonObject combined = all.data();
        QCOMPARE(combined.value(u"report").toString(), kind);
        QCOMPARE(combined.value(u"cafes").toArray().size(), 3);
        QList<QJsonObject> each;
        for (const QString &cafe : {u"cafe1"_s, u"cafe2"_s, u"cafe3"_s}) {
            const CommandResult one = report(m_f->manager(cafe), kind, QJsonValue::Undefined);
            QVERIFY2(one.ok(), qPrintable(dump(one.ack)));
            each.append(one.data());
        }
        const QJsonArray sections = combined.value(u"sections").toArray();
        QCOMPARE(sections.size(), each.at(0).value(u"sections").toArray().size());
        for (const QJsonValue &v : sections) {
            const QJsonObject section = v.toObject();
            const QString id = section.value(u"id").toString();
            const QJsonArray columns = section.value(u"columns").toArray();
            QCOMPARE(columns.at(0).toObject().value(u"key").toString(), u"cafe"_s);
            // The rows: each cafe's, cafe after cafe, behind its name.
            QJsonArray rows;
            QList<qint64> sums(columns.size() - 1, 0);
            for (const QJsonObject &one : each) {
                const QString name
                    = one.value(u"cafes").toArray().at(0).toObject().value(u"name").toString();
                const QJsonObject mine = sectionOf(one, id);
                for (const QJsonValue &row : mine.value(u"rows").toArray()) {
                    QJsonArray cells{name};
                    for (const QJsonValue &c : row.toArray())
                        cells.append(c);
                    rows.append(cells);
                    if (!mine.contains(u"total"))
                        for (qsizetype i = 0; i < sums.size(); ++i)
                            sums[i] += row.toArray().at(i).toInteger();
                }
                if (mine.contains(u"total"))
                    for (qsizetype i = 0; i < sums.size(); ++i)
                        sums[i] += mine.value(u"total").toArray().at(i).toInteger();
            }
            QCOMPARE(section.value(u"rows").toArray(), rows);
            // The totals: the per-cafe sums for what adds up.
            const QJsonArray total = section.value(u"total").toArray();
            QCOMPARE(total.size(), columns.size());
            QCOMPARE(total.at(0).toString(), u"Total"_s);
            for (qsizetype i = 1; i < columns.size(); ++i) {
                const QString type = columns.at(i).toObject().value(u"type").toString();
                if (type == u"int" || type == u"money" || type == u"minutes"
                    || type == u"centihours")
                    QCOMPARE(total.at(i).toInteger(), sums.at(i - 1));
                else
                    QVERIFY(total.at(i).isNull());
            }
        }
        if (kind == u"day") {
            // Spelled out: 4 orders in cafe1 and 2 in cafe2, one of them cancelled.
            const QJsonObject summary = sectionOf(combined, u"summary"_s);
            const QJsonArray columns = summary.value(u"columns").toArray();
            for (qsizetype i = 0; i < columns.size(); ++i) {
                const QString key = columns.at(i).toObject().value(u"key").toString();
                if (key == u"orders")
                    QCOMPARE(summary.value(u"total").toArray().at(i).toInteger(), 6);
                if (key == u"cancelled")
                    QCOMPARE(summary.value(u"total").toArray().at(i).toInteger(), 1);
            }
            // The same through the admin command line, written as JSON.
            QString outText, errText;
            QTextStream out(&outText), err(&errText);
            AdminCommandLine cli(out, err, &m_f->clock);
            const QString file = m_f->dir.path() + u"/all.json"_s;
            QCOMPARE(
                cli.run({u"report"_s, u"day"_s, u"--data"_s, m_f->dataDir, u"--cafe"_s, u"all"_s,
                         u"--date"_s, u"2024-01-01"_s, u"--format"_s, u"json"_s, u"--out"_s, file}),
                0);
            QFile f(file);
            QVERIFY(f.open(QIODevice::ReadOnly));
            QJsonObject written = QJsonDocument::fromJson(f.readAll()).object();
            QJsonObject expected = combined;
            written.remove(u"generated_at"_s);
            expected.remove(u"generated_at"_s);
            QCOMPARE(written, expected);
        }
    }
    // A list of cafes: those only, in that order.
    const CommandResult two = report(owner, u"day"_s, QJsonArray{u"cafe3"_s, u"cafe2"_s});
    QVERIFY2(two.ok(), qPrintable(dump(two.ack)));
    QCOMPARE(two.data().value(u"cafes").toArray().at(0).toObject().value(u"id").toString(),
             u"cafe3"_s);
    QCOMPARE(two.data().value(u"cafes").toArray().size(), 2);
    // Nobody else runs them: a manager, an admin without the grant, not even for one cafe.
    QCOMPARE(report(m_f->manager(u"cafe1"_s), u"day"_s, u"all"_s).errorType(),
             u"PERMISSION_DENIED"_s);
    QCOMPARE(report(m_f->admin(u"cafe2"_s), u"day"_s, u"all"_s).errorType(),
             u"PERMISSION_DENIED"_s);
    QCOMPARE(report(m_f->admin(u"cafe2"_s), u"day"_s, u"cafe1"_s).errorType(),
             u"PERMISSION_DENIED"_s);
    const CommandResult unknown = report(owner, u"day"_s, QJsonArray{u"cafe1"_s, u"cafe9"_s});
    QCOMPARE(unknown.errorType(), u"NOT_FOUND"_s);
    QCOMPARE(unknown.ack.value(u"error").toObject().value(u"field").toString(), u"cafe"_s);
    QCOMPARE(report(owner, u"day"_s, 5).errorType(), u"INVALID_DATA"_s);
}

QTEST_GUILESS_MAIN(TestHubChain)
#include "tst_hubchain.moc"
