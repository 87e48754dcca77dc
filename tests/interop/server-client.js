'use strict';
// Stock socket.io-client 4.8.4 against OUR server (tests/server/tst_serverinterop.cpp starts the
// hub in process). usage: node server-client.js <port> <scenario>
// Prints JSON lines; the last one is {"done":true,"result":{...}}. Exits when stdin closes, when
// the scenario ends, or after 20 s, so it never outlives the test.
const { io, Manager } = require('socket.io-client');

const port = +process.argv[2];
const scenario = process.argv[3];
const url = `http://127.0.0.1:${port}`;
const result = {};
const sockets = [];

function finish(extra) {
  Object.assign(result, extra || {});
  process.stdout.write(JSON.stringify({ done: true, result }) + '\n');
  for (const s of sockets) s.close();
  setTimeout(() => process.exit(0), 50);
}
function fail(message) { finish({ error: message }); }
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
setTimeout(() => fail('timed out in scenario ' + scenario), 20000).unref();

function open(path, opts) {
  const s = io(url + (path || ''), Object.assign({ reconnectionDelay: 100, reconnectionDelayMax: 200 }, opts || {}));
  sockets.push(s);
  s.on('connect_error', (e) => { result.connectError = { message: e.message, data: e.data === undefined ? null : e.data }; });
  return s;
}
const once = (s, ev) => new Promise((r) => s.once(ev, (...a) => r(a)));
const ack = (s, ...args) => new Promise((r) => s.emit(...args, (...a) => r(a)));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// The welcome event arrives with the CONNECT reply, so listen before connecting.
function openWithWelcome(opts) {
  const s = open('', opts);
  s.welcome = once(s, 'welcome');
  return s;
}

async function basics(s) {
  const [welcome] = await s.welcome;
  result.welcome = welcome;
  result.echo = await ack(s, 'echo', 'hello', 42, { nested: [true] });
  const [bin] = await ack(s, 'bin', Buffer.from([1, 2, 3, 250]));
  result.binaryBack = Buffer.isBuffer(bin) ? [...bin] : null;
  // Server -> client ack: the server asks, we answer, it reports what it got.
  s.on('question', (q, cb) => cb({ answer: q * 2 }));
  const received = once(s, 'answer-received');
  s.emit('ask-me', 21);
  result.serverGotAck = (await received)[0];
}

const scenarios = {
  async default() {
    const s = openWithWelcome({ auth: { name: 'default' } });
    // The transport the session opened on: by the time 'connect' fires the upgrade may already
    // be done (a slow server answers CONNECT after the probe), so read it at the engine's open.
    s.io.once('open', () => { result.firstTransport = s.io.engine.transport.name; });
    await once(s, 'connect');
    if (s.io.engine.transport.name !== 'websocket') await once(s.io.engine, 'upgrade');
    result.upgradedTo = s.io.engine.transport.name;
    await basics(s);
    finish();
  },
  async websocket() {
    const s = openWithWelcome({ transports: ['websocket'], auth: { name: 'ws' } });
    await once(s, 'connect');
    result.firstTransport = s.io.engine.transport.name;
    await basics(s);
    finish();
  },
  async polling() {
    const s = openWithWelcome({ transports: ['polling'], auth: { name: 'poll' } });
    await once(s, 'connect');
    await basics(s);
    await sleep(300);
    result.finalTransport = s.io.engine.transport.name;
    finish();
  },
  async namespaces() {
    const manager = new Manager(url, { reconnectionDelay: 100 });
    const a = manager.socket('/a', { auth: { name: 'na' } });
    const b = manager.socket('/b', { auth: { name: 'nb' } });
    sockets.push(a, b);
    const [[ha], [hb]] = await Promise.all([once(a, 'hello'), once(b, 'hello')]);
    result.hello = [ha, hb];
    result.sameEngine = a.io.engine === b.io.engine;
    result.engineId = a.io.engine.id;
    result.echoA = await ack(a, 'echo', 'on a');
    finish();
  },
  async acks() {
    const s = open('', { auth: { name: 'acks' } });
    await once(s, 'connect');
    result.echo = await ack(s, 'echo', 1, '2', [3]);
    result.timeoutError = await new Promise((r) =>
      s.timeout(300).emit('no-answer', (err) => r(err ? err.message : null)));
    s.on('question', (q, cb) => cb({ answer: q * 2 }));
    const received = once(s, 'answer-received');
    s.emit('ask-me', 5);
    result.serverGotAck = (await received)[0];
    finish();
  },
  async rooms() {
    const names = ['r-a', 'r-b', 'r-c'];
    const heard = { 'r-a': [], 'r-b': [], 'r-c': [] };
    const ss = names.map((n) => open('', { transports: ['websocket'], auth: { name: n } }));
    await Promise.all(ss.map((s) => once(s, 'connect')));
    ss.forEach((s, i) => s.on('heard', (m) => heard[names[i]].push(m)));
    await ack(ss[0], 'join', 'red');
    await ack(ss[1], 'join', 'red');
    await ack(ss[1], 'join', 'blue');
    await ack(ss[2], 'join', 'blue');
    await ack(ss[2], 'join', 'muted');
    // To red and blue, except muted: a and b once each, not c.
    await ack(ss[0], 'shout', { to: ['red', 'blue'], except: ['muted'], msg: 'm1' });
    // To blue only.
    await ack(ss[0], 'shout', { to: ['blue'], except: [], msg: 'm2' });
    await sleep(200);
    result.heard = heard;
    finish();
  },
  async refusal() {
    const s = open('/private', { auth: { name: 'refused' } });
    await once(s, 'connect_error');
    await sleep(50);
    result.active = s.active;
    finish();
  },
  async silent() {
    // Stops answering pings once connected; the server must drop us.
    const s = open('', { transports: ['websocket'], auth: { name: 'silent' }, reconnection: false });
    await once(s, 'connect');
    const engine = s.io.engine;
    const send = engine._sendPacket.bind(engine);
    engine._sendPacket = (type, ...rest) => (type === 'pong' ? undefined : send(type, ...rest));
    result.silencedAt = Date.now();
    const [reason] = await once(s, 'disconnect');
    result.clientReason = reason;
    finish();
  },
  async recovery() {
    const s = open('', { transports: ['websocket'], auth: { name: 'rec' } });
    const ticks = [];
    s.on('tick', (n) => ticks.push(n));
    await once(s, 'connect');
    result.firstRecovered = s.recovered;
    result.firstId = s.id;
    await ack(s, 'join', 'news');
    s.emit('tick-me'); // the server emits tick 1 to "news"
    await new Promise((r) => { const t = setInterval(() => { if (ticks.length) { clearInterval(t); r(); } }, 10); });
    const disconnected = once(s, 'disconnect');
    s.emit('dropme'); // the server drops the transport, then emits ticks 2 and 3 to "news"
    result.disconnectReason = (await disconnected)[0];
    await once(s, 'connect');
    result.recovered = s.recovered;
    result.sameId = s.id === result.firstId;
    await sleep(100);
    result.ticks = ticks;
    finish();
  },
};

if (!scenarios[scenario]) fail('unknown scenario ' + scenario);
else scenarios[scenario]().catch((e) => fail(String(e && e.stack || e)));
