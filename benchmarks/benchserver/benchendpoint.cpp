// BenchEndpoint: the bench protocol's handlers and the catch-up emit loop.
#include "benchendpoint.h"

#include "sionamespace.h"
#include "sioserver.h"
#include "sioserversocket.h"

#include <QJsonObject>
#include <QPointer>
#include <QTimer>

#include <cmath>
#include <ctime>
#include <memory>

namespace TableTap {

namespace {

// One running bench:start: emits `event` to `room` at `rate` per second for `seconds`.
class BroadcastRun final : public QObject
{
public:
    BroadcastRun(SioNamespace *nsp, const QJsonObject &o, SioServerSocket::Ack ack)
        : QObject(nsp)
        , m_nsp(nsp)
        , m_ack(std::move(ack))
    {
        const double rate = o.value(QLatin1String("rate")).toDouble(10);
        const double seconds = o.value(QLatin1String("seconds")).toDouble(5);
        m_rate = rate > 0 ? rate : 10;
        m_total = std::llround(m_rate * (seconds > 0 ? seconds : 5));
        m_pad = QString(o.value(QLatin1String("size")).toInt(0), QLatin1Char('x'));
        m_room = o.value(QLatin1String("room")).toString(QStringLiteral("all"));
        m_event = o.value(QLatin1String("event")).toString(QStringLiteral("tick"));
        m_timer.setSingleShot(true);
        m_timer.setTimerType(Qt::PreciseTimer);
        connect(&m_timer, &QTimer::timeout, this, &BroadcastRun::loop);
        m_t0 = BenchEndpoint::monotonicMicros();
        loop();
    }

private:
    void loop()
    {
        // Catch-up: emit everything due by now, so a late timer never lowers the rate.
        const qint64 now = BenchEndpoint::monotonicMicros();
        const qint64 due
            = std::min<qint64>(m_total, qint64(std::floor(double(now - m_t0) / 1e6 * m_rate)) + 1);
        const SioBroadcast target = m_nsp->to(m_room);
        while (m_seq < due) {
            const QJsonObject payload{{QStringLiteral("seq"), m_seq++},
                                      {QStringLiteral("t"), BenchEndpoint::monotonicMicros()},
                                      {QStringLiteral("pad"), m_pad}};
            target.emitEvent(m_event, QJsonArray{payload});
        }
        if (m_seq < m_total) {
            const double next = double(m_t0) + double(m_seq) * 1e6 / m_rate;
            const qint64 waitMs
                = qint64(std::ceil((next - double(BenchEndpoint::monotonicMicros())) / 1000.0));
            m_timer.start(int(std::max<qint64>(1, waitMs)));
            return;
        }
        if (m_ack) {
            const double elapsed = double(BenchEndpoint::monotonicMicros() - m_t0) / 1e6;
            m_ack(QJsonArray{QJsonObject{{QStringLiteral("sent"), m_seq},
                                         {QStringLiteral("seconds"), elapsed}}},
                  {});
        }
        deleteLater();
    }

    SioNamespace *m_nsp;
    SioServerSocket::Ack m_ack;
    QTimer m_timer;
    double m_rate = 10;
    qint64 m_total = 0;
    qint64 m_seq = 0;
    qint64 m_t0 = 0;
    QString m_pad;
    QString m_room;
    QString m_event;
};

} // namespace

qint64 BenchEndpoint::monotonicMicros()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return qint64(ts.tv_sec) * 1000000 + ts.tv_nsec / 1000;
}

BenchEndpoint::BenchEndpoint(SioServer *server, QString token, QObject *parent)
    : QObject(parent)
    , m_orders(server->of(QStringLiteral("/orders")))
    , m_token(std::move(token))
{
    m_orders->use([this](SioServerSocket *socket, const SioNamespace::Next &next) {
        if (socket->handshake().auth.value(QLatin1String("token")).toString() == m_token) {
            next();
            return;
        }
        next(QStringLiteral("unauthorized"),
             QJsonObject{{QStringLiteral("reason"), QStringLiteral("bad token")}});
    });
    connect(m_orders, &SioNamespace::connection, this, [this](SioServerSocket *socket) {
        const QJsonObject auth = socket->handshake().auth;
        socket->join(auth.value(QLatin1String("room")).toString(QStringLiteral("all")));
        socket->on(QStringLiteral("echo"), [](const QJsonArray &args,
                                              const QList<QByteArray> &attachments,
                                              const SioServerSocket::Ack &ack) {
            if (ack)
                ack(args.isEmpty() ? QJsonArray{} : QJsonArray{args.first()}, attachments);
        });
        socket->on(QStringLiteral("bench:start"),
                   [this](const QJsonArray &args, const QList<QByteArray> &,
                          const SioServerSocket::Ack &ack) {
                       new BroadcastRun(m_orders, args.first().toObject(), ack);
                   });
        const QString pubRoom
            = auth.value(QLatin1String("pubRoom")).toString(QStringLiteral("all"));
        QPointer<SioServerSocket> guard(socket);
        socket->on(QStringLiteral("publish"), [guard, pubRoom](const QJsonArray &args,
                                                               const QList<QByteArray> &,
                                                               const SioServerSocket::Ack &) {
            if (guard)
                guard->to(pubRoom).emitEvent(QStringLiteral("tick"), QJsonArray{args.first()});
        });
    });
}

} // namespace TableTap
