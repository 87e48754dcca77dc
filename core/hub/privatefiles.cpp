// Owner-only, symlink-refusing, fsynced files for backups and restores.
#include "privatefiles.h"

#include <QDir>
#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace TableTap::PrivateFiles {

namespace {

QString why(const QString &what, const QString &path)
{
    return QStringLiteral("%1 %2: %3")
        .arg(what, path, QString::fromLocal8Bit(std::strerror(errno)));
}

// Closes on scope exit.
struct Fd
{
    int fd = -1;
    explicit Fd(int f)
        : fd(f)
    {}
    ~Fd()
    {
        if (fd >= 0)
            ::close(fd);
    }
    Fd(const Fd &) = delete;
    Fd &operator=(const Fd &) = delete;
};

bool writeAll(int fd, const char *data, ssize_t size)
{
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size_t(size));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        data += n;
        size -= n;
    }
    return true;
}

} // namespace

bool copyFile(const QString &from, const QString &to, QString *error)
{
    const Fd in(::open(QFile::encodeName(from).constData(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
    struct stat st = {};
    if (in.fd < 0 || ::fstat(in.fd, &st) != 0) {
        *error = errno == ELOOP ? QStringLiteral("%1 is a symbolic link; refused").arg(from)
                                : why(QStringLiteral("cannot read"), from);
        return false;
    }
    if (!S_ISREG(st.st_mode)) {
        *error = QStringLiteral("%1 is not a regular file; refused").arg(from);
        return false;
    }
    const Fd out(::open(QFile::encodeName(to).constData(),
                        O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
    if (out.fd < 0) {
        *error = why(QStringLiteral("cannot create"), to);
        return false;
    }
    char buffer[64 * 1024];
    for (;;) {
        const ssize_t n = ::read(in.fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            *error = why(QStringLiteral("cannot read"), from);
            return false;
        }
        if (n == 0)
            break;
        if (!writeAll(out.fd, buffer, n)) {
            *error = why(QStringLiteral("cannot write"), to);
            return false;
        }
    }
    if (::fsync(out.fd) != 0) {
        *error = why(QStringLiteral("cannot flush"), to);
        return false;
    }
    return true;
}

bool isRegularFile(const QString &path)
{
    struct stat st = {};
    return ::lstat(QFile::encodeName(path).constData(), &st) == 0 && S_ISREG(st.st_mode);
}

bool isFolder(const QString &path)
{
    struct stat st = {};
    return ::lstat(QFile::encodeName(path).constData(), &st) == 0 && S_ISDIR(st.st_mode);
}

bool makeFolder(const QString &path, QString *error)
{
    if (!QDir().mkpath(path) || ::chmod(QFile::encodeName(path).constData(), 0700) != 0) {
        *error = why(QStringLiteral("cannot create"), path);
        return false;
    }
    return true;
}

bool sealFile(const QString &path, QString *error)
{
    const Fd fd(::open(QFile::encodeName(path).constData(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
    if (fd.fd < 0 || ::fchmod(fd.fd, 0600) != 0 || ::fsync(fd.fd) != 0) {
        *error = why(QStringLiteral("cannot flush"), path);
        return false;
    }
    return true;
}

bool syncFolder(const QString &path, QString *error)
{
    const Fd fd(::open(QFile::encodeName(path).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (fd.fd < 0 || ::fsync(fd.fd) != 0) {
        *error = why(QStringLiteral("cannot flush"), path);
        return false;
    }
    return true;
}

} // namespace TableTap::PrivateFiles
