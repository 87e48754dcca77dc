// Turns the session's notable events into toasts and sounds: order ready (toast + chime), new
// order (chime), stock alerts (managers; critical ones for everybody, repeating until
// acknowledged), refused actions and failed payments (toasts). Repeats of a kind fold into the
// toast already showing ("3 orders ready: …") instead of stacking; each kind of toast can be
// turned off in the settings. Connection trouble is the banner's job, not a toast's: popups that
// stack up on every flap are what users hate.
#pragma once

#include <QBasicTimer>
#include <QObject>
#include <QStringList>

namespace TableTap {

class ConsoleSession;
class ConsoleSettings;
class SoundPlayer;
class ToastStack;
struct StockAlert;

class Notifier final : public QObject
{
    Q_OBJECT
public:
    Notifier(ConsoleSession *session, ToastStack *toasts, SoundPlayer *sounds,
             ConsoleSettings *settings, QObject *parent = nullptr);

    bool isRinging() const { return m_ring.isActive(); }

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    bool concernsThisStation(const QString &counter) const;
    // The items of a toast group while its toast is on screen, with `item` added (last, once).
    const QStringList &gather(QStringList &items, const QString &group, const QString &item);
    // The order with this number has left "ready" (collected, recalled, cancelled).
    bool noLongerReady(const QString &number) const;
    void onStockAlert(const StockAlert &alert);
    void onRinging(bool ringing);
    void applySettings();

    ConsoleSession *m_session;
    ToastStack *m_toasts;
    SoundPlayer *m_sounds;
    ConsoleSettings *m_settings;
    bool m_newOrderSound = true; // read once per settings change, not once per order
    bool m_readyToasts = true, m_stockToasts = true, m_refusedToasts = true, m_paymentToasts = true;
    QStringList m_ready, m_stock, m_refused, m_payments; // what the toast of each group sums up
    bool m_stockCritical = false;
    QBasicTimer m_ring;
};

} // namespace TableTap
