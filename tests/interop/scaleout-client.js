"use strict";
// Consoles for the scale-out test (tests/cluster/tst_scaleout.cpp): stock socket.io-client
// 4.8.4 sockets on the hub's /orders, signed in over HTTP as the console signs in, reaching the
// hub nodes through HAProxy. Driven by JSON lines on stdin, each answered on stdout with
// {"type":"result","id":...}; what the sockets see comes as lines of their own:
//   {"cmd":"login","base":URL,"code":C,"pin":P,"cafe":ID}     -> {token}
//   {"cmd":"connect","name":N,"base":URL,"token":T,"transports":[...],"node":"hub-a"|null}
//       a socket that reconnects by itself (200 ms to 1 s); node: sent as the TTNODE cookie,
//       which steers HAProxy to that node. On every connect it resynchronises: list_orders,
//       printed as {"type":"snapshot","client":N,"connects":k,"ids":[...]}.
//   {"cmd":"create","client":N,"customer":S,"product":ID}      -> {ok, order_id, sent, acked}
//   {"cmd":"flood","client":N,"product":ID,"count":K}           creates K orders one after the
//       other, each ack printed as {"type":"acked","order_id":...}; stops at the first failure.
//   {"cmd":"menu","client":N}                                   -> {products:[...]}
//   {"cmd":"emit","client":N,"event":E,"payload":{...}}         -> {answer}
//   (connect takes "nsp", default "/orders"; only /orders sockets resynchronise)
//   {"cmd":"get","url":URL,"node":null|"hub-a"}                 -> {status, body}
// Events: {"type":"event","client":N,"event":E,"order_id":ID,"at":ms}; "at" and "sent"/"acked"
// are performance.now() of this one process, so differences between them are latencies.
// Exits when stdin closes or after 180 s.
const { io } = require("socket.io-client");
const { performance } = require("perf_hooks");

const out = (o) => process.stdout.write(JSON.stringify(o) + "\n");
setTimeout(() => process.exit(0), 180000).unref();
const sockets = {};

async function resync(name, s, connects) {
  try {
    const answer = await s.timeout(10000).emitWithAck("list_orders", { recent_limit: 500 });
    const data = (answer && answer.ok && answer.data) || {};
    const orders = (data.open_orders || []).concat(data.recent_orders || []);
    out({ type: "snapshot", client: name, connects, ok: !!(answer && answer.ok), ids: orders.map((o) => o.id) });
  } catch (e) {
    out({ type: "snapshot", client: name, connects, ok: false, error: String(e.message || e) });
  }
}

const commands = {
  async login(c) {
    const res = await fetch(`${c.base}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ employee_code: c.code, pin: c.pin, cafe_id: c.cafe }),
    });
    const body = await res.json();
    return { status: res.status, token: body.access_token || null, body };
  },
  async connect(c) {
    const options = { auth: { token: c.token }, transports: c.transports || ["polling", "websocket"], reconnectionDelay: 200, reconnectionDelayMax: 1000, forceNew: true };
    if (c.node) options.extraHeaders = { Cookie: `TTNODE=${c.node}` };
    const nsp = c.nsp || "/orders";
    const s = io(`${c.base}${nsp}`, options);
    sockets[c.name] = s;
    let connects = 0;
    s.onAny((event, envelope) => {
      const data = (envelope && envelope.data) || {};
      out({ type: "event", client: c.name, event, order_id: (data.order && data.order.id) || data.order_id || null, transaction_id: data.transaction_id || null, at: performance.now() });
    });
    s.on("disconnect", (reason) => out({ type: "disconnect", client: c.name, reason }));
    s.on("connect", () => {
      connects += 1;
      out({ type: "connect", client: c.name, connects, transport: s.io.engine.transport.name });
      if (nsp === "/orders") resync(c.name, s, connects);
    });
    return new Promise((resolve) => {
      s.once("connect", () => resolve({ connected: true }));
      s.once("connect_error", (e) => resolve({ connected: false, error: e.message }));
    });
  },
  async create(c) {
    const s = sockets[c.client];
    const sent = performance.now();
    const answer = await s.timeout(10000).emitWithAck("create_order", { customer_name: c.customer || "Scale", items: [{ product_id: c.product, quantity: 1 }] });
    const acked = performance.now();
    return { ok: !!(answer && answer.ok), order_id: answer && answer.ok ? answer.data.order.id : null, answer: answer && answer.ok ? undefined : answer, sent, acked };
  },
  async flood(c) {
    const s = sockets[c.client];
    let acked = 0;
    for (let i = 0; i < c.count; i++) {
      try {
        const answer = await s.timeout(3000).emitWithAck("create_order", { customer_name: `Flood ${i}`, items: [{ product_id: c.product, quantity: 1 }] });
        if (!answer || !answer.ok) break;
        acked += 1;
        out({ type: "acked", client: c.client, order_id: answer.data.order.id });
      } catch (e) {
        break; // no ack: the node went away with this command in flight
      }
    }
    return { acked };
  },
  async emit(c) {
    const answer = await sockets[c.client].timeout(10000).emitWithAck(c.event, c.payload || {});
    return { answer };
  },
  async menu(c) {
    const answer = await sockets[c.client].timeout(10000).emitWithAck("list_menu", {});
    return { products: answer && answer.ok ? answer.data.products.map((p) => ({ id: p.id, name: p.name, available: p.available })) : [], answer: answer && answer.ok ? undefined : answer };
  },
  async get(c) {
    const res = await fetch(c.url, c.node ? { headers: { Cookie: `TTNODE=${c.node}` } } : {});
    return { status: res.status, body: await res.text() };
  },
};

require("./stdin-lines")(
  (c) =>
    Promise.resolve()
      .then(() => commands[c.cmd](c))
      .then((r) => out(Object.assign({ type: "result", id: c.id, cmd: c.cmd }, r)))
      .catch((e) => out({ type: "result", id: c.id, cmd: c.cmd, error: String((e && e.message) || e) })),
  (e) => out({ type: "error", message: String(e && e.message) }),
);
out({ type: "ready" });
