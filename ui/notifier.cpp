// Notifications.
#include "notifier.h"

#include "consolesession.h"
#include "consolesettings.h"
#include "soundplayer.h"
#include "toaststack.h"

#include <QTimerEvent>

namespace TableTap {

namespace {
const QString ReadyGroup = QStringLiteral("ready");
const QString StockGroup = QStringLiteral("stock");
const QString RefusedGroup = QStringLiteral("refused");
const QString PaymentGroup = QStringLiteral("payment");
} // namespace

Notifier::Notifier(ConsoleSession *session, ToastStack *toasts, SoundPlayer *sounds,
                   ConsoleSettings *settings, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_toasts(toasts)
    , m_sounds(sounds)
    , m_settings(settings)
{
    applySettings();
    connect(settings, &ConsoleSettings::notificationsChanged, this, &Notifier::applySettings);
    connect(session, &ConsoleSession::orderReady, this,
            [this](const QString &number, const QString &customer, const QString &counter) {
                if (!concernsThisStation(counter))
                    return;
                m_sounds->play(SoundPlayer::Sound::OrderReady);
                if (!m_readyToasts)
                    return;
                gather(m_ready, ReadyGroup, number);
                // The count is of orders waiting at the pass: those collected meanwhile leave it.
                m_ready.removeIf(
                    [this, &number](const QString &n) { return n != number && noLongerReady(n); });
                const QStringList &ready = m_ready;
                if (ready.size() == 1)
                    m_toasts->post(ToastStack::Kind::Success, tr("Order %1 is ready").arg(number),
                                   counter.isEmpty() ? tr("for %1").arg(customer)
                                                     : tr("for %1 at %2").arg(customer, counter),
                                   -1, ReadyGroup);
                else
                    m_toasts->post(ToastStack::Kind::Success,
                                   tr("%n order(s) ready", nullptr, int(ready.size())),
                                   ready.join(QStringLiteral(", ")), -1, ReadyGroup);
            });
    connect(session, &ConsoleSession::orderCreated, this,
            [this](const QString &, const QString &, const QString &counter) {
                if (m_newOrderSound && concernsThisStation(counter))
                    m_sounds->play(SoundPlayer::Sound::NewOrder);
            });
    connect(session, &ConsoleSession::stockAlertRaised, this, &Notifier::onStockAlert);
    connect(session->alerts(), &StockAlertModel::ringingChanged, this, &Notifier::onRinging);
    if (session->alerts()->isRinging())
        onRinging(true);
    connect(session, &ConsoleSession::commandFinished, this,
            [this](const QString &requestId, bool ok, const QString &type, const QString &message) {
                if (ok || !m_refusedToasts)
                    return;
                const OutboxEntry *e = m_session->outbox()->entry(requestId);
                const QString what = e ? e->description : requestId;
                const QString text = message.isEmpty() ? type : message;
                const QStringList &refused
                    = gather(m_refused, RefusedGroup, what + QStringLiteral(" (") + text + u')');
                if (refused.size() == 1)
                    m_toasts->post(ToastStack::Kind::Error, tr("Refused: %1").arg(what), text,
                                   m_settings->toastSeconds() * 1500, RefusedGroup);
                else
                    m_toasts->post(ToastStack::Kind::Error,
                                   tr("%n action(s) refused", nullptr, int(refused.size())),
                                   refused.join(QStringLiteral("; ")),
                                   m_settings->toastSeconds() * 1500, RefusedGroup);
            });
    // Neither answered nor confirmed by its event: the user must look before acting again.
    connect(session, &ConsoleSession::commandUnconfirmed, this,
            [this](const QString &requestId, const QString &why) {
                if (!m_refusedToasts)
                    return;
                const OutboxEntry *e = m_session->outbox()->entry(requestId);
                m_toasts->post(ToastStack::Kind::Warning,
                               tr("Unknown: %1").arg(e ? e->description : requestId),
                               tr("%1. Check it before doing it again.").arg(why),
                               m_settings->toastSeconds() * 1500);
            });
    // A server's error event that answers none of this console's actions.
    connect(session, &ConsoleSession::serverError, this,
            [this](const QString &, const QString &type, const QString &message,
                   const QString &command) {
                if (!m_refusedToasts)
                    return;
                const QString text = message.isEmpty() ? type : message;
                m_toasts->post(ToastStack::Kind::Error,
                               command.isEmpty() ? tr("The server reported an error")
                                                 : tr("The server refused %1").arg(command),
                               text, m_settings->toastSeconds() * 1500);
            });
    connect(session, &ConsoleSession::paymentFailed, this,
            [this](const QString &number, const QString &message, bool retryAllowed) {
                if (!m_paymentToasts)
                    return;
                const QStringList &failed = gather(m_payments, PaymentGroup, number);
                if (failed.size() == 1)
                    m_toasts->post(
                        ToastStack::Kind::Warning, tr("Payment failed for %1").arg(number),
                        retryAllowed ? tr("%1 — it can be retried from Payments.").arg(message)
                                     : message,
                        -1, PaymentGroup);
                else
                    m_toasts->post(
                        ToastStack::Kind::Warning,
                        tr("%n payment(s) failed", nullptr, int(failed.size())),
                        tr("Orders %1 — see Payments.").arg(failed.join(QStringLiteral(", "))), -1,
                        PaymentGroup);
            });
}

bool Notifier::concernsThisStation(const QString &counter) const
{
    const QString followed = m_session->followedCounter();
    return followed.isEmpty() || counter.isEmpty() || counter == followed;
}

bool Notifier::noLongerReady(const QString &number) const
{
    for (const Order &o : m_session->orders()->rows())
        if (o.number == number)
            return o.status != OrderStatus::Ready;
    return false; // not (yet) in the queue: the event is all we know
}

const QStringList &Notifier::gather(QStringList &items, const QString &group, const QString &item)
{
    if (!m_toasts->isShowing(group))
        items.clear(); // its toast is gone: the next one starts afresh
    items.removeAll(item);
    items.append(item);
    return items;
}

void Notifier::onStockAlert(const StockAlert &alert)
{
    const bool critical = alert.rank() >= 3;
    // Low stock is the manager's business; running out affects everybody at the counter.
    if (!critical && !m_session->identity().isManager())
        return;
    // The ringing timer sounds critical alerts; a lower one chimes once.
    if (!critical)
        m_sounds->play(SoundPlayer::Sound::StockLow);
    if (!m_stockToasts)
        return;
    const QString title = alert.outOfStock
                              ? tr("%1 is out of stock").arg(alert.productName)
                              : tr("%1 is running low (%2)").arg(alert.productName, alert.priority);
    const bool showing = m_toasts->isShowing(StockGroup);
    m_stockCritical = (showing && m_stockCritical) || critical;
    const QStringList &alerts = gather(m_stock, StockGroup, alert.productName);
    const ToastStack::Kind kind
        = m_stockCritical ? ToastStack::Kind::Error : ToastStack::Kind::Warning;
    if (alerts.size() > 1) {
        m_toasts->post(kind, tr("%n stock alert(s)", nullptr, int(alerts.size())),
                       alerts.join(QStringLiteral(", ")), -1, StockGroup);
        return;
    }
    QString text;
    if (!alert.affects.isEmpty())
        text = tr("Affects: %1").arg(alert.affects.join(QStringLiteral(", ")));
    else
        text = tr("%1 left, reorder at %2")
                   .arg(QString::number(alert.currentStock, 'g', 10),
                        QString::number(alert.reorderLevel, 'g', 10));
    m_toasts->post(kind, title, text, -1, StockGroup);
}

void Notifier::onRinging(bool ringing)
{
    if (ringing) {
        m_sounds->play(SoundPlayer::Sound::StockCritical);
        m_ring.start(m_settings->alertRepeatSeconds() * 1000, this);
    } else {
        m_ring.stop();
    }
}

void Notifier::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_ring.timerId()) {
        QObject::timerEvent(event);
        return;
    }
    if (m_session->alerts()->isRinging())
        m_sounds->play(SoundPlayer::Sound::StockCritical);
    else
        m_ring.stop();
}

void Notifier::applySettings()
{
    m_newOrderSound = m_settings->newOrderSound();
    using K = ConsoleSettings::ToastKind;
    m_readyToasts = m_settings->toastEnabled(K::OrderReady);
    m_stockToasts = m_settings->toastEnabled(K::StockAlert);
    m_refusedToasts = m_settings->toastEnabled(K::Refused);
    m_paymentToasts = m_settings->toastEnabled(K::PaymentFailed);
    m_sounds->setMuted(m_settings->muted());
    m_toasts->setMaxVisible(m_settings->maxToasts());
    m_toasts->setTimeout(m_settings->toastSeconds() * 1000);
    if (m_ring.isActive())
        m_ring.start(m_settings->alertRepeatSeconds() * 1000, this);
}

} // namespace TableTap
