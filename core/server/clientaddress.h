// How the hub tells clients apart by address, for per-address limits and sign-in throttling: an
// IPv4 address (or an IPv4-mapped IPv6 one) stands for itself; an IPv6 address stands for its
// /64, because one host normally holds a whole /64 and can pick any address in it at will.
#pragma once

#include <QHostAddress>
#include <QString>

namespace TableTap {

class ClientAddress final
{
public:
    // "192.0.2.7" for IPv4 and IPv4-mapped peers, "2001:db8:1:2::/64" for IPv6 ones; empty for
    // a null address.
    static QString key(const QHostAddress &address);
    // 127.0.0.0/8, ::1, and IPv4-mapped loopback.
    static bool isLoopback(const QHostAddress &address);
};

} // namespace TableTap
