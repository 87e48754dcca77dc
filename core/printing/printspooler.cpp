// PrintSpooler: the queue, its order per printer, retry, the file.
#include "printspooler.h"

#include "networkprinter.h"
#include "systemprinter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QUuid>

namespace TableTap {

PrintSpooler::PrintSpooler(QObject *parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &PrintSpooler::pump);
}

PrintSpooler::~PrintSpooler()
{
    for (const QPointer<Printer> &p : std::as_const(m_printers))
        if (p)
            p->disconnect(this);
}

bool PrintSpooler::setStoreFile(const QString &path, QString *error)
{
    m_file = path;
    if (m_file.isEmpty())
        return true;
    const bool ok = load(error);
    holdOrphans();
    schedule();
    return ok;
}

void PrintSpooler::setBackoff(int initialMs, int maxMs)
{
    m_backoffInitialMs = qMax(1, initialMs);
    m_backoffMaxMs = qMax(m_backoffInitialMs, maxMs);
}

void PrintSpooler::addPrinter(Printer *printer)
{
    const QString name = printer->name();
    if (Printer *old = m_printers.value(name)) {
        old->disconnect(this);
        old->deleteLater();
        // Its job in flight goes back to the queue (a ticket twice rather than none).
        if (const QString id = m_inFlight.take(name); !id.isEmpty())
            if (const int i = indexOf(id); i >= 0 && m_jobs[i].state == PrintJob::State::Printing)
                m_jobs[i].state = PrintJob::State::Queued;
    }
    printer->setParent(this);
    m_printers.insert(name, printer);
    // Queued: a printer that prints synchronously (PDF) finishes inside print(), and the spooler
    // must not change its lists while it is walking them.
    connect(
        printer, &Printer::finished, this,
        [this, name](bool ok, const QString &error) { onFinished(name, ok, error); },
        Qt::QueuedConnection);
    connect(printer, &Printer::stateChanged, this,
            [this, name](Printer::State s) { Q_EMIT printerStateChanged(name, s); });
    // Jobs held for a printer of this name may go now.
    for (PrintJob &j : m_jobs)
        if (j.printer == name && j.state == PrintJob::State::Held && j.lastError.isEmpty()) {
            j.state = PrintJob::State::Queued;
            Q_EMIT jobChanged(j.id);
        }
    Q_EMIT printersChanged();
    schedule();
}

void PrintSpooler::setPrinters(const QList<PrinterConfig> &configs)
{
    QSet<QString> names;
    for (const PrinterConfig &c : configs) {
        names.insert(c.name);
        Printer *p = nullptr;
        if (c.kind == PrinterConfig::Kind::Network) {
            NetworkPrinter::Options o;
            o.host = c.host;
            o.port = c.port;
            o.checkPaper = c.checkPaper;
            o.codePage = c.codePage;
            o.columns = c.columns;
            p = new NetworkPrinter(c.name, o);
        } else {
            p = new SystemPrinter(c.name,
                                  c.kind == PrinterConfig::Kind::System
                                      ? SystemPrinter::Target::System
                                      : SystemPrinter::Target::PdfFolder,
                                  c.kind == PrinterConfig::Kind::System ? c.systemName : c.folder);
        }
        addPrinter(p);
    }
    for (const QString &name : m_printers.keys())
        if (!names.contains(name)) {
            if (Printer *p = m_printers.take(name)) {
                p->disconnect(this);
                p->deleteLater();
            }
            if (const QString id = m_inFlight.take(name); !id.isEmpty())
                if (const int i = indexOf(id); i >= 0)
                    m_jobs[i].state = PrintJob::State::Queued;
        }
    holdOrphans();
    save();
    Q_EMIT printersChanged();
    schedule();
}

QList<Printer *> PrintSpooler::printers() const
{
    QList<Printer *> out;
    for (const QPointer<Printer> &p : m_printers)
        if (p)
            out.append(p);
    std::sort(out.begin(), out.end(), [](Printer *a, Printer *b) { return a->name() < b->name(); });
    return out;
}

void PrintSpooler::holdOrphans()
{
    for (PrintJob &j : m_jobs)
        if ((j.state == PrintJob::State::Queued || j.state == PrintJob::State::Retrying)
            && !m_printers.contains(j.printer)) {
            j.state = PrintJob::State::Held;
            j.lastError.clear();
            Q_EMIT jobChanged(j.id);
        }
}

QString PrintSpooler::enqueue(PrintJob job, const QString &key)
{
    if (!key.isEmpty() && m_keys.contains(key))
        return {};
    if (waitingCount() >= MaxWaiting) {
        Q_EMIT jobRefused(job);
        return {};
    }
    if (!key.isEmpty()) {
        m_keys.insert(key);
        m_keyOrder.append(key);
        while (m_keyOrder.size() > MaxPrintedKeys)
            m_keys.remove(m_keyOrder.takeFirst());
    }
    job.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    job.createdAt = QDateTime::currentDateTimeUtc();
    job.attempts = 0;
    job.lastError.clear();
    job.printedAt = {};
    job.state = m_printers.contains(job.printer) ? PrintJob::State::Queued : PrintJob::State::Held;
    m_jobs.append(job);
    trimHistory();
    save();
    Q_EMIT jobAdded(job.id);
    schedule();
    return job.id;
}

const PrintJob *PrintSpooler::job(const QString &id) const
{
    const int i = indexOf(id);
    return i < 0 ? nullptr : &m_jobs.at(i);
}

int PrintSpooler::indexOf(const QString &id) const
{
    for (int i = 0; i < m_jobs.size(); ++i)
        if (m_jobs.at(i).id == id)
            return i;
    return -1;
}

int PrintSpooler::waitingCount(const QString &printer) const
{
    int n = 0;
    for (const PrintJob &j : m_jobs)
        if (j.isWaiting() && (printer.isEmpty() || j.printer == printer))
            ++n;
    return n;
}

QString PrintSpooler::reprint(const QString &id)
{
    const PrintJob *j = job(id);
    if (!j)
        return {};
    PrintJob copy = *j;
    return enqueue(copy);
}

bool PrintSpooler::cancel(const QString &id)
{
    const int i = indexOf(id);
    if (i < 0)
        return false;
    PrintJob &j = m_jobs[i];
    if (j.state != PrintJob::State::Queued && j.state != PrintJob::State::Retrying
        && j.state != PrintJob::State::Held)
        return false;
    j.state = PrintJob::State::Cancelled;
    Q_EMIT jobChanged(id);
    trimHistory();
    save();
    schedule();
    return true;
}

bool PrintSpooler::retryNow(const QString &id)
{
    const int i = indexOf(id);
    if (i < 0)
        return false;
    PrintJob &j = m_jobs[i];
    if (j.state != PrintJob::State::Retrying && j.state != PrintJob::State::Held)
        return false;
    if (!m_printers.contains(j.printer)) {
        j.state = PrintJob::State::Held;
        return false;
    }
    j.state = PrintJob::State::Queued;
    j.nextAttemptAt = {};
    // The printer's queue goes in order: its earlier waiting jobs are due now too.
    for (PrintJob &o : m_jobs)
        if (o.printer == j.printer && o.state == PrintJob::State::Retrying)
            o.nextAttemptAt = {};
    save();
    Q_EMIT jobChanged(id);
    schedule();
    return true;
}

void PrintSpooler::schedule()
{
    // Later, from the event loop: callers are often in the middle of something.
    m_timer.start(0);
}

void PrintSpooler::pump()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    qint64 nextMs = -1;
    bool started = false;
    QSet<QString> seen; // printers whose first waiting job was looked at
    for (PrintJob &j : m_jobs) {
        if (!(j.state == PrintJob::State::Queued || j.state == PrintJob::State::Retrying
              || j.state == PrintJob::State::Printing))
            continue;
        if (seen.contains(j.printer))
            continue; // one job per printer at a time, in order
        seen.insert(j.printer);
        if (j.state == PrintJob::State::Printing)
            continue;
        Printer *p = m_printers.value(j.printer);
        if (!p || p->isBusy())
            continue;
        if (j.nextAttemptAt.isValid() && j.nextAttemptAt > now) {
            const qint64 wait = now.msecsTo(j.nextAttemptAt);
            nextMs = nextMs < 0 ? wait : qMin(nextMs, wait);
            continue;
        }
        j.state = PrintJob::State::Printing;
        ++j.attempts;
        m_inFlight.insert(j.printer, j.id);
        started = true;
        Q_EMIT jobChanged(j.id);
        const QString name
            = QStringLiteral("%1-%2-%3")
                  .arg(j.orderNumber.isEmpty() ? QStringLiteral("job") : j.orderNumber,
                       PrintJob::kindName(j.kind), j.id.left(8));
        p->print(j.document, name);
    }
    if (started)
        save();
    if (nextMs >= 0)
        m_timer.start(int(qMin<qint64>(nextMs + 1, m_backoffMaxMs)));
}

void PrintSpooler::onFinished(const QString &printer, bool ok, const QString &error)
{
    const QString id = m_inFlight.take(printer);
    const int i = indexOf(id);
    if (i >= 0 && m_jobs[i].state == PrintJob::State::Printing) {
        PrintJob &j = m_jobs[i];
        if (ok) {
            j.state = PrintJob::State::Done;
            j.printedAt = QDateTime::currentDateTimeUtc();
            j.lastError.clear();
            j.nextAttemptAt = {};
        } else {
            j.state = PrintJob::State::Retrying;
            j.lastError = error;
            const int shift = qMin(j.attempts - 1, 20);
            const qint64 pause
                = qMin<qint64>(qint64(m_backoffInitialMs) << qMax(0, shift), m_backoffMaxMs);
            j.nextAttemptAt = QDateTime::currentDateTimeUtc().addMSecs(pause);
        }
        trimHistory();
        save();
        Q_EMIT jobChanged(id);
    }
    schedule();
}

void PrintSpooler::trimHistory()
{
    int finished = 0;
    for (const PrintJob &j : m_jobs)
        if (!j.isWaiting())
            ++finished;
    bool removed = false;
    for (int i = 0; i < m_jobs.size() && finished > MaxHistory;) {
        if (!m_jobs.at(i).isWaiting()) {
            m_jobs.removeAt(i);
            --finished;
            removed = true;
        } else {
            ++i;
        }
    }
    if (removed)
        Q_EMIT jobsRemoved();
}

void PrintSpooler::save()
{
    if (m_file.isEmpty())
        return;
    QJsonArray jobs;
    for (const PrintJob &j : m_jobs)
        jobs.append(j.toJson());
    QJsonArray keys;
    for (const QString &k : m_keyOrder)
        keys.append(k);
    const QByteArray bytes = QJsonDocument(QJsonObject{{QStringLiteral("version"), 1},
                                                       {QStringLiteral("jobs"), jobs},
                                                       {QStringLiteral("printed_keys"), keys}})
                                 .toJson(QJsonDocument::Compact);
    QDir().mkpath(QFileInfo(m_file).absolutePath());
    QSaveFile f(m_file);
    if (f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size())
        f.commit();
}

bool PrintSpooler::load(QString *error)
{
    QFile f(m_file);
    if (!f.exists())
        return true;
    if (f.size() > MaxFileBytes || !f.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("cannot read %1").arg(m_file);
        return false;
    }
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(f.read(MaxFileBytes), &pe);
    if (!doc.isObject()) {
        if (error)
            *error = tr("%1 is not a print queue: %2").arg(m_file, pe.errorString());
        return false;
    }
    const QJsonObject root = doc.object();
    QList<PrintJob> jobs;
    int waiting = 0;
    for (const QJsonValue &v : root.value(QStringLiteral("jobs")).toArray()) {
        bool ok = false;
        PrintJob j = PrintJob::fromJson(v.toObject(), &ok);
        if (!ok || indexOf(j.id) >= 0)
            continue;
        if (j.isWaiting() && ++waiting > MaxWaiting)
            continue;
        jobs.append(j);
    }
    m_jobs += jobs;
    for (const QJsonValue &v : root.value(QStringLiteral("printed_keys")).toArray()) {
        const QString k = v.toString().left(200);
        if (k.isEmpty() || m_keys.contains(k))
            continue;
        m_keys.insert(k);
        m_keyOrder.append(k);
    }
    while (m_keyOrder.size() > MaxPrintedKeys)
        m_keys.remove(m_keyOrder.takeFirst());
    trimHistory();
    Q_EMIT jobsRemoved(); // whole list changed
    return true;
}

} // namespace TableTap
