// One keep-alive HTTP/1.1 connection: reads requests in whatever pieces they arrive, answers them
// strictly in order (a pipelined request waits while a long-poll is pending, and while earlier
// answers lie unread), and closes a connection that sends garbage, too much, or too slowly with
// the matching status.
#pragma once

#include "httprequestparser.h"
#include "httpresponse.h"

#include <QBasicTimer>
#include <QDeadlineTimer>
#include <QObject>
#include <QPointer>

class QTcpSocket;

namespace TableTap {

class HttpExchange;
class WebServer;

class HttpConnection final : public QObject
{
    Q_OBJECT
public:
    // Serve reads and answers requests; Refuse only writes a refusal and closes.
    enum class Mode { Serve, Refuse };
    HttpConnection(QTcpSocket *socket, WebServer *server, bool secure, Mode mode);
    ~HttpConnection() override;

    // Writes a raw answer (e.g. a refused websocket upgrade) and closes.
    void writeRawAndClose(const QByteArray &bytes);
    bool isBusy() const { return !m_current.isNull(); }
    // Answer bytes the client has not taken yet (the polling transport's back-pressure).
    qint64 bytesToWrite() const;
    // Whether reading is paused because the client leaves its answers unread.
    bool isPausedForOutput() const { return m_outputPaused; }

Q_SIGNALS:
    void finished();

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    friend class HttpExchange;
    enum class TimerMode { None, Idle, Request, Linger };

    void writeResponse(HttpExchange *exchange, HttpResponse response, bool close);
    void onReadyRead();
    // Moves at most one socket buffer's worth into the parser; false when nothing was there.
    bool readSome();
    void processBuffered();
    void fail(int status);
    bool isOutputFull() const;
    void pauseForOutput();
    void scheduleRead();
    void startLingeringClose();
    void shutdownWrite();
    void onDisconnected();
    void setTimer(TimerMode mode, int ms);

    QTcpSocket *m_socket;
    WebServer *m_server;
    bool m_secure;
    HttpRequestParser m_parser;
    QPointer<HttpExchange> m_current;
    bool m_currentKeepAlive = true;
    bool m_lingering = false;
    bool m_writeShut = false;
    bool m_finished = false;
    bool m_outputPaused = false;
    bool m_readScheduled = false;
    QBasicTimer m_timer;
    TimerMode m_timerMode = TimerMode::None;
    QDeadlineTimer m_deadline; // when the current mode's timeout ends
    QDeadlineTimer m_timerDue; // when m_timer fires
};

} // namespace TableTap
