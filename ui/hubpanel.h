// The hub panel, shown when the hub runs inside the console: start / stop, the simulator,
// the address other devices connect to, clients, sockets per namespace, rooms, and traffic
// (events per second, the last two minutes as a chart).
#pragma once

#include <QWidget>

class QLabel;
class QLineSeries;
class QPushButton;
class QCheckBox;
class QTableWidget;
class QValueAxis;

namespace TableTap {

class HubControl;

class HubPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit HubPanel(HubControl *hub, QWidget *parent = nullptr);
    QString summaryText() const;
    QTableWidget *roomsTable() const { return m_rooms; }
    QPushButton *startStopButton() const { return m_startStop; }

private:
    void refresh();

    HubControl *m_hub;
    QLabel *m_state;
    QLabel *m_figures;
    QPushButton *m_startStop;
    QCheckBox *m_simulator;
    QTableWidget *m_rooms;
    QLineSeries *m_traffic;
    QValueAxis *m_trafficX;
    QValueAxis *m_trafficY;
    int m_tick = 0;
};

} // namespace TableTap
