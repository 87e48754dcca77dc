// PrintingView: printers, jobs, their buttons and the set-up dialog.
#include "printingview.h"

#include "plaintextdelegate.h"
#include "printsetupdialog.h"

#include "consolesession.h"
#include "printservice.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace TableTap {

PrintingView::PrintingView(PrintService *service, ConsoleSession *session, QWidget *parent)
    : QWidget(parent)
    , m_service(service)
    , m_session(session)
    , m_notice(new QLabel(this))
    , m_printers(new QTableWidget(0, 4, this))
    , m_jobs(new QTableView(this))
    , m_test(new QPushButton(tr("Test page"), this))
    , m_setup(new QPushButton(tr("Printer set-up…"), this))
    , m_reprint(new QPushButton(tr("Reprint"), this))
    , m_cancel(new QPushButton(tr("Cancel job"), this))
    , m_retry(new QPushButton(tr("Retry now"), this))
{
    m_notice->setTextFormat(Qt::PlainText);
    m_notice->setWordWrap(true);
    m_notice->setObjectName(QStringLiteral("printingNotice"));
    m_notice->setStyleSheet(QStringLiteral("QLabel { color: #a33; font-weight: bold; }"));

    m_printers->setObjectName(QStringLiteral("printers"));
    m_printers->setAccessibleName(tr("Printers"));
    m_printers->setHorizontalHeaderLabels(
        {tr("Printer"), tr("Where"), tr("State"), tr("Jobs waiting")});
    m_printers->horizontalHeader()->setStretchLastSection(true);
    m_printers->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_printers->verticalHeader()->hide();
    m_printers->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_printers->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_printers->setSelectionMode(QAbstractItemView::SingleSelection);
    m_printers->setMaximumHeight(m_printers->fontMetrics().height() * 9);
    PlainTextDelegate::install(m_printers);

    m_jobs->setObjectName(QStringLiteral("printJobs"));
    m_jobs->setAccessibleName(tr("Print jobs"));
    m_jobs->setModel(service->jobs());
    m_jobs->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_jobs->setSelectionMode(QAbstractItemView::SingleSelection);
    m_jobs->verticalHeader()->hide();
    m_jobs->horizontalHeader()->setStretchLastSection(true);
    m_jobs->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    PlainTextDelegate::install(m_jobs); // order numbers and errors carry network text

    m_test->setToolTip(tr("Print a test page on the selected printer"));
    m_setup->setToolTip(tr("Printers and, per counter, what prints where (managers)"));
    m_reprint->setToolTip(tr("Print the selected job again"));
    m_cancel->setToolTip(tr("Take the selected job out of the queue"));
    m_retry->setToolTip(tr("Try the selected job's printer again now"));
    m_test->setObjectName(QStringLiteral("printTestPage"));
    m_setup->setObjectName(QStringLiteral("printSetup"));
    m_reprint->setObjectName(QStringLiteral("printReprint"));
    m_cancel->setObjectName(QStringLiteral("printCancel"));
    m_retry->setObjectName(QStringLiteral("printRetry"));

    auto *printersTitle = new QLabel(tr("Printers"), this);
    printersTitle->setBuddy(m_printers);
    auto *jobsTitle = new QLabel(tr("Jobs (newest first)"), this);
    jobsTitle->setBuddy(m_jobs);
    auto *printerButtons = new QHBoxLayout;
    printerButtons->addWidget(m_test);
    printerButtons->addWidget(m_setup);
    printerButtons->addStretch(1);
    auto *jobButtons = new QHBoxLayout;
    jobButtons->addWidget(m_reprint);
    jobButtons->addWidget(m_cancel);
    jobButtons->addWidget(m_retry);
    jobButtons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_notice);
    layout->addWidget(printersTitle);
    layout->addWidget(m_printers);
    layout->addLayout(printerButtons);
    layout->addWidget(jobsTitle);
    layout->addWidget(m_jobs, 1);
    layout->addLayout(jobButtons);

    connect(m_test, &QPushButton::clicked, this, &PrintingView::testPageForCurrent);
    connect(m_setup, &QPushButton::clicked, this, &PrintingView::editSetup);
    connect(m_reprint, &QPushButton::clicked, this, &PrintingView::reprintCurrent);
    connect(m_cancel, &QPushButton::clicked, this, &PrintingView::cancelCurrent);
    connect(m_retry, &QPushButton::clicked, this, &PrintingView::retryCurrent);
    PrintSpooler *spooler = service->spooler();
    connect(spooler, &PrintSpooler::printersChanged, this, &PrintingView::refreshPrinters);
    connect(spooler, &PrintSpooler::printerStateChanged, this, &PrintingView::refreshPrinters);
    connect(spooler, &PrintSpooler::jobChanged, this, [this] {
        refreshPrinters();
        updateButtons();
    });
    connect(spooler, &PrintSpooler::jobAdded, this, &PrintingView::refreshPrinters);
    connect(spooler, &PrintSpooler::jobsRemoved, this, &PrintingView::refreshPrinters);
    connect(m_jobs->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &PrintingView::updateButtons);
    connect(m_printers, &QTableWidget::itemSelectionChanged, this, &PrintingView::updateButtons);
    connect(session, &ConsoleSession::identityChanged, this, &PrintingView::updateButtons);
    refreshPrinters();
    updateButtons();
}

void PrintingView::refreshPrinters()
{
    const QString selected
        = m_printers->currentRow() >= 0 && m_printers->item(m_printers->currentRow(), 0)
              ? m_printers->item(m_printers->currentRow(), 0)->text()
              : QString();
    const QList<Printer *> printers = m_service->spooler()->printers();
    m_printers->setRowCount(int(printers.size()));
    QStringList attention;
    for (int row = 0; row < printers.size(); ++row) {
        Printer *p = printers.at(row);
        const int waiting = m_service->spooler()->waitingCount(p->name());
        QString state = Printer::stateText(p->state());
        if (!p->lastError().isEmpty())
            state += QStringLiteral(" (") + p->lastError() + QLatin1Char(')');
        const QStringList cells{p->name(), p->address(), state, QString::number(waiting)};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = m_printers->item(row, c);
            if (!item) {
                item = new QTableWidgetItem;
                m_printers->setItem(row, c, item);
            }
            item->setText(cells.at(c));
        }
        if ((p->state() == Printer::State::Offline || p->state() == Printer::State::OutOfPaper
             || p->state() == Printer::State::Error)
            && waiting > 0)
            attention.append(tr("%1 is %2 with %n job(s) waiting", nullptr, waiting)
                                 .arg(p->name(), Printer::stateText(p->state())));
        if (p->name() == selected)
            m_printers->setCurrentCell(row, 0);
    }
    if (printers.isEmpty())
        m_notice->setText(tr("No printers are set up at this console: nothing prints here."));
    else
        m_notice->setText(attention.join(QLatin1Char('\n')));
    m_notice->setVisible(!m_notice->text().isEmpty());
    updateButtons();
}

QString PrintingView::currentJobId() const
{
    const QModelIndex i = m_jobs->currentIndex();
    return i.isValid() ? i.siblingAtColumn(0).data(PrintJobModel::JobIdRole).toString() : QString();
}

void PrintingView::updateButtons()
{
    const PrintJob *j = m_service->spooler()->job(currentJobId());
    m_reprint->setEnabled(j);
    m_cancel->setEnabled(j
                         && (j->state == PrintJob::State::Queued
                             || j->state == PrintJob::State::Retrying
                             || j->state == PrintJob::State::Held));
    m_retry->setEnabled(
        j && (j->state == PrintJob::State::Retrying || j->state == PrintJob::State::Held));
    m_test->setEnabled(m_printers->currentRow() >= 0);
    m_setup->setVisible(m_session->identity().isManager());
}

void PrintingView::reprintCurrent()
{
    m_service->spooler()->reprint(currentJobId());
}

void PrintingView::cancelCurrent()
{
    m_service->spooler()->cancel(currentJobId());
    updateButtons();
}

void PrintingView::retryCurrent()
{
    m_service->spooler()->retryNow(currentJobId());
    updateButtons();
}

void PrintingView::testPageForCurrent()
{
    const int row = m_printers->currentRow();
    if (row >= 0 && m_printers->item(row, 0))
        m_service->printTestPage(m_printers->item(row, 0)->text());
}

void PrintingView::editSetup()
{
    if (!m_session->identity().isManager())
        return;
    QStringList counters;
    for (const CounterInfo &c : m_session->counters()->rows())
        counters.append(c.name);
    PrintSetupDialog dialog(m_service->setup(), counters, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const PrintSetup setup = dialog.setup();
    QSettings settings;
    setup.save(settings);
    m_service->setSetup(setup);
    Q_EMIT setupEdited();
}

} // namespace TableTap
