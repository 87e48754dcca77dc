// EpollEventDispatcher: epoll for descriptors, an ordered set for timers, an eventfd to wake.
#include "epolleventdispatcher.h"

#include "serverlogging.h"

#include <QCoreApplication>
#include <QSocketNotifier>
#include <QTimerEvent>

#include <poll.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <utility>

namespace TableTap {

namespace {

constexpr quint32 kReadEvents = EPOLLIN | EPOLLHUP | EPOLLERR | EPOLLRDHUP;
constexpr int kMaxEvents = 1024;

// What Qt's UNIX dispatcher fires for a poll result: read on data, hang-up or error; write on
// writable; exception on priority data.
bool firesRead(quint32 e)
{
    return e & kReadEvents;
}

} // namespace

EpollEventDispatcher::EpollEventDispatcher(QObject *parent)
    : QAbstractEventDispatcher(parent)
    , m_epoll(epoll_create1(EPOLL_CLOEXEC))
    , m_wake(eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK))
{
    if (m_epoll < 0 || m_wake < 0) {
        qCWarning(lcServer) << "epoll event dispatcher unavailable:" << strerror(errno);
        return;
    }
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.fd = m_wake;
    epoll_ctl(m_epoll, EPOLL_CTL_ADD, m_wake, &ev);
}

EpollEventDispatcher::~EpollEventDispatcher()
{
    if (m_wake >= 0)
        ::close(m_wake);
    if (m_epoll >= 0)
        ::close(m_epoll);
}

qint64 EpollEventDispatcher::nowNs()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

// ---------------------------------------------------------------------------------------------
// Socket notifiers

quint32 EpollEventDispatcher::wantedEvents(const Descriptor &d)
{
    quint32 events = 0;
    if (hasReceiver(d, QSocketNotifier::Read))
        events |= EPOLLIN | EPOLLRDHUP;
    if (hasReceiver(d, QSocketNotifier::Write))
        events |= EPOLLOUT;
    if (hasReceiver(d, QSocketNotifier::Exception))
        events |= EPOLLPRI;
    return events;
}

void EpollEventDispatcher::updateKernel(int fd, Descriptor &d, quint32 events)
{
    if (events == d.kernelEvents)
        return;
    epoll_event ev{};
    ev.events = events;
    ev.data.fd = fd;
    if (events == 0) {
        epoll_ctl(m_epoll, EPOLL_CTL_DEL, fd, nullptr);
        d.kernelEvents = 0;
        return;
    }
    int op = d.kernelEvents ? EPOLL_CTL_MOD : EPOLL_CTL_ADD;
    int rc = epoll_ctl(m_epoll, op, fd, &ev);
    // The descriptor may have been closed and reused behind our back (closing removes it from
    // the set), or still be in the set from a registration we forgot: try the other operation.
    if (rc != 0 && op == EPOLL_CTL_MOD && errno == ENOENT)
        rc = epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &ev);
    else if (rc != 0 && op == EPOLL_CTL_ADD && errno == EEXIST)
        rc = epoll_ctl(m_epoll, EPOLL_CTL_MOD, fd, &ev);
    if (rc != 0) {
        qCWarning(lcServer) << "epoll_ctl failed for socket" << fd << ":" << strerror(errno);
        d.kernelEvents = 0;
        return;
    }
    d.kernelEvents = events;
}

void EpollEventDispatcher::registerSocketNotifier(QSocketNotifier *notifier)
{
    const int fd = int(notifier->socket());
    const int type = int(notifier->type());
    if (fd < 0 || type < 0 || type > 2)
        return;
    if (size_t(fd) >= m_descriptors.size())
        m_descriptors.resize(std::max<size_t>(size_t(fd) + 1, m_descriptors.size() * 2));
    Descriptor &d = m_descriptors[size_t(fd)];
    if (d.notifiers[type] && d.notifiers[type] != notifier)
        qCWarning(lcServer) << "several socket notifiers of one type for socket" << fd;
    d.notifiers[type] = notifier;
    d.serials[type] = ++m_serial;
    // Only widen the kernel's interest here; narrowing waits (see the header).
    const quint32 wanted = wantedEvents(d);
    if ((wanted & ~d.kernelEvents) != 0)
        updateKernel(fd, d, d.kernelEvents | wanted);
}

void EpollEventDispatcher::unregisterSocketNotifier(QSocketNotifier *notifier)
{
    const int fd = int(notifier->socket());
    const int type = int(notifier->type());
    if (fd < 0 || size_t(fd) >= m_descriptors.size() || type < 0 || type > 2)
        return;
    Descriptor &d = m_descriptors[size_t(fd)];
    if (d.notifiers[type] != notifier)
        return;
    d.notifiers[type] = nullptr;
    d.serials[type] = 0; // a pending activation of it is now stale
    // Nothing left: leave the set now, before the socket is closed and its number reused.
    if (wantedEvents(d) == 0)
        updateKernel(fd, d, 0);
}

EpollEventDispatcher *EpollEventDispatcher::current()
{
    return qobject_cast<EpollEventDispatcher *>(QAbstractEventDispatcher::instance());
}

void EpollEventDispatcher::watch(int fd, int type, FdWatcher *watcher)
{
    if (fd < 0 || type < 0 || type > 2 || !watcher)
        return;
    if (size_t(fd) >= m_descriptors.size())
        m_descriptors.resize(std::max<size_t>(size_t(fd) + 1, m_descriptors.size() * 2));
    Descriptor &d = m_descriptors[size_t(fd)];
    if (d.watchers[type] == watcher && d.serials[type] != 0)
        return;
    d.watchers[type] = watcher;
    d.serials[type] = ++m_serial;
    const quint32 wanted = wantedEvents(d);
    if ((wanted & ~d.kernelEvents) != 0)
        updateKernel(fd, d, d.kernelEvents | wanted);
}

void EpollEventDispatcher::unwatch(int fd, int type, FdWatcher *watcher)
{
    if (fd < 0 || size_t(fd) >= m_descriptors.size() || type < 0 || type > 2)
        return;
    Descriptor &d = m_descriptors[size_t(fd)];
    if (d.watchers[type] != watcher)
        return;
    d.watchers[type] = nullptr;
    d.serials[type] = 0;
    // As for notifiers: a write interest turned off stays in the kernel until it shows up
    // stale (a writer turns it on and off around every full buffer); nothing left at all
    // leaves the set now, before the descriptor is closed.
    if (wantedEvents(d) == 0)
        updateKernel(fd, d, 0);
}

void EpollEventDispatcher::onDescriptorEvents(int fd, quint32 events)
{
    if (size_t(fd) >= m_descriptors.size())
        return;
    Descriptor &d = m_descriptors[size_t(fd)];
    const quint32 wanted = wantedEvents(d);
    bool fired = false;
    if (firesRead(events) && hasReceiver(d, QSocketNotifier::Read)) {
        m_pending.push_back({fd, QSocketNotifier::Read, d.serials[QSocketNotifier::Read]});
        fired = true;
    }
    // A hang-up or error on a socket nobody reads would be reported on every turn; let the
    // writer see it instead (its write then fails and the socket closes).
    if (((events & EPOLLOUT) || (!fired && (events & (EPOLLHUP | EPOLLERR))))
        && hasReceiver(d, QSocketNotifier::Write)) {
        m_pending.push_back({fd, QSocketNotifier::Write, d.serials[QSocketNotifier::Write]});
        fired = true;
    }
    if ((events & EPOLLPRI) && hasReceiver(d, QSocketNotifier::Exception)) {
        m_pending.push_back(
            {fd, QSocketNotifier::Exception, d.serials[QSocketNotifier::Exception]});
        fired = true;
    }
    // Interest that nobody has any more (a write notifier disabled after its flush): drop it
    // now that it has shown up, or it would wake every turn.
    if (((events & (EPOLLIN | EPOLLOUT | EPOLLPRI)) & ~wanted) != 0 || (!fired && wanted == 0))
        updateKernel(fd, d, wanted);
}

int EpollEventDispatcher::activateNotifiers()
{
    int activated = 0;
    // The list may grow while we deliver (a nested loop): index, do not iterate.
    for (size_t i = 0; i < m_pending.size(); ++i) {
        const Pending p = m_pending[i];
        if (size_t(p.fd) >= m_descriptors.size())
            continue;
        const Descriptor &d = m_descriptors[size_t(p.fd)];
        // Skips notifiers that went away (or were replaced) since the event was collected.
        if (d.serials[p.type] != p.serial || !hasReceiver(d, p.type))
            continue;
        if (FdWatcher *w = d.watchers[p.type]) {
            w->fdActivated(p.fd, p.type);
            ++activated;
            continue;
        }
        QEvent event(QEvent::SockAct);
        QCoreApplication::sendEvent(d.notifiers[p.type], &event);
        ++activated;
    }
    m_pending.clear();
    return activated;
}

// ---------------------------------------------------------------------------------------------
// Timers

void EpollEventDispatcher::arm(Timer &t, qint64 now, bool first)
{
    const qint64 intervalNs = t.intervalMs * 1000000;
    switch (t.type) {
    case Qt::PreciseTimer:
        t.deadlineNs = first ? now + intervalNs : t.deadlineNs + intervalNs;
        break;
    case Qt::CoarseTimer: {
        // Up to 5 % late, rounded to a boundary so that many coarse timers share a wake-up.
        qint64 deadline = first ? now + intervalNs : t.deadlineNs + intervalNs;
        const qint64 slackMs = t.intervalMs / 20;
        qint64 granularityMs = 0;
        for (qint64 g : {1000, 500, 250, 100, 50, 25, 10, 5, 1}) {
            if (g <= slackMs) {
                granularityMs = g;
                break;
            }
        }
        if (granularityMs > 0) {
            const qint64 g = granularityMs * 1000000;
            deadline = (deadline + g - 1) / g * g;
        }
        t.deadlineNs = deadline;
        break;
    }
    case Qt::VeryCoarseTimer: {
        // Whole seconds, as Qt does: within half a second of the interval either way.
        const qint64 seconds = std::max<qint64>(1, (t.intervalMs + 500) / 1000);
        if (first) {
            qint64 second = now / 1000000000 + seconds;
            if (now % 1000000000 > 500000000)
                ++second;
            t.deadlineNs = second * 1000000000;
        } else {
            t.deadlineNs += seconds * 1000000000;
        }
        break;
    }
    }
    // A timer that fell behind starts again from now instead of firing in a burst.
    if (t.deadlineNs < now)
        t.deadlineNs = now + intervalNs;
}

void EpollEventDispatcher::registerTimer(int timerId, qint64 interval, Qt::TimerType timerType,
                                         QObject *object)
{
    if (timerId <= 0 || !object || interval < 0)
        return;
    if (m_timers.contains(timerId))
        unregisterTimer(timerId);
    Timer t;
    t.id = timerId;
    t.intervalMs = interval;
    t.type = timerType;
    t.object = object;
    arm(t, nowNs(), true);
    m_queue.emplace(t.deadlineNs, timerId);
    m_timers.insert(timerId, t);
    m_timersByObject.insert(object, timerId);
}

bool EpollEventDispatcher::unregisterTimer(int timerId)
{
    const auto it = m_timers.find(timerId);
    if (it == m_timers.end())
        return false;
    m_queue.erase({it->deadlineNs, timerId});
    m_timersByObject.remove(it->object, timerId);
    m_timers.erase(it);
    return true;
}

bool EpollEventDispatcher::unregisterTimers(QObject *object)
{
    const QList<int> ids = m_timersByObject.values(object);
    if (ids.isEmpty())
        return false;
    for (int id : ids) {
        const auto it = m_timers.find(id);
        if (it == m_timers.end())
            continue;
        m_queue.erase({it->deadlineNs, id});
        m_timers.erase(it);
    }
    m_timersByObject.remove(object);
    return true;
}

QList<QAbstractEventDispatcher::TimerInfo> EpollEventDispatcher::registeredTimers(
    QObject *object) const
{
    QList<TimerInfo> list;
    for (auto it = m_timersByObject.constFind(object);
         it != m_timersByObject.constEnd() && it.key() == object; ++it) {
        const Timer &t = m_timers[*it];
        list.append(TimerInfo(t.id, int(t.intervalMs), t.type));
    }
    return list;
}

int EpollEventDispatcher::remainingTime(int timerId)
{
    const auto it = m_timers.constFind(timerId);
    if (it == m_timers.constEnd())
        return -1;
    const qint64 left = it->deadlineNs - nowNs();
    return left <= 0 ? 0 : int((left + 999999) / 1000000);
}

qint64 EpollEventDispatcher::firstDeadlineNs() const
{
    return m_queue.empty() ? -1 : m_queue.begin()->first;
}

int EpollEventDispatcher::activateTimers()
{
    if (m_queue.empty())
        return 0;
    const qint64 now = nowNs();
    // Each timer due now fires once in this pass, even if it is due again after re-arming.
    m_due.clear();
    for (auto it = m_queue.begin(); it != m_queue.end() && it->first <= now; ++it)
        m_due.push_back(it->second);
    if (m_due.empty())
        return 0;
    // Moved out: a timer event may run a nested loop that activates timers too.
    const std::vector<int> due = std::exchange(m_due, {});
    int fired = 0;
    for (int id : due) {
        auto it = m_timers.find(id);
        if (it == m_timers.end() || it->deadlineNs > now || it->inEvent)
            continue; // stopped, restarted or still being delivered by an outer pass
        m_queue.erase({it->deadlineNs, id});
        arm(*it, now, false);
        m_queue.emplace(it->deadlineNs, id);
        it->inEvent = true;
        QObject *object = it->object;
        QTimerEvent event(id);
        QCoreApplication::sendEvent(object, &event);
        ++fired;
        // The timer may be gone (killed, or its object deleted) or replaced by now.
        it = m_timers.find(id);
        if (it != m_timers.end() && it->object == object)
            it->inEvent = false;
    }
    return fired;
}

// ---------------------------------------------------------------------------------------------
// The loop

void EpollEventDispatcher::wakeUp()
{
    // One write per wake-up, however many events are posted before the loop runs again.
    if (!m_wakePending.exchange(true, std::memory_order_acq_rel)) {
        const quint64 one = 1;
        [[maybe_unused]] const auto n = ::write(m_wake, &one, sizeof one);
    }
}

void EpollEventDispatcher::interrupt()
{
    m_interrupt.store(true, std::memory_order_release);
    wakeUp();
}

void EpollEventDispatcher::drainWake()
{
    quint64 value = 0;
    [[maybe_unused]] const auto n = ::read(m_wake, &value, sizeof value);
}

bool EpollEventDispatcher::processEvents(QEventLoop::ProcessEventsFlags flags)
{
    m_interrupt.store(false, std::memory_order_relaxed);
    Q_EMIT awake();
    // From here on every wake-up writes the eventfd, so nothing posted while (or after) the
    // posted events are delivered can be slept through: the wait below returns at once.
    m_wakePending.store(false, std::memory_order_release);
    QCoreApplication::sendPostedEvents();

    const bool includeTimers = !(flags & QEventLoop::X11ExcludeTimers);
    const bool includeNotifiers = !(flags & QEventLoop::ExcludeSocketNotifiers);
    const bool canWait
        = (flags & QEventLoop::WaitForMoreEvents) && !m_interrupt.load(std::memory_order_acquire);
    if (canWait)
        Q_EMIT aboutToBlock();
    if (m_interrupt.load(std::memory_order_acquire))
        return false;

    timespec timeout{0, 0};
    timespec *wait = &timeout;
    if (canWait) {
        const qint64 first = includeTimers ? firstDeadlineNs() : -1;
        if (first < 0) {
            wait = nullptr; // forever
        } else {
            const qint64 left = std::max<qint64>(0, first - nowNs());
            timeout.tv_sec = time_t(left / 1000000000);
            timeout.tv_nsec = long(left % 1000000000);
        }
    }

    int nevents = 0;
    if (!includeNotifiers) {
        // Sockets are not to be looked at: wait for a wake-up or a timer only.
        pollfd pfd{m_wake, POLLIN, 0};
        if (ppoll(&pfd, 1, wait, nullptr) > 0)
            drainWake();
    } else {
        epoll_event events[kMaxEvents];
        int n = epoll_pwait2(m_epoll, events, kMaxEvents, wait, nullptr);
        if (n < 0 && errno == ENOSYS) {
            const int ms
                = !wait ? -1 : int(timeout.tv_sec * 1000 + (timeout.tv_nsec + 999999) / 1000000);
            n = epoll_wait(m_epoll, events, kMaxEvents, ms);
        }
        for (int i = 0; i < n; ++i) {
            if (events[i].data.fd == m_wake)
                drainWake();
            else
                onDescriptorEvents(events[i].data.fd, events[i].events);
        }
        nevents += activateNotifiers();
    }
    if (includeTimers)
        nevents += activateTimers();
    return nevents > 0;
}

} // namespace TableTap
