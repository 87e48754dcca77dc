// The print queue: jobs go to their printer one at a time in order; a failed job (printer off,
// unreachable, out of paper) waits with a growing pause and is tried again, its printer's later
// jobs behind it, so nothing is lost and nothing blocks the thread. Jobs are kept on disk after
// every change (QSaveFile), so a console restart prints what was waiting. The queue is bounded:
// at most MaxWaiting jobs wait, at most MaxHistory finished ones are kept for reprint.
#pragma once

#include "printer.h"
#include "printjob.h"
#include "printsetup.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

namespace TableTap {

class PrintSpooler final : public QObject
{
    Q_OBJECT
public:
    static constexpr int MaxWaiting = 200;
    static constexpr int MaxHistory = 100;
    // Events already printed for (created, reassigned, paid), remembered so a replay never
    // prints twice.
    static constexpr int MaxPrintedKeys = 2000;
    static constexpr qint64 MaxFileBytes = 8 * 1024 * 1024;

    explicit PrintSpooler(QObject *parent = nullptr);
    ~PrintSpooler() override;

    // Where jobs are kept (a file path; empty: in memory only). Loads what is there.
    bool setStoreFile(const QString &path, QString *error = nullptr);
    QString storeFile() const { return m_file; }

    // The printers, made from the set-up (their jobs stay; a job whose printer is gone is held).
    void setPrinters(const QList<PrinterConfig> &printers);
    // For tests and the demo: a printer made elsewhere (the spooler takes ownership).
    void addPrinter(Printer *printer);
    QList<Printer *> printers() const;
    Printer *printer(const QString &name) const { return m_printers.value(name); }

    // Pause before the n-th retry: initial * 2^(n-1), at most max (ms).
    void setBackoff(int initialMs, int maxMs);

    // Queues a job; returns its id, or empty when the queue is full (jobRefused follows). A
    // non-empty key that was printed for before is not queued again (returns empty, no signal).
    QString enqueue(PrintJob job, const QString &key = {});
    bool wasQueued(const QString &key) const { return m_keys.contains(key); }

    const QList<PrintJob> &jobs() const { return m_jobs; }
    const PrintJob *job(const QString &id) const;
    int waitingCount(const QString &printer = {}) const;

    // A new job with the same document (any job, also a cancelled or failed one).
    QString reprint(const QString &id);
    // Takes a queued, retrying or held job out of the queue (not one with the printer now).
    bool cancel(const QString &id);
    // Tries a retrying or held job (and so its printer's queue) at once.
    bool retryNow(const QString &id);

Q_SIGNALS:
    void jobAdded(const QString &id);
    void jobChanged(const QString &id);
    void jobsRemoved();
    void jobRefused(const TableTap::PrintJob &job);
    void printerStateChanged(const QString &printer, TableTap::Printer::State state);
    void printersChanged();

private:
    void schedule();
    void pump();
    void onFinished(const QString &printer, bool ok, const QString &error);
    int indexOf(const QString &id) const;
    void trimHistory();
    void save();
    bool load(QString *error);
    void holdOrphans();

    QList<PrintJob> m_jobs; // oldest first
    QHash<QString, QPointer<Printer>> m_printers;
    QHash<QString, QString> m_inFlight; // printer → job id
    QSet<QString> m_keys;
    QStringList m_keyOrder;
    QString m_file;
    QTimer m_timer;
    int m_backoffInitialMs = 2000;
    int m_backoffMaxMs = 60000;
    quint64 m_seq = 0;
};

} // namespace TableTap
