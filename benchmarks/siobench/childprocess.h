// A process under test (a server, or a client in the client benchmark), started pinned to its CPU
// in its own process group and always ended: stdin closed, then SIGTERM, then SIGKILL, on stop()
// and on destruction, and SIGKILL from the kernel if the coordinator dies (PDEATHSIG).
// It must print one line containing "ready" (and "port":N when it picked the port) on stdout,
// unless it is started with readyTimeoutMs 0 (then the caller checks readiness its own way:
// redis-server and postgres, which log elsewhere). When running as root, a service that refuses
// root (PostgreSQL) runs as another user (RunAs).
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <string>
#include <vector>

namespace TableTap {

class ChildProcess
{
public:
    struct RunAs
    {
        uid_t uid = 0;
        gid_t gid = 0;
    };

    ChildProcess() = default;
    ~ChildProcess();
    ChildProcess(const ChildProcess &) = delete;
    ChildProcess &operator=(const ChildProcess &) = delete;

    // argv[0] is looked up in PATH; env entries are added to the environment. cpu < 0: no pinning.
    // The server's stderr goes to logPath (appended) when one is given. readyTimeoutMs 0: do not
    // wait for a ready line. runAs: drop to that user and group (and "/" as the working folder).
    bool start(const std::vector<std::string> &argv, const std::vector<std::string> &env, int cpu,
               int readyTimeoutMs, const std::string &logPath, std::string *error,
               const RunAs *runAs = nullptr);
    // Reads and discards what the server printed since, so it never blocks on a full pipe.
    void drain();
    // The next line the process printed (without the newline); false on timeout or exit.
    bool readLine(std::string *line, int timeoutMs);
    // Runs a short command to its end (bounded), capturing stdout (and stderr with mergeStderr);
    // returns its exit code or -1.
    static int run(const std::vector<std::string> &argv, std::string *output, int timeoutMs,
                   const RunAs *runAs = nullptr, bool mergeStderr = false);
    void stop();
    pid_t pid() const { return m_pid; }
    uint16_t port() const { return m_port; }
    const std::string &readyLine() const { return m_readyLine; }
    bool isRunning();

private:
    pid_t m_pid = -1;
    int m_stdout = -1;
    int m_stdin = -1; // the process's stdin: closed first on stop(), so clients that watch it end
    std::string m_buffer;
    uint16_t m_port = 0;
    std::string m_readyLine;
};

} // namespace TableTap
