'use strict';
// Stock socket.io-client 4.8.4 against OUR hub: item check-off (check_order_item, the hub's own
// command) over the wire. Users of cafe A (two employees, a manager, an admin) and a manager of
// cafe B listen on /orders (the employee on /system too); the employee creates a two-item order,
// commands with bad payloads are refused naming the field, every role ticks or unticks, a
// request_id answers twice the same, and the last item makes the order ready.
// usage: node hub-items.js <port> '{"employee":{token},"employee2":...,"manager":...,"admin":...,"managerB":...}'
// Prints one JSON line per step, then {"done":true, received}. Exits when stdin closes, when
// done, or after 30 s.
const { io } = require('socket.io-client');

const port = +process.argv[2];
const users = JSON.parse(process.argv[3]);
const out = (o) => process.stdout.write(JSON.stringify(o) + '\n');
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
const received = {}; // user@nsp -> [envelopes of the order's events]
const sockets = [];
function finish(extra) {
  for (const s of sockets) s.close();
  out(Object.assign({ done: true, received }, extra || {}));
  setTimeout(() => process.exit(0), 50);
}
setTimeout(() => finish({ error: 'timed out' }), 30000).unref();

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
function open(name, nsp) {
  const s = io(`http://127.0.0.1:${port}${nsp}`, { auth: { token: users[name].token }, reconnection: false, forceNew: true });
  sockets.push(s);
  const key = `${name}@${nsp}`;
  received[key] = [];
  s.onAny((event, envelope) => received[key].push(envelope));
  return new Promise((resolve, reject) => {
    s.once('connect', () => resolve(s));
    s.once('connect_error', (e) => reject(new Error(`${key}: ${e.message}`)));
  });
}
const ack = (s, command, payload) => s.timeout(5000).emitWithAck(command, payload).catch((e) => ({ timeout: String(e) }));

(async () => {
  try {
    const s = {};
    for (const name of Object.keys(users)) s[name] = await open(name, '/orders');
    await open('employee', '/system');
    const menu = (await ack(s.employee, 'list_menu', {})).data;
    const product = (name) => menu.products.find((p) => p.name === name).id;
    const created = await ack(s.employee, 'create_order', {
      customer_name: 'Wire Tick', items: [{ product_id: product('Latte'), quantity: 1 }, { product_id: product('Espresso'), quantity: 2 }],
    });
    const order = created.data.order;
    const [first, second] = order.items.map((i) => i.id);
    out({ step: 'created', order_id: order.id, items: [first, second] });
    for (const [label, payload] of [
      ['made not boolean', { order_id: order.id, item_id: first, made: 'yes' }],
      ['no item', { order_id: order.id, made: true }],
      ['item not string', { order_id: order.id, item_id: 5, made: true }],
      ['no order', { item_id: first, made: true }],
      ['unknown item', { order_id: order.id, item_id: 'nope', made: true }],
    ])
      out({ step: 'refused', label, answer: await ack(s.employee, 'check_order_item', payload) });
    out({ step: 'other cafe', answer: await ack(s.managerB, 'check_order_item', { order_id: order.id, item_id: first, made: true }) });
    const tick = { order_id: order.id, item_id: first, made: true, request_id: 'wire-tick-1' };
    out({ step: 'employee ticks', first: await ack(s.employee, 'check_order_item', tick), again: await ack(s.employee, 'check_order_item', tick) });
    out({ step: 'manager unticks', answer: await ack(s.manager, 'check_order_item', { order_id: order.id, item_id: first, made: false }) });
    out({ step: 'admin ticks', answer: await ack(s.admin, 'check_order_item', { order_id: order.id, item_id: first, made: true }) });
    out({ step: 'employee2 ticks the last', answer: await ack(s.employee2, 'check_order_item', { order_id: order.id, item_id: second, made: true }) });
    await sleep(500); // events after the last ack
    // Only this order's events count (an earlier test's timers may still emit).
    for (const key of Object.keys(received))
      received[key] = received[key].filter((e) => e && e.data && (e.data.order_id === order.id || (e.data.order && e.data.order.id === order.id)));
    finish();
  } catch (e) {
    finish({ error: String(e && e.message || e) });
  }
})();
