// The hub's token-signing secret.
#include "hubsecret.h"

#include "hubdomainlogging.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>

#include <unistd.h>

namespace TableTap {

static constexpr int kSecretBytes = 32;
static constexpr QFileDevice::Permissions kOwnerOnly
    = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

QString HubSecret::filePath(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("hub.secret"));
}

static QByteArray readSecret(const QString &path, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(path, f.errorString());
        return {};
    }
    const QByteArray secret = QByteArray::fromHex(f.readAll().trimmed());
    if (secret.size() < kSecretBytes) {
        *error
            = QStringLiteral("%1 does not hold a %2-byte hex secret").arg(path).arg(kSecretBytes);
        return {};
    }
    if (f.permissions() & ~(kOwnerOnly | QFileDevice::ReadUser | QFileDevice::WriteUser)) {
        qCWarning(lcHubAuth) << path << "was readable by others; setting its permissions to 0600";
        f.setPermissions(kOwnerOnly);
    }
    return secret;
}

QByteArray HubSecret::loadOrCreate(const QString &dataDir, QString *error)
{
    QString dummy;
    if (!error)
        error = &dummy;
    const QString path = filePath(dataDir);
    if (QFile::exists(path))
        return readSecret(path, error);
    if (!QDir().mkpath(dataDir)) {
        *error = QStringLiteral("cannot create %1").arg(dataDir);
        return {};
    }
    QByteArray secret(kSecretBytes, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(secret.data()),
                                          kSecretBytes / sizeof(quint32));
    const QString tmp = path + QStringLiteral(".tmp");
    QFile::remove(tmp);
    QFile f(tmp);
    // Created 0600 from the start: the secret is never on disk with looser permissions.
    if (!f.open(QIODevice::WriteOnly | QIODevice::NewOnly, kOwnerOnly)) {
        *error = QStringLiteral("cannot create %1: %2").arg(tmp, f.errorString());
        return {};
    }
    const QByteArray hex = secret.toHex() + '\n';
    if (f.write(hex) != hex.size() || !f.flush() || ::fsync(f.handle()) != 0) {
        *error = QStringLiteral("cannot write %1").arg(tmp);
        f.close();
        QFile::remove(tmp);
        return {};
    }
    f.close();
    // link() + unlink() rather than rename(): two hubs starting at once both end up with the
    // winner's secret instead of silently overwriting it.
    if (::link(QFile::encodeName(tmp).constData(), QFile::encodeName(path).constData()) != 0) {
        QFile::remove(tmp);
        return readSecret(path, error);
    }
    QFile::remove(tmp);
    qCInfo(lcHubAuth) << "created the hub secret" << path;
    return secret;
}

} // namespace TableTap
