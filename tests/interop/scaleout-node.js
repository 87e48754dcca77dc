"use strict";
// A stock socket.io 4.8.4 node with @socket.io/redis-adapter 8.3.0 beside our hub nodes on the
// same Redis (tests/cluster/tst_scaleout.cpp). It serves the hub's namespace /orders; a socket
// connecting with auth.rooms joins those rooms, so a cafe's room here hears what the hub nodes
// emit to it. It connects one stock socket.io-client socket of its own ("watcher") to its
// /orders with the rooms in config.rooms, and prints one JSON line per event that socket hears.
// Usage: node scaleout-node.js '{"redisPort":N,"rooms":["cafe:x"]}'. Prints
// {"type":"listening","port":N} once the watcher is connected (so the adapter is subscribed).
// Exits when stdin closes or after config.lifetime ms (180 s).
const http = require("http");
const { Server } = require("socket.io");
const { io: connect } = require("socket.io-client");
const { createClient } = require("redis");
const { createAdapter } = require("@socket.io/redis-adapter");

const config = JSON.parse(process.argv[2] || "{}");
const out = (obj) => process.stdout.write(JSON.stringify(obj) + "\n");
setTimeout(() => process.exit(0), config.lifetime || 180000).unref();
process.stdin.on("end", () => process.exit(0));
process.stdin.resume();

const pub = createClient({ url: `redis://127.0.0.1:${config.redisPort}`, socket: { reconnectStrategy: () => 100 } });
const sub = pub.duplicate();
for (const c of [pub, sub]) c.on("error", (e) => out({ type: "redis-error", message: String(e.message || e) }));

const httpServer = http.createServer();
const io = new Server(httpServer);

Promise.all([pub.connect(), sub.connect()]).then(() => {
  io.adapter(createAdapter(pub, sub));
  // The hub's namespace, made before anyone connects so its adapter subscribes now.
  io.of("/orders").on("connection", (socket) => {
    for (const room of (socket.handshake.auth || {}).rooms || []) socket.join(room);
  });
  httpServer.listen(0, "127.0.0.1", () => {
    const port = httpServer.address().port;
    const watcher = connect(`http://127.0.0.1:${port}/orders`, { auth: { rooms: config.rooms || [] }, transports: ["websocket"] });
    watcher.onAny((event, envelope) => {
      const data = (envelope && envelope.data) || {};
      const order = data.order || {};
      out({ type: "event", event, order_id: order.id || data.order_id || null, cafe_id: envelope && envelope.meta ? envelope.meta.cafe_id : null });
    });
    watcher.once("connect", () => out({ type: "listening", port }));
    watcher.on("connect_error", (e) => out({ type: "error", message: String(e.message) }));
  });
});
