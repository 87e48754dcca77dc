'use strict';
// Stock socket.io-client 4.8.4 against OUR hub while the menu is edited and items are taken off
// sale ("86"): roles, validation errors naming the field, request_id answering twice the same,
// menu:updated and menu:availability_changed reaching every console of the cafe (and no other
// cafe), create_order refused while off sale, the hub putting an item back on sale by itself
// when its time comes (the test moves the hub's clock when this script says "advance clock" and
// answers with a line on stdin), retire / restore, import_menu merge and replace.
// usage: node hub-menu.js <port> '{"manager":..,"employee":..,"employee2":..,"outsider":..}'
// <hub time ISO>. Prints one JSON line per step, then {"done":true}.
const { out, open, connected, ack, pause, within, done } = require('./hub-client');

const port = +process.argv[2];
const tokens = JSON.parse(process.argv[3]);
const hubNow = Date.parse(process.argv[4]);
// Like hub-client's guard, but stdin also carries the test's "clock advanced" lines.
let advanced = null;
process.stdin.on('data', () => { if (advanced) advanced(); });
process.stdin.on('end', () => process.exit(0));
setTimeout(() => { out({ done: true, error: 'timed out' }); process.exit(0); }, 40000).unref();

const errorOf = (answer) => (answer && answer.error ? `${answer.error.type}/${answer.error.field || ''}` : (answer && answer.ok ? 'ok' : JSON.stringify(answer)));

(async () => {
  const names = ['manager', 'employee', 'employee2', 'outsider'];
  const sockets = {};
  const heard = {};
  for (const n of names) {
    sockets[n] = open(port, '/orders', tokens[n]);
    heard[n] = { updated: [], availability: [] };
    sockets[n].on('menu:updated', (e) => heard[n].updated.push(e.data));
    sockets[n].on('menu:availability_changed', (e) => heard[n].availability.push(e.data));
  }
  out({ step: 'connect', results: (await Promise.all(names.map((n) => connected(sockets[n])))).map((r) => r.result) });
  const { manager, employee, employee2 } = sockets;
  const reset = () => names.forEach((n) => { heard[n] = { updated: [], availability: [] }; });
  const counts = (kind) => names.map((n) => heard[n][kind].length);

  const menu = (await ack(employee, 'list_menu', {})).data.products;
  const withCustom = menu.find((p) => p.customizations.length > 0 && p.available);
  const other = menu.find((p) => p !== withCustom && p.customizations.length > 0 && p.available);
  const item = withCustom.recipe[0];

  // save_product: roles and validation naming the field.
  out({ step: 'save invalid',
    employee: errorOf(await ack(employee, 'save_product', { name: 'X', price: 1 })),
    noName: errorOf(await ack(manager, 'save_product', { price: 1 })),
    noPrice: errorOf(await ack(manager, 'save_product', { name: 'X' })),
    badPrice: errorOf(await ack(manager, 'save_product', { name: 'X', price: 1.234 })),
    unknownItem: errorOf(await ack(manager, 'save_product', { name: 'X', price: 1, recipe: [{ item_id: 'no-such-item', quantity: 1 }] })),
    zeroQuantity: errorOf(await ack(manager, 'save_product', { name: 'X', price: 1, recipe: [{ item_id: item.product_id, quantity: 0 }] })),
    customName: errorOf(await ack(manager, 'save_product', { name: 'X', price: 1, customizations: [{ price: 1 }] })),
    sameName: errorOf(await ack(manager, 'save_product', { name: withCustom.name, price: 1 })),
    unknownProduct: errorOf(await ack(manager, 'save_product', { product_id: 'no-such-product', name: 'X', price: 1 })) });

  reset();
  const payload = { name: 'Cardamom Latte', category: 'seasonal', price: 4.8,
    recipe: [{ item_id: item.product_id, quantity: 2 }],
    customizations: [{ name: 'Oat milk', price: 0.6 }, { name: 'Honey', price: 0.3 }], request_id: 'menu-js-1' };
  const created = await ack(manager, 'save_product', payload);
  const replay = await ack(manager, 'save_product', payload);
  await pause(300);
  out({ step: 'created', created, replay, heard: names.map((n) => heard[n].updated) });
  const product = created.data.product;

  // Edit: rename a customization by id, drop the other, new price.
  reset();
  const oat = product.customizations.find((c) => c.name === 'Oat milk');
  const edited = await ack(manager, 'save_product', { product_id: product.id, name: 'Cardamom Latte', category: 'seasonal', price: 5,
    recipe: [{ sku: item.sku, quantity: 3 }], customizations: [{ id: oat.id, name: 'Oat drink', price: 0.7 }] });
  await pause(300);
  out({ step: 'edited', edited, oatId: oat.id, heard: counts('updated') });

  // set_availability: validation, then an employee 86s a product for an hour.
  const until = new Date(hubNow + 3600 * 1000).toISOString();
  out({ step: 'availability invalid',
    none: errorOf(await ack(employee, 'set_availability', { available: false, reason: 'x' })),
    both: errorOf(await ack(employee, 'set_availability', { product_id: withCustom.id, customization_id: oat.id, available: false, reason: 'x' })),
    noReason: errorOf(await ack(employee, 'set_availability', { product_id: withCustom.id, available: false })),
    noAvailable: errorOf(await ack(employee, 'set_availability', { product_id: withCustom.id, reason: 'x' })),
    badUntil: errorOf(await ack(employee, 'set_availability', { product_id: withCustom.id, available: false, reason: 'x', until: 'tomorrow' })),
    pastUntil: errorOf(await ack(employee, 'set_availability', { product_id: withCustom.id, available: false, reason: 'x', until: new Date(hubNow - 60000).toISOString() })),
    unknown: errorOf(await ack(employee, 'set_availability', { product_id: 'no-such-product', available: false, reason: 'x' })),
    otherCafe: errorOf(await ack(sockets.outsider, 'set_availability', { product_id: withCustom.id, available: false, reason: 'x' })) });

  reset();
  const off = { product_id: withCustom.id, available: false, reason: 'Espresso machine broken', until, request_id: 'menu-js-86' };
  const offFirst = await ack(employee, 'set_availability', off);
  const offReplay = await ack(employee, 'set_availability', off);
  const customOff = await ack(employee2, 'set_availability', { customization_id: other.customizations[0].id, available: false, reason: 'Out of syrup' });
  await pause(300);
  const listed = (await ack(employee2, 'list_menu', {})).data.products;
  const order = (p, customizations) => ack(employee, 'create_order', { customer_name: 'Walk-in', items: [{ product_id: p.id, quantity: 1, customizations }] });
  out({ step: 'off sale', first: offFirst, replay: offReplay, customOff,
    heard: Object.fromEntries(names.map((n) => [n, heard[n].availability])),
    listed: listed.find((p) => p.id === withCustom.id),
    listedCustom: listed.find((p) => p.id === other.id).customizations[0],
    orderProduct: await order(withCustom, []),
    orderCustom: await order(other, [other.customizations[0].name]),
    orderOther: errorOf(await order(other, [])) });

  // The hub's clock moves past `until`: the product comes back by itself, to every console.
  reset();
  const back = new Promise((resolve) => employee2.on('menu:availability_changed', (e) => { if (e.data.available && e.data.product_id === withCustom.id) resolve(e.data); }));
  const clockMoved = new Promise((resolve) => { advanced = resolve; });
  out({ step: 'advance clock', by: 3600 * 1000 + 1000 });
  await within(10000, clockMoved);
  const backEvent = await within(10000, back);
  await pause(200);
  const afterBack = (await ack(employee, 'list_menu', {})).data.products;
  const handBack = await ack(employee2, 'set_availability', { customization_id: other.customizations[0].id, available: true });
  const handBackAgain = await ack(employee2, 'set_availability', { customization_id: other.customizations[0].id, available: true });
  await pause(300);
  out({ step: 'back on sale', event: backEvent, heard: counts('availability'),
    listed: afterBack.find((p) => p.id === withCustom.id),
    handBack, handBackAgain, orderAfter: errorOf(await order(withCustom, [])) });

  // Retire and restore.
  reset();
  const retireDenied = errorOf(await ack(employee, 'retire_product', { product_id: product.id }));
  const retired = await ack(manager, 'retire_product', { product_id: product.id });
  const retiredAgain = await ack(manager, 'retire_product', { product_id: product.id });
  await pause(300);
  const visible = (await ack(employee, 'list_menu', {})).data.products.some((p) => p.id === product.id);
  const withRetired = (await ack(employee, 'list_menu', { include_retired: true })).data.products.find((p) => p.id === product.id);
  const orderRetired = errorOf(await order(product, []));
  const restored = await ack(manager, 'restore_product', { product_id: product.id });
  await pause(300);
  out({ step: 'retire', retireDenied, retired, retiredAgain, visible, withRetired, orderRetired, restored,
    heard: names.map((n) => heard[n].updated) });

  // import_menu: roles, validation, merge, replace (with list_menu's own answer, less one).
  reset();
  const tea = { name: 'Imported Tea', category: 'tea', price: 2.2, recipe: [{ sku: item.sku, quantity: 1 }], customizations: [{ name: 'Lemon', price: 0 }] };
  const importInvalid = {
    employee: errorOf(await ack(employee, 'import_menu', { mode: 'merge', products: [tea] })),
    mode: errorOf(await ack(manager, 'import_menu', { mode: 'overwrite', products: [tea] })),
    empty: errorOf(await ack(manager, 'import_menu', { mode: 'merge', products: [] })),
    price: errorOf(await ack(manager, 'import_menu', { mode: 'merge', products: [tea, { name: 'Y', price: 'free' }] })),
    sku: errorOf(await ack(manager, 'import_menu', { mode: 'merge', products: [{ ...tea, recipe: [{ sku: 'NO-SUCH-SKU', quantity: 1 }] }] })),
    twice: errorOf(await ack(manager, 'import_menu', { mode: 'merge', products: [tea, tea] })) };
  const merged = await ack(manager, 'import_menu', { mode: 'merge', products: [tea], request_id: 'menu-js-import' });
  const mergedReplay = await ack(manager, 'import_menu', { mode: 'merge', products: [tea], request_id: 'menu-js-import' });
  await pause(300);
  const mergedHeard = counts('updated');
  const current = (await ack(manager, 'list_menu', {})).data.products;
  const dropped = current.find((p) => p.name === 'Imported Tea');
  reset();
  const replaced = await ack(manager, 'import_menu', { mode: 'replace', products: current.filter((p) => p !== dropped) });
  await pause(300);
  const afterReplace = (await ack(manager, 'list_menu', {})).data.products;
  out({ step: 'import', importInvalid, merged, mergedReplay, mergedHeard, droppedId: dropped && dropped.id, replaced,
    removedHeard: names.map((n) => heard[n].updated.map((u) => u.removed || [])),
    before: current.length, after: afterReplace.length,
    sameIds: afterReplace.every((p) => current.some((c) => c.id === p.id)) });

  for (const n of names) sockets[n].close();
  done();
})();
