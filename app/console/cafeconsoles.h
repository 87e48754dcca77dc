// The cafe consoles a chain owner opens from the Chain view: each a window and a session of its
// own, signed in to the hub with the token open_cafe gave (an admin of that cafe); both go when
// that window is closed, or with this object.
#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QUrl>

namespace TableTap {

class ConsoleSettings;
class MainWindow;

class CafeConsoles final : public QObject
{
    Q_OBJECT
public:
    // settings: the program's (shared by every window; outlives this object).
    explicit CafeConsoles(ConsoleSettings *settings, QObject *parent = nullptr);
    ~CafeConsoles() override;

    // Shows a console signed in to hub with token; caFile as the owner's session trusts, language
    // the one in use ("" follows the system). Its waiting actions are kept in memory only.
    MainWindow *open(const QUrl &hub, const QString &token, const QString &caFile = {},
                     const QString &language = {});
    // The windows still open.
    QList<MainWindow *> windows() const;

private:
    struct Opened
    {
        QPointer<MainWindow> window;
        QPointer<QObject> session;
    };
    ConsoleSettings *m_settings;
    QList<Opened> m_opened;
};

} // namespace TableTap
