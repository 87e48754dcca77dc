'use strict';
// Stock socket.io-client 4.8.4 against OUR hub: a manager adds, edits and mints a device token
// for a staff member (add_staff, update_staff, mint_device_token). Who may (an employee may not;
// a manager never at or for an admin), validation errors naming the field, request_id replays,
// who hears staff:updated, the new person signing in over HTTP (last_sign_in_at), the minted
// token connecting and being revoked. usage: node hub-staffadmin.js <port>
// '{"cafe":id,"manager":token,"admin":token,"employee":token}'. Prints one JSON line per step, then
// {"done":true}. Exits when stdin closes, when done, or after 30 s.
const { out, guard, open: openOn, connected, ack, within, pause, done } = require('./hub-client');

const port = +process.argv[2];
const tokens = JSON.parse(process.argv[3]);
guard();
const open = (nsp, token) => openOn(port, nsp, token);

const newcomer = { employee_id: 'EMP010', name: 'Nia Newcomer', role: 'employee', pin: '2468', hourly_rate: 14.25, drink_allowance: 3 };

(async () => {
  const manager = open('/employees', tokens.manager);
  const admin = open('/employees', tokens.admin);
  const employee = open('/employees', tokens.employee);
  const heard = { manager: [], admin: [], employee: [] };
  for (const [who, s] of [['manager', manager], ['admin', admin], ['employee', employee]])
    s.on('staff:updated', (e) => heard[who].push({ employee_id: e.data.employee_id, changes: e.data.changes, name: e.data.name, hourly_rate: e.data.hourly_rate }));
  out({ step: 'connect', results: [await connected(manager), await connected(admin), await connected(employee)].map((r) => r.result) });

  out({ step: 'employee refused', add: await ack(employee, 'add_staff', { ...newcomer, employee_id: 'EMP099' }),
    update: await ack(employee, 'update_staff', { employee_id: 'MGR001', name: 'X' }),
    mint: await ack(employee, 'mint_device_token', { employee_id: 'EMP001' }) });

  const bad = (over) => ack(manager, 'add_staff', { ...newcomer, ...over });
  out({ step: 'invalid', answers: {
    missingCode: await ack(manager, 'add_staff', { name: 'A', role: 'employee', pin: '1234', hourly_rate: 10 }),
    badCode: await bad({ employee_id: 'has space' }),
    emptyName: await bad({ name: '  ' }),
    longName: await bad({ name: 'n'.repeat(101) }),
    role: await bad({ role: 'boss' }),
    pin: await bad({ pin: '12' }),
    rate: await bad({ hourly_rate: -1 }),
    allowance: await bad({ drink_allowance: 5000 }),
    updateNothing: await ack(manager, 'update_staff', { employee_id: 'EMP001' }),
    updateRate: await ack(manager, 'update_staff', { employee_id: 'EMP001', hourly_rate: 'lots' }),
    updateUnknown: await ack(manager, 'update_staff', { employee_id: 'NOBODY', name: 'X' }),
    mintTtl: await ack(manager, 'mint_device_token', { employee_id: 'EMP001', ttl_days: 0 }),
    mintLabel: await ack(manager, 'mint_device_token', { employee_id: 'EMP001', label: 'l'.repeat(65) }),
  } });

  out({ step: 'above own role', addAdmin: await bad({ employee_id: 'ADM099', role: 'admin' }),
    updateAdmin: await ack(manager, 'update_staff', { employee_id: 'ADM001', name: 'Renamed' }),
    mintAdmin: await ack(manager, 'mint_device_token', { employee_id: 'ADM001' }),
    ownRate: await ack(manager, 'update_staff', { employee_id: 'MGR001', hourly_rate: 99 }) });

  const first = await ack(manager, 'add_staff', { ...newcomer, request_id: 'add-1' });
  const again = await ack(manager, 'add_staff', { ...newcomer, request_id: 'add-1' });
  const taken = await ack(manager, 'add_staff', { ...newcomer, employee_id: 'emp010' });
  await pause(300);
  out({ step: 'add', first, again, taken });

  const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ cafe_id: tokens.cafe, employee_code: 'EMP010', pin: '2468' }) });
  const signedIn = await login.json();
  const listed = await ack(manager, 'list_staff', {});
  out({ step: 'sign in', status: login.status, role: signedIn.user ? signedIn.user.role : null,
    staff: listed.ok ? listed.data.staff.find((s) => s.employee_id === 'EMP010') : listed });

  const update = await ack(manager, 'update_staff', { employee_id: 'EMP010', name: 'Nia Senior', hourly_rate: 15.75, drink_allowance: null, request_id: 'upd-1' });
  const updateAgain = await ack(manager, 'update_staff', { employee_id: 'EMP010', name: 'Nia Senior', hourly_rate: 15.75, drink_allowance: null, request_id: 'upd-1' });
  const unchanged = await ack(manager, 'update_staff', { employee_id: 'EMP010', name: 'Nia Senior' });
  await pause(300);
  out({ step: 'update', update, updateAgain, unchanged });

  const mint = await ack(manager, 'mint_device_token', { employee_id: 'EMP010', ttl_days: 7, label: 'Bar tablet', request_id: 'mint-1' });
  const mintAgain = await ack(manager, 'mint_device_token', { employee_id: 'EMP010', ttl_days: 7, label: 'Bar tablet', request_id: 'mint-1' });
  const device = open('/orders', mint.ok ? mint.data.token : 'none');
  const deviceConnect = await connected(device);
  const deviceList = await ack(device, 'list_orders', {});
  const dropped = new Promise((resolve) => device.once('disconnect', (reason) => resolve(reason)));
  const revoke = await ack(manager, 'revoke_staff_sessions', { employee_id: 'EMP010' });
  const reason = await within(5000, dropped);
  const retry = open('/orders', mint.ok ? mint.data.token : 'none');
  out({ step: 'mint', mint, mintAgain, deviceConnect: deviceConnect.result, deviceList: deviceList.ok === true,
    revoke: revoke.ok === true, reason, retry: await connected(retry) });
  retry.close();

  out({ step: 'admin adds an admin', answer: await ack(admin, 'add_staff', { ...newcomer, employee_id: 'ADM010', name: 'Second Admin', role: 'admin' }) });
  await pause(300);
  out({ step: 'heard', heard });
  for (const s of [manager, admin, employee]) s.close();
  done();
})();
