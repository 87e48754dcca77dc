// tabletap: the console. Composition root: command line, display check, language, the session,
// the hub inside the console when asked for (--demo), the main window (rebuilt when the language
// changes; the session, the hub and their data stay), and the cafe consoles a chain owner opens
// from the Chain view (a window and a session of their own each).
#include "cafeconsoles.h"
#include "chainview.h"
#include "consolecommandline.h"
#include "consolesettings.h"
#include "displaymanager.h"
#include "displaywindow.h"
#include "embeddedhub.h"
#include "hubsession.h"
#include "languagemanager.h"
#include "mainwindow.h"
#include "printservice.h"
#include "readyboardwindow.h"
#include "toaststack.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QPointer>
#include <QScreen>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QUrl>

#include <cstdio>
#include <memory>

using namespace TableTap;

namespace {

void setIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("TableTap"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("tabletap.local"));
    QCoreApplication::setApplicationName(QStringLiteral("tabletap"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TT_VERSION));
}

void printLine(FILE *stream, const QString &text)
{
    std::fputs(qPrintable(text), stream);
    if (!text.endsWith(QLatin1Char('\n')))
        std::fputc('\n', stream);
}

} // namespace

int main(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    ConsoleCommandLine cli;
    const bool parsed = cli.parse(arguments);

    // Help, usage errors and the missing display are answered without a window system.
    if (!parsed || cli.help || cli.version || !cli.hasDisplay()) {
        QCoreApplication app(argc, argv);
        setIdentity();
        LanguageManager languages;
        languages.install(LanguageManager::resolve(
            cli.language.isEmpty() ? ConsoleSettings().language() : cli.language));
        if (!parsed) {
            printLine(stderr,
                      QStringLiteral("tabletap: %1 (see tabletap --help)").arg(cli.error()));
            return ConsoleCommandLine::UsageError;
        }
        if (cli.help) {
            printLine(stdout, cli.helpText());
            return ConsoleCommandLine::Ok;
        }
        if (cli.version) {
            printLine(stdout, QStringLiteral("tabletap %1").arg(QStringLiteral(TT_VERSION)));
            return ConsoleCommandLine::Ok;
        }
        printLine(stderr, ConsoleCommandLine::noDisplayMessage());
        return ConsoleCommandLine::NoDisplay;
    }

    QApplication app(argc, argv);
    setIdentity();
    QApplication::setApplicationDisplayName(QStringLiteral("Table Tap"));
    // The installed desktop entry's id (packaging/), so shells match windows to its icon.
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.tabletap.Console"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/tabletap.svg")));

    ConsoleSettings settings;
    LanguageManager languages;
    QString languageChoice = cli.language.isEmpty() ? settings.language() : cli.language;
    languages.install(LanguageManager::resolve(languageChoice));

    if (!cli.token.isEmpty() && !SessionIdentity::fromToken(cli.token).isValid()) {
        printLine(stderr, QCoreApplication::translate("TableTap::ConsoleCommandLine",
                                                      "tabletap: the token does not name a user "
                                                      "and a cafe (see tabletap --help)"));
        return ConsoleCommandLine::UsageError;
    }
    HubSession session;
    // A shop's own certificate authority for an https hub: the command line's for this run, else
    // the one the connect dialog last used.
    session.setCaFile(cli.caFile.isEmpty() ? settings.caFile() : cli.caFile);
    // Actions waiting for the hub survive a close or a crash (docs/console.md, Outbox); the
    // demo's hub is a new one each start, so its actions would never be sent again.
    if (!cli.demo)
        session.setOutboxDirectory(
            QStandardPaths::writableLocation(QStandardPaths::AppDataLocation));
    // Printing in the shop (docs/printing.md): this console's printers and what each counter
    // prints, from its settings; jobs survive a restart in its data folder (the demo's in memory:
    // its hub is a new one each start).
    PrintService printing(&session);
    {
        QSettings printSettings;
        printing.setSetup(PrintSetup::load(printSettings));
    }
    if (!cli.demo)
        printing.spooler()->setStoreFile(
            QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
                .filePath(QStringLiteral("printing/jobs.json")));
    // The hub inside the console (--demo, or "start a hub" in the connect dialog).
    std::unique_ptr<QTemporaryDir> scratch;
    std::unique_ptr<EmbeddedHub> hub;
    auto startEmbeddedHub = [&](QString *error) -> bool {
        if (!hub) {
            QString dataDir = cli.dataDir;
            if (dataDir.isEmpty()) {
                scratch = std::make_unique<QTemporaryDir>(
                    QDir::tempPath() + QStringLiteral("/tabletap-demo-XXXXXX"));
                if (!scratch->isValid()) {
                    *error = scratch->errorString();
                    return false;
                }
                dataDir = scratch->path();
            }
            EmbeddedHub::Options options;
            options.dataDir = dataDir;
            options.speed = cli.demoSpeed;
            options.start = cli.demoStart;
            hub = std::make_unique<EmbeddedHub>(options);
            hub->shareClockWith(&session);
        }
        if (!hub->startHub(error))
            return false;
        const QString token = hub->managerToken(error);
        if (token.isEmpty())
            return false;
        hub->whenReady(&session, [&session, url = hub->url(), token] {
            session.connectWithToken(url, token);
        });
        return true;
    };

    // The cafe consoles a chain owner opens from the Chain view.
    CafeConsoles cafeConsoles(&settings);

    std::unique_ptr<MainWindow> window;
    std::function<void()> buildWindow;
    buildWindow = [&] {
        QByteArray geometry;
        if (window)
            geometry = window->saveGeometry();
        window = std::make_unique<MainWindow>(&session, &settings, languageChoice);
        if (!geometry.isEmpty())
            window->restoreGeometry(geometry);
        window->setEmbeddedHubAvailable(true);
        window->setPrintService(&printing);
        if (hub)
            window->setHubControl(hub.get());
        QObject::connect(window.get(), &MainWindow::embeddedHubRequested, &app, [&] {
            QString error;
            if (!startEmbeddedHub(&error)) {
                window->toasts()->post(ToastStack::Kind::Error,
                                       QCoreApplication::translate("TableTap::ConsoleCommandLine",
                                                                   "The hub could not start"),
                                       error);
                return;
            }
            window->setHubControl(hub.get());
        });
        QObject::connect(window.get(), &MainWindow::cafeConsoleRequested, &app,
                         [&](const QUrl &url, const QString &token) {
                             cafeConsoles.open(url, token, session.caFile(), languageChoice);
                         });
        QObject::connect(window.get(), &MainWindow::languageChangeRequested, &app,
                         [&](const QString &code) {
                             languageChoice = code;
                             languages.install(LanguageManager::resolve(code));
                             // Rebuilt after this signal returns: the window cannot delete
                             // itself from inside its own menu.
                             QTimer::singleShot(0, &app, [&] { buildWindow(); });
                         });
        window->show();
    };
    buildWindow();

    if (cli.demo) {
        QString error;
        if (!startEmbeddedHub(&error)) {
            printLine(stderr, QCoreApplication::translate("TableTap::ConsoleCommandLine",
                                                          "tabletap: the demo hub could not "
                                                          "start: %1")
                                  .arg(error));
            return ConsoleCommandLine::Failure;
        }
        window->setHubControl(hub.get());
    } else if (!cli.hub.isEmpty() && !cli.token.isEmpty()) {
        session.connectWithToken(QUrl::fromUserInput(cli.hub), cli.token);
    } else {
        if (!cli.hub.isEmpty())
            settings.rememberSignIn(QUrl::fromUserInput(cli.hub).toString(), settings.cafeId(),
                                    settings.employeeCode(), settings.connectTab());
        window->showConnectDialog();
    }

    // What --screenshot grabs: the window of the view asked for.
    QPointer<QWidget> shown = window.get();
    if (cli.view == QLatin1String("display")) {
        DisplayWindow *display = window->displays()->openDisplay(0);
        if (cli.fullScreen)
            display->setFullScreenMode(true);
        shown = display;
    } else if (cli.view == QLatin1String("board")) {
        window->showReadyBoard();
        if (cli.fullScreen)
            window->readyBoard()->showFullScreen();
        shown = window->readyBoard();
    } else {
        // A managers' view opens once the manager is signed in (with --demo that is a little
        // later): until then the window shows what it has.
        if (!cli.view.isEmpty() && !window->showView(cli.view)) {
            auto *pending = new QObject(window.get());
            const auto tryShow = [w = window.get(), view = cli.view, pending] {
                if (w->showView(view))
                    pending->deleteLater();
            };
            QObject::connect(&session, &ConsoleSession::identityChanged, pending, tryShow);
            // The Chain view shows once the hub answered chain_overview, after the sign-in.
            QObject::connect(window->chainView(), &ChainView::chainOwnerChanged, pending, tryShow);
        }
        if (cli.fullScreen)
            window->showFullScreen();
    }

    if (!cli.screenshot.isEmpty()) {
        QTimer::singleShot(cli.screenshotDelayMs, &app, [&] {
            const QString file = QFileInfo(cli.screenshot).absoluteFilePath();
            QWidget *target = shown ? shown.data() : window.get();
            if (!target->grab().save(file, "PNG")) {
                printLine(stderr, QStringLiteral("tabletap: cannot write %1").arg(file));
                QCoreApplication::exit(ConsoleCommandLine::Failure);
                return;
            }
            printLine(stdout, file);
            QCoreApplication::quit();
        });
    }
    return QApplication::exec();
}
