// The hub panel.
#include "hubpanel.h"

#include "hubcontrol.h"
#include "plaintext.h"
#include "plaintextdelegate.h"

#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QValueAxis>

namespace TableTap {

namespace {
constexpr int TrafficWindow = 120; // samples (about one a second)
} // namespace

HubPanel::HubPanel(HubControl *hub, QWidget *parent)
    : QWidget(parent)
    , m_hub(hub)
    , m_state(new QLabel(this))
    , m_figures(new QLabel(this))
    , m_startStop(new QPushButton(this))
    , m_simulator(new QCheckBox(tr("Run the si&mulator (customers, staff, stock)"), this))
    , m_rooms(new QTableWidget(this))
{
    setObjectName(QStringLiteral("hubPanel"));
    QFont bold = m_state->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.2);
    m_state->setFont(bold);
    m_state->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_state->setObjectName(QStringLiteral("hubState"));
    m_figures->setObjectName(QStringLiteral("hubFigures"));
    m_figures->setWordWrap(true);
    // Room names carry counter names; errors carry paths.
    PlainText::makePlain(m_state);
    PlainText::makePlain(m_figures);
    m_startStop->setObjectName(QStringLiteral("hubStartStop"));
    m_simulator->setObjectName(QStringLiteral("hubSimulator"));
    connect(m_startStop, &QPushButton::clicked, this, [this] {
        if (m_hub->status().running)
            m_hub->stop();
        else
            m_hub->start();
    });
    connect(m_simulator, &QCheckBox::toggled, this,
            [this](bool on) { m_hub->setSimulatorRunning(on); });

    m_rooms->setColumnCount(3);
    m_rooms->setHorizontalHeaderLabels({tr("Namespace"), tr("Room"), tr("Members")});
    m_rooms->verticalHeader()->hide();
    m_rooms->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_rooms->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_rooms->setObjectName(QStringLiteral("hubRooms"));
    m_rooms->setAccessibleName(tr("Rooms"));
    PlainTextDelegate::install(m_rooms);

    auto *chart = new QChart;
    chart->setTitle(tr("Events delivered per second"));
    chart->legend()->hide();
    chart->setAnimationOptions(QChart::NoAnimation);
    m_traffic = new QLineSeries(chart);
    chart->addSeries(m_traffic);
    m_trafficX = new QValueAxis(chart);
    m_trafficX->setRange(0, TrafficWindow);
    m_trafficX->setLabelsVisible(false);
    m_trafficY = new QValueAxis(chart);
    m_trafficY->setRange(0, 10);
    m_trafficY->setLabelFormat(QStringLiteral("%d"));
    chart->addAxis(m_trafficX, Qt::AlignBottom);
    chart->addAxis(m_trafficY, Qt::AlignLeft);
    m_traffic->attachAxis(m_trafficX);
    m_traffic->attachAxis(m_trafficY);
    auto *chartView = new QChartView(chart, this);
    chartView->setRenderHint(QPainter::Antialiasing);
    chartView->setMinimumHeight(180);

    auto *top = new QHBoxLayout;
    top->addWidget(m_state, 1);
    top->addWidget(m_simulator);
    top->addWidget(m_startStop);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_rooms);
    split->addWidget(chartView);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(m_figures);
    layout->addWidget(split, 1);

    connect(hub, &HubControl::statusChanged, this, &HubPanel::refresh);
    refresh();
}

QString HubPanel::summaryText() const
{
    return m_state->text() + QLatin1Char('\n') + m_figures->text();
}

void HubPanel::refresh()
{
    const HubStatus s = m_hub->status();
    if (s.running)
        PlainText::setText(m_state, tr("Hub running at %1").arg(s.url.toDisplayString()));
    else if (!s.error.isEmpty())
        PlainText::setText(m_state, tr("Hub stopped: %1").arg(PlainText::display(s.error)));
    else
        PlainText::setText(m_state, tr("Hub stopped"));
    m_startStop->setText(s.running ? tr("Stop hu&b") : tr("Start hu&b"));
    m_simulator->setVisible(s.simulatorAvailable);
    m_simulator->setEnabled(s.running);
    {
        const QSignalBlocker block(m_simulator);
        m_simulator->setChecked(s.simulatorRunning);
    }
    QStringList perNamespace;
    for (const auto &[nsp, count] : s.socketsPerNamespace)
        perNamespace << QStringLiteral("%1 %2").arg(nsp).arg(count);
    PlainText::setText(
        m_figures,
        tr("Clients: %1 · events/s in %2, out %3 · delivered %4 · sockets: %5 · data: %6")
            .arg(s.clients)
            .arg(s.eventsInPerSecond, 0, 'f', 1)
            .arg(s.eventsOutPerSecond, 0, 'f', 1)
            .arg(s.eventsOut)
            .arg(perNamespace.isEmpty() ? tr("none") : perNamespace.join(QStringLiteral(", ")),
                 s.dataFolder.isEmpty() ? tr("in memory") : PlainText::display(s.dataFolder)));

    m_rooms->setRowCount(int(s.rooms.size()));
    for (int r = 0; r < s.rooms.size(); ++r) {
        const HubRoom &room = s.rooms.at(r);
        const QStringList cells{room.nsp, room.room, QString::number(room.members)};
        for (int c = 0; c < 3; ++c) {
            QTableWidgetItem *item = m_rooms->item(r, c);
            if (!item) {
                item = new QTableWidgetItem;
                m_rooms->setItem(r, c, item);
            }
            if (item->text() != cells.at(c))
                item->setText(cells.at(c));
        }
    }

    m_traffic->append(m_tick++, s.eventsOutPerSecond);
    if (m_traffic->count() > TrafficWindow)
        m_traffic->removePoints(0, m_traffic->count() - TrafficWindow);
    double peak = 10;
    const auto points = m_traffic->points();
    for (const QPointF &p : points)
        peak = qMax(peak, p.y());
    m_trafficY->setRange(0, peak * 1.2);
    const int first = int(points.first().x());
    m_trafficX->setRange(first, first + TrafficWindow);
}

} // namespace TableTap
