// The console's sounds (order ready, new order, low and critical stock, an order changed on
// the counter display). Plays the bundled WAV
// files through Qt Multimedia when the build has it, and falls back to the system beep.
#pragma once

#include <QHash>
#include <QObject>

class QSoundEffect;

namespace TableTap {

class SoundPlayer final : public QObject
{
    Q_OBJECT
public:
    enum class Sound { OrderReady, NewOrder, StockLow, StockCritical, OrderChanged };
    Q_ENUM(Sound)

    explicit SoundPlayer(QObject *parent = nullptr);
    ~SoundPlayer() override;

    void setMuted(bool muted) { m_muted = muted; }
    bool isMuted() const { return m_muted; }
    static bool hasMultimedia();

    void play(Sound sound);

Q_SIGNALS:
    // Every request, muted or not (tests and the event log count on it).
    void requested(TableTap::SoundPlayer::Sound sound);

private:
    bool m_muted = false;
#ifdef TT_HAVE_MULTIMEDIA
    QSoundEffect *effect(Sound sound);
    QHash<int, QSoundEffect *> m_effects;
#endif
};

} // namespace TableTap
