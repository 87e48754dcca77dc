// tabletap's command line: options, the documented exit codes, and the display check that has
// to run before a QApplication exists.
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QTime>

namespace TableTap {

class ConsoleCommandLine
{
    Q_DECLARE_TR_FUNCTIONS(TableTap::ConsoleCommandLine)
public:
    enum ExitCode {
        Ok = 0,
        Failure = 1,     // the embedded hub or the screenshot could not be made
        NoDisplay = 2,   // no X11 or Wayland display to show a window on
        UsageError = 64, // unknown option, missing or bad value
    };

    // Parses argv (Qt's own GUI options such as -platform are set aside, not refused).
    bool parse(const QStringList &arguments);
    QString error() const { return m_error; }
    QString helpText() const;

    // Whether a window can be shown: QT_QPA_PLATFORM (or -platform) names a platform that
    // needs no display server, or DISPLAY / WAYLAND_DISPLAY is set for xcb / wayland.
    bool hasDisplay() const;
    // The one line printed when there is none.
    static QString noDisplayMessage();
    static QStringList viewNames();

    QString hub;
    QString token;
    QString language;
    QString view; // the view to open on: queue, counters, inventory, ..., display (empty: queue)
    bool fullScreen = false; // the window of that view in full screen
    bool demo = false;
    bool help = false;
    bool version = false;
    QString screenshot; // hidden: grab the main window to this PNG and quit
    int screenshotDelayMs = 8000;
    QString dataDir;        // the embedded hub's data folder (default: a temporary one)
    QString caFile;         // PEM certificate authorities trusted for an https hub
    double demoSpeed = 1.0; // simulated seconds per real second in --demo
    QTime demoStart;        // simulated time of day the demo starts at (invalid: 07:30)
    QString platform;       // from -platform, if given

private:
    QString m_error;
};

} // namespace TableTap
