'use strict';
// Stock socket.io-client 4.8.4 against OUR hub while a manager changes staff: the employee's live
// sockets are dropped when the manager disables them (after hearing staff:updated), their token
// is refused afterwards; a second employee made manager acts as one on the socket they already
// have, while their old token is refused at the next handshake; a manager cannot act above their
// own role; a request_id answers twice the same. usage: node hub-staff.js <port>
// '{"manager":token,"employee":token,"employee2":token}'. Prints one JSON line per step, then
// {"done":true}. Exits when stdin closes, when done, or after 30 s.
const { out, guard, open: openOn, connected, ack, within, done } = require('./hub-client');

const port = +process.argv[2];
const tokens = JSON.parse(process.argv[3]);
guard();
const open = (nsp, token) => openOn(port, nsp, token);

(async () => {
  const employeeOrders = open('/orders', tokens.employee);
  const employeeStaff = open('/employees', tokens.employee);
  const heard = [];
  employeeStaff.on('staff:updated', (e) => heard.push(e.data.changes));
  const dropped = Promise.all([employeeOrders, employeeStaff].map(
    (s) => new Promise((resolve) => s.once('disconnect', (reason) => resolve(reason)))));
  const manager = open('/employees', tokens.manager);
  const employee2 = open('/employees', tokens.employee2);
  out({ step: 'connect', results: [await connected(employeeOrders), await connected(employeeStaff),
    await connected(manager), await connected(employee2)].map((r) => r.result) });
  out({ step: 'employee2 list_staff before', answer: await ack(employee2, 'list_staff', {}) });

  const first = await ack(manager, 'disable_staff', { employee_id: 'EMP001', request_id: 'js-1' });
  const again = await ack(manager, 'disable_staff', { employee_id: 'EMP001', request_id: 'js-1' });
  out({ step: 'disable', first, again });
  out({ step: 'employee dropped', reasons: await within(5000, dropped), heard });
  const retry = open('/orders', tokens.employee);
  out({ step: 'employee reconnects', ...(await connected(retry)) });
  retry.close();

  out({ step: 'promote', answer: await ack(manager, 'set_staff_role', { employee_id: 'EMP002', role: 'manager' }) });
  out({ step: 'employee2 list_staff after', connected: employee2.connected, answer: await ack(employee2, 'list_staff', {}) });
  const oldToken = open('/orders', tokens.employee2);
  out({ step: 'employee2 old token', ...(await connected(oldToken)) });
  oldToken.close();

  out({ step: 'above own role', demoteAdmin: await ack(manager, 'set_staff_role', { employee_id: 'ADM001', role: 'employee' }),
    grantAdmin: await ack(manager, 'set_staff_role', { employee_id: 'EMP002', role: 'admin' }) });
  for (const s of [manager, employee2]) s.close();
  done();
})();
