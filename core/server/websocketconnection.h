// A server-side websocket straight on a socket descriptor, for plain-TCP connections: no
// QTcpSocket, no QWebSocket, so a connection costs a few hundred bytes instead of tens of
// kilobytes, and a broadcast frame built once is queued to every recipient without a copy.
// Writes are gathered and flushed once per event-loop pass (writev), so a burst of frames to
// one client leaves in one system call; a write notifier exists only while the kernel's buffer
// is full. TLS connections keep using QWebSocket.
#pragma once

#include "epolleventdispatcher.h"
#include "websocketreader.h"

#include <QBasicTimer>
#include <QByteArray>
#include <QList>
#include <QObject>

class QSocketNotifier;

namespace TableTap {

class WebSocketConnection final
    : public QObject
    , private FdWatcher
{
    Q_OBJECT
public:
    // Takes what a connection receives instead of its signals (a direct call costs no signal
    // connection per client). With a receiver set the signals are not emitted.
    class Receiver
    {
    public:
        virtual void webSocketText(const QByteArray &utf8) = 0;
        virtual void webSocketBinary(const QByteArray &data) = 0;
        virtual void webSocketDisconnected() = 0;

    protected:
        ~Receiver() = default;
    };

    // Takes over a connected socket whose upgrade request (the first headBytes bytes) is still
    // unread in the kernel: consumes it and answers 101 with the key's accept value.
    WebSocketConnection(int fd, qsizetype headBytes, QByteArrayView clientKey,
                        qint64 maxMessageBytes, QObject *parent = nullptr);
    ~WebSocketConnection() override;

    void setReceiver(Receiver *receiver) { m_receiver = receiver; }
    bool isOpen() const { return m_state == State::Open; }
    // The TCP connection is gone (disconnected() has been emitted).
    bool isFinished() const { return m_state == State::Closed; }
    // A complete frame (WebSocketCodec::frame/textFrame), shared with other recipients.
    void sendFrame(const QByteArray &frame);
    // Like sendFrame(), but written at once when nothing else is queued (gathered broadcasts,
    // which arrive at the end of a pass anyway): no queue entry, no second walk to flush it.
    void sendFrameNow(const QByteArray &frame);
    void sendText(QByteArrayView utf8);
    void sendBinary(QByteArrayView data);
    // Bytes queued and not yet taken by the kernel.
    qint64 bytesToWrite() const { return m_queued; }
    // Orderly close: a close frame, then the TCP connection once the peer answers (or 5 s).
    void close(quint16 code = 1000);
    // Drops the connection at once.
    void abort();
    // Writes everything queued now (normally done once per event-loop pass).
    void flush();

Q_SIGNALS:
    void textMessageReceived(const QByteArray &utf8);
    void binaryMessageReceived(const QByteArray &data);
    // The connection is gone (peer closed, error, close handshake finished, or abort()).
    void disconnected();

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    enum class State { Open, Closing, Closed };

    void onReadable();
    void onWritable();
    void handle(WebSocketReader::Message &message);
    void queuePong(QByteArrayView payload);
    void scheduleFlush();
    void finish();
    void setWriteNotifier(bool enabled);
    void watchRead(bool on);
    void fdActivated(int fd, int type) override;
    static void flushScheduled();

    int m_fd;
    State m_state = State::Open;
    bool m_writeWatched = false; // waiting for the kernel's buffer to take more
    // The thread's epoll dispatcher watches the descriptor for this object directly; with any
    // other dispatcher, socket notifiers do (the write one only while the buffer is full).
    EpollEventDispatcher *m_epoll = nullptr;
    QSocketNotifier *m_readNotifier = nullptr;
    QSocketNotifier *m_writeNotifier = nullptr;
    Receiver *m_receiver = nullptr;
    WebSocketReader m_reader;
    QList<QByteArray> m_out;
    qsizetype m_outOffset = 0;  // into m_out.first()
    qsizetype m_pongIndex = -1; // in m_out: a pong not yet written, which a newer ping replaces
    qint64 m_queued = 0;
    qsizetype m_flushSlot = -1; // index in the pass's flush list, -1 when not listed
    bool m_shutdownAfterFlush = false;
    QBasicTimer m_lingerTimer;
};

} // namespace TableTap
