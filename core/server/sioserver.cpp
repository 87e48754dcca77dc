// SioServer: namespaces, client bookkeeping and operator counters.
#include "sioserver.h"

#include "engineserver.h"
#include "enginesession.h"
#include "sioconnection.h"
#include "sionamespace.h"
#include "siorecoverylog.h"
#include "sioserversocket.h"

#include <QPointer>
#include <QRandomGenerator>
#include <QTimer>
#include <QTimerEvent>

namespace TableTap {

namespace {
constexpr int rateIntervalMs = 1000;
}

SioServer::SioServer(EngineServer *engine, QObject *parent)
    : SioServer(engine, Options{}, parent)
{}

SioServer::SioServer(EngineServer *engine, Options options, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_options(options)
{
    of(QStringLiteral("/"));
    connect(engine, &EngineServer::connection, this, &SioServer::onConnection);
    m_rateClock.start();
    m_rateTimer.start(rateIntervalMs, Qt::CoarseTimer, this);
}

SioServer::~SioServer()
{
    // The connections are children and die after this body: they must not reach back.
    for (SioConnection *c : std::as_const(m_clients)) {
        c->disconnect(this);
        c->m_serverGone = true;
    }
}

SioNamespace *SioServer::of(const QString &name)
{
    QString key = name.startsWith(QLatin1Char('/')) ? name : QLatin1Char('/') + name;
    if (SioNamespace *nsp = m_namespaces.value(key))
        return nsp;
    auto *nsp = new SioNamespace(this, key);
    m_namespaces.insert(key, nsp);
    return nsp;
}

void SioServer::onConnection(EngineSession *session, const PeerRequest &peer)
{
    // The connection takes itself out of m_clients when it goes (~SioConnection): no signal
    // connection per client for that.
    auto *client = new SioConnection(this, session, peer);
    m_clients.insert(client);
}

void SioServer::forgetClient(SioConnection *client)
{
    m_clients.remove(client);
    m_closing.remove(client);
}

void SioServer::close()
{
    const auto clients = m_clients;
    for (SioConnection *c : clients)
        c->close(QStringLiteral("server shutting down"));
}

SioServer::Stats SioServer::stats() const
{
    Stats s;
    s.clients = clientCount();
    for (SioNamespace *nsp : m_namespaces) {
        NamespaceStats n;
        n.name = nsp->name();
        n.sockets = nsp->socketCount();
        n.rooms = nsp->roomSizes();
        s.namespaces.append(n);
    }
    std::sort(s.namespaces.begin(), s.namespaces.end(),
              [](const NamespaceStats &a, const NamespaceStats &b) { return a.name < b.name; });
    s.counters = m_counters;
    s.eventsInPerSecond = m_eventsInPerSecond;
    s.eventsOutPerSecond = m_eventsOutPerSecond;
    return s;
}

int SioServer::closeClientsSpread(const QString &reason, int spreadMs,
                                  const std::function<void()> &closed)
{
    int scheduled = 0;
    const auto clients = m_clients;
    for (SioConnection *c : clients) {
        if (m_closing.contains(c) || c->isClosed())
            continue; // already to be closed: once is enough
        m_closing.insert(c);
        ++scheduled;
        const int delay = spreadMs > 0 ? int(QRandomGenerator::global()->bounded(spreadMs + 1)) : 0;
        QTimer::singleShot(delay, c, [this, client = QPointer<SioConnection>(c), reason, closed] {
            if (!client || client->isClosed())
                return;
            m_closing.remove(client.data());
            client->close(reason);
            if (closed)
                closed();
        });
    }
    return scheduled;
}

void SioServer::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_rateTimer.timerId()) {
        QObject::timerEvent(event);
        return;
    }
    const double seconds = std::max<qint64>(1, m_rateClock.restart()) / 1000.0;
    m_eventsInPerSecond = double(m_counters.eventsIn - m_lastEventsIn) / seconds;
    m_eventsOutPerSecond = double(m_counters.eventsOut - m_lastEventsOut) / seconds;
    m_lastEventsIn = m_counters.eventsIn;
    m_lastEventsOut = m_counters.eventsOut;
    const auto clients = m_clients;
    for (SioConnection *c : clients)
        c->checkOutputBound();
    // Expire recovery state about once a minute, like socket.io's adapter.
    if (m_options.connectionStateRecovery && ++m_rateTicks % 60 == 0) {
        const qint64 now = SioRecoveryLog::clockMs();
        for (SioNamespace *nsp : std::as_const(m_namespaces)) {
            if (nsp->m_recovery)
                nsp->m_recovery->prune(now);
        }
    }
}

} // namespace TableTap
