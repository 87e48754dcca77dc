// The console's session with a real hub.
#include "hubsession.h"

#include "hubconnection.h"

namespace TableTap {

HubSession::HubSession(QObject *parent)
    : ConsoleSession(new HubConnection(namespaces()), parent)
    , m_connection(static_cast<HubConnection *>(source()))
{
    // Owned by the session, so it outlives every use the session makes of it.
    m_connection->setParent(this);
}

} // namespace TableTap
