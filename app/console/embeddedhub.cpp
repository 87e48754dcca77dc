// The embedded hub.
#include "embeddedhub.h"

#include "consolesession.h"
#include "contract.h"
#include "datafolderlock.h"
#include "hubadmin.h"
#include "hubserver.h"
#include "simulatedclock.h"
#include "simulatorswitch.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPointer>
#include <QTimerEvent>

namespace TableTap {

namespace {
// Nothing in it but what a lock left behind: a folder a demo may take.
bool isEmptyFolder(const QString &dataDir)
{
    const QStringList entries = QDir(dataDir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot
                                                        | QDir::Hidden | QDir::System);
    return entries.isEmpty() || entries == QStringList{QStringLiteral("hub.lock")};
}
} // namespace

EmbeddedHub::EmbeddedHub(Options options, QObject *parent)
    : HubControl(parent)
    , m_options(std::move(options))
    , m_simulate(m_options.simulate)
{
    if (m_options.simulate) {
        // The demo's day starts today at the start time on this machine's clock face (the demo
        // cafe takes this machine's time zone); it is held until the simulator lets it run.
        const QTime start
            = m_options.start.isValid() ? m_options.start : CafeSimulator::Options().startTime;
        m_clock = std::make_unique<SimulatedClock>(
            QDateTime(QDate::currentDate(), start).toMSecsSinceEpoch(), m_options.speed);
    }
    createServer();
    m_tick.start(1000, this);
}

EmbeddedHub::~EmbeddedHub()
{
    dropServer(); // the databases close before the lock goes
}

void EmbeddedHub::dropServer()
{
    if (!m_server)
        return;
    m_server->stop(); // the simulator stops first (aboutToStop)
    m_server->setSimulatorProbe({});
    m_simulator.reset(); // before the hub whose admin API it uses
    m_server.reset();
}

QString EmbeddedHub::demoMarkerName()
{
    return QStringLiteral("tabletap-demo");
}

bool EmbeddedHub::isDemoFolder(const QString &dataDir)
{
    return QFileInfo(QDir(dataDir).filePath(demoMarkerName())).isFile();
}

bool EmbeddedHub::markAsDemoFolder(const QString &dataDir, QString *error)
{
    if (isDemoFolder(dataDir))
        return true;
    if (!isEmptyFolder(dataDir)) {
        if (error)
            *error = tr("%1 holds data that is not a demo's; the console's own hub only runs in "
                        "an empty folder or in one an earlier demo made (with a file %2). A "
                        "cafe's real data is served by tabletap-hub serve.")
                         .arg(QDir::toNativeSeparators(dataDir), demoMarkerName());
        return false;
    }
    QFile marker(QDir(dataDir).filePath(demoMarkerName()));
    if (!marker.open(QIODevice::WriteOnly | QIODevice::NewOnly)
        || marker.write("This folder holds the demo cafe of the Table Tap console (tabletap "
                        "--demo).\nThe console's own hub only runs in empty folders and in "
                        "folders with this file.\n")
               < 0) {
        if (error)
            *error = tr("Cannot mark %1 as demo data: %2")
                         .arg(QDir::toNativeSeparators(dataDir), marker.errorString());
        return false;
    }
    return true;
}

bool EmbeddedHub::claimDataFolder()
{
    const QString dir = m_options.dataDir;
    if (!QDir().mkpath(dir)) {
        m_error = tr("Cannot create the data folder %1.").arg(QDir::toNativeSeparators(dir));
        return false;
    }
    // Refused before the lock file is made: a real cafe's folder is not touched at all.
    if (!isDemoFolder(dir) && !isEmptyFolder(dir))
        return markAsDemoFolder(dir, &m_error);
    auto lock = std::make_unique<DataFolderLock>(dir);
    if (!lock->tryLock()) {
        m_error = tr("The data folder is in use: %1.").arg(lock->errorString());
        return false;
    }
    // Under the lock nobody else fills the folder between the look and the mark.
    if (!markAsDemoFolder(dir, &m_error))
        return false;
    m_lock = std::move(lock);
    return true;
}

void EmbeddedHub::createServer()
{
    HubServer::Options o;
    o.bindAddress = QHostAddress::LocalHost; // a console's hub serves this machine only
    o.port = m_options.port;
    CafeSimulator::Options simulation;
    simulation.speed = m_options.speed;
    if (m_options.start.isValid())
        simulation.startTime = m_options.start;
    // On the demo's simulated clock the card provider's delay is simulated time already.
    if (m_simulate)
        o.hub = o.hub.forSimulation(m_clock ? 1.0 : simulation.speed, simulation.seed);
    o.clock = m_clock.get();
    if (m_clock) {
        // Tokens last what they say in real time, however fast the day runs.
        o.hub.accessTokenTtlSeconds
            = qint64(double(o.hub.accessTokenTtlSeconds) * m_clock->speed());
        o.hub.refreshTokenTtlSeconds
            = qint64(double(o.hub.refreshTokenTtlSeconds) * m_clock->speed());
    }
    m_server = std::make_unique<HubServer>(m_options.dataDir, o);
    m_simulator = std::make_unique<SimulatorSwitch>(&m_server->admin(), simulation);
    connect(m_server.get(), &HubServer::aboutToStop, m_simulator.get(), &SimulatorSwitch::stop);
    m_server->setSimulatorProbe([sim = m_simulator.get()] { return sim->isRunning(); });
    connect(m_server.get(), &HubServer::started, this, &HubControl::statusChanged);
    connect(m_server.get(), &HubServer::stopped, this, &HubControl::statusChanged);
    connect(m_simulator.get(), &SimulatorSwitch::runningChanged, this, &HubControl::statusChanged);
}

bool EmbeddedHub::startHub(QString *error)
{
    if (m_server->isRunning())
        return true;
    if (!m_lock && !claimDataFolder()) {
        if (error)
            *error = m_error;
        Q_EMIT statusChanged();
        return false;
    }
    if (m_server->options().port != m_options.port) {
        // The options are fixed per server object: a restart on the known port needs a new one.
        dropServer();
        createServer();
    }
    const quint16 port = m_server->start();
    if (!port) {
        m_error = m_server->errorString();
        if (error)
            *error = m_error;
        Q_EMIT statusChanged();
        return false;
    }
    if (QString why; m_simulate && !m_simulator->start(m_server->url(), &why)) {
        m_server->stop();
        m_error = why;
        if (error)
            *error = m_error;
        Q_EMIT statusChanged();
        return false;
    }
    m_error.clear();
    m_options.port = port;
    Q_EMIT statusChanged();
    return true;
}

QUrl EmbeddedHub::url() const
{
    return m_server->isRunning() ? m_server->url() : QUrl();
}

void EmbeddedHub::shareClockWith(ConsoleSession *session)
{
    const auto follow = [this, session] {
        const QUrl hub = session->hubUrl();
        const bool ours = m_clock && m_options.port != 0 && hub.port() == m_options.port
                          && QHostAddress(hub.host()).isLoopback();
        ConsoleClock *clock = session->clock();
        if (ours && !clock->isSimulated()) {
            clock->setSource(
                [hubClock = QPointer<SimulatedClock>(m_clock.get())] {
                    return hubClock ? hubClock->nowMs() : QDateTime::currentMSecsSinceEpoch();
                },
                m_clock->speed());
        } else if (!ours && clock->isSimulated()) {
            clock->setSource({});
        }
    };
    connect(session, &ConsoleSession::identityChanged, this, follow);
    follow();
}

void EmbeddedHub::whenReady(QObject *context, std::function<void()> fn)
{
    CafeSimulator *sim = m_simulator->simulator();
    if (!sim || !sim->isRunning() || sim->isReady()) {
        fn();
        return;
    }
    // Once: ready, or stopped before it got there (the console then finds the hub as it is).
    auto once = std::make_shared<std::function<void()>>(std::move(fn));
    const auto run = [once] {
        if (*once)
            std::exchange(*once, {})();
    };
    connect(sim, &CafeSimulator::ready, context, run, Qt::SingleShotConnection);
    connect(sim, &CafeSimulator::stopped, context, run, Qt::SingleShotConnection);
}

QString EmbeddedHub::managerToken(QString *error) const
{
    HubAdmin &admin = m_server->admin();
    QString cafeId;
    if (CafeSimulator *sim = m_simulator->simulator())
        cafeId = sim->cafeId();
    if (cafeId.isEmpty()) {
        QList<CafeInfo> cafes;
        if (const AdminResult r = admin.cafes(&cafes); !r.ok()) {
            if (error)
                *error = r.message;
            return {};
        }
        if (!cafes.isEmpty())
            cafeId = cafes.constFirst().id;
    }
    if (cafeId.isEmpty()) {
        if (error)
            *error = tr("The hub serves no cafe yet.");
        return {};
    }
    QList<StaffInfo> staff;
    if (const AdminResult r = admin.staff(cafeId, &staff); !r.ok()) {
        if (error)
            *error = r.message;
        return {};
    }
    for (const StaffInfo &s : std::as_const(staff)) {
        if (!s.active || s.role == Contract::Role::Employee)
            continue;
        QString token;
        if (const AdminResult r = admin.mintToken({cafeId, s.id, s.name, s.role, 0}, &token);
            !r.ok()) {
            if (error)
                *error = r.message;
            return {};
        }
        return token;
    }
    if (error)
        *error = tr("Cafe %1 has no manager to sign in as.").arg(cafeId);
    return {};
}

HubStatus EmbeddedHub::status() const
{
    HubStatus s;
    const HubServer::Stats st = m_server->stats();
    s.running = st.running;
    s.url = st.url;
    s.dataFolder = m_options.dataDir;
    s.clients = st.clients;
    s.eventsInPerSecond = st.eventsInPerSecond;
    s.eventsOutPerSecond = st.eventsOutPerSecond;
    s.eventsOut = st.eventsOut;
    for (const HubServer::NamespaceStats &n : st.namespaces) {
        s.socketsPerNamespace.append({n.name, n.sockets});
        QStringList rooms = n.rooms.keys();
        rooms.sort();
        for (const QString &room : std::as_const(rooms))
            s.rooms.append({n.name, room, n.rooms.value(room)});
    }
    s.simulatorAvailable = true;
    s.simulatorRunning = m_server->isSimulatorRunning();
    s.error = m_error;
    return s;
}

void EmbeddedHub::start()
{
    startHub(nullptr);
}

void EmbeddedHub::stop()
{
    m_server->stop();
}

void EmbeddedHub::setSimulatorRunning(bool running)
{
    m_simulate = running;
    m_error.clear();
    if (!running)
        m_simulator->stop();
    else if (!m_server->isRunning())
        m_error = QStringLiteral("the hub is not running");
    else if (QString why; !m_simulator->start(m_server->url(), &why))
        m_error = why;
    Q_EMIT statusChanged();
}

void EmbeddedHub::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_tick.timerId()) {
        HubControl::timerEvent(event);
        return;
    }
    Q_EMIT statusChanged();
}

} // namespace TableTap
