// RedisService and PostgresService: start, wait until they answer, stop, clean up.
#include "services.h"

#include "monotonicclock.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pwd.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>

namespace TableTap {

namespace {

std::string makeTempDir(const char *prefix)
{
    std::string pattern = std::string("/tmp/") + prefix + "-XXXXXX";
    std::vector<char> buffer(pattern.begin(), pattern.end());
    buffer.push_back('\0');
    const char *dir = mkdtemp(buffer.data());
    return dir ? std::string(dir) : std::string();
}

void removeTempDir(const std::string &dir, const char *prefix)
{
    // Only what this file made.
    if (dir.rfind(std::string("/tmp/") + prefix + "-", 0) != 0)
        return;
    std::string out;
    ChildProcess::run({"rm", "-rf", dir}, &out, 60000);
}

} // namespace

uint16_t freeLoopbackPort()
{
    const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return 0;
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    uint16_t port = 0;
    if (bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0
        && getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &len) == 0)
        port = ntohs(addr.sin_port);
    close(fd);
    return port;
}

bool waitForLoopbackPort(uint16_t port, int timeoutMs)
{
    const int64_t deadline = monotonicMicros() + int64_t(timeoutMs) * 1000;
    while (monotonicMicros() < deadline) {
        const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (fd < 0)
            return false;
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        addr.sin_port = htons(port);
        const bool ok = connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0;
        close(fd);
        if (ok)
            return true;
        usleep(20000);
    }
    return false;
}

bool RedisService::start(const std::string &binary, int cpu, const std::string &logPath,
                         std::string *error)
{
    stop();
    m_dir = makeTempDir("tt-redisbench");
    m_port = freeLoopbackPort();
    if (m_dir.empty() || m_port == 0) {
        *error = "no temporary folder or free port for redis-server";
        return false;
    }
    // Its log goes to stdout (no logfile), which ChildProcess drains.
    if (!m_process.start({binary, "--port", std::to_string(m_port), "--bind", "127.0.0.1", "--save",
                          "", "--appendonly", "no", "--dir", m_dir, "--protected-mode", "no",
                          "--loglevel", "warning"},
                         {}, cpu, 0, logPath, error)) {
        *error = "cannot start " + binary + ": " + *error;
        return false;
    }
    if (!waitForLoopbackPort(m_port, 10000) || !m_process.isRunning()) {
        *error = binary + " did not listen on 127.0.0.1:" + std::to_string(m_port) + " within 10 s";
        stop();
        return false;
    }
    return true;
}

void RedisService::stop()
{
    m_process.stop();
    if (!m_dir.empty())
        removeTempDir(m_dir, "tt-redisbench");
    m_dir.clear();
}

bool PostgresService::start(const std::string &binDir, int cpu, const std::string &logPath,
                            const std::string &database, std::string *error)
{
    stop();
    m_database = database;
    // PostgreSQL refuses to run as root: then it runs as the postgres system user.
    ChildProcess::RunAs runAs;
    const ChildProcess::RunAs *as = nullptr;
    if (geteuid() == 0) {
        const passwd *pw = getpwnam("postgres");
        if (!pw) {
            *error = "running as root and there is no postgres user to run PostgreSQL as "
                     "(install postgresql-15)";
            return false;
        }
        runAs.uid = pw->pw_uid;
        runAs.gid = pw->pw_gid;
        as = &runAs;
    }
    m_dir = makeTempDir("tt-pgbench");
    m_port = freeLoopbackPort();
    if (m_dir.empty() || m_port == 0) {
        *error = "no temporary folder or free port for PostgreSQL";
        return false;
    }
    if (as && chown(m_dir.c_str(), as->uid, as->gid) != 0) {
        *error = "cannot hand " + m_dir + " to the postgres user";
        return false;
    }
    const std::string data = m_dir + "/data";
    std::string out;
    // --no-sync only skips syncing the freshly made template files; the server below runs with
    // fsync on.
    int rc = ChildProcess::run({binDir + "/initdb", "-D", data, "-U", "postgres", "--auth=trust",
                                "-E", "UTF8", "--no-locale", "--no-sync"},
                               &out, 120000, as, true);
    if (rc != 0) {
        *error = "initdb failed (" + std::to_string(rc) + "): " + out.substr(0, 600);
        return false;
    }
    if (!m_process.start({binDir + "/postgres", "-D", data, "-p", std::to_string(m_port), "-k",
                          m_dir, "-c", "listen_addresses=127.0.0.1", "-c", "fsync=on", "-c",
                          "logging_collector=off"},
                         {}, cpu, 0, logPath, error, as)) {
        *error = "cannot start postgres: " + *error;
        return false;
    }
    const int64_t deadline = monotonicMicros() + 30000000;
    rc = -1;
    while (monotonicMicros() < deadline && m_process.isRunning()) {
        rc = ChildProcess::run(
            {binDir + "/pg_isready", "-h", "127.0.0.1", "-p", std::to_string(m_port), "-t", "1"},
            &out, 5000);
        if (rc == 0)
            break;
        usleep(100000);
    }
    if (rc != 0) {
        *error = "postgres did not accept connections within 30 s (see the server log)";
        stop();
        return false;
    }
    rc = ChildProcess::run({binDir + "/createdb", "-h", "127.0.0.1", "-p", std::to_string(m_port),
                            "-U", "postgres", m_database},
                           &out, 30000, nullptr, true);
    if (rc != 0) {
        *error = "createdb failed: " + out.substr(0, 300);
        stop();
        return false;
    }
    return true;
}

std::string PostgresService::url() const
{
    return "postgresql://postgres@127.0.0.1:" + std::to_string(m_port) + "/" + m_database;
}

void PostgresService::stop()
{
    if (m_process.pid() > 0) {
        // Fast shutdown: sessions are ended, the postmaster takes its backends along.
        kill(m_process.pid(), SIGINT);
        const int64_t deadline = monotonicMicros() + 10000000;
        while (m_process.isRunning() && monotonicMicros() < deadline)
            usleep(20000);
    }
    m_process.stop();
    if (!m_dir.empty())
        removeTempDir(m_dir, "tt-pgbench");
    m_dir.clear();
}

} // namespace TableTap
