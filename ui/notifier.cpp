// Notifications.
#include "notifier.h"

#include "cafesession.h"
#include "consolesettings.h"
#include "soundplayer.h"
#include "toaststack.h"

#include <QTimerEvent>

namespace TableTap {

Notifier::Notifier(CafeSession *session, ToastStack *toasts, SoundPlayer *sounds,
                   ConsoleSettings *settings, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_toasts(toasts)
    , m_sounds(sounds)
    , m_settings(settings)
{
    applySettings();
    connect(settings, &ConsoleSettings::notificationsChanged, this, &Notifier::applySettings);
    connect(session, &CafeSession::orderReady, this,
            [this](const QString &number, const QString &customer, const QString &counter) {
                if (!concernsThisStation(counter))
                    return;
                m_sounds->play(SoundPlayer::Sound::OrderReady);
                m_toasts->post(ToastStack::Kind::Success, tr("Order %1 is ready").arg(number),
                               counter.isEmpty() ? tr("for %1").arg(customer)
                                                 : tr("for %1 at %2").arg(customer, counter));
            });
    connect(session, &CafeSession::orderCreated, this,
            [this](const QString &, const QString &, const QString &counter) {
                if (m_newOrderSound && concernsThisStation(counter))
                    m_sounds->play(SoundPlayer::Sound::NewOrder);
            });
    connect(session, &CafeSession::stockAlertRaised, this, &Notifier::onStockAlert);
    connect(session->alerts(), &StockAlertModel::ringingChanged, this, &Notifier::onRinging);
    if (session->alerts()->isRinging())
        onRinging(true);
    connect(session, &CafeSession::commandFinished, this,
            [this](const QString &requestId, bool ok, const QString &type, const QString &message) {
                if (ok)
                    return;
                const OutboxEntry *e = m_session->outbox()->entry(requestId);
                const QString what = e ? e->description : requestId;
                QString text = message.isEmpty() ? type : message;
                m_toasts->post(ToastStack::Kind::Error, tr("Refused: %1").arg(what), text,
                               m_settings->toastSeconds() * 1500);
            });
    connect(session, &CafeSession::paymentFailed, this,
            [this](const QString &number, const QString &message, bool retryAllowed) {
                m_toasts->post(ToastStack::Kind::Warning, tr("Payment failed for %1").arg(number),
                               retryAllowed
                                   ? tr("%1 — it can be retried from Payments.").arg(message)
                                   : message);
            });
}

bool Notifier::concernsThisStation(const QString &counter) const
{
    const QString followed = m_session->followedCounter();
    return followed.isEmpty() || counter.isEmpty() || counter == followed;
}

void Notifier::onStockAlert(const StockAlert &alert)
{
    const bool critical = alert.rank() >= 3;
    // Low stock is the manager's business; running out affects everybody at the counter.
    if (!critical && !m_session->identity().isManager())
        return;
    const QString title = alert.outOfStock
                              ? tr("%1 is out of stock").arg(alert.productName)
                              : tr("%1 is running low (%2)").arg(alert.productName, alert.priority);
    QString text;
    if (!alert.affects.isEmpty())
        text = tr("Affects: %1").arg(alert.affects.join(QStringLiteral(", ")));
    else
        text = tr("%1 left, reorder at %2")
                   .arg(QString::number(alert.currentStock, 'g', 10),
                        QString::number(alert.reorderLevel, 'g', 10));
    m_toasts->post(critical ? ToastStack::Kind::Error : ToastStack::Kind::Warning, title, text);
    // The ringing timer sounds critical alerts; a lower one chimes once.
    if (!critical)
        m_sounds->play(SoundPlayer::Sound::StockLow);
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
    m_sounds->setMuted(m_settings->muted());
    m_toasts->setMaxVisible(m_settings->maxToasts());
    m_toasts->setTimeout(m_settings->toastSeconds() * 1000);
    if (m_ring.isActive())
        m_ring.start(m_settings->alertRepeatSeconds() * 1000, this);
}

} // namespace TableTap
