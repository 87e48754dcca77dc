// DataFolderLock: flock(2) on <data>/hub.lock, the holder's pid written in it for messages.
#include "datafolderlock.h"

#include <QDir>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace TableTap {

DataFolderLock::DataFolderLock(QString dataDir)
    : m_dataDir(std::move(dataDir))
{}

DataFolderLock::~DataFolderLock()
{
    unlock();
}

QString DataFolderLock::filePath(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("hub.lock"));
}

bool DataFolderLock::tryLock()
{
    if (m_fd >= 0)
        return true;
    m_error.clear();
    m_holderPid = 0;
    const QByteArray path = QFile::encodeName(filePath(m_dataDir));
    // Read-write to record our pid; read-only is enough for the lock itself (a lock file left by
    // root, say, that this user may not write).
    bool canWrite = true;
    int fd = ::open(path.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0 && errno == EACCES) {
        canWrite = false;
        fd = ::open(path.constData(), O_RDONLY | O_CLOEXEC);
    }
    if (fd < 0) {
        m_error = QStringLiteral("cannot open %1: %2")
                      .arg(QFile::decodeName(path), QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        const int e = errno;
        char buffer[32] = {};
        const ssize_t n = ::pread(fd, buffer, sizeof buffer - 1, 0);
        ::close(fd);
        if (e == EWOULDBLOCK) {
            m_holderPid = n > 0 ? QByteArray(buffer, int(n)).trimmed().toLongLong() : 0;
            m_error = m_holderPid > 0 ? QStringLiteral("a hub (pid %1) is serving %2")
                                            .arg(m_holderPid)
                                            .arg(m_dataDir)
                                      : QStringLiteral("a hub is serving %1").arg(m_dataDir);
        } else {
            m_error = QStringLiteral("cannot lock %1: %2")
                          .arg(QFile::decodeName(path), QString::fromLocal8Bit(std::strerror(e)));
        }
        return false;
    }
    if (canWrite) {
        const QByteArray pid = QByteArray::number(qint64(::getpid())) + '\n';
        if (::ftruncate(fd, 0) == 0) [[maybe_unused]]
            const auto written = ::pwrite(fd, pid.constData(), pid.size(), 0);
    }
    m_fd = fd;
    return true;
}

void DataFolderLock::unlock()
{
    if (m_fd < 0)
        return;
    // The pid goes first, so a reader never names a process that has let go.
    if (::ftruncate(m_fd, 0) != 0) {
        // Nothing to do: the lock itself is what counts, and it goes with the descriptor.
    }
    ::flock(m_fd, LOCK_UN);
    ::close(m_fd);
    m_fd = -1;
}

} // namespace TableTap
