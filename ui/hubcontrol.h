// What the console's hub panel needs from a hub running inside the console: start and stop it,
// the simulator switch, and its live figures. app/ implements it over core/hubserver; ui/ only sees
// this interface, so the views never link the hub.
#pragma once

#include <QList>
#include <QObject>
#include <QUrl>

#include <utility>

namespace TableTap {

struct HubRoom
{
    QString nsp;
    QString room;
    int members = 0;
};

struct HubStatus
{
    bool running = false;
    QUrl url;
    QString dataFolder;
    int clients = 0;
    double eventsInPerSecond = 0;
    double eventsOutPerSecond = 0;
    quint64 eventsOut = 0;
    QList<std::pair<QString, int>> socketsPerNamespace;
    QList<HubRoom> rooms;
    bool simulatorAvailable = false;
    bool simulatorRunning = false;
    QString error;
};

class HubControl : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    ~HubControl() override;

    virtual HubStatus status() const = 0;
    virtual void start() = 0;
    virtual void stop() = 0;
    virtual void setSimulatorRunning(bool running) = 0;

Q_SIGNALS:
    // Figures or state changed (implementations emit it at most about once a second).
    void statusChanged();
};

} // namespace TableTap
