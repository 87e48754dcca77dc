// The Printing view: this console's printers with their state (ready, offline, out of paper)
// and the jobs waiting for them, the job list (reprint, cancel, retry now), a test page, and the
// printing set-up (managers only: which printer each counter prints tickets, labels and receipts
// on, and what prints when).
#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;
class QTableWidget;

namespace TableTap {

class ConsoleSession;
class PrintService;

class PrintingView final : public QWidget
{
    Q_OBJECT
public:
    PrintingView(PrintService *service, ConsoleSession *session, QWidget *parent = nullptr);

    QTableWidget *printersTable() const { return m_printers; }
    QTableView *jobsTable() const { return m_jobs; }
    QLabel *notice() const { return m_notice; }
    QPushButton *setupButton() const { return m_setup; }

public Q_SLOTS:
    void reprintCurrent();
    void cancelCurrent();
    void retryCurrent();
    void testPageForCurrent();
    // The set-up dialog (managers); saves to the console's settings when accepted.
    void editSetup();

Q_SIGNALS:
    // The set-up was changed here (the app saves it).
    void setupEdited();

private:
    void refreshPrinters();
    void updateButtons();
    QString currentJobId() const;

    PrintService *m_service;
    ConsoleSession *m_session;
    QLabel *m_notice;
    QTableWidget *m_printers;
    QTableView *m_jobs;
    QPushButton *m_test;
    QPushButton *m_setup;
    QPushButton *m_reprint;
    QPushButton *m_cancel;
    QPushButton *m_retry;
};

} // namespace TableTap
