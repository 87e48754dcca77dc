// The ready board's side of the hub: the sockets a board token opened (HandshakeGate admits
// them to /orders only, with no actor) join their cafe's board room and nothing else; the only
// thing they may ask is `list_board` (the open orders as ReadyBoard rows), anything else is
// refused without reaching the domain; and after each order event the order's ReadyBoard row
// goes to that room as `board:order`. The board room is its own fence: no other event of the
// hub is sent to it, and a board socket is in no other room.
#pragma once

#include "hubevent.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>

namespace TableTap {

class HubDomain;
class SioServer;
class SioServerSocket;

class BoardFeed final : public QObject
{
    Q_OBJECT
public:
    // A board asks for the whole list when it (re)connects; more often than this is refused.
    static constexpr int kMinListIntervalMs = 1000;

    explicit BoardFeed(HubDomain &service, QObject *parent = nullptr);

    // The running server whose board rooms get board:order; null once it stops.
    void setServer(SioServer *io) { m_io = io; }
    // On a cluster, boards on other nodes read this node's orders too: board:order goes out
    // (through Redis) even when no board watches here.
    void setClustered(bool clustered) { m_clustered = clustered; }
    // A socket HandshakeGate admitted with a board token.
    void onConnection(SioServerSocket *socket);
    // The hub's events as they went out: each order they touched, as a board row.
    void onEvents(const TableTap::HubEventList &events);

private:
    QJsonObject answer(SioServerSocket *socket, const QString &cafeId, const QString &command);

    HubDomain &m_service;
    SioServer *m_io = nullptr;
    bool m_clustered = false;
    QElapsedTimer m_clock; // monotonic, for the list interval
};

} // namespace TableTap
