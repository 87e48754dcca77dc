// Unauthenticated floods against a `tabletap-hub serve` process while a signed-in probe keeps
// asking (list_menu with an ack, one after another): (a) sign-ins with random codes and wrong
// PINs from 40 loopback addresses, (b) pipelined HTTP requests whose answers are never read,
// (c) websocket pings whose pongs are never read, (d) binary attachments sent before any
// namespace is joined, (e) requests the hub refuses (/healthz from a stranger, handshakes with
// bad tokens). The attackers run on threads of their own with plain blocking sockets, so the
// probe's thread only runs the probe. Each flood must leave the hub's memory bounded (growth of
// its VmRSS) and the probe answered throughout (no ack waits longer than a generous bound: the
// hub is not frozen; a property, not a benchmark), and the refusals must not flood the hub's log.
// The figures (probe p50/p99/max, RSS growth) are printed for docs/security.md.
#include "hubprocess.h"
#include "hubtestfixture.h"
#include "hubwireclient.h"
#include "websocketcodec.h"

#include <QElapsedTimer>
#include <QRandomGenerator>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <thread>

using namespace TableTap;
using namespace TableTap::Test;

namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
#else
constexpr bool kSanitized = false;
#endif

// Generous on purpose: "answered throughout" and "bounded", not a measure of speed. Under
// AddressSanitizer everything is slower and freed memory is held in quarantine.
constexpr int kMaxProbeMs = kSanitized ? 8000 : 2000;
constexpr qint64 kMaxRssGrowth = (kSanitized ? 160 : 32) * 1024 * 1024;
constexpr int kFloodMs = 6000;
// The hub's whole log over every flood: a few lines per window and kind, not one per request.
constexpr int kMaxLogLines = 200;

// ---- plain blocking sockets for the attacker threads -------------------------------------------

int connectFrom(const QByteArray &from, quint16 port, int receiveBuffer = 0)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    timeval timeout{0, 200 * 1000}; // blocking calls give up after 200 ms and look at `stop`
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
    if (receiveBuffer > 0)
        ::setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &receiveBuffer, sizeof receiveBuffer);
    sockaddr_in local{};
    local.sin_family = AF_INET;
    ::inet_pton(AF_INET, from.constData(), &local.sin_addr);
    sockaddr_in hub{};
    hub.sin_family = AF_INET;
    hub.sin_port = htons(port);
    hub.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::bind(fd, reinterpret_cast<sockaddr *>(&local), sizeof local) != 0
        || ::connect(fd, reinterpret_cast<sockaddr *>(&hub), sizeof hub) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

// Sends everything, waiting out a full kernel buffer until `stop`; false once the hub closed.
bool sendAll(int fd, const QByteArray &bytes, const std::atomic<bool> &stop)
{
    qsizetype off = 0;
    while (off < bytes.size()) {
        if (stop)
            return false;
        const ssize_t n
            = ::send(fd, bytes.constData() + off, size_t(bytes.size() - off), MSG_NOSIGNAL);
        if (n > 0)
            off += n;
        else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR))
            continue;
        else
            return false;
    }
    return true;
}

// One HTTP response (head and Content-Length body); the status, or 0 when none came.
int readResponse(int fd, const std::atomic<bool> &stop, QByteArray *body = nullptr)
{
    QByteArray in;
    char buffer[8192];
    qsizetype headEnd = -1;
    qint64 length = -1;
    while (!stop) {
        if (headEnd < 0 && (headEnd = in.indexOf("\r\n\r\n")) >= 0) {
            const qsizetype at = in.toLower().indexOf("content-length:");
            length = at >= 0 && at < headEnd
                         ? in.mid(at + 15, 12).trimmed().split('\r').value(0).toLongLong()
                         : 0;
        }
        if (headEnd >= 0 && in.size() >= headEnd + 4 + length) {
            if (body)
                *body = in.mid(headEnd + 4, length);
            return in.split(' ').value(1).toInt();
        }
        const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
        if (n > 0)
            in.append(buffer, n);
        else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR))
            continue;
        else
            return 0;
    }
    return 0;
}

QByteArray login(quint16 port, const QByteArray &code, const QByteArray &pin)
{
    const QByteArray body
        = R"({"employee_code":")" + code + R"(","pin":")" + pin + R"(","cafe_id":"cafe1"})";
    return "POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port)
           + "\r\nContent-Type: application/json\r\nContent-Length: "
           + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

QByteArray upgrade(const QByteArray &query = {})
{
    return "GET /socket.io/?EIO=4&transport=websocket" + query
           + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
             "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
}

// A client frame: masked with a zero mask, which leaves the payload as it is.
QByteArray clientFrame(WebSocketCodec::Opcode opcode, const QByteArray &payload)
{
    QByteArray out = WebSocketCodec::frame(opcode, payload);
    const qsizetype header = out.size() - payload.size();
    out[1] = char(out[1] | 0x80);
    out.insert(header, QByteArray(4, '\0'));
    return out;
}

QByteArray loopback(int host)
{
    return "127.0.0." + QByteArray::number(host);
}

// Attacker threads: thread i connects from 127.0.0.(firstHost + i) and runs `session` on the
// connection; when the session returns (the hub closed it, or it is done) it connects again,
// until stop() (or destruction).
class Flood
{
public:
    using Session = std::function<void(int index, int fd, const std::atomic<bool> &stop)>;
    ~Flood() { stop(); }
    void start(int threads, int firstHost, quint16 port, int receiveBuffer, const Session &session)
    {
        for (int i = 0; i < threads; ++i) {
            m_threads.emplace_back([this, i, firstHost, port, receiveBuffer, session] {
                while (!m_stop) {
                    const int fd = connectFrom(loopback(firstHost + i), port, receiveBuffer);
                    if (fd < 0)
                        continue;
                    session(i, fd, m_stop);
                    ::close(fd);
                }
            });
        }
    }
    void stop()
    {
        m_stop = true;
        for (std::thread &t : m_threads)
            t.join();
        m_threads.clear();
    }

private:
    std::atomic<bool> m_stop{false};
    std::vector<std::thread> m_threads;
};

struct Figures
{
    QList<double> rtts;
    int unanswered = 0;
    qint64 rssBefore = 0;
    qint64 rssPeak = 0;

    double percentile(double p) const
    {
        if (rtts.isEmpty())
            return -1;
        QList<double> sorted = rtts;
        std::sort(sorted.begin(), sorted.end());
        return sorted.at(qMin(sorted.size() - 1, qsizetype(p * double(sorted.size()))));
    }
    double worst() const
    {
        return rtts.isEmpty() ? -1 : *std::max_element(rtts.begin(), rtts.end());
    }
    qint64 growth() const { return rssPeak - rssBefore; }
};

} // namespace

class TestHubFlood : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void signInFlood();
    void pipelinedRequestsNeverRead();
    void pingsNeverRead();
    void attachmentsBeforeJoining();
    void refusalsDoNotFloodTheLog();

private:
    // Probes for kFloodMs while the flood runs; the figures (printed), RSS from rssBefore.
    Figures probeDuring(const QString &what, qint64 rssBefore);
    void check(const QString &what, const Figures &f);

    std::unique_ptr<HubFixture> m_fixture;
    std::unique_ptr<HubProcess> m_hub;
    std::unique_ptr<HubWireClient> m_probe;
    quint16 m_port = 0;
};

void TestHubFlood::initTestCase()
{
    qInfo() << (kSanitized ? "sanitized build:" : "release build:") << "probe bound" << kMaxProbeMs
            << "ms, RSS growth bound" << kMaxRssGrowth / (1024 * 1024) << "MiB";
    m_fixture = std::make_unique<HubFixture>();
    m_fixture->hub.reset(); // the process serves the folder
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // ASan's quarantine would hold every freed byte for a while: keep it small, so the growth
    // seen is what the hub holds, not what it freed.
    if (kSanitized)
        env.insert(
            QStringLiteral("ASAN_OPTIONS"),
            env.value(QStringLiteral("ASAN_OPTIONS"))
                + QStringLiteral(":quarantine_size_mb=16:thread_local_quarantine_size_kb=256"));
    // /healthz is for 10.0.0.0/8 only here, so the loopback's requests are refusals (flood e).
    m_hub = std::make_unique<HubProcess>(
        QStringList{QStringLiteral("serve"), QStringLiteral("--no-config"),
                    QStringLiteral("--data"), m_fixture->dataDir, QStringLiteral("--port"),
                    QStringLiteral("0"), QStringLiteral("--bind"), QStringLiteral("127.0.0.1"),
                    QStringLiteral("--ops-allow"), QStringLiteral("10.0.0.0/8")},
        env);
    m_port = m_hub->waitListening();
    QVERIFY2(m_port > 0, qPrintable(m_hub->out() + m_hub->err()));
    // The probe signs in like a console: code and PIN over HTTP, then the token on the socket.
    std::atomic<bool> never{false};
    const int fd = connectFrom("127.0.0.1", m_port);
    QVERIFY(fd >= 0);
    QByteArray body;
    QVERIFY(sendAll(fd, login(m_port, "MGR001", "1234"), never));
    const int status = readResponse(fd, never, &body);
    ::close(fd);
    QCOMPARE(status, 200);
    const QString token = QJsonDocument::fromJson(body).object().value(u"access_token").toString();
    SioClientOptions options;
    options.reconnection = false;
    m_probe = std::make_unique<HubWireClient>(
        QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port)), token, QString(), QString(),
        QStringList{QStringLiteral("/orders")}, options);
    QVERIFY(m_probe->waitConnected());
    for (int i = 0; i < 20; ++i)
        QVERIFY(m_probe->call(QStringLiteral("/orders"), QStringLiteral("list_menu"))
                    .value(u"ok")
                    .toBool());
}

void TestHubFlood::cleanupTestCase()
{
    m_probe.reset();
    if (!m_hub)
        return;
    const QString log = m_hub->err();
    const qsizetype lines = log.count(u'\n');
    qInfo() << "the hub wrote" << lines << "log lines over all floods";
    QVERIFY2(lines <= kMaxLogLines, qPrintable(log.right(4000)));
    m_hub->signal(SIGTERM);
    QCOMPARE(m_hub->waitExit(), 0);
}

Figures TestHubFlood::probeDuring(const QString &what, qint64 rssBefore)
{
    Figures f;
    f.rssBefore = rssBefore;
    f.rssPeak = rssBefore;
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < kFloodMs) {
        QElapsedTimer rtt;
        rtt.start();
        const bool ok = m_probe
                            ->call(QStringLiteral("/orders"), QStringLiteral("list_menu"), {},
                                   kMaxProbeMs * 4)
                            .value(u"ok")
                            .toBool();
        f.rtts.append(double(rtt.nsecsElapsed()) / 1e6);
        if (!ok)
            ++f.unanswered;
        f.rssPeak = qMax(f.rssPeak, m_hub->residentBytes());
        // About 30 a second: asking all the time, under the per-user command rate (50/s).
        QTest::qWait(20);
    }
    qInfo().noquote() << QStringLiteral(
                             "probe during %1: %2 acks, p50 %3 ms, p99 %4 ms, max %5 ms; "
                             "hub RSS %6 MiB before, peak %7 MiB, growth %8 MiB")
                             .arg(what)
                             .arg(f.rtts.size())
                             .arg(f.percentile(0.5), 0, 'f', 1)
                             .arg(f.percentile(0.99), 0, 'f', 1)
                             .arg(f.worst(), 0, 'f', 1)
                             .arg(double(f.rssBefore) / 1048576, 0, 'f', 1)
                             .arg(double(f.rssPeak) / 1048576, 0, 'f', 1)
                             .arg(double(f.growth()) / 1048576, 0, 'f', 1);
    return f;
}

void TestHubFlood::check(const QString &what, const Figures &f)
{
    QVERIFY2(f.unanswered == 0,
             qPrintable(QStringLiteral("%1: %2 probes unanswered").arg(what).arg(f.unanswered)));
    QVERIFY2(f.worst() <= kMaxProbeMs,
             qPrintable(QStringLiteral("%1: the probe waited %2 ms").arg(what).arg(f.worst())));
    QVERIFY2(f.growth() <= kMaxRssGrowth, qPrintable(QStringLiteral("%1: the hub grew by %2 MiB")
                                                         .arg(what)
                                                         .arg(f.growth() / (1024 * 1024))));
    QCOMPARE(m_hub->process().state(), QProcess::Running);
}

void TestHubFlood::signInFlood()
{
    std::atomic<int> checked{0}, refused{0}, other{0};
    const quint16 port = m_port;
    Flood flood;
    const qint64 before = m_hub->residentBytes();
    // 40 addresses; half guess the employee EMP001's PIN, half try random codes.
    flood.start(40, 10, port, 0, [&, port](int i, int fd, const std::atomic<bool> &stop) {
        QRandomGenerator random(quint32(i + 1) * 7919u + quint32(fd));
        while (!stop) {
            const QByteArray pin = QByteArray::number(random.bounded(1000, 9999));
            const QByteArray code
                = i % 2 ? QByteArray("EMP001") : "R" + QByteArray::number(random.generate(), 36);
            if (pin == "1234" || !sendAll(fd, login(port, code, pin), stop))
                return;
            const int status = readResponse(fd, stop);
            if (status == 401)
                ++checked;
            else if (status == 429)
                ++refused;
            else if (status == 0)
                return;
            else
                ++other;
        }
    });
    // Halfway through, EMP001 signs in at a till that never failed, following Retry-After.
    std::atomic<int> ownerStatus{0};
    std::atomic<int> ownerTries{0};
    std::thread owner([&, port] {
        std::this_thread::sleep_for(std::chrono::milliseconds(kFloodMs / 2));
        std::atomic<bool> never{false};
        for (int attempt = 0; attempt < 10 && ownerStatus != 200; ++attempt) {
            ++ownerTries;
            const int fd = connectFrom(loopback(250), port);
            if (fd < 0)
                continue;
            if (sendAll(fd, login(port, "EMP001", "1234"), never))
                ownerStatus = readResponse(fd, never);
            ::close(fd);
            if (ownerStatus == 429)
                std::this_thread::sleep_for(std::chrono::seconds(1));
        }
    });
    const Figures f = probeDuring(QStringLiteral("a sign-in flood from 40 addresses"), before);
    flood.stop();
    owner.join();
    qInfo() << "sign-in flood:" << checked << "PINs checked (401)," << refused
            << "refused unchecked (429)," << other << "other; the owner got" << ownerStatus
            << "after" << ownerTries << "tries";
    check(QStringLiteral("sign-in flood"), f);
    QCOMPARE(other.load(), 0);
    QVERIFY(refused > 0);
    // Checked PINs are bounded by the hub-wide rates (5 a second for clean addresses, 5 for
    // failing ones, bursts of 20 each), whatever the flood's pace.
    QVERIFY2(checked <= 2 * (20 + 5 * (kFloodMs / 1000 + 2)), qPrintable(QString::number(checked)));
    // The lockout the flood caused on EMP001's code did not keep EMP001 out.
    QCOMPARE(ownerStatus.load(), 200);
}

void TestHubFlood::pipelinedRequestsNeverRead()
{
    const quint16 port = m_port;
    std::atomic<qint64> sent{0};
    Flood flood;
    const qint64 before = m_hub->residentBytes();
    QByteArray batch;
    for (int i = 0; i < 200; ++i)
        batch += "GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    flood.start(20, 60, port, 4096, [&](int, int fd, const std::atomic<bool> &stop) {
        while (!stop && sendAll(fd, batch, stop))
            sent += batch.size();
    });
    const Figures f
        = probeDuring(QStringLiteral("pipelined requests never read (20 connections)"), before);
    flood.stop();
    qInfo() << "pipelined flood:" << sent / 1024 << "KiB of requests taken by the hub";
    check(QStringLiteral("pipelined requests"), f);
    QVERIFY(sent > 0);
}

void TestHubFlood::pingsNeverRead()
{
    const quint16 port = m_port;
    std::atomic<qint64> pings{0};
    Flood flood;
    const qint64 before = m_hub->residentBytes();
    QByteArray batch;
    for (int i = 0; i < 500; ++i)
        batch += clientFrame(WebSocketCodec::Ping, QByteArray(125, char('a' + i % 26)));
    flood.start(20, 90, port, 4096, [&](int, int fd, const std::atomic<bool> &stop) {
        if (!sendAll(fd, upgrade(), stop))
            return;
        while (!stop && sendAll(fd, batch, stop))
            pings += 500;
    });
    const Figures f
        = probeDuring(QStringLiteral("websocket pings never read (20 connections)"), before);
    flood.stop();
    qInfo() << "ping flood:" << pings << "pings of 125 bytes taken by the hub";
    check(QStringLiteral("pings never read"), f);
    QVERIFY(pings > 0);
}

void TestHubFlood::attachmentsBeforeJoining()
{
    const quint16 port = m_port;
    std::atomic<int> connections{0};
    std::atomic<qint64> attachmentBytes{0};
    Flood flood;
    const qint64 before = m_hub->residentBytes();
    // A binary event announcing ten attachments, then nine of nearly 1 MB each: held until the
    // tenth (or the 45 s connect timeout) if the hub waited for them.
    const QByteArray header
        = clientFrame(WebSocketCodec::Text, R"(4510-["up",{"_placeholder":true,"num":0}])");
    const QByteArray attachment = clientFrame(WebSocketCodec::Binary, QByteArray(990000, 'z'));
    flood.start(10, 120, port, 4096, [&](int, int fd, const std::atomic<bool> &stop) {
        ++connections;
        bool open = sendAll(fd, upgrade() + header, stop);
        for (int n = 0; n < 9 && open; ++n) {
            open = sendAll(fd, attachment, stop);
            if (open)
                attachmentBytes += attachment.size();
        }
        // Kept open (as an attacker would) until the hub closes it or the flood ends.
        char sink[4096];
        while (open && !stop) {
            const ssize_t n = ::recv(fd, sink, sizeof sink, 0);
            open = n > 0 || (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK));
        }
    });
    const Figures f
        = probeDuring(QStringLiteral("attachments before joining (10 connections)"), before);
    flood.stop();
    qInfo()
        << "attachment flood:" << connections << "connections opened," << attachmentBytes / 1048576
        << "MiB written by the attackers, most into connections the hub had closed at the header";
    check(QStringLiteral("attachments before joining"), f);
    // Each connection was closed at its announcing packet, so the attackers kept reconnecting.
    QVERIFY(connections > 10);
}

void TestHubFlood::refusalsDoNotFloodTheLog()
{
    const quint16 port = m_port;
    std::atomic<int> healthRefused{0}, handshakesRefused{0};
    Flood flood;
    const qint64 before = m_hub->residentBytes();
    const QByteArray health = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    const QByteArray connect
        = clientFrame(WebSocketCodec::Text, R"(40/orders,{"token":"not-a-token"})");
    flood.start(10, 150, port, 0, [&](int i, int fd, const std::atomic<bool> &stop) {
        if (i % 2) {
            // /healthz from an address the hub does not serve it to: 403 each time.
            while (!stop && sendAll(fd, health, stop) && readResponse(fd, stop) == 403)
                ++healthRefused;
            return;
        }
        // Namespace CONNECTs with a token nobody signed: connect_error each time.
        if (!sendAll(fd, upgrade(), stop))
            return;
        char sink[65536];
        while (!stop && sendAll(fd, connect, stop)) {
            const ssize_t n = ::recv(fd, sink, sizeof sink, 0);
            if (n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK))
                return;
            if (n > 0 && QByteArray::fromRawData(sink, qsizetype(n)).contains("44/orders,"))
                ++handshakesRefused;
        }
    });
    const Figures f = probeDuring(QStringLiteral("refused /healthz and handshakes"), before);
    flood.stop();
    qInfo() << "refusal flood:" << healthRefused << "refused /healthz," << handshakesRefused
            << "refused handshakes";
    check(QStringLiteral("refusals"), f);
    QVERIFY(healthRefused > 100);
    QVERIFY(handshakesRefused > 100);
    // cleanupTestCase checks the hub's log as a whole.
}

QTEST_GUILESS_MAIN(TestHubFlood)
#include "tst_hubflood.moc"
