// SignInEndpoint: /api/ over HTTP, with the PIN checks off the event loop.
#include "signinendpoint.h"

#include "clientaddress.h"
#include "contract.h"
#include "corspolicy.h"
#include "httpexchange.h"
#include "hubclock.h"
#include "hubdomain.h"
#include "hubdomainlogging.h"
#include "pincheckpool.h"
#include "throttledlog.h"

#include <QHostAddress>
#include <QJsonDocument>
#include <QPointer>

namespace TableTap {

namespace {

QJsonObject errorBody(Contract::ErrorType type, const QString &message)
{
    return QJsonObject{
        {Contract::Keys::Error, QJsonObject{{Contract::Keys::Type, Contract::name(type)},
                                            {Contract::Keys::Message, message}}}};
}

void respondJson(HttpExchange *exchange, int status, const QJsonObject &body,
                 qint64 retryAfterMs = 0)
{
    HttpResponse response
        = HttpResponse::make(status, QJsonDocument(body).toJson(QJsonDocument::Compact),
                             QByteArrayLiteral("application/json"));
    // Tokens must not end up in caches.
    response.setHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
    if (retryAfterMs > 0)
        response.setHeader(QByteArrayLiteral("Retry-After"),
                           QByteArray::number((retryAfterMs + 999) / 1000));
    exchange->respond(std::move(response));
}

// The host part of a Host header ("10.0.0.2:3000", "[::1]:3000", "localhost").
QByteArray hostName(const QByteArray &host)
{
    if (host.startsWith('[')) {
        const qsizetype end = host.indexOf(']');
        return end > 0 ? host.mid(1, end - 1) : QByteArray();
    }
    const qsizetype colon = host.indexOf(':');
    return colon >= 0 ? host.left(colon) : host;
}

} // namespace

SignInEndpoint::SignInEndpoint(HubDomain &hub, Options options, QObject *parent)
    : QObject(parent)
    , m_hub(hub)
    , m_options(options)
    , m_rate(qMax(1, options.perSecond), qMax(1, options.perSecond) * 4)
    , m_pool(new PinCheckPool(options.threads, options.maxQueued, this))
    , m_failureLog(new ThrottledLog(lcHubAuth, QStringLiteral("failed sign-ins"), this))
{}

SignInEndpoint::~SignInEndpoint()
{
    // Before anything the answers would touch goes.
    delete m_pool;
    m_pool = nullptr;
}

int SignInEndpoint::checksInFlight() const
{
    return m_pool->inFlight();
}

bool SignInEndpoint::isJson(const HttpRequest &request)
{
    const QByteArray type = request.header("content-type");
    const qsizetype semicolon = type.indexOf(';');
    return (semicolon >= 0 ? type.left(semicolon) : type).trimmed().toLower() == "application/json";
}

bool SignInEndpoint::originAllowed(const HttpRequest &request, const CorsPolicy &cors, bool secure)
{
    if (!request.hasHeader("origin"))
        return true;
    const QByteArray origin = request.header("origin");
    if (cors.allowsOrigin(origin))
        return true;
    const QByteArray host = request.header("host");
    const QByteArray name = hostName(host);
    const bool literal = !QHostAddress(QString::fromLatin1(name)).isNull()
                         || name.compare("localhost", Qt::CaseInsensitive) == 0;
    return literal && origin == (secure ? "https://" : "http://") + host;
}

void SignInEndpoint::handle(HttpExchange *exchange, const CorsPolicy &cors)
{
    const HttpRequest &request = exchange->request();
    // Every byte compared (QLatin1String(QByteArray) would stop at a NUL).
    const QLatin1String path(request.path.constData(), request.path.size());
    const bool login = path == Contract::Http::Login;
    const bool refresh = path == Contract::Http::Refresh;
    if (path == Contract::Http::Health) {
        if (request.method != "GET" && request.method != "HEAD") {
            HttpResponse r = HttpResponse::make(405);
            r.setHeader(QByteArrayLiteral("Allow"), QByteArrayLiteral("GET, HEAD"));
            exchange->respond(std::move(r));
            return;
        }
        respondJson(exchange, 200, QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")}});
        return;
    }
    if (!login && !refresh) {
        respondJson(exchange, 404,
                    errorBody(Contract::ErrorType::NotFound, QStringLiteral("no such endpoint")));
        return;
    }
    if (request.method != "POST") {
        HttpResponse r = HttpResponse::make(
            405,
            QJsonDocument(errorBody(Contract::ErrorType::MethodNotAllowed,
                                    QStringLiteral("use POST with a JSON body")))
                .toJson(QJsonDocument::Compact),
            QByteArrayLiteral("application/json"));
        r.setHeader(QByteArrayLiteral("Allow"), QByteArrayLiteral("POST"));
        exchange->respond(std::move(r));
        return;
    }
    if (exchange->isBodyTooLarge()) {
        respondJson(exchange, 413,
                    errorBody(Contract::ErrorType::InvalidData, QStringLiteral("body too large")));
        return;
    }
    // A web page may send text/plain or form bodies anywhere without asking; JSON it may send
    // cross-origin only after a preflight the CORS list answers.
    if (!isJson(request)) {
        respondJson(exchange, 415,
                    errorBody(Contract::ErrorType::InvalidData,
                              QStringLiteral("the body must be application/json")));
        return;
    }
    if (!originAllowed(request, cors, exchange->isSecure())) {
        respondJson(exchange, 403,
                    errorBody(Contract::ErrorType::PermissionDenied,
                              QStringLiteral("this origin may not sign in to the hub")));
        return;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
    if (!doc.isObject()) {
        respondJson(exchange, 400,
                    errorBody(Contract::ErrorType::InvalidData,
                              QStringLiteral("the body must be a JSON object")));
        return;
    }
    const QJsonObject body = doc.object();
    if (login) {
        this->login(exchange, body);
        return;
    }
    const QJsonValue token = body.value(QLatin1String("refresh_token"));
    if (!token.isString()) {
        respondJson(exchange, 400,
                    errorBody(Contract::ErrorType::InvalidData,
                              QStringLiteral("refresh_token is a required string")));
        return;
    }
    // A refresh costs one HMAC: checked here, under the same address throttle.
    respond(exchange, m_hub.signInService().refresh(token.toString(),
                                                    ClientAddress::key(exchange->peerAddress())));
}

void SignInEndpoint::login(HttpExchange *exchange, const QJsonObject &body)
{
    const auto field = [&body](const char *name, bool required, QString *out) {
        const QJsonValue v = body.value(QLatin1String(name));
        if (v.isUndefined() || v.isNull())
            return !required;
        if (!v.isString())
            return false;
        *out = v.toString();
        return true;
    };
    QString code, pin, cafe;
    if (!field("employee_code", true, &code) || !field("pin", true, &pin)
        || !field("cafe_id", false, &cafe)) {
        respondJson(exchange, 400,
                    errorBody(Contract::ErrorType::InvalidData,
                              QStringLiteral("employee_code and pin are required strings; "
                                             "cafe_id is an optional string")));
        return;
    }
    SignInService &service = m_hub.signInService();
    auto step = service.prepare(cafe, code, pin, ClientAddress::key(exchange->peerAddress()));
    if (const auto *refusal = std::get_if<SignInResult>(&step)) {
        respond(exchange, *refusal);
        return;
    }
    const PendingSignIn pending = std::get<PendingSignIn>(std::move(step));
    const auto busy = [this, exchange](const QString &message) {
        ++m_counters.shed;
        SignInResult r;
        r.status = SignInResult::Status::RateLimited;
        r.message = message;
        r.retryAfterMs = 1000;
        respondJson(exchange, 429, r.toJson(m_hub.clock()->nowMs() / 1000), r.retryAfterMs);
    };
    // One check at a time per address: a person signs in once, and an address whose check is
    // still running has not been told whether it failed yet.
    if (m_checking.contains(pending.addressKey)) {
        busy(QStringLiteral("a sign-in from this address is still being checked"));
        return;
    }
    if (m_pool->inFlight() >= m_pool->maxQueued()) {
        busy(QStringLiteral("the hub is busy with other sign-ins; try again in a second"));
        return;
    }
    // Addresses that failed lately draw from a budget of their own, so a guesser cannot use up
    // the one everybody else signs in with.
    const qint64 now = m_hub.clock()->monotonicMs();
    const bool failing
        = pending.addressKey.isEmpty()
          || m_hub.signInService().throttle().hasRecentFailure(pending.addressKey, now);
    if (!m_rate.allow(failing ? QStringLiteral("failing") : QStringLiteral("clean"), now)) {
        busy(QStringLiteral("too many sign-ins at once; try again in a second"));
        return;
    }
    const QString pinText = pending.pin, hash = pending.storedHash;
    QPointer<HttpExchange> guard(exchange);
    const bool queued = m_pool->submit(pinText, hash, [this, guard, pending](bool matches) {
        m_checking.remove(pending.addressKey);
        // Counted whether or not the client is still there to hear it.
        const SignInResult result = m_hub.signInService().finish(pending, matches);
        if (result.status == SignInResult::Status::InvalidCredentials)
            m_failureLog->info(QStringLiteral("failed sign-in for code %1 from %2")
                                   .arg(pending.employeeCode, pending.addressKey.mid(5)));
        if (guard)
            respond(guard, result);
        else if (!result.ok())
            ++m_counters.failed;
    });
    if (!queued) {
        busy(QStringLiteral("the hub is busy with other sign-ins; try again in a second"));
        return;
    }
    m_checking.insert(pending.addressKey);
}

void SignInEndpoint::respond(HttpExchange *exchange, const SignInResult &result)
{
    int status = 200;
    switch (result.status) {
    case SignInResult::Status::Ok:
        ++m_counters.ok;
        break;
    case SignInResult::Status::InvalidData:
        status = 400;
        break;
    case SignInResult::Status::RateLimited:
        status = 429;
        ++m_counters.failed;
        break;
    case SignInResult::Status::InvalidCredentials:
        status = 401;
        ++m_counters.failed;
        break;
    }
    respondJson(exchange, status, result.toJson(m_hub.clock()->nowMs() / 1000),
                result.status == SignInResult::Status::RateLimited ? result.retryAfterMs : 0);
}

} // namespace TableTap
