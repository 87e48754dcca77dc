// JWT with HS256 only.
#include "jsonwebtoken.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>

namespace TableTap {

static constexpr auto kB64 = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
// Tokens are small; anything bigger is not ours and is refused before any parsing.
static constexpr qsizetype kMaxTokenSize = 8192;
// iat a little in the future is tolerated (the same clock signs and verifies, but a hub may
// be restarted after an NTP step).
static constexpr qint64 kIatLeewaySeconds = 60;

static QByteArray hmac(const QByteArray &data, const QByteArray &secret)
{
    return QMessageAuthenticationCode::hash(data, secret, QCryptographicHash::Sha256);
}

QByteArray JsonWebToken::sign(const TokenClaims &c, const QByteArray &secret)
{
    const QJsonObject header{{QStringLiteral("alg"), QStringLiteral("HS256")},
                             {QStringLiteral("typ"), QStringLiteral("JWT")}};
    const QJsonObject payload{{QStringLiteral("sub"), c.userId},
                              {QStringLiteral("name"), c.name},
                              {QStringLiteral("role"), HubActor::roleName(c.role)},
                              {QStringLiteral("cafe_id"), c.cafeId},
                              {QStringLiteral("token_type"), c.tokenType},
                              {QStringLiteral("iat"), c.issuedAt},
                              {QStringLiteral("exp"), c.expiresAt},
                              {QStringLiteral("jti"), c.tokenId},
                              {QStringLiteral("gen"), c.generation}};
    const QByteArray signingInput
        = QJsonDocument(header).toJson(QJsonDocument::Compact).toBase64(kB64) + '.'
          + QJsonDocument(payload).toJson(QJsonDocument::Compact).toBase64(kB64);
    return signingInput + '.' + hmac(signingInput, secret).toBase64(kB64);
}

bool JsonWebToken::constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return diff == 0;
}

static bool decodePart(const QByteArray &part, QByteArray *out)
{
    if (part.isEmpty() || part.contains('='))
        return false;
    auto r = QByteArray::fromBase64Encoding(part, QByteArray::Base64UrlEncoding
                                                      | QByteArray::AbortOnBase64DecodingErrors);
    if (!r)
        return false;
    // Canonical form only: re-encoding must give the same text (no stray trailing bits).
    if (r.decoded.toBase64(kB64) != part)
        return false;
    *out = r.decoded;
    return true;
}

static JsonWebToken::Verified failure(JsonWebToken::Error e, const QString &message)
{
    JsonWebToken::Verified v;
    v.error = e;
    v.message = message;
    return v;
}

static bool integerClaim(const QJsonObject &o, QStringView key, qint64 *out)
{
    const QJsonValue v = o.value(key);
    if (!v.isDouble())
        return false;
    const double d = v.toDouble();
    if (d != static_cast<double>(static_cast<qint64>(d)) || d < 0 || d > 4102444800.0)
        return false;
    *out = static_cast<qint64>(d);
    return true;
}

JsonWebToken::Verified JsonWebToken::verify(const QByteArray &token, const QByteArray &secret,
                                            qint64 nowSeconds, const QString &expectedType)
{
    using E = Error;
    if (token.size() > kMaxTokenSize || token.count('.') != 2)
        return failure(E::Malformed, QStringLiteral("not a JWS compact token"));
    const qsizetype d1 = token.indexOf('.');
    const qsizetype d2 = token.indexOf('.', d1 + 1);
    const QByteArray headerPart = token.left(d1);
    const QByteArray payloadPart = token.mid(d1 + 1, d2 - d1 - 1);
    const QByteArray signaturePart = token.mid(d2 + 1);
    QByteArray headerJson, payloadJson, signature;
    if (!decodePart(headerPart, &headerJson) || !decodePart(payloadPart, &payloadJson))
        return failure(E::Malformed, QStringLiteral("bad base64url"));

    QJsonParseError perr;
    const QJsonDocument header = QJsonDocument::fromJson(headerJson, &perr);
    if (perr.error != QJsonParseError::NoError || !header.isObject())
        return failure(E::Malformed, QStringLiteral("header is not a JSON object"));
    const QJsonObject h = header.object();
    if (h.value(u"alg") != QJsonValue(QStringLiteral("HS256")))
        return failure(E::UnsupportedAlgorithm, QStringLiteral("only HS256 tokens are accepted"));
    if (h.contains(u"typ") && h.value(u"typ") != QJsonValue(QStringLiteral("JWT")))
        return failure(E::Malformed, QStringLiteral("typ must be JWT"));
    if (h.contains(u"crit"))
        return failure(E::Malformed,
                       QStringLiteral("critical header parameters are not supported"));

    if (!decodePart(signaturePart, &signature))
        return failure(E::BadSignature, QStringLiteral("bad signature encoding"));
    const QByteArray expected = hmac(headerPart + '.' + payloadPart, secret);
    if (!constantTimeEquals(signature, expected))
        return failure(E::BadSignature, QStringLiteral("signature does not match"));

    const QJsonDocument payload = QJsonDocument::fromJson(payloadJson, &perr);
    if (perr.error != QJsonParseError::NoError || !payload.isObject())
        return failure(E::Malformed, QStringLiteral("payload is not a JSON object"));
    const QJsonObject p = payload.object();

    Verified v;
    TokenClaims &c = v.claims;
    if (!integerClaim(p, u"exp", &c.expiresAt) || !integerClaim(p, u"iat", &c.issuedAt))
        return failure(E::BadClaims, QStringLiteral("exp and iat must be integer seconds"));
    if (p.contains(u"gen") && !integerClaim(p, u"gen", &c.generation))
        return failure(E::BadClaims, QStringLiteral("gen must be an integer"));
    if (nowSeconds >= c.expiresAt)
        return failure(E::Expired, QStringLiteral("token expired"));
    if (c.issuedAt > nowSeconds + kIatLeewaySeconds)
        return failure(E::NotYetValid, QStringLiteral("token issued in the future"));
    c.userId = p.value(u"sub").toString();
    c.name = p.value(u"name").toString();
    c.cafeId = p.value(u"cafe_id").toString();
    c.tokenType = p.value(u"token_type").toString();
    c.tokenId = p.value(u"jti").toString();
    const auto role = HubActor::parseRole(p.value(u"role").toString());
    if (c.userId.isEmpty() || c.cafeId.isEmpty() || !p.value(u"name").isString() || !role)
        return failure(E::BadClaims, QStringLiteral("sub, name, role and cafe_id are required"));
    c.role = *role;
    if (c.tokenType != expectedType)
        return failure(
            E::WrongTokenType,
            QStringLiteral("expected a %1 token, got \"%2\"").arg(expectedType, c.tokenType));
    v.error = E::None;
    return v;
}

} // namespace TableTap
