// Checks staff PINs against their stored hashes (PBKDF2, 120,000 rounds on purpose; about 12 ms
// of CPU with libcrypto where the CPU has SHA instructions, 176 ms with Qt's HMAC) on a few
// threads of its own, so sign-ins never hold up the hub's event loop; each answer comes back on
// the pool's own thread. At most maxQueued checks wait or run at once: beyond that, submit()
// refuses and the caller answers "busy" instead of queueing without end.
#pragma once

#include <QObject>
#include <QThreadPool>

#include <functional>

namespace TableTap {

class PinCheckPool final : public QObject
{
    Q_OBJECT
public:
    PinCheckPool(int threads, int maxQueued, QObject *parent = nullptr);
    // Waits for the checks that are running; answers not yet delivered are dropped.
    ~PinCheckPool() override;

    // Compares pin with storedHash on a pool thread; done(matches) runs later on this object's
    // thread, never from inside submit(). False (done never runs) when maxQueued checks are
    // already waiting or running.
    bool submit(const QString &pin, const QString &storedHash, std::function<void(bool)> done);
    int inFlight() const { return m_inFlight; }
    int maxQueued() const { return m_maxQueued; }
    int threads() const { return m_pool.maxThreadCount(); }

private:
    QThreadPool m_pool;
    int m_maxQueued;
    int m_inFlight = 0; // submitted and not yet answered; touched on this object's thread only
};

} // namespace TableTap
