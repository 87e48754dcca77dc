// The console's counter display windows: opens the first (View menu, `--view display`), more on
// other screens, and brings back those that were open when the console last quit. The main
// window owns it; the display windows live and die with it.
#pragma once

#include <QList>
#include <QObject>
#include <QPointer>

#include <array>

namespace TableTap {

class ConsoleSession;
class DisplaySettings;
class DisplayWindow;
class SoundPlayer;

class DisplayManager final : public QObject
{
    Q_OBJECT
public:
    DisplayManager(ConsoleSession *session, SoundPlayer *sounds, QObject *parent = nullptr);
    ~DisplayManager() override;

    DisplaySettings *settings() const { return m_settings; }
    // Opens (or raises) the display window of this slot, as it was saved.
    DisplayWindow *openDisplay(int slot = 0);
    // Opens a display in the first free slot, on a screen no other display uses if there is
    // one; nullptr when every slot is taken.
    DisplayWindow *openAnotherDisplay();
    // Reopens the windows that were open when the console last quit.
    void restore();
    DisplayWindow *window(int slot) const;
    QList<DisplayWindow *> windows() const;

private:
    ConsoleSession *m_session;
    SoundPlayer *m_sounds;
    DisplaySettings *m_settings;
    std::array<QPointer<DisplayWindow>, 4> m_windows;
};

} // namespace TableTap
