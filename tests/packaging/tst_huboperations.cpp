// The hub's operations side, in-process: the Prometheus text writer and histogram, bounded
// command counters, process figures, /healthz and /metrics on a real HubServer (exposition
// format checked line by line, access by address and by token, 403/404/405, 503 when the data
// folder goes, the disk is short or a batch cannot be stored), the data folder lock, and
// restore (whole hub and one cafe, refusal while locked, damaged backups left untouched, unsafe
// backups refused: cafe ids that are not ids, symbolic links).
#include "admincommandline.h"
#include "datafolderlock.h"
#include "hubdomain.h"
#include "hubmetrics.h"
#include "huboperations.h"
#include "hubserver.h"
#include "hubwireclient.h"
#include "latencyhistogram.h"
#include "processstats.h"
#include "prometheustext.h"
#include "restorecommand.h"
#include "sqliteconnection.h"

#include <QDateTime>
#include <QFileInfo>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <unistd.h>

using namespace TableTap;
using namespace TableTap::Test;

namespace {

struct HttpResult
{
    int status = 0;
    QByteArray body;
};

HttpResult http(const QByteArray &verb, const QUrl &url, const QByteArray &token = {})
{
    QNetworkAccessManager nam;
    QNetworkRequest request(url);
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token);
    std::unique_ptr<QNetworkReply> reply(nam.sendCustomRequest(request, verb));
    (void)QTest::qWaitFor([&reply] { return reply->isFinished(); }, 10000);
    HttpResult r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.body = reply->readAll();
    return r;
}

int admin(const QStringList &args, QString *output = nullptr)
{
    QString out, err;
    QTextStream o(&out), e(&err);
    const int rc = AdminCommandLine(o, e).run(args);
    o.flush();
    e.flush();
    if (output)
        *output = out + err;
    return rc;
}

int restore(const QStringList &args, QString *output = nullptr)
{
    QString out, err;
    QTextStream o(&out), e(&err);
    const int rc = RestoreCommand(o, e).run(QStringList{QStringLiteral("restore")} + args);
    o.flush();
    e.flush();
    if (output)
        *output = out + err;
    return rc;
}

// Parses a Prometheus text exposition strictly; returns the problems (empty when valid) and the
// samples as "name{labels}" -> value.
QStringList checkExposition(const QByteArray &text, QHash<QString, double> *samples)
{
    QStringList problems;
    static const QRegularExpression help(QStringLiteral("^# HELP ([a-zA-Z_:][a-zA-Z0-9_:]*) .+$"));
    static const QRegularExpression type(QStringLiteral(
        "^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped)$"));
    static const QRegularExpression sample(
        QStringLiteral("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(?:[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n]|"
                       "\\\\[\\\\\"n])*\""
                       "(?:,[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n]|\\\\[\\\\\"n])*\")*)?\\})? "
                       "(-?[0-9.eE+-]+|\\+Inf|-Inf|NaN)$"));
    QHash<QString, QString> types;
    QSet<QString> helps;
    QString current;
    if (!text.endsWith('\n'))
        problems.append(QStringLiteral("does not end with a newline"));
    const QList<QByteArray> lines = text.split('\n');
    for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
        const QString line = QString::fromUtf8(lines.at(i));
        if (const auto m = help.match(line); m.hasMatch()) {
            if (helps.contains(m.captured(1)))
                problems.append(QStringLiteral("HELP twice: ") + line);
            helps.insert(m.captured(1));
            current = m.captured(1);
            continue;
        }
        if (const auto m = type.match(line); m.hasMatch()) {
            if (types.contains(m.captured(1)) || m.captured(1) != current)
                problems.append(QStringLiteral("TYPE out of place: ") + line);
            types.insert(m.captured(1), m.captured(2));
            continue;
        }
        const auto m = sample.match(line);
        if (!m.hasMatch()) {
            problems.append(QStringLiteral("not a sample: ") + line);
            continue;
        }
        QString family = m.captured(1);
        if (types.value(current) == u"histogram") {
            for (const QString &suffix :
                 {QStringLiteral("_bucket"), QStringLiteral("_sum"), QStringLiteral("_count")})
                if (family == current + suffix)
                    family = current;
        }
        if (family != current)
            problems.append(QStringLiteral("sample outside its family: ") + line);
        const QString series = m.captured(1) + m.captured(2);
        if (samples->contains(series))
            problems.append(QStringLiteral("series twice: ") + series);
        samples->insert(series, m.captured(3) == u"+Inf" ? qInf() : m.captured(3).toDouble());
    }
    return problems;
}

class LiveHub
{
public:
    explicit LiveHub(HubOperations::Options operations = {})
    {
        QVERIFY(dir.isValid());
        dataDir = dir.filePath(QStringLiteral("data"));
        QCOMPARE(admin({QStringLiteral("cafe"), QStringLiteral("add"), QStringLiteral("--data"),
                        dataDir, QStringLiteral("--id"), QStringLiteral("c1"),
                        QStringLiteral("--name"), QStringLiteral("Corner")}),
                 0);
        HubServer::Options options;
        options.bindAddress = QHostAddress::LocalHost;
        options.port = 0;
        options.operations = operations;
        server = std::make_unique<HubServer>(dataDir, options);
        QVERIFY(server->start() > 0);
        base = server->url();
        token = QString::fromUtf8(
            server->service()->mintToken(HubActor{QStringLiteral("till-1"), QStringLiteral("Till"),
                                                  HubRole::Manager, QStringLiteral("c1")},
                                         QStringLiteral("access"), 3600));
    }
    QUrl at(const char *path) const { return base.resolved(QUrl(QLatin1String(path))); }

    QTemporaryDir dir;
    QString dataDir;
    std::unique_ptr<HubServer> server;
    QUrl base;
    QString token;
};

QString espresso(HubWireClient &client)
{
    const QJsonObject menu = client.call(QStringLiteral("/orders"), QStringLiteral("list_menu"));
    for (const QJsonValue &p : menu.value(u"data").toObject().value(u"products").toArray()) {
        if (p.toObject().value(u"name").toString() == u"Espresso")
            return p.toObject().value(u"id").toString();
    }
    return {};
}

QJsonObject orderFor(const QString &product, const QString &name)
{
    return QJsonObject{
        {QStringLiteral("customer_name"), name},
        {QStringLiteral("items"), QJsonArray{QJsonObject{{QStringLiteral("product_id"), product},
                                                         {QStringLiteral("quantity"), 1}}}}};
}

int countOrders(const QString &db)
{
    SqliteConnection c;
    QString error;
    if (!c.open(db, &error))
        return -1;
    return c.scalar(QStringLiteral("SELECT count(*) FROM orders")).toInt();
}

} // namespace

class TestHubOperations : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void prometheusText();
    void histogram();
    void commandCountsAreBounded();
    void processStats();
    void accessRules();
    void metricsEndpoint();
    void healthEndpoint();
    void accessControlOnTheWire();
    void dataFolderLock();
    void restoreWholeHub();
    void restoreRefusals();
    void restoreRefusesUnsafeBackups();
    void restoreOneCafe();
};

void TestHubOperations::prometheusText()
{
    QCOMPARE(PrometheusText::escapeLabelValue(QStringLiteral("a\"b\\c\nd")),
             QByteArray("a\\\"b\\\\c\\nd"));
    QCOMPARE(PrometheusText::escapeHelp(QStringLiteral("x\\y\nz \"q\"")),
             QByteArray("x\\\\y\\nz \"q\""));
    QCOMPARE(PrometheusText::formatValue(3), QByteArray("3"));
    QCOMPARE(PrometheusText::formatValue(0), QByteArray("0"));
    QCOMPARE(PrometheusText::formatValue(-2), QByteArray("-2"));
    QCOMPARE(PrometheusText::formatValue(0.25), QByteArray("0.25"));
    QCOMPARE(PrometheusText::formatValue(1e-5), QByteArray("1e-05"));
    QCOMPARE(PrometheusText::formatValue(qInf()), QByteArray("+Inf"));
    QCOMPARE(PrometheusText::formatValue(-qInf()), QByteArray("-Inf"));
    QCOMPARE(PrometheusText::formatValue(qQNaN()), QByteArray("NaN"));
    QCOMPARE(PrometheusText::formatValue(1e17), QByteArray("1e+17"));
    QVERIFY(PrometheusText::isValidMetricName("tabletap_x:y_total"));
    QVERIFY(!PrometheusText::isValidMetricName("1abc"));
    QVERIFY(!PrometheusText::isValidMetricName("a-b"));
    QVERIFY(PrometheusText::isValidLabelName("namespace"));
    QVERIFY(!PrometheusText::isValidLabelName("__name"));
    QVERIFY(!PrometheusText::isValidLabelName("a:b"));

    PrometheusText t;
    t.family("x_total", "counter", QStringLiteral("Things.\nMore."));
    t.sample("x_total", 2, {{"kind", QStringLiteral("a\"b")}, {"k2", QStringLiteral("v")}});
    t.family("lat_seconds", "histogram", QStringLiteral("Latency."));
    t.histogram("lat_seconds", {0.1, 1}, {1, 3}, 4, 2.5, {{"op", QStringLiteral("w")}});
    QCOMPARE(t.text(), QByteArray("# HELP x_total Things.\\nMore.\n"
                                  "# TYPE x_total counter\n"
                                  "x_total{kind=\"a\\\"b\",k2=\"v\"} 2\n"
                                  "# HELP lat_seconds Latency.\n"
                                  "# TYPE lat_seconds histogram\n"
                                  "lat_seconds_bucket{op=\"w\",le=\"0.1\"} 1\n"
                                  "lat_seconds_bucket{op=\"w\",le=\"1\"} 3\n"
                                  "lat_seconds_bucket{op=\"w\",le=\"+Inf\"} 4\n"
                                  "lat_seconds_sum{op=\"w\"} 2.5\n"
                                  "lat_seconds_count{op=\"w\"} 4\n"));
    QHash<QString, double> samples;
    QCOMPARE(checkExposition(t.text(), &samples), QStringList());
    // The checker is not a rubber stamp.
    QVERIFY(!checkExposition("x 1\n", &samples).isEmpty());
    samples.clear();
    QVERIFY(!checkExposition("# HELP a b\n# TYPE a gauge\na{l=\"x} 1\n", &samples).isEmpty());
}

void TestHubOperations::histogram()
{
    LatencyHistogram h;
    for (const double s : {0.0001, 0.0005, 0.0007, 0.02, 0.3, 7.0})
        h.record(s);
    QCOMPARE(h.count(), 6u);
    QCOMPARE(h.max(), 7.0);
    QVERIFY(qAbs(h.sum() - 7.3213) < 1e-9);
    const QList<double> bounds = h.upperBounds();
    const QList<quint64> cumulative = h.cumulativeCounts();
    QCOMPARE(bounds.size(), cumulative.size());
    QCOMPARE(cumulative.at(bounds.indexOf(0.0005)), 2u); // le is inclusive
    QCOMPARE(cumulative.at(bounds.indexOf(0.001)), 3u);
    QCOMPARE(cumulative.at(bounds.indexOf(0.025)), 4u);
    QCOMPARE(cumulative.at(bounds.indexOf(0.5)), 5u);
    QCOMPARE(cumulative.last(), 5u); // 7 s is only in +Inf (the count)
    for (qsizetype i = 1; i < cumulative.size(); ++i)
        QVERIFY(cumulative.at(i) >= cumulative.at(i - 1));
    h.reset();
    QCOMPARE(h.count(), 0u);
}

void TestHubOperations::commandCountsAreBounded()
{
    HubMetrics m;
    m.countCommand(QStringLiteral("create_order"), CommandResult::success({}));
    m.countCommand(QStringLiteral("create_order"), CommandResult::success({}));
    m.countCommand(QStringLiteral("create_order"),
                   CommandResult::failure(
                       CommandError::invalid(QStringLiteral("items"), QStringLiteral("empty"))));
    for (int i = 0; i < 100; ++i)
        m.countCommand(QStringLiteral("made_up_%1").arg(i),
                       CommandResult::failure(CommandError::notFound(QStringLiteral("no"))));
    const QList<HubMetrics::CommandCount> c = m.commands();
    QCOMPARE(c.size(), 3);
    QCOMPARE(c.at(0).command, QStringLiteral("create_order"));
    QCOMPARE(c.at(0).result, QStringLiteral("invalid_data"));
    QCOMPARE(c.at(0).count, 1u);
    QCOMPARE(c.at(1).result, QStringLiteral("ok"));
    QCOMPARE(c.at(1).count, 2u);
    QCOMPARE(c.at(2).command, QStringLiteral("unknown"));
    QCOMPARE(c.at(2).result, QStringLiteral("not_found"));
    QCOMPARE(c.at(2).count, 100u);
    QCOMPARE(m.errorsByType().value(QStringLiteral("not_found")), 100u);
    QCOMPARE(m.errorsByType().value(QStringLiteral("conflict")), 0u);
    QCOMPARE(m.errorsByType().size(), HubMetrics::errorTypes().size());
    QCOMPARE(m.commandTotal(), 103u);
}

void TestHubOperations::processStats()
{
    const ProcessStats s = ProcessStats::read();
    QVERIFY(s.residentBytes > 1024 * 1024);
    QVERIFY(s.virtualBytes >= s.residentBytes);
    QVERIFY(s.openFds >= 3);
    QVERIFY(s.maxFds >= s.openFds || s.maxFds == -1);
    QVERIFY(s.cpuSeconds >= 0);
    QVERIFY(s.threads >= 1);
    const double now = double(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
    QVERIFY2(s.startTimeSeconds > now - 3600 && s.startTimeSeconds <= now + 2,
             qPrintable(QString::number(s.startTimeSeconds - now)));
}

void TestHubOperations::accessRules()
{
    HubOperations::Subnet s;
    QVERIFY(HubOperations::parseSubnet(QStringLiteral("192.168.1.0/24"), &s));
    QCOMPARE(s.second, 24);
    QVERIFY(HubOperations::parseSubnet(QStringLiteral(" 10.1.2.3 "), &s));
    QCOMPARE(s.second, 32);
    QVERIFY(HubOperations::parseSubnet(QStringLiteral("::1"), &s));
    QCOMPARE(s.second, 128);
    QVERIFY(!HubOperations::parseSubnet(QStringLiteral("cafe-pc"), &s));
    QVERIFY(!HubOperations::parseSubnet(QStringLiteral("10.0.0.0/99"), &s));
    QVERIFY(!HubOperations::parseSubnet(QString(), &s));

    HubOperations::Options o; // loopback only
    QVERIFY(HubOperations::allows(o, QHostAddress(QStringLiteral("127.0.0.1")), {}));
    QVERIFY(HubOperations::allows(o, QHostAddress(QStringLiteral("127.8.9.10")), {}));
    QVERIFY(HubOperations::allows(o, QHostAddress(QStringLiteral("::1")), {}));
    QVERIFY(HubOperations::allows(o, QHostAddress(QStringLiteral("::ffff:127.0.0.1")), {}));
    QVERIFY(!HubOperations::allows(o, QHostAddress(QStringLiteral("192.168.1.7")), {}));
    QVERIFY(
        !HubOperations::allows(o, QHostAddress(QStringLiteral("192.168.1.7")), "Bearer anything"));
    o.allowed = {QHostAddress::parseSubnet(QStringLiteral("192.168.1.0/24"))};
    o.token = "s3cret-token-0123456789";
    QVERIFY(HubOperations::allows(o, QHostAddress(QStringLiteral("::ffff:192.168.1.7")), {}));
    QVERIFY(!HubOperations::allows(o, QHostAddress(QStringLiteral("127.0.0.1")), {}));
    QVERIFY(HubOperations::allows(o, QHostAddress(QStringLiteral("203.0.113.9")),
                                  "Bearer s3cret-token-0123456789"));
    QVERIFY(!HubOperations::allows(o, QHostAddress(QStringLiteral("203.0.113.9")),
                                   "Bearer s3cret-token-012345678"));
    QVERIFY(!HubOperations::allows(o, QHostAddress(QStringLiteral("203.0.113.9")),
                                   "Basic s3cret-token-0123456789"));
    QVERIFY(!HubOperations::allows(o, QHostAddress(QStringLiteral("203.0.113.9")), "Bearer "));
}

void TestHubOperations::metricsEndpoint()
{
    LiveHub hub;
    HubWireClient client(hub.base, hub.token, QStringLiteral("c1"), QStringLiteral("manager"),
                         {QStringLiteral("/orders"), QStringLiteral("/system")});
    QVERIFY(client.waitConnected());
    const QString product = espresso(client);
    QVERIFY(!product.isEmpty());
    for (int i = 0; i < 3; ++i)
        QVERIFY(client
                    .call(QStringLiteral("/orders"), QStringLiteral("create_order"),
                          orderFor(product, QStringLiteral("M%1").arg(i)))
                    .value(u"ok")
                    .toBool());
    QVERIFY(!client
                 .call(QStringLiteral("/orders"), QStringLiteral("create_order"),
                       QJsonObject{{QStringLiteral("customer_name"), QStringLiteral("x")}})
                 .value(u"ok")
                 .toBool());
    QVERIFY(!client.call(QStringLiteral("/orders"), QStringLiteral("brew\"coffee\n"))
                 .value(u"ok")
                 .toBool());

    const HttpResult r = http("GET", hub.at("/metrics"));
    QCOMPARE(r.status, 200);
    QHash<QString, double> s;
    const QStringList problems = checkExposition(r.body, &s);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    QCOMPARE(s.value(QStringLiteral("tabletap_build_info{version=\"\"}"), -1), 1.0);
    QCOMPARE(s.value(QStringLiteral("tabletap_cafes")), 1.0);
    QCOMPARE(
        s.value(QStringLiteral("tabletap_node_info{node=\"%1\"}").arg(HubServer::defaultNodeName()),
                -1),
        1.0);
    // Alone: no cluster series at all.
    QVERIFY(!r.body.contains("tabletap_cluster_"));
    QCOMPARE(s.value(QStringLiteral("tabletap_clients")), 1.0);
    QCOMPARE(s.value(QStringLiteral("tabletap_connections{namespace=\"/orders\"}")), 1.0);
    QCOMPARE(s.value(QStringLiteral("tabletap_connections{namespace=\"/system\"}")), 1.0);
    QCOMPARE(s.value(QStringLiteral("tabletap_connections{namespace=\"/payments\"}"), -1), 0.0);
    QCOMPARE(
        s.value(QStringLiteral("tabletap_commands_total{command=\"create_order\",result=\"ok\"}")),
        3.0);
    QCOMPARE(s.value(QStringLiteral(
                 "tabletap_commands_total{command=\"create_order\",result=\"invalid_data\"}")),
             1.0);
    // A made-up command name does not become a label.
    double unknown = 0;
    for (auto it = s.constBegin(); it != s.constEnd(); ++it) {
        QVERIFY2(!it.key().contains(QStringLiteral("brew")), qPrintable(it.key()));
        if (it.key().startsWith(QStringLiteral("tabletap_commands_total{command=\"unknown\"")))
            unknown += it.value();
    }
    QCOMPARE(unknown, 1.0);
    // Errors by type add up to the refused commands of that type.
    for (const QString &type : HubMetrics::errorTypes()) {
        double refused = 0;
        for (auto it = s.constBegin(); it != s.constEnd(); ++it) {
            if (it.key().startsWith(QStringLiteral("tabletap_commands_total{"))
                && it.key().endsWith(QStringLiteral("result=\"%1\"}").arg(type)))
                refused += it.value();
        }
        QCOMPARE(
            s.value(QStringLiteral("tabletap_command_errors_total{type=\"%1\"}").arg(type), -1),
            refused);
    }
    QVERIFY(s.value(QStringLiteral("tabletap_events_total")) >= 3); // order:created at least
    QVERIFY(s.value(QStringLiteral("tabletap_socketio_events_received_total")) >= 6);
    // Three orders, one refused, one unknown, one list_menu: each its own batch or shared ones.
    const double batches = s.value(QStringLiteral("tabletap_storage_batch_seconds_count"));
    QVERIFY(batches >= 1 && batches <= 6);
    QCOMPARE(s.value(QStringLiteral("tabletap_storage_batch_seconds_bucket{le=\"+Inf\"}")),
             batches);
    QVERIFY(s.value(QStringLiteral("tabletap_storage_batch_seconds_sum")) > 0);
    QCOMPARE(s.value(QStringLiteral("tabletap_storage_failures_total"), -1), 0.0);
    QVERIFY(s.value(QStringLiteral("process_resident_memory_bytes")) > 0);
    QVERIFY(s.value(QStringLiteral("process_open_fds")) >= 3);
    // The simulator gauge says what the probe says (its switch beside the hub); 0 without one.
    QCOMPARE(s.value(QStringLiteral("tabletap_simulator_running"), -1), 0.0);
    bool simulating = true;
    hub.server->setSimulatorProbe([&simulating] { return simulating; });
    const auto gauge = [&hub] {
        QHash<QString, double> figures;
        const QStringList wrong = checkExposition(http("GET", hub.at("/metrics")).body, &figures);
        return wrong.isEmpty() ? figures.value(QStringLiteral("tabletap_simulator_running"), -1)
                               : -2.0;
    };
    QCOMPARE(gauge(), 1.0);
    simulating = false;
    QCOMPARE(gauge(), 0.0);
    hub.server->setSimulatorProbe({});

    QCOMPARE(http("HEAD", hub.at("/metrics")).status, 200);
    QCOMPARE(http("POST", hub.at("/metrics")).status, 405);
    QCOMPARE(http("GET", hub.at("/metricsz")).status, 404);
    QCOMPARE(http("GET", hub.at("/healthz/x")).status, 404);
}

void TestHubOperations::healthEndpoint()
{
    LiveHub hub;
    HttpResult r = http("GET", hub.at("/healthz"));
    QCOMPARE(r.status, 200);
    QJsonObject body = QJsonDocument::fromJson(r.body).object();
    QCOMPARE(body.value(u"status").toString(), QStringLiteral("ok"));
    QCOMPARE(body.value(u"cafes").toInt(), 1);
    // Alone: named after the host, nothing about a cluster.
    QCOMPARE(body.value(u"node").toString(), HubServer::defaultNodeName());
    QVERIFY(!body.contains(u"cluster"));
    QCOMPARE(body.value(u"storage").toObject().value(u"databases").toInt(), 2);
    QVERIFY(body.value(u"storage").toObject().value(u"free_bytes").toDouble() > 0);

    // A batch that cannot be stored (the cafe's database turned read-only under the hub): 503
    // until a later batch is stored again.
    HubWireClient client(hub.base, hub.token, QStringLiteral("c1"), QStringLiteral("manager"),
                         {QStringLiteral("/orders")});
    QVERIFY(client.waitConnected());
    const QString product = espresso(client);
    StoreConnection &db = hub.server->service()->cafe(QStringLiteral("c1"))->connection();
    db.exec(QStringLiteral("PRAGMA query_only = 1"));
    const QJsonObject refused
        = client.call(QStringLiteral("/orders"), QStringLiteral("create_order"),
                      orderFor(product, QStringLiteral("ro")));
    QVERIFY2(!refused.value(u"ok").toBool(), QJsonDocument(refused).toJson().constData());
    r = http("GET", hub.at("/healthz"));
    QCOMPARE(r.status, 503);
    body = QJsonDocument::fromJson(r.body).object();
    QCOMPARE(body.value(u"status").toString(), QStringLiteral("error"));
    QVERIFY2(body.value(u"problems")
                 .toArray()
                 .at(0)
                 .toString()
                 .contains(QStringLiteral("could not be stored")),
             r.body.constData());
    QCOMPARE(body.value(u"storage").toObject().value(u"failures").toInt(), 1);
    db.exec(QStringLiteral("PRAGMA query_only = 0"));
    QVERIFY(client
                .call(QStringLiteral("/orders"), QStringLiteral("create_order"),
                      orderFor(product, QStringLiteral("rw")))
                .value(u"ok")
                .toBool());
    QCOMPARE(http("GET", hub.at("/healthz")).status, 200);
    QHash<QString, double> s;
    QVERIFY(checkExposition(http("GET", hub.at("/metrics")).body, &s).isEmpty());
    QCOMPARE(s.value(QStringLiteral("tabletap_storage_failures_total")), 1.0);

    // The data folder gone (a disk unmounted): 503 naming it.
    const QString moved = hub.dir.filePath(QStringLiteral("moved"));
    QVERIFY(QDir().rename(hub.dataDir, moved));
    r = http("GET", hub.at("/healthz"));
    QCOMPARE(r.status, 503);
    QVERIFY2(r.body.contains("is missing"), r.body.constData());
    QVERIFY(QDir().rename(moved, hub.dataDir));
    QCOMPARE(http("GET", hub.at("/healthz")).status, 200);

    // Short of disk space (a threshold no disk meets).
    HubOperations::Options full;
    full.minFreeBytes = std::numeric_limits<qint64>::max();
    LiveHub tight(full);
    r = http("GET", tight.at("/healthz"));
    QCOMPARE(r.status, 503);
    QVERIFY2(r.body.contains("MiB free in the data folder"), r.body.constData());
}

void TestHubOperations::accessControlOnTheWire()
{
    HubOperations::Options byToken;
    byToken.allowed = {};
    byToken.token = "a-metrics-token-of-some-length";
    LiveHub hub(byToken);
    QCOMPARE(http("GET", hub.at("/healthz")).status, 403);
    QCOMPARE(http("GET", hub.at("/metrics")).status, 403);
    QCOMPARE(http("GET", hub.at("/metrics"), "a-metrics-token-of-some-lengtH").status, 403);
    QCOMPARE(http("GET", hub.at("/metrics"), "a-metrics-token-of-some-length").status, 200);
    QCOMPARE(http("GET", hub.at("/healthz"), "a-metrics-token-of-some-length").status, 200);
    // The sign-in API is not affected.
    QCOMPARE(http("GET", hub.at("/api/health")).status, 200);

    HubOperations::Options off;
    off.enabled = false;
    LiveHub quiet(off);
    QCOMPARE(http("GET", quiet.at("/healthz")).status, 404);
    QCOMPARE(http("GET", quiet.at("/metrics")).status, 404);
}

void TestHubOperations::dataFolderLock()
{
    QTemporaryDir dir;
    DataFolderLock first(dir.path());
    QVERIFY(first.tryLock());
    QVERIFY(first.isLocked());
    QFile file(DataFolderLock::filePath(dir.path()));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll().trimmed().toLongLong(), qint64(::getpid()));
    file.close();

    // flock(2) locks belong to the open file: a second one conflicts even in this process.
    DataFolderLock second(dir.path());
    QVERIFY(!second.tryLock());
    QCOMPARE(second.holderPid(), qint64(::getpid()));
    QVERIFY2(second.errorString().contains(QStringLiteral("is serving ") + dir.path()),
             qPrintable(second.errorString()));
    first.unlock();
    QVERIFY(second.tryLock());
    second.unlock();

    DataFolderLock nowhere(dir.filePath(QStringLiteral("no/such/folder")));
    QVERIFY(!nowhere.tryLock());
    QVERIFY2(nowhere.errorString().startsWith(QStringLiteral("cannot open")),
             qPrintable(nowhere.errorString()));
    QCOMPARE(nowhere.holderPid(), 0);
}

namespace {

// A data folder with cafe c1 and `orders` orders, written through the hub's own service.
class Shop
{
public:
    Shop()
    {
        QVERIFY(dir.isValid());
        data = dir.filePath(QStringLiteral("data"));
        QCOMPARE(admin({QStringLiteral("cafe"), QStringLiteral("add"), QStringLiteral("--data"),
                        data, QStringLiteral("--id"), QStringLiteral("c1"),
                        QStringLiteral("--name"), QStringLiteral("Corner")}),
                 0);
    }
    void addOrders(int n)
    {
        HubOptions options;
        options.dataDir = data;
        HubDomain service(options);
        QString error;
        QVERIFY2(service.open(&error), qPrintable(error));
        const HubActor till{QStringLiteral("till-1"), QStringLiteral("Till"), HubRole::Manager,
                            QStringLiteral("c1")};
        QString product;
        const CommandResult menu
            = service.execute(till, QStringLiteral("/orders"), QStringLiteral("list_menu"), {});
        for (const QJsonValue &p : menu.data().value(u"products").toArray()) {
            if (p.toObject().value(u"name").toString() == u"Espresso")
                product = p.toObject().value(u"id").toString();
        }
        for (int i = 0; i < n; ++i) {
            const CommandResult r
                = service.execute(till, QStringLiteral("/orders"), QStringLiteral("create_order"),
                                  orderFor(product, QStringLiteral("O%1").arg(i)));
            QVERIFY(r.ok());
        }
    }
    QString cafeDb() const { return data + QStringLiteral("/cafes/c1.db"); }
    QString path(const char *name) const { return dir.filePath(QLatin1String(name)); }
    QStringList preRestore() const
    {
        return QDir(data).entryList({QStringLiteral("pre-restore-*")}, QDir::Dirs);
    }

    QTemporaryDir dir;
    QString data;
};

QByteArray bytesOf(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

void TestHubOperations::restoreWholeHub()
{
    Shop shop;
    shop.addOrders(2);
    const QString backup = shop.path("backup");
    QCOMPARE(admin({QStringLiteral("backup"), QStringLiteral("--data"), shop.data,
                    QStringLiteral("--out"), backup}),
             0);
    shop.addOrders(3);
    QCOMPARE(countOrders(shop.cafeDb()), 5);
    const QByteArray secret = bytesOf(shop.data + QStringLiteral("/hub.secret"));
    QCOMPARE(secret.size(), bytesOf(backup + QStringLiteral("/hub.secret")).size());

    QString output;
    QCOMPARE(
        restore({QStringLiteral("--from"), backup, QStringLiteral("--data"), shop.data}, &output),
        0);
    QVERIFY2(output.startsWith(QStringLiteral("restored 1 cafe(s) from ")), qPrintable(output));
    QCOMPARE(countOrders(shop.cafeDb()), 2);
    QCOMPARE(bytesOf(shop.data + QStringLiteral("/hub.secret")), secret);
    QCOMPARE(QFileInfo(shop.data + QStringLiteral("/hub.secret")).permissions()
                 & (QFile::ReadGroup | QFile::ReadOther),
             QFileDevice::Permissions());
    // What was replaced is kept, whole; nothing of the staging copy is left.
    const QStringList aside = shop.preRestore();
    QCOMPARE(aside.size(), 1);
    QCOMPARE(countOrders(shop.data + u'/' + aside.first() + QStringLiteral("/cafes/c1.db")), 5);
    QVERIFY(QDir(shop.data)
                .entryList({QStringLiteral(".restore-*")}, QDir::Dirs | QDir::Hidden)
                .isEmpty());
    // The hub opens the restored folder and goes on from there.
    shop.addOrders(1);
    QCOMPARE(countOrders(shop.cafeDb()), 3);

    // Restoring into a fresh folder (a new PC) works as well.
    const QString fresh = shop.path("fresh/data");
    QCOMPARE(restore({QStringLiteral("--from"), backup, QStringLiteral("--data"), fresh}), 0);
    QCOMPARE(countOrders(fresh + QStringLiteral("/cafes/c1.db")), 2);
    QVERIFY(QDir(fresh).entryList({QStringLiteral("pre-restore-*")}, QDir::Dirs).isEmpty());
}

void TestHubOperations::restoreRefusals()
{
    Shop shop;
    shop.addOrders(2);
    const QString backup = shop.path("backup");
    QCOMPARE(admin({QStringLiteral("backup"), QStringLiteral("--data"), shop.data,
                    QStringLiteral("--out"), backup}),
             0);
    shop.addOrders(1);
    QString output;
    QCOMPARE(restore({QStringLiteral("--data"), shop.data}, &output),
             int(RestoreCommand::UsageError));
    QVERIFY(output.contains(QStringLiteral("--from is required")));
    QCOMPARE(restore({QStringLiteral("--from"), backup}, &output), int(RestoreCommand::UsageError));
    QCOMPARE(restore({QStringLiteral("--from"), shop.path("nothing"), QStringLiteral("--data"),
                      shop.data},
                     &output),
             int(RestoreCommand::NotFound));
    QCOMPARE(restore({QStringLiteral("--from"), shop.path("backup/cafes"), QStringLiteral("--data"),
                      shop.data},
                     &output),
             int(RestoreCommand::NotFound));
    QVERIFY2(output.contains(QStringLiteral("not a hub backup")), qPrintable(output));

    {
        DataFolderLock serving(shop.data);
        QVERIFY(serving.tryLock());
        QCOMPARE(restore({QStringLiteral("--from"), backup, QStringLiteral("--data"), shop.data},
                         &output),
                 int(RestoreCommand::InUse));
        QVERIFY2(output.contains(QStringLiteral("(pid %1) is serving").arg(::getpid())),
                 qPrintable(output));
    }

    // Damaged backups are refused before the folder is touched.
    const QString damaged = shop.path("damaged");
    QCOMPARE(admin({QStringLiteral("backup"), QStringLiteral("--data"), shop.data,
                    QStringLiteral("--out"), damaged}),
             0);
    {
        QFile f(damaged + QStringLiteral("/cafes/c1.db"));
        QVERIFY(f.open(QIODevice::ReadWrite));
        f.seek(f.size() / 2);
        f.write(QByteArray(4096 * 4, '\x5a'));
    }
    QCOMPARE(
        restore({QStringLiteral("--from"), damaged, QStringLiteral("--data"), shop.data}, &output),
        int(RestoreCommand::InvalidData));
    QVERIFY2(output.contains(QStringLiteral("cafes/c1.db")), qPrintable(output));
    const QString incomplete = shop.path("incomplete");
    QCOMPARE(admin({QStringLiteral("backup"), QStringLiteral("--data"), shop.data,
                    QStringLiteral("--out"), incomplete}),
             0);
    QVERIFY(QFile::remove(incomplete + QStringLiteral("/cafes/c1.db")));
    QCOMPARE(restore({QStringLiteral("--from"), incomplete, QStringLiteral("--data"), shop.data},
                     &output),
             int(RestoreCommand::InvalidData));
    QVERIFY2(output.contains(QStringLiteral("lists cafe c1 but has no cafes/c1.db")),
             qPrintable(output));
    QCOMPARE(countOrders(shop.cafeDb()), 3);
    QVERIFY(shop.preRestore().isEmpty());
    QVERIFY(QDir(shop.data)
                .entryList({QStringLiteral(".restore-*")}, QDir::Dirs | QDir::Hidden)
                .isEmpty());
}

void TestHubOperations::restoreRefusesUnsafeBackups()
{
    Shop shop;
    shop.addOrders(2);
    const QByteArray secret = bytesOf(shop.data + QStringLiteral("/hub.secret"));
    auto freshBackup = [&shop](const char *name) {
        const QString path = shop.path(name);
        [&] {
            QCOMPARE(admin({QStringLiteral("backup"), QStringLiteral("--data"), shop.data,
                            QStringLiteral("--out"), path}),
                     0);
        }();
        return path;
    };
    // Nothing of the folder changed, nothing was written next to it.
    auto untouched = [&] {
        QCOMPARE(countOrders(shop.cafeDb()), 2);
        QCOMPARE(bytesOf(shop.data + QStringLiteral("/hub.secret")), secret);
        QVERIFY(shop.preRestore().isEmpty());
        QVERIFY(QDir(shop.data)
                    .entryList({QStringLiteral(".restore-*")}, QDir::Dirs | QDir::Hidden)
                    .isEmpty());
        // Where the ids below would have put a cafe's file.
        for (const char *name : {"/x.db", "/cafes/a/b.db", "/../escaped.db"})
            QVERIFY2(!QFileInfo::exists(shop.data + QLatin1String(name)), name);
    };
    QString output;

    // A cafe id from the backup's registry that climbs out of cafes/ (and a file where it
    // points, so only the id check can stop it).
    for (const QString &id : {QStringLiteral("../../escaped"), QStringLiteral("../x"),
                              QStringLiteral("a/b"), QString(65, u'k')}) {
        const QString backup = freshBackup("evil-id");
        {
            SqliteConnection db;
            QString error;
            QVERIFY(db.open(backup + QStringLiteral("/hub.db"), &error));
            db.exec(QStringLiteral("INSERT INTO cafes(id, name, created_at) VALUES (?, 'E', 0)"),
                    {id});
        }
        QVERIFY(QDir().mkpath(backup + QStringLiteral("/cafes/a")));
        for (const char *where : {"/x.db", "/cafes/a/b.db"})
            QVERIFY(QFile::copy(shop.cafeDb(), backup + QLatin1String(where)));
        QCOMPARE(restore({QStringLiteral("--from"), backup, QStringLiteral("--data"), shop.data},
                         &output),
                 int(RestoreCommand::InvalidData));
        QVERIFY2(output.contains(QStringLiteral("not valid")), qPrintable(output));
        untouched();
        QDir(backup).removeRecursively();
    }

    // hub.secret, a cafe database, the cafes folder: symbolic links are refused, not followed.
    const QString elsewhere = shop.path("elsewhere");
    QVERIFY(QDir().mkpath(elsewhere));
    {
        QFile other(elsewhere + QStringLiteral("/secret"));
        QVERIFY(other.open(QIODevice::WriteOnly));
        other.write(QByteArray(64, 'a') + '\n');
    }
    QVERIFY(QFile::copy(shop.cafeDb(), elsewhere + QStringLiteral("/c1.db")));
    struct Case
    {
        const char *name;
        const char *inBackup;
        const char *target;
    };
    for (const Case &c :
         {Case{"secret", "/hub.secret", "/secret"}, Case{"database", "/cafes/c1.db", "/c1.db"},
          Case{"folder", "/cafes", ""}}) {
        const QString backup = freshBackup("linked");
        const QString inBackup = backup + QLatin1String(c.inBackup);
        QVERIFY(QFileInfo(inBackup).isDir() ? QDir(inBackup).removeRecursively()
                                            : QFile::remove(inBackup));
        QVERIFY(QFile::link(elsewhere + QLatin1String(c.target), inBackup));
        QCOMPARE(restore({QStringLiteral("--from"), backup, QStringLiteral("--data"), shop.data},
                         &output),
                 int(RestoreCommand::InvalidData));
        QVERIFY2(output.contains(QStringLiteral("symbolic link")), c.name);
        untouched();
        QDir(backup).removeRecursively();
    }

    // One cafe: the id is checked before anything else, a linked file is refused.
    const QString file = shop.path("one.db");
    QCOMPARE(admin({QStringLiteral("backup"), QStringLiteral("--data"), shop.data,
                    QStringLiteral("--cafe"), QStringLiteral("c1"), QStringLiteral("--out"), file}),
             0);
    QCOMPARE(restore({QStringLiteral("--from"), file, QStringLiteral("--data"), shop.data,
                      QStringLiteral("--cafe"), QStringLiteral("../c1")},
                     &output),
             int(RestoreCommand::UsageError));
    const QString link = shop.path("one-link.db");
    QVERIFY(QFile::link(file, link));
    QCOMPARE(restore({QStringLiteral("--from"), link, QStringLiteral("--data"), shop.data,
                      QStringLiteral("--cafe"), QStringLiteral("c1")},
                     &output),
             int(RestoreCommand::InvalidData));
    QVERIFY2(output.contains(QStringLiteral("symbolic link")), qPrintable(output));
    untouched();
}

void TestHubOperations::restoreOneCafe()
{
    Shop shop;
    shop.addOrders(4);
    const QString file = shop.path("c1.db");
    QCOMPARE(admin({QStringLiteral("backup"), QStringLiteral("--data"), shop.data,
                    QStringLiteral("--cafe"), QStringLiteral("c1"), QStringLiteral("--out"), file}),
             0);
    shop.addOrders(2);
    QCOMPARE(countOrders(shop.cafeDb()), 6);
    QString output;
    QCOMPARE(
        restore({QStringLiteral("--from"), file, QStringLiteral("--data"), shop.data}, &output),
        int(RestoreCommand::NotFound)); // a file without --cafe is not a hub backup
    QCOMPARE(restore({QStringLiteral("--from"), file, QStringLiteral("--data"), shop.data,
                      QStringLiteral("--cafe"), QStringLiteral("c9")},
                     &output),
             int(RestoreCommand::NotFound));
    QVERIFY(output.contains(QStringLiteral("no cafe c9")));
    QCOMPARE(restore({QStringLiteral("--from"), file, QStringLiteral("--data"), shop.data,
                      QStringLiteral("--cafe"), QStringLiteral("c1")},
                     &output),
             0);
    QVERIFY2(output.startsWith(QStringLiteral("restored cafe c1 from ")), qPrintable(output));
    QCOMPARE(countOrders(shop.cafeDb()), 4);
    const QStringList aside = shop.preRestore();
    QCOMPARE(aside.size(), 1);
    QCOMPARE(countOrders(shop.data + u'/' + aside.first() + QStringLiteral("/cafes/c1.db")), 6);

    QVERIFY(QFile::remove(file));
    QFile garbage(file);
    QVERIFY(garbage.open(QIODevice::WriteOnly));
    garbage.write(QByteArray(8192, 'x'));
    garbage.close();
    QCOMPARE(restore({QStringLiteral("--from"), file, QStringLiteral("--data"), shop.data,
                      QStringLiteral("--cafe"), QStringLiteral("c1")},
                     &output),
             int(RestoreCommand::InvalidData));
    QCOMPARE(countOrders(shop.cafeDb()), 4);
}

QTEST_GUILESS_MAIN(TestHubOperations)
#include "tst_huboperations.moc"
