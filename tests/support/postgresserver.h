// A throwaway PostgreSQL 15 server for tests: initdb into a QTemporaryDir, postgres on 127.0.0.1
// and a free port, its unix socket in the same folder, trust authentication for the loopback,
// fsync left on (the hub's durability is what is tested). Both run as an unprivileged user: the
// `postgres` system user when the test runs as root (the folder is handed to it), otherwise the
// test's own. Stopped (fast shutdown, then SIGKILL) in the destructor, and by the kernel when
// the test process dies (PR_SET_PDEATHSIG). Nothing is skipped: when
// PostgreSQL is missing, start() says so and the test fails.
//
//     PostgresServer pg;
//     QVERIFY2(pg.start().isEmpty(), ...);
//     QVERIFY(pg.createDatabase("hub").isEmpty());
//     options.databaseUrl = pg.url("hub");
//
// shared() is one server per test process, started on first use (each test case then takes a
// fresh database of its own). The binaries: TABLETAP_PG_BIN, else /usr/lib/postgresql/15/bin.
// A test using it links Qt6::Sql (the Qt PostgreSQL driver, QPSQL, creates the databases).
#pragma once

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <arpa/inet.h>
#include <grp.h>
#include <netinet/in.h>
#include <pwd.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>

namespace TableTap {

class PostgresServer
{
public:
    PostgresServer() = default;
    ~PostgresServer() { stop(); }
    PostgresServer(const PostgresServer &) = delete;
    PostgresServer &operator=(const PostgresServer &) = delete;

    static QString binDir()
    {
        const QString env = qEnvironmentVariable("TABLETAP_PG_BIN");
        return env.isEmpty() ? QStringLiteral("/usr/lib/postgresql/15/bin") : env;
    }

    // One server for the whole test process, started on first use; null with *error set when
    // it cannot start.
    static PostgresServer *shared(QString *error)
    {
        static PostgresServer *server = nullptr;
        static QString failure;
        if (!server && failure.isEmpty()) {
            auto *s = new PostgresServer; // stopped and removed as QCoreApplication goes
            failure = s->start();
            if (failure.isEmpty()) {
                server = s;
                qAddPostRoutine([] {
                    delete server;
                    server = nullptr;
                });
            } else {
                delete s;
            }
        }
        if (error)
            *error = failure;
        return server;
    }

    // Empty on success, otherwise why the server did not come up.
    QString start()
    {
        const QString initdb = binDir() + QStringLiteral("/initdb");
        const QString postgres = binDir() + QStringLiteral("/postgres");
        if (!QFileInfo(initdb).isExecutable() || !QFileInfo(postgres).isExecutable())
            return QStringLiteral("PostgreSQL 15 is not installed (%1/initdb and postgres "
                                  "missing; Debian package postgresql-15, see scripts/deps.sh)")
                .arg(binDir());
        if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
            return QStringLiteral("the Qt PostgreSQL driver QPSQL is missing (Debian package "
                                  "libqt6sql6-psql)");
        if (!m_dir.isValid())
            return QStringLiteral("no temporary folder");
        if (::geteuid() == 0) {
            const passwd *pw = ::getpwnam("postgres");
            if (!pw)
                return QStringLiteral("running as root, but there is no `postgres` user to run "
                                      "PostgreSQL as");
            m_uid = pw->pw_uid;
            m_gid = pw->pw_gid;
            if (::chown(QFile::encodeName(m_dir.path()).constData(), m_uid, m_gid) != 0)
                return QStringLiteral("cannot hand %1 to the postgres user").arg(m_dir.path());
        }
        m_port = freePort();
        if (m_port == 0)
            return QStringLiteral("no free port");
        const QString data = m_dir.filePath(QStringLiteral("data"));
        QProcess init;
        prepare(init);
        init.start(initdb,
                   {QStringLiteral("-D"), data, QStringLiteral("-U"), QStringLiteral("postgres"),
                    QStringLiteral("--auth=trust"), QStringLiteral("--encoding=UTF8"),
                    QStringLiteral("--locale=C"), QStringLiteral("--no-sync")});
        if (!init.waitForFinished(120000) || init.exitStatus() != QProcess::NormalExit
            || init.exitCode() != 0)
            return QStringLiteral("initdb failed: ") + QString::fromLocal8Bit(init.readAll());

        prepare(m_server);
        m_server.start(postgres,
                       {QStringLiteral("-D"), data, QStringLiteral("-p"), QString::number(m_port),
                        QStringLiteral("-k"), m_dir.path(), QStringLiteral("-c"),
                        QStringLiteral("listen_addresses=127.0.0.1"), QStringLiteral("-c"),
                        QStringLiteral("max_connections=300"), QStringLiteral("-c"),
                        QStringLiteral("fsync=on")});
        if (!m_server.waitForStarted(10000))
            return QStringLiteral("cannot start postgres: ") + m_server.errorString();
        const QDeadlineTimer deadline(60000);
        QString last;
        while (!deadline.hasExpired() && m_server.state() == QProcess::Running) {
            last = exec(QStringLiteral("postgres"), QStringLiteral("SELECT 1"));
            if (last.isEmpty())
                return {};
            QTest::qWait(100);
        }
        const QString log = QString::fromLocal8Bit(m_server.readAll());
        stop();
        return QStringLiteral("postgres did not answer: %1 %2").arg(last, log.right(2000));
    }

    // Fast shutdown (SIGINT), SIGKILL if it lingers. Also like a crash when called as kill().
    void stop()
    {
        if (m_server.state() == QProcess::NotRunning)
            return;
        ::kill(pid_t(m_server.processId()), SIGINT);
        if (!m_server.waitForFinished(15000)) {
            m_server.kill();
            m_server.waitForFinished(5000);
        }
    }

    quint16 port() const { return m_port; }
    QString url(const QString &database) const
    {
        return QStringLiteral("postgresql://postgres@127.0.0.1:%1/%2").arg(m_port).arg(database);
    }

    // Empty on success.
    QString createDatabase(const QString &name)
    {
        return exec(QStringLiteral("postgres"),
                    QStringLiteral("CREATE DATABASE \"%1\"").arg(QString(name).remove(u'"')));
    }
    // A new database with a unique name (prefix_<n>), for one test case; empty on failure.
    QString createFreshDatabase(const QString &prefix, QString *error)
    {
        static int counter = 0;
        const QString name = QStringLiteral("%1_%2_%3")
                                 .arg(prefix.toLower())
                                 .arg(QCoreApplication::applicationPid())
                                 .arg(++counter);
        const QString failure = createDatabase(name);
        if (error)
            *error = failure;
        return failure.isEmpty() ? name : QString();
    }

    // Runs one statement on database as the superuser; empty on success, else the error.
    QString exec(const QString &database, const QString &sql)
    {
        const QString connection
            = QStringLiteral("tt-pgserver-") + QUuid::createUuid().toString(QUuid::Id128);
        QString error;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
            db.setHostName(QStringLiteral("127.0.0.1"));
            db.setPort(m_port);
            db.setUserName(QStringLiteral("postgres"));
            db.setDatabaseName(database);
            db.setConnectOptions(QStringLiteral("connect_timeout=5"));
            if (!db.open()) {
                error = db.lastError().text();
            } else {
                QSqlQuery q(db);
                if (!q.exec(sql))
                    error = q.lastError().text();
                q.finish();
                db.close();
            }
        }
        QSqlDatabase::removeDatabase(connection);
        return error.trimmed();
    }

    // A port the kernel just handed out on 127.0.0.1 and took back (plain sockets, so the
    // header needs no Qt Network).
    static quint16 freePort()
    {
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        if (fd < 0)
            return 0;
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        addr.sin_port = 0;
        socklen_t len = sizeof(addr);
        quint16 port = 0;
        if (::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof(addr)) == 0
            && ::getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &len) == 0)
            port = ntohs(addr.sin_port);
        ::close(fd);
        return port;
    }

private:
    // The child drops root for the postgres user before exec (initdb and postgres refuse root).
    void prepare(QProcess &p)
    {
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.setWorkingDirectory(m_dir.path());
        const uid_t uid = m_uid;
        const gid_t gid = m_gid;
        p.setChildProcessModifier([uid, gid] {
            if (uid != uid_t(-1)
                && (::setgroups(0, nullptr) != 0 || ::setgid(gid) != 0 || ::setuid(uid) != 0))
                ::_exit(126);
            // A test that crashes takes its server along (SIGQUIT: immediate shutdown); set
            // after setuid, which clears it.
            ::prctl(PR_SET_PDEATHSIG, SIGQUIT);
        });
    }

    QTemporaryDir m_dir;
    QProcess m_server;
    quint16 m_port = 0;
    uid_t m_uid = uid_t(-1);
    gid_t m_gid = gid_t(-1);
};

} // namespace TableTap
