// Staff lifecycle and revocation: the management commands (list_staff, disable_staff,
// enable_staff, set_staff_role, set_staff_pin, revoke_staff_sessions; last_sign_in_at) with their
// rules (never above the manager's own role, request_id replay) and staff:updated; on a running
// hub, a disabled or revoked person's live sockets dropped and a new role applied to live sockets,
// old tokens refused at the handshake and at refresh, recovery refused for revoked and expired
// tokens; and the admin command line changing staff while a `tabletap-hub serve` process serves.
#include "admincommandline.h"
#include "hubserver.h"
#include "hubtestfixture.h"
#include "hubwireclient.h"
#include "rawsioclient.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>

using namespace TableTap;
using namespace TableTap::Test;
using namespace Qt::StringLiterals;

namespace {

const QStringList kAll{u"/orders"_s, u"/inventory"_s, u"/employees"_s, u"/payments"_s,
                       u"/system"_s};

QJsonObject post(QNetworkAccessManager &nam, const QUrl &url, const QJsonObject &body, int *status)
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    request.setTransferTimeout(10000);
    QNetworkReply *reply = nam.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    (void)QTest::qWaitFor([reply] { return reply->isFinished(); }, 15000);
    *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
    reply->deleteLater();
    return answer;
}

// Signs in over HTTP; the answer ({access_token, refresh_token, user}) or {} with *status.
QJsonObject login(QNetworkAccessManager &nam, const QUrl &hub, const QString &code,
                  const QString &pin, int *status)
{
    QUrl url = hub;
    url.setPath(u"/api/auth/login"_s);
    return post(nam, url, {{u"employee_code"_s, code}, {u"pin"_s, pin}, {u"cafe_id"_s, u"cafe1"_s}},
                status);
}

int refreshStatus(QNetworkAccessManager &nam, const QUrl &hub, const QString &refreshToken,
                  QJsonObject *answer = nullptr)
{
    QUrl url = hub;
    url.setPath(u"/api/auth/refresh"_s);
    int status = 0;
    const QJsonObject a = post(nam, url, {{u"refresh_token"_s, refreshToken}}, &status);
    if (answer)
        *answer = a;
    return status;
}

// A device that records how its sockets were disconnected.
struct Device
{
    Device(const QUrl &url, const QString &token, const QStringList &nsps)
        : client(url, token, u"cafe1"_s, {}, nsps)
    {
        for (auto it = client.sockets.constBegin(); it != client.sockets.constEnd(); ++it) {
            QObject::connect(it.value(), &SioSocket::disconnected, client.manager.get(),
                             [this, nsp = it.key()](const QString &reason, const QString &) {
                                 disconnects.insert(nsp, reason);
                             });
        }
    }
    bool waitDropped(int timeoutMs = 10000)
    {
        return QTest::qWaitFor([this] { return disconnects.size() == client.sockets.size(); },
                               timeoutMs);
    }
    HubWireClient client;
    QHash<QString, QString> disconnects;
};

QString refusalReason(const HubWireClient::Refusal &r)
{
    return r.data.value(u"reason"_s).toString();
}

// The offset a recovered socket shows: the last argument of an event frame.
QString offsetOf(const QByteArray &frame)
{
    const QJsonArray args = QJsonDocument::fromJson(frame.mid(frame.indexOf('['))).array();
    return args.last().toString();
}

} // namespace

class TestHubStaff : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void managementCommandsAndRules();
    void lastSignInFollowsSignInAndRefresh();
    void staffUpdatedEvents();
    void staleActorsActNoMore();
    void liveSocketsDroppedAndReRoled();
    void changesFromAnotherConnectionReachLiveSockets();
    void recoveryChecksTheToken();
    void adminCommandLineWhileServing();

private:
    HubServer *startServer();
    QString token(const HubActor &actor, qint64 ttl = 3600);
    CommandResult run(const HubActor &who, const QString &command, const QJsonObject &payload)
    {
        return m_f->run(who, u"/employees"_s, command, payload);
    }

    std::unique_ptr<HubFixture> m_f;
    std::unique_ptr<HubServer> m_server;
    QNetworkAccessManager m_nam;
};

void TestHubStaff::init()
{
    m_f = std::make_unique<HubFixture>(QStringList{u"cafe1"_s, u"cafe2"_s});
}

void TestHubStaff::cleanup()
{
    m_server.reset();
    m_f.reset();
}

HubServer *TestHubStaff::startServer()
{
    HubServer::Options options;
    options.bindAddress = QHostAddress::LocalHost;
    options.port = 0;
    m_server = std::make_unique<HubServer>(m_f->dataDir, options);
    if (!m_server->start())
        qWarning() << "start failed:" << m_server->errorString();
    return m_server.get();
}

QString TestHubStaff::token(const HubActor &actor, qint64 ttl)
{
    return QString::fromLatin1(
        m_server->service()->mintToken(actor, QStringLiteral("access"), ttl));
}

void TestHubStaff::managementCommandsAndRules()
{
    const HubActor mgr = m_f->manager(), adm = m_f->admin(), emp = m_f->employee();

    // list_staff: managers and admins; never a PIN hash.
    CommandResult r = run(mgr, u"list_staff"_s, {});
    QVERIFY2(r.ok(), qPrintable(dump(r.ack)));
    const QJsonArray staff = r.data().value(u"staff").toArray();
    QCOMPARE(staff.size(), 4);
    QCOMPARE(staff.at(0).toObject().value(u"employee_id").toString(), u"ADM001"_s);
    QVERIFY(!dump(r.ack).contains(u"pbkdf2"_s));
    QCOMPARE(run(emp, u"list_staff"_s, {}).errorType(), u"PERMISSION_DENIED"_s);
    QCOMPARE(m_f->run(mgr, u"/orders"_s, u"list_staff"_s, {}).errorType(), u"NOT_FOUND"_s);

    // An employee changes nobody; the permission check comes before the payload.
    for (const char *command : {"disable_staff", "enable_staff", "set_staff_role", "set_staff_pin",
                                "revoke_staff_sessions"})
        QVERIFY2(run(emp, QLatin1String(command), {{u"user_id"_s, 12}}).errorType()
                     == u"PERMISSION_DENIED"_s,
                 command);

    // Payload errors.
    QCOMPARE(run(mgr, u"disable_staff"_s, {}).errorType(), u"INVALID_DATA"_s);
    QCOMPARE(
        run(mgr, u"disable_staff"_s, {{u"user_id"_s, emp.userId}, {u"employee_id"_s, u"EMP001"_s}})
            .errorType(),
        u"INVALID_DATA"_s);
    QCOMPARE(run(mgr, u"disable_staff"_s, {{u"employee_id"_s, u"NOBODY"_s}}).errorType(),
             u"NOT_FOUND"_s);
    QCOMPARE(
        run(mgr, u"set_staff_role"_s, {{u"employee_id"_s, u"EMP001"_s}, {u"role"_s, u"boss"_s}})
            .error()
            .value(u"field")
            .toString(),
        u"role"_s);
    QCOMPARE(run(mgr, u"set_staff_pin"_s, {{u"employee_id"_s, u"EMP001"_s}, {u"pin"_s, u"12a4"_s}})
                 .error()
                 .value(u"field")
                 .toString(),
             u"pin"_s);
    // Another cafe's person is not in this cafe.
    QCOMPARE(run(mgr, u"disable_staff"_s, {{u"user_id"_s, m_f->employee(u"cafe2"_s).userId}})
                 .errorType(),
             u"NOT_FOUND"_s);

    // Never above the manager's own role: not an admin's account, not the admin role.
    QCOMPARE(run(mgr, u"disable_staff"_s, {{u"employee_id"_s, u"ADM001"_s}}).errorType(),
             u"PERMISSION_DENIED"_s);
    QCOMPARE(run(mgr, u"revoke_staff_sessions"_s, {{u"user_id"_s, adm.userId}}).errorType(),
             u"PERMISSION_DENIED"_s);
    QCOMPARE(run(mgr, u"set_staff_pin"_s, {{u"employee_id"_s, u"ADM001"_s}, {u"pin"_s, u"4444"_s}})
                 .errorType(),
             u"PERMISSION_DENIED"_s);
    QCOMPARE(
        run(mgr, u"set_staff_role"_s, {{u"employee_id"_s, u"EMP002"_s}, {u"role"_s, u"admin"_s}})
            .errorType(),
        u"PERMISSION_DENIED"_s);
    // Not their own role or access either.
    QCOMPARE(run(mgr, u"disable_staff"_s, {{u"user_id"_s, mgr.userId}}).errorType(), u"CONFLICT"_s);
    QCOMPARE(run(mgr, u"set_staff_role"_s, {{u"user_id"_s, mgr.userId}, {u"role"_s, u"employee"_s}})
                 .errorType(),
             u"CONFLICT"_s);

    // Disable with a request_id: applied once, the same ack again, a second disable a conflict.
    r = run(mgr, u"disable_staff"_s, {{u"employee_id"_s, u"emp001"_s}, {u"request_id"_s, u"d1"_s}});
    QVERIFY2(r.ok(), qPrintable(dump(r.ack)));
    const QJsonObject disabled = r.data().value(u"staff").toObject();
    QCOMPARE(disabled.value(u"active").toBool(), false);
    QCOMPARE(disabled.value(u"user_id").toString(), emp.userId);
    QCOMPARE(disabled.value(u"updated_by").toObject().value(u"id").toString(), mgr.userId);
    const qint64 generation
        = m_f->scalar(u"cafe1"_s, u"SELECT token_generation FROM staff WHERE id = ?"_s, emp.userId)
              .toLongLong();
    QCOMPARE(generation, 1);
    const CommandResult again = run(mgr, u"disable_staff"_s,
                                    {{u"employee_id"_s, u"EMP001"_s}, {u"request_id"_s, u"d1"_s}});
    QVERIFY(again.replayed);
    QCOMPARE(again.ack, r.ack);
    QCOMPARE(
        m_f->scalar(u"cafe1"_s, u"SELECT token_generation FROM staff WHERE id = ?"_s, emp.userId)
            .toLongLong(),
        generation);
    QCOMPARE(run(mgr, u"disable_staff"_s, {{u"employee_id"_s, u"EMP001"_s}}).errorType(),
             u"CONFLICT"_s);
    QCOMPARE(run(mgr, u"enable_staff"_s, {{u"employee_id"_s, u"EMP002"_s}}).errorType(),
             u"CONFLICT"_s);
    r = run(mgr, u"enable_staff"_s, {{u"user_id"_s, emp.userId}});
    QVERIFY(r.ok());
    QCOMPARE(r.data().value(u"staff").toObject().value(u"active").toBool(), true);

    // A manager may make an employee a manager (not above their own), and manage managers.
    r = run(mgr, u"set_staff_role"_s, {{u"employee_id"_s, u"EMP002"_s}, {u"role"_s, u"manager"_s}});
    QVERIFY2(r.ok(), qPrintable(dump(r.ack)));
    QCOMPARE(r.data().value(u"staff").toObject().value(u"role").toString(), u"manager"_s);
    QCOMPARE(
        run(mgr, u"set_staff_role"_s, {{u"employee_id"_s, u"EMP002"_s}, {u"role"_s, u"manager"_s}})
            .errorType(),
        u"CONFLICT"_s);
    QVERIFY(run(mgr, u"revoke_staff_sessions"_s, {{u"employee_id"_s, u"EMP002"_s}}).ok());

    // A new PIN: the old one stops working at sign-in, the new one works.
    SignInService &signIn = m_f->hub->signInService();
    r = run(mgr, u"set_staff_pin"_s, {{u"employee_id"_s, u"EMP001"_s}, {u"pin"_s, u"8642"_s}});
    QVERIFY2(r.ok(), qPrintable(dump(r.ack)));
    QVERIFY(!dump(r.ack).contains(u"8642"_s));
    QVERIFY(!signIn.signIn(u"cafe1"_s, u"EMP001"_s, u"1234"_s, u"10.1.0.1"_s).ok());
    QVERIFY(signIn.signIn(u"cafe1"_s, u"EMP001"_s, u"8642"_s, u"10.1.0.2"_s).ok());

    // An admin can do all, also to other admins and granting admin.
    r = run(adm, u"set_staff_role"_s, {{u"user_id"_s, mgr.userId}, {u"role"_s, u"admin"_s}});
    QVERIFY2(r.ok(), qPrintable(dump(r.ack)));
    QVERIFY(!m_f->addStaff(u"cafe1"_s, u"ADM002"_s, u"Second Admin"_s, HubRole::Admin, 3000)
                 .userId.isEmpty());
    QVERIFY(run(adm, u"disable_staff"_s, {{u"employee_id"_s, u"ADM002"_s}}).ok());
    // Revoking one's own sessions is allowed (sign out everywhere), and then that actor is done.
    QVERIFY(run(adm, u"revoke_staff_sessions"_s, {{u"user_id"_s, adm.userId}}).ok());
    QCOMPARE(run(adm, u"list_staff"_s, {}).errorType(), u"PERMISSION_DENIED"_s);
}

void TestHubStaff::lastSignInFollowsSignInAndRefresh()
{
    const HubActor mgr = m_f->manager();
    const auto lastSignIn = [&](const QString &code) {
        const QJsonArray staff = run(mgr, u"list_staff"_s, {}).data().value(u"staff").toArray();
        for (const QJsonValue &s : staff)
            if (s.toObject().value(u"employee_id").toString() == code)
                return s.toObject().value(u"last_sign_in_at");
        return QJsonValue(QJsonValue::Undefined);
    };
    QVERIFY(lastSignIn(u"EMP001"_s).isNull());
    SignInService &signIn = m_f->hub->signInService();
    // A wrong PIN is no sign-in.
    QVERIFY(!signIn.signIn(u"cafe1"_s, u"EMP001"_s, u"9999"_s, u"10.2.0.1"_s).ok());
    QVERIFY(lastSignIn(u"EMP001"_s).isNull());
    const SignInResult first = signIn.signIn(u"cafe1"_s, u"EMP001"_s, u"1234"_s, u"10.2.0.2"_s);
    QVERIFY2(first.ok(), qPrintable(first.message));
    QCOMPARE(lastSignIn(u"EMP001"_s).toString(), u"2024-01-01T08:00:00Z"_s);
    // A refresh counts as signing in; nobody else's time moves; nothing is announced.
    QList<HubEvent> events;
    QObject context;
    connect(m_f->hub.get(), &HubDomain::eventsReady, &context,
            [&events](const HubEventList &e) { events += e; });
    m_f->clock.advance(3600 * 1000);
    QVERIFY(signIn.refresh(first.refreshToken, u"10.2.0.2"_s).ok());
    QCOMPARE(lastSignIn(u"EMP001"_s).toString(), u"2024-01-01T09:00:00Z"_s);
    QVERIFY(lastSignIn(u"EMP002"_s).isNull());
    m_f->hub->cafe(u"cafe1"_s)->checkStaff(true);
    QTest::qWait(50);
    QVERIFY(events.isEmpty());
}

void TestHubStaff::staffUpdatedEvents()
{
    QList<HubEvent> events;
    QList<StaffChange> changes;
    QObject context;
    connect(m_f->hub.get(), &HubDomain::eventsReady, &context,
            [&events](const HubEventList &e) { events += e; });
    connect(m_f->hub.get(), &HubDomain::staffChanged, &context,
            [&changes](const QString &cafe, const QList<StaffChange> &c) {
                QCOMPARE(cafe, u"cafe1"_s);
                changes += c;
            });
    const HubActor mgr = m_f->manager(), emp = m_f->employee();
    const CommandResult r
        = run(mgr, u"set_staff_role"_s, {{u"user_id"_s, emp.userId}, {u"role"_s, u"manager"_s}});
    QVERIFY(r.ok());
    // Announced after the ack (not among the command's events), stored like every event.
    QVERIFY(r.events.isEmpty());
    QVERIFY(QTest::qWaitFor([&] { return !events.isEmpty(); }, 5000));
    QCOMPARE(events.size(), 1);
    const HubEvent &e = events.constFirst();
    QCOMPARE(e.name, u"staff:updated"_s);
    QCOMPARE(e.nsp, u"/employees"_s);
    QCOMPARE(e.rooms, (QStringList{u"user:"_s + emp.userId, u"cafe:cafe1:role:manager"_s,
                                   u"cafe:cafe1:role:admin"_s}));
    QVERIFY(e.sequence > 0);
    const QJsonObject data = e.data();
    QCOMPARE(data.value(u"user_id").toString(), emp.userId);
    QCOMPARE(data.value(u"employee_id").toString(), u"EMP001"_s);
    QCOMPARE(data.value(u"role").toString(), u"manager"_s);
    QCOMPARE(data.value(u"previous_role").toString(), u"employee"_s);
    QCOMPARE(data.value(u"active").toBool(), true);
    QCOMPARE(data.value(u"changes").toArray(), QJsonArray{u"role_changed"_s});
    QCOMPARE(data.value(u"updated_by").toObject().value(u"name").toString(), mgr.name);
    // The whole staff object, so a console's staff list follows the change.
    QCOMPARE(data.value(u"hourly_rate").toDouble(), 15.0);
    QVERIFY(data.value(u"drink_allowance").isNull());
    QCOMPARE(changes.size(), 1);
    QVERIFY(changes.constFirst().roleChanged() && !changes.constFirst().endsSessions());

    // A change another connection writes (the admin command line) is announced too, by nobody.
    events.clear();
    changes.clear();
    QString out, err;
    QTextStream o(&out), er(&err);
    QCOMPARE(AdminCommandLine(o, er, &m_f->clock)
                 .run({u"staff"_s, u"disable"_s, u"--data"_s, m_f->dataDir, u"--cafe"_s, u"cafe1"_s,
                       u"--code"_s, u"EMP002"_s}),
             0);
    m_f->hub->cafe(u"cafe1"_s)->checkStaff(); // what the hub's timer does
    QVERIFY(QTest::qWaitFor([&] { return !events.isEmpty(); }, 5000));
    const QJsonObject d2 = events.constFirst().data();
    QCOMPARE(d2.value(u"employee_id").toString(), u"EMP002"_s);
    QCOMPARE(d2.value(u"changes").toArray(), QJsonArray{u"disabled"_s});
    QVERIFY(d2.value(u"updated_by").isNull());
    QVERIFY(d2.value(u"previous_role").isNull());
    QCOMPARE(changes.size(), 1);
    QVERIFY(changes.constFirst().endsSessions());
    // Someone added while the hub serves is announced as added.
    events.clear();
    QCOMPARE(AdminCommandLine(o, er, &m_f->clock)
                 .run({u"staff"_s, u"add"_s, u"--data"_s, m_f->dataDir, u"--cafe"_s, u"cafe1"_s,
                       u"--code"_s, u"EMP003"_s, u"--name"_s, u"New"_s, u"--role"_s, u"employee"_s,
                       u"--pin"_s, u"5555"_s, u"--hourly-rate"_s, u"14"_s}),
             0);
    m_f->hub->cafe(u"cafe1"_s)->checkStaff();
    QVERIFY(QTest::qWaitFor([&] { return !events.isEmpty(); }, 5000));
    QCOMPARE(events.constFirst().data().value(u"employee_id").toString(), u"EMP003"_s);
    QCOMPARE(events.constFirst().data().value(u"changes").toArray(), QJsonArray{u"added"_s});
    // The events are in the store, in order, for gap detection.
    const HubEventList stored = m_f->hub->eventsSince(u"cafe1"_s, 0);
    QCOMPARE(stored.size(), 3);
    QCOMPARE(stored.at(1).name, u"staff:updated"_s);
}

void TestHubStaff::staleActorsActNoMore()
{
    const HubActor mgr = m_f->manager(), emp = m_f->employee(), emp2 = m_f->employee2();
    QVERIFY(m_f->order(emp, u"Latte"_s).ok());
    QVERIFY(run(mgr, u"revoke_staff_sessions"_s, {{u"user_id"_s, emp.userId}}).ok());
    // The socket's actor still says generation 0: refused before the command runs.
    const CommandResult r = m_f->order(emp, u"Latte"_s);
    QCOMPARE(r.errorType(), u"PERMISSION_DENIED"_s);
    HubActor renewed = emp;
    renewed.tokenGeneration = 1;
    QVERIFY(m_f->order(renewed, u"Latte"_s).ok());
    // A role change: the actor with the old role is refused, the new role acts.
    QVERIFY(run(mgr, u"set_staff_role"_s, {{u"user_id"_s, emp2.userId}, {u"role"_s, u"manager"_s}})
                .ok());
    QCOMPARE(m_f->order(emp2, u"Latte"_s).errorType(), u"PERMISSION_DENIED"_s);
    HubActor promoted = emp2;
    promoted.role = HubRole::Manager;
    QVERIFY(run(promoted, u"list_staff"_s, {}).ok());
    // Tokens minted now carry the generation, so they work; device ids are untouched.
    const auto v = m_f->hub->verifyAccessToken(
        QString::fromLatin1(m_f->hub->mintToken(renewed, u"access"_s, 60)));
    QVERIFY2(v.ok(), qPrintable(v.message));
    QCOMPARE(v.claims.generation, 1);
    const HubActor kiosk{u"kiosk-9"_s, u"Kiosk"_s, HubRole::Employee, u"cafe1"_s};
    QVERIFY(m_f->order(kiosk, u"Latte"_s).ok());
}

void TestHubStaff::liveSocketsDroppedAndReRoled()
{
    startServer();
    const QUrl url = m_server->url();
    int status = 0;
    const QJsonObject empLogin = login(m_nam, url, u"EMP001"_s, u"1234"_s, &status);
    QCOMPARE(status, 200);
    const QJsonObject emp2Login = login(m_nam, url, u"EMP002"_s, u"1234"_s, &status);
    QCOMPARE(status, 200);
    HubWireClient manager(url, token(m_f->manager()), u"cafe1"_s, u"manager"_s, kAll);
    Device emp(url, empLogin.value(u"access_token").toString(), kAll);
    Device emp2(url, emp2Login.value(u"access_token").toString(),
                {u"/employees"_s, u"/inventory"_s});
    QVERIFY(manager.waitConnected() && emp.client.waitConnected() && emp2.client.waitConnected());
    QCOMPARE(emp2.client.call(u"/employees"_s, u"list_staff"_s)
                 .value(u"error")
                 .toObject()
                 .value(u"type"),
             u"PERMISSION_DENIED"_s);

    // Disabled: the person hears why, then every socket of theirs is gone at once.
    QJsonObject ack
        = manager.call(u"/employees"_s, u"disable_staff"_s, {{u"employee_id"_s, u"EMP001"_s}});
    QVERIFY2(ack.value(u"ok").toBool(), qPrintable(dump(ack)));
    QVERIFY(emp.waitDropped());
    for (const QString &reason : std::as_const(emp.disconnects))
        QCOMPARE(reason, u"io server disconnect"_s);
    QVERIFY(emp.client.waitFor(u"staff:updated"_s));
    QVERIFY(manager.waitFor(u"staff:updated"_s));
    QVERIFY(emp2.client.of(u"staff:updated"_s).isEmpty()); // an employee hears only of themself
    QTRY_VERIFY(!m_server->stats().namespaces.constFirst().rooms.contains(
        u"user:"_s + empLogin.value(u"user").toObject().value(u"id").toString()));
    QVERIFY(emp2.client.socket(u"/employees"_s)->isConnected());
    // Its tokens: refused at the handshake and at refresh; sign-in refused.
    HubWireClient retry(url, empLogin.value(u"access_token").toString(), {}, {}, {u"/orders"_s});
    QVERIFY(retry.waitRefused(u"/orders"_s));
    QCOMPARE(retry.refusals.value(u"/orders"_s).message, u"Authentication error"_s);
    QCOMPARE(refusalReason(retry.refusals.value(u"/orders"_s)), u"staff_disabled"_s);
    QCOMPARE(refreshStatus(m_nam, url, empLogin.value(u"refresh_token").toString()), 401);
    login(m_nam, url, u"EMP001"_s, u"1234"_s, &status);
    QCOMPARE(status, 401);

    // A new role: the live sockets stay and act with it at once.
    ack = manager.call(u"/employees"_s, u"set_staff_role"_s,
                       {{u"employee_id"_s, u"EMP002"_s}, {u"role"_s, u"manager"_s}});
    QVERIFY2(ack.value(u"ok").toBool(), qPrintable(dump(ack)));
    QVERIFY(emp2.client.waitFor(u"staff:updated"_s));
    QVERIFY(emp2.disconnects.isEmpty());
    ack = emp2.client.call(u"/employees"_s, u"list_staff"_s);
    QVERIFY2(ack.value(u"ok").toBool(), qPrintable(dump(ack)));
    // ... and hear what managers hear (low-stock alerts go to cafe:C:role:manager).
    ack = manager.call(u"/inventory"_s, u"adjust_stock"_s,
                       {{u"sku"_s, u"MILK002"_s},
                        {u"change_type"_s, u"waste"_s},
                        {u"quantity"_s, m_f->stock(u"MILK002"_s) - 1}});
    QVERIFY2(ack.value(u"ok").toBool(), qPrintable(dump(ack)));
    QVERIFY(emp2.client.waitFor(u"inventory:low_stock"_s));
    // The access token of the old role is refused (refresh it); the refresh gives the new role.
    HubWireClient oldRole(url, emp2Login.value(u"access_token").toString(), {}, {}, {u"/orders"_s});
    QVERIFY(oldRole.waitRefused(u"/orders"_s));
    QCOMPARE(refusalReason(oldRole.refusals.value(u"/orders"_s)), u"role_changed"_s);
    QJsonObject refreshed;
    QCOMPARE(refreshStatus(m_nam, url, emp2Login.value(u"refresh_token").toString(), &refreshed),
             200);
    QCOMPARE(refreshed.value(u"user").toObject().value(u"role").toString(), u"manager"_s);
    HubWireClient newRole(url, refreshed.value(u"access_token").toString(), u"cafe1"_s,
                          u"manager"_s, {u"/orders"_s});
    QVERIFY(newRole.waitConnected());
    // Demoted again: the live socket loses the manager's rights at once.
    ack = manager.call(u"/employees"_s, u"set_staff_role"_s,
                       {{u"employee_id"_s, u"EMP002"_s}, {u"role"_s, u"employee"_s}});
    QVERIFY(ack.value(u"ok").toBool());
    QTRY_COMPARE(emp2.client.call(u"/employees"_s, u"list_staff"_s)
                     .value(u"error")
                     .toObject()
                     .value(u"type")
                     .toString(),
                 u"PERMISSION_DENIED"_s);

    // Revoked: dropped, and the refresh token is dead too.
    ack = manager.call(u"/employees"_s, u"revoke_staff_sessions"_s,
                       {{u"employee_id"_s, u"EMP002"_s}, {u"request_id"_s, u"rv-1"_s}});
    QVERIFY(ack.value(u"ok").toBool());
    QVERIFY(emp2.waitDropped());
    QVERIFY(QTest::qWaitFor([&] { return !newRole.socket(u"/orders"_s)->isConnected(); }, 10000));
    QCOMPARE(refreshStatus(m_nam, url, emp2Login.value(u"refresh_token").toString()), 401);
    // The same request_id again: the stored ack, nothing revoked twice.
    QCOMPARE(manager.call(u"/employees"_s, u"revoke_staff_sessions"_s,
                          {{u"employee_id"_s, u"EMP002"_s}, {u"request_id"_s, u"rv-1"_s}}),
             ack);
    QCOMPARE(
        m_f->scalar(u"cafe1"_s, u"SELECT token_generation FROM staff WHERE code = ?"_s, u"EMP002"_s)
            .toLongLong(),
        1);
    // Signing in again gives working tokens.
    const QJsonObject back = login(m_nam, url, u"EMP002"_s, u"1234"_s, &status);
    QCOMPARE(status, 200);
    HubWireClient again(url, back.value(u"access_token").toString(), u"cafe1"_s, {},
                        {u"/orders"_s});
    QVERIFY(again.waitConnected());
}

void TestHubStaff::changesFromAnotherConnectionReachLiveSockets()
{
    startServer();
    const QUrl url = m_server->url();
    Device emp(url, token(m_f->employee()), kAll);
    QVERIFY(emp.client.waitConnected());
    // The admin command line writes through its own connection; the serving hub notices it on
    // its own (PRAGMA data_version, looked at every staffCheckIntervalMs).
    QString out, err;
    QTextStream o(&out), e(&err);
    QElapsedTimer took;
    took.start();
    QCOMPARE(AdminCommandLine(o, e).run({u"staff"_s, u"revoke"_s, u"--data"_s, m_f->dataDir,
                                         u"--cafe"_s, u"cafe1"_s, u"--code"_s, u"EMP001"_s}),
             0);
    QVERIFY(emp.waitDropped());
    qInfo("revoked by another connection: sockets dropped %lld ms after the command returned",
          took.elapsed());
}

void TestHubStaff::recoveryChecksTheToken()
{
    startServer();
    const QUrl url = m_server->url();
    HubWireClient manager(url, token(m_f->manager()), u"cafe1"_s, u"manager"_s, {u"/orders"_s});
    QVERIFY(manager.waitConnected());
    auto newOrder = [&] {
        const QJsonObject ack = manager.call(
            u"/orders"_s, u"create_order"_s,
            {{u"customer_name"_s, u"Ann"_s},
             {u"items"_s, QJsonArray{QJsonObject{{u"product_id"_s, m_f->productId(u"Latte"_s)},
                                                 {u"quantity"_s, 1}}}}});
        QVERIFY2(ack.value(u"ok").toBool(), qPrintable(dump(ack)));
    };
    // Connects a raw client, takes its session id and an event's offset, then drops the line
    // (a recoverable close) and lets one event be missed.
    struct Session
    {
        QString sid, pid, offset;
    };
    auto ordersSockets = [&] {
        for (const HubServer::NamespaceStats &n : m_server->stats().namespaces)
            if (n.name == u"/orders")
                return n.sockets;
        return 0;
    };
    auto dropped = [&](const QString &tok, Session *session) {
        const int base = ordersSockets();
        RawSioClient raw(url);
        QVERIFY(raw.open());
        QVERIFY(raw.connectNamespace(u"/orders"_s, {{u"token"_s, tok}}));
        const QJsonObject connect
            = QJsonDocument::fromJson(raw.waitFor("40/orders,").value_or(QByteArray()).mid(10))
                  .object();
        session->sid = connect.value(u"sid").toString();
        session->pid = connect.value(u"pid").toString();
        QVERIFY(!session->pid.isEmpty());
        newOrder();
        const auto event = raw.waitFor("42/orders,[\"order:created\"");
        QVERIFY(event);
        session->offset = offsetOf(*event);
        raw.socket().abort();
        QVERIFY(QTest::qWaitFor([&] { return ordersSockets() == base; }, 10000));
        newOrder();
    };
    auto recover = [&](const QString &tok, const Session &s, RawSioClient &raw) {
        if (!raw.open())
            return false;
        return raw.connectNamespace(
            u"/orders"_s, {{u"token"_s, tok}, {u"pid"_s, s.pid}, {u"offset"_s, s.offset}});
    };
    auto missedEvents = [](const RawSioClient &raw) {
        int n = 0;
        for (const QByteArray &f : raw.frames())
            n += f.startsWith("42/orders,[\"order:created\"") ? 1 : 0;
        return n;
    };

    // A valid token recovers: the same socket id and the missed order.
    const QString empToken = token(m_f->employee());
    Session s;
    dropped(empToken, &s);
    {
        RawSioClient raw(url);
        QVERIFY(recover(empToken, s, raw));
        QCOMPARE(missedEvents(raw), 1);
        const QByteArray connect = raw.waitFor("40/orders,").value_or(QByteArray());
        QCOMPARE(QJsonDocument::fromJson(connect.mid(10)).object().value(u"sid").toString(), s.sid);
    }

    // Someone else's valid token cannot take over the session.
    dropped(empToken, &s);
    {
        RawSioClient raw(url);
        QVERIFY(!recover(token(m_f->employee2()), s, raw));
        QCOMPARE(raw.refusal().value(u"message").toString(), u"Permission denied"_s);
        QCOMPARE(missedEvents(raw), 0);
    }

    // Revoked while away: refused, and nothing of what it missed is sent.
    dropped(empToken, &s);
    QVERIFY(manager.call(u"/orders"_s, u"list_orders"_s).value(u"ok").toBool());
    {
        HubWireClient boss(url, token(m_f->admin()), u"cafe1"_s, {}, {u"/employees"_s});
        QVERIFY(boss.waitConnected());
        QVERIFY(boss.call(u"/employees"_s, u"revoke_staff_sessions"_s,
                          {{u"employee_id"_s, u"EMP001"_s}})
                    .value(u"ok")
                    .toBool());
    }
    {
        RawSioClient raw(url);
        QVERIFY(!recover(empToken, s, raw));
        QCOMPARE(raw.refusal().value(u"message").toString(), u"Authentication error"_s);
        QCOMPARE(raw.refusal().value(u"data").toObject().value(u"reason").toString(), u"revoked"_s);
        QCOMPARE(missedEvents(raw), 0);
    }

    // Expired while away: the same.
    const QString shortLived = token(m_f->employee2(), 3);
    const qint64 expiresAt
        = m_server->service()->verifyAccessToken(shortLived).claims.expiresAt * 1000;
    dropped(shortLived, &s);
    QVERIFY(
        QTest::qWaitFor([&] { return QDateTime::currentMSecsSinceEpoch() > expiresAt; }, 10000));
    {
        RawSioClient raw(url);
        QVERIFY(!recover(shortLived, s, raw));
        QCOMPARE(raw.refusal().value(u"data").toObject().value(u"reason").toString(), u"expired"_s);
        QCOMPARE(missedEvents(raw), 0);
    }
}

void TestHubStaff::adminCommandLineWhileServing()
{
    // The fixture's service is closed: only the serving process and the commands touch the folder.
    m_f->hub.reset();
    QProcess serve;
    serve.setProcessChannelMode(QProcess::SeparateChannels);
    serve.start(QStringLiteral(TT_HUB_BINARY),
                {u"serve"_s, u"--no-config"_s, u"--data"_s, m_f->dataDir, u"--bind"_s,
                 u"127.0.0.1"_s, u"--port"_s, u"0"_s, u"--log-level"_s, u"warning"_s});
    QString line;
    QVERIFY(QTest::qWaitFor(
        [&] {
            line += QString::fromUtf8(serve.readAllStandardOutput());
            return line.contains(u'\n') || serve.state() == QProcess::NotRunning;
        },
        20000));
    const auto m = QRegularExpression(u"^listening on (\\S+) "_s).match(line);
    QVERIFY2(m.hasMatch(), qPrintable(line + QString::fromUtf8(serve.readAllStandardError())));
    const QUrl url(u"http://127.0.0.1:%1"_s.arg(QUrl(m.captured(1)).port()));
    const auto stopServe = qScopeGuard([&serve] {
        serve.terminate();
        if (!serve.waitForFinished(10000))
            serve.kill();
    });
    auto admin = [&](const QStringList &args, const QByteArray &input = {}) {
        QProcess p;
        p.start(QStringLiteral(TT_HUB_BINARY),
                QStringList{u"staff"_s} + args
                    + QStringList{u"--data"_s, m_f->dataDir, u"--cafe"_s, u"cafe1"_s});
        p.write(input);
        p.closeWriteChannel();
        if (!p.waitForFinished(30000))
            p.kill();
        if (p.exitCode() != 0)
            qWarning().noquote() << args << p.readAllStandardError();
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    };

    int status = 0;
    const QJsonObject empLogin = login(m_nam, url, u"EMP001"_s, u"1234"_s, &status);
    QCOMPARE(status, 200);
    const QJsonObject emp2Login = login(m_nam, url, u"EMP002"_s, u"1234"_s, &status);
    QCOMPARE(status, 200);
    Device emp(url, empLogin.value(u"access_token").toString(), kAll);
    Device emp2(url, emp2Login.value(u"access_token").toString(), {u"/employees"_s});
    QVERIFY(emp.client.waitConnected() && emp2.client.waitConnected());

    // disable: the serving hub drops the sockets by itself; tokens and sign-in refused.
    QElapsedTimer took;
    took.start();
    QCOMPARE(admin({u"disable"_s, u"--code"_s, u"EMP001"_s}), 0);
    const qint64 commandMs = took.restart();
    QVERIFY(emp.waitDropped());
    qInfo("staff disable: the command took %lld ms, the serving hub dropped the sockets %lld ms "
          "after it returned",
          commandMs, took.elapsed());
    QCOMPARE(refreshStatus(m_nam, url, empLogin.value(u"refresh_token").toString()), 401);
    login(m_nam, url, u"EMP001"_s, u"1234"_s, &status);
    QCOMPARE(status, 401);
    HubWireClient retry(url, empLogin.value(u"access_token").toString(), {}, {}, {u"/orders"_s});
    QVERIFY(retry.waitRefused(u"/orders"_s));
    QCOMPARE(refusalReason(retry.refusals.value(u"/orders"_s)), u"staff_disabled"_s);
    QCOMPARE(admin({u"enable"_s, u"--code"_s, u"EMP001"_s}), 0);
    login(m_nam, url, u"EMP001"_s, u"1234"_s, &status);
    QCOMPARE(status, 200);

    // set-role: the live socket gets the manager's rights without reconnecting.
    took.restart();
    QCOMPARE(admin({u"set-role"_s, u"--code"_s, u"EMP002"_s, u"--role"_s, u"manager"_s}), 0);
    QVERIFY(QTest::qWaitFor(
        [&] { return emp2.client.call(u"/employees"_s, u"list_staff"_s).value(u"ok").toBool(); },
        10000));
    qInfo("staff set-role: the live socket acted with the new role %lld ms after the command "
          "started",
          took.elapsed());
    QVERIFY(emp2.disconnects.isEmpty());

    // set-pin: from standard input only.
    QCOMPARE(admin({u"set-pin"_s, u"--code"_s, u"EMP002"_s, u"--pin"_s, u"9999"_s}), 2);
    QCOMPARE(admin({u"set-pin"_s, u"--code"_s, u"EMP002"_s}, "4321\n"), 0);
    QVERIFY(emp2.waitDropped()); // a new PIN signs the person out everywhere
    login(m_nam, url, u"EMP002"_s, u"1234"_s, &status);
    QCOMPARE(status, 401);
    const QJsonObject withNewPin = login(m_nam, url, u"EMP002"_s, u"4321"_s, &status);
    QCOMPARE(status, 200);
    QCOMPARE(withNewPin.value(u"user").toObject().value(u"role").toString(), u"manager"_s);

    // revoke: the new session goes too.
    Device again(url, withNewPin.value(u"access_token").toString(), {u"/orders"_s});
    QVERIFY(again.client.waitConnected());
    took.restart();
    QCOMPARE(admin({u"revoke"_s, u"--code"_s, u"EMP002"_s}), 0);
    QVERIFY(again.waitDropped());
    qInfo("staff revoke: sockets dropped %lld ms after the command started", took.elapsed());
    QCOMPARE(refreshStatus(m_nam, url, withNewPin.value(u"refresh_token").toString()), 401);
    QCOMPARE(admin({u"revoke"_s, u"--code"_s, u"NOBODY"_s}), 3);
}

QTEST_GUILESS_MAIN(TestHubStaff)
#include "tst_hubstaff.moc"
