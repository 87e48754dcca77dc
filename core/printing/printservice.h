// Printing in the shop for one console: the spooler and the set-up, and the triggers from the
// session's live events (order created → kitchen ticket and cup labels at its counter's printers,
// order assigned to a counter → a ticket there, payment completed → a receipt), each event
// printed once however often it arrives (a replay after a reconnect or a restart) and only events
// of this console's run, never the history a snapshot brings.
#pragma once

#include "printjobmodel.h"
#include "printlayouts.h"
#include "printsetup.h"
#include "printspooler.h"

#include "cafeevent.h"
#include "money.h"

#include <QDateTime>
#include <QObject>

#include <optional>

namespace TableTap {

class ConsoleSession;

class PrintService final : public QObject
{
    Q_OBJECT
public:
    // How far before this console started an event may be stamped and still print (a hub's
    // clock a little behind this computer's).
    static constexpr qint64 StartSlackMs = 30000;

    explicit PrintService(ConsoleSession *session, QObject *parent = nullptr);

    PrintSpooler *spooler() const { return m_spooler; }
    PrintJobModel *jobs() const { return m_model; }
    const PrintSetup &setup() const { return m_setup; }
    // Applies a set-up (the caller keeps it in the settings).
    void setSetup(const PrintSetup &setup);
    // Events stamped before this are history (default: when the session first went live).
    void setStartedAt(const QDateTime &at) { m_startedAt = at; }

    // On request (queue details, payments view): empty when there is no printer for it or the
    // queue is full; *why says which (translated).
    QString printTicket(const QString &orderId, QString *why = nullptr);
    QString printReceipt(const QString &orderId, std::optional<Cents> cashReceived = std::nullopt,
                         QString *why = nullptr);
    QString printTestPage(const QString &printer);

    // A printer that is not ready and has jobs waiting, for the status strip.
    QStringList printersNeedingAttention() const;

Q_SIGNALS:
    // A printer went offline or out of paper while jobs wait for it (a toast).
    void printerNeedsAttention(const QString &printer, const QString &state, int waiting);
    void setupChanged();

private:
    void onEvent(const CafeEvent &event);
    bool isHistory(const EventMeta &meta) const;
    QString queueTicket(const Order &order, const QString &counter, const QString &printer,
                        const QString &key, const QString &note = {});
    void queueLabels(const Order &order, const QString &counter, const QString &printer,
                     const QString &key);
    QString queueReceipt(const Order &order, const QString &printer, const QString &key,
                         const std::optional<PrintLayouts::Payment> &payment);

    ConsoleSession *m_session;
    PrintSpooler *m_spooler;
    PrintJobModel *m_model;
    PrintSetup m_setup;
    QDateTime m_startedAt;
};

} // namespace TableTap
