// The services a benchmark starts for itself, on loopback and in temporary folders, and always
// ends: redis-server without persistence (the cluster part) and a PostgreSQL 15 server (the cafe
// run on PostgreSQL). Both are pinned like the server under test.
#pragma once

#include "childprocess.h"

#include <cstdint>
#include <string>

namespace TableTap {

// A port on 127.0.0.1 the kernel just handed out and took back; 0 if none.
uint16_t freeLoopbackPort();
// Polls until something accepts TCP connections on 127.0.0.1:port (bounded).
bool waitForLoopbackPort(uint16_t port, int timeoutMs);

class RedisService
{
public:
    RedisService() = default;
    ~RedisService() { stop(); }
    RedisService(const RedisService &) = delete;
    RedisService &operator=(const RedisService &) = delete;

    // redis-server on a free port: --save '' --appendonly no, its own temporary folder.
    bool start(const std::string &binary, int cpu, const std::string &logPath, std::string *error);
    void stop();
    uint16_t port() const { return m_port; }
    pid_t pid() const { return m_process.pid(); }
    std::string url() const { return "redis://127.0.0.1:" + std::to_string(m_port); }

private:
    ChildProcess m_process;
    std::string m_dir;
    uint16_t m_port = 0;
};

class PostgresService
{
public:
    PostgresService() = default;
    ~PostgresService() { stop(); }
    PostgresService(const PostgresService &) = delete;
    PostgresService &operator=(const PostgresService &) = delete;

    // initdb in a temporary folder (as the postgres user when running as root), postgres on
    // 127.0.0.1 and a free port with its unix socket in that folder, fsync on and
    // synchronous_commit at its default (on), trust authentication; then the database `database`.
    bool start(const std::string &binDir, int cpu, const std::string &logPath,
               const std::string &database, std::string *error);
    // Fast shutdown (SIGINT), then the folder goes.
    void stop();
    uint16_t port() const { return m_port; }
    pid_t pid() const { return m_process.pid(); }
    // postgresql://postgres@127.0.0.1:PORT/DATABASE
    std::string url() const;

private:
    ChildProcess m_process;
    std::string m_dir;
    std::string m_database;
    uint16_t m_port = 0;
};

} // namespace TableTap
