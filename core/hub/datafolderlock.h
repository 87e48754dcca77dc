// An advisory lock on a hub's data folder (<data>/hub.lock, flock): `tabletap-hub serve` holds it
// while it runs, so a second hub and `tabletap-hub restore` refuse to touch the folder meanwhile.
// The kernel drops the lock when the process ends, however it ends, so there is no stale lock.
#pragma once

#include <QString>

namespace TableTap {

class DataFolderLock final
{
public:
    explicit DataFolderLock(QString dataDir);
    ~DataFolderLock();
    DataFolderLock(const DataFolderLock &) = delete;
    DataFolderLock &operator=(const DataFolderLock &) = delete;

    // Takes the lock without waiting (creates the lock file, not the folder). False with
    // errorString() when another process holds it (its pid is in the message) or on an I/O error.
    bool tryLock();
    void unlock();
    bool isLocked() const { return m_fd >= 0; }
    // The pid written by the holder when tryLock() failed because the folder is in use; else 0.
    qint64 holderPid() const { return m_holderPid; }
    QString errorString() const { return m_error; }

    static QString filePath(const QString &dataDir);

private:
    QString m_dataDir;
    int m_fd = -1;
    qint64 m_holderPid = 0;
    QString m_error;
};

} // namespace TableTap
