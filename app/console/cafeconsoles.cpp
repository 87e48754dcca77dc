// The cafe consoles opened from the Chain view.
#include "cafeconsoles.h"

#include "hubsession.h"
#include "mainwindow.h"

namespace TableTap {

CafeConsoles::CafeConsoles(ConsoleSettings *settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
{}

CafeConsoles::~CafeConsoles()
{
    // The windows first (their views use the sessions), then the sessions: no event loop may be
    // left to run the deleteLater below.
    for (const Opened &o : std::as_const(m_opened))
        delete o.window.data();
    for (const Opened &o : std::as_const(m_opened))
        delete o.session.data();
}

MainWindow *CafeConsoles::open(const QUrl &hub, const QString &token, const QString &caFile,
                               const QString &language)
{
    auto *session = new HubSession;
    session->setCaFile(caFile);
    auto *window = new MainWindow(session, m_settings, language);
    window->setAttribute(Qt::WA_DeleteOnClose);
    // Emitted once the window's views are gone: nothing uses the session any more.
    connect(window, &QObject::destroyed, session, &QObject::deleteLater);
    m_opened.removeIf([](const Opened &o) { return !o.window && !o.session; });
    m_opened.append({window, session});
    window->show();
    session->connectWithToken(hub, token);
    return window;
}

QList<MainWindow *> CafeConsoles::windows() const
{
    QList<MainWindow *> open;
    for (const Opened &o : m_opened)
        if (o.window)
            open.append(o.window);
    return open;
}

} // namespace TableTap
