// The hub inside the console (--demo, "start a hub on this computer"): HubServer from core/hub
// on 127.0.0.1, optionally with the simulator, exposed to the hub panel through HubControl.
// A restart keeps the port, so the console's session finds the hub again by itself.
#pragma once

#include "hubcontrol.h"

#include <QBasicTimer>
#include <QTime>
#include <QUrl>

#include <memory>

namespace TableTap {

class HubServer;

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

    // Starts the hub; false with error set when it cannot (data folder, port).
    bool startHub(QString *error);
    QUrl url() const;
    QString errorString() const { return m_error; }
    HubServer *server() const { return m_server.get(); }
    // A manager's access token for the cafe the hub serves (the simulator's when it runs): the
    // console signs in with it. Empty when the cafe has no manager.
    QString managerToken(QString *error = nullptr) const;

    HubStatus status() const override;
    void start() override;
    void stop() override;
    void setSimulatorRunning(bool running) override;

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    void createServer();

    Options m_options;
    std::unique_ptr<HubServer> m_server;
    QString m_error;
    QBasicTimer m_tick;
    bool m_simulate = true;
};

} // namespace TableTap
