'use strict';
// Stock socket.io-client 4.8.4 against OUR hub: a stock alert acknowledged once for every
// console (acknowledge_alert on /inventory, inventory:alert_acknowledged to the whole cafe and
// nobody else), validation errors naming the field, a request_id answering twice the same, an
// alert acknowledged twice sending one event, the /inventory snapshot carrying who acknowledged
// it, and a new alert after a restock asking again. usage: node hub-alerts.js <port>
// '{"manager":token,"employee":token,"employee2":token,"outsider":token}' (the first three of one
// cafe, the outsider a manager of another). Prints one JSON line
// per step, then {"done":true}. Exits when stdin closes, when done, or after 30 s.
const { out, guard, open, connected, ack, pause, done } = require('./hub-client');

const port = +process.argv[2];
const tokens = JSON.parse(process.argv[3]);
guard();

(async () => {
  const names = ['manager', 'employee', 'employee2', 'outsider'];
  const sockets = {};
  const heard = {};
  for (const n of names) {
    sockets[n] = open(port, '/inventory', tokens[n]);
    heard[n] = { acknowledged: [], low: [] };
    sockets[n].on('inventory:alert_acknowledged', (e) => heard[n].acknowledged.push(e));
    sockets[n].on('inventory:low_stock', (e) => heard[n].low.push(e.data.priority));
  }
  out({ step: 'connect', results: (await Promise.all(names.map((n) => connected(sockets[n])))).map((r) => r.result) });
  const { manager, employee, employee2, outsider } = sockets;

  // An item well above its reorder level, taken down to one unit: a low-stock alert.
  const listed = await ack(manager, 'list_inventory', {});
  const item = listed.data.items.find((i) => i.reorder_level > 1 && i.current_stock > i.reorder_level);
  const before = item.alert;
  const waste = await ack(manager, 'adjust_stock', { product_id: item.product_id, change_type: 'waste', quantity: item.current_stock - 1 });
  await pause(300);
  const raised = (await ack(employee, 'list_inventory', {})).data.items.find((i) => i.product_id === item.product_id).alert;
  const alertId = raised && raised.alert_id;
  out({ step: 'raised', item: item.product_id, before, waste: waste.ok, alert: raised, lowHeard: names.map((n) => heard[n].low.length) });

  out({ step: 'invalid', missing: await ack(employee, 'acknowledge_alert', {}),
    wrongType: await ack(employee, 'acknowledge_alert', { alert_id: 42 }),
    unknown: await ack(employee, 'acknowledge_alert', { alert_id: 'no-such-alert' }),
    unknownItem: await ack(employee, 'acknowledge_alert', { product_id: 'no-such-item' }),
    otherCafe: await ack(outsider, 'acknowledge_alert', { alert_id: alertId }) });

  const first = await ack(employee, 'acknowledge_alert', { alert_id: alertId, request_id: 'ack-js-1' });
  const replay = await ack(employee, 'acknowledge_alert', { alert_id: alertId, request_id: 'ack-js-1' });
  const second = await ack(employee2, 'acknowledge_alert', { product_id: item.product_id, request_id: 'ack-js-2' });
  await pause(300);
  out({ step: 'acknowledged', first, replay, second,
    heard: Object.fromEntries(names.map((n) => [n, heard[n].acknowledged])) });
  const snapshot = await ack(employee2, 'list_inventory', {});
  out({ step: 'snapshot', alert: snapshot.data.items.find((i) => i.product_id === item.product_id).alert });

  // Restocked above the reorder level and down again: a new alert, not acknowledged; the old
  // one is over.
  await ack(manager, 'adjust_stock', { product_id: item.product_id, change_type: 'purchase', quantity: item.reorder_level * 2 });
  const restocked = (await ack(manager, 'list_inventory', {})).data.items.find((i) => i.product_id === item.product_id);
  await ack(manager, 'adjust_stock', { product_id: item.product_id, change_type: 'waste', quantity: restocked.current_stock - 1 });
  await pause(300);
  const again = (await ack(manager, 'list_inventory', {})).data.items.find((i) => i.product_id === item.product_id);
  out({ step: 'rearmed', restockedAlert: restocked.alert, alert: again.alert, lowHeard: heard.manager.low.length,
    oldAlert: await ack(employee, 'acknowledge_alert', { alert_id: alertId }) });
  for (const n of names) sockets[n].close();
  done();
})();
