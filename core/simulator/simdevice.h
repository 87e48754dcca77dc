// One simulated device of the cafe simulator: a Socket.IO client on every namespace of the hub,
// signed in with an access token the hub's admin API mints for it, as a real till or console
// would be. It sends commands with acks, sorts each answer into ok, refused or no answer, and
// passes on the events it receives.
#pragma once

#include "contract.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <functional>
#include <map>
#include <set>

namespace TableTap {

class HubAdmin;
class SioManager;
class SioSocket;

class SimDevice final : public QObject
{
    Q_OBJECT
public:
    // Who the device acts as: a staff member, or a device of its own ("back office").
    struct Identity
    {
        QString userId, name;
        Contract::Role role = Contract::Role::Employee;
        QString cafeId;
    };
    // A command's answer.
    struct Reply
    {
        enum class Kind { Ok, Refused, NoAnswer };
        Kind kind = Kind::NoAnswer;
        QJsonObject data;  // Ok: the ack's data
        QString type;      // Refused: the error type; NoAnswer: "TIMEOUT"
        QJsonObject error; // Refused: the ack's error object
        QString message;   // Refused: the error's message; NoAnswer: why
    };
    using Done = std::function<void(const Reply &reply)>;

    // label: how problems name the device (the staff code).
    SimDevice(HubAdmin *admin, const QUrl &hubUrl, Identity identity, const QString &label,
              QObject *parent = nullptr);
    ~SimDevice() override;

    const Identity &identity() const { return m_identity; }
    QString label() const { return m_label; }
    // Mints the token and connects every namespace; connected() follows once all are there.
    // False with error set when the hub will not mint a token for it.
    bool open(QString *error);
    void close();
    // Every namespace connected at least once.
    bool isConnected() const { return m_connected.size() == m_sockets.size(); }
    // The command in its namespace; done runs with the answer unless the device is closed first.
    void send(Contract::Command command, const QJsonObject &payload, int timeoutMs, Done done);

Q_SIGNALS:
    void connected();
    void connectError(const QString &message);
    void eventReceived(Contract::Namespace nsp, const QString &name, const QJsonObject &data);

private:
    bool mint(QString *error);

    HubAdmin *m_admin;
    QUrl m_url;
    Identity m_identity;
    QString m_label;
    QString m_token;
    QPointer<SioManager> m_manager;
    std::map<Contract::Namespace, SioSocket *> m_sockets;
    std::set<Contract::Namespace> m_connected;
};

} // namespace TableTap
