// The small interface an Engine.IO session drives: a websocket, an HTTP long-polling exchange,
// or an in-memory loopback in tests. A transport moves packets; the session owns the protocol.
#pragma once

#include "enginepacket.h"

#include <QList>
#include <QObject>

namespace TableTap {

class EngineTransport : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    // What a session takes from a transport that reports by direct call instead of its
    // packetReceived / writable / closed signals (usesSink()): no signal connection per client.
    class Sink
    {
    public:
        virtual void transportPacket(const EnginePacket &packet) = 0;
        virtual void transportWritable() = 0;
        virtual void transportClosed(const QString &reason, const QString &description) = 0;

    protected:
        ~Sink() = default;
    };
    // Whether this transport reports to a sink once one is set (it still emits its signals
    // while none is).
    virtual bool usesSink() const { return false; }
    void setSink(Sink *sink) { m_sink = sink; }
    Sink *sink() const { return m_sink; }

    // "websocket" or "polling" (the names on the wire), or anything for test transports.
    virtual QString name() const = 0;
    // Whether send() would go out now; polling is writable only while it holds a request.
    virtual bool isWritable() const = 0;
    virtual void send(const QList<EnginePacket> &packets) = 0;
    // Orderly close: polling transports say goodbye with a close packet, websockets close.
    virtual void close() = 0;
    // Drops the connection without any goodbye.
    virtual void abort() { close(); }
    // Stops producing packets once requests in flight have finished, then emits paused().
    // Only client polling needs to wait; the default pauses at once.
    virtual void pause() { Q_EMIT paused(); }
    // Bytes accepted by send() but not yet handed to the network (for back-pressure).
    virtual qint64 pendingBytes() const { return 0; }

Q_SIGNALS:
    void opened();
    void packetReceived(const TableTap::EnginePacket &packet);
    // The transport became writable (polling: a request arrived / a POST finished).
    void writable();
    void paused();
    // The transport is gone. reason is "transport close", "transport error" or "parse error".
    void closed(const QString &reason, const QString &description);

protected:
    // For transports that use a sink: to it when set, else as signals.
    void deliverPacket(const EnginePacket &packet)
    {
        if (m_sink)
            m_sink->transportPacket(packet);
        else
            Q_EMIT packetReceived(packet);
    }
    void deliverClosed(const QString &reason, const QString &description)
    {
        if (m_sink)
            m_sink->transportClosed(reason, description);
        else
            Q_EMIT closed(reason, description);
    }

private:
    Sink *m_sink = nullptr;
};

} // namespace TableTap
