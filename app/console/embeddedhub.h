// The hub inside the console (--demo, "start a hub on this computer"): HubServer from
// core/hubserver on 127.0.0.1, optionally with the simulator, exposed to the hub panel through
// HubControl.
// A restart keeps the port, so the console's session finds the hub again by itself. It holds the
// data folder's lock (DataFolderLock, as `tabletap-hub serve` does) from its first start until it
// goes, and only serves demo data: an empty folder (then marked as a demo's) or one an earlier
// demo marked, never a folder with a real cafe's data.
// Started with the simulator, the hub runs on a SimulatedClock from the demo's start time: the
// console shows that clock too (one clock), and the day keeps going across restarts.
#pragma once

#include "hubcontrol.h"

#include <QBasicTimer>
#include <QTime>
#include <QUrl>

#include <functional>

#include <memory>

namespace TableTap {

class ConsoleSession;
class DataFolderLock;
class HubServer;
class SimulatedClock;
class SimulatorSwitch;

class EmbeddedHub final : public HubControl
{
    Q_OBJECT
public:
    struct Options
    {
        QString dataDir;
        bool simulate = true;
        double speed = 1.0; // simulated seconds per real second
        QTime start;        // simulated time of day at start (invalid: the simulator's default)
        quint16 port = 0;   // 0: a free port the first time
    };

    explicit EmbeddedHub(Options options, QObject *parent = nullptr);
    ~EmbeddedHub() override;

    // Starts the hub; false with error set when it cannot (data folder not a demo's or in use,
    // port).
    bool startHub(QString *error);
    QUrl url() const;
    QString errorString() const { return m_error; }
    HubServer *server() const { return m_server.get(); }
    SimulatorSwitch *simulator() const { return m_simulator.get(); }
    // The simulated time the hub runs on; null when it runs on the system clock.
    SimulatedClock *clock() const { return m_clock.get(); }
    // While session is signed in to this hub, its clock shows the hub's simulated time (one
    // clock for every view); signed in anywhere else, the system clock.
    void shareClockWith(ConsoleSession *session);
    // Runs fn (with context alive) once the simulator's day is ready, the morning so far
    // written, so a console signing in then loads it whole; at once without a simulator.
    void whenReady(QObject *context, std::function<void()> fn);
    // A manager's access token for the cafe the hub serves (the simulator's when it runs): the
    // console signs in with it. Empty when the cafe has no manager.
    QString managerToken(QString *error = nullptr) const;

    // The file that marks a folder as demo data (in the folder itself).
    static QString demoMarkerName();
    static bool isDemoFolder(const QString &dataDir);
    // Marks an empty folder (or one already marked) as demo data; false with error otherwise.
    static bool markAsDemoFolder(const QString &dataDir, QString *error);

    HubStatus status() const override;
    void start() override;
    void stop() override;
    void setSimulatorRunning(bool running) override;

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    void createServer();
    // Stops and drops the server and its simulator switch.
    void dropServer();
    // Takes the data folder for this hub: a demo's, and locked.
    bool claimDataFolder();

    Options m_options;
    std::unique_ptr<DataFolderLock> m_lock;  // before the server: released after it is gone
    std::unique_ptr<SimulatedClock> m_clock; // before the server, which uses it
    std::unique_ptr<HubServer> m_server;
    std::unique_ptr<SimulatorSwitch> m_simulator; // after the server: goes first
    QString m_error;
    QBasicTimer m_tick;
    bool m_simulate = true;
};

} // namespace TableTap
