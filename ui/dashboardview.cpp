// The dashboard.
#include "dashboardview.h"

#include "businessday.h"
#include "snapshotnotice.h"

#include "chartdataproxy.h"
#include "consolesession.h"
#include "plaintext.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QDateTimeAxis>
#include <QGridLayout>
#include <QHorizontalStackedBarSeries>
#include <QJsonArray>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QTimerEvent>
#include <QVBarModelMapper>
#include <QVBoxLayout>
#include <QVXYModelMapper>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace TableTap {

namespace {
QChartView *makeView(QChart *chart, QWidget *parent)
{
    chart->setAnimationOptions(QChart::NoAnimation); // live data: animations lag behind it
    chart->legend()->setVisible(false);
    chart->setMargins(QMargins(4, 4, 4, 4));
    auto *view = new QChartView(chart, parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(160);
    return view;
}

double niceMax(double v)
{
    if (v <= 0)
        return 1;
    const double magnitude = std::pow(10.0, std::floor(std::log10(v)));
    for (double step : {1.0, 2.0, 2.5, 5.0, 10.0})
        if (v <= step * magnitude)
            return step * magnitude;
    return 10 * magnitude;
}

// One figure of a report: the first row's (or the total's) cell of the first of these columns
// the section has; null when the section or the columns are not there.
QJsonValue reportFigure(const QJsonObject &report, const QString &sectionId,
                        const QStringList &keys, bool total = false)
{
    for (const QJsonValue &s : report.value(QLatin1String("sections")).toArray()) {
        const QJsonObject section = s.toObject();
        if (section.value(QLatin1String("id")).toString() != sectionId)
            continue;
        const QJsonArray columns = section.value(QLatin1String("columns")).toArray();
        const QJsonArray row = total
                                   ? section.value(QLatin1String("total")).toArray()
                                   : section.value(QLatin1String("rows")).toArray().at(0).toArray();
        for (const QString &key : keys)
            for (int c = 0; c < columns.size(); ++c)
                if (columns.at(c).toObject().value(QLatin1String("key")).toString() == key)
                    return row.at(c);
    }
    return QJsonValue::Null;
}

// The bar charts' time axis: bar i stands at i, labels mark where buckets start.
QCategoryAxis *timeAxis(QChart *chart)
{
    auto *axis = new QCategoryAxis(chart);
    axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    axis->setStartValue(-0.5);
    return axis;
}

// A dynamic-tick axis lays out its ticks as soon as the range or the interval changes: a wider
// range applied before its coarser interval (or a finer interval before its narrower range)
// builds hundreds of tick labels for a moment, a UI stall of tens of milliseconds.
void setDynamicTicks(QValueAxis *axis, double top, double interval)
{
    if (axis->max() == top && axis->tickInterval() == interval)
        return;
    if (interval >= axis->tickInterval()) {
        axis->setTickInterval(interval);
        axis->setRange(0, top);
    } else {
        axis->setRange(0, top);
        axis->setTickInterval(interval);
    }
}
} // namespace

DashboardView::DashboardView(ConsoleSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_series(new ChartDataProxy(this))
    , m_stockData(new ChartDataProxy(this))
{
    setObjectName(QStringLiteral("dashboardView"));
    DashboardModel *dash = session->dashboard();
    m_series->setSourceModel(dash);
    for (int c = 0; c < DashboardModel::ColumnCount; ++c)
        m_series->setColumnRole(c, DashboardModel::ValueRole);
    // A bucket's point sits in its middle: 07:00–07:15 at 07:07:30, off the axis at 07:00.
    m_series->setColumnFunction(DashboardModel::StartColumn, [dash](const QModelIndex &row) {
        return row.data(DashboardModel::BucketStartRole).toDouble()
               + dash->bucketMinutes() * 30000.0;
    });
    m_stockData->setSourceModel(session->inventory());
    m_stockData->setColumnRole(InventoryModel::StockColumn, InventoryModel::StockRole);
    m_stockData->setColumnRole(InventoryModel::ReorderColumn, InventoryModel::ReorderLevelRole);

    // Headline figures.
    auto *headlines = new QHBoxLayout;
    headlines->addWidget(addHeadline(QStringLiteral("orders"), tr("Orders today")));
    headlines->addWidget(addHeadline(QStringLiteral("open"), tr("Open now")));
    headlines->addWidget(addHeadline(QStringLiteral("finished"), tr("Finished today")));
    headlines->addWidget(addHeadline(QStringLiteral("cancelled"), tr("Cancelled today")));
    headlines->addWidget(addHeadline(QStringLiteral("revenue"), tr("Revenue today")));
    headlines->addWidget(addHeadline(QStringLiteral("prep"), tr("Average prep time")));
    headlines->addWidget(addHeadline(QStringLiteral("staff"), tr("Staff in")));

    // Orders per interval: one bar per bucket.
    auto *ordersChart = new QChart;
    ordersChart->setTitle(tr("Orders per %1 minutes").arg(dash->bucketMinutes()));
    m_orders = new QBarSeries(ordersChart);
    auto *ordersMapper = new QVBarModelMapper(this);
    ordersMapper->setFirstBarSetColumn(DashboardModel::OrdersColumn);
    ordersMapper->setLastBarSetColumn(DashboardModel::OrdersColumn);
    ordersMapper->setSeries(m_orders);
    ordersMapper->setModel(m_series);
    ordersChart->addSeries(m_orders);
    m_ordersX = timeAxis(ordersChart);
    m_ordersY = new QValueAxis(ordersChart);
    m_ordersY->setLabelFormat(QStringLiteral("%d"));
    m_ordersY->setTickType(QValueAxis::TicksDynamic);
    m_ordersY->setTickAnchor(0);
    setDynamicTicks(m_ordersY, 4, 1);
    ordersChart->addAxis(m_ordersX, Qt::AlignBottom);
    ordersChart->addAxis(m_ordersY, Qt::AlignLeft);
    m_orders->attachAxis(m_ordersX);
    m_orders->attachAxis(m_ordersY);

    // Average prep time per bucket.
    auto *prepChart = new QChart;
    prepChart->setTitle(tr("Average prep time (minutes)"));
    m_prep = new QLineSeries(prepChart);
    m_prep->setPointsVisible(true);
    m_prep->setMarkerSize(8);
    auto *prepMapper = new QVXYModelMapper(this);
    prepMapper->setXColumn(DashboardModel::StartColumn);
    prepMapper->setYColumn(DashboardModel::AvgPrepColumn);
    prepMapper->setSeries(m_prep);
    prepMapper->setModel(m_series);
    prepChart->addSeries(m_prep);
    m_prepX = new QDateTimeAxis(prepChart);
    m_prepX->setFormat(QStringLiteral("HH:mm"));
    m_prepY = new QValueAxis(prepChart);
    // Round steps (0.5 up to 2.5 minutes, not 0.63, 1.25, 1.88).
    m_prepY->setLabelFormat(QStringLiteral("%.1f"));
    m_prepY->setTickType(QValueAxis::TicksDynamic);
    m_prepY->setTickAnchor(0);
    setDynamicTicks(m_prepY, 1, 0.2);
    prepChart->addAxis(m_prepX, Qt::AlignBottom);
    prepChart->addAxis(m_prepY, Qt::AlignLeft);
    m_prep->attachAxis(m_prepX);
    m_prep->attachAxis(m_prepY);

    // Revenue per bucket, as bars beside the orders.
    auto *revenueChart = new QChart;
    revenueChart->setTitle(tr("Revenue per %1 minutes").arg(dash->bucketMinutes()));
    m_revenue = new QBarSeries(revenueChart);
    auto *revenueMapper = new QVBarModelMapper(this);
    revenueMapper->setFirstBarSetColumn(DashboardModel::RevenueColumn);
    revenueMapper->setLastBarSetColumn(DashboardModel::RevenueColumn);
    revenueMapper->setSeries(m_revenue);
    revenueMapper->setModel(m_series);
    revenueChart->addSeries(m_revenue);
    m_revenueX = timeAxis(revenueChart);
    m_revenueY = new QValueAxis(revenueChart);
    revenueChart->addAxis(m_revenueX, Qt::AlignBottom);
    revenueChart->addAxis(m_revenueY, Qt::AlignLeft);
    m_revenue->attachAxis(m_revenueX);
    m_revenue->attachAxis(m_revenueY);
    connect(m_revenue, &QBarSeries::barsetsAdded, this, [this] {
        for (QBarSet *set : m_revenue->barSets())
            set->setColor(QColor(0x2e, 0x7d, 0x32));
    });

    // Stock against reorder levels. Items are counted in grams, millilitres and pieces, so each
    // bar is the stock as a percentage of its own reorder level: red below 100 %, green above.
    auto *stockChart = new QChart;
    stockChart->setTitle(tr("Stock as % of reorder level"));
    stockChart->legend()->setAlignment(Qt::AlignBottom);
    m_stock = new QHorizontalStackedBarSeries(stockChart);
    const auto ratio = [](const QModelIndex &row) {
        const double reorder = row.data(InventoryModel::ReorderLevelRole).toDouble();
        const double stock = row.data(InventoryModel::StockRole).toDouble();
        return reorder > 0 ? qMin(300.0, 100.0 * stock / reorder) : 300.0;
    };
    m_stockData->setColumnFunction(InventoryModel::StockColumn, [ratio](const QModelIndex &row) {
        const double r = ratio(row);
        return r < 100 ? r : 0.0;
    });
    m_stockData->setColumnFunction(InventoryModel::ReorderColumn, [ratio](const QModelIndex &row) {
        const double r = ratio(row);
        return r >= 100 ? r : 0.0;
    });
    m_stockData->setColumnHeader(InventoryModel::StockColumn, tr("below reorder level"));
    m_stockData->setColumnHeader(InventoryModel::ReorderColumn, tr("above reorder level"));
    auto *stockMapper = new QVBarModelMapper(this);
    stockMapper->setFirstBarSetColumn(InventoryModel::StockColumn);
    stockMapper->setLastBarSetColumn(InventoryModel::ReorderColumn);
    stockMapper->setSeries(m_stock);
    stockMapper->setModel(m_stockData);
    stockChart->addSeries(m_stock);
    m_stockY = new QBarCategoryAxis(stockChart);
    m_stockX = new QValueAxis(stockChart);
    m_stockX->setLabelFormat(QStringLiteral("%d %"));
    m_stockX->setTickType(QValueAxis::TicksDynamic);
    m_stockX->setTickAnchor(0);
    setDynamicTicks(m_stockX, 1, 0.2);
    QFont small = m_stockY->labelsFont();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    m_stockY->setLabelsFont(small);
    stockChart->addAxis(m_stockY, Qt::AlignLeft);
    stockChart->addAxis(m_stockX, Qt::AlignBottom);
    m_stock->attachAxis(m_stockY);
    m_stock->attachAxis(m_stockX);
    connect(m_stock, &QHorizontalStackedBarSeries::barsetsAdded, this, [this] {
        const auto sets = m_stock->barSets();
        if (sets.size() == 2) {
            sets.at(0)->setColor(QColor(0xc6, 0x28, 0x28));
            sets.at(1)->setColor(QColor(0x43, 0xa0, 0x47));
        }
    });

    // The stock chart gets the full height: one row per inventory item needs room for names.
    auto *grid = new QGridLayout;
    grid->addWidget(makeView(ordersChart, this), 0, 0);
    grid->addWidget(makeView(revenueChart, this), 1, 0);
    grid->addWidget(makeView(prepChart, this), 2, 0);
    grid->addWidget(makeView(stockChart, this), 0, 1, 3, 1);
    stockChart->legend()->setVisible(true); // which colour is below the reorder level
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(
        new SnapshotNotice(session,
                           tr("Live events only: this server offers no day so far. The figures and "
                              "charts count only what happened while this console was connected."),
                           this));
    layout->addLayout(headlines);
    m_compareNote = new QLabel(this);
    m_compareNote->setObjectName(QStringLiteral("comparisonNote"));
    PlainText::makePlain(m_compareNote);
    m_compareNote->setWordWrap(true);
    m_compareNote->hide();
    layout->addWidget(m_compareNote);
    layout->addLayout(grid, 1);

    for (QAbstractItemModel *m : {static_cast<QAbstractItemModel *>(dash),
                                  static_cast<QAbstractItemModel *>(session->inventory())}) {
        connect(m, &QAbstractItemModel::dataChanged, this, &DashboardView::scheduleRescale);
        connect(m, &QAbstractItemModel::rowsInserted, this, &DashboardView::scheduleRescale);
        connect(m, &QAbstractItemModel::rowsRemoved, this, &DashboardView::scheduleRescale);
        connect(m, &QAbstractItemModel::modelReset, this, &DashboardView::scheduleRescale);
    }
    connect(session->timesheets(), &BatchedTableModel::flushed, this,
            &DashboardView::scheduleRescale);
    connect(session->orders(), &BatchedTableModel::flushed, this, &DashboardView::scheduleRescale);
    connect(session->clock(), &ConsoleClock::sourceChanged, this, &DashboardView::scheduleRescale);
    // The comparison: asked for again when who is signed in, the link, the kind of server or the
    // business day's settings change.
    connect(session, &ConsoleSession::identityChanged, this, &DashboardView::maybeCompare);
    connect(session, &ConsoleSession::livenessChanged, this, &DashboardView::maybeCompare);
    connect(session, &ConsoleSession::snapshotOfferChanged, this, &DashboardView::maybeCompare);
    connect(session, &ConsoleSession::settingsChanged, this, &DashboardView::maybeCompare);
    connect(session->clock(), &ConsoleClock::sourceChanged, this, &DashboardView::maybeCompare);
    rescale();
}

QLabel *DashboardView::addHeadline(const QString &name, const QString &caption)
{
    auto *box = new QLabel(this);
    box->setObjectName(QStringLiteral("headline_") + name);
    box->setAlignment(Qt::AlignCenter);
    box->setFrameShape(QFrame::StyledPanel);
    box->setProperty("caption", caption);
    box->setMinimumHeight(box->fontMetrics().height() * 4);
    m_headlines.insert(name, box);
    return box;
}

QString DashboardView::headline(const QString &name) const
{
    const QLabel *l = m_headlines.value(name);
    return l ? l->property("value").toString() : QString();
}

void DashboardView::scheduleRescale()
{
    // Many changes per second become one rescale.
    if (!m_rescale.isActive())
        m_rescale.start(250, this);
}

void DashboardView::timerEvent(QTimerEvent *event)
{
    if (event->timerId() == m_dayCheck.timerId()) {
        maybeCompare();
        return;
    }
    if (event->timerId() != m_rescale.timerId()) {
        QWidget::timerEvent(event);
        return;
    }
    m_rescale.stop();
    rescale();
}

void DashboardView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange) {
        // A new system font size: the headline figures are sized from it.
        for (QLabel *l : std::as_const(m_headlines))
            l->setMinimumHeight(l->fontMetrics().height() * 4);
        refreshHeadlines();
    }
}

void DashboardView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    rescale();
    m_dayCheck.start(60 * 1000, this);
    maybeCompare();
}

void DashboardView::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_dayCheck.stop();
}

void DashboardView::refreshHeadlines()
{
    DashboardModel *dash = m_session->dashboard();
    const QLocale locale;
    const bool comparing = m_compareState == CompareState::Shown;
    const auto set = [this, comparing](const QString &name, const QString &value) {
        QLabel *l = m_headlines.value(name);
        l->setProperty("value", value);
        // Twice the label's own size, so the figures follow the system's font size.
        const QFont f = l->font();
        const QString size
            = f.pointSizeF() > 0
                  ? QString::number(f.pointSizeF() * 2, 'f', 1) + QStringLiteral("pt")
                  : QString::number(f.pixelSize() * 2) + QStringLiteral("px");
        QString html
            = QStringLiteral("<span style='font-size:%1; font-weight:bold'>%2</span><br>%3")
                  .arg(size, value.toHtmlEscaped(),
                       l->property("caption").toString().toHtmlEscaped());
        const QString yesterday = comparison(name, CompareDay::Yesterday);
        const QString lastWeek = comparison(name, CompareDay::LastWeek);
        if (comparing && !yesterday.isEmpty()) {
            const QString day = QLocale().dayName(
                m_compared[int(CompareDay::LastWeek)].date.dayOfWeek(), QLocale::ShortFormat);
            html += QStringLiteral("<br><small>%1</small>")
                        .arg(tr("yesterday %1 · last %2 %3")
                                 .arg(yesterday, day, lastWeek)
                                 .toHtmlEscaped());
        }
        l->setText(html);
    };
    set(QStringLiteral("orders"), QString::number(dash->totalOrders()));
    set(QStringLiteral("open"), QString::number(m_session->orders()->openCount()));
    set(QStringLiteral("finished"), QString::number(dash->finishedToday()));
    set(QStringLiteral("cancelled"), QString::number(dash->cancelledToday()));
    set(QStringLiteral("revenue"), formatCents(dash->totalRevenue()));
    set(QStringLiteral("prep"),
        tr("%1 min").arg(locale.toString(dash->averagePrepMinutes(), 'f', 1)));
    set(QStringLiteral("staff"), QString::number(m_session->timesheets()->clockedInCount()));
}

QString DashboardView::comparison(const QString &name, CompareDay which) const
{
    if (m_compareState != CompareState::Shown)
        return {};
    const Compared &c = m_compared[int(which)];
    const auto figure = [&c](const QStringList &keys) {
        return reportFigure(c.day, QStringLiteral("summary"), keys);
    };
    if (name == u"orders")
        return QString::number(qint64(figure({QStringLiteral("orders")}).toDouble()));
    if (name == u"finished")
        return QString::number(qint64(figure({QStringLiteral("completed")}).toDouble()));
    if (name == u"cancelled")
        return QString::number(qint64(figure({QStringLiteral("cancelled")}).toDouble()));
    // Today's revenue is what was paid less what was refunded (fees are the provider's).
    if (name == u"revenue")
        return formatCents(Cents(figure({QStringLiteral("paid")}).toDouble())
                           - Cents(figure({QStringLiteral("refunds")}).toDouble()));
    // Today's prep time runs from the order to ready: the report's wait, not its prep.
    if (name == u"prep") {
        const QJsonValue ms = reportFigure(c.service, QStringLiteral("service_summary"),
                                           {QStringLiteral("wait_average")});
        // A day without a timed ticket has no average (the hub says 0).
        if (reportFigure(c.service, QStringLiteral("service_summary"), {QStringLiteral("tickets")})
                .toDouble()
            <= 0)
            return QStringLiteral("–");
        return ms.isDouble() ? tr("%1 min").arg(QLocale().toString(ms.toDouble() / 60000.0, 'f', 1))
                             : QStringLiteral("–");
    }
    return {};
}

QDate DashboardView::comparisonDate(CompareDay day) const
{
    return m_compared[int(day)].date;
}

QString DashboardView::comparisonNote() const
{
    return m_compareNote->isVisible() ? m_compareNote->text() : QString();
}

void DashboardView::maybeCompare()
{
    if (!m_session->identity().isManager()) {
        // get_report is the managers'; an employee's dashboard is today's only.
        ++m_compareGeneration;
        m_compareFor = {};
        setCompareState(CompareState::Hidden);
        return;
    }
    if (!isVisible())
        return;
    const QDate today = BusinessDay::at(m_session->clock()->now(), m_session->settings());
    const bool current = today == m_compareFor;
    if (current
        && (m_compareState == CompareState::Shown || m_compareState == CompareState::Loading))
        return;
    if (m_session->liveEventsOnly()) {
        m_compareFor = today;
        setCompareState(CompareState::Unavailable,
                        tr("reports need a Table Tap hub, and this server sends live events "
                           "only"));
        return;
    }
    // Not connected yet: asked for once the link is up (livenessChanged).
    if (m_session->liveness() != ConsoleSession::Liveness::Live) {
        if (m_compareState != CompareState::Shown || !current)
            setCompareState(CompareState::Unavailable, tr("not connected to the hub"));
        return;
    }
    compare();
}

void DashboardView::compare()
{
    const QDate today = BusinessDay::at(m_session->clock()->now(), m_session->settings());
    m_compareFor = today;
    const quint64 generation = ++m_compareGeneration;
    m_compared[int(CompareDay::Yesterday)] = {today.addDays(-1), {}, {}, {}, 2};
    m_compared[int(CompareDay::LastWeek)] = {today.addDays(-7), {}, {}, {}, 2};
    setCompareState(CompareState::Loading);
    for (int d = 0; d < 2; ++d) {
        for (const bool service : {false, true}) {
            const QJsonObject payload{
                {QStringLiteral("report"),
                 service ? QStringLiteral("service") : QStringLiteral("day")},
                {QStringLiteral("date"), m_compared[d].date.toString(Qt::ISODate)}};
            m_session->query(Contract::Command::GetReport, payload, this,
                             [this, generation, d, service](const ConsoleSession::QueryAnswer &a) {
                                 if (generation != m_compareGeneration)
                                     return;
                                 Compared &c = m_compared[d];
                                 if (a.ok && a.data.isObject())
                                     (service ? c.service : c.day) = a.data.toObject();
                                 else if (c.error.isEmpty())
                                     c.error = a.message.isEmpty() ? a.errorType : a.message;
                                 --c.waiting;
                                 compareAnswered(generation);
                             });
            if (generation != m_compareGeneration)
                return; // answered at once (offline), and already settled
        }
    }
}

void DashboardView::compareAnswered(quint64 generation)
{
    if (generation != m_compareGeneration)
        return;
    QString error;
    for (const Compared &c : m_compared) {
        if (c.waiting > 0)
            return;
        if (error.isEmpty())
            error = c.error;
    }
    if (!error.isEmpty() && m_session->liveEventsOnly())
        error = tr("reports need a Table Tap hub, and this server sends live events only");
    if (error.isEmpty())
        setCompareState(CompareState::Shown);
    else
        setCompareState(CompareState::Unavailable, PlainText::display(error));
}

void DashboardView::setCompareState(CompareState state, const QString &why)
{
    m_compareState = state;
    m_compareWhy = why;
    QString note;
    const QLocale locale;
    switch (state) {
    case CompareState::Hidden:
        break;
    case CompareState::Loading:
        note = tr("Asking the hub for yesterday's and last week's figures…");
        break;
    case CompareState::Shown:
        note = tr("Compared with yesterday (%1) and the same day last week (%2).")
                   .arg(locale.toString(m_compared[0].date, QLocale::ShortFormat),
                        locale.toString(m_compared[1].date, QLocale::ShortFormat));
        break;
    case CompareState::Unavailable:
        note = tr("Comparison with yesterday and last week unavailable: %1").arg(why);
        break;
    }
    PlainText::setText(m_compareNote, note);
    m_compareNote->setVisible(!note.isEmpty());
    refreshHeadlines();
}

void DashboardView::rescale()
{
    refreshHeadlines();
    DashboardModel *dash = m_session->dashboard();
    const int rows = dash->rowCount();
    // Bars stand at 0, 1, 2, ... on the time axes; a label marks where its bucket starts: every
    // bucket's on a short day, the hours' (or every other hour's) on a long one, so labels
    // never crowd into "…" however many buckets the day has.
    const bool hourly = rows > 8;
    const int everyHours = rows > 12 * 60 / dash->bucketMinutes() ? 2 : 1;
    QList<std::pair<QString, double>> timeLabels;
    double maxOrders = 0;
    double maxPrep = 0;
    double maxRevenue = 0;
    for (int r = 0; r < rows; ++r) {
        const QTime start
            = QDateTime::fromMSecsSinceEpoch(
                  qint64(dash->index(r, 0).data(DashboardModel::BucketStartRole).toDouble()))
                  .time();
        if (!hourly || (start.minute() == 0 && start.hour() % everyHours == 0))
            timeLabels.append(
                {dash->index(r, DashboardModel::StartColumn).data().toString(), r - 0.5});
        maxOrders = qMax(maxOrders, dash->index(r, DashboardModel::OrdersColumn)
                                        .data(DashboardModel::ValueRole)
                                        .toDouble());
        maxPrep = qMax(maxPrep, dash->index(r, DashboardModel::AvgPrepColumn)
                                    .data(DashboardModel::ValueRole)
                                    .toDouble());
        maxRevenue = qMax(maxRevenue, dash->index(r, DashboardModel::RevenueColumn)
                                          .data(DashboardModel::ValueRole)
                                          .toDouble());
    }
    QStringList labels;
    for (const auto &l : std::as_const(timeLabels))
        labels << l.first;
    for (QCategoryAxis *axis : {m_ordersX, m_revenueX}) {
        axis->setRange(-0.5, std::max(0.5, rows - 0.5));
        if (axis->categoriesLabels() == labels)
            continue;
        for (const QString &old : axis->categoriesLabels())
            axis->remove(old);
        for (const auto &[label, at] : std::as_const(timeLabels))
            axis->append(label, at);
    }
    // Order counts are whole numbers: at least 4 units on the axis, ticks on whole steps
    // (a 0..1 axis with five "%d" ticks read 1, 0, 0, 0, 0).
    const double ordersStep = qMax(1.0, niceMax(qMax(4.0, maxOrders) / 4));
    setDynamicTicks(m_ordersY, qMax(4.0, std::ceil(maxOrders / ordersStep)) * ordersStep,
                    ordersStep);
    const double prepTop = niceMax(maxPrep);
    setDynamicTicks(m_prepY, prepTop, prepTop / 5);
    m_revenueY->setRange(0, niceMax(maxRevenue));
    const QDateTime now = m_session->clock()->now();
    QDateTime first = now.addSecs(-3600);
    QDateTime last = now;
    if (rows > 0) {
        first = QDateTime::fromMSecsSinceEpoch(
            qint64(dash->index(0, 0).data(DashboardModel::BucketStartRole).toDouble()));
        last = QDateTime::fromMSecsSinceEpoch(
            qint64(dash->index(rows - 1, 0).data(DashboardModel::BucketStartRole).toDouble()));
    }
    // Whole hours from the first bucket to the end of the last, ticks on the hour (or every
    // few hours over a long day), so the labels read 07:00, 08:00, ...
    constexpr qint64 hourMs = 3600 * 1000;
    QDateTime hour = first.toLocalTime();
    hour.setTime(QTime(hour.time().hour(), 0));
    const qint64 from = hour.toMSecsSinceEpoch();
    const qint64 end = last.toMSecsSinceEpoch() + dash->bucketMinutes() * 60 * 1000;
    const qint64 hours = std::max<qint64>(1, (end - from + hourMs - 1) / hourMs);
    const qint64 step = hours <= 8 ? 1 : hours <= 16 ? 2 : 3;
    const qint64 steps = (hours + step - 1) / step;
    m_prepX->setRange(QDateTime::fromMSecsSinceEpoch(from),
                      QDateTime::fromMSecsSinceEpoch(from + steps * step * hourMs));
    m_prepX->setTickCount(int(steps) + 1);

    InventoryModel *inv = m_session->inventory();
    QStringList items;
    double maxRatio = 100;
    for (int r = 0; r < inv->rowCount(); ++r) {
        // Qt Charts draws axis labels as HTML: the hub's names go in escaped.
        items << PlainText::escaped(inv->index(r, InventoryModel::NameColumn).data().toString());
        for (int c : {int(InventoryModel::StockColumn), int(InventoryModel::ReorderColumn)})
            maxRatio = qMax(maxRatio, m_stockData->index(r, c).data().toDouble());
    }
    if (m_stockY->categories() != items)
        m_stockY->setCategories(items);
    const double stockTop = niceMax(maxRatio);
    setDynamicTicks(m_stockX, stockTop, stockTop / 5);
}

int DashboardView::ordersBarCount() const
{
    const auto sets = m_orders->barSets();
    return sets.isEmpty() ? 0 : sets.first()->count();
}

int DashboardView::stockBarCount() const
{
    const auto sets = m_stock->barSets();
    return sets.isEmpty() ? 0 : sets.first()->count();
}

int DashboardView::prepPointCount() const
{
    return m_prep->count();
}

std::pair<QDateTime, QDateTime> DashboardView::timeAxisRange() const
{
    return {m_prepX->min(), m_prepX->max()};
}

QStringList DashboardView::bucketLabels() const
{
    return m_ordersX->categoriesLabels();
}

} // namespace TableTap
