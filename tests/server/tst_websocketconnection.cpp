// WebSocketConnection on one end of a socket pair, the other end played byte by byte: the 101
// answer (and the request head taken out of the kernel), messages in, frames out gathered per
// loop pass and in order, ping/pong, both close handshakes, protocol errors, a reader that stops
// reading (bytes wait, then all arrive), a peer that vanishes mid-write, abort.
#include "websocketcodec.h"
#include "websocketconnection.h"

#include <QSignalSpy>
#include <QTest>

#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace TableTap;

namespace {

const QByteArray kKey = "dGhlIHNhbXBsZSBub25jZQ==";
const QByteArray kHead = "GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: x\r\n"
                         "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                         "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                         "Sec-WebSocket-Version: 13\r\n\r\n";

QByteArray clientFrame(quint8 firstByte, const QByteArray &payload)
{
    const QByteArray key("\xa1\xb2\xc3\xd4", 4);
    QByteArray out;
    out.append(char(firstByte));
    if (payload.size() < 126) {
        out.append(char(0x80 | payload.size()));
    } else {
        out.append(char(0x80 | 126));
        out.append(char(payload.size() >> 8));
        out.append(char(payload.size() & 0xff));
    }
    out.append(key);
    for (qsizetype i = 0; i < payload.size(); ++i)
        out.append(char(payload[i] ^ key[i % 4]));
    return out;
}

// The client's end: raw bytes, with the event loop running while it waits.
class ClientEnd
{
public:
    explicit ClientEnd(int fd)
        : m_fd(fd)
    {}
    ~ClientEnd() { closeNow(); }
    void write(const QByteArray &bytes)
    {
        qsizetype off = 0;
        while (off < bytes.size()) {
            const ssize_t n
                = ::send(m_fd, bytes.constData() + off, size_t(bytes.size() - off), MSG_NOSIGNAL);
            if (n > 0)
                off += n;
            else
                QCoreApplication::processEvents();
        }
    }
    // Reads until `count` bytes are there (or EOF / timeout).
    QByteArray read(qsizetype count, int timeoutMs = 5000)
    {
        QElapsedTimer t;
        t.start();
        while (m_buffer.size() < count && !m_eof && t.elapsed() < timeoutMs)
            pump();
        const QByteArray out = m_buffer.left(count);
        m_buffer.remove(0, out.size());
        return out;
    }
    QByteArray readHead()
    {
        QElapsedTimer t;
        t.start();
        while (!m_buffer.contains("\r\n\r\n") && !m_eof && t.elapsed() < 5000)
            pump();
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return {};
        const QByteArray head = m_buffer.left(end + 4);
        m_buffer.remove(0, end + 4);
        return head;
    }
    // One server frame: opcode and payload (opcode -1 on timeout / EOF).
    std::pair<int, QByteArray> readFrame()
    {
        const QByteArray h = read(2);
        if (h.size() < 2)
            return {-1, {}};
        qsizetype len = quint8(h[1]) & 0x7f;
        if (len == 126) {
            const QByteArray l = read(2);
            len = (quint8(l[0]) << 8) | quint8(l[1]);
        } else if (len == 127) {
            const QByteArray l = read(8);
            len = 0;
            for (char c : l)
                len = (len << 8) | quint8(c);
        }
        return {quint8(h[0]) & 0x0f, read(len)};
    }
    bool waitForEof(int timeoutMs = 5000)
    {
        QElapsedTimer t;
        t.start();
        while (!m_eof && t.elapsed() < timeoutMs)
            pump();
        return m_eof;
    }
    void closeNow()
    {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = -1;
    }
    int fd() const { return m_fd; }

private:
    void pump()
    {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        char buf[65536];
        const ssize_t n = ::recv(m_fd, buf, sizeof buf, MSG_DONTWAIT);
        if (n > 0)
            m_buffer.append(buf, n);
        else if (n == 0)
            m_eof = true;
        else
            QThread::usleep(200);
    }
    int m_fd;
    QByteArray m_buffer;
    bool m_eof = false;
};

struct Pair
{
    Pair()
    {
        int fds[2];
        ::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds);
        fcntl(fds[0], F_SETFL, O_NONBLOCK);
        server = fds[0];
        client = std::make_unique<ClientEnd>(fds[1]);
        client->write(kHead);
    }
    int server;
    std::unique_ptr<ClientEnd> client;
};

} // namespace

class tst_WebSocketConnection : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void handshakeAnswered();
    void messagesIn();
    void framesOutInOrder();
    void pingAnsweredWithPong();
    void peerCloseIsAnswered();
    void serverCloseHandshake();
    void protocolErrorCloses();
    void slowReaderGetsEverything();
    void peerVanishesMidWrite();
    void abortClosesAtOnce();
};

void tst_WebSocketConnection::handshakeAnswered()
{
    Pair p;
    WebSocketConnection c(p.server, kHead.size(), kKey, 1000);
    QVERIFY(c.isOpen());
    const QByteArray head = p.client->readHead();
    QVERIFY2(head.startsWith("HTTP/1.1 101 Switching Protocols\r\n"), head);
    QVERIFY(head.contains("Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"));
    // The request head was consumed: the next bytes are frames.
    QSignalSpy text(&c, &WebSocketConnection::textMessageReceived);
    p.client->write(clientFrame(0x81, "40"));
    QTRY_COMPARE_WITH_TIMEOUT(text.size(), 1, 5000);
    QCOMPARE(text.at(0).at(0).toByteArray(), QByteArray("40"));
}

void tst_WebSocketConnection::messagesIn()
{
    Pair p;
    WebSocketConnection c(p.server, kHead.size(), kKey, 1000);
    p.client->readHead();
    QSignalSpy text(&c, &WebSocketConnection::textMessageReceived);
    QSignalSpy binary(&c, &WebSocketConnection::binaryMessageReceived);
    // Split across writes, with a fragmented message.
    const QByteArray wire = clientFrame(0x81, "42[\"a\"]") + clientFrame(0x02, "\x01\x02")
                            + clientFrame(0x80, "\x03") + clientFrame(0x81, "caf\xc3\xa9");
    for (qsizetype i = 0; i < wire.size(); i += 5) {
        p.client->write(wire.mid(i, 5));
        QCoreApplication::processEvents();
    }
    QTRY_COMPARE_WITH_TIMEOUT(text.size(), 2, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(binary.size(), 1, 5000);
    QCOMPARE(text.at(0).at(0).toByteArray(), QByteArray("42[\"a\"]"));
    QCOMPARE(text.at(1).at(0).toByteArray(), QByteArray("caf\xc3\xa9"));
    QCOMPARE(binary.at(0).at(0).toByteArray(), QByteArray("\x01\x02\x03"));
}

void tst_WebSocketConnection::framesOutInOrder()
{
    Pair p;
    WebSocketConnection c(p.server, kHead.size(), kKey, 1000);
    p.client->readHead();
    // One shared frame to many queues is the broadcast case; here many frames to one queue.
    const QByteArray shared = WebSocketCodec::textFrame('4', "2[\"tick\",{\"n\":0}]");
    for (int i = 0; i < 2000; ++i) {
        if (i % 2)
            c.sendFrame(shared);
        else
            c.sendText(QByteArray::number(i));
    }
    QVERIFY(c.bytesToWrite() > 0); // gathered until the loop runs
    for (int i = 0; i < 2000; ++i) {
        const auto [opcode, payload] = p.client->readFrame();
        QCOMPARE(opcode, 1);
        QCOMPARE(payload, i % 2 ? QByteArray("42[\"tick\",{\"n\":0}]") : QByteArray::number(i));
    }
    QTRY_COMPARE_WITH_TIMEOUT(c.bytesToWrite(), 0, 5000);
}

void tst_WebSocketConnection::pingAnsweredWithPong()
{
    Pair p;
    WebSocketConnection c(p.server, kHead.size(), kKey, 1000);
    p.client->readHead();
    p.client->write(clientFrame(0x89, "are you there"));
    const auto [opcode, payload] = p.client->readFrame();
    QCOMPARE(opcode, 0xa);
    QCOMPARE(payload, QByteArray("are you there"));
}

void tst_WebSocketConnection::peerCloseIsAnswered()
{
    Pair p;
    WebSocketConnection c(p.server, kHead.size(), kKey, 1000);
    p.client->readHead();
    QSignalSpy gone(&c, &WebSocketConnection::disconnected);
    p.client->write(clientFrame(0x88, QByteArray("\x03\xe9", 2))); // 1001
    const auto [opcode, payload] = p.client->readFrame();
    QCOMPARE(opcode, 0x8);
    QCOMPARE(payload.left(2), QByteArray("\x03\xe9", 2));
    QVERIFY(p.client->waitForEof());
    QTRY_COMPARE_WITH_TIMEOUT(gone.size(), 1, 5000);
    QVERIFY(c.isFinished());
}

void tst_WebSocketConnection::serverCloseHandshake()
{
    Pair p;
    WebSocketConnection c(p.server, kHead.size(), kKey, 1000);
    p.client->readHead();
    QSignalSpy gone(&c, &WebSocketConnection::disconnected);
    c.sendText("last words");
    c.close(1000);
    QVERIFY(!c.isOpen());
    c.sendText("not sent"); // nothing after the close frame
    auto [opcode, payload] = p.client->readFrame();
    QCOMPARE(opcode, 1);
    QCOMPARE(payload, QByteArray("last words"));
    std::tie(opcode, payload) = p.client->readFrame();
    QCOMPARE(opcode, 0x8);
    QCOMPARE(payload, QByteArray("\x03\xe8", 2));
    QVERIFY(p.client->waitForEof()); // our side of TCP is shut after the close frame
    QCOMPARE(gone.size(), 0);        // still waiting for the peer's answer
    p.client->write(clientFrame(0x88, QByteArray("\x03\xe8", 2)));
    QTRY_COMPARE_WITH_TIMEOUT(gone.size(), 1, 5000);
}

void tst_WebSocketConnection::protocolErrorCloses()
{
    Pair p;
    WebSocketConnection c(p.server, kHead.size(), kKey, 1000);
    p.client->readHead();
    QSignalSpy text(&c, &WebSocketConnection::textMessageReceived);
    QSignalSpy gone(&c, &WebSocketConnection::disconnected);
    p.client->write(QByteArray("\x81\x02hi", 4)); // unmasked
    const auto [opcode, payload] = p.client->readFrame();
    QCOMPARE(opcode, 0x8);
    QCOMPARE(payload.left(2), QByteArray("\x03\xea", 2)); // 1002
    QCOMPARE(text.size(), 0);
    p.client->closeNow();
    QTRY_COMPARE_WITH_TIMEOUT(gone.size(), 1, 5000);
}

void tst_WebSocketConnection::slowReaderGetsEverything()
{
    Pair p;
    WebSocketConnection c(p.server, kHead.size(), kKey, 1 << 20);
    p.client->readHead();
    const QByteArray chunk(60000, 'q');
    for (int i = 0; i < 100; ++i)
        c.sendText(QByteArray(chunk + QByteArray::number(i)));
    // Six megabytes do not fit in the kernel: the rest waits in the queue.
    for (int i = 0; i < 20; ++i)
        QCoreApplication::processEvents();
    QVERIFY(c.bytesToWrite() > 0);
    for (int i = 0; i < 100; ++i) {
        const auto [opcode, payload] = p.client->readFrame();
        QCOMPARE(opcode, 1);
        QCOMPARE(payload, chunk + QByteArray::number(i));
    }
    QTRY_COMPARE_WITH_TIMEOUT(c.bytesToWrite(), 0, 5000);
}

void tst_WebSocketConnection::peerVanishesMidWrite()
{
    Pair p;
    WebSocketConnection c(p.server, kHead.size(), kKey, 1000);
    p.client->readHead();
    QSignalSpy gone(&c, &WebSocketConnection::disconnected);
    p.client->closeNow();
    // Writing to a socket whose peer is gone must not raise SIGPIPE; it ends the connection.
    for (int i = 0; i < 50 && gone.isEmpty(); ++i) {
        c.sendText(QByteArray(10000, 'x'));
        QTest::qWait(5);
    }
    QTRY_COMPARE_WITH_TIMEOUT(gone.size(), 1, 5000);
    QVERIFY(c.isFinished());
}

void tst_WebSocketConnection::abortClosesAtOnce()
{
    Pair p;
    WebSocketConnection c(p.server, kHead.size(), kKey, 1000);
    p.client->readHead();
    QSignalSpy gone(&c, &WebSocketConnection::disconnected);
    c.sendText("dropped");
    c.abort();
    QCOMPARE(gone.size(), 1);
    QVERIFY(c.isFinished());
    QVERIFY(p.client->waitForEof());
}

QTEST_GUILESS_MAIN(tst_WebSocketConnection)
#include "tst_websocketconnection.moc"
