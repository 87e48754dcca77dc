// One simulated Socket.IO client of the load generator, written against the wire directly so it
// costs a few hundred bytes and microseconds: TCP, the websocket handshake and frames (client
// frames masked with a zero key), Engine.IO v4 (open, ping/pong, upgrade) and the Socket.IO v5
// packets it needs (CONNECT, CONNECT_ERROR, EVENT, ACK) in one namespace. Either straight over
// websocket, or as socket.io-client does by default: long-polling handshake, CONNECT posted,
// first poll, then the websocket upgrade (2probe / 3probe / 5). Or polling only (no upgrade): one
// connection holds the long poll, a second carries POSTs (pongs, emits; packets queued while a
// POST is out go together in the next, joined by \x1e), as a browser does.
#pragma once

#include "eventloop.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace TableTap {

class SioClient final
{
public:
    enum class State { Idle, Connecting, Connected, Failed, Closed };

    struct Config
    {
        uint16_t port = 0;
        std::string nsp = "/orders";
        std::string authJson;     // the CONNECT payload, e.g. {"token":"bench-token","room":"all"}
        std::string extraQuery;   // appended to the Engine.IO query, e.g. "&cafe_id=x"
        bool polling = false;     // long-polling first, then upgrade
        bool pollingOnly = false; // long-polling for good (implies polling, never upgrades)
        // With polling: false stops once CONNECT is answered, the keep-alive connection left
        // open and no request pending (an idle long-polling session, for memory figures).
        bool upgrade = true;
        // Local IPv4 addresses (host order, e.g. 127.0.0.2) the clients connect from, client i
        // from entry i % size: each address has its own 32768-60999 ephemeral ports, so more
        // than about 28,000 clients need several. Empty: the kernel's choice.
        std::vector<uint32_t> sourceAddresses;
    };

    class Listener
    {
    public:
        virtual ~Listener() = default;
        // connectMicros: start() to the CONNECT reply (and, when polling, the finished upgrade).
        virtual void clientConnected(SioClient *client, int64_t connectMicros) = 0;
        virtual void clientFailed(SioClient *client, std::string_view why) = 0;
        // args: the EVENT's JSON array text, e.g. ["tick",{...}].
        virtual void clientEvent(SioClient *client, std::string_view args, int64_t now) = 0;
        virtual void clientAck(SioClient *client, uint64_t id, std::string_view args, int64_t now)
            = 0;
    };

    SioClient(EventLoop *loop, Listener *listener, const Config *config, uint32_t index);
    ~SioClient();
    SioClient(const SioClient &) = delete;
    SioClient &operator=(const SioClient &) = delete;

    void start();
    // Emits EVENT ["name", ...]: argsJson is the whole array text. ackId 0 asks for no ack.
    void emitEvent(std::string_view argsJson, uint64_t ackId = 0);
    void close();

    State state() const { return m_state; }
    uint32_t index() const { return m_index; }
    std::string_view lastError() const { return m_error; }
    // When polling: start() to the moment the upgrade packet went out.
    int64_t upgradeMicros() const { return m_upgradeDone ? m_upgradeDone - m_started : 0; }
    // Filled in by the owner (e.g. which stream a client belongs to).
    uint64_t tag = 0;

private:
    // One TCP connection of this client: the websocket, or the long-polling HTTP connection.
    class Conn final : public EventLoop::Handler
    {
    public:
        Conn(SioClient *owner, bool http)
            : owner(owner)
            , http(http)
        {}
        void onEvents(uint32_t events) override { owner->onConnEvents(this, events); }
        SioClient *owner;
        bool http;
        int fd = -1;
        bool connected = false;
        bool wantWrite = false;
        std::string in;
        std::string out;
    };
    enum class Step {
        None,
        PollHandshake, // GET ?transport=polling
        PollConnect,   // POST 40/nsp,{auth}
        PollFirst,     // GET: the CONNECT reply
        WsHandshake,   // GET ?transport=websocket (+sid), waiting for 101
        WsOpen,        // waiting for the Engine.IO open packet (direct websocket)
        WsProbe,       // 2probe sent, waiting for 3probe
        SioConnect,    // CONNECT sent, waiting for the reply
        Ready,
    };

    void onConnEvents(Conn *c, uint32_t events);
    bool openConn(Conn *c);
    void closeConn(Conn *c);
    void send(Conn *c, std::string_view bytes);
    void flushOut(Conn *c);
    void onReadable(Conn *c);
    void onHttpData(Conn *c);
    void onHttpResponse(Conn *c, int status, std::string_view body);
    // Parses the frames in bytes; returns how many bytes whole frames took.
    size_t onWsFrames(Conn *c, std::string_view bytes);
    void onWsData(Conn *c);
    void onWsMessage(std::string_view text, bool binary);
    void onEngineText(std::string_view packet);
    void onSioPacket(std::string_view packet);
    void sendWsText(std::string_view text);
    void sendHttp(std::string_view method, std::string_view query, std::string_view body);
    std::string httpRequest(std::string_view method, std::string_view body) const;
    void onPollResponse(std::string_view body);
    void postPacket(std::string_view packet);
    void flushPost();
    void startWebSocket();
    void maybeReady();
    void fail(std::string_view why);

    EventLoop *m_loop;
    Listener *m_listener;
    const Config *m_config;
    uint32_t m_index;
    State m_state = State::Idle;
    Step m_step = Step::None;
    Conn m_ws;
    Conn m_http;
    Conn m_post;             // polling only: the POST connection, opened when first needed
    std::string m_postQueue; // polling only: packets for the next POST, \x1e between them
    bool m_postInFlight = false;
    std::string m_sid;
    std::string m_fragment;
    std::string m_error;
    int64_t m_started = 0;
    int64_t m_upgradeDone = 0;
    int64_t m_readAt = 0; // when the bytes being parsed were read: one clock read per recv
    bool m_sioConnected = false;
};

} // namespace TableTap
