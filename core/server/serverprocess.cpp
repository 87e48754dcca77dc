// ServerProcess: the descriptor limit and the event dispatcher, set before Qt starts.
#include "serverprocess.h"

#include "epolleventdispatcher.h"

#include <QCoreApplication>

#include <sys/resource.h>

namespace TableTap {

namespace {

// Every client is a descriptor: take all the hard limit allows (often 1024 soft, far more hard).
void raiseOpenFileLimit()
{
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
}

} // namespace

void ServerProcess::prepare(const QString &eventLoop)
{
    // Qt's glib dispatcher degrades badly with thousands of sockets; the UNIX one does not. It
    // is the fallback for the main thread and the dispatcher of every other thread.
    qputenv("QT_NO_GLIB", "1");
    raiseOpenFileLimit();
    const QString loop = eventLoop.isEmpty()
                             ? qEnvironmentVariable("TABLETAP_EVENT_LOOP", QStringLiteral("epoll"))
                             : eventLoop;
    if (loop != u"epoll")
        return;
    auto *dispatcher = new EpollEventDispatcher;
    if (!dispatcher->isValid()) {
        delete dispatcher;
        return;
    }
    QCoreApplication::setEventDispatcher(dispatcher);
}

} // namespace TableTap
