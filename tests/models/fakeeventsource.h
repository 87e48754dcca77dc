// An EventSource the models' unit tests drive by hand: it records what the session opens, asks
// and sends; the test connects namespaces, answers, refuses or drops requests, and delivers
// events. Requests are answered in the order the test chooses.
#pragma once

#include "eventsource.h"

#include <QFile>
#include <QJsonDocument>
#include <QList>
#include <QPointer>
#include <QSet>

namespace TableTap {

// No Q_OBJECT: it adds no signals or slots, and the tests include it without moc.
class FakeEventSource final : public EventSource
{
public:
    struct Request
    {
        QString nsp;
        QString command;
        QJsonObject payload;
        int timeoutMs = 0;
        QPointer<QObject> context;
        std::function<void(const SourceReply &)> done;
        bool hadContext = false;
        bool ended = false;
    };
    struct Sent
    {
        QString nsp;
        QString event;
        QJsonObject payload;
    };

    using EventSource::EventSource;

    // What the session did.
    QList<SourceCredentials> opens;
    int closes = 0;
    int renewals = 0;
    QList<Request> requests;
    QList<Sent> sent;
    // Namespaces whose requests come back NotSent (their link is gone under the session).
    QSet<QString> unsendable;
    // CA files caFileProblem refuses.
    QSet<QString> badCaFiles;

    void open(const SourceCredentials &credentials) override
    {
        opens << credentials;
        endAll(QStringLiteral("forced close"));
        m_connected.clear();
        m_state = LinkState::Connecting;
        m_token = credentials.token;
        Q_EMIT opened(credentials.hub, credentials.token);
    }
    void close() override
    {
        ++closes;
        endAll(QStringLiteral("forced close"));
        m_connected.clear();
        m_state = LinkState::Offline;
    }
    void renewToken() override { ++renewals; }
    LinkState linkState() const override { return m_state; }
    bool isConnected(const QString &nsp) const override { return m_connected.contains(nsp); }
    bool heartbeatOverdue() const override { return m_overdue; }
    QString transportName() const override { return QStringLiteral("fake"); }
    QString accessToken() const override { return m_token; }
    // No TLS here: only the files a test names in badCaFiles are refused.
    QString caFileProblem(const QString &path) const override
    {
        return badCaFiles.contains(path) ? QStringLiteral("No PEM certificate in %1.").arg(path)
                                         : QString();
    }
    void request(const QString &nsp, const QString &command, const QJsonObject &payload,
                 int timeoutMs, QObject *context,
                 std::function<void(const SourceReply &)> done) override
    {
        if (unsendable.contains(nsp)) {
            done({SourceReply::Kind::NotSent, {}, QStringLiteral("no link to %1").arg(nsp)});
            return;
        }
        requests.append({nsp, command, payload, timeoutMs, context, std::move(done),
                         context != nullptr, false});
    }
    bool send(const QString &nsp, const QString &event, const QJsonObject &payload) override
    {
        sent.append({nsp, event, payload});
        return true;
    }

    // --- The test's side ----------------------------------------------------------------------

    // The link is up and these namespaces connect (recovered: the hub replayed what they missed).
    void connectNamespaces(const QStringList &namespaces, bool recovered)
    {
        m_state = LinkState::Connected;
        Q_EMIT linkStateChanged();
        for (const QString &nsp : namespaces) {
            m_connected.insert(nsp);
            Q_EMIT namespaceConnected(nsp, recovered);
        }
    }
    // The link drops: requests in flight get no answer, every namespace is disconnected.
    void drop()
    {
        const QSet<QString> was = m_connected;
        m_connected.clear();
        m_state = LinkState::Reconnecting;
        endAll(QStringLiteral("transport close"));
        for (const QString &nsp : was)
            Q_EMIT namespaceDisconnected(nsp, QStringLiteral("transport close"));
        Q_EMIT linkStateChanged();
    }
    void setHeartbeatOverdue(bool overdue) { m_overdue = overdue; }
    // A token for another role or cafe: the link opens again (as HubConnection does).
    void reopenWith(const QString &token)
    {
        SourceCredentials c = opens.isEmpty() ? SourceCredentials{} : opens.last();
        c.token = token;
        c.pin.clear();
        open(c);
    }

    // The unanswered requests for a command, oldest first.
    QList<int> waiting(const QString &command = {}) const
    {
        QList<int> out;
        for (int i = 0; i < requests.size(); ++i)
            if (!requests[i].ended && (command.isEmpty() || requests[i].command == command))
                out << i;
        return out;
    }
    int count(const QString &command) const
    {
        int n = 0;
        for (const Request &r : requests)
            n += r.command == command ? 1 : 0;
        return n;
    }
    void answer(int index, const QJsonValue &data)
    {
        end(index, {SourceReply::Kind::Answered, QJsonObject{{"ok", true}, {"data", data}}, {}});
    }
    void refuse(int index, const QString &type, const QString &message)
    {
        end(index, {SourceReply::Kind::Answered,
                    QJsonObject{{"ok", false},
                                {"error", QJsonObject{{"type", type}, {"message", message}}}},
                    {}});
    }
    void timeOut(int index)
    {
        end(index, {SourceReply::Kind::NoAnswer, {}, QStringLiteral("operation has timed out")});
    }
    // Answers every waiting snapshot command with the hub's answer in tests/fixtures/snapshots.
    void answerSnapshots()
    {
        for (int i : waiting()) {
            QFile f(QStringLiteral(TT_SNAPSHOT_FIXTURES "/") + requests[i].command + ".json");
            if (f.open(QIODevice::ReadOnly))
                end(i, {SourceReply::Kind::Answered,
                        QJsonDocument::fromJson(f.readAll()).object(),
                        {}});
        }
    }
    void deliver(const QString &nsp, const QString &event, const QJsonValue &envelope)
    {
        Q_EMIT eventReceived(nsp, event, envelope);
    }
    void refuseConnect(const QString &nsp, const QString &message, const QString &type)
    {
        Q_EMIT connectError(nsp, message, type);
    }

private:
    void end(int index, const SourceReply &reply)
    {
        Request &r = requests[index];
        if (r.ended)
            return;
        r.ended = true;
        // Like a socket's ack: never delivered to a context that is gone.
        if (r.hadContext && !r.context)
            return;
        const auto done = r.done;
        done(reply);
    }
    void endAll(const QString &why)
    {
        for (int i : waiting())
            end(i, {SourceReply::Kind::NoAnswer, {}, why});
    }

    QSet<QString> m_connected;
    LinkState m_state = LinkState::Offline;
    bool m_overdue = false;
    QString m_token;
};

} // namespace TableTap
