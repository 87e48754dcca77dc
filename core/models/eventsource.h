// Where the console's session gets the hub from: a link that opens with credentials, delivers
// each namespace's events, answers requests (or says why it could not) and reports its state.
// HubConnection (core/session) is the real one (sign-in over HTTP, Socket.IO over the network);
// the models' unit tests drive the session through a fake. Qt Core only, so the models need
// nothing else.
#pragma once

#include "litejson.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>

namespace TableTap {

// An event's first argument read with LiteJson: value points into doc's nodes, which keep the
// frame's bytes; hold the whole struct (not value alone) for as long as value is read.
struct LiteJsonArg
{
    std::shared_ptr<const LiteJson> doc;
    LiteJsonValue value;
};

// What open() connects with: an employee code and PIN (signed in first), or a token.
struct SourceCredentials
{
    QUrl hub;
    QString cafeId;
    QString employeeCode;
    QString pin;
    QString token;
    QString refreshToken;
    // A PEM file of certificate authorities an https hub is trusted by on top of the system's
    // (a shop's own CA), for the sign-in, the link and token renewal; empty: the system's only.
    QString caFile;
};

// How a request ended. NoAnswer: it went out, then the ack timed out or the link dropped (the hub
// may have applied it: send it again with the same request id). NotSent: it never left.
struct SourceReply
{
    enum class Kind { Answered, NoAnswer, NotSent };
    Kind kind = Kind::NotSent;
    QJsonValue answer; // Answered: the ack's first argument ({ok, data} or {ok: false, error})
    QString error;     // otherwise: why there is no answer
};

class EventSource : public QObject
{
    Q_OBJECT
public:
    enum class LinkState { Offline, Connecting, Connected, Reconnecting };
    Q_ENUM(LinkState)

    using QObject::QObject;

    // Connects every namespace; with a PIN it signs in first (signInFailed when that fails).
    virtual void open(const SourceCredentials &credentials) = 0;
    virtual void close() = 0;
    // Asks the hub for a fresh access token now; a token naming another role or cafe opens the
    // link again with it (opened()), since the old connection names the old role.
    virtual void renewToken() = 0;
    virtual LinkState linkState() const = 0;
    virtual bool isConnected(const QString &nsp) const = 0;
    // The hub's pings stopped but the link has not dropped yet.
    virtual bool heartbeatOverdue() const = 0;
    virtual QString transportName() const = 0;
    virtual QString accessToken() const = 0;
    // Why a link could not trust the certificate authorities in this file (a translated text
    // naming the file), empty when it can or the path is empty. Asked before open(), so a wrong
    // file is refused before anything is sent.
    virtual QString caFileProblem(const QString &path) const = 0;
    // Sends a command that wants an answer; done runs once (synchronously when NotSent), and not
    // at all once context is destroyed.
    virtual void request(const QString &nsp, const QString &command, const QJsonObject &payload,
                         int timeoutMs, QObject *context,
                         std::function<void(const SourceReply &)> done)
        = 0;
    // Sends an event without an ack (buffered while the namespace reconnects); false when the
    // namespace has no link at all.
    virtual bool send(const QString &nsp, const QString &event, const QJsonObject &payload) = 0;

Q_SIGNALS:
    // A new link replaces the old one (open(), or a renewed token for another role or cafe):
    // whatever was in flight on the old one is lost.
    void opened(const QUrl &hub, const QString &accessToken);
    // Each event comes through one of these two: the second when the source decoded it with
    // LiteJson (HubConnection's live path), the first otherwise.
    void eventReceived(const QString &nsp, const QString &event, const QJsonValue &firstArg);
    void liteEventReceived(const QString &nsp, const QString &event,
                           const TableTap::LiteJsonArg &firstArg);
    // recovered: the hub replayed what the namespace missed (no snapshot needed).
    void namespaceConnected(const QString &nsp, bool recovered);
    void namespaceDisconnected(const QString &nsp, const QString &reason);
    void connectError(const QString &nsp, const QString &message, const QString &type);
    void signInFailed(const QString &message);
    // A renewed access token for the same role and cafe (the link stays).
    void tokenChanged(const QString &accessToken);
    void linkStateChanged();
    void reconnectScheduled(int attempt, int delayMs);
};

} // namespace TableTap

Q_DECLARE_METATYPE(TableTap::LiteJsonArg)
