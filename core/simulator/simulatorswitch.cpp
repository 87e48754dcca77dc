// The simulator's on/off switch.
#include "simulatorswitch.h"

namespace TableTap {

SimulatorSwitch::SimulatorSwitch(HubAdmin *admin, CafeSimulator::Options options, QObject *parent)
    : QObject(parent)
    , m_admin(admin)
    , m_options(std::move(options))
{}

SimulatorSwitch::~SimulatorSwitch()
{
    // Its devices close while the hub (and its admin API) is still there.
    delete m_simulator;
}

bool SimulatorSwitch::start(const QUrl &hubUrl, QString *error)
{
    if (isRunning())
        return true;
    // A new one each time: the port may have changed since the last run.
    delete m_simulator;
    m_simulator = new CafeSimulator(m_admin, hubUrl, m_options, this);
    // Stopped by itself (it could not go on): the switch says so too.
    connect(m_simulator, &CafeSimulator::stopped, this, [this] { Q_EMIT runningChanged(false); });
    QString why;
    if (!m_simulator->start(&why)) {
        if (error)
            *error = QStringLiteral("cannot start the simulator: %1").arg(why);
        return false;
    }
    Q_EMIT runningChanged(true);
    return true;
}

void SimulatorSwitch::stop()
{
    if (isRunning())
        m_simulator->stop(); // emits stopped(), so runningChanged(false)
}

bool SimulatorSwitch::isRunning() const
{
    return m_simulator && m_simulator->isRunning();
}

} // namespace TableTap
