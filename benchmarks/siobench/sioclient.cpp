// SioClient: the wire, by hand, for one simulated client.
#include "sioclient.h"

#include "monotonicclock.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace TableTap {

namespace {

// Shared by every client: the loop is single threaded and a read is consumed before the next.
char g_readBuffer[256 * 1024];

bool startsWith(std::string_view s, std::string_view prefix)
{
    return s.substr(0, prefix.size()) == prefix;
}

// Case-insensitive search for a header's value in a response head.
std::string_view headerValue(std::string_view head, std::string_view lowerName)
{
    size_t pos = 0;
    while ((pos = head.find("\r\n", pos)) != std::string_view::npos) {
        pos += 2;
        if (head.size() - pos < lowerName.size() + 1)
            break;
        bool match = true;
        for (size_t i = 0; i < lowerName.size() && match; ++i)
            match = char(std::tolower(static_cast<unsigned char>(head[pos + i]))) == lowerName[i];
        if (match && head[pos + lowerName.size()] == ':') {
            size_t start = pos + lowerName.size() + 1;
            while (start < head.size() && head[start] == ' ')
                ++start;
            const size_t end = head.find("\r\n", start);
            return head.substr(start, end == std::string_view::npos ? std::string_view::npos
                                                                    : end - start);
        }
    }
    return {};
}

} // namespace

SioClient::SioClient(EventLoop *loop, Listener *listener, const Config *config, uint32_t index)
    : m_loop(loop)
    , m_listener(listener)
    , m_config(config)
    , m_index(index)
    , m_ws(this, false)
    , m_http(this, true)
    , m_post(this, true)
{}

SioClient::~SioClient()
{
    closeConn(&m_ws);
    closeConn(&m_http);
    closeConn(&m_post);
}

void SioClient::start()
{
    m_started = monotonicMicros();
    m_state = State::Connecting;
    if (m_config->polling || m_config->pollingOnly) {
        m_step = Step::PollHandshake;
        if (!openConn(&m_http))
            fail("socket");
        return;
    }
    m_step = Step::WsHandshake;
    if (!openConn(&m_ws))
        fail("socket");
}

bool SioClient::openConn(Conn *c)
{
    c->fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (c->fd < 0) {
        m_error = std::string("socket: ") + std::strerror(errno);
        return false;
    }
    const int one = 1;
    setsockopt(c->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    if (!m_config->sourceAddresses.empty()) {
        // The port is picked at connect(), per destination, not reserved here by bind().
        setsockopt(c->fd, IPPROTO_IP, IP_BIND_ADDRESS_NO_PORT, &one, sizeof one);
        sockaddr_in local{};
        local.sin_family = AF_INET;
        local.sin_addr.s_addr
            = htonl(m_config->sourceAddresses[m_index % m_config->sourceAddresses.size()]);
        if (::bind(c->fd, reinterpret_cast<sockaddr *>(&local), sizeof local) != 0) {
            m_error = std::string("bind: ") + std::strerror(errno);
            ::close(c->fd);
            c->fd = -1;
            return false;
        }
    }
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(m_config->port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(c->fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0
        && errno != EINPROGRESS) {
        m_error = std::string("connect: ") + std::strerror(errno);
        ::close(c->fd);
        c->fd = -1;
        return false;
    }
    c->connected = false;
    c->wantWrite = true;
    m_loop->add(c->fd, EPOLLIN | EPOLLOUT | EPOLLRDHUP, c);
    return true;
}

void SioClient::closeConn(Conn *c)
{
    if (c->fd < 0)
        return;
    m_loop->remove(c->fd);
    ::close(c->fd);
    c->fd = -1;
    c->connected = false;
    c->in.clear();
    c->out.clear();
}

void SioClient::close()
{
    closeConn(&m_ws);
    closeConn(&m_http);
    closeConn(&m_post);
    m_postQueue.clear();
    m_postInFlight = false;
    if (m_state != State::Failed)
        m_state = State::Closed;
}

void SioClient::fail(std::string_view why)
{
    if (m_state == State::Failed || m_state == State::Closed)
        return;
    if (m_error.empty())
        m_error = std::string(why);
    closeConn(&m_ws);
    closeConn(&m_http);
    closeConn(&m_post);
    m_state = State::Failed;
    m_listener->clientFailed(this, m_error);
}

void SioClient::onConnEvents(Conn *c, uint32_t events)
{
    if (c->fd < 0)
        return;
    if (!c->connected) {
        if (events & (EPOLLERR | EPOLLHUP)) {
            int err = 0;
            socklen_t len = sizeof err;
            getsockopt(c->fd, SOL_SOCKET, SO_ERROR, &err, &len);
            m_error = std::string("connect: ") + std::strerror(err ? err : ECONNREFUSED);
            fail(m_error);
            return;
        }
        if (!(events & EPOLLOUT))
            return;
        c->connected = true;
        c->wantWrite = false;
        m_loop->modify(c->fd, EPOLLIN | EPOLLRDHUP, c);
        if (c == &m_post) {
            m_postInFlight = false;
            flushPost();
        } else if (c->http) {
            sendHttp("GET", {}, {});
        } else {
            std::string req = "GET /socket.io/?EIO=4&transport=websocket";
            req += m_config->extraQuery;
            if (!m_sid.empty())
                req += "&sid=" + m_sid;
            req += " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(m_config->port)
                   + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                     "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                     "Sec-WebSocket-Version: 13\r\n\r\n";
            m_step = Step::WsHandshake;
            send(c, req);
        }
        return;
    }
    if (events & EPOLLOUT)
        flushOut(c);
    if (c->fd >= 0 && (events & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR)))
        onReadable(c);
}

void SioClient::send(Conn *c, std::string_view bytes)
{
    if (c->fd < 0)
        return;
    if (c->out.empty() && c->connected) {
        const ssize_t n = ::send(c->fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
        if (n == ssize_t(bytes.size()))
            return;
        if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK) {
            fail(std::string("send: ") + std::strerror(errno));
            return;
        }
        bytes.remove_prefix(n > 0 ? size_t(n) : 0);
    }
    c->out.append(bytes);
    if (!c->wantWrite && c->connected) {
        c->wantWrite = true;
        m_loop->modify(c->fd, EPOLLIN | EPOLLOUT | EPOLLRDHUP, c);
    }
}

void SioClient::flushOut(Conn *c)
{
    while (!c->out.empty()) {
        const ssize_t n = ::send(c->fd, c->out.data(), c->out.size(), MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EAGAIN || errno == EWOULDBLOCK)
                return;
            fail(std::string("send: ") + std::strerror(errno));
            return;
        }
        c->out.erase(0, size_t(n));
    }
    if (c->wantWrite) {
        c->wantWrite = false;
        m_loop->modify(c->fd, EPOLLIN | EPOLLRDHUP, c);
    }
}

void SioClient::onReadable(Conn *c)
{
    const ssize_t n = ::recv(c->fd, g_readBuffer, sizeof g_readBuffer, 0);
    if (n == 0) {
        if (c == &m_post && !m_postInFlight) {
            closeConn(c); // an idle keep-alive connection the server let go: reopened when needed
            return;
        }
        if (c->http && m_step == Step::Ready && !m_config->pollingOnly) {
            closeConn(c); // the polling connection is not needed after the upgrade
            return;
        }
        fail(m_state == State::Connected ? "closed by server" : "closed during connect");
        return;
    }
    if (n < 0) {
        if (errno != EAGAIN && errno != EWOULDBLOCK)
            fail(std::string("recv: ") + std::strerror(errno));
        return;
    }
    // Every message of this read is stamped with the moment it came in (one clock read).
    m_readAt = monotonicMicros();
    if (c->http) {
        c->in.append(g_readBuffer, size_t(n));
        onHttpData(c);
        return;
    }
    if (m_step == Step::WsHandshake) {
        c->in.append(g_readBuffer, size_t(n));
        const size_t end = c->in.find("\r\n\r\n");
        if (end == std::string::npos)
            return;
        if (!startsWith(c->in, "HTTP/1.1 101")) {
            fail("websocket refused: " + c->in.substr(0, c->in.find("\r\n")));
            return;
        }
        c->in.erase(0, end + 4);
        if (!m_sid.empty()) {
            m_step = Step::WsProbe;
            sendWsText("2probe");
        } else {
            m_step = Step::WsOpen;
        }
        if (!c->in.empty())
            onWsData(c);
        return;
    }
    if (c->in.empty()) {
        // The usual case: whole frames straight from the read buffer, only a tail is kept.
        const size_t used = onWsFrames(c, std::string_view(g_readBuffer, size_t(n)));
        if (c->fd >= 0 && used < size_t(n))
            c->in.assign(g_readBuffer + used, size_t(n) - used);
        return;
    }
    c->in.append(g_readBuffer, size_t(n));
    onWsData(c);
}

void SioClient::onWsData(Conn *c)
{
    const size_t used = onWsFrames(c, c->in);
    if (c->fd >= 0)
        c->in.erase(0, used);
}

size_t SioClient::onWsFrames(Conn *c, std::string_view buf)
{
    size_t pos = 0;
    while (c->fd >= 0) {
        const size_t avail = buf.size() - pos;
        if (avail < 2)
            break;
        const auto *p = reinterpret_cast<const unsigned char *>(buf.data() + pos);
        const bool fin = p[0] & 0x80;
        const int opcode = p[0] & 0x0f;
        uint64_t len = p[1] & 0x7f;
        size_t header = 2;
        if (len == 126) {
            if (avail < 4)
                break;
            len = (uint64_t(p[2]) << 8) | p[3];
            header = 4;
        } else if (len == 127) {
            if (avail < 10)
                break;
            len = 0;
            for (int i = 0; i < 8; ++i)
                len = (len << 8) | p[2 + i];
            header = 10;
        }
        if (p[1] & 0x80)
            header += 4; // servers do not mask; skip a key if one came anyway
        if (avail < header + len)
            break;
        const std::string_view payload(buf.data() + pos + header, size_t(len));
        pos += header + size_t(len);
        switch (opcode) {
        case 0x0: // continuation
            m_fragment.append(payload);
            if (fin) {
                const std::string message = std::move(m_fragment);
                m_fragment.clear();
                onWsMessage(message, false);
            }
            break;
        case 0x1:
        case 0x2:
            if (fin) {
                onWsMessage(payload, opcode == 0x2);
            } else {
                m_fragment.assign(payload);
            }
            break;
        case 0x8:
            fail("websocket closed by server");
            return pos;
        case 0x9: { // ping: pong with the same payload
            std::string pong;
            pong.push_back(char(0x8a));
            pong.push_back(char(0x80 | payload.size()));
            pong.append(4, '\0');
            pong.append(payload);
            send(c, pong);
            break;
        }
        default:
            break;
        }
    }
    return pos;
}

void SioClient::onWsMessage(std::string_view text, bool binary)
{
    if (binary)
        return; // the bench streams carry no attachments
    onEngineText(text);
}

void SioClient::onEngineText(std::string_view packet)
{
    if (packet.empty())
        return;
    switch (packet[0]) {
    case '0': // open
        if (m_step == Step::WsOpen) {
            m_step = Step::SioConnect;
            std::string connect = "40" + m_config->nsp + "," + m_config->authJson;
            sendWsText(connect);
        } else if (m_step == Step::PollHandshake) {
            const size_t at = packet.find("\"sid\":\"");
            if (at == std::string_view::npos) {
                fail("open packet without sid");
                return;
            }
            const size_t start = at + 7;
            m_sid = std::string(packet.substr(start, packet.find('"', start) - start));
            m_step = Step::PollConnect;
            sendHttp("POST", {}, "40" + m_config->nsp + "," + m_config->authJson);
        }
        break;
    case '2': // ping
        if (m_ws.fd >= 0 && m_step != Step::WsProbe)
            sendWsText("3");
        else if (m_config->pollingOnly && m_state == State::Connected)
            postPacket("3");
        else if (m_http.fd >= 0)
            sendHttp("POST", {}, "3");
        break;
    case '3':
        if (m_step == Step::WsProbe && packet == "3probe") {
            sendWsText("5");
            m_upgradeDone = monotonicMicros();
            m_step = Step::Ready;
            closeConn(&m_http);
            maybeReady();
        }
        break;
    case '4':
        onSioPacket(packet.substr(1));
        break;
    case '1':
        fail("engine.io close");
        break;
    default:
        break;
    }
}

void SioClient::onSioPacket(std::string_view p)
{
    if (p.empty())
        return;
    const char type = p[0];
    p.remove_prefix(1);
    if (!p.empty() && p[0] == '/') {
        const size_t comma = p.find(',');
        p.remove_prefix(comma == std::string_view::npos ? p.size() : comma + 1);
    }
    uint64_t id = 0;
    bool hasId = false;
    while (!p.empty() && p[0] >= '0' && p[0] <= '9') {
        id = id * 10 + uint64_t(p[0] - '0');
        hasId = true;
        p.remove_prefix(1);
    }
    switch (type) {
    case '0':
        m_sioConnected = true;
        if (m_step == Step::SioConnect)
            m_step = Step::Ready;
        maybeReady();
        break;
    case '4':
        m_error = "connect_error " + std::string(p.substr(0, 200));
        fail(m_error);
        break;
    case '2':
        m_listener->clientEvent(this, p, m_readAt);
        break;
    case '3':
        if (hasId)
            m_listener->clientAck(this, id, p, m_readAt);
        break;
    default:
        break;
    }
}

void SioClient::maybeReady()
{
    if (m_state != State::Connecting || !m_sioConnected || m_step != Step::Ready)
        return;
    m_state = State::Connected;
    m_listener->clientConnected(this, monotonicMicros() - m_started);
}

void SioClient::sendWsText(std::string_view text)
{
    std::string frame;
    frame.reserve(text.size() + 14);
    frame.push_back(char(0x81));
    if (text.size() < 126) {
        frame.push_back(char(0x80 | text.size()));
    } else if (text.size() < 65536) {
        frame.push_back(char(0x80 | 126));
        frame.push_back(char(text.size() >> 8));
        frame.push_back(char(text.size() & 0xff));
    } else {
        frame.push_back(char(0x80 | 127));
        for (int i = 7; i >= 0; --i)
            frame.push_back(char((uint64_t(text.size()) >> (8 * i)) & 0xff));
    }
    frame.append(4, '\0'); // a zero masking key: valid framing, and the payload stays as is
    frame.append(text);
    send(&m_ws, frame);
}

void SioClient::emitEvent(std::string_view argsJson, uint64_t ackId)
{
    if (m_state != State::Connected || (m_ws.fd < 0 && !m_config->pollingOnly))
        return;
    std::string packet = "42" + m_config->nsp + ",";
    if (ackId)
        packet += std::to_string(ackId);
    packet.append(argsJson);
    if (m_config->pollingOnly)
        postPacket(packet);
    else
        sendWsText(packet);
}

void SioClient::sendHttp(std::string_view method, std::string_view, std::string_view body)
{
    send(&m_http, httpRequest(method, body));
}

std::string SioClient::httpRequest(std::string_view method, std::string_view body) const
{
    std::string req(method);
    req += " /socket.io/?EIO=4&transport=polling";
    req += m_config->extraQuery;
    if (!m_sid.empty())
        req += "&sid=" + m_sid;
    req += " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(m_config->port)
           + "\r\nConnection: keep-alive\r\n";
    if (method == "POST") {
        req += "Content-Type: text/plain;charset=UTF-8\r\nContent-Length: "
               + std::to_string(body.size()) + "\r\n";
    }
    req += "\r\n";
    req.append(body);
    return req;
}

void SioClient::postPacket(std::string_view packet)
{
    if (!m_postQueue.empty())
        m_postQueue.push_back('\x1e');
    m_postQueue.append(packet);
    flushPost();
}

void SioClient::flushPost()
{
    if (m_postInFlight || m_postQueue.empty())
        return;
    if (m_post.fd < 0) {
        // Sent once the connection is up (onConnEvents).
        m_postInFlight = true;
        if (!openConn(&m_post))
            fail("socket");
        return;
    }
    if (!m_post.connected)
        return;
    m_postInFlight = true;
    const std::string body = std::move(m_postQueue);
    m_postQueue.clear();
    send(&m_post, httpRequest("POST", body));
}

void SioClient::onHttpData(Conn *c)
{
    while (c->fd >= 0) {
        const size_t end = c->in.find("\r\n\r\n");
        if (end == std::string::npos)
            return;
        const std::string_view head(c->in.data(), end);
        if (!startsWith(head, "HTTP/1.1 ") || head.size() < 12) {
            fail("bad http response");
            return;
        }
        const int status = std::atoi(std::string(head.substr(9, 3)).c_str());
        const std::string_view lengthText = headerValue(head, "content-length");
        if (lengthText.empty()) {
            fail("http response without content-length");
            return;
        }
        const size_t length = size_t(std::atoll(std::string(lengthText).c_str()));
        if (c->in.size() < end + 4 + length)
            return;
        const std::string body = c->in.substr(end + 4, length);
        c->in.erase(0, end + 4 + length);
        onHttpResponse(c, status, body);
    }
}

void SioClient::onHttpResponse(Conn *c, int status, std::string_view body)
{
    if (status != 200) {
        fail("http status " + std::to_string(status) + ": " + std::string(body.substr(0, 100)));
        return;
    }
    if (c == &m_post) {
        m_postInFlight = false;
        flushPost();
        return;
    }
    if (m_config->pollingOnly && (m_step == Step::PollFirst || m_step == Step::Ready)) {
        onPollResponse(body);
        return;
    }
    switch (m_step) {
    case Step::PollHandshake:
        onEngineText(body);
        break;
    case Step::PollConnect:
        m_step = Step::PollFirst;
        sendHttp("GET", {}, {});
        break;
    case Step::PollFirst: {
        // Packets joined by the record separator.
        size_t pos = 0;
        while (pos <= body.size() && m_state == State::Connecting) {
            const size_t sep = body.find('\x1e', pos);
            const std::string_view packet = body.substr(
                pos, sep == std::string_view::npos ? std::string_view::npos : sep - pos);
            onEngineText(packet);
            if (sep == std::string_view::npos)
                break;
            pos = sep + 1;
        }
        if (m_state != State::Connecting)
            break;
        if (m_sioConnected && !m_config->upgrade) {
            m_step = Step::Ready;
            maybeReady();
        } else if (m_sioConnected)
            startWebSocket();
        else
            sendHttp("GET", {}, {}); // not there yet: poll again
        break;
    }
    default:
        break; // a pong POST's "ok"
    }
}

void SioClient::onPollResponse(std::string_view body)
{
    // Every packet of the payload, the CONNECT reply and whatever came with it alike.
    size_t pos = 0;
    while (m_http.fd >= 0) {
        const size_t sep = body.find('\x1e', pos);
        onEngineText(
            body.substr(pos, sep == std::string_view::npos ? std::string_view::npos : sep - pos));
        if (sep == std::string_view::npos)
            break;
        pos = sep + 1;
        if (m_step == Step::PollFirst && m_sioConnected) {
            m_step = Step::Ready;
            maybeReady();
        }
    }
    if (m_http.fd < 0 || m_state == State::Failed || m_state == State::Closed)
        return;
    if (m_step == Step::PollFirst && m_sioConnected) {
        m_step = Step::Ready;
        maybeReady();
    }
    sendHttp("GET", {}, {}); // the next long poll
}

void SioClient::startWebSocket()
{
    m_step = Step::WsHandshake;
    if (!openConn(&m_ws))
        fail("socket");
}

} // namespace TableTap
