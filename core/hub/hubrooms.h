// Room names of the contract, built in one place. A socket joins cafeRoom, roleRoom and
// userRoom in every namespace, ordersRoom in /orders, and counterRoom on join_counter.
#pragma once

#include "hubactor.h"

#include <QString>

namespace TableTap::HubRooms {

QString cafe(const QString &cafeId);                            // cafe:{id}
QString orders(const QString &cafeId);                          // cafe:{id}:orders
QString counter(const QString &cafeId, const QString &counter); // cafe:{id}:counter:{name}
QString role(const QString &cafeId, HubRole role);              // cafe:{id}:role:{role}
QString user(const QString &userId);                            // user:{id}
// The rooms a socket of this actor joins on connecting to nsp.
QStringList forConnection(const HubActor &actor, const QString &nsp);

} // namespace TableTap::HubRooms
