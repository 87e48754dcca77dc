// A stock socket.io 4.8.4 server for the C++ client interop tests (tests/interop).
// Usage: node server.js '<json config>'. Prints {"type":"listening","port":N} first, then one
// JSON line per thing it sees; takes JSON-line commands on stdin. Exits when stdin closes or
// after config.lifetime ms (default 120000), so it never outlives the test that started it.
"use strict";
const http = require("http");
const https = require("https");
const fs = require("fs");
const { Server } = require("socket.io");

const config = JSON.parse(process.argv[2] || "{}");
const out = (obj) => process.stdout.write(JSON.stringify(obj) + "\n");

// Buffers are {"_binary": base64} in the JSON lines.
const { encode, decode } = require("./binary-json");

const httpServer = config.tls
  ? https.createServer({ key: fs.readFileSync(config.tls.key), cert: fs.readFileSync(config.tls.cert) })
  : http.createServer();
const io = new Server(httpServer, {
  pingInterval: config.pingInterval || 25000,
  pingTimeout: config.pingTimeout || 20000,
  maxHttpBufferSize: config.maxHttpBufferSize || 1e6,
  connectionStateRecovery: config.recovery
    ? { maxDisconnectionDuration: 60000, skipMiddlewares: true }
    : undefined,
});

io.engine.on("connection", (conn) => {
  out({ type: "engine", id: conn.id, transport: conn.transport.name });
  conn.on("upgrade", (t) => out({ type: "upgrade", id: conn.id, transport: t.name }));
  conn.on("close", (reason) => out({ type: "engineClose", id: conn.id, reason }));
});

// /admin wants auth.token == "secret": a middleware refusal with data otherwise.
io.of("/admin").use((socket, next) => {
  const token = socket.handshake.auth && socket.handshake.auth.token;
  if (token === "secret") return next();
  const err = new Error(token === "expired" ? "Authentication error" : "not authorized");
  err.data = { code: 401, token: token || null };
  next(err);
});

const sockets = new Map(); // nsp -> latest socket

for (const name of ["/", "/orders", "/admin"]) {
  io.of(name).on("connection", (socket) => {
    sockets.set(name, socket);
    out({
      type: "connection", nsp: name, id: socket.id, auth: socket.handshake.auth,
      query: socket.handshake.query, recovered: socket.recovered,
      transport: socket.conn.transport.name,
    });
    socket.onAny((event, ...args) => {
      const ack = typeof args[args.length - 1] === "function" ? args.pop() : null;
      out({ type: "event", nsp: name, event, args: encode(args), ack: !!ack });
      if (ack) {
        if (event === "noack") return; // let the client time out
        ack(...args); // echo, binary included
      }
    });
    socket.on("disconnect", (reason) => out({ type: "disconnect", nsp: name, id: socket.id, reason }));
  });
}

const commands = {
  emit(c) {
    const target = c.broadcast ? io.of(c.nsp) : sockets.get(c.nsp);
    target.emit(c.event, ...decode(c.args || []));
  },
  emitWithAck(c) {
    sockets.get(c.nsp).timeout(c.timeout || 5000).emit(c.event, ...decode(c.args || []), (err, ...reply) => {
      out({ type: "ack", tag: c.tag, error: err ? String(err.message || err) : null, args: encode(reply) });
    });
  },
  disconnect(c) {
    sockets.get(c.nsp).disconnect();
  },
  // Drops the connection under a namespace, then emits to everyone in it while the client is away.
  drop(c) {
    const socket = sockets.get(c.nsp);
    socket.conn.close();
    for (const e of c.thenEmit || []) io.of(c.nsp).emit(e.event, ...decode(e.args || []));
    out({ type: "dropped" });
  },
  // The engine stops pinging every current connection (new ones ping as usual).
  freezePings() {
    for (const conn of Object.values(io.engine.clients)) {
      clearTimeout(conn.pingIntervalTimer);
      clearTimeout(conn.pingTimeoutTimer);
      conn.pingIntervalTimer = { refresh() {} };
      conn.pingTimeoutTimer = null;
      conn.schedulePing = () => {};
    }
    out({ type: "frozen" });
  },
};

require("./stdin-lines")(
  (c) => commands[c.cmd](c),
  (e) => out({ type: "error", message: String(e && e.message) }),
);
setTimeout(() => process.exit(0), config.lifetime || 120000).unref();

httpServer.listen(config.port || 0, "127.0.0.1", () => {
  out({ type: "listening", port: httpServer.address().port });
});
