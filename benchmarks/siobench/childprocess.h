// A process under test (a server, or a client in the client benchmark), started pinned to its CPU
// in its own process group and always ended: stdin closed, then SIGTERM, then SIGKILL, on stop()
// and on destruction, and SIGKILL from the kernel if the coordinator dies (PDEATHSIG).
// It must print one line containing "ready" (and "port":N when it picked the port) on stdout.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <string>
#include <vector>

namespace TableTap {

class ChildProcess
{
public:
    ChildProcess() = default;
    ~ChildProcess();
    ChildProcess(const ChildProcess &) = delete;
    ChildProcess &operator=(const ChildProcess &) = delete;

    // argv[0] is looked up in PATH; env entries are added to the environment. cpu < 0: no pinning.
    // The server's stderr goes to logPath (appended) when one is given.
    bool start(const std::vector<std::string> &argv, const std::vector<std::string> &env, int cpu,
               int readyTimeoutMs, const std::string &logPath, std::string *error);
    // Reads and discards what the server printed since, so it never blocks on a full pipe.
    void drain();
    // The next line the process printed (without the newline); false on timeout or exit.
    bool readLine(std::string *line, int timeoutMs);
    // Runs a short command to its end (bounded), capturing stdout; returns its exit code or -1.
    static int run(const std::vector<std::string> &argv, std::string *output, int timeoutMs);
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
