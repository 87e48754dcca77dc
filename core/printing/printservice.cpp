// PrintService: events into jobs, with the counter's set-up.
#include "printservice.h"

#include "consolesession.h"
#include "printlayouts.h"

#include <QLoggingCategory>

namespace TableTap {

Q_LOGGING_CATEGORY(lcPrinting, "tabletap.printing")

PrintService::PrintService(ConsoleSession *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_spooler(new PrintSpooler(this))
    , m_model(new PrintJobModel(m_spooler, this))
{
    connect(session, &ConsoleSession::eventApplied, this, &PrintService::onEvent);
    // The start is taken when the session first goes live, on its clock: a demo hub's clock is
    // shared with the session only once the hub runs.
    connect(session, &ConsoleSession::livenessChanged, this, [this](ConsoleSession::Liveness l) {
        if (l == ConsoleSession::Liveness::Live && !m_startedAt.isValid())
            m_startedAt = m_session->clock()->now();
    });
    connect(m_spooler, &PrintSpooler::printerStateChanged, this,
            [this](const QString &printer, Printer::State state) {
                const int waiting = m_spooler->waitingCount(printer);
                if ((state == Printer::State::Offline || state == Printer::State::OutOfPaper
                     || state == Printer::State::Error)
                    && waiting > 0)
                    Q_EMIT printerNeedsAttention(printer, Printer::stateText(state), waiting);
            });
}

void PrintService::setSetup(const PrintSetup &setup)
{
    m_setup = setup;
    m_spooler->setPrinters(setup.printers);
    Q_EMIT setupChanged();
}

QStringList PrintService::printersNeedingAttention() const
{
    QStringList out;
    for (Printer *p : m_spooler->printers())
        if (p->state() != Printer::State::Ready && p->state() != Printer::State::Unknown
            && m_spooler->waitingCount(p->name()) > 0)
            out.append(p->name());
    return out;
}

bool PrintService::isHistory(const EventMeta &meta) const
{
    return meta.timestamp.isValid() && m_startedAt.isValid()
           && meta.timestamp.msecsTo(m_startedAt) > StartSlackMs;
}

void PrintService::onEvent(const CafeEvent &e)
{
    if (isHistory(e.meta)) {
        qCDebug(lcPrinting) << "not printing an event from before this console started"
                            << e.meta.eventId;
        return;
    }
    if (const auto *p = std::get_if<OrderCreated>(&e.payload)) {
        const CounterPrinting *c = m_setup.counter(p->order.counter);
        if (!c)
            return;
        const QString key = QStringLiteral("created:") + p->order.id;
        if (c->ticketOnCreate && !c->ticketPrinter.isEmpty())
            queueTicket(p->order, c->counter, c->ticketPrinter, key + QStringLiteral(":ticket"));
        if (c->labels && !c->labelPrinter.isEmpty())
            queueLabels(p->order, c->counter, c->labelPrinter, key + QStringLiteral(":labels"));
    } else if (const auto *p = std::get_if<OrderAssignedCounter>(&e.payload)) {
        const CounterPrinting *c = m_setup.counter(p->newCounter);
        const Order *o = m_session->orders()->order(p->orderId);
        if (!c || !o || !c->ticketOnArrival || c->ticketPrinter.isEmpty())
            return;
        // One ticket per arrival: the event's id, else the move itself.
        const QString key
            = QStringLiteral("assigned:%1:%2:%3")
                  .arg(p->orderId, p->newCounter,
                       e.meta.eventId.isEmpty() ? p->previousCounter : e.meta.eventId);
        queueTicket(*o, c->counter, c->ticketPrinter, key,
                    tr("Moved from %1").arg(p->previousCounter));
    } else if (const auto *p = std::get_if<PaymentCompleted>(&e.payload)) {
        const Order *o = m_session->orders()->order(p->orderId);
        if (!o)
            return;
        const CounterPrinting *c = m_setup.counter(o->counter);
        if (!c || !c->receiptOnPayment || c->receiptPrinter.isEmpty())
            return;
        PrintLayouts::Payment pay{p->method, p->amount, std::nullopt, p->completedAt};
        queueReceipt(*o, c->receiptPrinter,
                     QStringLiteral("paid:%1:%2").arg(p->orderId, p->transactionId), pay);
    }
}

namespace {

PrintJob orderJob(PrintJob::Kind kind, const Order &order, const QString &counter,
                  const QString &printer)
{
    PrintJob job;
    job.kind = kind;
    job.orderId = order.id;
    job.orderNumber = order.number;
    job.counter = counter;
    job.printer = printer;
    job.title = PrintDocument::cleanText(order.number);
    return job;
}

} // namespace

QString PrintService::queueTicket(const Order &order, const QString &counter,
                                  const QString &printer, const QString &key, const QString &note)
{
    PrintJob job = orderJob(PrintJob::Kind::KitchenTicket, order, counter, printer);
    job.document = PrintLayouts::kitchenTicket(order, counter, m_session->clock()->now(), note);
    return m_spooler->enqueue(job, key);
}

void PrintService::queueLabels(const Order &order, const QString &counter, const QString &printer,
                               const QString &key)
{
    // Each label has its own key (key:1, key:2…): the first tells whether they went out.
    if (m_spooler->wasQueued(key + QStringLiteral(":1")))
        return;
    QHash<QString, QString> categories;
    for (const MenuProduct &p : m_session->menu())
        categories.insert(p.id, p.category);
    const QStringList drinkCategories = m_setup.labelCategories;
    const QList<PrintDocument> labels
        = PrintLayouts::cupLabels(order, [&](const QString &productId) {
              const auto it = categories.constFind(productId);
              return it == categories.cend()
                     || drinkCategories.contains(it.value(), Qt::CaseInsensitive);
          });
    for (int i = 0; i < labels.size(); ++i) {
        PrintJob job = orderJob(PrintJob::Kind::CupLabel, order, counter, printer);
        job.title = QStringLiteral("%1 %2/%3").arg(job.title).arg(i + 1).arg(labels.size());
        job.document = labels.at(i);
        m_spooler->enqueue(job, key + QStringLiteral(":%1").arg(i + 1));
    }
}

QString PrintService::queueReceipt(const Order &order, const QString &printer, const QString &key,
                                   const std::optional<PrintLayouts::Payment> &payment)
{
    PrintJob job = orderJob(PrintJob::Kind::Receipt, order, order.counter, printer);
    job.document
        = PrintLayouts::receipt(order, m_setup.receiptHeader, payment,
                                m_session->settings().value(QStringLiteral("currency")).toString());
    return m_spooler->enqueue(job, key);
}

QString PrintService::printTicket(const QString &orderId, QString *why)
{
    const Order *o = m_session->orders()->order(orderId);
    const CounterPrinting *c = o ? m_setup.counter(o->counter) : nullptr;
    if (!o || !c || c->ticketPrinter.isEmpty()) {
        if (why)
            *why = o ? tr("No ticket printer is set up for counter %1 at this console.")
                           .arg(o->counter)
                     : tr("The order is not in the queue.");
        return {};
    }
    const QString id = queueTicket(*o, c->counter, c->ticketPrinter, {}, tr("Reprint"));
    if (id.isEmpty() && why)
        *why = tr("The print queue is full.");
    return id;
}

QString PrintService::printReceipt(const QString &orderId, std::optional<Cents> cashReceived,
                                   QString *why)
{
    const Order *o = m_session->orders()->order(orderId);
    const CounterPrinting *c = o ? m_setup.counter(o->counter) : nullptr;
    QString printer = c ? c->receiptPrinter : QString();
    // A receipt on request goes to any receipt printer of this console when the order's counter
    // has none here.
    if (printer.isEmpty())
        for (const CounterPrinting &other : m_setup.counters)
            if (!other.receiptPrinter.isEmpty()) {
                printer = other.receiptPrinter;
                break;
            }
    if (!o || printer.isEmpty()) {
        if (why)
            *why = o ? tr("No receipt printer is set up at this console.")
                     : tr("The order is not in the queue.");
        return {};
    }
    std::optional<PrintLayouts::Payment> pay;
    for (const PaymentRecord &p : m_session->payments()->rows())
        if (p.orderId == orderId && p.status == QLatin1String("completed"))
            pay = PrintLayouts::Payment{p.method, p.amount, std::nullopt, p.updatedAt};
    if (pay && cashReceived && pay->method == QLatin1String("cash"))
        pay->cashReceived = cashReceived;
    const QString id = queueReceipt(*o, printer, {}, pay);
    if (id.isEmpty() && why)
        *why = tr("The print queue is full.");
    return id;
}

QString PrintService::printTestPage(const QString &printer)
{
    const PrinterConfig *c = m_setup.printer(printer);
    Printer *p = m_spooler->printer(printer);
    PrintJob job;
    job.kind = PrintJob::Kind::TestPage;
    job.printer = printer;
    job.title = tr("Test page");
    job.document = PrintLayouts::testPage(printer,
                                          c   ? c->address()
                                          : p ? p->address()
                                              : QString(),
                                          m_session->clock()->now());
    return m_spooler->enqueue(job);
}

} // namespace TableTap
