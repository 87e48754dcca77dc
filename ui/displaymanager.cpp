// The counter display windows.
#include "displaymanager.h"

#include "displaysettings.h"
#include "displaywindow.h"

#include <QGuiApplication>
#include <QScreen>

namespace TableTap {

static_assert(DisplaySettings::MaxWindows == 4, "one window pointer per settings slot");

DisplayManager::DisplayManager(ConsoleSession *session, SoundPlayer *sounds, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_sounds(sounds)
    , m_settings(new DisplaySettings(this))
{}

DisplayManager::~DisplayManager()
{
    // Deleted, not closed: the settings keep them open for the next start.
    for (QPointer<DisplayWindow> &w : m_windows)
        delete w.data();
}

DisplayWindow *DisplayManager::window(int slot) const
{
    return slot >= 0 && slot < int(m_windows.size()) ? m_windows.at(slot).data() : nullptr;
}

QList<DisplayWindow *> DisplayManager::windows() const
{
    QList<DisplayWindow *> open;
    for (const QPointer<DisplayWindow> &w : m_windows)
        if (w)
            open.append(w.data());
    return open;
}

DisplayWindow *DisplayManager::openDisplay(int slot)
{
    if (slot < 0 || slot >= int(m_windows.size()))
        return nullptr;
    if (DisplayWindow *w = m_windows.at(slot)) {
        w->show();
        w->raise();
        w->activateWindow();
        return w;
    }
    auto *w = new DisplayWindow(slot, m_session, m_settings, m_sounds);
    w->setAttribute(Qt::WA_DeleteOnClose);
    connect(w, &DisplayWindow::anotherWindowRequested, this, [this] { openAnotherDisplay(); });
    m_windows[slot] = w;
    w->showAsSaved();
    w->activateWindow();
    return w;
}

DisplayWindow *DisplayManager::openAnotherDisplay()
{
    int slot = -1;
    for (int i = 0; i < int(m_windows.size()) && slot < 0; ++i)
        if (!m_windows.at(i))
            slot = i;
    if (slot < 0)
        return nullptr;
    // A new slot that was never saved goes to the first screen no display is on.
    const bool saved = !m_settings->window(slot).screen.isEmpty();
    DisplayWindow *w = openDisplay(slot);
    if (!saved) {
        QStringList used;
        for (DisplayWindow *other : windows())
            if (other != w)
                used.append(other->screenName());
        for (QScreen *s : QGuiApplication::screens())
            if (!used.contains(s->name())) {
                w->moveToScreen(s->name());
                break;
            }
    }
    return w;
}

void DisplayManager::restore()
{
    for (int slot : m_settings->openSlots())
        openDisplay(slot);
}

} // namespace TableTap
