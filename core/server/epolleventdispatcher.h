// An event dispatcher for the hub's thread built on Linux epoll: socket notifiers cost nothing
// per loop turn while idle (Qt's UNIX dispatcher rebuilds and polls the whole notifier set on
// every turn, O(connections)), and timers sit in an ordered queue (O(log n) to arm, where Qt's
// list is O(n)). Level-triggered, so QSocketNotifier keeps Qt's semantics exactly; a notifier
// that is disabled leaves its interest in the kernel until an event shows it is stale, because
// QAbstractSocket turns its write notifier on and off around every flush.
// Install it for the main thread before the application object exists:
//     QCoreApplication::setEventDispatcher(new TableTap::EpollEventDispatcher);
#pragma once

#include <QAbstractEventDispatcher>
#include <QHash>
#include <QMultiHash>

#include <atomic>
#include <set>
#include <vector>

class QSocketNotifier;

namespace TableTap {

// A descriptor's reader or writer without a QSocketNotifier object: the dispatcher calls it
// straight (EpollEventDispatcher::watch), so a connection costs no QObject, no signal
// connection and no allocation to watch its socket.
class FdWatcher
{
public:
    virtual void fdActivated(int fd, int type) = 0; // type: QSocketNotifier::Type

protected:
    ~FdWatcher() = default;
};

class EpollEventDispatcher final : public QAbstractEventDispatcher
{
    Q_OBJECT
public:
    explicit EpollEventDispatcher(QObject *parent = nullptr);
    ~EpollEventDispatcher() override;

    // False when the kernel refused an epoll set or an eventfd (then do not install it).
    bool isValid() const { return m_epoll >= 0 && m_wake >= 0; }

    bool processEvents(QEventLoop::ProcessEventsFlags flags) override;

    void registerSocketNotifier(QSocketNotifier *notifier) override;
    void unregisterSocketNotifier(QSocketNotifier *notifier) override;

    void registerTimer(int timerId, qint64 interval, Qt::TimerType timerType,
                       QObject *object) override;
    bool unregisterTimer(int timerId) override;
    bool unregisterTimers(QObject *object) override;
    QList<TimerInfo> registeredTimers(QObject *object) const override;
    int remainingTime(int timerId) override;

    void wakeUp() override;
    void interrupt() override;

    // The calling thread's dispatcher when it is one of these, else null.
    static EpollEventDispatcher *current();
    // Watches fd for type (QSocketNotifier::Read or Write) with watcher, level-triggered like a
    // notifier; one watcher (or notifier) per descriptor and type. unwatch() before the
    // descriptor is closed; an activation collected earlier in the same pass is dropped.
    void watch(int fd, int type, FdWatcher *watcher);
    void unwatch(int fd, int type, FdWatcher *watcher);

private:
    // Everything registered on one descriptor: at most one notifier or watcher per type (read,
    // write, exception), each with the serial of its registration, and what the kernel was told.
    struct Descriptor
    {
        QSocketNotifier *notifiers[3] = {nullptr, nullptr, nullptr};
        FdWatcher *watchers[3] = {nullptr, nullptr, nullptr};
        quint64 serials[3] = {0, 0, 0};
        quint32 kernelEvents = 0; // 0: not in the epoll set
    };
    struct Pending
    {
        int fd;
        int type;
        quint64 serial;
    };
    struct Timer
    {
        int id = 0;
        qint64 intervalMs = 0;
        Qt::TimerType type = Qt::CoarseTimer;
        QObject *object = nullptr;
        qint64 deadlineNs = 0;
        bool inEvent = false; // being delivered: not fired again from a nested loop
    };

    static qint64 nowNs();
    static quint32 wantedEvents(const Descriptor &d);
    static bool hasReceiver(const Descriptor &d, int type)
    {
        return d.notifiers[type] || d.watchers[type];
    }
    void updateKernel(int fd, Descriptor &d, quint32 events);
    void onDescriptorEvents(int fd, quint32 events);
    int activateNotifiers();
    int activateTimers();
    qint64 firstDeadlineNs() const;
    void arm(Timer &t, qint64 now, bool first);
    void drainWake();

    int m_epoll = -1;
    int m_wake = -1;
    std::atomic<bool> m_wakePending{false};
    std::atomic<bool> m_interrupt{false};
    std::vector<Descriptor> m_descriptors; // by fd
    std::vector<Pending> m_pending;
    quint64 m_serial = 0;
    QHash<int, Timer> m_timers;
    QMultiHash<QObject *, int> m_timersByObject;
    std::set<std::pair<qint64, int>> m_queue; // (deadline, id)
    std::vector<int> m_due;
};

} // namespace TableTap
