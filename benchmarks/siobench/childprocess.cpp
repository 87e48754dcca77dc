// ChildProcess: fork, pin, exec, wait for "ready"; SIGTERM then SIGKILL on stop.
#include "childprocess.h"

#include "monotonicclock.h"

#include <fcntl.h>
#include <grp.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace TableTap {

namespace {

// In the child, before exec: the other user, and the parent-death signal again (a change of
// credentials clears it).
void becomeUser(const ChildProcess::RunAs *runAs)
{
    if (!runAs)
        return;
    if (setgroups(0, nullptr) != 0 || setgid(runAs->gid) != 0 || setuid(runAs->uid) != 0) {
        std::fprintf(stderr, "siobench: cannot become uid %u: %s\n", unsigned(runAs->uid),
                     std::strerror(errno));
        _exit(126);
    }
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (chdir("/") != 0)
        _exit(126);
}

} // namespace

ChildProcess::~ChildProcess()
{
    stop();
}

bool ChildProcess::start(const std::vector<std::string> &argv, const std::vector<std::string> &env,
                         int cpu, int readyTimeoutMs, const std::string &logPath,
                         std::string *error, const RunAs *runAs)
{
    int out[2];
    int in[2];
    if (pipe2(out, O_CLOEXEC) != 0 || pipe2(in, O_CLOEXEC) != 0) {
        *error = std::string("pipe: ") + std::strerror(errno);
        return false;
    }
    const pid_t parent = getpid();
    const pid_t pid = fork();
    if (pid < 0) {
        *error = std::string("fork: ") + std::strerror(errno);
        return false;
    }
    if (pid == 0) {
        // The server dies with the coordinator, whatever kills the coordinator.
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (getppid() != parent)
            _exit(127);
        setpgid(0, 0);
        dup2(out[1], STDOUT_FILENO);
        dup2(in[0], STDIN_FILENO);
        if (!logPath.empty()) {
            const int log = open(logPath.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
            if (log >= 0)
                dup2(log, STDERR_FILENO);
        }
        if (cpu >= 0) {
            cpu_set_t set;
            CPU_ZERO(&set);
            CPU_SET(cpu, &set);
            sched_setaffinity(0, sizeof set, &set);
        }
        for (const std::string &e : env)
            putenv(strdup(e.c_str()));
        becomeUser(runAs);
        std::vector<char *> args;
        for (const std::string &a : argv)
            args.push_back(const_cast<char *>(a.c_str()));
        args.push_back(nullptr);
        execvp(args[0], args.data());
        std::fprintf(stderr, "siobench: cannot run %s: %s\n", args[0], std::strerror(errno));
        _exit(127);
    }
    ::close(out[1]);
    ::close(in[0]);
    m_pid = pid;
    m_stdout = out[0];
    m_stdin = in[1];
    m_port = 0;
    m_readyLine.clear();
    if (readyTimeoutMs <= 0) {
        fcntl(m_stdout, F_SETFL, O_NONBLOCK);
        return true;
    }
    // Read lines until one says ready.
    std::string &buffer = m_buffer;
    buffer.clear();
    const int64_t deadline = monotonicMicros() + int64_t(readyTimeoutMs) * 1000;
    while (true) {
        const int64_t left = (deadline - monotonicMicros()) / 1000;
        if (left <= 0) {
            *error = "server did not print ready within " + std::to_string(readyTimeoutMs) + " ms";
            stop();
            return false;
        }
        pollfd pfd{m_stdout, POLLIN, 0};
        if (poll(&pfd, 1, int(left)) <= 0)
            continue;
        char chunk[4096];
        const ssize_t n = ::read(m_stdout, chunk, sizeof chunk);
        if (n <= 0) {
            *error = "server exited before it was ready";
            stop();
            return false;
        }
        buffer.append(chunk, size_t(n));
        size_t nl;
        while ((nl = buffer.find('\n')) != std::string::npos) {
            const std::string line = buffer.substr(0, nl);
            buffer.erase(0, nl + 1);
            // The bench contract's JSON line, or tabletap-hub serve's "listening on URL".
            if (line.find("ready") == std::string::npos
                && line.find("listening on ") == std::string::npos)
                continue;
            m_readyLine = line;
            size_t at = line.find("\"port\":");
            if (at != std::string::npos) {
                m_port = uint16_t(std::atoi(line.c_str() + at + 7));
            } else if ((at = line.find("://")) != std::string::npos) {
                const size_t colon = line.find(':', at + 3);
                if (colon != std::string::npos)
                    m_port = uint16_t(std::atoi(line.c_str() + colon + 1));
            }
            // Keep draining stdout so a chatty server never blocks on a full pipe.
            fcntl(m_stdout, F_SETFL, O_NONBLOCK);
            return true;
        }
    }
}

bool ChildProcess::readLine(std::string *line, int timeoutMs)
{
    const int64_t deadline = monotonicMicros() + int64_t(timeoutMs) * 1000;
    while (m_stdout >= 0) {
        const size_t nl = m_buffer.find('\n');
        if (nl != std::string::npos) {
            *line = m_buffer.substr(0, nl);
            m_buffer.erase(0, nl + 1);
            return true;
        }
        const int64_t left = (deadline - monotonicMicros()) / 1000;
        if (left <= 0)
            return false;
        pollfd pfd{m_stdout, POLLIN, 0};
        if (poll(&pfd, 1, int(left)) <= 0)
            continue;
        char chunk[4096];
        const ssize_t n = ::read(m_stdout, chunk, sizeof chunk);
        if (n == 0)
            return false;
        if (n > 0)
            m_buffer.append(chunk, size_t(n));
    }
    return false;
}

void ChildProcess::drain()
{
    if (m_stdout < 0)
        return;
    char chunk[4096];
    while (::read(m_stdout, chunk, sizeof chunk) > 0) {
    }
}

int ChildProcess::run(const std::vector<std::string> &argv, std::string *output, int timeoutMs,
                      const RunAs *runAs, bool mergeStderr)
{
    int out[2];
    if (pipe2(out, O_CLOEXEC) != 0)
        return -1;
    const pid_t pid = fork();
    if (pid < 0)
        return -1;
    if (pid == 0) {
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        dup2(out[1], STDOUT_FILENO);
        if (mergeStderr)
            dup2(out[1], STDERR_FILENO);
        becomeUser(runAs);
        std::vector<char *> args;
        for (const std::string &a : argv)
            args.push_back(const_cast<char *>(a.c_str()));
        args.push_back(nullptr);
        execvp(args[0], args.data());
        _exit(127);
    }
    ::close(out[1]);
    output->clear();
    const int64_t deadline = monotonicMicros() + int64_t(timeoutMs) * 1000;
    while (monotonicMicros() < deadline) {
        pollfd pfd{out[0], POLLIN, 0};
        if (poll(&pfd, 1, 100) <= 0)
            continue;
        char chunk[4096];
        const ssize_t n = ::read(out[0], chunk, sizeof chunk);
        if (n <= 0)
            break;
        output->append(chunk, size_t(n));
    }
    ::close(out[0]);
    int status = 0;
    if (waitpid(pid, &status, WNOHANG) == 0) {
        const int64_t waitUntil = monotonicMicros() + 2000000;
        while (waitpid(pid, &status, WNOHANG) == 0 && monotonicMicros() < waitUntil)
            usleep(5000);
        if (kill(pid, 0) == 0) {
            kill(pid, SIGKILL);
            waitpid(pid, &status, 0);
            return -1;
        }
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

bool ChildProcess::isRunning()
{
    if (m_pid <= 0)
        return false;
    int status = 0;
    if (waitpid(m_pid, &status, WNOHANG) == m_pid) {
        m_pid = -1;
        return false;
    }
    return true;
}

void ChildProcess::stop()
{
    if (m_stdin >= 0) {
        ::close(m_stdin);
        m_stdin = -1;
    }
    if (m_pid > 0) {
        kill(m_pid, SIGTERM);
        const int64_t deadline = monotonicMicros() + 3000000;
        int status = 0;
        bool gone = false;
        while (monotonicMicros() < deadline) {
            if (waitpid(m_pid, &status, WNOHANG) == m_pid) {
                gone = true;
                break;
            }
            usleep(10000);
        }
        if (!gone) {
            kill(m_pid, SIGKILL);
            waitpid(m_pid, &status, 0);
        }
        m_pid = -1;
    }
    if (m_stdout >= 0) {
        ::close(m_stdout);
        m_stdout = -1;
    }
}

} // namespace TableTap
