'use strict';
// Stock socket.io-client 4.8.4 as a ready board against OUR hub: usage
//   node hub-board.js <port> <board token>
// Connects to /orders with the board token, reads the board, tries every kind of command (each
// must be refused) and every other namespace (each must refuse the token), prints
// {"type":"ready"} and then one line per event it receives, until a line on stdin says
// "finish": then {"done":true}. Exits when stdin closes or after 60 s, so it never outlives the
// test.
const { io } = require('socket.io-client');

const port = +process.argv[2];
const token = process.argv[3];
const url = `http://127.0.0.1:${port}`;
const out = (o) => process.stdout.write(JSON.stringify(o) + '\n');
setTimeout(() => { out({ done: true, error: 'timed out' }); process.exit(0); }, 60000).unref();

const board = io(`${url}/orders`, { auth: { token }, reconnection: false });
board.onAny((name, ...args) => out({ type: 'event', name, args }));

let input = '';
process.stdin.on('data', (d) => {
  input += d;
  if (input.includes('finish')) { out({ done: true }); board.close(); setTimeout(() => process.exit(0), 50); }
});
process.stdin.on('end', () => process.exit(0));

function tryNamespace(nsp) {
  return new Promise((resolve) => {
    const s = io(`${url}${nsp}`, { auth: { token }, reconnection: false, forceNew: true });
    s.once('connect', () => { resolve({ nsp, result: 'connect' }); s.close(); });
    s.once('connect_error', (e) => { resolve({ nsp, result: 'connect_error', message: e.message, data: e.data || null }); s.close(); });
  });
}

board.once('connect_error', (e) => out({ type: 'connect_error', message: e.message, data: e.data || null }));
board.once('connect', async () => {
  const first = await board.timeout(5000).emitWithAck('list_board', {});
  out({ type: 'list', answer: first });
  const again = await board.timeout(5000).emitWithAck('list_board', {});
  out({ type: 'list_again', answer: again });
  const commands = [
    ['create_order', { customer_name: 'Mallory', items: [{ product_id: 'x', quantity: 1 }] }],
    ['update_order_status', { order_id: 'x', status: 'ready' }],
    ['cancel_order', { order_id: 'x', reason: 'no' }],
    ['list_orders', {}],
    ['list_menu', {}],
    ['join_counter', { counter: 'Counter 1' }],
    ['check_order_item', { order_id: 'x', item_id: 'y', made: true }],
  ];
  for (const [name, payload] of commands) {
    const answer = await board.timeout(5000).emitWithAck(name, payload).catch((e) => ({ timeout: String(e) }));
    out({ type: 'command', name, answer });
  }
  // Without an ack the refusal comes as an `error` event (printed by onAny).
  board.emit('update_order_status', { order_id: 'x', status: 'ready', request_id: 'board-1' });
  for (const nsp of ['/', '/inventory', '/employees', '/payments', '/system']) {
    out({ type: 'namespace', ...(await tryNamespace(nsp)) });
  }
  out({ type: 'ready' });
});
