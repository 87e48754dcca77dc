// Staff PINs, stored hashed.
#include "pinhasher.h"

#include "jsonwebtoken.h"

#include <QRandomGenerator>
#include <QStringList>

#include <openssl/evp.h>

namespace TableTap {

static constexpr int kSaltBytes = 16;
static constexpr int kKeyBytes = 32;

// PBKDF2-HMAC-SHA256 (RFC 8018, 5.2) by OpenSSL's libcrypto: its SHA-256 uses the CPU's SHA
// instructions where there are some, about ten times faster than Qt Core's HMAC, so a sign-in
// costs the hub that much less CPU at the same iteration count (tst_hubauth compares the bytes
// with QPasswordDigestor's).
static QByteArray derive(const QString &pin, const QByteArray &salt, int iterations)
{
    const QByteArray password = pin.toUtf8();
    QByteArray key(kKeyBytes, Qt::Uninitialized);
    if (PKCS5_PBKDF2_HMAC(password.constData(), int(password.size()),
                          reinterpret_cast<const unsigned char *>(salt.constData()),
                          int(salt.size()), iterations, EVP_sha256(), kKeyBytes,
                          reinterpret_cast<unsigned char *>(key.data()))
        != 1)
        return {}; // never equal to a stored hash: verify() refuses
    return key;
}

QString PinHasher::hash(const QString &pin, int iterations)
{
    iterations = qMax(iterations, kMinimumIterations);
    QByteArray salt(kSaltBytes, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(salt.data()),
                                          kSaltBytes / sizeof(quint32));
    return QStringLiteral("pbkdf2-sha256$%1$%2$%3")
        .arg(iterations)
        .arg(QString::fromLatin1(salt.toBase64()),
             QString::fromLatin1(derive(pin, salt, iterations).toBase64()));
}

bool PinHasher::verify(const QString &pin, const QString &stored)
{
    const QStringList parts = stored.split(u'$');
    if (parts.size() != 4 || parts.at(0) != u"pbkdf2-sha256")
        return false;
    bool ok = false;
    const int iterations = parts.at(1).toInt(&ok);
    // The upper bound keeps a tampered row from turning sign-in into a denial of service.
    if (!ok || iterations < kMinimumIterations || iterations > 10000000)
        return false;
    const QByteArray salt = QByteArray::fromBase64(parts.at(2).toLatin1());
    const QByteArray expected = QByteArray::fromBase64(parts.at(3).toLatin1());
    if (salt.isEmpty() || expected.size() != kKeyBytes)
        return false;
    return JsonWebToken::constantTimeEquals(derive(pin, salt, iterations), expected);
}

bool PinHasher::isValidPin(const QString &pin)
{
    if (pin.size() < 4 || pin.size() > 12)
        return false;
    for (QChar c : pin) {
        if (c < u'0' || c > u'9')
            return false;
    }
    return true;
}

} // namespace TableTap
