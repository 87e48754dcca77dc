// The counter display's colours.
#include "displaytheme.h"

#include "uipalette.h"

namespace TableTap {

QColor DisplayTheme::ageText(int level) const
{
    return UiPalette::textOn(age(level));
}

DisplayTheme DisplayTheme::of(DisplaySettings::Theme theme)
{
    DisplayTheme t;
    if (theme == DisplaySettings::Theme::HighContrast) {
        t.window = Qt::white;
        t.windowText = Qt::black;
        t.tile = Qt::white;
        t.tileText = Qt::black;
        t.mutedText = QColor(0x1a, 0x1a, 0x1a);
        t.disabledText = QColor(0x76, 0x76, 0x76);
        t.border = Qt::black;
        t.selected = QColor(0x00, 0x3c, 0xc8);
        t.flash = QColor(0xff, 0xd6, 0x00);
        t.flashText = Qt::black;
        t.ready = QColor(0x00, 0x5a, 0x00);
        t.banner = Qt::black;
        t.bannerText = QColor(0xff, 0xd6, 0x00);
        t.borderWidth = 3;
        // The age strip carries the level in text too ("8 min LATE" is not colour alone).
        t.m_fresh = QColor(0x00, 0x6b, 0x1e);
        t.m_warning = QColor(0xff, 0xb3, 0x00);
        t.m_late = QColor(0xb0, 0x00, 0x00);
        return t;
    }
    t.window = QColor(0x10, 0x12, 0x16);
    t.windowText = QColor(0xe8, 0xea, 0xed);
    t.tile = QColor(0x22, 0x26, 0x2e);
    t.tileText = QColor(0xf5, 0xf6, 0xf8);
    t.mutedText = QColor(0xb8, 0xbe, 0xc8);
    t.disabledText = QColor(0x6b, 0x72, 0x80);
    t.border = QColor(0x3a, 0x40, 0x4c);
    t.selected = QColor(0x4f, 0xc3, 0xf7);
    t.flash = QColor(0xff, 0xd6, 0x00);
    t.flashText = Qt::black;
    t.ready = QColor(0x43, 0xa0, 0x47);
    t.banner = QColor(0xc6, 0x28, 0x28);
    t.bannerText = Qt::white;
    t.borderWidth = 2;
    t.m_fresh = QColor(0x2e, 0x7d, 0x32);
    t.m_warning = QColor(0xf5, 0x9e, 0x0b);
    t.m_late = QColor(0xd3, 0x2f, 0x2f);
    return t;
}

} // namespace TableTap
