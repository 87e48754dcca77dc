// The counter display's colours in its two themes: dark (the default, no glare in a dim
// kitchen) and high contrast (black on white with heavy borders, for bright rooms and weak
// eyes). Age levels are OrderQueueModel::AgeLevelRole's (0 fresh, 1 warning, 2 late).
#pragma once

#include "displaysettings.h"

#include <QColor>

namespace TableTap {

struct DisplayTheme
{
    QColor window;     // behind the tiles
    QColor windowText; // header, page line, banners' text
    QColor tile;       // a tile's face
    QColor tileText;
    QColor mutedText;    // customizations, notes, counter
    QColor disabledText; // a control that does nothing now
    QColor border;
    QColor selected; // the selected tile's frame
    QColor flash;    // a tile flashing for a change
    QColor flashText;
    QColor ready;  // the "ready" badge
    QColor banner; // a closed counter's banner
    QColor bannerText;
    int borderWidth = 2; // in device-independent pixels at scale 1

    QColor age(int level) const { return level >= 2 ? m_late : level == 1 ? m_warning : m_fresh; }
    QColor ageText(int level) const;

    static DisplayTheme of(DisplaySettings::Theme theme);

private:
    QColor m_fresh;
    QColor m_warning;
    QColor m_late;
};

} // namespace TableTap
