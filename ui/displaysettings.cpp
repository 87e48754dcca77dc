// The counter display's preferences in QSettings.
#include "displaysettings.h"

#include <QSettings>

namespace TableTap {

namespace {
QString windowKey(int slot, const char *name)
{
    return QStringLiteral("display/window%1/%2").arg(slot).arg(QLatin1String(name));
}
} // namespace

DisplaySettings::DisplaySettings(QObject *parent)
    : QObject(parent)
{}

DisplaySettings::Theme DisplaySettings::theme() const
{
    // Dark by default: a bright screen in a dim kitchen glares, and dark tiles with bright
    // age colours read best from across the counter.
    const QString name = QSettings().value(QStringLiteral("display/theme")).toString();
    return name == QLatin1String("highContrast") ? Theme::HighContrast : Theme::Dark;
}

void DisplaySettings::setTheme(Theme theme)
{
    QSettings().setValue(QStringLiteral("display/theme"), theme == Theme::HighContrast
                                                              ? QStringLiteral("highContrast")
                                                              : QStringLiteral("dark"));
    Q_EMIT themeChanged(theme);
}

DisplayKeyMap DisplaySettings::keyMap() const
{
    QSettings s;
    DisplayKeyMap map = DisplayKeyMap::defaults();
    for (DisplayKeyMap::Action a : DisplayKeyMap::actions()) {
        const QString key = QStringLiteral("display/keys/") + DisplayKeyMap::name(a);
        if (s.contains(key))
            map.setKey(
                a, QKeySequence::fromString(s.value(key).toString(), QKeySequence::PortableText));
    }
    // A hand-edited file with one key on two actions would make one of them unreachable.
    return map.conflicts().isEmpty() ? map : DisplayKeyMap::defaults();
}

void DisplaySettings::setKeyMap(const DisplayKeyMap &map)
{
    QSettings s;
    for (DisplayKeyMap::Action a : DisplayKeyMap::actions())
        s.setValue(QStringLiteral("display/keys/") + DisplayKeyMap::name(a),
                   map.key(a).toString(QKeySequence::PortableText));
    Q_EMIT keyMapChanged();
}

DisplaySettings::Window DisplaySettings::window(int slot) const
{
    QSettings s;
    Window w;
    w.open = s.value(windowKey(slot, "open"), false).toBool();
    w.screen = s.value(windowKey(slot, "screen")).toString();
    w.counter = s.value(windowKey(slot, "counter")).toString();
    w.fullScreen = s.value(windowKey(slot, "fullScreen"), false).toBool();
    w.geometry = s.value(windowKey(slot, "geometry")).toByteArray();
    return w;
}

void DisplaySettings::setWindow(int slot, const Window &w)
{
    if (slot < 0 || slot >= MaxWindows)
        return;
    QSettings s;
    s.setValue(windowKey(slot, "open"), w.open);
    s.setValue(windowKey(slot, "screen"), w.screen);
    s.setValue(windowKey(slot, "counter"), w.counter);
    s.setValue(windowKey(slot, "fullScreen"), w.fullScreen);
    s.setValue(windowKey(slot, "geometry"), w.geometry);
}

QList<int> DisplaySettings::openSlots() const
{
    QList<int> result;
    for (int i = 0; i < MaxWindows; ++i)
        if (window(i).open)
            result.append(i);
    return result;
}

} // namespace TableTap
