// The manager's dashboard, all live: headline figures (orders today, revenue, average prep
// time, staff in, open orders) and four charts — orders per 15 minutes, average prep time,
// revenue per 15 minutes, and each item's stock as a share of its reorder level — mapped
// straight from the models. For managers the headlines also show yesterday's figures and those
// of the same weekday last week, from the hub's day and service reports (get_report), asked for
// when the view opens and when the business date changes.
#pragma once

#include <QBasicTimer>
#include <QDate>
#include <QDateTime>
#include <QJsonObject>
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

    // The comparison beside today's figures: yesterday (Yesterday) and the same weekday a week
    // ago (LastWeek), from the hub's reports.
    enum class CompareDay { Yesterday, LastWeek };
    enum class CompareState { Hidden, Loading, Shown, Unavailable };
    CompareState comparisonState() const { return m_compareState; }
    // A headline's figure on that day as shown ("" while there is none).
    QString comparison(const QString &name, CompareDay day) const;
    // The business dates compared with (valid once asked for).
    QDate comparisonDate(CompareDay day) const;
    // The line under the headlines: which days, or why there is no comparison.
    QString comparisonNote() const;

protected:
    void timerEvent(QTimerEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void scheduleRescale();
    void rescale();
    void refreshHeadlines();
    QLabel *addHeadline(const QString &name, const QString &caption);
    // Asks the hub for the comparison days' reports unless they are here or on the way for
    // today's business date.
    void maybeCompare();
    void compare();
    void compareAnswered(quint64 generation);
    void setCompareState(CompareState state, const QString &why = {});

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

    // The comparison: per day, the day report and the service report as the hub answered.
    struct Compared
    {
        QDate date;
        QJsonObject day;
        QJsonObject service;
        QString error;
        int waiting = 0;
    };
    Compared m_compared[2];
    QDate m_compareFor; // the business date the comparison was asked for
    quint64 m_compareGeneration = 0;
    CompareState m_compareState = CompareState::Hidden;
    QString m_compareWhy;
    QLabel *m_compareNote = nullptr;
    // While shown, the business date is checked once a minute.
    QBasicTimer m_dayCheck;
};

} // namespace TableTap
