// The packages as a user gets them: cpack builds the .deb (and nothing is installed into this
// system); its file list, control fields, maintainer scripts, desktop entry, AppStream metainfo,
// systemd unit and man pages are checked with Debian's own validators; then the .deb is
// extracted into a temporary root and its tabletap-hub is started with the packaged
// configuration (adapted to a temporary data folder and a free port), answers /healthz and
// /metrics (with the access rules), serves the extracted tabletap-cli with a token it minted,
// is backed up while commands are being written, refuses a restore while it serves, and is
// restored and started again with exactly the backed-up data.
#include "hubwireclient.h"

#include <QDirIterator>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

#include <csignal>

using namespace TableTap;
using namespace TableTap::Test;

namespace {

struct Run
{
    int exitCode = -1;
    QString out, err;
    QString all() const { return out + err; }
};

Run run(const QString &program, const QStringList &args, int timeoutMs = 120000,
        const QString &workingDir = {})
{
    QProcess p;
    if (!workingDir.isEmpty())
        p.setWorkingDirectory(workingDir);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.remove(QStringLiteral("JOURNAL_STREAM"));
    p.setProcessEnvironment(env);
    p.start(program, args);
    Run r;
    if (!p.waitForStarted(10000)) {
        r.err = QStringLiteral("%1 did not start: %2").arg(program, p.errorString());
        return r;
    }
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(5000);
        r.err = QStringLiteral("%1 timed out").arg(program);
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

QString tool(const char *name)
{
    return QStandardPaths::findExecutable(QLatin1String(name));
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(data) == data.size();
}

// A long-running child (the extracted hub, a listening tabletap-cli).
class Child
{
public:
    Child(const QString &program, const QStringList &args)
    {
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_process.start(program, args);
    }
    ~Child()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }
    quint16 waitListening(int timeoutMs = 20000)
    {
        static const QRegularExpression re(QStringLiteral("^listening on (\\S+) "));
        (void)QTest::qWaitFor(
            [this] { return out().contains(u'\n') || m_process.state() == QProcess::NotRunning; },
            timeoutMs);
        const auto m = re.match(m_out);
        return m.hasMatch() ? quint16(QUrl(m.captured(1)).port()) : 0;
    }
    void signal(int sig) { ::kill(pid_t(m_process.processId()), sig); }
    int waitExit(int timeoutMs = 20000)
    {
        if (!m_process.waitForFinished(timeoutMs))
            return -1;
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    }
    QString out() { return m_out += QString::fromUtf8(m_process.readAllStandardOutput()); }
    QString err() { return m_err += QString::fromUtf8(m_process.readAllStandardError()); }
    bool running() const { return m_process.state() != QProcess::NotRunning; }

private:
    QProcess m_process;
    QString m_out, m_err;
};

struct HttpResult
{
    int status = 0;
    QByteArray body;
    QByteArray contentType;
};

HttpResult httpGet(const QUrl &url, const QByteArray &token = {})
{
    QNetworkAccessManager nam;
    QNetworkRequest request(url);
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token);
    std::unique_ptr<QNetworkReply> reply(nam.get(request));
    (void)QTest::qWaitFor([&reply] { return reply->isFinished(); }, 10000);
    HttpResult r;
    if (!reply->isFinished())
        return r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.body = reply->readAll();
    r.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    return r;
}

// The value of one sample line ("name{labels} value") of a metrics text; NaN when absent.
double sampleValue(const QByteArray &text, const QByteArray &series)
{
    for (const QByteArray &line : text.split('\n')) {
        if (line.startsWith(QByteArray(series + ' ')))
            return line.mid(series.size() + 1).toDouble();
    }
    return std::nan("");
}

// Every option (--word) a help text names.
QSet<QString> optionsIn(const QString &text)
{
    QSet<QString> out;
    static const QRegularExpression re(QStringLiteral("(?<![\\w-])--([a-z][a-z0-9-]*)"));
    for (auto it = re.globalMatch(text); it.hasNext();)
        out.insert(it.next().captured(1));
    return out;
}

QString manText(const QString &gzPath)
{
    QProcess p;
    p.start(QStringLiteral("gzip"), {QStringLiteral("-dc"), gzPath});
    p.waitForFinished(10000);
    // roff writes a hyphen-minus as \- : read it as the option it is.
    return QString::fromUtf8(p.readAllStandardOutput())
        .replace(QStringLiteral("\\-"), QStringLiteral("-"));
}

} // namespace

class TestPackage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void debFileList();
    void debControl();
    void desktopEntryAndMetainfo();
    void systemdUnit();
    void manPagesCoverHelp();
    void installedHubServesBacksUpAndRestores();

private:
    QString hubBinary() const { return m_root.filePath(QStringLiteral("usr/bin/tabletap-hub")); }
    QString cliBinary() const { return m_root.filePath(QStringLiteral("usr/bin/tabletap-cli")); }

    QTemporaryDir m_work;
    QString m_deb;
    QDir m_root;
};

void TestPackage::initTestCase()
{
    QVERIFY(m_work.isValid());
    for (const char *t : {"dpkg-deb", "dpkg-shlibdeps", "desktop-file-validate", "appstreamcli",
                          "shellcheck", "systemd-analyze", "groff", "gzip"})
        QVERIFY2(!tool(t).isEmpty(), qPrintable(QStringLiteral("%1 is missing; bash "
                                                               "scripts/deps.sh --test installs "
                                                               "it")
                                                    .arg(QLatin1String(t))));
    // The .deb from this build tree, into a folder of our own (cpack's staging goes there too).
    const QString out = m_work.filePath(QStringLiteral("cpack"));
    QVERIFY(QDir().mkpath(out));
    const Run cpack
        = run(QStringLiteral(TT_CPACK),
              {QStringLiteral("-G"), QStringLiteral("DEB"), QStringLiteral("--config"),
               QStringLiteral(TT_BUILD_DIR "/CPackConfig.cmake"), QStringLiteral("-B"), out},
              300000, out);
    QVERIFY2(cpack.exitCode == 0, qPrintable(cpack.all()));
    const QStringList debs = QDir(out).entryList({QStringLiteral("*.deb")}, QDir::Files);
    QCOMPARE(debs.size(), 1);
    m_deb = QDir(out).filePath(debs.first());
    QCOMPARE(debs.first(), QStringLiteral("tabletap_" TT_VERSION "_amd64.deb"));

    // Extracted, not installed: nothing of this test touches the system's files.
    m_root.setPath(m_work.filePath(QStringLiteral("root")));
    QVERIFY(QDir().mkpath(m_root.path()));
    const Run x = run(tool("dpkg-deb"), {QStringLiteral("-x"), m_deb, m_root.path()});
    QVERIFY2(x.exitCode == 0, qPrintable(x.all()));
}

void TestPackage::debFileList()
{
    const Run list = run(tool("dpkg-deb"), {QStringLiteral("-c"), m_deb});
    QCOMPARE(list.exitCode, 0);
    QSet<QString> files;
    QHash<QString, QString> modes;
    for (const QString &line : list.out.split(u'\n', Qt::SkipEmptyParts)) {
        const QStringList f = line.split(u' ', Qt::SkipEmptyParts);
        QVERIFY2(f.size() >= 6, qPrintable(line));
        QCOMPARE(f.at(1), QStringLiteral("root/root"));
        if (f.at(0).startsWith(u'd'))
            continue;
        const QString path = f.at(5).mid(1); // "./usr/bin/x" -> "/usr/bin/x"
        files.insert(path);
        modes.insert(path, f.at(0));
    }
    QSet<QString> expected{
        QStringLiteral("/usr/bin/tabletap-hub"),
        QStringLiteral("/usr/bin/tabletap-cli"),
        QStringLiteral("/etc/tabletap/hub.conf"),
        QStringLiteral("/usr/lib/systemd/system/tabletap-hub.service"),
        QStringLiteral("/usr/lib/sysusers.d/tabletap-hub.conf"),
        QStringLiteral("/usr/share/man/man8/tabletap-hub.8.gz"),
        QStringLiteral("/usr/share/man/man5/tabletap-hub.conf.5.gz"),
        QStringLiteral("/usr/share/man/man1/tabletap-cli.1.gz"),
        QStringLiteral("/usr/share/doc/tabletap/README.md"),
        QStringLiteral("/usr/share/doc/tabletap/operations.md"),
        QStringLiteral("/usr/share/doc/tabletap/hub.md"),
    };
#ifdef TT_WITH_UI
    expected += QSet<QString>{
        QStringLiteral("/usr/bin/tabletap"),
        QStringLiteral("/usr/share/applications/io.github.tabletap.Console.desktop"),
        QStringLiteral("/usr/share/metainfo/io.github.tabletap.Console.metainfo.xml"),
        QStringLiteral("/usr/share/icons/hicolor/scalable/apps/io.github.tabletap.Console.svg"),
        QStringLiteral("/usr/share/man/man1/tabletap.1.gz"),
    };
#endif
    QVERIFY2(files == expected,
             qPrintable(QStringLiteral("unexpected: %1; missing: %2")
                            .arg(QStringList((files - expected).values()).join(u' '),
                                 QStringList((expected - files).values()).join(u' '))));
    for (const QString &program :
         {QStringLiteral("/usr/bin/tabletap-hub"), QStringLiteral("/usr/bin/tabletap-cli")})
        QCOMPARE(modes.value(program), QStringLiteral("-rwxr-xr-x"));
    QCOMPARE(modes.value(QStringLiteral("/etc/tabletap/hub.conf")), QStringLiteral("-rw-r--r--"));

    // The tarball holds the same tree.
    const QString tgzDir = m_work.filePath(QStringLiteral("tgz"));
    QVERIFY(QDir().mkpath(tgzDir));
    const Run tgz
        = run(QStringLiteral(TT_CPACK),
              {QStringLiteral("-G"), QStringLiteral("TGZ"), QStringLiteral("--config"),
               QStringLiteral(TT_BUILD_DIR "/CPackConfig.cmake"), QStringLiteral("-B"), tgzDir},
              300000, tgzDir);
    QVERIFY2(tgz.exitCode == 0, qPrintable(tgz.all()));
    const QStringList tarballs = QDir(tgzDir).entryList({QStringLiteral("*.tar.gz")}, QDir::Files);
    QCOMPARE(tarballs.size(), 1);
    QCOMPARE(tarballs.first(), QStringLiteral("tabletap-" TT_VERSION "-linux-x86_64.tar.gz"));
    const Run tar = run(QStringLiteral("tar"),
                        {QStringLiteral("-tzf"), QDir(tgzDir).filePath(tarballs.first())});
    QCOMPARE(tar.exitCode, 0);
    QSet<QString> inTarball;
    for (const QString &line : tar.out.split(u'\n', Qt::SkipEmptyParts)) {
        if (!line.endsWith(u'/'))
            inTarball.insert(line.mid(line.indexOf(u'/'))); // drop the top folder
    }
    QCOMPARE(inTarball, expected);

    // Stripped programs: the package carries no debug information.
    const Run file = run(tool("file"), {hubBinary(), cliBinary()});
    if (file.exitCode == 0) {
        QVERIFY2(!file.out.contains(QStringLiteral("with debug_info")), qPrintable(file.out));
    }
}

void TestPackage::debControl()
{
    const Run fields
        = run(tool("dpkg-deb"), {QStringLiteral("-f"), m_deb, QStringLiteral("Package"),
                                 QStringLiteral("Version"), QStringLiteral("Architecture"),
                                 QStringLiteral("Depends"), QStringLiteral("Section")});
    QCOMPARE(fields.exitCode, 0);
    QVERIFY(fields.out.contains(QStringLiteral("Package: tabletap\n")));
    QVERIFY(fields.out.contains(QStringLiteral("Version: " TT_VERSION "\n")));
    QVERIFY(fields.out.contains(QStringLiteral("Architecture: amd64\n")));
    // dpkg-shlibdeps found the Qt libraries; the plugins and adduser are named by hand.
    for (const char *dep : {"libqt6core6", "libqt6network6", "libqt6sql6 ", "libqt6websockets6",
                            "libqt6sql6-sqlite", "libqt6sql6-psql", "adduser", "libc6"})
        QVERIFY2(fields.out.contains(QLatin1String(dep)), qPrintable(dep + fields.out));

    const QString control = m_work.filePath(QStringLiteral("control"));
    const Run e = run(tool("dpkg-deb"), {QStringLiteral("-e"), m_deb, control});
    QCOMPARE(e.exitCode, 0);
    QCOMPARE(readFile(control + QStringLiteral("/conffiles")).trimmed(),
             QByteArray("/etc/tabletap/hub.conf"));
    for (const QString &script :
         {QStringLiteral("postinst"), QStringLiteral("prerm"), QStringLiteral("postrm")}) {
        const QFileInfo info(control + u'/' + script);
        QVERIFY2(info.isExecutable(), qPrintable(script));
        const Run check = run(tool("shellcheck"),
                              {QStringLiteral("-s"), QStringLiteral("sh"), info.filePath()});
        QVERIFY2(check.exitCode == 0, qPrintable(script + u'\n' + check.all()));
    }
    const QByteArray postinst = readFile(control + QStringLiteral("/postinst"));
    QVERIFY(postinst.contains("adduser --system"));
    QVERIFY(postinst.contains("--home /var/lib/tabletap-hub"));
}

void TestPackage::desktopEntryAndMetainfo()
{
#ifndef TT_WITH_UI
    QSKIP("built without the console (TABLETAP_BUILD_UI=OFF)");
#else
    const QString desktop = m_root.filePath(
        QStringLiteral("usr/share/applications/io.github.tabletap.Console.desktop"));
    const Run d = run(tool("desktop-file-validate"), {desktop});
    QVERIFY2(d.exitCode == 0 && d.all().trimmed().isEmpty(), qPrintable(d.all()));
    const QByteArray entry = readFile(desktop);
    QVERIFY(entry.contains("\nExec=tabletap\n"));
    QVERIFY(entry.contains("\nIcon=io.github.tabletap.Console\n"));
    QVERIFY(
        QFileInfo::exists(m_root.filePath(QStringLiteral("usr/share/icons/hicolor/scalable/apps/"
                                                         "io.github.tabletap.Console.svg"))));

    const QString metainfo = m_root.filePath(
        QStringLiteral("usr/share/metainfo/io.github.tabletap.Console.metainfo.xml"));
    const Run a = run(tool("appstreamcli"), {QStringLiteral("validate"), QStringLiteral("--no-net"),
                                             QStringLiteral("--explain"), metainfo});
    QVERIFY2(a.exitCode == 0, qPrintable(a.all()));
    const QByteArray xml = readFile(metainfo);
    QVERIFY(xml.contains("<launchable type=\"desktop-id\">io.github.tabletap.Console.desktop<"));
    QVERIFY(xml.contains("<release version=\"" TT_VERSION "\""));

    // The catalogues are compiled into the console: it speaks German from the package as is.
    const QString console = m_root.filePath(QStringLiteral("usr/bin/tabletap"));
    const Run english
        = run(console, {QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("--help")});
    const Run german
        = run(console, {QStringLiteral("--lang"), QStringLiteral("de"), QStringLiteral("--help")});
    QCOMPARE(english.exitCode, 0);
    QCOMPARE(german.exitCode, 0);
    QVERIFY2(english.out.startsWith(QStringLiteral("Usage: tabletap")), qPrintable(english.out));
    QVERIFY2(!german.out.startsWith(QStringLiteral("Usage:")) && german.out.contains(u"tabletap"),
             qPrintable(german.out));
#endif
}

void TestPackage::systemdUnit()
{
    const QString unitPath
        = m_root.filePath(QStringLiteral("usr/lib/systemd/system/tabletap-hub.service"));
    const QString unit = QString::fromUtf8(readFile(unitPath));
    for (const char *line :
         {"\nType=exec\n", "\nUser=tabletap\n", "\nGroup=tabletap\n",
          "\nExecStart=/usr/bin/tabletap-hub serve --config /etc/tabletap/hub.conf\n",
          "\nRestart=on-failure\n", "\nRestartPreventExitStatus=2\n",
          "\nStateDirectory=tabletap-hub\n", "\nConfigurationDirectory=tabletap\n",
          "\nNoNewPrivileges=yes\n", "\nProtectSystem=strict\n",
          "\nReadWritePaths=/var/lib/tabletap-hub\n", "\nWantedBy=multi-user.target\n"})
        QVERIFY2(unit.contains(QLatin1String(line)), line);
    // The packaged configuration points at the unit's state directory.
    const QByteArray conf = readFile(m_root.filePath(QStringLiteral("etc/tabletap/hub.conf")));
    QVERIFY(conf.contains("\ndata = /var/lib/tabletap-hub\n"));
    QVERIFY(conf.contains("\n[simulator]\n") && conf.contains("\nenabled = false\n"));

    // systemd's own check, on a copy whose ExecStart names the extracted program (verify wants
    // it to exist). It prints every problem and still exits 0, so the output must be empty.
    const QString copy = m_work.filePath(QStringLiteral("tabletap-hub.service"));
    QVERIFY(writeFile(copy, unit.toUtf8().replace("/usr/bin/tabletap-hub", hubBinary().toUtf8())));
    const Run verify = run(tool("systemd-analyze"),
                           {QStringLiteral("verify"), QStringLiteral("--man=no"), copy});
    QVERIFY2(verify.exitCode == 0 && verify.all().trimmed().isEmpty(), qPrintable(verify.all()));
    const Run security = run(tool("systemd-analyze"),
                             {QStringLiteral("security"), QStringLiteral("--offline=yes"), copy});
    static const QRegularExpression level(
        QStringLiteral("Overall exposure level for \\S+: (\\d+\\.\\d+)"));
    const auto m = level.match(security.all());
    QVERIFY2(m.hasMatch(), qPrintable(security.all()));
    qInfo("systemd-analyze security: exposure %s", qPrintable(m.captured(1)));
    QVERIFY2(m.captured(1).toDouble() <= 2.0, qPrintable(security.all()));
}

void TestPackage::manPagesCoverHelp()
{
    struct Page
    {
        QString program;
        QString page;
    };
    QList<Page> pages{{QStringLiteral("tabletap-hub"), QStringLiteral("man8/tabletap-hub.8.gz")},
                      {QStringLiteral("tabletap-cli"), QStringLiteral("man1/tabletap-cli.1.gz")}};
#ifdef TT_WITH_UI
    pages.append({QStringLiteral("tabletap"), QStringLiteral("man1/tabletap.1.gz")});
#endif
    const QString man = m_root.filePath(QStringLiteral("usr/share/man/"));
    for (const Page &p : pages) {
        const QString text = manText(man + p.page);
        QVERIFY2(!text.isEmpty(), qPrintable(p.page));
        // groff renders it without a warning.
        QProcess groff;
        groff.start(tool("groff"), {QStringLiteral("-man"), QStringLiteral("-Tutf8"),
                                    QStringLiteral("-ww"), QStringLiteral("-z")});
        {
            QProcess gz;
            gz.start(QStringLiteral("gzip"), {QStringLiteral("-dc"), man + p.page});
            gz.waitForFinished(10000);
            groff.write(gz.readAllStandardOutput());
        }
        groff.closeWriteChannel();
        QVERIFY(groff.waitForFinished(20000));
        QCOMPARE(groff.exitCode(), 0);
        const QByteArray warnings = groff.readAllStandardError();
        QVERIFY2(warnings.isEmpty(), qPrintable(p.page + u'\n' + QString::fromUtf8(warnings)));
        QVERIFY2(text.contains(QStringLiteral(" " TT_VERSION "\"")), qPrintable(p.page));

        const Run help = run(m_root.filePath(QStringLiteral("usr/bin/")) + p.program,
                             {QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QSet<QString> missing;
        for (const QString &o : optionsIn(help.out)) {
            if (o != u"help-all" && !text.contains(QStringLiteral("--") + o))
                missing.insert(o);
        }
        QVERIFY2(missing.isEmpty(), qPrintable(p.page + QStringLiteral(" lacks --")
                                               + QStringList(missing.values()).join(u' ')));
    }
    // Every key of the configuration file (as --help lists them) is in tabletap-hub.conf(5).
    const QString conf = manText(man + QStringLiteral("man5/tabletap-hub.conf.5.gz"));
    const Run help = run(hubBinary(), {QStringLiteral("--help")});
    const QString keys = help.out.section(QStringLiteral("Configuration file"), 1)
                             .section(QStringLiteral("Admin commands"), 0, 0);
    static const QRegularExpression keyLine(QStringLiteral("^    ([a-z_]+) = "),
                                            QRegularExpression::MultilineOption);
    int count = 0;
    for (auto it = keyLine.globalMatch(keys); it.hasNext();) {
        const QString key = it.next().captured(1);
        ++count;
        QVERIFY2(conf.contains(QStringLiteral(".BI ") + key + QStringLiteral(" \"")),
                 qPrintable(key));
    }
    QCOMPARE(count, 26);
}

void TestPackage::installedHubServesBacksUpAndRestores()
{
    // The packaged configuration, adapted as a shop would: its own data folder, a free port on
    // the loopback, /metrics closed to the loopback but open to a bearer token.
    const QString data = m_work.filePath(QStringLiteral("var/lib/tabletap-hub"));
    const QString tokenFile = m_root.filePath(QStringLiteral("etc/tabletap/metrics.token"));
    const QByteArray metricsToken = "5d1b6c0e8f3a4b27a9c4e1f06b2d7e83";
    QVERIFY(writeFile(tokenFile, metricsToken + '\n'));
    const QString confPath = m_root.filePath(QStringLiteral("etc/tabletap/hub.conf"));
    QByteArray conf = readFile(confPath);
    conf.replace("data = /var/lib/tabletap-hub", QByteArray("data = " + data.toUtf8()))
        .replace("bind = 0.0.0.0", "bind = 127.0.0.1")
        .replace("port = 3000", "port = 0")
        .replace("allow = 127.0.0.1/8, ::1", "allow = 192.0.2.0/24")
        .replace("# token_file = /etc/tabletap/metrics.token",
                 QByteArray("token_file = " + tokenFile.toUtf8()));
    QVERIFY(writeFile(confPath, conf));
    QCOMPARE(run(hubBinary(), {QStringLiteral("--version")}).out,
             QStringLiteral("tabletap-hub " TT_VERSION "\n"));
    // The program finds it where a /usr/bin program looks: <root>/etc/tabletap/hub.conf.
    const Run check = run(hubBinary(), {QStringLiteral("serve"), QStringLiteral("--check-config")});
    QVERIFY2(check.exitCode == 0, qPrintable(check.all()));
    QCOMPARE(check.out.trimmed(), QStringLiteral("configuration OK: ") + confPath);

    // Admin commands take the data folder from the same file.
    Run r = run(hubBinary(),
                {QStringLiteral("cafe"), QStringLiteral("add"), QStringLiteral("--id"),
                 QStringLiteral("downtown"), QStringLiteral("--name"), QStringLiteral("Downtown")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
    QVERIFY(QFileInfo::exists(data + QStringLiteral("/cafes/downtown.db")));

    auto hub = std::make_unique<Child>(hubBinary(), QStringList{QStringLiteral("serve")});
    const quint16 port = hub->waitListening();
    QVERIFY2(port > 0, qPrintable(hub->out() + hub->err()));
    const QUrl base(QStringLiteral("http://127.0.0.1:%1").arg(port));
    // Log lines are structured.
    QVERIFY(QTest::qWaitFor([&hub] { return hub->err().contains(QStringLiteral("hub serving")); },
                            5000));
    QVERIFY2(hub->err().contains(QStringLiteral("level=info category=tabletap.hub.wiring "
                                                "msg=\"hub serving 1 cafe(s)")),
             qPrintable(hub->err()));

    // A second hub on the same folder is refused: one line, exit 1.
    r = run(hubBinary(), {QStringLiteral("serve"), QStringLiteral("--port"), QStringLiteral("0")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("is serving ") + data), qPrintable(r.err));

    // /healthz and /metrics: not by address (the loopback is not in allow), but by token.
    QCOMPARE(httpGet(base.resolved(QUrl(QStringLiteral("/healthz")))).status, 403);
    QCOMPARE(
        httpGet(base.resolved(QUrl(QStringLiteral("/metrics"))), "wrong-token-wrong-token").status,
        403);
    HttpResult health = httpGet(base.resolved(QUrl(QStringLiteral("/healthz"))), metricsToken);
    QCOMPARE(health.status, 200);
    const QJsonObject healthBody = QJsonDocument::fromJson(health.body).object();
    QCOMPARE(healthBody.value(u"status").toString(), QStringLiteral("ok"));
    QCOMPARE(healthBody.value(u"version").toString(), QStringLiteral(TT_VERSION));
    QCOMPARE(healthBody.value(u"cafes").toInt(), 1);
    QCOMPARE(healthBody.value(u"storage").toObject().value(u"databases").toInt(), 2);

    // tabletap-cli with a token the extracted hub minted.
    r = run(hubBinary(),
            {QStringLiteral("token"), QStringLiteral("--cafe"), QStringLiteral("downtown"),
             QStringLiteral("--user"), QStringLiteral("till-1"), QStringLiteral("--name"),
             QStringLiteral("Till 1"), QStringLiteral("--role"), QStringLiteral("manager"),
             QStringLiteral("--ttl"), QStringLiteral("1h")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
    const QString token = r.out.trimmed();
    const QString auth = QStringLiteral("{\"token\":\"%1\"}").arg(token);
    const auto cliEmit = [&](const QString &command, const QJsonObject &payload) {
        return run(cliBinary(),
                   {QStringLiteral("emit"), base.toString(), command,
                    QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact)),
                    QStringLiteral("-n"), QStringLiteral("/orders"), QStringLiteral("--auth"), auth,
                    QStringLiteral("--ack"), QStringLiteral("--transports"),
                    QStringLiteral("websocket")},
                   30000);
    };
    r = cliEmit(QStringLiteral("list_menu"), {});
    QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
    const QJsonArray products = QJsonDocument::fromJson(r.out.toUtf8())
                                    .array()
                                    .at(0)
                                    .toObject()
                                    .value(u"data")
                                    .toObject()
                                    .value(u"products")
                                    .toArray();
    QVERIFY2(!products.isEmpty(), qPrintable(r.out));
    // Espresso: beans for 277 cups in the starter menu, more than this test orders.
    QString productId;
    for (const QJsonValue &p : products) {
        if (p.toObject().value(u"name").toString() == u"Espresso")
            productId = p.toObject().value(u"id").toString();
    }
    QVERIFY(!productId.isEmpty());
    const auto order = [&productId](const QString &name) {
        return QJsonObject{{QStringLiteral("customer_name"), name},
                           {QStringLiteral("items"),
                            QJsonArray{QJsonObject{{QStringLiteral("product_id"), productId},
                                                   {QStringLiteral("quantity"), 1}}}}};
    };
    // A listener sees the order a second client creates.
    Child listener(cliBinary(),
                   {QStringLiteral("listen"), base.toString(), QStringLiteral("-n"),
                    QStringLiteral("/orders"), QStringLiteral("--auth"), auth,
                    QStringLiteral("--count"), QStringLiteral("1"), QStringLiteral("--verbose")});
    QVERIFY2(
        QTest::qWaitFor([&listener] { return listener.err().contains(u"connected to"); }, 15000),
        qPrintable(listener.err()));
    r = cliEmit(QStringLiteral("create_order"), order(QStringLiteral("Cli order")));
    QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
    QVERIFY2(r.out.contains(QStringLiteral("\"ok\":true")), qPrintable(r.out));
    QCOMPARE(listener.waitExit(15000), 0);
    QVERIFY2(listener.out().contains(QStringLiteral("\"event\":\"order:created\"")),
             qPrintable(listener.out()));

    // Backup while commands are being written: a device keeps orders in flight, paced under the
    // hub's per-user command rate (50/s).
    HubWireClient device(base, token, QStringLiteral("downtown"), QStringLiteral("manager"),
                         {QStringLiteral("/orders")});
    QVERIFY(device.waitConnected());
    QSet<QString> sent, acked, ackedBeforeBackup;
    int answered = 0;
    int outstanding = 0;
    QObject context;
    QTimer pace;
    pace.setInterval(25);
    QObject::connect(&pace, &QTimer::timeout, &context, [&] {
        if (outstanding >= 4)
            return;
        const QString name = QStringLiteral("Backup %1").arg(sent.size());
        sent.insert(name);
        ++outstanding;
        device.socket(QStringLiteral("/orders"))
            ->emitWithAck(
                QStringLiteral("create_order"), {order(name)}, &context,
                [&, name](const SioAckResult &a) {
                    --outstanding;
                    ++answered;
                    if (a.ok() && a.args.at(0).toObject().value(u"ok").toBool())
                        acked.insert(name);
                },
                20000);
    });
    pace.start();
    QVERIFY(QTest::qWaitFor([&acked] { return acked.size() >= 25; }, 30000));
    const QString backupDir = m_work.filePath(QStringLiteral("backup"));
    QProcess backup;
    ackedBeforeBackup = acked;
    const int sentBeforeBackup = int(sent.size());
    backup.start(hubBinary(), {QStringLiteral("backup"), QStringLiteral("--out"), backupDir});
    QVERIFY(QTest::qWaitFor([&backup] { return backup.state() == QProcess::NotRunning; }, 60000));
    QVERIFY2(backup.exitCode() == 0, backup.readAllStandardError().constData());
    const int sentAtBackupEnd = int(sent.size());
    QVERIFY(QTest::qWaitFor([&] { return acked.size() >= sentAtBackupEnd + 15; }, 30000));
    pace.stop();
    QVERIFY(QTest::qWaitFor([&] { return answered == sent.size(); }, 20000));
    qInfo("orders: %d sent before the backup, %d by its end, %d in all, %d acknowledged",
          sentBeforeBackup, sentAtBackupEnd, int(sent.size()), int(acked.size()));
    QCOMPARE(acked.size(), sent.size());

    // The metrics saw it all.
    const HttpResult metrics
        = httpGet(base.resolved(QUrl(QStringLiteral("/metrics"))), metricsToken);
    QCOMPARE(metrics.status, 200);
    QVERIFY(metrics.contentType.startsWith("text/plain; version=0.0.4"));
    QCOMPARE(sampleValue(metrics.body,
                         "tabletap_commands_total{command=\"create_order\",result=\"ok\"}"),
             double(acked.size() + 1));
    QCOMPARE(sampleValue(metrics.body, "tabletap_connections{namespace=\"/orders\"}"), 1.0);
    QVERIFY(sampleValue(metrics.body, "tabletap_storage_batch_seconds_count") >= 1);
    QVERIFY(sampleValue(metrics.body, "process_resident_memory_bytes") > 0);

    // The backup is consistent: whole orders, each with its items and its event, and every
    // order acknowledged before it began.
    QSet<QString> inBackup;
    {
        QSqlDatabase db
            = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("backup"));
        db.setDatabaseName(backupDir + QStringLiteral("/cafes/downtown.db"));
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
        QVERIFY(q.exec(QStringLiteral("PRAGMA foreign_key_check")));
        QVERIFY(!q.next());
        QVERIFY(q.exec(QStringLiteral("SELECT customer_name FROM orders")));
        while (q.next())
            inBackup.insert(q.value(0).toString());
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM orders o WHERE NOT EXISTS (SELECT 1 "
                                      "FROM order_items i WHERE i.order_id = o.id)"))
                && q.next());
        QCOMPARE(q.value(0).toInt(), 0);
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM events WHERE name = 'order:created'"))
                && q.next());
        QCOMPARE(q.value(0).toInt(), int(inBackup.size()));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("backup"));
    QVERIFY(inBackup.contains(QStringLiteral("Cli order")));
    for (const QString &name : std::as_const(ackedBeforeBackup))
        QVERIFY2(inBackup.contains(name), qPrintable(name));
    inBackup.remove(QStringLiteral("Cli order"));
    QVERIFY((inBackup - sent).isEmpty());
    QVERIFY2(inBackup.size() < acked.size(), "orders acknowledged after the backup are not in it");

    // Restore refuses while the hub serves the folder.
    r = run(hubBinary(), {QStringLiteral("restore"), QStringLiteral("--from"), backupDir});
    QCOMPARE(r.exitCode, 4);
    QVERIFY2(r.err.contains(QStringLiteral("is serving")), qPrintable(r.err));

    // Stop (clean exit), restore, start again on the restored data.
    device.manager->close();
    hub->signal(SIGTERM);
    QCOMPARE(hub->waitExit(), 0);
    hub.reset();
    r = run(hubBinary(), {QStringLiteral("restore"), QStringLiteral("--from"), backupDir});
    QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
    QVERIFY2(r.out.contains(QStringLiteral("restored 1 cafe(s)")), qPrintable(r.out));
    QVERIFY(r.out.contains(QStringLiteral("the previous data is in ") + data
                           + QStringLiteral("/pre-restore-")));

    hub = std::make_unique<Child>(hubBinary(), QStringList{QStringLiteral("serve")});
    const quint16 port2 = hub->waitListening();
    QVERIFY2(port2 > 0, qPrintable(hub->out() + hub->err()));
    const QUrl base2(QStringLiteral("http://127.0.0.1:%1").arg(port2));
    health = httpGet(base2.resolved(QUrl(QStringLiteral("/healthz"))), metricsToken);
    QCOMPARE(health.status, 200);
    // The old token still works (the secret came back with the data), and the hub holds exactly
    // the backed-up orders.
    r = run(cliBinary(),
            {QStringLiteral("emit"), base2.toString(), QStringLiteral("list_orders"),
             QStringLiteral("{\"recent_limit\":500}"), QStringLiteral("-n"),
             QStringLiteral("/orders"), QStringLiteral("--auth"), auth, QStringLiteral("--ack")},
            30000);
    QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
    const QJsonObject orders = QJsonDocument::fromJson(r.out.toUtf8())
                                   .array()
                                   .at(0)
                                   .toObject()
                                   .value(u"data")
                                   .toObject();
    QSet<QString> served;
    for (const QString &list : {QStringLiteral("open_orders"), QStringLiteral("recent_orders")}) {
        for (const QJsonValue &o : orders.value(list).toArray())
            served.insert(o.toObject().value(u"customer_name").toString());
    }
    served.remove(QStringLiteral("Cli order"));
    QCOMPARE(served, inBackup);
    hub->signal(SIGTERM);
    QCOMPARE(hub->waitExit(), 0);
}

QTEST_GUILESS_MAIN(TestPackage)
#include "tst_package.moc"
