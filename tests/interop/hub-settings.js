'use strict';
// Stock socket.io-client 4.8.4 against OUR hub: the cafe settings the back office edits
// (update_settings with the age thresholds, business-day start and break rule; get_settings with
// its history) and stock levels (set_stock_levels on /inventory): roles, validation errors naming
// the field, a request_id answering twice the same, and who hears cafe:settings_updated,
// inventory:levels_changed and inventory:low_stock. usage: node hub-settings.js <port>
// '{"manager":..,"admin":..,"employee":..,"outsider":..}' (the first three of one cafe, the
// outsider a manager of another). Prints one JSON line per step, then {"done":true}.
const { out, guard, open, connected, ack, pause, done } = require('./hub-client');

const port = +process.argv[2];
const tokens = JSON.parse(process.argv[3]);
guard();

(async () => {
  const names = ['manager', 'admin', 'employee', 'outsider'];
  const system = {};
  const inventory = {};
  const heard = {};
  for (const n of names) {
    system[n] = open(port, '/system', tokens[n]);
    inventory[n] = open(port, '/inventory', tokens[n]);
    heard[n] = { settings: [], levels: [], low: [] };
    system[n].on('cafe:settings_updated', (e) => heard[n].settings.push(e));
    inventory[n].on('inventory:levels_changed', (e) => heard[n].levels.push(e));
    inventory[n].on('inventory:low_stock', (e) => heard[n].low.push(e.data.product_id));
  }
  const all = [...Object.values(system), ...Object.values(inventory)];
  out({ step: 'connect', results: (await Promise.all(all.map(connected))).map((r) => r.result) });
  const { manager, admin, employee, outsider } = system;

  out({ step: 'defaults', answer: await ack(employee, 'get_settings', {}) });

  out({ step: 'settings refused',
    employee: await ack(employee, 'update_settings', { age_warning_seconds: 400 }),
    tooShort: await ack(manager, 'update_settings', { age_warning_seconds: 5 }),
    notInteger: await ack(manager, 'update_settings', { break_after_minutes: 'six hours' }),
    badTime: await ack(manager, 'update_settings', { business_day_start: '25:00' }),
    badTip: await ack(manager, 'update_settings', { tip_suggestions: [0.1, 2] }),
    lateBeforeWarning: await ack(manager, 'update_settings', { age_warning_seconds: 600, age_late_seconds: 300 }),
    breakRule: await ack(manager, 'update_settings', { break_after_minutes: 30, break_minimum_minutes: 45 }),
    unknownOnly: await ack(manager, 'update_settings', { colour: 'blue' }) });

  const change = { age_warning_seconds: 420, age_late_seconds: 900, business_day_start: '04:30',
    break_after_minutes: 300, break_minimum_minutes: 20, request_id: 'settings-js-1' };
  const first = await ack(manager, 'update_settings', change);
  const replay = await ack(manager, 'update_settings', change);
  const second = await ack(admin, 'update_settings', { age_late_seconds: 960, request_id: 'settings-js-2' });
  await pause(300);
  out({ step: 'settings changed', first, replay, second,
    heard: Object.fromEntries(names.map((n) => [n, heard[n].settings])) });
  out({ step: 'history', answer: await ack(employee, 'get_settings', {}),
    outsider: await ack(outsider, 'get_settings', {}) });

  // Stock levels: an item raised above its stock raises an alert; back to 0 clears it.
  const items = (await ack(inventory.manager, 'list_inventory', {})).data.items;
  const item = items.find((i) => i.current_stock > 1 && !i.low_stock);
  const inv = inventory;
  out({ step: 'levels refused', item: item.product_id,
    employee: await ack(inv.employee, 'set_stock_levels', { item_id: item.product_id, reorder_level: 5 }),
    missing: await ack(inv.manager, 'set_stock_levels', { reorder_level: 5 }),
    nothing: await ack(inv.manager, 'set_stock_levels', { item_id: item.product_id }),
    negative: await ack(inv.manager, 'set_stock_levels', { item_id: item.product_id, reorder_level: -1 }),
    maxBelow: await ack(inv.manager, 'set_stock_levels', { item_id: item.product_id, reorder_level: 50, max_stock: 10 }),
    unknown: await ack(inv.manager, 'set_stock_levels', { item_id: 'no-such-item', reorder_level: 5 }),
    otherCafe: await ack(inv.outsider, 'set_stock_levels', { item_id: item.product_id, reorder_level: 5 }) });

  const raise = { item_id: item.product_id, reorder_level: item.current_stock + 10,
    max_stock: item.current_stock + 100, request_id: 'levels-js-1' };
  const raised = await ack(inv.manager, 'set_stock_levels', raise);
  const raisedReplay = await ack(inv.manager, 'set_stock_levels', raise);
  await pause(300);
  const afterRaise = (await ack(inv.employee, 'list_inventory', {})).data.items.find((i) => i.product_id === item.product_id);
  const cleared = await ack(inv.admin, 'set_stock_levels', { sku: item.sku, reorder_level: 0 });
  await pause(300);
  const afterClear = (await ack(inv.employee, 'list_inventory', {})).data.items.find((i) => i.product_id === item.product_id);
  out({ step: 'levels changed', raised, raisedReplay, afterRaise, cleared, afterClear,
    levelsHeard: names.map((n) => heard[n].levels.length), lowHeard: names.map((n) => heard[n].low.length) });
  for (const s of all) s.close();
  done();
})();
