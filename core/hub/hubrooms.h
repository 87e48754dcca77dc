// The hub's room policy. The names are the contract's (Contract::Rooms); a socket joins the
// cafe, role and user rooms in every namespace, the orders room in /orders, and a counter
// room on join_counter.
#pragma once

#include "contract.h"
#include "hubactor.h"

#include <QString>

namespace TableTap::HubRooms {

using Contract::Rooms::board;
using Contract::Rooms::cafe;
using Contract::Rooms::counter;
using Contract::Rooms::orders;
using Contract::Rooms::role;
using Contract::Rooms::user;
// The rooms a socket of this actor joins on connecting to nsp.
QStringList forConnection(const HubActor &actor, const QString &nsp);

} // namespace TableTap::HubRooms
