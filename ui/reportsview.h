// The manager's Reports view: the hub's day (Z), speed-of-service and staff reports
// (get_report) for a business date or a range, each section a titled table, charts where a
// picture reads better (revenue by hour, the prep time distribution, payments by method), and
// the report exported as CSV (ReportFile) or PDF, printed or previewed (ReportDocument's
// QTextDocument, Qt Print Support). Generic over sections: a column the hub adds shows up here
// without a change.
#pragma once

#include <QDate>
#include <QHash>
#include <QJsonObject>
#include <QPointer>
#include <QWidget>

class QChartView;
class QComboBox;
class QDateEdit;
class QLabel;
class QPrintPreviewDialog;
class QPushButton;
class QScrollArea;
class QTableView;
class QTextDocument;
class QVBoxLayout;

namespace TableTap {

class ConsoleSession;

class ReportsView final : public QWidget
{
    Q_OBJECT
public:
    enum class Kind { Day, Service, Staff };
    Q_ENUM(Kind)
    // Idle: nothing run yet; Empty: the hub answered, and nothing happened in the range;
    // Unavailable: the server offers no reports (not a Table Tap hub).
    enum class State { Idle, Loading, Shown, Empty, Failed, Unavailable };
    Q_ENUM(State)
    enum class Period { Today, Yesterday, ThisWeek, LastWeek, ThisMonth };
    // The hub's own value of a cell (a QJsonValue in a QVariant), beside the text shown.
    static constexpr int RawRole = Qt::UserRole + 1;

    explicit ReportsView(ConsoleSession *session, QWidget *parent = nullptr);

    // The form, for the keyboard and for tests.
    void setKind(Kind kind);
    Kind kind() const;
    void setRange(const QDate &from, const QDate &to);
    QDate from() const;
    QDate to() const;
    // Sets the range to a quick pick, counted from today's business date.
    void pick(Period period);
    // Asks the hub for the report the form describes.
    void run();

    State state() const { return m_state; }
    // What the view says about its state (loading, the hub's message, empty, unavailable).
    QString stateText() const;
    // The report shown (the hub's object; empty before one arrived).
    QJsonObject report() const { return m_report; }
    // A section's table and a chart, by section id (null when not shown).
    QTableView *sectionTable(const QString &sectionId) const;
    QChartView *chart(const QString &sectionId) const;
    QStringList chartIds() const { return m_charts.keys(); }

    // Exports without asking where (the buttons ask with a file dialog first). False with a
    // message in *error when nothing was written.
    bool exportCsv(const QString &file, QString *error);
    bool exportPdf(const QString &file, QString *error);
    // Opens the print preview (window-modal, not blocking) and returns it.
    QPrintPreviewDialog *openPrintPreview();
    // The document that is printed, previewed and written as PDF (filled from the report).
    QTextDocument *document() const { return m_document; }

Q_SIGNALS:
    // The hub answered (or could not): state() is final for this run.
    void finished(TableTap::ReportsView::State state);

protected:
    void changeEvent(QEvent *event) override;
    // The first time it is shown on a live link, today's day report runs by itself.
    void showEvent(QShowEvent *event) override;

private:
    void runFirstTime();
    void retranslate();
    void setState(State state, const QString &text = {});
    void showReport(const QJsonObject &report);
    void clearSections();
    void addSection(const QJsonObject &section);
    void addChart(const QJsonObject &section);
    void fillDocument();
    QString defaultFileName(const QString &suffix) const;
    void askExportCsv();
    void askExportPdf();
    void print();
    QDate today() const;
    QString kindName(Kind kind) const;

    ConsoleSession *m_session;
    QComboBox *m_kind;
    QComboBox *m_period;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QPushButton *m_run;
    QPushButton *m_csv;
    QPushButton *m_pdf;
    QPushButton *m_print;
    QPushButton *m_preview;
    QLabel *m_kindLabel;
    QLabel *m_periodLabel;
    QLabel *m_fromLabel;
    QLabel *m_toLabel;
    QLabel *m_status;
    QLabel *m_heading;
    QScrollArea *m_scroll;
    QWidget *m_body;
    QVBoxLayout *m_sections;
    QTextDocument *m_document;
    QHash<QString, QTableView *> m_tables;
    QHash<QString, QChartView *> m_charts;
    QJsonObject m_report;
    State m_state = State::Idle;
    QString m_stateText;
    // Answers to an earlier run are dropped once another run started.
    quint64 m_runId = 0;
};

} // namespace TableTap
