// The console's link to a hub: signs in with a code and PIN over HTTP (POST /api/auth/login) or
// takes a token, connects the session's namespaces over one Socket.IO connection (the token in
// the auth payload, cafe and role in the query), renews the token when the hub asks and follows
// a renewed token naming another role or cafe by connecting afresh, and tells how the link is.
#pragma once

#include "eventsource.h"
#include "sessionidentity.h"
#include "sioclientoptions.h"
#include "siomanager.h"

#include <QHash>
#include <QPointer>
#include <QStringList>

class QNetworkAccessManager;

namespace TableTap {

class SioSocket;
struct SioEvent;

class HubConnection final : public EventSource
{
    Q_OBJECT
public:
    // The namespaces to connect, in the order their sockets are created.
    explicit HubConnection(const QStringList &namespaces, QObject *parent = nullptr);
    ~HubConnection() override;

    // Options for the Socket.IO connection (transports, timeouts, TLS) used by the next open;
    // their TLS settings also apply to sign-in and token renewal. Each open() sets caFile from
    // its credentials.
    void setClientOptions(const SioClientOptions &options) { m_options = options; }
    const SioClientOptions &clientOptions() const { return m_options; }

    void open(const SourceCredentials &credentials) override;
    void close() override;
    void renewToken() override;
    LinkState linkState() const override;
    bool isConnected(const QString &nsp) const override;
    bool heartbeatOverdue() const override;
    QString transportName() const override;
    QString accessToken() const override { return m_token; }
    QString caFileProblem(const QString &path) const override;
    void request(const QString &nsp, const QString &command, const QJsonObject &payload,
                 int timeoutMs, QObject *context,
                 std::function<void(const SourceReply &)> done) override;
    bool send(const QString &nsp, const QString &event, const QJsonObject &payload) override;

private:
    void signIn(const QUrl &hub, const QString &cafeId, const QString &employeeCode,
                const QString &pin);
    void connectWithToken(const QUrl &hub, const QString &token, const QString &refresh);
    void connectSockets();
    void closeLink();
    void refreshToken(std::function<void(bool)> done);

    const QStringList m_namespaces;
    QUrl m_hub;
    QString m_token;
    QString m_refreshToken;
    SessionIdentity m_identity;
    SioClientOptions m_options;
    QPointer<SioManager> m_manager;
    QHash<QString, QPointer<SioSocket>> m_sockets;
    QNetworkAccessManager *m_http = nullptr;
};

} // namespace TableTap
