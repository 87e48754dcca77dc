// The hub's HTTP API under /api/: staff sign-in (POST /api/auth/login), token refresh (POST
// /api/auth/refresh) and GET /api/health. Before any PIN is hashed a sign-in must be a JSON body
// (so a web page cannot send it as a "simple" cross-origin request), come from an Origin the
// hub's CORS list allows when a browser names one, name a cafe this hub serves, pass the
// lockouts (SignInService), have no other check running for its address, and fit a hub-wide
// rate and a bound on checks waiting (else 429 with Retry-After). The check itself runs on
// PinCheckPool, so the event loop never waits for PBKDF2; a client that leaves meanwhile still has
// its failure counted.
#pragma once

#include "signinservice.h"

#include "commandratelimiter.h"

#include <QObject>
#include <QSet>

namespace TableTap {

class CorsPolicy;
class HttpExchange;
class HubDomain;
class PinCheckPool;
class ThrottledLog;
struct HttpRequest;

class SignInEndpoint final : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        int threads = 2;    // threads checking PINs
        int maxQueued = 32; // PIN checks waiting or running at once
        // PIN checks started per second hub-wide, in bursts of four seconds' worth: as many
        // again for addresses that failed within the hour, drawn from a budget of their own.
        int perSecond = 5;
    };
    struct Counters
    {
        quint64 ok = 0;     // sign-ins and refreshes answered with a token
        quint64 failed = 0; // refused: wrong credentials or a lockout
        quint64 shed = 0;   // refused unchecked: over the hub-wide rate or the waiting bound
    };

    SignInEndpoint(HubDomain &hub, Options options, QObject *parent = nullptr);
    ~SignInEndpoint() override;

    // Serves one request under /api/; cors decides which browser origins may sign in.
    void handle(HttpExchange *exchange, const CorsPolicy &cors);

    const Counters &counters() const { return m_counters; }
    void resetCounters() { m_counters = {}; }
    int checksInFlight() const;

    // Whether a request may sign in from where it says it comes from: no Origin (not a browser),
    // an origin the CORS list allows, or the hub's own origin when it is addressed by IP or as
    // localhost (a host name could be rebound to the hub by whoever controls its DNS).
    static bool originAllowed(const HttpRequest &request, const CorsPolicy &cors, bool secure);
    static bool isJson(const HttpRequest &request);

private:
    void login(HttpExchange *exchange, const QJsonObject &body);
    void respond(HttpExchange *exchange, const SignInResult &result);

    HubDomain &m_hub;
    Options m_options;
    CommandRateLimiter m_rate; // two buckets: "clean" addresses and "failing" ones
    Counters m_counters;
    PinCheckPool *m_pool;
    QSet<QString> m_checking; // address keys with a check in flight
    // Wrong PINs: anyone can cause them at will, so a few lines per window, then a summary.
    ThrottledLog *m_failureLog;
};

} // namespace TableTap
