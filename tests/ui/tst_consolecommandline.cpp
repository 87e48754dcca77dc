// tabletap's command line: options, usage errors, the display check, and the real program
// started without a display (one line on stderr naming the headless hub, exit code 2); the demo
// refusing a folder with real data or one another hub holds; --ca-file.
#include "consolecommandline.h"
#include "testcerts.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

using namespace TableTap;

class tst_ConsoleCommandLine : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parses_data();
    void parses();
    void counterDisplayView();
    void displayCheck_data();
    void displayCheck();
    void programWithoutDisplay();
    void programHelpAndUsage();
    void programDemoStarts();
    void programDemoRefusesRealData();
    void programDemoRefusesLockedFolder();
    void caFileOption();
};

namespace {
// The console as a user starts it, offscreen, with a settings folder of its own.
int runConsole(const QStringList &args, const QString &configDir, QString *err)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("QT_QPA_PLATFORM", "offscreen");
    env.insert("XDG_CONFIG_HOME", configDir);
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(TT_CONSOLE_BINARY), args);
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
        return -1;
    }
    *err = QString::fromLocal8Bit(p.readAllStandardError());
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}
} // namespace

void tst_ConsoleCommandLine::parses_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("hub");
    QTest::addColumn<bool>("demo");
    QTest::addColumn<QString>("lang");
    QTest::newRow("nothing") << QStringList{} << true << QString() << false << QString();
    QTest::newRow("hub") << QStringList{"--hub", "http://cafe-pc:3000"} << true
                         << "http://cafe-pc:3000" << false << QString();
    QTest::newRow("hub+token") << QStringList{"--hub", "http://h:1", "--token", "a.b.c"} << true
                               << "http://h:1" << false << QString();
    QTest::newRow("token without hub")
        << QStringList{"--token", "a.b.c"} << false << QString() << false << QString();
    QTest::newRow("demo") << QStringList{"--demo", "--lang", "de"} << true << QString() << true
                          << "de";
    QTest::newRow("demo with hub")
        << QStringList{"--demo", "--hub", "http://h:1"} << false << QString() << true << QString();
    QTest::newRow("unknown language")
        << QStringList{"--lang", "xx"} << false << QString() << false << QString();
    QTest::newRow("unknown option")
        << QStringList{"--frobnicate"} << false << QString() << false << QString();
    QTest::newRow("stray argument")
        << QStringList{"extra"} << false << QString() << false << QString();
    QTest::newRow("view") << QStringList{"--view", "dashboard"} << true << QString() << false
                          << QString();
    QTest::newRow("unknown view") << QStringList{"--view", "kitchen"} << false << QString() << false
                                  << QString();
    QTest::newRow("demo speed without demo")
        << QStringList{"--demo-speed", "5"} << false << QString() << false << QString();
    QTest::newRow("qt options set aside")
        << QStringList{"-platform", "offscreen", "-style", "Fusion", "--demo"} << true << QString()
        << true << QString();
}

void tst_ConsoleCommandLine::parses()
{
    QFETCH(QStringList, args);
    QFETCH(bool, ok);
    args.prepend("tabletap");
    ConsoleCommandLine cli;
    QCOMPARE(cli.parse(args), ok);
    if (!ok) {
        QVERIFY(!cli.error().isEmpty());
        return;
    }
    QTEST(cli.hub, "hub");
    QTEST(cli.demo, "demo");
    QTEST(cli.language, "lang");
}

void tst_ConsoleCommandLine::counterDisplayView()
{
    ConsoleCommandLine cli;
    QVERIFY(cli.parse({"tabletap", "--view", "display", "--fullscreen"}));
    QCOMPARE(cli.view, QString("display"));
    QVERIFY(cli.fullScreen);
    QVERIFY(ConsoleCommandLine::viewNames().contains("display"));
    // -display / --display stay Qt's (the X server), never the counter display.
    ConsoleCommandLine x11;
    QVERIFY(x11.parse({"tabletap", "--display", ":1", "--view", "queue"}));
    QCOMPARE(x11.view, QString("queue"));
    QVERIFY(!x11.fullScreen);
    QVERIFY(cli.helpText().contains("--fullscreen"));
}

void tst_ConsoleCommandLine::displayCheck_data()
{
    QTest::addColumn<QByteArray>("platform");
    QTest::addColumn<QByteArray>("display");
    QTest::addColumn<QByteArray>("wayland");
    QTest::addColumn<bool>("expected");
    QTest::newRow("nothing") << QByteArray() << QByteArray() << QByteArray() << false;
    QTest::newRow("x11") << QByteArray() << QByteArray(":0") << QByteArray() << true;
    QTest::newRow("wayland") << QByteArray() << QByteArray() << QByteArray("wayland-0") << true;
    QTest::newRow("offscreen") << QByteArray("offscreen") << QByteArray() << QByteArray() << true;
    QTest::newRow("xcb without X") << QByteArray("xcb") << QByteArray() << QByteArray() << false;
    QTest::newRow("xcb with X") << QByteArray("xcb") << QByteArray(":1") << QByteArray() << true;
    QTest::newRow("wayland;xcb fallback")
        << QByteArray("wayland;xcb") << QByteArray(":1") << QByteArray() << true;
    QTest::newRow("vnc") << QByteArray("vnc:size=800x600") << QByteArray() << QByteArray() << true;
}

void tst_ConsoleCommandLine::displayCheck()
{
    QFETCH(QByteArray, platform);
    QFETCH(QByteArray, display);
    QFETCH(QByteArray, wayland);
    const QByteArray saved[3]
        = {qgetenv("QT_QPA_PLATFORM"), qgetenv("DISPLAY"), qgetenv("WAYLAND_DISPLAY")};
    auto set = [](const char *name, const QByteArray &v) {
        if (v.isEmpty())
            qunsetenv(name);
        else
            qputenv(name, v);
    };
    set("QT_QPA_PLATFORM", platform);
    set("DISPLAY", display);
    set("WAYLAND_DISPLAY", wayland);
    ConsoleCommandLine cli;
    QVERIFY(cli.parse({"tabletap"}));
    const bool has = cli.hasDisplay();
    set("QT_QPA_PLATFORM", saved[0]);
    set("DISPLAY", saved[1]);
    set("WAYLAND_DISPLAY", saved[2]);
    QTEST(has, "expected");
}

void tst_ConsoleCommandLine::programWithoutDisplay()
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove("DISPLAY");
    env.remove("WAYLAND_DISPLAY");
    env.remove("QT_QPA_PLATFORM");
    env.insert("LANGUAGE", "en");
    env.insert("LC_ALL", "C");
    env.insert("XDG_CONFIG_HOME", QDir::tempPath() + "/tst_consolecommandline");
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(TT_CONSOLE_BINARY), {});
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QCOMPARE(p.exitCode(), int(ConsoleCommandLine::NoDisplay));
    const QStringList lines
        = QString::fromLocal8Bit(p.readAllStandardError()).split('\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 1);
    QVERIFY(lines.first().contains("no display"));
    QVERIFY(lines.first().contains("tabletap-hub serve"));
    QVERIFY(p.readAllStandardOutput().isEmpty());
}

void tst_ConsoleCommandLine::programHelpAndUsage()
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove("DISPLAY");
    env.insert("XDG_CONFIG_HOME", QDir::tempPath() + "/tst_consolecommandline");
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(TT_CONSOLE_BINARY), {"--help", "--lang", "en"});
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 0);
    const QString help = QString::fromLocal8Bit(p.readAllStandardOutput());
    QVERIFY(help.contains("--demo"));
    QVERIFY(help.contains("Exit codes"));

    p.start(QStringLiteral(TT_CONSOLE_BINARY), {"--hub"});
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), int(ConsoleCommandLine::UsageError));
    QCOMPARE(QString::fromLocal8Bit(p.readAllStandardError()).count('\n'), 1);

    // German help when asked for.
    p.start(QStringLiteral(TT_CONSOLE_BINARY), {"--help", "--lang", "de"});
    QVERIFY(p.waitForFinished(30000));
    QVERIFY(QString::fromLocal8Bit(p.readAllStandardOutput()).contains("Beendigungscodes"));
}

void tst_ConsoleCommandLine::programDemoStarts()
{
    // The whole program: its own hub, the simulator, the window; a picture of it, then exit 0.
    QTemporaryDir dir;
    const QString shot = dir.filePath("demo.png");
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("QT_QPA_PLATFORM", "offscreen");
    env.insert("XDG_CONFIG_HOME", dir.filePath("config"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(TT_CONSOLE_BINARY),
            {"--demo", "--demo-speed", "30", "--data", dir.filePath("hub"), "--lang", "en",
             "--screenshot", shot, "--screenshot-delay", "4000"});
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    QCOMPARE(QString::fromLocal8Bit(p.readAllStandardOutput()).trimmed(), shot);
    const QImage image(shot);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() >= 800);
    // The hub kept its data where it was told to.
    QVERIFY(QFile::exists(dir.filePath("hub/hub.db")));
}

void tst_ConsoleCommandLine::programDemoRefusesRealData()
{
    // A hub's data folder (what `tabletap-hub cafe add` leaves) is not the demo's to write into.
    QTemporaryDir dir;
    const QString data = dir.filePath("hub");
    QVERIFY(QDir().mkpath(data + "/cafes"));
    QFile db(data + "/hub.db");
    QVERIFY(db.open(QIODevice::WriteOnly));
    db.write("a real hub's registry");
    db.close();
    const QStringList before = QDir(data).entryList(QDir::AllEntries | QDir::Hidden);
    QString err;
    const int rc = runConsole({"--demo", "--data", data, "--lang", "en", "--screenshot",
                               dir.filePath("x.png"), "--screenshot-delay", "0"},
                              dir.filePath("config"), &err);
    QCOMPARE(rc, int(ConsoleCommandLine::Failure));
    QVERIFY2(err.contains("not a demo's") && err.contains(data), qPrintable(err));
    QCOMPARE(QDir(data).entryList(QDir::AllEntries | QDir::Hidden), before);
    QVERIFY(!QFile::exists(dir.filePath("x.png")));
}

void tst_ConsoleCommandLine::programDemoRefusesLockedFolder()
{
    // Another process holds the folder's lock the way `tabletap-hub serve` does.
    QTemporaryDir dir;
    const QString data = dir.filePath("hub");
    QVERIFY(QDir().mkpath(data));
    const int fd = ::open(QFile::encodeName(data + "/hub.lock").constData(),
                          O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    QVERIFY(fd >= 0);
    const QByteArray pid = QByteArray::number(QCoreApplication::applicationPid()) + '\n';
    QCOMPARE(::write(fd, pid.constData(), size_t(pid.size())), ssize_t(pid.size()));
    QCOMPARE(::flock(fd, LOCK_EX | LOCK_NB), 0);
    QString err;
    const int rc = runConsole({"--demo", "--data", data, "--lang", "en", "--screenshot",
                               dir.filePath("x.png"), "--screenshot-delay", "0"},
                              dir.filePath("config"), &err);
    ::close(fd);
    QCOMPARE(rc, int(ConsoleCommandLine::Failure));
    QVERIFY2(err.contains("in use")
                 && err.contains(QString::number(QCoreApplication::applicationPid())),
             qPrintable(err));
    QVERIFY(!QFile::exists(data + "/hub.db"));
}

void tst_ConsoleCommandLine::caFileOption()
{
    TestCerts certs;
    if (!certs.generate())
        QSKIP(qPrintable("no test certificates: " + certs.error));
    ConsoleCommandLine cli;
    QVERIFY(cli.parse({"tabletap", "--hub", "https://cafe-pc:3000", "--ca-file", certs.caPem()}));
    QCOMPARE(cli.caFile, certs.caPem());
    // A key is no certificate; a missing file is none either: usage errors that say so.
    for (const QString &bad : {certs.serverKey(), certs.dir.filePath("missing.pem")}) {
        ConsoleCommandLine wrong;
        QVERIFY(!wrong.parse({"tabletap", "--ca-file", bad}));
        QVERIFY2(wrong.error().contains("--ca-file") && wrong.error().contains(bad),
                 qPrintable(wrong.error()));
    }
    // The real program: exit code 64 with one line.
    QProcess p;
    p.start(QStringLiteral(TT_CONSOLE_BINARY), {"--ca-file", certs.serverKey()});
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), int(ConsoleCommandLine::UsageError));
    QCOMPARE(QString::fromLocal8Bit(p.readAllStandardError()).count('\n'), 1);
}

QTEST_GUILESS_MAIN(tst_ConsoleCommandLine)
#include "tst_consolecommandline.moc"
