// PinCheckPool: PBKDF2 off the event loop, with a bound on what waits.
#include "pincheckpool.h"

#include "pinhasher.h"

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace TableTap {

namespace {

// A PIN check takes the CPU for milliseconds at a time; the event loop serving every console
// must win it back at once when a message arrives, so the checking threads run at nice 10
// (once per thread; a failure leaves the thread as it was).
void lowerThreadPriority()
{
    thread_local bool lowered = false;
    if (lowered)
        return;
    lowered = true;
    setpriority(PRIO_PROCESS, id_t(syscall(SYS_gettid)), 10);
}

} // namespace

PinCheckPool::PinCheckPool(int threads, int maxQueued, QObject *parent)
    : QObject(parent)
    , m_maxQueued(qMax(1, maxQueued))
{
    m_pool.setMaxThreadCount(qMax(1, threads));
    m_pool.setObjectName(QStringLiteral("pin checks"));
}

PinCheckPool::~PinCheckPool()
{
    // No check may post its answer to this object once it is gone: drop what has not started
    // and wait for what has. Answers already posted die with the object (~QObject).
    m_pool.clear();
    m_pool.waitForDone();
}

bool PinCheckPool::submit(const QString &pin, const QString &storedHash,
                          std::function<void(bool)> done)
{
    if (m_inFlight >= m_maxQueued)
        return false;
    ++m_inFlight;
    m_pool.start([this, pin, storedHash, done = std::move(done)]() mutable {
        lowerThreadPriority();
        const bool matches = PinHasher::verify(pin, storedHash);
        QMetaObject::invokeMethod(
            this,
            [this, matches, done = std::move(done)] {
                --m_inFlight;
                done(matches);
            },
            Qt::QueuedConnection);
    });
    return true;
}

} // namespace TableTap
