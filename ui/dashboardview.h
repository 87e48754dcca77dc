// The manager's dashboard, all live: headline figures (orders today, revenue, average prep
// time, staff in, open orders) and four charts — orders per 15 minutes, average prep time,
// revenue per 15 minutes, and each item's stock as a share of its reorder level — mapped
// straight from the models.
#pragma once

#include <QBasicTimer>
#include <QDateTime>
#include <QWidget>

#include <utility>

class QBarCategoryAxis;
class QCategoryAxis;
class QBarSeries;
class QChartView;
class QDateTimeAxis;
class QHorizontalStackedBarSeries;
class QLabel;
class QLineSeries;
class QValueAxis;

namespace TableTap {

class ConsoleSession;
class ChartDataProxy;

class DashboardView final : public QWidget
{
    Q_OBJECT
public:
    explicit DashboardView(ConsoleSession *session, QWidget *parent = nullptr);

    QString headline(const QString &name) const;
    // Points / bars currently plotted, for tests and the screenshot check.
    int ordersBarCount() const;
    int stockBarCount() const;
    int prepPointCount() const;
    // The prep chart's time axis and the bar charts' time labels, as drawn.
    std::pair<QDateTime, QDateTime> timeAxisRange() const;
    QStringList bucketLabels() const;

protected:
    void timerEvent(QTimerEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void scheduleRescale();
    void rescale();
    void refreshHeadlines();
    QLabel *addHeadline(const QString &name, const QString &caption);

    ConsoleSession *m_session;
    ChartDataProxy *m_series;
    ChartDataProxy *m_stockData;
    QHash<QString, QLabel *> m_headlines;
    QBarSeries *m_orders = nullptr;
    QCategoryAxis *m_ordersX = nullptr;
    QValueAxis *m_ordersY = nullptr;
    QLineSeries *m_prep = nullptr;
    QDateTimeAxis *m_prepX = nullptr;
    QValueAxis *m_prepY = nullptr;
    QBarSeries *m_revenue = nullptr;
    QCategoryAxis *m_revenueX = nullptr;
    QValueAxis *m_revenueY = nullptr;
    QHorizontalStackedBarSeries *m_stock = nullptr;
    QBarCategoryAxis *m_stockY = nullptr;
    QValueAxis *m_stockX = nullptr;
    QBasicTimer m_rescale;
};

} // namespace TableTap
