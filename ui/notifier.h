// Turns the session's notable events into toasts and sounds: order ready (toast + chime), new
// order (chime), stock alerts (managers; critical ones for everybody, repeating until
// acknowledged), refused actions and failed payments (toasts). Connection trouble is the
// banner's job, not a toast's: popups that stack up on every flap are what users hate.
#pragma once

#include <QBasicTimer>
#include <QObject>

namespace TableTap {

class CafeSession;
class ConsoleSettings;
class SoundPlayer;
class ToastStack;
struct StockAlert;

class Notifier final : public QObject
{
    Q_OBJECT
public:
    Notifier(CafeSession *session, ToastStack *toasts, SoundPlayer *sounds,
             ConsoleSettings *settings, QObject *parent = nullptr);

    bool isRinging() const { return m_ring.isActive(); }

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    bool concernsThisStation(const QString &counter) const;
    void onStockAlert(const StockAlert &alert);
    void onRinging(bool ringing);
    void applySettings();

    CafeSession *m_session;
    ToastStack *m_toasts;
    SoundPlayer *m_sounds;
    ConsoleSettings *m_settings;
    bool m_newOrderSound = true; // read once per settings change, not once per order
    QBasicTimer m_ring;
};

} // namespace TableTap
