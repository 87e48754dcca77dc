// The event stream for the client benchmark: a stock socket.io 4.8 server playing a busy hub.
// Consoles connect to the five namespaces (any token); snapshot commands get empty answers; a
// controller on /control starts steps: `stream:start` {rate, seconds, step} sends a cafe's
// traffic (orders created, moved through preparing / ready / completed, paid) at `rate` events
// per second to everyone, each envelope as the hub shapes it plus meta.t (CLOCK_MONOTONIC µs at
// emit), then `stream:end` {step, sent} in /orders, and acks {sent, seconds}.
// Listens on 127.0.0.1:$PORT (0 picks one); prints {"ready":true,"port":N}.
'use strict';
const http = require('http');
const { Server } = require('socket.io');

const cafeId = process.env.CAFE_ID || 'stream';
const httpServer = http.createServer();
const io = new Server(httpServer, { cors: { origin: '*' } });
const data = ['/orders', '/inventory', '/employees', '/payments', '/system'].map((n) => io.of(n));
const orders = data[0];
const payments = data[3];

function monotonicMicros() {
  const [s, ns] = process.hrtime();
  return s * 1e6 + Math.floor(ns / 1e3);
}
const iso = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

for (const nsp of data) {
  nsp.on('connection', (socket) => {
    // Snapshots: an empty cafe (the stream fills it).
    socket.onAny((event, ...args) => {
      const ack = args[args.length - 1];
      if (typeof ack !== 'function') return;
      if (event === 'list_orders') ack({ ok: true, data: { business_date: iso(Date.now()).slice(0, 10), open_orders: [], recent_orders: [] } });
      else if (event === 'list_counters') ack({ ok: true, data: { counters: [{ name: 'Counter 1', status: 'active' }, { name: 'Counter 2', status: 'active' }] } });
      else ack({ ok: true, data: {} });
    });
  });
}

const products = [['Latte', 4.5], ['Cappuccino', 4.0], ['Flat White', 4.25], ['Croissant', 3.25]];
const staff = { id: 'u-barista', name: 'Barista', role: 'employee' };
let nextOrder = 0;
let eventSeq = 0;

function envelope(event, payload, now) {
  return { event, data: payload,
           meta: { timestamp: iso(now), cafe_id: cafeId, event_id: `evt_${++eventSeq}`, t: monotonicMicros() } };
}
const orderId = (k) => `o${k}`;
const orderNumber = (k) => `ORD20260101${String(k).padStart(5, '0')}`;

// Event n of the stream. Every five events: a new order, and three older ones move one step
// (preparing, ready, completed) and one is paid, so about 150 orders are open at any time.
function nextEvent(n, now) {
  const k = Math.floor(n / 5);
  switch (n % 5) {
  case 0: {
    const id = nextOrder++;
    const [name, price] = products[id % products.length];
    const qty = 1 + (id % 2);
    return [orders, 'order:created', envelope('order:created', { order: {
      id: orderId(id), order_number: orderNumber(id), cafe_id: cafeId, customer_name: `Customer ${id}`,
      customer_phone: null, status: 'pending', assigned_counter: `Counter ${1 + (id % 2)}`,
      items: [{ id: `i${id}`, product_name: name, quantity: qty, unit_price: price,
                total_price: price * qty, customizations: id % 3 ? ['Extra shot'] : [] }],
      totals: { subtotal: price * qty, tax_amount: 0.36 * qty, tip_amount: 0, total_amount: price * qty + 0.36 * qty },
      estimated_ready_at: iso(now + 300000), created_at: iso(now), created_by: staff,
      proxy_order_info: { is_proxy: false, ordered_for: null } } }, now)];
  }
  case 1: case 2: case 3: {
    const steps = [['pending', 'preparing', 50], ['preparing', 'ready', 100], ['ready', 'completed', 150]];
    const [from, to, lag] = steps[(n % 5) - 1];
    const id = k - lag;
    if (id < 0) return nextEvent(n - (n % 5), now); // early in the stream: another new order
    return [orders, 'order:status_changed', envelope('order:status_changed', {
      order_id: orderId(id), order_number: orderNumber(id), previous_status: from, new_status: to,
      updated_by: staff, estimated_ready_at: iso(now + 60000), notes: null,
      status_history: [{ status: to, timestamp: iso(now), user_id: staff.id, notes: null }] }, now)];
  }
  default: {
    const id = Math.max(0, k - 150);
    return [payments, 'payment:completed', envelope('payment:completed', {
      order_id: orderId(id), transaction_id: `txn_${n}`, payment_method: 'card', amount: 9.72,
      fee_amount: 0.31, net_amount: 9.41, provider: 'payconic', provider_transaction_id: `prov_${n}`,
      completed_at: iso(now) }, now)];
  }
  }
}

let streamed = 0;
io.of('/control').on('connection', (socket) => {
  socket.on('stream:start', (o, ack) => {
    const rate = o && o.rate > 0 ? Number(o.rate) : 1000;
    const seconds = o && o.seconds > 0 ? Number(o.seconds) : 5;
    const total = Math.round(rate * seconds);
    const t0 = monotonicMicros();
    let sent = 0;
    const loop = () => {
      const due = Math.min(total, Math.floor(((monotonicMicros() - t0) / 1e6) * rate) + 1);
      const now = Date.now();
      while (sent < due) {
        const [nsp, name, env] = nextEvent(streamed++, now);
        nsp.emit(name, env);
        ++sent;
      }
      if (sent < total) {
        const next = t0 + (sent * 1e6) / rate;
        setTimeout(loop, Math.max(1, Math.ceil((next - monotonicMicros()) / 1000)));
        return;
      }
      const elapsed = (monotonicMicros() - t0) / 1e6;
      orders.emit('stream:end', { step: o && o.step, sent });
      if (typeof ack === 'function') ack({ sent, seconds: elapsed });
    };
    loop();
  });
});

httpServer.listen(Number(process.env.PORT || 0), '127.0.0.1', () => {
  const { port } = httpServer.address();
  console.log(JSON.stringify({ ready: true, pid: process.pid, port, impl: 'socket.io event stream' }));
});
