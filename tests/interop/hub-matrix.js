'use strict';
// Stock socket.io-client 4.8.4 against OUR hub (tests/interop/tst_hubinterop.cpp starts it):
// several users of two cafes, each connected to the five namespaces with the default transports
// (polling, then the upgrade), run a cafe scenario that makes the hub emit all 17 events, and
// report who received what. usage: node hub-matrix.js <port> '<config json>'
// config: {users: {name: {token, cafe, role}}, cafeA, cafeB}
// Prints JSON lines; the last one is {"done":true, ...}. Exits when stdin closes, when done, or
// after 60 s, so it never outlives the test.
const { io } = require('socket.io-client');

const port = +process.argv[2];
const config = JSON.parse(process.argv[3]);
const url = `http://127.0.0.1:${port}`;
const NAMESPACES = ['/orders', '/inventory', '/employees', '/payments', '/system'];
const out = (o) => process.stdout.write(JSON.stringify(o) + '\n');

const received = {}; // user -> nsp -> 'event@cafe' -> count
const samples = {};  // user -> event -> [envelopes]
const sockets = {};  // user -> nsp -> socket
const problems = [];

function finish(extra) {
  for (const user of Object.values(sockets)) for (const s of Object.values(user)) s.close();
  out(Object.assign({ done: true, received, samples, problems }, extra || {}));
  setTimeout(() => process.exit(0), 50);
}
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
setTimeout(() => finish({ error: 'timed out' }), 60000).unref();

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function connect(name, user) {
  sockets[name] = {};
  received[name] = {};
  samples[name] = {};
  return Promise.all(NAMESPACES.map((nsp) => new Promise((resolve, reject) => {
    const s = io(url + nsp, {
      auth: { token: user.token },
      query: { cafe_id: user.cafe, user_role: user.role },
      reconnection: false,
    });
    sockets[name][nsp] = s;
    received[name][nsp] = {};
    // Counted per event and per cafe (meta.cafe_id), so a stray event of another cafe shows.
    s.onAny((event, envelope) => {
      const cafe = envelope && envelope.meta ? envelope.meta.cafe_id : 'none';
      const key = `${event}@${cafe}`;
      received[name][nsp][key] = (received[name][nsp][key] || 0) + 1;
      (samples[name][event] = samples[name][event] || []).push(envelope);
    });
    s.once('connect', resolve);
    s.once('connect_error', (e) => reject(new Error(`${name} ${nsp}: ${e.message}`)));
  })));
}

// A command with an ack; a refusal is a problem of the scenario, reported to the test.
async function cmd(user, nsp, command, payload) {
  const answer = await sockets[user][nsp].timeout(10000).emitWithAck(command, payload || {});
  if (!answer || !answer.ok) {
    problems.push({ user, command, answer });
    throw new Error(`${user} ${command}: ${JSON.stringify(answer)}`);
  }
  return answer.data;
}

async function scenario() {
  const menu = await cmd('managerA', '/orders', 'list_menu');
  const product = (name) => menu.products.find((p) => p.name === name).id;
  const inventory = await cmd('managerA', '/inventory', 'list_inventory');
  const item = (sku) => inventory.items.find((i) => i.sku === sku);
  const staff = (await cmd('managerA', '/employees', 'list_timesheets')).staff;
  const employee2 = staff.find((s) => s.name === config.employee2Name);
  const line = (name, quantity, customizations) => ({ product_id: product(name), quantity: quantity || 1, customizations: customizations || [] });

  // The employee follows Counter 1; the second employee follows no counter.
  await cmd('employeeA', '/orders', 'join_counter', { counter: 'Counter 1' });
  await cmd('employeeA', '/employees', 'clock_in', { notes: 'Started morning shift' });

  // A proxy order with a phone number: every field of order:created filled.
  const o1 = (await cmd('employeeA', '/orders', 'create_order', {
    customer_name: 'John Doe', customer_phone: '+1234567890', items: [line('Latte', 2, ['Extra shot'])],
    tip_amount: 2.0, ordered_for: employee2.user_id,
  })).order;
  await cmd('employeeA', '/employees', 'record_drink', { product_id: product('Latte'), order_id: o1.id });
  for (const status of ['preparing', 'ready', 'completed'])
    await cmd('employeeA', '/orders', 'update_order_status', { order_id: o1.id, status });

  // Moved by a manager from Counter 1 to Counter 2, then cancelled.
  const o2 = (await cmd('managerA', '/orders', 'create_order', { customer_name: 'Ann', items: [line('Espresso')] })).order;
  const c2 = o2.assigned_counter === 'Counter 1' ? 'Counter 2' : 'Counter 1';
  await cmd('managerA', '/orders', 'assign_counter', { order_id: o2.id, counter: c2, reason: 'Load balancing' });
  await cmd('managerA', '/orders', 'cancel_order', { order_id: o2.id, reason: 'Customer requested cancellation' });

  // Payments: cash completes, a card whose total ends in .13 is declined, a QR code is shown.
  const o3 = (await cmd('employeeA', '/orders', 'create_order', { customer_name: 'Cash', items: [line('Americano')] })).order;
  const cash = (await cmd('employeeA', '/payments', 'start_payment', { order_id: o3.id, method: 'cash' })).payment;
  await cmd('employeeA', '/payments', 'confirm_payment', { transaction_id: cash.transaction_id, amount_received: 10 });
  const plain = (await cmd('employeeA', '/orders', 'create_order', { customer_name: 'Probe', items: [line('Mocha')] })).order;
  const cents = Math.round(plain.totals.total_amount * 100);
  let tip = ((113 - (cents % 100)) % 100);
  if (tip === 0) tip = 100;
  const o4 = (await cmd('employeeA', '/orders', 'create_order', { customer_name: 'Declined', items: [line('Mocha')], tip_amount: tip / 100 })).order;
  await cmd('employeeA', '/payments', 'start_payment', { order_id: o4.id, method: 'card' });
  await cmd('employeeA', '/payments', 'start_payment', { order_id: plain.id, method: 'qr' });

  // Stock: croissants thrown away down to below the reorder level, then to nothing.
  const croissants = item('PAS001');
  await cmd('managerA', '/inventory', 'adjust_stock', { product_id: croissants.product_id, change_type: 'waste', quantity: croissants.current_stock - 5, notes: 'Dropped tray' });
  await cmd('managerA', '/inventory', 'adjust_stock', { product_id: croissants.product_id, change_type: 'waste', quantity: 5, notes: 'Stale' });

  // A counter closes with an order on it (moved away), then opens again.
  const o5 = (await cmd('employeeA', '/orders', 'create_order', { customer_name: 'Late', items: [line('Espresso')] })).order;
  await cmd('managerA', '/system', 'set_counter_status', { counter: o5.assigned_counter, status: 'inactive', reason: 'Equipment maintenance' });
  await cmd('managerA', '/system', 'set_counter_status', { counter: o5.assigned_counter, status: 'active', reason: 'Fixed' });
  await cmd('adminA', '/system', 'update_settings', { tip_suggestions: [0.12, 0.15, 0.18, 0.22], prep_time_minutes: 12 });
  await cmd('employeeA', '/employees', 'clock_out', { break_minutes: 0 });

  // Cafe B does its own business meanwhile.
  const menuB = await cmd('managerB', '/orders', 'list_menu');
  await cmd('managerB', '/orders', 'create_order', { customer_name: 'Other cafe', items: [{ product_id: menuB.products[0].id, quantity: 1 }] });

  // The card provider's answer and the throttled stock updates come from timers.
  const deadline = Date.now() + 15000;
  while (Date.now() < deadline && !(samples.adminA['payment:failed'])) await sleep(50);
  await sleep(2500);
}

(async () => {
  try {
    for (const [name, user] of Object.entries(config.users)) await connect(name, user);
    out({ connected: true, transports: Object.fromEntries(Object.entries(sockets).map(([n, s]) => [n, s['/orders'].io.engine.transport.name])) });
    await scenario();
    finish();
  } catch (e) {
    finish({ error: String(e && e.message || e) });
  }
})();
