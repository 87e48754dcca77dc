// The bench protocol (docs/performance.md, "The bench server and its contract") on stock
// socket.io 4.8: the reference tt-bench-server is measured against. Same contract, same emit loop.
// Listens on 127.0.0.1:$PORT (0 picks one) and prints {"ready":true,"port":N} when listening.
'use strict';
const http = require('http');
const { Server } = require('socket.io');

const token = process.env.BENCH_TOKEN || 'bench-token';
const httpServer = http.createServer();
// Defaults otherwise (polling and websocket, no compression of small packets): stock socket.io.
const io = new Server(httpServer, { cors: { origin: '*' } });

// CLOCK_MONOTONIC in microseconds, the clock the load generator reads too.
function monotonicMicros() {
  const [s, ns] = process.hrtime();
  return s * 1e6 + Math.floor(ns / 1e3);
}

const orders = io.of('/orders');
orders.use((socket, next) => {
  const auth = socket.handshake.auth || {};
  if (auth.token === token) return next();
  const err = new Error('unauthorized');
  err.data = { reason: 'bad token' };
  next(err);
});

// Emits `event` to `room` at `rate` per second for `seconds`, catching up when a timer is late.
function broadcastRun(o, ack) {
  const rate = o && o.rate > 0 ? Number(o.rate) : 10;
  const seconds = o && o.seconds > 0 ? Number(o.seconds) : 5;
  const total = Math.round(rate * seconds);
  const pad = 'x'.repeat((o && o.size) | 0);
  const room = (o && o.room) || 'all';
  const event = (o && o.event) || 'tick';
  const t0 = monotonicMicros();
  let seq = 0;
  const loop = () => {
    const due = Math.min(total, Math.floor(((monotonicMicros() - t0) / 1e6) * rate) + 1);
    const target = orders.to(room);
    while (seq < due) target.emit(event, { seq: seq++, t: monotonicMicros(), pad });
    if (seq < total) {
      const next = t0 + (seq * 1e6) / rate;
      setTimeout(loop, Math.max(1, Math.ceil((next - monotonicMicros()) / 1000)));
      return;
    }
    if (typeof ack === 'function') ack({ sent: seq, seconds: (monotonicMicros() - t0) / 1e6 });
  };
  loop();
}

orders.on('connection', (socket) => {
  const auth = socket.handshake.auth || {};
  socket.join(auth.room || 'all');
  socket.on('echo', (data, ack) => {
    if (typeof ack === 'function') ack(data);
  });
  socket.on('bench:start', (o, ack) => broadcastRun(o, ack));
  const pubRoom = auth.pubRoom || 'all';
  socket.on('publish', (payload) => socket.to(pubRoom).emit('tick', payload));
});

httpServer.listen(Number(process.env.PORT || 0), '127.0.0.1', () => {
  const { port } = httpServer.address();
  console.log(JSON.stringify({ ready: true, pid: process.pid, port, impl: 'socket.io' }));
});
