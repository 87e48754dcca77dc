'use strict';
// Stock socket.io-client 4.8.4 handshakes against OUR hub with good and bad tokens and queries:
// each case connects to /orders (default transports) and reports connect or connect_error with
// the server's message and data. usage: node hub-auth.js <port> '<json [{name, token, query}]>'
// Prints one JSON line per case, then {"done":true}. Exits when stdin closes, when done, or after
// 30 s, so it never outlives the test.
const { io } = require('socket.io-client');

const port = +process.argv[2];
const cases = JSON.parse(process.argv[3]);
const out = (o) => process.stdout.write(JSON.stringify(o) + '\n');
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
setTimeout(() => { out({ done: true, error: 'timed out' }); process.exit(0); }, 30000).unref();

function attempt(c) {
  return new Promise((resolve) => {
    const options = { reconnection: false, query: c.query || {} };
    if (c.token !== null) options.auth = { token: c.token };
    const s = io(`http://127.0.0.1:${port}/orders`, options);
    s.once('connect', () => {
      // A connected socket proves it can work: ask for the menu.
      s.timeout(5000).emitWithAck('list_menu', {}).then(
        (answer) => { resolve({ name: c.name, result: 'connect', ok: !!(answer && answer.ok) }); s.close(); },
        (e) => { resolve({ name: c.name, result: 'connect', ok: false, error: String(e) }); s.close(); });
    });
    s.once('connect_error', (e) => {
      resolve({ name: c.name, result: 'connect_error', message: e.message, data: e.data === undefined ? null : e.data });
      s.close();
    });
  });
}

(async () => {
  for (const c of cases) out(await attempt(c));
  out({ done: true });
  setTimeout(() => process.exit(0), 50);
})();
