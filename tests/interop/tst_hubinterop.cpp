// Stock socket.io-client 4.8.4 (Node, tests/interop/hub-*.js) against OUR hub (HubServer in
// process, 127.0.0.1, port 0, a temporary data folder): the targeting matrix (an employee, a
// second employee, a manager and an admin of cafe A and a manager of cafe B, each on all five
// namespaces, while a scenario makes the hub emit all 17 events: who receives which event and
// who never does), every received payload against the contract's shape, and tokens and handshake
// queries over the wire (forged, expired, alg none, other cafes, role escalation), and managing
// staff (add_staff, update_staff, mint_device_token).
#include "eventshape.h"
#include "hubdomain.h"
#include "hubserver.h"
#include "hubtestfixture.h"
#include "nodesteps.h"

#include <QStandardPaths>

using namespace TableTap;
using namespace TableTap::Test;

namespace {

const QStringList kNamespaces{QStringLiteral("/orders"), QStringLiteral("/inventory"),
                              QStringLiteral("/employees"), QStringLiteral("/payments"),
                              QStringLiteral("/system")};

QByteArray b64(const QByteArray &bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray unb64(const QByteArray &text)
{
    return QByteArray::fromBase64(text, QByteArray::Base64UrlEncoding);
}

} // namespace

class TestHubInterop : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void targetingMatrixAndShapes();
    void tokensOverTheWire();
    void itemCheckOffOverTheWire();
    void staffChangesOverTheWire();
    void alertAcknowledgedOverTheWire();
    void staffAdministrationOverTheWire();
    void chainOwnerOverTheWire();

private:
    // An hour's access token of the actor, signed by the hub under test.
    QString mint(const HubActor &actor) const;
    // Runs a hub-*.js script against the hub with the tokens; its output lines by their "step".
    QHash<QString, QJsonObject> runSteps(const QString &script, const QJsonObject &tokens,
                                         QString *error) const;

    std::unique_ptr<HubFixture> m_fixture;
    std::unique_ptr<HubServer> m_server;
};

QString TestHubInterop::mint(const HubActor &actor) const
{
    return QString::fromLatin1(
        m_server->service()->mintToken(actor, QStringLiteral("access"), 3600));
}

QHash<QString, QJsonObject> TestHubInterop::runSteps(const QString &script,
                                                     const QJsonObject &tokens,
                                                     QString *error) const
{
    return Test::runSteps(script, m_server->port(), tokens, error);
}

void TestHubInterop::initTestCase()
{
    if (QStandardPaths::findExecutable(QStringLiteral("node")).isEmpty())
        QSKIP("node is not installed");
    if (!QFile::exists(QStringLiteral(TT_INTEROP_DIR "/node_modules/socket.io-client")))
        QSKIP("run `npm ci` in tests/interop first");
    m_fixture = std::make_unique<HubFixture>(
        QStringList{QStringLiteral("cafeA"), QStringLiteral("cafeB")});
    HubServer::Options options;
    options.bindAddress = QHostAddress::LocalHost;
    options.port = 0;
    options.hub.cardProcessingDelayMs = 300;
    m_server = std::make_unique<HubServer>(m_fixture->dataDir, options);
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
}

void TestHubInterop::cleanupTestCase()
{
    m_server.reset();
    m_fixture.reset();
}

void TestHubInterop::targetingMatrixAndShapes()
{
    const QString a = QStringLiteral("cafeA"), b = QStringLiteral("cafeB");
    const QHash<QString, HubActor> users{
        {QStringLiteral("employeeA"), m_fixture->employee(a)},
        {QStringLiteral("employee2A"), m_fixture->employee2(a)},
        {QStringLiteral("managerA"), m_fixture->manager(a)},
        {QStringLiteral("adminA"), m_fixture->admin(a)},
        {QStringLiteral("managerB"), m_fixture->manager(b)},
    };
    QJsonObject userConfig;
    for (auto it = users.constBegin(); it != users.constEnd(); ++it) {
        userConfig.insert(it.key(),
                          QJsonObject{{"token", QString::fromLatin1(m_server->service()->mintToken(
                                                    it.value(), QStringLiteral("access"), 3600))},
                                      {"cafe", it.value().cafeId},
                                      {"role", HubActor::roleName(it.value().role)}});
    }
    const QJsonObject config{{"users", userConfig},
                             {"employee2Name", m_fixture->employee2(a).name}};
    QString error;
    const QList<QJsonObject> lines
        = runNode(QStringLiteral("hub-matrix.js"),
                  {QString::number(m_server->port()),
                   QString::fromUtf8(QJsonDocument(config).toJson(QJsonDocument::Compact))},
                  90000, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QJsonObject done = lines.constLast();
    QVERIFY2(!done.contains(u"error"),
             qPrintable(done.value(u"error").toString() + QStringLiteral(" ")
                        + dump(QJsonObject{{"problems", done.value(u"problems")}})));
    const QJsonObject received = done.value(u"received").toObject();
    const QJsonObject samples = done.value(u"samples").toObject();

    // Who must receive each of cafe A's events (in the event's own namespace only).
    const QStringList everyoneA{QStringLiteral("employeeA"), QStringLiteral("employee2A"),
                                QStringLiteral("managerA"), QStringLiteral("adminA")};
    const QStringList managersA{QStringLiteral("managerA"), QStringLiteral("adminA")};
    struct Rule
    {
        QString event, nsp;
        QStringList receivers;
    };
    const QList<Rule> rules{
        {"order:created", "/orders", everyoneA},
        {"order:status_changed", "/orders", everyoneA},
        {"order:ready", "/orders", everyoneA},
        {"order:cancelled", "/orders", everyoneA},
        // The employee follows Counter 1 (every move here touches it); the second one follows
        // no counter.
        {"order:assigned_counter", "/orders", managersA + QStringList{"employeeA"}},
        {"payment:processing", "/payments", everyoneA},
        {"payment:completed", "/payments", everyoneA},
        {"payment:failed", "/payments", everyoneA},
        {"qr:generated", "/payments", everyoneA},
        {"inventory:stock_updated", "/inventory", everyoneA},
        {"inventory:low_stock", "/inventory", managersA},
        {"inventory:out_of_stock", "/inventory", everyoneA},
        {"employee:clocked_in", "/employees", managersA + QStringList{"employeeA"}},
        {"employee:clocked_out", "/employees", managersA + QStringList{"employeeA"}},
        {"employee:drink_consumed", "/employees", managersA + QStringList{"employeeA"}},
        {"counter:status_changed", "/system", everyoneA},
        {"cafe:settings_updated", "/system", everyoneA},
    };
    QCOMPARE(rules.size(), 17);
    const auto count
        = [&](const QString &user, const QString &nsp, const QString &event, const QString &cafe) {
              return received.value(user)
                  .toObject()
                  .value(nsp)
                  .toObject()
                  .value(event + u'@' + cafe)
                  .toInt();
          };
    int cells = 0, positives = 0;
    QStringList failures;
    for (const Rule &rule : rules) {
        for (auto it = users.constBegin(); it != users.constEnd(); ++it) {
            for (const QString &nsp : kNamespaces) {
                ++cells;
                const bool expected = nsp == rule.nsp && rule.receivers.contains(it.key());
                const int got = count(it.key(), nsp, rule.event, a);
                positives += expected ? 1 : 0;
                if (expected != (got > 0))
                    failures.append(
                        QStringLiteral("%1 %2 %3: expected %4, got %5")
                            .arg(it.key(), nsp, rule.event,
                                 expected ? QStringLiteral("some") : QStringLiteral("none"))
                            .arg(got));
            }
        }
    }
    // Nothing of one cafe ever reaches the other: every envelope's meta.cafe_id is the user's.
    int foreign = 0, bOwn = 0, errorsSeen = 0;
    for (auto it = users.constBegin(); it != users.constEnd(); ++it) {
        const QJsonObject perNsp = received.value(it.key()).toObject();
        for (auto n = perNsp.constBegin(); n != perNsp.constEnd(); ++n) {
            const QJsonObject perEvent = n.value().toObject();
            for (auto e = perEvent.constBegin(); e != perEvent.constEnd(); ++e) {
                const QString cafe = e.key().section(u'@', 1);
                if (cafe != it.value().cafeId)
                    foreign += e.value().toInt();
                if (it.key() == u"managerB")
                    bOwn += e.value().toInt();
                if (e.key().startsWith(u"error@"))
                    errorsSeen += e.value().toInt();
            }
        }
    }
    qInfo().noquote() << QStringLiteral("targeting matrix: %1 cells (%2 users x %3 namespaces x %4 "
                                        "events), %5 must receive, %6 must not; %7 wrong")
                             .arg(cells)
                             .arg(users.size())
                             .arg(kNamespaces.size())
                             .arg(rules.size())
                             .arg(positives)
                             .arg(cells - positives)
                             .arg(failures.size());
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u'\n')));
    QCOMPARE(cells, 425);
    QCOMPARE(foreign, 0);
    QCOMPARE(errorsSeen, 0);
    // Cafe B was live all along: its manager saw its own order.
    QVERIFY(count(QStringLiteral("managerB"), QStringLiteral("/orders"),
                  QStringLiteral("order:created"), b)
            == 1);
    QVERIFY(bOwn >= 2);

    // Every payload the admin received (all 17 events of cafe A), as the contract shows it.
    const QJsonObject adminSamples = samples.value(u"adminA").toObject();
    int checked = 0;
    for (const Rule &rule : rules) {
        const QJsonObject expected = fixture(rule.event);
        QVERIFY2(!expected.isEmpty(), qPrintable(rule.event));
        const QJsonArray instances = adminSamples.value(rule.event).toArray();
        QVERIFY2(!instances.isEmpty(), qPrintable(rule.event));
        const QSet<QString> maps{QStringLiteral("$.data.changes")};
        bool strictOnce = false;
        for (const QJsonValue &v : instances) {
            const QString lenient = shapeDiff(expected, v, QStringLiteral("$"), maps, true);
            QVERIFY2(lenient.isEmpty(), qPrintable(rule.event + u' ' + lenient));
            const QString rules = valueRules(v, QStringLiteral("$"));
            QVERIFY2(rules.isEmpty(), qPrintable(rule.event + u' ' + rules));
            strictOnce
                = strictOnce || shapeDiff(expected, v, QStringLiteral("$"), maps, false).isEmpty();
            ++checked;
        }
        // At least one instance has every field filled (no null where the contract shows a value).
        QVERIFY2(strictOnce, qPrintable(rule.event + QStringLiteral(": no fully filled instance")));
    }
    qInfo() << "payloads checked against the contract's shapes:" << checked << "envelopes of"
            << rules.size() << "events";
}

void TestHubInterop::tokensOverTheWire()
{
    const QString a = QStringLiteral("cafeA"), b = QStringLiteral("cafeB");
    HubDomain *hub = m_server->service();
    const HubActor employee = m_fixture->employee(a);
    const auto mint = [hub](const HubActor &actor, qint64 ttl = 3600,
                            const QString &type = QStringLiteral("access")) {
        return QString::fromLatin1(hub->mintToken(actor, type, ttl));
    };
    const QString good = mint(employee);
    const QList<QByteArray> parts = good.toLatin1().split('.');
    QVERIFY(parts.size() == 3);
    // Forged: the signature changed; the payload changed (role admin) with the old signature;
    // no signature at all with alg none; another algorithm named; another hub's secret.
    QByteArray sig = parts.at(2);
    sig[4] = sig.at(4) == 'A' ? 'B' : 'A';
    QJsonObject payload = QJsonDocument::fromJson(unb64(parts.at(1))).object();
    payload.insert(QStringLiteral("role"), QStringLiteral("admin"));
    const QByteArray escalated = b64(QJsonDocument(payload).toJson(QJsonDocument::Compact));
    const QByteArray noneHeader = b64(R"({"alg":"none","typ":"JWT"})");
    const QByteArray hs512Header = b64(R"({"alg":"HS512","typ":"JWT"})");
    HubFixture otherHub({QStringLiteral("cafeA")});
    const QString otherSecret
        = QString::fromLatin1(otherHub.hub->mintToken(employee, QStringLiteral("access"), 3600));
    HubActor ghost = employee;
    ghost.cafeId = QStringLiteral("ghost");
    HubActor borrowed = m_fixture->manager(b); // a cafe B user claiming cafe A
    borrowed.cafeId = a;

    struct Case
    {
        const char *name;
        QJsonValue token;
        QJsonObject query;
        const char *message; // null: connects
        const char *type;
    };
    const QJsonObject queryA{{"cafe_id", a}, {"user_role", "employee"}};
    const QList<Case> cases{
        {"valid", good, queryA, nullptr, nullptr},
        {"valid without query", good, {}, nullptr, nullptr},
        {"no token", QJsonValue::Null, queryA, "Authentication error", "INVALID_TOKEN"},
        {"garbage", "abc.def", queryA, "Authentication error", "INVALID_TOKEN"},
        {"forged signature", QString::fromLatin1(parts.at(0) + '.' + parts.at(1) + '.' + sig),
         queryA, "Authentication error", "INVALID_TOKEN"},
        {"forged payload", QString::fromLatin1(parts.at(0) + '.' + escalated + '.' + parts.at(2)),
         queryA, "Authentication error", "INVALID_TOKEN"},
        {"alg none", QString::fromLatin1(noneHeader + '.' + parts.at(1) + '.'), queryA,
         "Authentication error", "INVALID_TOKEN"},
        {"alg HS512", QString::fromLatin1(hs512Header + '.' + parts.at(1) + '.' + parts.at(2)),
         queryA, "Authentication error", "INVALID_TOKEN"},
        {"another hub's secret", otherSecret, queryA, "Authentication error", "INVALID_TOKEN"},
        {"expired", mint(employee, -60), queryA, "Authentication error", "INVALID_TOKEN"},
        {"refresh token", mint(employee, 3600, QStringLiteral("refresh")), queryA,
         "Authentication error", "INVALID_TOKEN"},
        {"query names another cafe", good, QJsonObject{{"cafe_id", b}, {"user_role", "employee"}},
         "Permission denied", "PERMISSION_DENIED"},
        {"cafe B token, cafe A query", mint(m_fixture->manager(b)),
         QJsonObject{{"cafe_id", a}, {"user_role", "manager"}}, "Permission denied",
         "PERMISSION_DENIED"},
        {"role escalation through the query", good,
         QJsonObject{{"cafe_id", a}, {"user_role", "manager"}}, "Permission denied",
         "PERMISSION_DENIED"},
        {"cafe not served here", mint(ghost), {}, "Permission denied", "PERMISSION_DENIED"},
        {"user of another cafe", mint(borrowed), {}, "Permission denied", "PERMISSION_DENIED"},
    };
    QJsonArray list;
    for (const Case &c : cases)
        list.append(
            QJsonObject{{"name", QLatin1String(c.name)}, {"token", c.token}, {"query", c.query}});
    QString error;
    const QList<QJsonObject> lines
        = runNode(QStringLiteral("hub-auth.js"),
                  {QString::number(m_server->port()),
                   QString::fromUtf8(QJsonDocument(list).toJson(QJsonDocument::Compact))},
                  45000, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QHash<QString, QJsonObject> results;
    for (const QJsonObject &o : lines)
        if (o.contains(u"name"))
            results.insert(o.value(u"name").toString(), o);
    QCOMPARE(results.size(), cases.size());
    for (const Case &c : cases) {
        const QJsonObject r = results.value(QLatin1String(c.name));
        if (!c.message) {
            QVERIFY2(r.value(u"result").toString() == u"connect" && r.value(u"ok").toBool(),
                     qPrintable(QLatin1String(c.name) + u' ' + dump(r)));
            continue;
        }
        QVERIFY2(r.value(u"result").toString() == u"connect_error",
                 qPrintable(QLatin1String(c.name) + u' ' + dump(r)));
        QCOMPARE(r.value(u"message").toString(), QLatin1String(c.message));
        QCOMPARE(r.value(u"data").toObject().value(u"type").toString(), QLatin1String(c.type));
    }
    qInfo() << "handshakes over the wire:" << cases.size() << "cases," << 2 << "admitted,"
            << cases.size() - 2 << "refused as expected";
}

void TestHubInterop::itemCheckOffOverTheWire()
{
    // check_order_item (the hub's own command) from stock socket.io-client: refusals name the
    // field, every role may tick, a request_id answers twice the same, order:item_checked goes
    // where order:status_changed goes (everyone of the cafe in /orders, nobody else), and the
    // last item makes the order ready (order:status_changed, order:ready).
    const QString a = QStringLiteral("cafeA");
    HubDomain *hub = m_server->service();
    const auto user = [hub](const HubActor &actor) {
        return QJsonObject{
            {"token", QString::fromLatin1(hub->mintToken(actor, QStringLiteral("access"), 3600))}};
    };
    const QJsonObject users{{"employee", user(m_fixture->employee(a))},
                            {"employee2", user(m_fixture->employee2(a))},
                            {"manager", user(m_fixture->manager(a))},
                            {"admin", user(m_fixture->admin(a))},
                            {"managerB", user(m_fixture->manager(QStringLiteral("cafeB")))}};
    QString error;
    const QList<QJsonObject> lines
        = runNode(QStringLiteral("hub-items.js"),
                  {QString::number(m_server->port()),
                   QString::fromUtf8(QJsonDocument(users).toJson(QJsonDocument::Compact))},
                  45000, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(!lines.isEmpty());
    const QJsonObject done = lines.constLast();
    QVERIFY2(!done.contains(u"error"), qPrintable(dump(done)));
    QHash<QString, QJsonObject> step;
    QList<QJsonObject> refused;
    for (const QJsonObject &o : lines) {
        if (o.value(u"step").toString() == u"refused")
            refused.append(o);
        else
            step.insert(o.value(u"step").toString(), o);
    }
    const QJsonArray items = step.value(QStringLiteral("created")).value(u"items").toArray();
    QCOMPARE(items.size(), 2);
    const auto errorOf = [](const QJsonValue &answer) {
        return answer.toObject().value(u"error").toObject();
    };
    const QList<std::pair<QString, QString>> expected{{"INVALID_DATA", "made"},
                                                      {"INVALID_DATA", "item_id"},
                                                      {"INVALID_DATA", "item_id"},
                                                      {"INVALID_DATA", "order_id"},
                                                      {"NOT_FOUND", "item_id"}};
    QCOMPARE(refused.size(), expected.size());
    for (qsizetype i = 0; i < refused.size(); ++i) {
        const QJsonObject e = errorOf(refused.at(i).value(u"answer"));
        QVERIFY2(e.value(u"type").toString() == expected.at(i).first
                     && e.value(u"field").toString() == expected.at(i).second,
                 qPrintable(dump(refused.at(i))));
    }
    // Another cafe's manager cannot reach the order: it does not exist there.
    QCOMPARE(errorOf(step.value(QStringLiteral("other cafe")).value(u"answer"))
                 .value(u"type")
                 .toString(),
             QStringLiteral("NOT_FOUND"));
    const QJsonObject ticks = step.value(QStringLiteral("employee ticks"));
    QVERIFY2(ticks.value(u"first").toObject().value(u"ok").toBool(), qPrintable(dump(ticks)));
    QCOMPARE(ticks.value(u"again"), ticks.value(u"first"));
    const QJsonObject firstAck = ticks.value(u"first").toObject().value(u"data").toObject();
    QCOMPARE(firstAck.value(u"items_made").toArray(), QJsonArray{items.at(0)});
    QCOMPARE(firstAck.value(u"status").toString(), QStringLiteral("preparing"));
    for (const char *s : {"manager unticks", "admin ticks", "employee2 ticks the last"})
        QVERIFY2(step.value(QLatin1String(s)).value(u"answer").toObject().value(u"ok").toBool(),
                 qPrintable(dump(step.value(QLatin1String(s)))));
    const QJsonObject last = step.value(QStringLiteral("employee2 ticks the last"))
                                 .value(u"answer")
                                 .toObject()
                                 .value(u"data")
                                 .toObject();
    QCOMPARE(last.value(u"status").toString(), QStringLiteral("ready"));
    QCOMPARE(last.value(u"items_made").toArray(), items);

    // Who heard what: the four of cafe A in /orders each the same sequence; nobody else.
    const QJsonObject received = done.value(u"received").toObject();
    const QStringList sequence{"order:created",        "order:status_changed", "order:item_checked",
                               "order:item_checked",   "order:item_checked",   "order:item_checked",
                               "order:status_changed", "order:ready"};
    for (const char *who : {"employee", "employee2", "manager", "admin"}) {
        const QJsonArray events
            = received.value(QLatin1String(who) + QStringLiteral("@/orders")).toArray();
        QStringList names;
        for (const QJsonValue &e : events) {
            names << e.toObject().value(u"event").toString();
            // The last one, with both items made, strictly; the others may have none made.
            const bool strict = names.size() == 6;
            if (names.constLast() == u"order:item_checked") {
                QFile file(
                    QStringLiteral(TT_HUB_FIXTURES "/../hub-events/order_item_checked.json"));
                QVERIFY(file.open(QIODevice::ReadOnly));
                const QString diff = shapeDiff(QJsonDocument::fromJson(file.readAll()).object(),
                                               e.toObject(), QStringLiteral("$"), {}, !strict);
                QVERIFY2(diff.isEmpty(), qPrintable(diff));
            }
        }
        QCOMPARE(names, sequence);
        const QJsonObject lastCheck = events.at(5).toObject().value(u"data").toObject();
        QCOMPARE(lastCheck.value(u"items_made").toArray(), items);
        QCOMPARE(lastCheck.value(u"checked_by").toObject().value(u"id").toString(),
                 m_fixture->employee2(a).userId);
    }
    QCOMPARE(received.value(QStringLiteral("managerB@/orders")).toArray(), QJsonArray());
    QCOMPARE(received.value(QStringLiteral("employee@/system")).toArray(), QJsonArray());
}

void TestHubInterop::staffChangesOverTheWire()
{
    const QString a = QStringLiteral("cafeA");
    const QJsonObject tokens{{"manager", mint(m_fixture->manager(a))},
                             {"employee", mint(m_fixture->employee(a))},
                             {"employee2", mint(m_fixture->employee2(a))}};
    QString error;
    const QHash<QString, QJsonObject> step
        = runSteps(QStringLiteral("hub-staff.js"), tokens, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const auto errorType = [](const QJsonValue &answer) {
        return answer.toObject().value(u"error").toObject().value(u"type").toString();
    };

    QCOMPARE(step.value(QStringLiteral("connect")).value(u"results").toArray(),
             (QJsonArray{"connect", "connect", "connect", "connect"}));
    QCOMPARE(errorType(step.value(QStringLiteral("employee2 list_staff before")).value(u"answer")),
             QStringLiteral("PERMISSION_DENIED"));
    // The manager disables the employee; the same request_id gets the same answer.
    const QJsonObject disable = step.value(QStringLiteral("disable"));
    QVERIFY2(disable.value(u"first").toObject().value(u"ok").toBool(), qPrintable(dump(disable)));
    QCOMPARE(disable.value(u"again"), disable.value(u"first"));
    // The employee's live sockets heard why and were dropped by the server.
    const QJsonObject dropped = step.value(QStringLiteral("employee dropped"));
    QCOMPARE(dropped.value(u"reasons").toArray(),
             (QJsonArray{"io server disconnect", "io server disconnect"}));
    QCOMPARE(dropped.value(u"heard").toArray(), QJsonArray{QJsonArray{"disabled"}});
    const QJsonObject retry = step.value(QStringLiteral("employee reconnects"));
    QCOMPARE(retry.value(u"result").toString(), QStringLiteral("connect_error"));
    QCOMPARE(retry.value(u"message").toString(), QStringLiteral("Authentication error"));
    QCOMPARE(retry.value(u"data").toObject().value(u"reason").toString(),
             QStringLiteral("staff_disabled"));
    // Made manager: the socket they have acts as one at once; their old token is refused.
    QVERIFY(
        step.value(QStringLiteral("promote")).value(u"answer").toObject().value(u"ok").toBool());
    const QJsonObject after = step.value(QStringLiteral("employee2 list_staff after"));
    QVERIFY(after.value(u"connected").toBool());
    QVERIFY2(after.value(u"answer").toObject().value(u"ok").toBool(), qPrintable(dump(after)));
    QCOMPARE(step.value(QStringLiteral("employee2 old token"))
                 .value(u"data")
                 .toObject()
                 .value(u"reason"),
             QJsonValue(QStringLiteral("role_changed")));
    // Never above the manager's own role.
    const QJsonObject above = step.value(QStringLiteral("above own role"));
    QCOMPARE(errorType(above.value(u"demoteAdmin")), QStringLiteral("PERMISSION_DENIED"));
    QCOMPARE(errorType(above.value(u"grantAdmin")), QStringLiteral("PERMISSION_DENIED"));
}

void TestHubInterop::alertAcknowledgedOverTheWire()
{
    // In cafe B (cafe A's staff were changed by staffChangesOverTheWire); cafe A's manager is
    // the outsider.
    const QString b = QStringLiteral("cafeB");
    const QJsonObject tokens{{"manager", mint(m_fixture->manager(b))},
                             {"employee", mint(m_fixture->employee(b))},
                             {"employee2", mint(m_fixture->employee2(b))},
                             {"outsider", mint(m_fixture->manager(QStringLiteral("cafeA")))}};
    QString error;
    const QHash<QString, QJsonObject> step
        = runSteps(QStringLiteral("hub-alerts.js"), tokens, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const auto errorOf = [](const QJsonValue &answer) -> QString {
        const QJsonObject e = answer.toObject().value(u"error").toObject();
        return e.value(u"type").toString() + u'/' + e.value(u"field").toString();
    };
    QCOMPARE(step.value(QStringLiteral("connect")).value(u"results").toArray(),
             (QJsonArray{"connect", "connect", "connect", "connect"}));

    // The alert is raised (low_stock to the cafe's managers only, as the contract has it) and
    // the snapshot names it, not yet acknowledged.
    const QJsonObject raised = step.value(QStringLiteral("raised"));
    QVERIFY2(raised.value(u"waste").toBool(), qPrintable(dump(raised)));
    QVERIFY(raised.value(u"before").isNull());
    const QJsonObject standing = raised.value(u"alert").toObject();
    const QString alertId = standing.value(u"alert_id").toString();
    QVERIFY2(!alertId.isEmpty(), qPrintable(dump(raised)));
    QCOMPARE(standing.value(u"acknowledged").toBool(), false);
    QVERIFY(!standing.value(u"priority").toString().isEmpty());
    QVERIFY(!standing.value(u"raised_at").toString().isEmpty());
    QCOMPARE(raised.value(u"lowHeard").toArray(), (QJsonArray{1, 0, 0, 0}));

    // Bad requests name the field; another cafe cannot see the alert.
    const QJsonObject invalid = step.value(QStringLiteral("invalid"));
    QCOMPARE(errorOf(invalid.value(u"missing")), QStringLiteral("INVALID_DATA/alert_id"));
    QCOMPARE(errorOf(invalid.value(u"wrongType")), QStringLiteral("INVALID_DATA/alert_id"));
    QCOMPARE(errorOf(invalid.value(u"unknown")), QStringLiteral("NOT_FOUND/alert_id"));
    QCOMPARE(errorOf(invalid.value(u"unknownItem")), QStringLiteral("NOT_FOUND/product_id"));
    QCOMPARE(errorOf(invalid.value(u"otherCafe")), QStringLiteral("NOT_FOUND/alert_id"));

    // An employee acknowledges it: who and when in the answer; the same request_id answers the
    // same; a second console acknowledging the same alert changes nothing and sends no event.
    const QJsonObject acked = step.value(QStringLiteral("acknowledged"));
    const QJsonObject first = acked.value(u"first").toObject();
    QVERIFY2(first.value(u"ok").toBool(), qPrintable(dump(acked)));
    const QJsonObject data = first.value(u"data").toObject();
    QCOMPARE(data.value(u"alert_id").toString(), alertId);
    QCOMPARE(data.value(u"product_id").toString(), raised.value(u"item").toString());
    QCOMPARE(data.value(u"acknowledged_by").toObject().value(u"id").toString(),
             m_fixture->employee(b).userId);
    QCOMPARE(data.value(u"acknowledged_by").toObject().value(u"name").toString(),
             QStringLiteral("Jane Employee"));
    QVERIFY(!data.value(u"acknowledged_at").toString().isEmpty());
    QCOMPARE(data.value(u"already_acknowledged").toBool(), false);
    QCOMPARE(acked.value(u"replay"), acked.value(u"first"));
    const QJsonObject second = acked.value(u"second").toObject().value(u"data").toObject();
    QCOMPARE(second.value(u"already_acknowledged").toBool(), true);
    QCOMPARE(second.value(u"acknowledged_by"), data.value(u"acknowledged_by"));
    // One event, to everyone of the cafe (out-of-stock alerts ring at every console), none to
    // the other cafe.
    const QJsonObject heard = acked.value(u"heard").toObject();
    for (const char *who : {"manager", "employee", "employee2"}) {
        const QJsonArray events = heard.value(QLatin1String(who)).toArray();
        QCOMPARE(events.size(), 1);
        const QJsonObject e = events.first().toObject().value(u"data").toObject();
        QCOMPARE(e.value(u"alert_id").toString(), alertId);
        QCOMPARE(e.value(u"product_id").toString(), raised.value(u"item").toString());
        QCOMPARE(e.value(u"acknowledged_by"), data.value(u"acknowledged_by"));
        QCOMPARE(e.value(u"acknowledged_at"), data.value(u"acknowledged_at"));
    }
    QCOMPARE(heard.value(u"outsider").toArray().size(), 0);

    // A console started later sees it acknowledged in the snapshot.
    const QJsonObject snapshot = step.value(QStringLiteral("snapshot")).value(u"alert").toObject();
    QCOMPARE(snapshot.value(u"alert_id").toString(), alertId);
    QCOMPARE(snapshot.value(u"acknowledged").toBool(), true);
    QCOMPARE(snapshot.value(u"acknowledged_by"), data.value(u"acknowledged_by"));

    // Restocked: no alert; low again: a new one, not acknowledged; the old one is over.
    const QJsonObject rearmed = step.value(QStringLiteral("rearmed"));
    QVERIFY(rearmed.value(u"restockedAlert").isNull());
    const QJsonObject alert = rearmed.value(u"alert").toObject();
    QVERIFY(!alert.value(u"alert_id").toString().isEmpty());
    QVERIFY(alert.value(u"alert_id").toString() != alertId);
    QCOMPARE(alert.value(u"acknowledged").toBool(), false);
    QCOMPARE(rearmed.value(u"lowHeard").toInt(), 2);
    QCOMPARE(errorOf(rearmed.value(u"oldAlert")), QStringLiteral("CONFLICT/alert_id"));
}

void TestHubInterop::staffAdministrationOverTheWire()
{
    // In cafe B, after alertAcknowledgedOverTheWire, which counts cafe B's events.
    const QString b = QStringLiteral("cafeB");
    const QJsonObject tokens{{"cafe", b},
                             {"manager", mint(m_fixture->manager(b))},
                             {"admin", mint(m_fixture->admin(b))},
                             {"employee", mint(m_fixture->employee(b))}};
    QString error;
    const QHash<QString, QJsonObject> step
        = runSteps(QStringLiteral("hub-staffadmin.js"), tokens, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const auto errorOf = [](const QJsonValue &answer) -> QString {
        const QJsonObject e = answer.toObject().value(u"error").toObject();
        return e.value(u"type").toString() + u'/' + e.value(u"field").toString();
    };
    const auto staffOf = [](const QJsonValue &answer) {
        return answer.toObject().value(u"data").toObject().value(u"staff").toObject();
    };
    QCOMPARE(step.value(QStringLiteral("connect")).value(u"results").toArray(),
             (QJsonArray{"connect", "connect", "connect"}));

    // An employee manages nobody.
    const QJsonObject refused = step.value(QStringLiteral("employee refused"));
    for (const char *command : {"add", "update", "mint"})
        QCOMPARE(errorOf(refused.value(QLatin1String(command))),
                 QStringLiteral("PERMISSION_DENIED/"));

    // Every bad input names its field.
    const QJsonObject invalid = step.value(QStringLiteral("invalid")).value(u"answers").toObject();
    const QList<std::pair<const char *, const char *>> expected{
        {"missingCode", "INVALID_DATA/employee_id"},
        {"badCode", "INVALID_DATA/employee_id"},
        {"emptyName", "INVALID_DATA/name"},
        {"longName", "INVALID_DATA/name"},
        {"role", "INVALID_DATA/role"},
        {"pin", "INVALID_DATA/pin"},
        {"rate", "INVALID_DATA/hourly_rate"},
        {"allowance", "INVALID_DATA/drink_allowance"},
        {"updateNothing", "INVALID_DATA/name"},
        {"updateRate", "INVALID_DATA/hourly_rate"},
        {"updateUnknown", "NOT_FOUND/employee_id"},
        {"mintTtl", "INVALID_DATA/ttl_days"},
        {"mintLabel", "INVALID_DATA/label"}};
    for (const auto &[key, want] : expected)
        QVERIFY2(errorOf(invalid.value(QLatin1String(key))) == QLatin1String(want),
                 qPrintable(QLatin1String(key) + u": "
                            + dump(invalid.value(QLatin1String(key)).toObject())));

    // Never at or for an admin, nor a manager's own pay.
    const QJsonObject above = step.value(QStringLiteral("above own role"));
    for (const char *key : {"addAdmin", "updateAdmin", "mintAdmin", "ownRate"})
        QVERIFY2(errorOf(above.value(QLatin1String(key))) == QStringLiteral("PERMISSION_DENIED/"),
                 qPrintable(QLatin1String(key) + u": "
                            + dump(above.value(QLatin1String(key)).toObject())));

    // Added once: the same request_id answers the same; the code (any case) is taken then.
    const QJsonObject add = step.value(QStringLiteral("add"));
    const QJsonObject added = staffOf(add.value(u"first"));
    QVERIFY2(add.value(u"first").toObject().value(u"ok").toBool(), qPrintable(dump(add)));
    QCOMPARE(add.value(u"again"), add.value(u"first"));
    QCOMPARE(errorOf(add.value(u"taken")), QStringLiteral("CONFLICT/employee_id"));
    QCOMPARE(added.value(u"employee_id").toString(), QStringLiteral("EMP010"));
    QCOMPARE(added.value(u"name").toString(), QStringLiteral("Nia Newcomer"));
    QCOMPARE(added.value(u"role").toString(), QStringLiteral("employee"));
    QCOMPARE(added.value(u"hourly_rate").toDouble(), 14.25);
    QCOMPARE(added.value(u"drink_allowance").toInt(), 3);
    QCOMPARE(added.value(u"active").toBool(), true);
    QVERIFY(added.value(u"last_sign_in_at").isNull());
    QCOMPARE(added.value(u"updated_by").toObject().value(u"id").toString(),
             m_fixture->manager(b).userId);
    QVERIFY(!dump(add).contains(QStringLiteral("2468"))
            && !dump(add).contains(QStringLiteral("pbkdf2")));

    // The new person signs in with their PIN; the list then says when.
    const QJsonObject signIn = step.value(QStringLiteral("sign in"));
    QCOMPARE(signIn.value(u"status").toInt(), 200);
    QCOMPARE(signIn.value(u"role").toString(), QStringLiteral("employee"));
    const QDateTime at = QDateTime::fromString(
        signIn.value(u"staff").toObject().value(u"last_sign_in_at").toString(), Qt::ISODate);
    QVERIFY2(at.isValid(), qPrintable(dump(signIn)));

    // Edited: name, rate, allowance back to the cafe's default; replayed; a no-op is a conflict.
    const QJsonObject update = step.value(QStringLiteral("update"));
    const QJsonObject edited = staffOf(update.value(u"update"));
    QVERIFY2(update.value(u"update").toObject().value(u"ok").toBool(), qPrintable(dump(update)));
    QCOMPARE(edited.value(u"name").toString(), QStringLiteral("Nia Senior"));
    QCOMPARE(edited.value(u"hourly_rate").toDouble(), 15.75);
    QVERIFY(edited.value(u"drink_allowance").isNull());
    QCOMPARE(update.value(u"updateAgain"), update.value(u"update"));
    QCOMPARE(errorOf(update.value(u"unchanged")), QStringLiteral("CONFLICT/"));

    // A device token: the person's role, named after the device, the same on a replay; it
    // connects, acts, and is ended by revoke_staff_sessions.
    const QJsonObject minted = step.value(QStringLiteral("mint"));
    const QJsonObject token = minted.value(u"mint").toObject().value(u"data").toObject();
    QVERIFY2(!token.value(u"token").toString().isEmpty(), qPrintable(dump(minted)));
    QCOMPARE(minted.value(u"mintAgain"), minted.value(u"mint"));
    QCOMPARE(token.value(u"user_id").toString(), added.value(u"user_id").toString());
    QCOMPARE(token.value(u"role").toString(), QStringLiteral("employee"));
    QCOMPARE(token.value(u"name").toString(), QStringLiteral("Nia Senior (Bar tablet)"));
    QCOMPARE(token.value(u"label").toString(), QStringLiteral("Bar tablet"));
    // Seven days from when it was minted (the hub runs on the wall clock here).
    const qint64 expiresIn
        = QDateTime::fromString(token.value(u"expires_at").toString(), Qt::ISODate)
              .toSecsSinceEpoch()
          - m_server->service()->clock()->nowMs() / 1000;
    QVERIFY2(expiresIn <= 7 * 24 * 3600 && expiresIn > 7 * 24 * 3600 - 600,
             qPrintable(QString::number(expiresIn)));
    QCOMPARE(minted.value(u"deviceConnect").toString(), QStringLiteral("connect"));
    QVERIFY(minted.value(u"deviceList").toBool());
    QVERIFY(minted.value(u"revoke").toBool());
    QCOMPARE(minted.value(u"reason").toString(), QStringLiteral("io server disconnect"));
    const QJsonObject retry = minted.value(u"retry").toObject();
    QCOMPARE(retry.value(u"result").toString(), QStringLiteral("connect_error"));
    QCOMPARE(retry.value(u"data").toObject().value(u"reason").toString(),
             QStringLiteral("revoked"));

    // An admin may add an admin.
    QCOMPARE(staffOf(step.value(QStringLiteral("admin adds an admin")).value(u"answer"))
                 .value(u"role")
                 .toString(),
             QStringLiteral("admin"));

    // staff:updated went to the managers and admins (once per change, not for the replays),
    // never to another employee.
    const QJsonObject heard = step.value(QStringLiteral("heard")).value(u"heard").toObject();
    const auto changesHeard = [&heard](const char *who) {
        QStringList out;
        for (const QJsonValue &e : heard.value(QLatin1String(who)).toArray()) {
            const QJsonObject o = e.toObject();
            QStringList kinds;
            for (const QJsonValue &k : o.value(u"changes").toArray())
                kinds.append(k.toString());
            out.append(o.value(u"employee_id").toString() + u':' + kinds.join(u','));
        }
        return out;
    };
    const QStringList expectedChanges{
        QStringLiteral("EMP010:added"), QStringLiteral("EMP010:details_changed"),
        QStringLiteral("EMP010:sessions_revoked"), QStringLiteral("ADM010:added")};
    QCOMPARE(changesHeard("manager"), expectedChanges);
    QCOMPARE(changesHeard("admin"), expectedChanges);
    QCOMPARE(changesHeard("employee"), QStringList());
    // The event carries the whole staff object, so a console's list follows without asking.
    const QJsonObject detailsEvent = heard.value(u"manager").toArray().at(1).toObject();
    QCOMPARE(detailsEvent.value(u"name").toString(), QStringLiteral("Nia Senior"));
    QCOMPARE(detailsEvent.value(u"hourly_rate").toDouble(), 15.75);
}

void TestHubInterop::chainOwnerOverTheWire()
{
    // Last: it grants cafe A's admin the chain (the registry, as `tabletap-hub chain grant`).
    {
        SqliteStorage storage(m_fixture->dataDir);
        const QString folder = m_fixture->dataDir;
        HubAdminService api(storage,
                            [folder](QString *e) { return HubSecret::loadOrCreate(folder, e); });
        QVERIFY(api.grantChainOwner(QStringLiteral("cafeA"), QStringLiteral("ADM001")).ok());
    }
    const QJsonObject tokens{{"owner", mint(m_fixture->admin(QStringLiteral("cafeA")))},
                             {"manager", mint(m_fixture->manager(QStringLiteral("cafeA")))},
                             {"admin", mint(m_fixture->admin(QStringLiteral("cafeB")))},
                             {"cafe", "cafeB"},
                             {"other", "cafeA"}};
    QString error;
    const QHash<QString, QJsonObject> step
        = runSteps(QStringLiteral("hub-chain.js"), tokens, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(step.value(QStringLiteral("connect")).value(u"results").toArray(),
             (QJsonArray{"connect", "connect", "connect"}));
    const QJsonObject overview = step.value(QStringLiteral("overview"));
    const QJsonObject seen = overview.value(u"owner").toObject();
    QVERIFY2(seen.value(u"ok").toBool(), qPrintable(dump(overview)));
    QCOMPARE(seen.value(u"data").toObject().value(u"cafes").toArray().size(), 2);
    QCOMPARE(seen.value(u"data").toObject().value(u"total").toObject().value(u"cafes").toInt(), 2);
    for (const char *who : {"manager", "admin", "adminOpens"})
        QCOMPARE(overview.value(QLatin1String(who))
                     .toObject()
                     .value(u"error")
                     .toObject()
                     .value(u"type")
                     .toString(),
                 QStringLiteral("PERMISSION_DENIED"));
    const QJsonObject open = step.value(QStringLiteral("open"));
    QVERIFY2(open.value(u"opened").toObject().value(u"ok").toBool(), qPrintable(dump(open)));
    QCOMPARE(open.value(u"asCafe").toArray(), (QJsonArray{"connect", "connect"}));
    QVERIFY(open.value(u"listed").toBool());
    QCOMPARE(open.value(u"cafeOfSettings").toString(), QStringLiteral("cafeB"));
    QCOMPARE(open.value(u"chainFromCafe")
                 .toObject()
                 .value(u"error")
                 .toObject()
                 .value(u"type")
                 .toString(),
             QStringLiteral("PERMISSION_DENIED"));
    const QJsonObject other = open.value(u"other").toObject();
    QCOMPARE(other.value(u"result").toString(), QStringLiteral("connect_error"));
    QCOMPARE(other.value(u"message").toString(), QStringLiteral("Permission denied"));
}

QTEST_GUILESS_MAIN(TestHubInterop)
#include "tst_hubinterop.moc"
