// The counter display's own preferences (QSettings group "display"): theme, key map and, per
// display window, whether it was open, on which screen, for which counter and in full screen,
// so a kitchen screen comes back as it was after a restart. Any number of these objects may
// exist; each reads the stored values, and the signals reach the windows sharing one.
#pragma once

#include "displaykeymap.h"

#include <QByteArray>
#include <QObject>
#include <QString>

namespace TableTap {

class DisplaySettings final : public QObject
{
    Q_OBJECT
public:
    enum class Theme { Dark, HighContrast };
    Q_ENUM(Theme)

    // One display window's place: slot 0 is the first window, 1 the second...
    struct Window
    {
        bool open = false;
        QString screen;  // QScreen::name(); empty: the main window's screen
        QString counter; // empty: every counter
        bool fullScreen = false;
        QByteArray geometry;
    };
    static constexpr int MaxWindows = 4;

    explicit DisplaySettings(QObject *parent = nullptr);

    Theme theme() const;
    void setTheme(Theme theme);

    DisplayKeyMap keyMap() const;
    void setKeyMap(const DisplayKeyMap &map);

    Window window(int slot) const;
    void setWindow(int slot, const Window &window);
    // The slots whose windows were open when the console last ran.
    QList<int> openSlots() const;

Q_SIGNALS:
    void themeChanged(TableTap::DisplaySettings::Theme theme);
    void keyMapChanged();
};

} // namespace TableTap
