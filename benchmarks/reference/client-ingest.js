// The client benchmark's reference client: stock socket.io-client 4.8 in Node, on the same event
// stream as the console (benchmarks/reference/event-stream.js), with default options (polling,
// then the upgrade), all five namespaces over one connection, and every event applied to a small
// in-memory model (orders by id with their status history, payments, the closed orders trimmed
// like the console's queue). Per step it prints one JSON line: events received, event-to-model
// latency (meta.t to applied), CPU per event, and the longest event-loop stall (1 ms probe).
//   node client-ingest.js URL TOKEN
// Prints {"ready":true} once connected; exits when stdin closes or after 30 minutes.
'use strict';
const { Manager } = require('socket.io-client');

const [url, token] = process.argv.slice(2);
const manager = new Manager(url, { reconnection: false });
const namespaces = ['/orders', '/inventory', '/employees', '/payments', '/system'];

function monotonicMicros() {
  const [s, ns] = process.hrtime();
  return s * 1e6 + Math.floor(ns / 1e3);
}

// The model.
const orders = new Map();
const closed = [];
const payments = [];
function apply(event, env) {
  const d = env && env.data;
  if (!d) return;
  if (event === 'order:created') {
    orders.set(d.order.id, { ...d.order, history: [{ status: 'pending', at: d.order.created_at }] });
  } else if (event === 'order:status_changed') {
    const o = orders.get(d.order_id);
    if (!o) return;
    o.status = d.new_status;
    o.history.push({ status: d.new_status, at: env.meta.timestamp, by: d.updated_by && d.updated_by.id });
    if (d.new_status === 'completed' || d.new_status === 'cancelled') {
      closed.push(o.id);
      if (closed.length > 62) for (const id of closed.splice(0, closed.length - 50)) orders.delete(id);
    }
  } else if (event === 'payment:completed') {
    payments.push({ id: d.transaction_id, order: d.order_id, amount: d.amount, at: d.completed_at });
    if (payments.length > 1000) payments.splice(0, payments.length - 1000);
    const o = orders.get(d.order_id);
    if (o) o.paid = d.amount;
  }
}

// Step statistics.
let latencies = [];
let received = 0;
let cpu = process.cpuUsage();
let longestGap = 0;
let lastTick = monotonicMicros();
setInterval(() => {
  const now = monotonicMicros();
  longestGap = Math.max(longestGap, now - lastTick);
  lastTick = now;
}, 1);

function percentile(sorted, p) {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] / 1000;
}

let connected = 0;
for (const nsp of namespaces) {
  const socket = manager.socket(nsp, { auth: { token } });
  socket.on('connect', () => {
    if (++connected === namespaces.length) console.log(JSON.stringify({ ready: true }));
  });
  socket.onAny((event, env) => {
    if (event === 'stream:end') {
      const used = process.cpuUsage(cpu);
      const cpuMicros = used.user + used.system;
      latencies.sort((a, b) => a - b);
      console.log(JSON.stringify({
        step: env.step, sent: env.sent, received,
        p50_ms: percentile(latencies, 0.5), p99_ms: percentile(latencies, 0.99),
        max_ms: percentile(latencies, 1), cpu_us_per_event: received ? cpuMicros / received : 0,
        cpu_seconds: cpuMicros / 1e6, stall_ms: longestGap / 1000, orders: orders.size,
      }));
      latencies = [];
      received = 0;
      cpu = process.cpuUsage();
      longestGap = 0;
      return;
    }
    apply(event, env);
    ++received;
    if (env && env.meta && typeof env.meta.t === 'number') latencies.push(monotonicMicros() - env.meta.t);
  });
}

process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
setTimeout(() => process.exit(0), 30 * 60 * 1000).unref();
