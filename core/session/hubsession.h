// The console's session with a real hub: a ConsoleSession on its own HubConnection (sign-in over
// HTTP, the session's namespaces over one Socket.IO connection). Code that connects writes
// `HubSession session;`; views take it as the ConsoleSession it is and never see the network.
#pragma once

#include "consolesession.h"

namespace TableTap {

class HubConnection;

class HubSession final : public ConsoleSession
{
    Q_OBJECT
public:
    explicit HubSession(QObject *parent = nullptr);

    // The link itself, for what only the network knows (client options, such as the tests'
    // short reconnection delays).
    HubConnection *connection() const { return m_connection; }

private:
    HubConnection *m_connection;
};

} // namespace TableTap
