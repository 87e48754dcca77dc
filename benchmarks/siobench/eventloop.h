// The load generator's event loop: one epoll set, level-triggered, and a timer queue. Single
// threaded and allocation-free on the hot path, so the generator stays cheap next to the server
// it measures.
#pragma once

#include <cstdint>
#include <functional>
#include <map>

namespace TableTap {

class EventLoop
{
public:
    class Handler
    {
    public:
        virtual ~Handler() = default;
        virtual void onEvents(uint32_t events) = 0;
    };
    using TimerId = uint64_t;

    EventLoop();
    ~EventLoop();
    EventLoop(const EventLoop &) = delete;
    EventLoop &operator=(const EventLoop &) = delete;

    bool add(int fd, uint32_t events, Handler *handler);
    void modify(int fd, uint32_t events, Handler *handler);
    void remove(int fd);

    // Runs `fn` once at `atMicros` (CLOCK_MONOTONIC µs).
    TimerId at(int64_t atMicros, std::function<void()> fn);
    TimerId after(int64_t micros, std::function<void()> fn);
    void cancel(TimerId id);

    // Runs until done() is true (checked after every pass) or the deadline passes.
    // Returns false on timeout.
    bool runUntil(const std::function<bool()> &done, int64_t deadlineMicros);
    // Runs for the given time.
    void runFor(int64_t micros);

private:
    void runTimers(int64_t now);

    int m_epoll = -1;
    uint64_t m_nextTimer = 1;
    std::map<std::pair<int64_t, uint64_t>, std::function<void()>> m_timers;
    std::map<uint64_t, int64_t> m_timerDue;
};

} // namespace TableTap
