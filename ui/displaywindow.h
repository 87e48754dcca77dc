// A counter display window: one DisplayView, on a screen of its own choosing, optionally full
// screen. Each window is a slot in DisplaySettings (its screen, counter and full-screen state
// are saved as they change), so a second monitor can show a second counter and both come back
// after a restart. Closing it by hand forgets that it was open; quitting the console does not.
#pragma once

#include <QWidget>

class QAction;
class QComboBox;
class QPushButton;
class QScreen;

namespace TableTap {

class ConsoleSession;
class DisplaySettings;
class DisplayView;
class SoundPlayer;

class DisplayWindow final : public QWidget
{
    Q_OBJECT
public:
    DisplayWindow(int slot, ConsoleSession *session, DisplaySettings *settings, SoundPlayer *sounds,
                  QWidget *parent = nullptr);

    int slot() const { return m_slot; }
    DisplayView *view() const { return m_view; }
    QComboBox *screenBox() const { return m_screenBox; }
    QPushButton *fullScreenButton() const { return m_fullButton; }

    // Moves the window to this screen (by QScreen::name(); unknown names are ignored).
    void moveToScreen(const QString &screenName);
    QString screenName() const;
    void setFullScreenMode(bool on);
    // Shows the window as saved (screen, full screen, geometry).
    void showAsSaved();
    // Writes this window's place to the settings.
    void save();

Q_SIGNALS:
    // The user asked for one more display window (on another screen).
    void anotherWindowRequested();

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void updateScreens();
    void updateTitle();

    int m_slot;
    DisplaySettings *m_settings;
    DisplayView *m_view;
    QComboBox *m_screenBox;
    QPushButton *m_fullButton;
    QPushButton *m_anotherButton;
    bool m_restoring = false;
    bool m_closedByUser = false;
};

} // namespace TableTap
