// The hub's token-signing secret: 32 random bytes in <data>/hub.secret, created on first start
// with permissions 0600 (written to a temporary file and renamed, so it is never half there).
#pragma once

#include <QByteArray>
#include <QString>

namespace TableTap {

class HubSecret final
{
public:
    // Reads the secret, creating it if the file does not exist. Tightens loose permissions.
    // Returns an empty array with a message on failure.
    static QByteArray loadOrCreate(const QString &dataDir, QString *error);
    static QString filePath(const QString &dataDir);
};

} // namespace TableTap
