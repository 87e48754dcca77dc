// The simulator beside a hub: `tabletap-hub serve --simulate`, the console's demo and its hub
// panel turn it on and off. Each start makes a new CafeSimulator (the hub's port may have
// changed since the last one, and its figures start again); the owner stops it when the hub is
// about to stop (HubServer::aboutToStop), before the hub answers its last commands, and reads
// isRunning() for the tabletap_simulator_running gauge (HubServer::setSimulatorProbe).
#pragma once

#include "cafesimulator.h"

#include <QObject>
#include <QUrl>

namespace TableTap {

class HubAdmin;

class SimulatorSwitch final : public QObject
{
    Q_OBJECT
public:
    // admin: the hub's admin API (not owned; outlives the switch or its simulator's runs).
    SimulatorSwitch(HubAdmin *admin, CafeSimulator::Options options, QObject *parent = nullptr);
    ~SimulatorSwitch() override;

    // Starts a new simulator on the hub at hubUrl; false with error set ("cannot start the
    // simulator: ...") when it cannot. Starting a running one does nothing.
    bool start(const QUrl &hubUrl, QString *error = nullptr);
    void stop();
    bool isRunning() const;
    // The simulator of the last start (null before the first); it stays after stop() for its
    // figures.
    CafeSimulator *simulator() const { return m_simulator; }
    const CafeSimulator::Options &options() const { return m_options; }

Q_SIGNALS:
    void runningChanged(bool running);

private:
    HubAdmin *m_admin;
    CafeSimulator::Options m_options;
    CafeSimulator *m_simulator = nullptr;
};

} // namespace TableTap
