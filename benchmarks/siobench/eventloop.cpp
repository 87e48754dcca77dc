// EventLoop: epoll_wait with a timeout taken from the earliest timer.
#include "eventloop.h"

#include "monotonicclock.h"

#include <sys/epoll.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>

namespace TableTap {

EventLoop::EventLoop()
    : m_epoll(epoll_create1(EPOLL_CLOEXEC))
{}

EventLoop::~EventLoop()
{
    if (m_epoll >= 0)
        ::close(m_epoll);
}

bool EventLoop::add(int fd, uint32_t events, Handler *handler)
{
    epoll_event ev{};
    ev.events = events;
    ev.data.ptr = handler;
    return epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &ev) == 0;
}

void EventLoop::modify(int fd, uint32_t events, Handler *handler)
{
    epoll_event ev{};
    ev.events = events;
    ev.data.ptr = handler;
    epoll_ctl(m_epoll, EPOLL_CTL_MOD, fd, &ev);
}

void EventLoop::remove(int fd)
{
    epoll_ctl(m_epoll, EPOLL_CTL_DEL, fd, nullptr);
}

EventLoop::TimerId EventLoop::at(int64_t atMicros, std::function<void()> fn)
{
    const TimerId id = m_nextTimer++;
    m_timers.emplace(std::make_pair(atMicros, id), std::move(fn));
    m_timerDue.emplace(id, atMicros);
    return id;
}

EventLoop::TimerId EventLoop::after(int64_t micros, std::function<void()> fn)
{
    return at(monotonicMicros() + micros, std::move(fn));
}

void EventLoop::cancel(TimerId id)
{
    const auto it = m_timerDue.find(id);
    if (it == m_timerDue.end())
        return;
    m_timers.erase(std::make_pair(it->second, id));
    m_timerDue.erase(it);
}

void EventLoop::runTimers(int64_t now)
{
    while (!m_timers.empty() && m_timers.begin()->first.first <= now) {
        auto node = m_timers.extract(m_timers.begin());
        m_timerDue.erase(node.key().second);
        node.mapped()();
    }
}

bool EventLoop::runUntil(const std::function<bool()> &done, int64_t deadlineMicros)
{
    constexpr int kMaxEvents = 512;
    epoll_event events[kMaxEvents];
    while (true) {
        if (done && done())
            return true;
        int64_t now = monotonicMicros();
        if (now >= deadlineMicros)
            return false;
        int64_t wakeAt = deadlineMicros;
        if (!m_timers.empty())
            wakeAt = std::min(wakeAt, m_timers.begin()->first.first);
        // Round up: waking a little late is harmless, spinning until the timer is not.
        const int timeoutMs
            = wakeAt <= now ? 0 : int(std::min<int64_t>((wakeAt - now + 999) / 1000, 1000));
        const int n = epoll_wait(m_epoll, events, kMaxEvents, timeoutMs);
        if (n < 0 && errno != EINTR)
            return false;
        for (int i = 0; i < n; ++i)
            static_cast<Handler *>(events[i].data.ptr)->onEvents(events[i].events);
        runTimers(monotonicMicros());
    }
}

void EventLoop::runFor(int64_t micros)
{
    runUntil({}, monotonicMicros() + micros);
}

} // namespace TableTap
