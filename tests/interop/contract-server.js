// A Table Tap server that implements the event contract (docs/events.md) and nothing of our
// hub's extensions: stock socket.io 4.8.4, the five namespaces, the token in the handshake's
// auth, the contract's rooms, the 17 events as envelopes, `update_order_status`,
// `join_counter` and `leave_counter`, and failures as `error` events. It never calls an ack
// callback and knows no `list_*` command and no `request_id`: a client that waits for either
// waits for ever, which is what the console must cope with (tests/interop/tst_contractonly.cpp).
//
// Usage: node contract-server.js '<json config>'
//   config.secret       HS256 key of the access tokens (required)
//   config.validate     false: apply any status change, even an impossible one (default true)
//   config.errorDetail  true: `error` events also name the command and order (default: the
//                       contract's {type, message} only)
//   config.lifetime     ms before the process ends by itself (default 120000)
// Prints {"type":"listening","port":N} first, then one JSON line per thing it sees
// ("connect", "disconnect", "command", "refused"). Takes JSON-line commands on stdin:
//   {"op":"order", "order": {...}}          stores the order and emits order:created
//   {"op":"emit", "nsp", "rooms": [...], "event", "data"}   any envelope to rooms of the cafe
//   {"op":"status", "order_id", "status"}   the server itself changes an order (as a till would)
//   {"op":"disconnectAll"}                  drops every client's link (they reconnect)
// Exits when stdin closes or after config.lifetime, so it never outlives its test.
"use strict";
const http = require("http");
const crypto = require("crypto");
const { Server } = require("socket.io");

const config = JSON.parse(process.argv[2] || "{}");
const out = (obj) => process.stdout.write(JSON.stringify(obj) + "\n");
const NAMESPACES = ["/orders", "/payments", "/inventory", "/employees", "/system"];
const NEXT = { pending: ["preparing", "cancelled"], preparing: ["ready", "cancelled"], ready: ["completed"] };
const ROLES = ["employee", "manager", "admin"];

const b64url = (buf) => Buffer.from(buf).toString("base64").replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
function verify(token) {
  if (typeof token !== "string") return null;
  const parts = token.split(".");
  if (parts.length !== 3) return null;
  const mac = b64url(crypto.createHmac("sha256", config.secret).update(parts[0] + "." + parts[1]).digest());
  if (mac.length !== parts[2].length || !crypto.timingSafeEqual(Buffer.from(mac), Buffer.from(parts[2]))) return null;
  let claims;
  try {
    claims = JSON.parse(Buffer.from(parts[1], "base64").toString("utf8"));
  } catch (e) {
    return null;
  }
  if (!claims || typeof claims.exp !== "number" || claims.exp * 1000 < Date.now()) return null;
  if (!claims.sub || !claims.cafe_id || !ROLES.includes(claims.role)) return null;
  return claims;
}

const orders = new Map(); // id -> order (as order:created carried it) + history
const now = () => new Date(Math.floor(Date.now() / 1000) * 1000).toISOString().replace(".000Z", "Z");
const envelope = (event, cafeId, data) => ({
  event,
  data,
  meta: { timestamp: now(), cafe_id: cafeId, event_id: "evt_" + crypto.randomUUID() },
});

const httpServer = http.createServer();
const io = new Server(httpServer, { cors: { origin: "*" } });

function emitTo(nsp, rooms, event, cafeId, data) {
  io.of(nsp).to(rooms).emit(event, envelope(event, cafeId, data));
}

function changeStatus(order, status, user, notes) {
  const previous = order.status;
  order.status = status;
  order.status_history.push({ status, timestamp: now(), user_id: user.id, notes: notes || null });
  const room = `cafe:${order.cafe_id}:orders`;
  emitTo("/orders", [room], "order:status_changed", order.cafe_id, {
    order_id: order.id,
    order_number: order.order_number,
    previous_status: previous,
    new_status: status,
    updated_by: user,
    estimated_ready_at: order.estimated_ready_at,
    notes: notes || null,
    status_history: order.status_history,
  });
  if (status === "ready") {
    emitTo("/orders", [room], "order:ready", order.cafe_id, {
      order_id: order.id,
      order_number: order.order_number,
      customer_name: order.customer_name,
      customer_phone: order.customer_phone,
      assigned_counter: order.assigned_counter,
      ready_at: now(),
      prep_time_minutes: Math.max(0, Math.round((Date.now() - Date.parse(order.created_at)) / 60000)),
      notification_sent: true,
    });
  }
}

const refuse = (socket, type, message, command, payload) => {
  out({ type: "refused", nsp: socket.nsp.name, command, error: type, message });
  // The contract's error is {type, message}; config.errorDetail adds what it was about, as some
  // servers (our hub among them) do.
  const detail = config.errorDetail ? { command, ...(payload && payload.order_id ? { order_id: payload.order_id } : {}) } : {};
  socket.emit("error", { type, message, ...detail });
};

for (const name of NAMESPACES) {
  const nsp = io.of(name);
  nsp.use((socket, next) => {
    const claims = verify(socket.handshake.auth && socket.handshake.auth.token);
    if (!claims) return next(new Error("Authentication error"));
    socket.data.claims = claims;
    next();
  });
  nsp.on("connection", (socket) => {
    const c = socket.data.claims;
    const rooms = [`cafe:${c.cafe_id}`, `cafe:${c.cafe_id}:role:${c.role}`, `user:${c.sub}`];
    if (name === "/orders") rooms.push(`cafe:${c.cafe_id}:orders`);
    socket.join(rooms);
    out({ type: "connect", nsp: name, id: socket.id, user: c.sub, rooms });
    socket.on("disconnect", (reason) => out({ type: "disconnect", nsp: name, id: socket.id, reason }));
    socket.onAny((event, ...args) => {
      const payload = args.find((a) => typeof a !== "function");
      const hasAck = args.some((a) => typeof a === "function"); // never called: the contract has no acks
      out({ type: "command", nsp: name, id: socket.id, user: c.sub, event, payload: payload === undefined ? null : payload, hasAck });
      const user = { id: c.sub, name: c.name || c.sub, role: c.role };
      if (name === "/orders" && event === "update_order_status") {
        if (!payload || typeof payload.order_id !== "string" || typeof payload.status !== "string")
          return refuse(socket, "INVALID_DATA", "order_id and status are required", event, payload);
        const order = orders.get(payload.order_id);
        if (!order || order.cafe_id !== c.cafe_id)
          return refuse(socket, "INVALID_DATA", `no order ${payload.order_id}`, event, payload);
        if (config.validate !== false && !(NEXT[order.status] || []).includes(payload.status))
          return refuse(socket, "INVALID_DATA", `cannot go from ${order.status} to ${payload.status}`, event, payload);
        if (payload.status === "cancelled" && c.role === "employee")
          return refuse(socket, "PERMISSION_DENIED", "only managers cancel orders", event, payload);
        return changeStatus(order, payload.status, user, payload.notes);
      }
      if (name === "/orders" && (event === "join_counter" || event === "leave_counter")) {
        if (!payload || typeof payload.counter !== "string" || payload.counter === "")
          return refuse(socket, "INVALID_DATA", "counter is required", event, payload);
        const room = `cafe:${c.cafe_id}:counter:${payload.counter}`;
        if (event === "join_counter") socket.join(room);
        else socket.leave(room);
        return;
      }
      refuse(socket, "INVALID_DATA", `unknown event ${event}`, event, payload);
    });
  });
}

require("./stdin-lines")(
  (cmd) => {
    if (cmd.op === "order") {
      const order = { status_history: [], ...cmd.order };
      order.status_history = [{ status: order.status, timestamp: order.created_at, user_id: order.created_by.id, notes: "Order created" }];
      orders.set(order.id, order);
      const { status_history, ...wire } = order;
      emitTo("/orders", [`cafe:${order.cafe_id}:orders`], "order:created", order.cafe_id, { order: wire });
    } else if (cmd.op === "emit") {
      const cafeId = cmd.cafe_id;
      emitTo(cmd.nsp, cmd.rooms, cmd.event, cafeId, cmd.data);
    } else if (cmd.op === "status") {
      const order = orders.get(cmd.order_id);
      if (order) changeStatus(order, cmd.status, { id: "till", name: "Till", role: "employee" }, cmd.notes);
    } else if (cmd.op === "disconnectAll") {
      // The link drops under every client, as a network cut or a restart would: the transports
      // close without the namespaces' DISCONNECT packets, so clients reconnect by themselves
      // (disconnectSockets() would tell them they were sent away, and they would stay away).
      for (const name of NAMESPACES) for (const socket of io.of(name).sockets.values()) socket.conn.close();
    }
    out({ type: "done", op: cmd.op });
  },
  (e) => out({ type: "error", message: String(e && e.message) }),
);
setTimeout(() => process.exit(0), config.lifetime || 120000).unref();

httpServer.listen(0, "127.0.0.1", () => out({ type: "listening", port: httpServer.address().port }));
