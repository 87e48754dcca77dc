'use strict';
// What the hub-*.js scripts share: a stock socket.io-client socket on one of our hub's
// namespaces, waiting for its connect, an ack with a bound, JSON lines on stdout, and the exit
// rules (stdin closed, or 30 s at most).
const { io } = require('socket.io-client');

const out = (o) => process.stdout.write(JSON.stringify(o) + '\n');

// Exits when the test closes stdin, and prints {"done":true,"error":...} after 30 s.
function guard() {
  process.stdin.on('end', () => process.exit(0));
  process.stdin.resume();
  setTimeout(() => { out({ done: true, error: 'timed out' }); process.exit(0); }, 30000).unref();
}

const open = (port, nsp, token) => io(`http://127.0.0.1:${port}${nsp}`, { auth: { token }, reconnection: false, forceNew: true });
const connected = (s) => new Promise((resolve) => {
  if (s.connected) return resolve({ result: 'connect' });
  s.once('connect', () => resolve({ result: 'connect' }));
  s.once('connect_error', (e) => resolve({ result: 'connect_error', message: e.message, data: e.data === undefined ? null : e.data }));
});
const ack = (s, command, payload) => s.timeout(5000).emitWithAck(command, payload).catch((e) => ({ timeout: String(e) }));
const within = (ms, p) => Promise.race([p, new Promise((r) => setTimeout(() => r(null), ms))]);
const pause = (ms) => new Promise((r) => setTimeout(r, ms));

// Prints {"done":true} and leaves once stdout is written.
function done() {
  out({ done: true });
  setTimeout(() => process.exit(0), 50);
}

module.exports = { out, guard, open, connected, ack, within, pause, done };
