// The process set-up every Table Tap server program shares (tabletap-hub, tt-bench-server): all
// the open files the hard limit allows, the epoll dispatcher for the main thread, and Qt's UNIX
// dispatcher instead of glib's for any other. Call prepare() first thing in main(), before the
// application object exists: Qt picks the dispatcher when that object is created.
#pragma once

#include <QString>

namespace TableTap {

class ServerProcess
{
public:
    // eventLoop: "epoll", "poll", or empty for TABLETAP_EVENT_LOOP (default epoll). Anything but
    // epoll, or an epoll set the kernel refuses, leaves Qt's UNIX dispatcher.
    static void prepare(const QString &eventLoop);

    ServerProcess() = delete;
};

} // namespace TableTap
