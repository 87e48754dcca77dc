// Sound playback with an optional Qt Multimedia dependency.
#include "soundplayer.h"

#include "uilogging.h"

#include <QApplication>
#include <QUrl>

#ifdef TT_HAVE_MULTIMEDIA
#include <QSoundEffect>
#endif

namespace TableTap {

SoundPlayer::SoundPlayer(QObject *parent)
    : QObject(parent)
{}

SoundPlayer::~SoundPlayer() = default;

bool SoundPlayer::hasMultimedia()
{
#ifdef TT_HAVE_MULTIMEDIA
    return true;
#else
    return false;
#endif
}

#ifdef TT_HAVE_MULTIMEDIA
QSoundEffect *SoundPlayer::effect(Sound sound)
{
    if (QSoundEffect *e = m_effects.value(int(sound)))
        return e;
    const char *file = "order-ready";
    switch (sound) {
    case Sound::OrderReady:
        file = "order-ready";
        break;
    case Sound::NewOrder:
        file = "new-order";
        break;
    case Sound::StockLow:
        file = "stock-low";
        break;
    case Sound::StockCritical:
        file = "stock-critical";
        break;
    case Sound::OrderChanged:
        file = "order-changed";
        break;
    }
    // Loaded on first use: a console that never rings never opens the audio device.
    auto *e = new QSoundEffect(this);
    e->setSource(QUrl(QStringLiteral("qrc:/sounds/%1.wav").arg(QLatin1String(file))));
    e->setVolume(sound == Sound::NewOrder ? 0.6f : 0.9f);
    m_effects.insert(int(sound), e);
    return e;
}
#endif

void SoundPlayer::play(Sound sound)
{
    Q_EMIT requested(sound);
    if (m_muted)
        return;
#ifdef TT_HAVE_MULTIMEDIA
    QSoundEffect *e = effect(sound);
    if (e->status() != QSoundEffect::Error) {
        e->play();
        return;
    }
    qCDebug(lcUi) << "sound" << sound << "cannot play; beeping";
#endif
    QApplication::beep();
}

} // namespace TableTap
