// libFuzzer target: token verification (JsonWebToken::verify). Whatever the bytes, verify gives
// a verdict without crashing, and it accepts a token only if its signature is the HMAC-SHA256 of
// its first two parts under the hub's secret, its header says HS256 and its claims are whole.
// The first byte chooses: the input as a token, or a genuine token with the input spliced in.
#include "jsonwebtoken.h"
#include "tokenclaims.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>

#include <cstdlib>

using namespace TableTap;

namespace {

const QByteArray kSecret = QByteArrayLiteral("0123456789abcdef0123456789abcdef");
constexpr qint64 kNow = 1704096000;

QByteArray genuine()
{
    TokenClaims c;
    c.userId = QStringLiteral("user-1");
    c.name = QStringLiteral("Jane");
    c.role = HubRole::Employee;
    c.cafeId = QStringLiteral("cafe1");
    c.tokenType = QStringLiteral("access");
    c.issuedAt = kNow - 60;
    c.expiresAt = kNow + 3600;
    c.tokenId = QStringLiteral("t1");
    return JsonWebToken::sign(c, kSecret);
}

void check(const QByteArray &token)
{
    for (const QString &type : {QStringLiteral("access"), QStringLiteral("refresh")}) {
        const JsonWebToken::Verified v = JsonWebToken::verify(token, kSecret, kNow, type);
        if (!v.ok())
            continue;
        const QList<QByteArray> parts = token.split('.');
        if (parts.size() != 3)
            std::abort();
        const QByteArray mac = QMessageAuthenticationCode::hash(parts[0] + '.' + parts[1], kSecret,
                                                                QCryptographicHash::Sha256);
        if (mac.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)
            != parts[2])
            std::abort();
        const QJsonObject header
            = QJsonDocument::fromJson(
                  QByteArray::fromBase64(parts[0], QByteArray::Base64UrlEncoding))
                  .object();
        if (header.value(QLatin1String("alg")).toString() != u"HS256")
            std::abort();
        if (v.claims.tokenType != type || v.claims.userId.isEmpty() || v.claims.cafeId.isEmpty()
            || v.claims.expiresAt <= kNow)
            std::abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    static const QByteArray real = genuine();
    check(bytes);
    if (size < 2)
        return 0;
    // A genuine token with one of its parts (or a slice of it) replaced by the input: what a
    // forger who has seen real tokens would try.
    QList<QByteArray> parts = real.split('.');
    const int which = data[0] % 3;
    const QByteArray rest = bytes.mid(1);
    if (data[0] & 0x80) {
        parts[which] = rest;
    } else {
        // Re-encoded: the input as the JSON of the header or the claims.
        parts[which]
            = rest.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    }
    check(parts.join('.'));
    return 0;
}
