// WebSocketConnection on one end of a socket pair, the other end played byte by byte: the 101
// answer (and the request head taken out of the kernel), messages in, frames out gathered per
// loop pass and in order, ping/pong (one pending pong for a peer that pings and never reads),
// both close handshakes and the close codes echoed, protocol errors, a reader that stops
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
    } else if (payload.size() <= 0xffff) {
        out.append(char(0x80 | 126));
        out.append(char(payload.size() >> 8));
        out.append(char(payload.size() & 0xff));
    } else {
        out.append(char(0x80 | 127));
        for (int shift = 56; shift >= 0; shift -= 8)
            out.append(char((quint64(payload.size()) >> shift) & 0xff));
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
    void pongsCoalesceForAPeerThatDoesNotRead();
    void peerCloseIsAnswered();
    void closeCodesAreChecked_data();
    void closeCodesAreChecked();
    void serverCloseHandshake();
    void closingPeerThatKeepsSendingIsDropped();
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

void tst_WebSocketConnection::pongsCoalesceForAPeerThatDoesNotRead()
{
    Pair p;
    WebSocketConnection c(p.server, kHead.size(), kKey, 1000);
    p.client->readHead();
    // Fill the kernel towards the client, which reads nothing: whatever follows waits in the
    // connection's own queue.
    const QByteArray big(1 << 20, 'b');
    c.sendBinary(big);
    for (int i = 0; i < 20; ++i)
        QCoreApplication::processEvents();
    const qint64 stuck = c.bytesToWrite();
    QVERIFY(stuck > 0);
    // 20,000 pings, each 100 bytes: 2 MB of pongs if each got its own.
    const QByteArray pad(94, 'p');
    QByteArray batch;
    for (int i = 0; i < 20000; ++i) {
        batch += clientFrame(0x89, pad + QByteArray::number(100000 + i));
        if (batch.size() > 16000) {
            p.client->write(batch);
            batch.clear();
            QCoreApplication::processEvents();
            // At most one pong waits, however many pings came.
            QVERIFY2(c.bytesToWrite() <= stuck + 2 + 125,
                     qPrintable(QString::number(c.bytesToWrite() - stuck)));
        }
    }
    p.client->write(batch);
    QTRY_VERIFY_WITH_TIMEOUT(c.bytesToWrite() == stuck + 2 + 100, 5000);
    // The reader catches up: the binary frame, then the answer to the latest ping only.
    auto [opcode, payload] = p.client->readFrame();
    QCOMPARE(opcode, 0x2);
    QCOMPARE(payload.size(), big.size());
    std::tie(opcode, payload) = p.client->readFrame();
    QCOMPARE(opcode, 0xa);
    QCOMPARE(payload, pad + QByteArray::number(100000 + 19999));
    QVERIFY(p.client->read(1, 300).isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(c.bytesToWrite(), 0, 5000);
    // Once written, the next ping gets its own pong again.
    p.client->write(clientFrame(0x89, "again"));
    std::tie(opcode, payload) = p.client->readFrame();
    QCOMPARE(opcode, 0xa);
    QCOMPARE(payload, QByteArray("again"));
}

void tst_WebSocketConnection::closeCodesAreChecked_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<int>("answer");
    const auto code = [](int c) {
        QByteArray out(2, Qt::Uninitialized);
        out[0] = char(c >> 8);
        out[1] = char(c & 0xff);
        return out;
    };
    QTest::newRow("none") << QByteArray() << 1000;
    QTest::newRow("1000") << code(1000) << 1000;
    QTest::newRow("1003 with a reason") << QByteArray(code(1003) + "why") << 1003;
    QTest::newRow("1011") << code(1011) << 1011;
    QTest::newRow("3000") << code(3000) << 3000;
    QTest::newRow("4999") << code(4999) << 4999;
    // Never sent by a peer, reserved or out of range: a protocol error, not an echo.
    QTest::newRow("1004") << code(1004) << 1002;
    QTest::newRow("1005") << code(1005) << 1002;
    QTest::newRow("1006") << code(1006) << 1002;
    QTest::newRow("1015") << code(1015) << 1002;
    QTest::newRow("999") << code(999) << 1002;
    QTest::newRow("2999") << code(2999) << 1002;
    QTest::newRow("5000") << code(5000) << 1002;
    QTest::newRow("one byte") << QByteArray("x") << 1002;
    QTest::newRow("reason not utf-8") << QByteArray(code(1000) + "\xff") << 1007;
}

void tst_WebSocketConnection::closeCodesAreChecked()
{
    QFETCH(QByteArray, payload);
    QFETCH(int, answer);
    Pair p;
    WebSocketConnection c(p.server, kHead.size(), kKey, 1000);
    p.client->readHead();
    QSignalSpy gone(&c, &WebSocketConnection::disconnected);
    p.client->write(clientFrame(0x88, payload));
    const auto [opcode, reply] = p.client->readFrame();
    QCOMPARE(opcode, 0x8);
    QVERIFY(reply.size() >= 2);
    QCOMPARE((quint8(reply[0]) << 8) | quint8(reply[1]), answer);
    p.client->closeNow();
    QTRY_COMPARE_WITH_TIMEOUT(gone.size(), 1, 6000);
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

void tst_WebSocketConnection::closingPeerThatKeepsSendingIsDropped()
{
    Pair p;
    WebSocketConnection c(p.server, kHead.size(), kKey, 1 << 20);
    p.client->readHead();
    QSignalSpy gone(&c, &WebSocketConnection::disconnected);
    c.close(1000);
    // Instead of its close frame the peer starts a 900 KB message: the connection does not
    // wait out its 5 s linger holding it, it ends once more than 64 KiB is buffered.
    const QByteArray message = clientFrame(0x82, QByteArray(900000, 'm'));
    p.client->write(message.left(200000));
    QTRY_COMPARE_WITH_TIMEOUT(gone.size(), 1, 3000);
    QVERIFY(c.isFinished());
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
