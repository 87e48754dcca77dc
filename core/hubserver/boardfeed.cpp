// BoardFeed: the board room, list_board, and board:order after order events.
#include "boardfeed.h"

#include "commanderror.h"
#include "commandresult.h"
#include "contract.h"
#include "handshakegate.h"
#include "hubdomain.h"
#include "hubrooms.h"
#include "hubserverlogging.h"
#include "readyboard.h"
#include "sionamespace.h"
#include "sioserver.h"
#include "sioserversocket.h"
#include "storageerror.h"

#include <QJsonArray>
#include <QSet>

namespace TableTap {

namespace {

const QString kListedAt = QStringLiteral("board_listed_at");

// The order an order event is about: order:created carries the order, the others its id.
QString orderIdOf(const HubEvent &e)
{
    const QJsonObject data = e.data();
    if (e.name == Contract::name(Contract::Event::OrderCreated))
        return data.value(u"order").toObject().value(u"id").toString();
    return data.value(u"order_id").toString();
}

bool changesTheBoard(const HubEvent &e)
{
    using E = Contract::Event;
    for (const E event : {E::OrderCreated, E::OrderStatusChanged, E::OrderCancelled}) {
        if (e.name == Contract::name(event))
            return true;
    }
    return false;
}

} // namespace

BoardFeed::BoardFeed(HubDomain &service, QObject *parent)
    : QObject(parent)
    , m_service(service)
{
    m_clock.start();
}

void BoardFeed::onConnection(SioServerSocket *socket)
{
    const QString cafeId = HandshakeGate::boardCafeOf(socket);
    if (cafeId.isEmpty()) {
        socket->disconnect();
        return;
    }
    socket->join(HubRooms::board(cafeId));
    socket->onAny([this, socket, cafeId](const QString &event, const QJsonArray &,
                                         const QList<QByteArray> &,
                                         const SioServerSocket::Ack &ack) {
        const QJsonObject reply = answer(socket, cafeId, event);
        if (ack) {
            ack({reply}, {});
        } else if (!reply.value(Contract::Keys::Ok).toBool()) {
            QJsonObject error = reply.value(Contract::Keys::Error).toObject();
            error.insert(Contract::Keys::Command, event);
            socket->emitEvent(Contract::name(Contract::Event::Error), {error});
        }
    });
}

QJsonObject BoardFeed::answer(SioServerSocket *socket, const QString &cafeId,
                              const QString &command)
{
    if (command != Contract::Board::ListCommand)
        return CommandResult::failure(
                   CommandError::denied(QStringLiteral("a board token only reads the board")))
            .ack;
    const qint64 now = m_clock.elapsed();
    const QVariant last = socket->data().value(kListedAt);
    if (last.isValid() && now - last.toLongLong() < kMinListIntervalMs)
        return CommandResult::failure(CommandError(CommandError::Type::RateLimited,
                                                   QStringLiteral("the board was listed just now")))
            .ack;
    socket->data().insert(kListedAt, now);
    CafeDomain *cafe = m_service.cafe(cafeId);
    if (!cafe)
        return CommandResult::failure(
                   CommandError::notFound(
                       QStringLiteral("this hub does not serve cafe %1").arg(cafeId)))
            .ack;
    try {
        const auto info = m_service.registry().cafe(cafeId);
        return CommandResult::success(
                   QJsonObject{
                       {QStringLiteral("cafe_name"), info ? info->name : QString()},
                       {QStringLiteral("orders"), ReadyBoard::openOrders(cafe->connection())}})
            .ack;
    } catch (const StorageError &e) {
        qCWarning(lcHubWiring).noquote() << "list_board:" << e.message();
        return CommandResult::failure(
                   CommandError::conflict(QStringLiteral("the board could not be read; retry")))
            .ack;
    }
}

void BoardFeed::onEvents(const HubEventList &events)
{
    if (!m_io)
        return;
    SioNamespace *orders = m_io->findNamespace(Contract::path(Contract::Namespace::Orders));
    if (!orders)
        return;
    // Each order once, as it stands after the events: they were all stored before going out.
    // A batch can hold thousands of order events under load: a set says what was seen.
    QList<std::pair<QString, QString>> touched; // cafe, order id, in the events' order
    QSet<std::pair<QString, QString>> seen;
    for (const HubEvent &e : events) {
        if (e.nsp != orders->name() || !changesTheBoard(e))
            continue;
        std::pair<QString, QString> key{e.cafeId, orderIdOf(e)};
        if (key.second.isEmpty() || seen.contains(key))
            continue;
        seen.insert(key);
        touched.append(std::move(key));
    }
    for (const auto &[cafeId, orderId] : std::as_const(touched)) {
        const QString room = HubRooms::board(cafeId);
        SioBroadcast target = orders->to(QStringList{room});
        if (!m_clustered && target.sockets().isEmpty())
            continue; // no board watches this cafe: nothing to read
        CafeDomain *cafe = m_service.cafe(cafeId);
        if (!cafe)
            continue;
        try {
            if (const auto row = ReadyBoard::order(cafe->connection(), orderId))
                target.emitEvent(Contract::Board::OrderEvent, {*row});
        } catch (const StorageError &e) {
            qCWarning(lcHubWiring).noquote() << "board:order:" << e.message();
        }
    }
}

} // namespace TableTap
