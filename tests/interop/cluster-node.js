// A stock socket.io 4.8.4 node with @socket.io/redis-adapter 8.3.0 (redis 4.7.0 clients) for
// the cluster interop tests (tests/cluster), plus stock socket.io-client 4.8.4 clients the test
// points at either node. Usage: node cluster-node.js '{"redisPort":N}'. Prints
// {"type":"listening","port":N} once its adapter is subscribed, then one JSON line per thing it
// sees; takes JSON-line commands on stdin ({"cmd":..., "id":...}; each answered with
// {"type":"result","id":...}). Exits when stdin closes or after 120 s.
"use strict";
const http = require("http");
const { Server } = require("socket.io");
const { io: connect } = require("socket.io-client");
const { createClient } = require("redis");
const { createAdapter } = require("@socket.io/redis-adapter");

const config = JSON.parse(process.argv[2] || "{}");
const out = (obj) => process.stdout.write(JSON.stringify(obj) + "\n");
setTimeout(() => process.exit(0), config.lifetime || 120000).unref();

// Buffers are {"_binary": base64} in the JSON lines.
const { encode, decode } = require("./binary-json");

const redisUrl = `redis://127.0.0.1:${config.redisPort}`;
// Reconnect quickly when the test restarts Redis; report errors instead of crashing.
const redisOptions = { url: redisUrl, socket: { reconnectStrategy: () => 100 } };
const pub = createClient(redisOptions);
const sub = pub.duplicate();
for (const c of [pub, sub]) c.on("error", (e) => out({ type: "redis-error", message: String(e.message || e) }));

const httpServer = http.createServer();
const io = new Server(httpServer);

io.on("connection", (socket) => {
  const auth = socket.handshake.auth || {};
  socket.data = { node: "node", name: auth.name };
  for (const room of auth.rooms || []) socket.join(room);
  socket.on("join", (room, cb) => { socket.join(room); if (cb) cb(); });
});
// Events other nodes send with serverSideEmit.
io.on("ping-node", (...args) => {
  const cb = typeof args[args.length - 1] === "function" ? args.pop() : null;
  out({ type: "server-side", event: "ping-node", args: encode(args) });
  if (cb) cb({ from: "node", got: args[0] });
});

const clients = new Map();
const commands = {
  client(c) {
    return new Promise((resolve) => {
      const s = connect(c.url, { auth: { name: c.name, rooms: c.rooms || [] }, transports: ["websocket"], reconnection: false });
      clients.set(c.name, s);
      s.onAny((event, ...args) => {
        const cb = typeof args[args.length - 1] === "function" ? args.pop() : null;
        out({ type: "event", client: c.name, event, args: encode(args) });
        if (cb) cb({ client: c.name, got: encode(args[0]) });
      });
      s.on("disconnect", (reason) => out({ type: "disconnect", client: c.name, reason }));
      s.on("connect", () => resolve({ sid: s.id }));
      s.on("connect_error", (e) => resolve({ error: e.message }));
    });
  },
  async broadcast(c) {
    let op = io.to(c.to || []).except(c.except || []);
    op.emit(c.event, ...decode(c.args || []));
    return {};
  },
  async emitWithAck(c) {
    try {
      const answers = await io.to(c.to || []).timeout(c.timeout || 3000).emitWithAck(c.event, ...decode(c.args || []));
      return { answers };
    } catch (e) {
      return { error: e.message };
    }
  },
  async fetchSockets(c) {
    const sockets = await io.in(c.to || []).fetchSockets();
    return { sockets: sockets.map((s) => ({ id: s.id, rooms: [...s.rooms], data: s.data, auth: s.handshake.auth })) };
  },
  async serverSideEmit(c) {
    if (!c.ack) {
      io.serverSideEmit(c.event, ...(c.args || []));
      return {};
    }
    try {
      const responses = await io.serverSideEmitWithAck(c.event, ...(c.args || []));
      return { responses };
    } catch (e) {
      return { error: e.message };
    }
  },
  async disconnectSockets(c) {
    io.in(c.to || []).disconnectSockets(!!c.close);
    return {};
  },
  async socketsJoin(c) {
    io.in(c.to || []).socketsJoin(c.room);
    return {};
  },
  async serverCount() {
    return { count: await io.of("/").adapter.serverCount() };
  },
  async allRooms() {
    return { rooms: [...(await io.of("/").adapter.allRooms())] };
  },
};

require("./stdin-lines")(
  (c) =>
    Promise.resolve(commands[c.cmd](c))
      .then((r) => out(Object.assign({ type: "result", id: c.id, cmd: c.cmd }, encode(r))))
      .catch((e) => out({ type: "result", id: c.id, cmd: c.cmd, error: String(e && e.message) })),
  (e) => out({ type: "error", message: String(e && e.message) }),
);

Promise.all([pub.connect(), sub.connect()]).then(() => {
  io.adapter(createAdapter(pub, sub));
  httpServer.listen(0, "127.0.0.1", () => out({ type: "listening", port: httpServer.address().port }));
});
