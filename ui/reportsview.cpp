// The Reports view.
#include "reportsview.h"

#include "businessday.h"
#include "plaintext.h"
#include "plaintextdelegate.h"
#include "uilogging.h"

#include "consolesession.h"
#include "contract.h"
#include "reportdocument.h"
#include "reportfile.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QCoreApplication>
#include <QDateEdit>
#include <QDir>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHorizontalBarSeries>
#include <QJsonArray>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPrintDialog>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QPushButton>
#include <QRegularExpression>
#include <QSaveFile>
#include <QScrollArea>
#include <QScrollBar>
#include <QShowEvent>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTextDocument>
#include <QVBoxLayout>
#include <QValueAxis>

#include <cmath>

namespace TableTap {

namespace {

// Types whose cells are numbers: right-aligned, and counted when deciding whether a day is empty.
bool isNumeric(const QString &type)
{
    return type == u"int" || type == u"money" || type == u"ms" || type == u"minutes"
           || type == u"centihours";
}

// A report in which nothing happened. The reports say it in one figure each (the day's orders,
// the tickets timed, the shifts worked); a report without those sections is empty when no
// number in any row is other than zero. (Thresholds and allowances are numbers on a quiet day
// too, so the generic rule alone would never call a day or service report empty.)
bool isEmptyReport(const QJsonObject &report)
{
    const QJsonArray sections = report.value(QLatin1String("sections")).toArray();
    bool measured = false;
    for (const QJsonValue &s : sections) {
        const QJsonObject section = s.toObject();
        const QString id = section.value(QLatin1String("id")).toString();
        const QJsonArray columns = section.value(QLatin1String("columns")).toArray();
        const QJsonArray rows = section.value(QLatin1String("rows")).toArray();
        QString key;
        if (id == u"summary")
            key = QStringLiteral("orders");
        else if (id == u"service_summary")
            key = QStringLiteral("tickets");
        else if (id == u"shifts") {
            measured = true;
            if (!rows.isEmpty())
                return false;
            continue;
        } else {
            continue;
        }
        for (int c = 0; c < columns.size(); ++c) {
            if (columns.at(c).toObject().value(QLatin1String("key")).toString() != key)
                continue;
            measured = true;
            for (const QJsonValue &r : rows)
                if (r.toArray().at(c).toDouble() != 0)
                    return false;
        }
    }
    if (measured)
        return true;
    for (const QJsonValue &s : sections) {
        const QJsonObject section = s.toObject();
        const QJsonArray columns = section.value(QLatin1String("columns")).toArray();
        for (const QJsonValue &r : section.value(QLatin1String("rows")).toArray()) {
            const QJsonArray row = r.toArray();
            for (int c = 0; c < row.size() && c < columns.size(); ++c)
                if (isNumeric(columns.at(c).toObject().value(QLatin1String("type")).toString())
                    && row.at(c).toDouble() != 0)
                    return false;
        }
    }
    return true;
}

int columnIndex(const QJsonArray &columns, const QStringList &keys)
{
    for (const QString &key : keys)
        for (int c = 0; c < columns.size(); ++c)
            if (columns.at(c).toObject().value(QLatin1String("key")).toString() == key)
                return c;
    return -1;
}

int columnOfType(const QJsonArray &columns, const QString &type)
{
    for (int c = 0; c < columns.size(); ++c)
        if (columns.at(c).toObject().value(QLatin1String("type")).toString() == type)
            return c;
    return -1;
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

// The report's own time zone (the cafe's when it was made), else the session's setting.
QHash<QString, QVariant> reportZone(const QJsonObject &report,
                                    const QHash<QString, QVariant> &settings)
{
    const QString zone = report.value(QLatin1String("timezone")).toString();
    if (zone.isEmpty())
        return settings;
    return {{QStringLiteral("timezone"), zone}};
}

} // namespace

// The cell text of one value of a column type (docs/reports.md lists the types).
class ReportCells
{
    Q_DECLARE_TR_FUNCTIONS(TableTap::ReportsView)
public:
    ReportCells(const QString &currency, const QHash<QString, QVariant> &settings, bool oneDay)
        : m_settings(settings)
        , m_oneDay(oneDay)
    {
        // The locale's own symbol for its own currency ($ for USD in the US), else the code.
        m_symbol = m_locale.currencySymbol(QLocale::CurrencyIsoCode) == currency
                       ? m_locale.currencySymbol(QLocale::CurrencySymbol)
                       : PlainText::display(currency);
    }
    QString text(const QString &type, const QJsonValue &v) const
    {
        if (v.isNull() || v.isUndefined())
            return {};
        if (type == u"money")
            return m_locale.toCurrencyString(v.toDouble() / 100.0, m_symbol, 2);
        if (type == u"int")
            return m_locale.toString(qint64(v.toDouble()));
        if (type == u"ms")
            return duration(v.toDouble());
        if (type == u"minutes")
            return tr("%1 min").arg(m_locale.toString(qint64(v.toDouble())));
        if (type == u"centihours")
            return m_locale.toString(v.toDouble() / 100.0, 'f', 2);
        if (type == u"time") {
            const QDateTime t = BusinessDay::local(
                QDateTime::fromMSecsSinceEpoch(qint64(v.toDouble()), QTimeZone::utc()), m_settings);
            return m_oneDay ? m_locale.toString(t.time(), QStringLiteral("HH:mm"))
                            : m_locale.toString(t, QLocale::ShortFormat);
        }
        if (type == u"date") {
            const QDate d = QDate::fromString(v.toString(), Qt::ISODate);
            return d.isValid() ? m_locale.toString(d, QLocale::ShortFormat) : v.toString();
        }
        if (type == u"bool")
            return v.toBool() ? tr("yes") : tr("no");
        if (v.isString())
            return v.toString();
        if (v.isDouble())
            return m_locale.toString(v.toDouble());
        return {};
    }
    // Seconds under a minute, minutes and seconds under an hour, then hours and minutes.
    QString duration(double ms) const
    {
        const qint64 s = qRound64(ms / 1000.0);
        if (s < 60)
            return tr("%1 s").arg(s);
        if (s < 3600)
            return tr("%1 min %2 s").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
        return tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60, 2, 10, QLatin1Char('0'));
    }

private:
    QLocale m_locale;
    QHash<QString, QVariant> m_settings;
    QString m_symbol;
    bool m_oneDay;
};

ReportsView::ReportsView(ConsoleSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_document(new QTextDocument(this))
{
    setObjectName(QStringLiteral("reportsView"));

    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("reportKind"));
    m_kind->addItem({}, QVariant::fromValue(Kind::Day));
    m_kind->addItem({}, QVariant::fromValue(Kind::Service));
    m_kind->addItem({}, QVariant::fromValue(Kind::Staff));
    m_period = new QComboBox(this);
    m_period->setObjectName(QStringLiteral("reportPeriod"));
    for (int i = 0; i < 6; ++i)
        m_period->addItem({});
    m_from = new QDateEdit(this);
    m_from->setObjectName(QStringLiteral("reportFrom"));
    m_to = new QDateEdit(this);
    m_to->setObjectName(QStringLiteral("reportTo"));
    for (QDateEdit *e : {m_from, m_to}) {
        e->setCalendarPopup(true);
        e->setDisplayFormat(QLocale().dateFormat(QLocale::ShortFormat));
        e->setMinimumDate(QDate(2000, 1, 1));
    }
    m_run = new QPushButton(this);
    m_run->setObjectName(QStringLiteral("runReport"));
    m_run->setDefault(true);
    m_csv = new QPushButton(this);
    m_csv->setObjectName(QStringLiteral("exportCsv"));
    m_pdf = new QPushButton(this);
    m_pdf->setObjectName(QStringLiteral("exportPdf"));
    m_print = new QPushButton(this);
    m_print->setObjectName(QStringLiteral("printReport"));
    m_preview = new QPushButton(this);
    m_preview->setObjectName(QStringLiteral("previewReport"));
    m_kindLabel = new QLabel(this);
    m_kindLabel->setBuddy(m_kind);
    m_periodLabel = new QLabel(this);
    m_periodLabel->setBuddy(m_period);
    m_fromLabel = new QLabel(this);
    m_fromLabel->setBuddy(m_from);
    m_toLabel = new QLabel(this);
    m_toLabel->setBuddy(m_to);

    auto *form = new QHBoxLayout;
    form->addWidget(m_kindLabel);
    form->addWidget(m_kind);
    form->addSpacing(12);
    form->addWidget(m_periodLabel);
    form->addWidget(m_period);
    form->addWidget(m_fromLabel);
    form->addWidget(m_from);
    form->addWidget(m_toLabel);
    form->addWidget(m_to);
    form->addWidget(m_run);
    form->addStretch(1);
    form->addWidget(m_csv);
    form->addWidget(m_pdf);
    form->addWidget(m_print);
    form->addWidget(m_preview);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("reportStatus"));
    PlainText::makePlain(m_status);
    m_status->setWordWrap(true);
    m_heading = new QLabel(this);
    m_heading->setObjectName(QStringLiteral("reportHeading"));
    PlainText::makePlain(m_heading);
    QFont big = m_heading->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.25);
    m_heading->setFont(big);

    m_body = new QWidget;
    m_sections = new QVBoxLayout(m_body);
    m_sections->setContentsMargins(0, 0, 0, 0);
    m_sections->addStretch(1);
    m_scroll = new QScrollArea(this);
    m_scroll->setObjectName(QStringLiteral("reportSections"));
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setWidget(m_body);
    m_scroll->setFocusPolicy(Qt::NoFocus);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(m_heading);
    layout->addWidget(m_scroll, 1);

    // Form, run, then the exports; the section tables follow in their own order.
    setTabOrder(m_kind, m_period);
    setTabOrder(m_period, m_from);
    setTabOrder(m_from, m_to);
    setTabOrder(m_to, m_run);
    setTabOrder(m_run, m_csv);
    setTabOrder(m_csv, m_pdf);
    setTabOrder(m_pdf, m_print);
    setTabOrder(m_print, m_preview);

    connect(m_run, &QPushButton::clicked, this, &ReportsView::run);
    connect(m_csv, &QPushButton::clicked, this, &ReportsView::askExportCsv);
    connect(m_pdf, &QPushButton::clicked, this, &ReportsView::askExportPdf);
    connect(m_print, &QPushButton::clicked, this, &ReportsView::print);
    connect(m_preview, &QPushButton::clicked, this, &ReportsView::openPrintPreview);
    connect(m_period, &QComboBox::activated, this, [this](int index) {
        if (index > 0)
            pick(Period(index - 1));
    });
    // A typed date is a range of one's own: the quick pick says so, and the range stays whole.
    connect(m_from, &QDateEdit::userDateChanged, this, [this](const QDate &d) {
        if (m_to->date() < d)
            m_to->setDate(d);
    });
    connect(m_to, &QDateEdit::userDateChanged, this, [this](const QDate &d) {
        if (m_from->date() > d)
            m_from->setDate(d);
    });
    for (QDateEdit *e : {m_from, m_to})
        connect(e, &QDateEdit::editingFinished, this, [this] {
            if (!m_period->hasFocus())
                m_period->setCurrentIndex(0);
        });

    connect(session, &ConsoleSession::livenessChanged, this, &ReportsView::runFirstTime);

    retranslate();
    pick(Period::Today);
    setState(State::Idle);
}

void ReportsView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    runFirstTime();
}

void ReportsView::runFirstTime()
{
    if (m_state == State::Idle && isVisible() && m_session->identity().isManager()
        && m_session->liveness() == ConsoleSession::Liveness::Live) {
        pick(Period::Today);
        run();
    }
}

void ReportsView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

void ReportsView::retranslate()
{
    m_kindLabel->setText(tr("Report:"));
    m_kind->setItemText(0, tr("Day (Z) report"));
    m_kind->setItemText(1, tr("Speed of service"));
    m_kind->setItemText(2, tr("Staff hours"));
    m_kind->setAccessibleName(tr("Report"));
    m_periodLabel->setText(tr("Period:"));
    m_period->setItemText(0, tr("Chosen dates"));
    m_period->setItemText(1, tr("Today"));
    m_period->setItemText(2, tr("Yesterday"));
    m_period->setItemText(3, tr("This week"));
    m_period->setItemText(4, tr("Last week"));
    m_period->setItemText(5, tr("This month"));
    m_period->setAccessibleName(tr("Period"));
    m_fromLabel->setText(tr("From:"));
    m_from->setAccessibleName(tr("First business date"));
    m_toLabel->setText(tr("To:"));
    m_to->setAccessibleName(tr("Last business date"));
    // Alt+N: every other letter of "Run" is taken by a menu or a tab.
    m_run->setText(tr("Ru&n"));
    m_run->setToolTip(tr("Ask the hub for this report"));
    m_csv->setText(tr("Export CSV…"));
    m_csv->setToolTip(tr("Save the report as a CSV file for a spreadsheet"));
    m_pdf->setText(tr("Export PDF…"));
    m_print->setText(tr("Print…"));
    m_preview->setText(tr("Print preview…"));
    if (!m_report.isEmpty())
        showReport(m_report);
    else
        setState(m_state, m_state == State::Idle ? QString() : m_stateText);
}

QString ReportsView::kindName(Kind kind) const
{
    switch (kind) {
    case Kind::Day:
        return QStringLiteral("day");
    case Kind::Service:
        return QStringLiteral("service");
    case Kind::Staff:
        return QStringLiteral("staff");
    }
    return {};
}

void ReportsView::setKind(Kind kind)
{
    m_kind->setCurrentIndex(m_kind->findData(QVariant::fromValue(kind)));
}

ReportsView::Kind ReportsView::kind() const
{
    return m_kind->currentData().value<Kind>();
}

void ReportsView::setRange(const QDate &from, const QDate &to)
{
    m_from->setDate(from);
    m_to->setDate(to < from ? from : to);
    m_period->setCurrentIndex(0);
}

QDate ReportsView::from() const
{
    return m_from->date();
}

QDate ReportsView::to() const
{
    return m_to->date();
}

QDate ReportsView::today() const
{
    return BusinessDay::at(m_session->clock()->now(), m_session->settings());
}

void ReportsView::pick(Period period)
{
    const QDate day = today();
    const int weekStart = int(QLocale().firstDayOfWeek());
    const QDate monday = day.addDays(-((day.dayOfWeek() - weekStart + 7) % 7));
    switch (period) {
    case Period::Today:
        setRange(day, day);
        break;
    case Period::Yesterday:
        setRange(day.addDays(-1), day.addDays(-1));
        break;
    case Period::ThisWeek:
        setRange(monday, day);
        break;
    case Period::LastWeek:
        setRange(monday.addDays(-7), monday.addDays(-1));
        break;
    case Period::ThisMonth:
        setRange(QDate(day.year(), day.month(), 1), day);
        break;
    }
    m_period->setCurrentIndex(int(period) + 1);
}

void ReportsView::run()
{
    const quint64 id = ++m_runId;
    m_report = {};
    clearSections();
    if (m_session->liveEventsOnly()) {
        setState(State::Unavailable);
        Q_EMIT finished(m_state);
        return;
    }
    QJsonObject payload{{QStringLiteral("report"), kindName(kind())},
                        {QStringLiteral("date"), from().toString(Qt::ISODate)}};
    if (to() != from())
        payload.insert(QStringLiteral("to"), to().toString(Qt::ISODate));
    setState(State::Loading);
    m_session->query(Contract::Command::GetReport, payload, this,
                     [this, id](const ConsoleSession::QueryAnswer &a) {
                         if (id != m_runId)
                             return;
                         if (a.ok && a.data.isObject()) {
                             showReport(a.data.toObject());
                         } else if (m_session->liveEventsOnly()) {
                             setState(State::Unavailable);
                         } else {
                             setState(State::Failed, a.message.isEmpty() ? a.errorType : a.message);
                         }
                         Q_EMIT finished(m_state);
                     });
}

QString ReportsView::stateText() const
{
    return m_status->text();
}

void ReportsView::setState(State state, const QString &text)
{
    m_state = state;
    m_stateText = text;
    QString shown;
    const QString range = from() == to()
                              ? QLocale().toString(from(), QLocale::LongFormat)
                              : tr("%1 to %2")
                                    .arg(QLocale().toString(from(), QLocale::ShortFormat),
                                         QLocale().toString(to(), QLocale::ShortFormat));
    switch (state) {
    case State::Idle:
        shown = tr("Choose a report and its dates, then Run.");
        break;
    case State::Loading:
        shown = tr("Asking the hub for the %1 of %2…").arg(m_kind->currentText(), range);
        break;
    case State::Shown:
        shown = text;
        break;
    case State::Empty:
        shown = tr("Nothing happened on %1: no orders, payments or shifts.").arg(range);
        break;
    case State::Failed:
        shown = tr("The hub could not make this report: %1").arg(PlainText::display(text));
        break;
    case State::Unavailable:
        shown = tr("Reports need a Table Tap hub: this server sends live events only and keeps "
                   "no reports.");
        break;
    }
    PlainText::setText(m_status, shown);
    m_status->setVisible(!shown.isEmpty());
    m_run->setEnabled(state != State::Loading);
    const bool have = !m_report.isEmpty();
    for (QPushButton *b : {m_csv, m_pdf, m_print, m_preview})
        b->setEnabled(have && state != State::Loading);
    m_heading->setVisible(have);
}

void ReportsView::clearSections()
{
    m_tables.clear();
    m_charts.clear();
    while (m_sections->count() > 1) {
        QLayoutItem *item = m_sections->takeAt(0);
        if (QWidget *w = item->widget())
            w->deleteLater();
        delete item;
    }
    m_heading->clear();
}

void ReportsView::showReport(const QJsonObject &report)
{
    clearSections();
    m_report = report;
    const QJsonArray cafes = report.value(QLatin1String("cafes")).toArray();
    QStringList names;
    for (const QJsonValue &c : cafes)
        names << PlainText::display(c.toObject().value(QLatin1String("name")).toString());
    const QDate first
        = QDate::fromString(report.value(QLatin1String("from")).toString(), Qt::ISODate);
    const QDate last = QDate::fromString(report.value(QLatin1String("to")).toString(), Qt::ISODate);
    const QString kind = report.value(QLatin1String("report")).toString();
    const QString title = kind == u"service" ? tr("Speed of service")
                          : kind == u"staff" ? tr("Staff hours")
                                             : tr("Day (Z) report");
    const QString dates = first == last ? QLocale().toString(first, QLocale::LongFormat)
                                        : tr("%1 to %2")
                                              .arg(QLocale().toString(first, QLocale::ShortFormat),
                                                   QLocale().toString(last, QLocale::ShortFormat));
    PlainText::setText(
        m_heading,
        QStringLiteral("%1 · %2 · %3").arg(title, names.join(QStringLiteral(", ")), dates));
    if (isEmptyReport(report)) {
        setState(State::Empty);
    } else {
        for (const QJsonValue &s : report.value(QLatin1String("sections")).toArray())
            addSection(s.toObject());
        QWidget *previous = m_preview;
        for (int i = 0; i < m_sections->count(); ++i)
            if (QWidget *w = m_sections->itemAt(i)->widget())
                for (QTableView *t : w->findChildren<QTableView *>()) {
                    setTabOrder(previous, t);
                    previous = t;
                }
        setState(State::Shown);
    }
    fillDocument();
}

// The console's words for the hub's sections, by id (the hub's English title for one it does
// not know).
static const QHash<QString, const char *> &sectionTitles()
{
    static const QHash<QString, const char *> titles{
        {QStringLiteral("summary"), QT_TRANSLATE_NOOP("TableTap::ReportsView", "Summary")},
        {QStringLiteral("by_hour"),
         QT_TRANSLATE_NOOP("TableTap::ReportsView", "Orders and sales by hour")},
        {QStringLiteral("by_daypart"),
         QT_TRANSLATE_NOOP("TableTap::ReportsView", "Orders and sales by part of the day")},
        {QStringLiteral("product_mix"), QT_TRANSLATE_NOOP("TableTap::ReportsView", "Product mix")},
        {QStringLiteral("customizations"),
         QT_TRANSLATE_NOOP("TableTap::ReportsView", "Customizations")},
        {QStringLiteral("payments"),
         QT_TRANSLATE_NOOP("TableTap::ReportsView", "Payments by method")},
        {QStringLiteral("tips"),
         QT_TRANSLATE_NOOP("TableTap::ReportsView", "Tips by who took the order")},
        {QStringLiteral("refunds"), QT_TRANSLATE_NOOP("TableTap::ReportsView", "Refunds")},
        {QStringLiteral("voids"), QT_TRANSLATE_NOOP("TableTap::ReportsView", "Voided payments")},
        {QStringLiteral("cancellations"),
         QT_TRANSLATE_NOOP("TableTap::ReportsView", "Cancelled orders")},
        {QStringLiteral("cancel_reasons"),
         QT_TRANSLATE_NOOP("TableTap::ReportsView", "Cancellations by reason")},
        {QStringLiteral("drinks"),
         QT_TRANSLATE_NOOP("TableTap::ReportsView", "Staff drinks against allowances")},
        {QStringLiteral("service_summary"), QT_TRANSLATE_NOOP("TableTap::ReportsView", "Summary")},
        {QStringLiteral("by_counter"),
         QT_TRANSLATE_NOOP("TableTap::ReportsView", "Prep time by counter")},
        {QStringLiteral("by_product"),
         QT_TRANSLATE_NOOP("TableTap::ReportsView", "Prep time by product")},
        {QStringLiteral("prep_distribution"),
         QT_TRANSLATE_NOOP("TableTap::ReportsView", "Prep time distribution")},
        {QStringLiteral("late_tickets"),
         QT_TRANSLATE_NOOP("TableTap::ReportsView", "Late tickets")},
        {QStringLiteral("shifts"), QT_TRANSLATE_NOOP("TableTap::ReportsView", "Shifts")},
        {QStringLiteral("by_person_day"),
         QT_TRANSLATE_NOOP("TableTap::ReportsView", "Hours and pay by person and day")},
        {QStringLiteral("by_person"),
         QT_TRANSLATE_NOOP("TableTap::ReportsView", "Payroll by person")},
        {QStringLiteral("corrections"),
         QT_TRANSLATE_NOOP("TableTap::ReportsView", "Timesheet corrections")},
    };
    return titles;
}

static QString sectionTitle(const QString &id, const QString &hubTitle)
{
    const char *known = sectionTitles().value(id);
    return known ? QCoreApplication::translate("TableTap::ReportsView", known)
                 : PlainText::display(hubTitle);
}

// The console's words for the hub's column titles (docs/reports.md), by the hub's English
// title; a title not listed here is shown as the hub sends it.
static QString columnTitle(const QString &hubTitle)
{
    static const char *const known[] = {
        QT_TRANSLATE_NOOP("TableTap::ReportColumns", "90th percentile"),
        QT_TRANSLATE_NOOP("TableTap::ReportColumns", "90th percentile prep"),
        QT_TRANSLATE_NOOP("TableTap::ReportColumns", "90th percentile wait"),
        QT_TRANSLATE_NOOP("TableTap::ReportColumns", "Allowance"),
        QT_TRANSLATE_NOOP("TableTap::ReportColumns", "Amount"),
        QT_TRANSLATE_NOOP("TableTap::ReportColumns", "Average"),
        QT_TRANSLATE_NOOP("TableTap::ReportColumns", "Average prep"),
        QT_TRANSLATE_NOOP("TableTap::ReportColumns", "Average wait"),
        QT_TRANSLATE_NOOP("TableTap::ReportColumns", "Break"),
        QT_TRANSLATE_NOOP("TableTap::ReportColumns", "Cancelled"),
        QT_TRANSLATE_NOOP("TableTap::ReportColumns", "Cancelled at"),
        QT_TRANSLATE_NOOP("TableTap::ReportColumns", "Category"),
        QT_TRANSLATE_NOOP("TableTap::ReportColumns", "Completed"),
        QT_TRANSLATE_NOOP("TableTap::ReportColumns", "Corrected"),
        QT_TRANSLATE_NOOP("TableTap::ReportColumns", "Corrected at"),
        QT_TRANSLATE_NOOP("TableTap::ReportColumns", "Corrected by"),
        QT_TRANSLATE_NOOP("TableTap::ReportColumns", "Corrected shifts"),
        QT_TRANSLATE_NOOP("TableTap::ReportColumns", "Counter"),
        QT_TRANSLATE_NOOP("TableTap::ReportColumns", "Customization"),
        QT_TRANSLATE_NOOP("TableTap::ReportColumns", "Date"),
        QT_TRANSLATE_NOOP("TableTap::ReportColumns", "Day-part"),
        QT_TRANSLATE_NOOP("TableTap::ReportColumns", "Drinks"),
        QT_TRANSLATE_NOOP("TableTap::ReportColumns", "Failed"),
        QT_TRANSLATE_NOOP("TableTap::ReportColumns", "Fee kept"),
        QT_TRANSLATE_NOOP("TableTap::ReportColumns", "Fees"),
        QT_TRANSLATE_NOOP("TableTap::ReportColumns", "From"),
        QT_TRANSLATE_NOOP("TableTap::ReportColumns", "From minute"),
        QT_TRANSLATE_NOOP("TableTap::ReportColumns", "Gross sales"),
        QT_TRANSLATE_NOOP("TableTap::ReportColumns", "Hour"),
        QT_TRANSLATE_NOOP("TableTap::ReportColumns", "Hourly rate"),
        QT_TRANSLATE_NOOP("TableTap::ReportColumns", "Hours"),
        QT_TRANSLATE_NOOP("TableTap::ReportColumns", "In"),
        QT_TRANSLATE_NOOP("TableTap::ReportColumns", "Items"),
        QT_TRANSLATE_NOOP("TableTap::ReportColumns", "Late"),
        QT_TRANSLATE_NOOP("TableTap::ReportColumns", "Late after"),
        QT_TRANSLATE_NOOP("TableTap::ReportColumns", "Median"),
        QT_TRANSLATE_NOOP("TableTap::ReportColumns", "Median prep"),
        QT_TRANSLATE_NOOP("TableTap::ReportColumns", "Median wait"),
        QT_TRANSLATE_NOOP("TableTap::ReportColumns", "Method"),
        QT_TRANSLATE_NOOP("TableTap::ReportColumns", "Month"),
        QT_TRANSLATE_NOOP("TableTap::ReportColumns", "Month to date"),
        QT_TRANSLATE_NOOP("TableTap::ReportColumns", "Net"),
        QT_TRANSLATE_NOOP("TableTap::ReportColumns", "Never ready"),
        QT_TRANSLATE_NOOP("TableTap::ReportColumns", "Not completed"),
        QT_TRANSLATE_NOOP("TableTap::ReportColumns", "Now break"),
        QT_TRANSLATE_NOOP("TableTap::ReportColumns", "Now in"),
        QT_TRANSLATE_NOOP("TableTap::ReportColumns", "Now out"),
        QT_TRANSLATE_NOOP("TableTap::ReportColumns", "Open"),
        QT_TRANSLATE_NOOP("TableTap::ReportColumns", "Open shift"),
        QT_TRANSLATE_NOOP("TableTap::ReportColumns", "Open shifts"),
        QT_TRANSLATE_NOOP("TableTap::ReportColumns", "Order"),
        QT_TRANSLATE_NOOP("TableTap::ReportColumns", "Order total"),
        QT_TRANSLATE_NOOP("TableTap::ReportColumns", "Ordered at"),
        QT_TRANSLATE_NOOP("TableTap::ReportColumns", "Orders"),
        QT_TRANSLATE_NOOP("TableTap::ReportColumns", "Out"),
        QT_TRANSLATE_NOOP("TableTap::ReportColumns", "Over allowance"),
        QT_TRANSLATE_NOOP("TableTap::ReportColumns", "Over warning"),
        QT_TRANSLATE_NOOP("TableTap::ReportColumns", "Paid"),
        QT_TRANSLATE_NOOP("TableTap::ReportColumns", "Pay"),
        QT_TRANSLATE_NOOP("TableTap::ReportColumns", "Payments"),
        QT_TRANSLATE_NOOP("TableTap::ReportColumns", "Person"),
        QT_TRANSLATE_NOOP("TableTap::ReportColumns", "Prep"),
        QT_TRANSLATE_NOOP("TableTap::ReportColumns", "Prep time"),
        QT_TRANSLATE_NOOP("TableTap::ReportColumns", "Product"),
        QT_TRANSLATE_NOOP("TableTap::ReportColumns", "Quantity"),
        QT_TRANSLATE_NOOP("TableTap::ReportColumns", "Ready at"),
        QT_TRANSLATE_NOOP("TableTap::ReportColumns", "Reason"),
        QT_TRANSLATE_NOOP("TableTap::ReportColumns", "Refunded"),
        QT_TRANSLATE_NOOP("TableTap::ReportColumns", "Refunded at"),
        QT_TRANSLATE_NOOP("TableTap::ReportColumns", "Refunds"),
        QT_TRANSLATE_NOOP("TableTap::ReportColumns", "Sales"),
        QT_TRANSLATE_NOOP("TableTap::ReportColumns", "Shifts"),
        QT_TRANSLATE_NOOP("TableTap::ReportColumns", "Staff code"),
        QT_TRANSLATE_NOOP("TableTap::ReportColumns", "Started at"),
        QT_TRANSLATE_NOOP("TableTap::ReportColumns", "Taken by"),
        QT_TRANSLATE_NOOP("TableTap::ReportColumns", "Tax"),
        QT_TRANSLATE_NOOP("TableTap::ReportColumns", "Tickets"),
        QT_TRANSLATE_NOOP("TableTap::ReportColumns", "Tips"),
        QT_TRANSLATE_NOOP("TableTap::ReportColumns", "Total"),
        QT_TRANSLATE_NOOP("TableTap::ReportColumns", "Until"),
        QT_TRANSLATE_NOOP("TableTap::ReportColumns", "Voided"),
        QT_TRANSLATE_NOOP("TableTap::ReportColumns", "Wait"),
        QT_TRANSLATE_NOOP("TableTap::ReportColumns", "Warning after"),
        QT_TRANSLATE_NOOP("TableTap::ReportColumns", "Was break"),
        QT_TRANSLATE_NOOP("TableTap::ReportColumns", "Was in"),
        QT_TRANSLATE_NOOP("TableTap::ReportColumns", "Was out"),
        QT_TRANSLATE_NOOP("TableTap::ReportColumns", "With a tip"),
        QT_TRANSLATE_NOOP("TableTap::ReportColumns", "Within allowance"),
    };
    static const QHash<QString, const char *> byTitle = [] {
        QHash<QString, const char *> h;
        for (const char *t : known)
            h.insert(QString::fromLatin1(t), t);
        return h;
    }();
    const char *t = byTitle.value(hubTitle);
    return t ? QCoreApplication::translate("TableTap::ReportColumns", t)
             : PlainText::display(hubTitle);
}

void ReportsView::addSection(const QJsonObject &section)
{
    const QString id = section.value(QLatin1String("id")).toString();
    const QJsonArray columns = section.value(QLatin1String("columns")).toArray();
    const QJsonArray rows = section.value(QLatin1String("rows")).toArray();
    const bool oneDay
        = m_report.value(QLatin1String("from")) == m_report.value(QLatin1String("to"));
    const ReportCells cells(m_report.value(QLatin1String("currency")).toString(),
                            reportZone(m_report, m_session->settings()), oneDay);

    auto *box = new QWidget(m_body);
    box->setObjectName(QStringLiteral("section_") + id);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 8, 0, 8);
    const QString title = sectionTitle(id, section.value(QLatin1String("title")).toString());
    QLabel *caption = PlainText::label(title, box);
    QFont bold = caption->font();
    bold.setBold(true);
    caption->setFont(bold);
    layout->addWidget(caption);
    if (rows.isEmpty()) {
        layout->addWidget(PlainText::label(tr("None."), box));
        m_sections->insertWidget(m_sections->count() - 1, box);
        return;
    }

    auto *model = new QStandardItemModel(0, int(columns.size()), box);
    QStringList types;
    for (int c = 0; c < columns.size(); ++c) {
        const QJsonObject col = columns.at(c).toObject();
        types << col.value(QLatin1String("type")).toString();
        auto *header = new QStandardItem(columnTitle(col.value(QLatin1String("title")).toString()));
        header->setTextAlignment(isNumeric(types.last()) ? Qt::AlignRight | Qt::AlignVCenter
                                                         : Qt::AlignLeft | Qt::AlignVCenter);
        model->setHorizontalHeaderItem(c, header);
    }
    const auto addRow = [&](const QJsonArray &row, bool total) {
        QList<QStandardItem *> items;
        for (int c = 0; c < columns.size(); ++c) {
            auto *item = new QStandardItem(cells.text(types.at(c), row.at(c)));
            item->setData(QVariant::fromValue(row.at(c)), RawRole);
            item->setEditable(false);
            item->setTextAlignment(isNumeric(types.at(c)) ? Qt::AlignRight | Qt::AlignVCenter
                                                          : Qt::AlignLeft | Qt::AlignVCenter);
            if (total) {
                QFont f = item->font();
                f.setBold(true);
                item->setFont(f);
            }
            items << item;
        }
        model->appendRow(items);
    };
    for (const QJsonValue &r : rows)
        addRow(r.toArray(), false);
    const QJsonValue total = section.value(QLatin1String("total"));
    if (total.isArray())
        addRow(total.toArray(), true);

    addChart(section);

    auto *table = new QTableView(box);
    table->setObjectName(QStringLiteral("table_") + id);
    table->setModel(model);
    PlainTextDelegate::install(table);
    table->setAccessibleName(title);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setTabKeyNavigation(false);
    table->verticalHeader()->hide();
    table->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    table->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setStretchLastSection(false);
    table->resizeColumnsToContents();
    table->resizeRowsToContents();
    // The whole table on the page: the view scrolls, not each table.
    const int height = table->horizontalHeader()->sizeHint().height()
                       + table->verticalHeader()->length() + 2 * table->frameWidth()
                       + table->horizontalScrollBar()->sizeHint().height();
    table->setFixedHeight(height);
    if (QChartView *chart = m_charts.value(id))
        layout->addWidget(chart);
    layout->addWidget(table);
    m_tables.insert(id, table);
    m_sections->insertWidget(m_sections->count() - 1, box);
}

void ReportsView::addChart(const QJsonObject &section)
{
    const QString id = section.value(QLatin1String("id")).toString();
    const QJsonArray columns = section.value(QLatin1String("columns")).toArray();
    const QJsonArray rows = section.value(QLatin1String("rows")).toArray();
    // Which sections read better as a picture, and which of their columns to draw.
    int valueColumn = -1;
    QString setName;
    bool horizontal = false;
    bool histogram = false;
    if (id == u"by_hour" || id == u"by_daypart") {
        valueColumn = columnIndex(columns, {QStringLiteral("sales"), QStringLiteral("revenue")});
        if (valueColumn < 0)
            valueColumn = columnOfType(columns, QStringLiteral("money"));
        setName = tr("Sales");
    } else if (id == u"prep_distribution") {
        valueColumn = columnIndex(columns, {QStringLiteral("tickets"), QStringLiteral("orders")});
        if (valueColumn < 0)
            valueColumn = columnOfType(columns, QStringLiteral("int"));
        setName = tr("Tickets");
        histogram = true;
    } else if (id == u"payments") {
        valueColumn = columnIndex(columns, {QStringLiteral("amount"), QStringLiteral("net")});
        if (valueColumn < 0)
            valueColumn = columnOfType(columns, QStringLiteral("money"));
        setName = tr("Amount");
        horizontal = true;
    }
    if (valueColumn < 0 || rows.isEmpty())
        return;
    const bool money
        = columns.at(valueColumn).toObject().value(QLatin1String("type")).toString() == u"money";
    int labelColumn = columnOfType(columns, QStringLiteral("text"));
    if (labelColumn < 0)
        labelColumn = 0;
    const bool oneDay
        = m_report.value(QLatin1String("from")) == m_report.value(QLatin1String("to"));
    const ReportCells cells(m_report.value(QLatin1String("currency")).toString(),
                            reportZone(m_report, m_session->settings()), oneDay);
    const QString labelType
        = columns.at(labelColumn).toObject().value(QLatin1String("type")).toString();

    auto *chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setVisible(false);
    chart->setMargins(QMargins(4, 4, 4, 4));
    // The section's title is above it: the chart names what it draws.
    chart->setTitle(setName.toHtmlEscaped());
    auto *set = new QBarSet(setName);
    QStringList categories;
    double top = 0;
    for (const QJsonValue &r : rows) {
        const QJsonArray row = r.toArray();
        const double v = row.at(valueColumn).toDouble() / (money ? 100.0 : 1.0);
        *set << v;
        top = qMax(top, v);
        // Qt Charts draws axis labels as HTML: the hub's words go in escaped.
        categories << PlainText::escaped(cells.text(labelType, row.at(labelColumn)));
    }
    QAbstractBarSeries *series
        = horizontal ? static_cast<QAbstractBarSeries *>(new QHorizontalBarSeries(chart))
                     : static_cast<QAbstractBarSeries *>(new QBarSeries(chart));
    series->append(set);
    if (histogram) {
        series->setBarWidth(0.98); // touching bars: a distribution, not separate things
        set->setColor(QColor(0x1e, 0x88, 0xe5));
    } else {
        set->setColor(QColor(0x2e, 0x7d, 0x32));
    }
    chart->addSeries(series);
    auto *categoryAxis = new QBarCategoryAxis(chart);
    categoryAxis->append(categories);
    auto *valueAxis = new QValueAxis(chart);
    valueAxis->setRange(0, niceMax(top));
    valueAxis->setLabelFormat(money ? QStringLiteral("%.0f") : QStringLiteral("%d"));
    if (!money)
        valueAxis->setTickCount(int(qMin(niceMax(top), 5.0)) + 1);
    chart->addAxis(categoryAxis, horizontal ? Qt::AlignLeft : Qt::AlignBottom);
    chart->addAxis(valueAxis, horizontal ? Qt::AlignBottom : Qt::AlignLeft);
    series->attachAxis(categoryAxis);
    series->attachAxis(valueAxis);
    if (money)
        valueAxis->setTitleText(
            PlainText::escaped(m_report.value(QLatin1String("currency")).toString()));

    auto *view = new QChartView(chart, m_body);
    view->setObjectName(QStringLiteral("chart_") + id);
    view->setRenderHint(QPainter::Antialiasing);
    view->setFocusPolicy(Qt::NoFocus);
    view->setMinimumHeight(horizontal ? qMax(160, 40 + 28 * int(rows.size())) : 240);
    view->setAccessibleName(sectionTitle(id, section.value(QLatin1String("title")).toString()));
    m_charts.insert(id, view);
}

static ReportDocument::Labels documentLabels(const QJsonObject &report)
{
    // The console's language in print and PDF too; the hub's words for columns.
    ReportDocument::Labels labels;
    labels.reportTitles
        = {{QStringLiteral("day"),
            QCoreApplication::translate("TableTap::ReportsView", "Day (Z) report")},
           {QStringLiteral("service"),
            QCoreApplication::translate("TableTap::ReportsView", "Speed of service")},
           {QStringLiteral("staff"),
            QCoreApplication::translate("TableTap::ReportsView", "Staff hours")}};
    const auto &titles = sectionTitles();
    for (auto it = titles.begin(); it != titles.end(); ++it)
        labels.sectionTitles.insert(
            it.key(), QCoreApplication::translate("TableTap::ReportsView", it.value()));
    labels.period = QCoreApplication::translate("TableTap::ReportsView", "Business dates");
    labels.generated = QCoreApplication::translate("TableTap::ReportsView", "Generated");
    labels.timeZone = QCoreApplication::translate("TableTap::ReportsView", "Times in");
    labels.noRows = QCoreApplication::translate("TableTap::ReportsView", "Nothing in this period.");
    labels.yes = QCoreApplication::translate("TableTap::ReportsView", "yes");
    labels.no = QCoreApplication::translate("TableTap::ReportsView", "no");
    labels.page = QCoreApplication::translate("TableTap::ReportsView", "Page %1 of %2");
    labels.locale = QLocale();
    for (const QJsonValue &sv : report.value(QLatin1String("sections")).toArray()) {
        const QJsonObject section = sv.toObject();
        const QString id = section.value(QLatin1String("id")).toString();
        for (const QJsonValue &cv : section.value(QLatin1String("columns")).toArray()) {
            const QJsonObject column = cv.toObject();
            labels.columnTitles.insert(
                id + QLatin1Char('/') + column.value(QLatin1String("key")).toString(),
                columnTitle(column.value(QLatin1String("title")).toString()));
        }
    }
    return labels;
}

void ReportsView::fillDocument()
{
    m_document->clear();
    if (!m_report.isEmpty())
        ReportDocument::fill(m_report, m_document, documentLabels(m_report));
}

QString ReportsView::defaultFileName(const QString &suffix) const
{
    const QString kind = m_report.value(QLatin1String("report")).toString();
    const QString first = m_report.value(QLatin1String("from")).toString();
    const QString last = m_report.value(QLatin1String("to")).toString();
    // The hub's words, but only the ones a file name can take.
    QString name = QStringLiteral("tabletap-%1-%2").arg(kind, first);
    if (last != first)
        name += QStringLiteral("-to-") + last;
    name.remove(QRegularExpression(QStringLiteral("[^A-Za-z0-9_.-]")));
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return QDir(dir.isEmpty() ? QDir::homePath() : dir).filePath(name + QLatin1Char('.') + suffix);
}

bool ReportsView::exportCsv(const QString &file, QString *error)
{
    if (m_report.isEmpty()) {
        *error = tr("There is no report to export yet.");
        return false;
    }
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly) || out.write(ReportFile::csv(m_report)) < 0
        || !out.commit()) {
        *error
            = tr("Could not write %1: %2").arg(QDir::toNativeSeparators(file), out.errorString());
        return false;
    }
    return true;
}

bool ReportsView::exportPdf(const QString &file, QString *error)
{
    if (m_report.isEmpty()) {
        *error = tr("There is no report to export yet.");
        return false;
    }
    QString why;
    if (!ReportDocument::writePdf(m_report, file, &why, documentLabels(m_report))) {
        *error = tr("Could not write %1: %2").arg(QDir::toNativeSeparators(file), why);
        return false;
    }
    return true;
}

void ReportsView::askExportCsv()
{
    const QString file = QFileDialog::getSaveFileName(this, tr("Export the report as CSV"),
                                                      defaultFileName(QStringLiteral("csv")),
                                                      tr("CSV files (*.csv)"));
    QString error;
    if (!file.isEmpty() && !exportCsv(file, &error))
        QMessageBox::warning(this, tr("Export CSV"), error);
}

void ReportsView::askExportPdf()
{
    const QString file = QFileDialog::getSaveFileName(this, tr("Export the report as PDF"),
                                                      defaultFileName(QStringLiteral("pdf")),
                                                      tr("PDF files (*.pdf)"));
    QString error;
    if (!file.isEmpty() && !exportPdf(file, &error))
        QMessageBox::warning(this, tr("Export PDF"), error);
}

void ReportsView::print()
{
    if (m_report.isEmpty())
        return;
    QPrinter printer(QPrinter::HighResolution);
    printer.setDocName(QFileInfo(defaultFileName(QStringLiteral("pdf"))).completeBaseName());
    QPrintDialog dialog(&printer, this);
    dialog.setWindowTitle(tr("Print the report"));
    if (dialog.exec() == QDialog::Accepted)
        m_document->print(&printer);
}

QPrintPreviewDialog *ReportsView::openPrintPreview()
{
    if (m_report.isEmpty())
        return nullptr;
    auto *preview = new QPrintPreviewDialog(this);
    preview->setAttribute(Qt::WA_DeleteOnClose);
    preview->setWindowTitle(tr("Print preview"));
    connect(preview, &QPrintPreviewDialog::paintRequested, this,
            [this](QPrinter *printer) { m_document->print(printer); });
    preview->open();
    return preview;
}

QTableView *ReportsView::sectionTable(const QString &sectionId) const
{
    return m_tables.value(sectionId);
}

QChartView *ReportsView::chart(const QString &sectionId) const
{
    return m_charts.value(sectionId);
}

} // namespace TableTap
