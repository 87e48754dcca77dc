'use strict';
// Stock socket.io-client 4.8.4 against OUR hub: a chain owner's overview and open_cafe, the cafe
// token it gives connecting to that cafe (and refused for another through the query), and the
// refusals of a manager and an admin without the grant.
// usage: node hub-chain.js <port> '{"owner":token,"manager":token,"admin":token,"cafe":id,"other":id}'.
// Prints one JSON line per step, then {"done":true}. Exits when stdin closes, when done, or after 30 s.
const { io } = require('socket.io-client');
const { out, guard, open: openOn, connected, ack, done } = require('./hub-client');

const port = +process.argv[2];
const tokens = JSON.parse(process.argv[3]);
guard();
const open = (nsp, token) => openOn(port, nsp, token);

(async () => {
  const owner = open('/system', tokens.owner);
  const manager = open('/system', tokens.manager);
  const admin = open('/system', tokens.admin);
  out({ step: 'connect', results: [await connected(owner), await connected(manager), await connected(admin)].map((r) => r.result) });

  out({ step: 'overview', owner: await ack(owner, 'chain_overview', {}),
    manager: await ack(manager, 'chain_overview', {}), admin: await ack(admin, 'chain_overview', {}),
    adminOpens: await ack(admin, 'open_cafe', { cafe: tokens.cafe }) });

  const opened = await ack(owner, 'open_cafe', { cafe: tokens.cafe });
  const token = opened.ok ? opened.data.token : 'none';
  const cafeOrders = open('/orders', token);
  const cafeSystem = open('/system', token);
  const asCafe = [await connected(cafeOrders), await connected(cafeSystem)].map((r) => r.result);
  const listed = await ack(cafeOrders, 'list_orders', {});
  const settings = await ack(cafeSystem, 'get_settings', {});
  const chainFromCafe = await ack(cafeSystem, 'chain_overview', {});
  const other = io(`http://127.0.0.1:${port}/orders`, { auth: { token }, query: { cafe_id: tokens.other }, reconnection: false, forceNew: true });
  out({ step: 'open', opened, asCafe, listed: listed.ok === true, cafeOfSettings: settings.ok ? settings.data.cafe.id : settings,
    chainFromCafe, other: await connected(other) });
  for (const s of [owner, manager, admin, cafeOrders, cafeSystem, other]) s.close();
  done();
})();
