// Linked into a second build of the server tests: their application then runs on
// EpollEventDispatcher (the hub's dispatcher), so one suite checks both dispatchers.
#include "epolleventdispatcher.h"

#include <QCoreApplication>

namespace {

void installEpollEventDispatcher()
{
    // Runs before main(), so before the tests create their application object.
    QCoreApplication::setEventDispatcher(new TableTap::EpollEventDispatcher);
}

} // namespace

Q_CONSTRUCTOR_FUNCTION(installEpollEventDispatcher)
