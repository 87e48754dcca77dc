// Staff PINs, stored hashed: PBKDF2-HMAC-SHA256 with a per-staff random salt and the iteration
// count kept in the stored string ("pbkdf2-sha256$<iterations>$<salt>$<hash>", base64), so the
// count can be raised later without invalidating existing PINs.
#pragma once

#include <QByteArray>
#include <QString>

namespace TableTap {

class PinHasher final
{
public:
    static constexpr int kDefaultIterations = 120000;
    static constexpr int kMinimumIterations = 100000;

    static QString hash(const QString &pin, int iterations = kDefaultIterations);
    // Constant-time comparison; false for malformed stored strings or counts below the minimum.
    static bool verify(const QString &pin, const QString &stored);
    // A PIN is 4 to 12 digits.
    static bool isValidPin(const QString &pin);
};

} // namespace TableTap
