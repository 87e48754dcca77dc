// Auth primitives: HS256 tokens (forged, alg none, HS512, expired, wrong type, tampered,
// malformed), the hub secret file, PIN hashing, sign-in throttling (a lockout that keeps out
// failing addresses, not the owner; IPv6 by /64), sign-in and refresh in steps, and the
// handshake check the wiring layer will call.
#include "clientaddress.h"
#include "hubsecret.h"
#include "hubtestfixture.h"
#include "jsonwebtoken.h"
#include "loginthrottle.h"
#include "pinhasher.h"

#include <QMessageAuthenticationCode>
#include <QPasswordDigestor>
#include <QRegularExpression>
#include <QTest>

#include <sys/stat.h>

using namespace TableTap;
using namespace TableTap::Test;

static constexpr auto kB64 = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
static const QByteArray kSecret(32, 'k');
static constexpr qint64 kNow = 1704096000; // seconds

static QByteArray part(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact).toBase64(kB64);
}

static QJsonObject goodPayload()
{
    return QJsonObject{{"sub", "u1"},       {"name", "Jane"},         {"role", "employee"},
                       {"cafe_id", "c1"},   {"token_type", "access"}, {"iat", kNow - 10},
                       {"exp", kNow + 3600}};
}

static QByteArray handMade(const QJsonObject &header, const QJsonObject &payload,
                           const QByteArray &secret,
                           QCryptographicHash::Algorithm algorithm = QCryptographicHash::Sha256)
{
    const QByteArray input = part(header) + '.' + part(payload);
    return input + '.' + QMessageAuthenticationCode::hash(input, secret, algorithm).toBase64(kB64);
}

static JsonWebToken::Error verify(const QByteArray &token,
                                  const QString &type = QStringLiteral("access"))
{
    return JsonWebToken::verify(token, kSecret, kNow, type).error;
}

class TestHubAuth : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void signAndVerify();
    void forgedSignature();
    void algNoneRefused();
    void otherAlgorithmsRefused();
    void expired();
    void wrongTokenType();
    void tamperedPayload();
    void malformed_data();
    void malformed();
    void missingClaims();
    void constantTimeEquals();
    void secretFile();
    void pinHashing();
    void loginThrottle();
    void signInAndRefresh();
    void signInThrottling();
    void lockoutCannotKeepTheOwnerOut();
    void addressThrottleBySlash64();
    void signInInSteps();
    void handshakeVerification();
};

void TestHubAuth::signAndVerify()
{
    TokenClaims c{QStringLiteral("u1"),
                  QStringLiteral("Jane"),
                  HubRole::Manager,
                  QStringLiteral("c1"),
                  QStringLiteral("access"),
                  kNow,
                  kNow + 60,
                  QStringLiteral("j1")};
    const QByteArray token = JsonWebToken::sign(c, kSecret);
    const auto v = JsonWebToken::verify(token, kSecret, kNow, QStringLiteral("access"));
    QVERIFY2(v.ok(), qPrintable(v.message));
    QCOMPARE(v.claims.userId, QStringLiteral("u1"));
    QCOMPARE(v.claims.name, QStringLiteral("Jane"));
    QCOMPARE(v.claims.role, HubRole::Manager);
    QCOMPARE(v.claims.cafeId, QStringLiteral("c1"));
    QCOMPARE(v.claims.expiresAt, kNow + 60);
    const QJsonObject header
        = QJsonDocument::fromJson(QByteArray::fromBase64(token.split('.').at(0), kB64)).object();
    QCOMPARE(header.value(u"alg").toString(), QStringLiteral("HS256"));
    // Hand-made tokens with the same secret verify too: plain RFC 7519 HS256.
    QVERIFY(verify(handMade({{"alg", "HS256"}, {"typ", "JWT"}}, goodPayload(), kSecret))
            == JsonWebToken::Error::None);
}

void TestHubAuth::forgedSignature()
{
    QCOMPARE(verify(handMade({{"alg", "HS256"}}, goodPayload(), QByteArray(32, 'x'))),
             JsonWebToken::Error::BadSignature);
    QByteArray t = handMade({{"alg", "HS256"}}, goodPayload(), kSecret);
    t.chop(2);
    t += "AA";
    QVERIFY(verify(t) != JsonWebToken::Error::None);
}

void TestHubAuth::algNoneRefused()
{
    const QByteArray unsignedToken
        = part({{"alg", "none"}, {"typ", "JWT"}}) + '.' + part(goodPayload()) + '.';
    QCOMPARE(verify(unsignedToken), JsonWebToken::Error::UnsupportedAlgorithm);
    const QByteArray noneWithSig = handMade({{"alg", "none"}}, goodPayload(), kSecret);
    QCOMPARE(verify(noneWithSig), JsonWebToken::Error::UnsupportedAlgorithm);
    QCOMPARE(verify(handMade({{"alg", "hs256"}}, goodPayload(), kSecret)),
             JsonWebToken::Error::UnsupportedAlgorithm);
    QCOMPARE(verify(handMade({{"typ", "JWT"}}, goodPayload(), kSecret)),
             JsonWebToken::Error::UnsupportedAlgorithm);
}

void TestHubAuth::otherAlgorithmsRefused()
{
    QCOMPARE(
        verify(handMade({{"alg", "HS512"}}, goodPayload(), kSecret, QCryptographicHash::Sha512)),
        JsonWebToken::Error::UnsupportedAlgorithm);
    QCOMPARE(verify(handMade({{"alg", "RS256"}}, goodPayload(), kSecret)),
             JsonWebToken::Error::UnsupportedAlgorithm);
}

void TestHubAuth::expired()
{
    QJsonObject p = goodPayload();
    p.insert(QStringLiteral("exp"), kNow - 1);
    QCOMPARE(verify(handMade({{"alg", "HS256"}}, p, kSecret)), JsonWebToken::Error::Expired);
    p.insert(QStringLiteral("exp"), kNow);
    QCOMPARE(verify(handMade({{"alg", "HS256"}}, p, kSecret)), JsonWebToken::Error::Expired);
    p.insert(QStringLiteral("exp"), kNow + 1);
    QCOMPARE(verify(handMade({{"alg", "HS256"}}, p, kSecret)), JsonWebToken::Error::None);
    p.insert(QStringLiteral("iat"), kNow + 3000);
    QCOMPARE(verify(handMade({{"alg", "HS256"}}, p, kSecret)), JsonWebToken::Error::NotYetValid);
}

void TestHubAuth::wrongTokenType()
{
    QJsonObject p = goodPayload();
    p.insert(QStringLiteral("token_type"), QStringLiteral("refresh"));
    const QByteArray refresh = handMade({{"alg", "HS256"}}, p, kSecret);
    QCOMPARE(verify(refresh), JsonWebToken::Error::WrongTokenType);
    QCOMPARE(verify(refresh, QStringLiteral("refresh")), JsonWebToken::Error::None);
    p.remove(QStringLiteral("token_type"));
    QCOMPARE(verify(handMade({{"alg", "HS256"}}, p, kSecret)), JsonWebToken::Error::WrongTokenType);
}

void TestHubAuth::tamperedPayload()
{
    const QByteArray token = handMade({{"alg", "HS256"}}, goodPayload(), kSecret);
    const QList<QByteArray> parts = token.split('.');
    QJsonObject p = goodPayload();
    p.insert(QStringLiteral("role"), QStringLiteral("admin"));
    QCOMPARE(verify(parts.at(0) + '.' + part(p) + '.' + parts.at(2)),
             JsonWebToken::Error::BadSignature);
    p = goodPayload();
    p.insert(QStringLiteral("cafe_id"), QStringLiteral("c2"));
    QCOMPARE(verify(parts.at(0) + '.' + part(p) + '.' + parts.at(2)),
             JsonWebToken::Error::BadSignature);
    p = goodPayload();
    p.insert(QStringLiteral("exp"), kNow + 999999);
    QCOMPARE(verify(parts.at(0) + '.' + part(p) + '.' + parts.at(2)),
             JsonWebToken::Error::BadSignature);
}

void TestHubAuth::malformed_data()
{
    QTest::addColumn<QByteArray>("token");
    const QByteArray good = handMade({{"alg", "HS256"}}, goodPayload(), kSecret);
    const QList<QByteArray> p = good.split('.');
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("garbage") << QByteArray("not a token");
    QTest::newRow("two parts") << p.at(0) + '.' + p.at(1);
    QTest::newRow("four parts") << good + ".x";
    QTest::newRow("padding") << p.at(0) + "=." + p.at(1) + '.' + p.at(2);
    QTest::newRow("bad base64") << p.at(0) + ".!!!." + p.at(2);
    QTest::newRow("header not json") << QByteArray("bm90anNvbg") + '.' + p.at(1) + '.' + p.at(2);
    QTest::newRow("huge") << QByteArray(10000, 'a') + ".b.c";
    QTest::newRow("crit header") << handMade({{"alg", "HS256"}, {"crit", QJsonArray{"x"}}},
                                             goodPayload(), kSecret);
    QByteArray nonCanonical = p.at(2);
    // The last base64 character of a 32-byte signature carries 4 unused bits: flip one.
    nonCanonical.back() = nonCanonical.back() == 'A' ? 'B' : 'A';
    QTest::newRow("non-canonical signature") << p.at(0) + '.' + p.at(1) + '.' + nonCanonical;
}

void TestHubAuth::malformed()
{
    QFETCH(QByteArray, token);
    QVERIFY(verify(token) != JsonWebToken::Error::None);
}

void TestHubAuth::missingClaims()
{
    for (const char *claim : {"sub", "role", "cafe_id", "name", "exp", "iat"}) {
        QJsonObject p = goodPayload();
        p.remove(QLatin1String(claim));
        QVERIFY2(verify(handMade({{"alg", "HS256"}}, p, kSecret)) != JsonWebToken::Error::None,
                 claim);
    }
    QJsonObject p = goodPayload();
    p.insert(QStringLiteral("role"), QStringLiteral("owner"));
    QCOMPARE(verify(handMade({{"alg", "HS256"}}, p, kSecret)), JsonWebToken::Error::BadClaims);
    p = goodPayload();
    p.insert(QStringLiteral("exp"), QStringLiteral("tomorrow"));
    QCOMPARE(verify(handMade({{"alg", "HS256"}}, p, kSecret)), JsonWebToken::Error::BadClaims);
}

void TestHubAuth::constantTimeEquals()
{
    QVERIFY(JsonWebToken::constantTimeEquals("abc", "abc"));
    QVERIFY(!JsonWebToken::constantTimeEquals("abc", "abd"));
    QVERIFY(!JsonWebToken::constantTimeEquals("abc", "abcd"));
}

void TestHubAuth::secretFile()
{
    QTemporaryDir dir;
    QString error;
    const QByteArray s1 = HubSecret::loadOrCreate(dir.path(), &error);
    QCOMPARE(s1.size(), 32);
    struct stat st;
    QCOMPARE(::stat(QFile::encodeName(HubSecret::filePath(dir.path())).constData(), &st), 0);
    QCOMPARE(st.st_mode & 0777, 0600u);
    QCOMPARE(HubSecret::loadOrCreate(dir.path(), &error), s1);
    QVERIFY(!QFile::exists(HubSecret::filePath(dir.path()) + QStringLiteral(".tmp")));
    // Loose permissions are tightened on load.
    ::chmod(QFile::encodeName(HubSecret::filePath(dir.path())).constData(), 0644);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("readable by others")));
    QCOMPARE(HubSecret::loadOrCreate(dir.path(), &error), s1);
    QCOMPARE(::stat(QFile::encodeName(HubSecret::filePath(dir.path())).constData(), &st), 0);
    QCOMPARE(st.st_mode & 0777, 0600u);
    // A damaged secret is an error, never silently replaced.
    QFile f(HubSecret::filePath(dir.path()));
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write("abcd\n");
    f.close();
    QVERIFY(HubSecret::loadOrCreate(dir.path(), &error).isEmpty());
    QVERIFY(!error.isEmpty());
}

void TestHubAuth::pinHashing()
{
    const QString h1 = PinHasher::hash(QStringLiteral("4821"));
    const QString h2 = PinHasher::hash(QStringLiteral("4821"));
    QVERIFY(h1 != h2); // per-hash salt
    QVERIFY(h1.startsWith(QStringLiteral("pbkdf2-sha256$")));
    QVERIFY(h1.section(u'$', 1, 1).toInt() >= 100000);
    QVERIFY(PinHasher::verify(QStringLiteral("4821"), h1));
    QVERIFY(PinHasher::verify(QStringLiteral("4821"), h2));
    // The same key as Qt Network's PBKDF2 (hashes stored before the domain left Qt Network).
    for (const QString &h : {h1, h2}) {
        const QByteArray salt = QByteArray::fromBase64(h.section(u'$', 2, 2).toLatin1());
        QCOMPARE(QByteArray::fromBase64(h.section(u'$', 3, 3).toLatin1()),
                 QPasswordDigestor::deriveKeyPbkdf2(QCryptographicHash::Sha256, "4821", salt,
                                                    h.section(u'$', 1, 1).toInt(), 32));
    }
    const QString qtMade = QStringLiteral("pbkdf2-sha256$100000$%1$%2")
                               .arg(QString::fromLatin1(QByteArray("tabletap-salt-16").toBase64()),
                                    QString::fromLatin1(QPasswordDigestor::deriveKeyPbkdf2(
                                                            QCryptographicHash::Sha256, "90210",
                                                            "tabletap-salt-16", 100000, 32)
                                                            .toBase64()));
    QVERIFY(PinHasher::verify(QStringLiteral("90210"), qtMade));
    QVERIFY(!PinHasher::verify(QStringLiteral("90211"), qtMade));
    QVERIFY(!PinHasher::verify(QStringLiteral("4822"), h1));
    QVERIFY(!PinHasher::verify(QStringLiteral("4821"), QStringLiteral("plain")));
    QString weak = h1;
    weak.replace(h1.section(u'$', 1, 1), QStringLiteral("1000"));
    QVERIFY(!PinHasher::verify(QStringLiteral("4821"), weak));
    QVERIFY(PinHasher::hash(QStringLiteral("1"), 10).section(u'$', 1, 1).toInt() >= 100000);
    QVERIFY(PinHasher::isValidPin(QStringLiteral("0000")));
    QVERIFY(!PinHasher::isValidPin(QStringLiteral("123")));
    QVERIFY(!PinHasher::isValidPin(QStringLiteral("12a4")));
    QVERIFY(!PinHasher::isValidPin(QStringLiteral("1234567890123")));
}

void TestHubAuth::loginThrottle()
{
    LoginThrottle t;
    const QString k = QStringLiteral("code:c1:emp001");
    for (int i = 0; i < 4; ++i)
        t.recordFailure(k, 1000);
    QCOMPARE(t.lockedForMs(k, 1000), 0);
    t.recordFailure(k, 1000); // 5th: 1 s
    QCOMPARE(t.lockedForMs(k, 1000), 1000);
    QCOMPARE(t.lockedForMs(k, 2000), 0);
    t.recordFailure(k, 2000); // 6th: 2 s
    QCOMPARE(t.lockedForMs(k, 2000), 2000);
    t.recordFailure(k, 4000); // 7th: 4 s
    QCOMPARE(t.lockedForMs(k, 4000), 4000);
    for (int i = 0; i < 30; ++i)
        t.recordFailure(k, 10000);
    QCOMPARE(t.lockedForMs(k, 10000), LoginThrottle::kMaxLockMs);
    t.recordSuccess(k);
    QCOMPARE(t.lockedForMs(k, 10000), 0);
    QCOMPARE(t.failures(k), 0);
    // An hour without failures forgets the count.
    for (int i = 0; i < 4; ++i)
        t.recordFailure(k, 0);
    t.recordFailure(k, LoginThrottle::kForgetMs + 1);
    QCOMPARE(t.failures(k), 1);
}

void TestHubAuth::signInAndRefresh()
{
    HubFixture f;
    SignInService &s = f.hub->signInService();
    const SignInResult r = s.signIn(QStringLiteral("cafe1"), QStringLiteral("emp001"),
                                    QStringLiteral("1234"), QStringLiteral("10.0.0.1"));
    QVERIFY2(r.ok(), qPrintable(r.message));
    QCOMPARE(r.actor.userId, f.employee().userId);
    QCOMPARE(r.employeeCode, QStringLiteral("EMP001"));
    const auto access = f.hub->verifyAccessToken(r.accessToken);
    QVERIFY2(access.ok(), qPrintable(access.message));
    QCOMPARE(access.claims.role, HubRole::Employee);
    QCOMPARE(access.claims.cafeId, QStringLiteral("cafe1"));
    QCOMPARE(access.claims.expiresAt - access.claims.issuedAt, 12 * 3600);
    QCOMPARE(f.hub->verifyAccessToken(r.refreshToken).error, JsonWebToken::Error::WrongTokenType);
    const QJsonObject json = r.toJson(f.clock.nowMs() / 1000);
    QCOMPARE(json.value(u"expires_in").toInt(), 12 * 3600);
    QCOMPARE(json.value(u"user").toObject().value(u"role").toString(), QStringLiteral("employee"));
    // Empty cafe id: the hub serves one cafe.
    QVERIFY(s.signIn({}, QStringLiteral("MGR001"), QStringLiteral("1234"), {}).ok());
    // Refresh: a new access token with the current role.
    f.hub->cafe(QStringLiteral("cafe1"))
        ->connection()
        .exec(QStringLiteral("UPDATE staff SET role = 'manager' WHERE code = 'EMP001'"));
    f.clock.advance(13 * 3600 * 1000LL);
    QCOMPARE(f.hub->verifyAccessToken(r.accessToken).error, JsonWebToken::Error::Expired);
    const SignInResult refreshed = s.refresh(r.refreshToken, QStringLiteral("10.0.0.1"));
    QVERIFY2(refreshed.ok(), qPrintable(refreshed.message));
    QVERIFY(refreshed.refreshToken.isEmpty());
    QCOMPARE(f.hub->verifyAccessToken(refreshed.accessToken).claims.role, HubRole::Manager);
    QVERIFY(!s.refresh(r.accessToken, {}).ok());
    QVERIFY(!s.refresh(QStringLiteral("junk"), {}).ok());
    f.clock.advance(31LL * 86400 * 1000);
    QCOMPARE(s.refresh(r.refreshToken, {}).status, SignInResult::Status::InvalidCredentials);
    // Refused input.
    QCOMPARE(
        s.signIn(QStringLiteral("cafe1"), QStringLiteral("emp 001"), QStringLiteral("1234"), {})
            .status,
        SignInResult::Status::InvalidData);
    QCOMPARE(s.signIn(QStringLiteral("cafe1"), QStringLiteral("NOBODY"), QStringLiteral("1234"), {})
                 .status,
             SignInResult::Status::InvalidCredentials);
}

void TestHubAuth::signInThrottling()
{
    HubFixture f;
    SignInService &s = f.hub->signInService();
    for (int i = 0; i < 5; ++i)
        QCOMPARE(s.signIn(QStringLiteral("cafe1"), QStringLiteral("EMP001"), QStringLiteral("9999"),
                          QStringLiteral("a1"))
                     .status,
                 SignInResult::Status::InvalidCredentials);
    // Locked for the address that failed: even the right PIN waits for the lock to end...
    const SignInResult locked = s.signIn(QStringLiteral("cafe1"), QStringLiteral("EMP001"),
                                         QStringLiteral("1234"), QStringLiteral("a1"));
    QCOMPARE(locked.status, SignInResult::Status::RateLimited);
    QCOMPARE(locked.retryAfterMs, 1000);
    QCOMPARE(locked.toJson(0).value(u"error").toObject().value(u"type").toString(),
             QStringLiteral("RATE_LIMITED"));
    // ...and for a caller that names no address (nothing tells it apart from the guesser).
    QCOMPARE(s.signIn(QStringLiteral("cafe1"), QStringLiteral("EMP001"), QStringLiteral("1234"), {})
                 .status,
             SignInResult::Status::RateLimited);
    f.clock.advance(1000);
    QVERIFY(s.signIn(QStringLiteral("cafe1"), QStringLiteral("EMP001"), QStringLiteral("1234"),
                     QStringLiteral("a1"))
                .ok());
    // Per address: guessing across codes from one address locks that address.
    const QStringList codes{"EMP002", "MGR001", "ADM001", "EMP001", "NOPE1"};
    for (const QString &c : codes)
        s.signIn(QStringLiteral("cafe1"), c, QStringLiteral("0000"), QStringLiteral("attacker"));
    QCOMPARE(s.signIn(QStringLiteral("cafe1"), QStringLiteral("EMP002"), QStringLiteral("1234"),
                      QStringLiteral("attacker"))
                 .status,
             SignInResult::Status::RateLimited);
    QVERIFY(s.signIn(QStringLiteral("cafe1"), QStringLiteral("EMP002"), QStringLiteral("1234"),
                     QStringLiteral("elsewhere"))
                .ok());
}

void TestHubAuth::lockoutCannotKeepTheOwnerOut()
{
    HubFixture f;
    SignInService &s = f.hub->signInService();
    const auto attempt = [&](const QString &pin, const QString &address) {
        return s.signIn(QStringLiteral("cafe1"), QStringLiteral("MGR001"), pin, address).status;
    };
    // Someone guesses at the manager's code until it locks, then keeps at it: 15 minutes' lock.
    for (int i = 0; i < 5; ++i)
        QCOMPARE(attempt(QStringLiteral("0000"), QStringLiteral("guesser")),
                 SignInResult::Status::InvalidCredentials);
    QCOMPARE(s.throttle().failures(QStringLiteral("code:cafe1:mgr001")), 5);
    QVERIFY(s.throttle().lockedForMs(QStringLiteral("code:cafe1:mgr001"), f.clock.monotonicMs())
            > 0);
    // A guesser moving to a fresh address gets one more try there, checked like any other...
    QCOMPARE(attempt(QStringLiteral("1111"), QStringLiteral("second address")),
             SignInResult::Status::InvalidCredentials);
    // ...after which that address is a failing one too and the lock holds for it.
    QCOMPARE(attempt(QStringLiteral("1234"), QStringLiteral("second address")),
             SignInResult::Status::RateLimited);
    QCOMPARE(attempt(QStringLiteral("1234"), QStringLiteral("guesser")),
             SignInResult::Status::RateLimited);
    // The manager, at a till that never failed, signs in with the right PIN all the same.
    const SignInResult owner = s.signIn(QStringLiteral("cafe1"), QStringLiteral("MGR001"),
                                        QStringLiteral("1234"), QStringLiteral("till 2"));
    QVERIFY2(owner.ok(), qPrintable(owner.message));
    QCOMPARE(owner.actor.userId, f.manager().userId);
    // An hour without a failure and an address counts as clean again.
    QVERIFY(s.throttle().hasRecentFailure(QStringLiteral("addr:guesser"), f.clock.monotonicMs()));
    f.clock.advance(LoginThrottle::kForgetMs + 1000);
    QVERIFY(!s.throttle().hasRecentFailure(QStringLiteral("addr:guesser"), f.clock.monotonicMs()));
}

void TestHubAuth::addressThrottleBySlash64()
{
    HubFixture f;
    SignInService &s = f.hub->signInService();
    const auto key = [](const char *address) {
        return ClientAddress::key(QHostAddress(QLatin1String(address)));
    };
    // Five codes guessed from five addresses of one /64 (a host may use any of them).
    const QStringList codes{"NOPE1", "NOPE2", "NOPE3", "NOPE4", "NOPE5"};
    for (int i = 0; i < codes.size(); ++i)
        QCOMPARE(s.signIn(QStringLiteral("cafe1"), codes.at(i), QStringLiteral("0000"),
                          key(qPrintable(QStringLiteral("2001:db8:7:1::%1").arg(i + 1))))
                     .status,
                 SignInResult::Status::InvalidCredentials);
    // Any address of that /64 is locked now; another /64 and IPv4 clients are not.
    QCOMPARE(s.signIn(QStringLiteral("cafe1"), QStringLiteral("EMP001"), QStringLiteral("1234"),
                      key("2001:db8:7:1:dead:beef:0:1"))
                 .status,
             SignInResult::Status::RateLimited);
    QVERIFY(s.signIn(QStringLiteral("cafe1"), QStringLiteral("EMP001"), QStringLiteral("1234"),
                     key("2001:db8:7:2::1"))
                .ok());
    QVERIFY(s.signIn(QStringLiteral("cafe1"), QStringLiteral("EMP002"), QStringLiteral("1234"),
                     key("192.0.2.1"))
                .ok());
}

void TestHubAuth::signInInSteps()
{
    HubFixture f({QStringLiteral("cafe1"), QStringLiteral("cafe2")});
    SignInService &s = f.hub->signInService();
    // Refused before any PIN is checked: an unknown cafe, a malformed code.
    auto step = s.prepare(QStringLiteral("nowhere"), QStringLiteral("EMP001"),
                          QStringLiteral("1234"), QStringLiteral("a"));
    QVERIFY(std::holds_alternative<SignInResult>(step));
    QCOMPARE(std::get<SignInResult>(step).status, SignInResult::Status::InvalidData);
    step = s.prepare(QStringLiteral("cafe1"), QStringLiteral("emp 001"), QStringLiteral("1234"),
                     QStringLiteral("a"));
    QCOMPARE(std::get<SignInResult>(step).status, SignInResult::Status::InvalidData);
    // An unknown code still costs a full check (a decoy hash), so timing does not tell.
    step = s.prepare(QStringLiteral("cafe1"), QStringLiteral("NOBODY"), QStringLiteral("1234"),
                     QStringLiteral("a"));
    const PendingSignIn unknown = std::get<PendingSignIn>(step);
    QVERIFY(unknown.staffId.isEmpty());
    QVERIFY(unknown.storedHash.startsWith(QStringLiteral("pbkdf2-sha256$120000$")));
    QVERIFY(!PinHasher::verify(QStringLiteral("1234"), unknown.storedHash));
    QCOMPARE(s.finish(unknown, false).status, SignInResult::Status::InvalidCredentials);
    // A staff member deactivated while the PIN was being checked does not get a token.
    step = s.prepare(QStringLiteral("cafe1"), QStringLiteral("EMP002"), QStringLiteral("1234"),
                     QStringLiteral("b"));
    const PendingSignIn pending = std::get<PendingSignIn>(step);
    QCOMPARE(pending.staffId, f.employee2().userId);
    const bool matches = PinHasher::verify(pending.pin, pending.storedHash);
    QVERIFY(matches);
    f.hub->cafe(QStringLiteral("cafe1"))
        ->connection()
        .exec(QStringLiteral("UPDATE staff SET active = 0 WHERE code = 'EMP002'"));
    QCOMPARE(s.finish(pending, matches).status, SignInResult::Status::InvalidCredentials);
}

void TestHubAuth::handshakeVerification()
{
    HubFixture f({QStringLiteral("cafe1"), QStringLiteral("cafe2")});
    const HubActor e1 = f.employee();
    const QString token = QString::fromLatin1(f.hub->mintToken(e1, QStringLiteral("access"), 600));
    QVERIFY(
        f.hub->verifyHandshake(token, QStringLiteral("cafe1"), QStringLiteral("employee")).ok());
    QVERIFY(f.hub->verifyHandshake(token, {}, {}).ok());
    QCOMPARE(f.hub->verifyHandshake(token, QStringLiteral("cafe2"), {}).error,
             JsonWebToken::Error::QueryMismatch);
    QCOMPARE(f.hub->verifyHandshake(token, {}, QStringLiteral("manager")).error,
             JsonWebToken::Error::QueryMismatch);
    // A cafe this hub does not serve; a user id that belongs to another cafe.
    HubActor stranger = e1;
    stranger.cafeId = QStringLiteral("cafe9");
    QCOMPARE(f.hub
                 ->verifyAccessToken(
                     QString::fromLatin1(f.hub->mintToken(stranger, QStringLiteral("access"), 600)))
                 .error,
             JsonWebToken::Error::CafeNotServed);
    HubActor hijack = f.employee(QStringLiteral("cafe2"));
    hijack.cafeId = QStringLiteral("cafe1");
    const auto v = f.hub->verifyAccessToken(
        QString::fromLatin1(f.hub->mintToken(hijack, QStringLiteral("access"), 600)));
    QCOMPARE(v.error, JsonWebToken::Error::CafeNotServed);
    // Tokens of another hub (another secret) are refused.
    HubFixture other;
    QCOMPARE(other.hub->verifyAccessToken(token).error, JsonWebToken::Error::BadSignature);
}

QTEST_GUILESS_MAIN(TestHubAuth)
#include "tst_hubauth.moc"
