// ConsoleCommandLine parsing.
#include "consolecommandline.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QUrl>

namespace TableTap {

namespace {
// Qt's GUI options that take a value, and those that do not (QGuiApplication / QApplication).
const QStringList &qtValueOptions()
{
    static const QStringList names{QStringLiteral("platform"),
                                   QStringLiteral("platformpluginpath"),
                                   QStringLiteral("platformtheme"),
                                   QStringLiteral("plugin"),
                                   QStringLiteral("qwindowgeometry"),
                                   QStringLiteral("qwindowtitle"),
                                   QStringLiteral("qwindowicon"),
                                   QStringLiteral("style"),
                                   QStringLiteral("stylesheet"),
                                   QStringLiteral("session"),
                                   QStringLiteral("display"),
                                   QStringLiteral("geometry"),
                                   QStringLiteral("name"),
                                   QStringLiteral("title"),
                                   QStringLiteral("visual")};
    return names;
}
const QStringList &qtFlagOptions()
{
    static const QStringList names{QStringLiteral("reverse"), QStringLiteral("widgetcount"),
                                   QStringLiteral("nograb"), QStringLiteral("dograb"),
                                   QStringLiteral("sync")};
    return names;
}
// The command line is read before Qt starts, when the TLS backend that parses certificates
// cannot load yet: this looks for a PEM certificate block; the connection reads it properly.
bool looksLikePemCertificate(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    return file.read(1 << 20).contains("-----BEGIN CERTIFICATE-----");
}
} // namespace

QString ConsoleCommandLine::helpText() const
{
    return tr("Usage: tabletap [--hub URL [--token TOKEN]] [--demo] [--lang CODE]\n"
              "\n"
              "The Table Tap console: live order queue, counters, stock, staff and payments of a\n"
              "cafe, connected to its in-store hub.\n"
              "\n"
              "Options:\n"
              "  --hub URL      the hub to connect to (http://cafe-pc:3000); without --token the\n"
              "                 sign-in dialog opens with this address\n"
              "  --token TOKEN  connect with this access token (from `tabletap-hub token` or\n"
              "                 another Table Tap server) instead of signing in\n"
              "  --demo         start a hub inside the console with the simulator and sign in\n"
              "                 to it as a manager: a live demo cafe\n"
              "  --demo-speed X simulated seconds per real second in the demo (default 1)\n"
              "  --demo-start HH:MM  the demo cafe's time of day at start (default 07:30;\n"
              "                 the morning rush peaks at 08:15, lunch at 12:30)\n"
              "  --data DIR     the demo hub's data folder: a new or empty folder, or one an\n"
              "                 earlier demo made; never a real cafe's (default: a temporary\n"
              "                 one, removed on exit)\n"
              "  --ca-file PATH trust the certificate authority in this PEM file for an https\n"
              "                 hub (a shop's own CA), on top of the system's\n"
              "  --lang CODE    language of the console: en or de (default: the saved choice,\n"
              "                 then the system's language)\n"
              "  --view NAME    open on this view: queue, counters, inventory, timesheets,\n"
              "                 payments, dashboard, entry (order entry), menu, staff,\n"
              "                 settings (the cafe's), reports, printing (printers and print\n"
              "                 jobs), chain (every cafe of the hub, for chain owners), log,\n"
              "                 hub (a manager's screen: dashboard; staff, settings and\n"
              "                 reports are for managers),\n"
              "                 display (the counter display, in a window of its own),\n"
              "                 board (the customer ready board, in a window of its own)\n"
              "  --fullscreen   show that view's window in full screen\n"
              "  -h, --help     show this help\n"
              "  --version      show the version\n"
              "\n"
              "Without a display (no DISPLAY or WAYLAND_DISPLAY) the console cannot start; run\n"
              "the headless hub instead: tabletap-hub serve --data DIR --port 3000\n"
              "\n"
              "Exit codes: 0 ok, 1 could not start (embedded hub, screenshot), 2 no display,\n"
              "64 usage error.\n");
}

bool ConsoleCommandLine::parse(const QStringList &arguments)
{
    // Set Qt's own options aside (QApplication consumes them later).
    QStringList args;
    for (int i = 0; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        if (i > 0 && a.startsWith(QLatin1Char('-'))) {
            QString name = a;
            while (name.startsWith(QLatin1Char('-')))
                name.remove(0, 1);
            if (qtValueOptions().contains(name) && i + 1 < arguments.size()) {
                if (name == QLatin1String("platform"))
                    platform = arguments.at(i + 1);
                ++i;
                continue;
            }
            if (qtFlagOptions().contains(name))
                continue;
        }
        args << a;
    }

    QCommandLineParser p;
    p.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption helpOption({QStringLiteral("h"), QStringLiteral("help")},
                                        QStringLiteral("help"));
    const QCommandLineOption versionOption(QStringLiteral("version"), QStringLiteral("version"));
    const QCommandLineOption hubOption(QStringLiteral("hub"), QStringLiteral("hub"),
                                       QStringLiteral("URL"));
    const QCommandLineOption tokenOption(QStringLiteral("token"), QStringLiteral("token"),
                                         QStringLiteral("TOKEN"));
    const QCommandLineOption langOption(QStringLiteral("lang"), QStringLiteral("lang"),
                                        QStringLiteral("CODE"));
    const QCommandLineOption demoOption(QStringLiteral("demo"), QStringLiteral("demo"));
    const QCommandLineOption viewOption(QStringLiteral("view"), QStringLiteral("view"),
                                        QStringLiteral("NAME"));
    const QCommandLineOption shotOption(QStringLiteral("screenshot"), QStringLiteral("shot"),
                                        QStringLiteral("FILE"));
    const QCommandLineOption delayOption(QStringLiteral("screenshot-delay"),
                                         QStringLiteral("delay"), QStringLiteral("MS"));
    const QCommandLineOption dataOption(QStringLiteral("data"), QStringLiteral("data"),
                                        QStringLiteral("DIR"));
    const QCommandLineOption speedOption(QStringLiteral("demo-speed"), QStringLiteral("speed"),
                                         QStringLiteral("X"));
    const QCommandLineOption startOption(QStringLiteral("demo-start"), QStringLiteral("start"),
                                         QStringLiteral("HH:MM"));
    const QCommandLineOption fullOption(QStringLiteral("fullscreen"), QStringLiteral("full"));
    const QCommandLineOption caOption(QStringLiteral("ca-file"), QStringLiteral("ca"),
                                      QStringLiteral("PATH"));
    p.addOptions({helpOption, versionOption, hubOption, tokenOption, langOption, demoOption,
                  shotOption, delayOption, dataOption, speedOption, viewOption, startOption,
                  caOption, fullOption});
    if (!p.parse(args)) {
        m_error = p.errorText();
        return false;
    }
    if (!p.positionalArguments().isEmpty()) {
        m_error = tr("unexpected argument: %1").arg(p.positionalArguments().first());
        return false;
    }
    help = p.isSet(helpOption);
    version = p.isSet(versionOption);
    hub = p.value(hubOption);
    token = p.value(tokenOption);
    language = p.value(langOption);
    demo = p.isSet(demoOption);
    view = p.value(viewOption);
    fullScreen = p.isSet(fullOption);
    screenshot = p.value(shotOption);
    dataDir = p.value(dataOption);
    caFile = p.value(caOption);
    if (help || version)
        return true;
    if (p.isSet(caOption) && !looksLikePemCertificate(caFile)) {
        m_error = tr("--ca-file: no PEM certificate in %1").arg(caFile);
        return false;
    }
    if (p.isSet(delayOption)) {
        bool ok = false;
        screenshotDelayMs = p.value(delayOption).toInt(&ok);
        if (!ok || screenshotDelayMs < 0) {
            m_error = tr("--screenshot-delay needs milliseconds");
            return false;
        }
    }
    if (p.isSet(speedOption)) {
        bool ok = false;
        demoSpeed = p.value(speedOption).toDouble(&ok);
        if (!ok || !(demoSpeed >= 0.1 && demoSpeed <= 3600)) {
            m_error = tr("--demo-speed needs a number from 0.1 to 3600");
            return false;
        }
    }
    if (p.isSet(startOption)) {
        demoStart = QTime::fromString(p.value(startOption), QStringLiteral("HH:mm"));
        if (!demoStart.isValid()) {
            m_error = tr("--demo-start needs a time like 08:00");
            return false;
        }
    }
    if ((p.isSet(speedOption) || p.isSet(dataOption) || p.isSet(startOption)) && !demo) {
        m_error = tr("--demo-speed, --demo-start and --data go with --demo");
        return false;
    }
    if (!token.isEmpty() && hub.isEmpty()) {
        m_error = tr("--token needs --hub");
        return false;
    }
    if (demo && !hub.isEmpty()) {
        m_error = tr("--demo runs its own hub; leave out --hub");
        return false;
    }
    if (!hub.isEmpty()) {
        const QUrl url = QUrl::fromUserInput(hub);
        if (!url.isValid() || url.host().isEmpty()) {
            m_error = tr("not a hub address: %1").arg(hub);
            return false;
        }
    }
    if (!view.isEmpty() && !viewNames().contains(view)) {
        m_error
            = tr("no view called %1 (views: %2)").arg(view, viewNames().join(QStringLiteral(", ")));
        return false;
    }
    if (!language.isEmpty() && language != QLatin1String("en") && language != QLatin1String("de")) {
        m_error = tr("no translation for language %1 (available: en, de)").arg(language);
        return false;
    }
    return true;
}

bool ConsoleCommandLine::hasDisplay() const
{
    QString platforms = platform;
    if (platforms.isEmpty())
        platforms = qEnvironmentVariable("QT_QPA_PLATFORM");
    const bool x11 = !qEnvironmentVariableIsEmpty("DISPLAY");
    const bool wayland = !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
    if (platforms.isEmpty())
        return x11 || wayland;
    // "wayland;xcb" lists fallbacks: one usable platform is enough.
    for (const QString &entry : platforms.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        const QString name = entry.section(QLatin1Char(':'), 0, 0).trimmed();
        if (name == QLatin1String("xcb")) {
            if (x11)
                return true;
        } else if (name.startsWith(QLatin1String("wayland"))) {
            if (wayland)
                return true;
        } else {
            return true; // offscreen, minimal, vnc, eglfs, linuxfb: no display server needed
        }
    }
    return false;
}

QStringList ConsoleCommandLine::viewNames()
{
    // The order of the main window's tabs, then the counter display and the ready board (windows
    // of their own).
    return {QStringLiteral("queue"),      QStringLiteral("counters"), QStringLiteral("inventory"),
            QStringLiteral("timesheets"), QStringLiteral("payments"), QStringLiteral("dashboard"),
            QStringLiteral("entry"),      QStringLiteral("menu"),     QStringLiteral("staff"),
            QStringLiteral("settings"),   QStringLiteral("reports"),  QStringLiteral("printing"),
            QStringLiteral("chain"),      QStringLiteral("log"),      QStringLiteral("hub"),
            QStringLiteral("display"),    QStringLiteral("board")};
}

QString ConsoleCommandLine::noDisplayMessage()
{
    return tr("tabletap: no display (DISPLAY and WAYLAND_DISPLAY are not set); to run the hub "
              "without a screen use: tabletap-hub serve --data DIR --port 3000");
}

} // namespace TableTap
