'use strict';
// Soak client (not part of CI): N stock socket.io-client 4.8.4 listeners on the hub's five
// namespaces plus one probe that places an order every 5 s, timing its ack and the
// moment every listener hears the order:created it caused. Samples the hub's RSS and open
// descriptors from /proc. usage: node soak.js <port> <hub pid> <seconds> <clients> <listener
// token> <probe token> <csv out>. Prints one JSON summary line at the end. Stops by itself.
const fs = require('fs');
const { io } = require('socket.io-client');

const [port, hubPid, seconds, clientCount, listenerToken, probeToken, csvPath] = process.argv.slice(2);
const url = `http://127.0.0.1:${port}`;
const started = Date.now();
const nsps = ['/orders', '/payments', '/inventory', '/employees', '/system'];
const sampleEveryMs = 30000;
const probeEveryMs = 5000;

const listeners = [];
let eventsReceived = 0;
let connectErrors = 0;
let disconnects = 0;
const pendingProbe = new Map(); // customer name -> send time (ms, hrtime)
let interval = { acks: [], latencies: [], missedAcks: 0 };
const all = { acks: [], latencies: [], missedAcks: 0, probes: 0 };
const rows = [];

const now = () => Number(process.hrtime.bigint() / 1000n) / 1000; // ms with µs precision

function rss() {
  try {
    const status = fs.readFileSync(`/proc/${hubPid}/status`, 'utf8');
    return +/VmRSS:\s+(\d+)/.exec(status)[1];
  } catch (e) { return -1; }
}
function fds() {
  try { return fs.readdirSync(`/proc/${hubPid}/fd`).length; } catch (e) { return -1; }
}
// Spreading an hour's samples into Math.max overflows the stack.
const maxOf = (list) => list.reduce((m, v) => (v > m ? v : m), -Infinity);
function pct(list, p) {
  if (!list.length) return null;
  const s = [...list].sort((a, b) => a - b);
  return +s[Math.min(s.length - 1, Math.floor(p / 100 * s.length))].toFixed(2);
}

for (let i = 0; i < +clientCount; ++i) {
  const opts = { transports: ['websocket'], auth: { token: listenerToken }, reconnectionDelay: 500 };
  // One Manager per client: its own connection, all five namespaces multiplexed on it.
  const root = io(`${url}/orders`, { ...opts, forceNew: true });
  const client = { sockets: [root] };
  for (const n of nsps.slice(1)) client.sockets.push(root.io.socket(n, { auth: { token: listenerToken } }));
  for (const s of client.sockets) {
    s.connect();
    s.onAny((name, envelope) => {
      ++eventsReceived;
      if (name === 'order:created') {
        const sent = pendingProbe.get(envelope && envelope.data && envelope.data.order
          && envelope.data.order.customer_name);
        if (sent !== undefined) interval.latencies.push(now() - sent);
      }
    });
    s.on('connect_error', () => ++connectErrors);
    s.on('disconnect', () => ++disconnects);
  }
  listeners.push(client);
}

const probe = io(`${url}/orders`, { transports: ['websocket'], auth: { token: probeToken }, forceNew: true });
let menu = null;
probe.on('connect', async () => {
  if (menu) return;
  const answer = await probe.timeout(10000).emitWithAck('list_menu', {}).catch(() => null);
  if (answer && answer.ok)
    menu = answer.data.products.filter((p) => p.available && !p.disabled).map((p) => p.id);
});
let probeSeq = 0;
setInterval(async () => {
  if (!probe.connected || !menu || !menu.length) return;
  const name = `soak-probe-${++probeSeq}`;
  const product = menu[probeSeq % menu.length];
  const t0 = now();
  pendingProbe.set(name, t0);
  ++all.probes;
  try {
    const answer = await probe.timeout(15000).emitWithAck('create_order',
      { customer_name: name, items: [{ product_id: product, quantity: 1 }], request_id: name });
    interval.acks.push(now() - t0);
    if (!answer || answer.ok === undefined) ++interval.missedAcks;
  } catch (e) { ++interval.missedAcks; }
  setTimeout(() => pendingProbe.delete(name), 30000);
}, probeEveryMs);

function connectedCount() {
  let n = 0;
  for (const c of listeners) if (c.sockets.every((s) => s.connected)) ++n;
  return n;
}

fs.writeFileSync(csvPath, 'elapsed_s,rss_kb,fds,connected_clients,events_received,probe_ack_p50_ms,probe_ack_p99_ms,event_latency_p50_ms,event_latency_p99_ms,event_latency_max_ms,missed_acks,disconnects\n');
function sample() {
  const row = {
    elapsed_s: Math.round((Date.now() - started) / 1000), rss_kb: rss(), fds: fds(),
    connected_clients: connectedCount(), events_received: eventsReceived,
    probe_ack_p50_ms: pct(interval.acks, 50), probe_ack_p99_ms: pct(interval.acks, 99),
    event_latency_p50_ms: pct(interval.latencies, 50), event_latency_p99_ms: pct(interval.latencies, 99),
    event_latency_max_ms: interval.latencies.length ? +maxOf(interval.latencies).toFixed(2) : null,
    missed_acks: interval.missedAcks, disconnects,
  };
  rows.push(row);
  fs.appendFileSync(csvPath, Object.values(row).join(',') + '\n');
  for (const v of interval.acks) all.acks.push(v);
  for (const v of interval.latencies) all.latencies.push(v);
  all.missedAcks += interval.missedAcks;
  interval = { acks: [], latencies: [], missedAcks: 0 };
}
setInterval(sample, sampleEveryMs);

setTimeout(() => {
  sample();
  const warm = rows.filter((r) => r.elapsed_s >= 120);
  const first = warm[0] || rows[0];
  const last = rows[rows.length - 1];
  const summary = {
    seconds: last.elapsed_s, clients: +clientCount, probes: all.probes, missed_acks: all.missedAcks,
    events_received: eventsReceived, connect_errors: connectErrors, disconnects,
    rss_kb: { after_warmup: first.rss_kb, end: last.rss_kb, max: maxOf(rows.map((r) => r.rss_kb)) },
    fds: { after_warmup: first.fds, end: last.fds, max: maxOf(rows.map((r) => r.fds)) },
    probe_ack_ms: { p50: pct(all.acks, 50), p99: pct(all.acks, 99), max: all.acks.length ? +maxOf(all.acks).toFixed(2) : null },
    event_latency_ms: { samples: all.latencies.length, p50: pct(all.latencies, 50), p99: pct(all.latencies, 99),
      max: all.latencies.length ? +maxOf(all.latencies).toFixed(2) : null },
  };
  process.stdout.write(JSON.stringify(summary) + '\n');
  for (const c of listeners) c.sockets[0].io.engine && c.sockets[0].io.engine.close();
  probe.close();
  setTimeout(() => process.exit(0), 200);
}, +seconds * 1000);
