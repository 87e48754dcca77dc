// HubOperations: access control, the health check and the metrics text.
#include "huboperations.h"

#include "cafedomain.h"
#include "contract.h"
#include "httpexchange.h"
#include "hubdomain.h"
#include "hubserver.h"
#include "hubserverlogging.h"
#include "processstats.h"
#include "prometheustext.h"
#include "storageerror.h"
#include "throttledlog.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>

namespace TableTap {

namespace {

bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return diff == 0;
}

HttpResponse textResponse(int status, const QByteArray &body, const QByteArray &type)
{
    HttpResponse r = HttpResponse::make(status, body, type);
    r.setHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
    return r;
}

} // namespace

QList<HubOperations::Subnet> HubOperations::loopback()
{
    return {QHostAddress::parseSubnet(QStringLiteral("127.0.0.0/8")),
            QHostAddress::parseSubnet(QStringLiteral("::1/128"))};
}

bool HubOperations::parseSubnet(const QString &text, Subnet *out)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return false;
    Subnet s;
    if (t.contains(u'/')) {
        s = QHostAddress::parseSubnet(t);
        if (s.first.isNull())
            return false;
    } else {
        QHostAddress a;
        if (!a.setAddress(t))
            return false;
        s = {a, a.protocol() == QAbstractSocket::IPv6Protocol ? 128 : 32};
    }
    if (out)
        *out = s;
    return true;
}

bool HubOperations::allows(const Options &options, const QHostAddress &peer,
                           const QByteArray &authorization)
{
    QHostAddress address = peer;
    bool isV4 = false;
    const quint32 v4 = peer.toIPv4Address(&isV4);
    if (isV4)
        address = QHostAddress(v4); // ::ffff:127.0.0.1 on a dual-stack socket
    for (const Subnet &s : options.allowed) {
        if (address.isInSubnet(s))
            return true;
    }
    if (options.token.isEmpty())
        return false;
    const QByteArray prefix = QByteArrayLiteral("Bearer ");
    return authorization.startsWith(prefix)
           && constantTimeEquals(authorization.mid(prefix.size()).trimmed(), options.token);
}

void HubOperations::handle(HubServer *hub, HttpExchange *exchange)
{
    const HttpRequest &request = exchange->request();
    const QLatin1String path(request.path.constData(), request.path.size());
    const bool isHealth = path == Contract::Http::Healthz;
    const bool isMetrics = path == Contract::Http::Metrics;
    if (!isHealth && !isMetrics) {
        exchange->respond(textResponse(404, QByteArrayLiteral("not found\n"),
                                       QByteArrayLiteral("text/plain; charset=utf-8")));
        return;
    }
    if (request.method != "GET" && request.method != "HEAD") {
        HttpResponse r = textResponse(405, QByteArrayLiteral("use GET\n"),
                                      QByteArrayLiteral("text/plain; charset=utf-8"));
        r.setHeader(QByteArrayLiteral("Allow"), QByteArrayLiteral("GET, HEAD"));
        exchange->respond(std::move(r));
        return;
    }
    if (!allows(hub->options().operations, exchange->peerAddress(),
                request.header("authorization"))) {
        hub->operationsRefusalLog()->info(
            QStringLiteral("refused %1 to %2")
                .arg(QString::fromLatin1(request.path), exchange->peerAddress().toString()));
        exchange->respond(textResponse(403, QByteArrayLiteral("forbidden\n"),
                                       QByteArrayLiteral("text/plain; charset=utf-8")));
        return;
    }
    if (isHealth) {
        const Health h = health(hub);
        exchange->respond(textResponse(h.ok ? 200 : 503,
                                       QJsonDocument(h.body).toJson(QJsonDocument::Compact),
                                       QByteArrayLiteral("application/json")));
        return;
    }
    exchange->respond(textResponse(200, metrics(hub), PrometheusText::kContentType));
}

HubOperations::Health HubOperations::health(HubServer *hub)
{
    QElapsedTimer timer;
    timer.start();
    QJsonArray problems;
    HubDomain *service = hub->service();
    const QString dataDir = hub->dataDir();
    const HubOperations::Options &options = hub->options().operations;

    const HubDomain::StorageCheck check = service->checkStorage(options.minFreeBytes);
    for (const QString &problem : check.store.problems)
        problems.append(problem);
    const qint64 freeBytes = check.store.freeBytes;
    const int databases = check.databases;
    const int cafes = check.cafes;
    const HubDomain::StorageStats storage = service->storageStats();
    if (storage.lastFailureMs > storage.lastSuccessMs)
        problems.append(QStringLiteral("the latest command batch could not be stored (%1)")
                            .arg(QDateTime::fromMSecsSinceEpoch(storage.lastFailureMs, Qt::UTC)
                                     .toString(Qt::ISODate)));
    if (!hub->isRunning())
        problems.append(QStringLiteral("the hub is not listening"));

    // A node that lost Redis still serves its own clients (what they do is stored, their events
    // reach them): degraded, not failing, so the load balancer keeps it. Taking every node out
    // when Redis goes would stop the whole shop instead of its cross-node events.
    const HubServer::ClusterState cluster = hub->clusterState();
    QJsonArray warnings;
    if (cluster.enabled && !cluster.connected)
        warnings.append(QStringLiteral("Redis at %1 is not reachable: this node serves its own "
                                       "clients only; events from other nodes do not reach them")
                            .arg(cluster.url));

    const bool ok = problems.isEmpty();
    QJsonObject storageBody{{QStringLiteral("data_dir"), dataDir},
                            {QStringLiteral("databases"), databases},
                            {QStringLiteral("free_bytes"), double(freeBytes)},
                            {QStringLiteral("failures"), double(storage.failures)},
                            {QStringLiteral("check_ms"), double(timer.nsecsElapsed()) / 1e6}};
    const QString status = !ok                   ? QStringLiteral("error")
                           : !warnings.isEmpty() ? QStringLiteral("degraded")
                                                 : QStringLiteral("ok");
    QJsonObject body{{QStringLiteral("status"), status},
                     {QStringLiteral("version"), QCoreApplication::applicationVersion()},
                     {QStringLiteral("node"), hub->nodeName()},
                     {QStringLiteral("cafes"), cafes},
                     {QStringLiteral("clients"), hub->stats().clients},
                     {QStringLiteral("storage"), storageBody}};
    if (cluster.enabled) {
        body.insert(QStringLiteral("cluster"),
                    QJsonObject{{QStringLiteral("url"), cluster.url},
                                {QStringLiteral("redis_connected"), cluster.connected},
                                {QStringLiteral("servers"), cluster.servers},
                                {QStringLiteral("published"), double(cluster.published)},
                                {QStringLiteral("undelivered"), double(cluster.undelivered)},
                                {QStringLiteral("received"), double(cluster.received)},
                                {QStringLiteral("malformed"), double(cluster.malformed)},
                                {QStringLiteral("reconnects"), cluster.reconnects},
                                {QStringLiteral("resyncs"), double(cluster.resyncs)}});
    }
    if (!warnings.isEmpty())
        body.insert(QStringLiteral("warnings"), warnings);
    if (!ok) {
        body.insert(QStringLiteral("problems"), problems);
        qCWarning(lcHubWiring).noquote()
            << "health check failed:" << problems.toVariantList().value(0).toString();
    }
    return Health{ok, body};
}

QByteArray HubOperations::metrics(HubServer *hub)
{
    const HubServer::Stats s = hub->stats();
    const HubMetrics &m = hub->metrics();
    const HubDomain::StorageStats storage = hub->service()->storageStats();
    const ProcessStats process = ProcessStats::read();
    PrometheusText out;
    using Labels = PrometheusText::Labels;

    out.family("tabletap_build_info", "gauge", QStringLiteral("Version of the running hub."));
    out.sample("tabletap_build_info", 1,
               Labels{{"version", QCoreApplication::applicationVersion()}});
    int cafes = 0;
    try {
        cafes = int(hub->service()->cafeIds().size());
    } catch (const StorageError &) {
        cafes = -1;
    }
    out.family("tabletap_cafes", "gauge", QStringLiteral("Cafes this hub serves."));
    out.sample("tabletap_cafes", cafes);
    out.family("tabletap_simulator_running", "gauge",
               QStringLiteral("1 while the simulator drives a cafe day."));
    out.sample("tabletap_simulator_running", hub->isSimulatorRunning() ? 1 : 0);

    const QString node = hub->nodeName();
    out.family("tabletap_node_info", "gauge",
               QStringLiteral("This hub's node name (--node), 1; the cluster's series carry it "
                              "too."));
    out.sample("tabletap_node_info", 1, Labels{{"node", node}});
    const HubServer::ClusterState cluster = hub->clusterState();
    if (cluster.enabled) {
        const Labels byNode{{"node", node}};
        out.family("tabletap_cluster_redis_connected", "gauge",
                   QStringLiteral("1 while both connections to the cluster's Redis are up."));
        out.sample("tabletap_cluster_redis_connected", cluster.connected ? 1 : 0, byNode);
        out.family("tabletap_cluster_servers", "gauge",
                   QStringLiteral("Nodes on the cluster, this one included (1 while Redis is "
                                  "away)."));
        out.sample("tabletap_cluster_servers", cluster.servers, byNode);
        out.family("tabletap_cluster_messages_published_total", "counter",
                   QStringLiteral("Messages this node handed to Redis for the other nodes."));
        out.sample("tabletap_cluster_messages_published_total", double(cluster.published), byNode);
        out.family("tabletap_cluster_messages_undelivered_total", "counter",
                   QStringLiteral("Messages for other nodes lost: Redis away, or no reply."));
        out.sample("tabletap_cluster_messages_undelivered_total", double(cluster.undelivered),
                   byNode);
        out.family("tabletap_cluster_messages_received_total", "counter",
                   QStringLiteral("Messages from other nodes acted on."));
        out.sample("tabletap_cluster_messages_received_total", double(cluster.received), byNode);
        out.family("tabletap_cluster_messages_malformed_total", "counter",
                   QStringLiteral("Messages from Redis that did not decode (dropped)."));
        out.sample("tabletap_cluster_messages_malformed_total", double(cluster.malformed), byNode);
        out.family("tabletap_cluster_reconnects_total", "counter",
                   QStringLiteral("Times this node came back to Redis after losing it."));
        out.sample("tabletap_cluster_reconnects_total", double(cluster.reconnects), byNode);
        out.family("tabletap_cluster_resyncs_total", "counter",
                   QStringLiteral("Clients whose connection this node closed so they reload their "
                                  "snapshots (events from other nodes may have been lost)."));
        out.sample("tabletap_cluster_resyncs_total", double(cluster.resyncs), byNode);
    }

    out.family("tabletap_clients", "gauge",
               QStringLiteral("Engine.IO connections (one per device, whatever its namespaces)."));
    out.sample("tabletap_clients", s.clients);
    out.family("tabletap_connections", "gauge", QStringLiteral("Socket.IO sockets per namespace."));
    for (const QString &nsp : HubDomain::namespaces()) {
        int sockets = 0;
        for (const HubServer::NamespaceStats &n : s.namespaces) {
            if (n.name == nsp)
                sockets = n.sockets;
        }
        out.sample("tabletap_connections", sockets, Labels{{"namespace", nsp}});
    }

    out.family("tabletap_socketio_events_received_total", "counter",
               QStringLiteral("Socket.IO events received from clients, commands included."));
    out.sample("tabletap_socketio_events_received_total", double(s.eventsIn));
    out.family("tabletap_socketio_events_sent_total", "counter",
               QStringLiteral("Socket.IO events delivered, counted per recipient."));
    out.sample("tabletap_socketio_events_sent_total", double(s.eventsOut));
    out.family("tabletap_socketio_events_received_per_second", "gauge",
               QStringLiteral("Socket.IO events received over the last second."));
    out.sample("tabletap_socketio_events_received_per_second", s.eventsInPerSecond);
    out.family("tabletap_socketio_events_sent_per_second", "gauge",
               QStringLiteral("Socket.IO events delivered over the last second."));
    out.sample("tabletap_socketio_events_sent_per_second", s.eventsOutPerSecond);
    out.family("tabletap_events_total", "counter",
               QStringLiteral("Domain events broadcast (order:created, ...), each counted once."));
    out.sample("tabletap_events_total", double(s.hubEvents));
    out.family("tabletap_events_per_second", "gauge",
               QStringLiteral("Domain events broadcast over the last second."));
    out.sample("tabletap_events_per_second", s.hubEventsPerSecond);

    out.family("tabletap_commands_total", "counter",
               QStringLiteral("Commands answered, by command and result (ok or the error type)."));
    for (const HubMetrics::CommandCount &c : m.commands())
        out.sample("tabletap_commands_total", double(c.count),
                   Labels{{"command", c.command}, {"result", c.result}});
    out.family("tabletap_commands_per_second", "gauge",
               QStringLiteral("Commands answered over the last second."));
    out.sample("tabletap_commands_per_second", s.commandsPerSecond);
    out.family("tabletap_command_errors_total", "counter",
               QStringLiteral("Commands refused, by error type."));
    const QHash<QString, quint64> errors = m.errorsByType();
    for (const QString &type : HubMetrics::errorTypes())
        out.sample("tabletap_command_errors_total", double(errors.value(type)),
                   Labels{{"type", type}});

    out.family("tabletap_sign_ins_total", "counter",
               QStringLiteral("Staff sign-ins and token refreshes over HTTP, by result."));
    out.sample("tabletap_sign_ins_total", double(s.signIns),
               Labels{{"result", QStringLiteral("ok")}});
    out.sample("tabletap_sign_ins_total", double(s.signInFailures),
               Labels{{"result", QStringLiteral("failed")}});
    out.sample("tabletap_sign_ins_total", double(s.signInsShed),
               Labels{{"result", QStringLiteral("shed")}});
    out.family("tabletap_sign_in_checks_in_flight", "gauge",
               QStringLiteral("PIN checks waiting for or running on the sign-in threads."));
    out.sample("tabletap_sign_in_checks_in_flight", double(s.signInChecksInFlight));
    out.family("tabletap_refused_handshakes_total", "counter",
               QStringLiteral("Socket.IO namespace connections refused (bad or foreign tokens)."));
    out.sample("tabletap_refused_handshakes_total", double(s.refusedHandshakes));
    out.family("tabletap_dropped_slow_clients_total", "counter",
               QStringLiteral("Clients disconnected because they did not read their events."));
    out.sample("tabletap_dropped_slow_clients_total", double(s.droppedSlowClients));

    out.family("tabletap_storage_batch_seconds", "histogram",
               QStringLiteral("Time to run and commit one batch of commands (one transaction "
                              "and fsync per cafe); acks wait for it."));
    out.histogram("tabletap_storage_batch_seconds", storage.batchSeconds.upperBounds(),
                  storage.batchSeconds.cumulativeCounts(), storage.batchSeconds.count(),
                  storage.batchSeconds.sum());
    out.family("tabletap_storage_failures_total", "counter",
               QStringLiteral("Batches and timer work rolled back because storage failed."));
    out.sample("tabletap_storage_failures_total", double(storage.failures));

    out.family("process_resident_memory_bytes", "gauge",
               QStringLiteral("Resident memory size in bytes."));
    out.sample("process_resident_memory_bytes", double(process.residentBytes));
    out.family("process_virtual_memory_bytes", "gauge",
               QStringLiteral("Virtual memory size in bytes."));
    out.sample("process_virtual_memory_bytes", double(process.virtualBytes));
    out.family("process_open_fds", "gauge", QStringLiteral("Open file descriptors."));
    out.sample("process_open_fds", process.openFds);
    out.family("process_max_fds", "gauge", QStringLiteral("Limit on open file descriptors."));
    out.sample("process_max_fds", double(process.maxFds));
    out.family("process_cpu_seconds_total", "counter",
               QStringLiteral("User and system CPU time in seconds."));
    out.sample("process_cpu_seconds_total", process.cpuSeconds);
    out.family("process_start_time_seconds", "gauge",
               QStringLiteral("Start time of the process since the Unix epoch in seconds."));
    out.sample("process_start_time_seconds", process.startTimeSeconds);
    return out.text();
}

} // namespace TableTap
