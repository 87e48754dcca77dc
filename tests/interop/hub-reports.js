'use strict';
// Stock socket.io-client 4.8.4 against OUR hub: get_report on /system. An employee is refused,
// bad requests name the field (report, date, to), a manager and an admin get the day, service
// and staff reports of today's business date after a paid order and a shift.
// usage: node hub-reports.js <port> '{"manager":..,"admin":..,"employee":..}'. One JSON line
// per step, then {"done":true}.
const { out, guard, open, connected, ack, done } = require('./hub-client');

const port = +process.argv[2];
const tokens = JSON.parse(process.argv[3]);
guard();

(async () => {
  const names = ['manager', 'admin', 'employee'];
  const sys = {};
  for (const n of names) sys[n] = open(port, '/system', tokens[n]);
  const orders = open(port, '/orders', tokens.employee);
  const payments = open(port, '/payments', tokens.employee);
  const staff = open(port, '/employees', tokens.employee);
  const all = [...names.map((n) => sys[n]), orders, payments, staff];
  out({ step: 'connect', results: (await Promise.all(all.map((s) => connected(s)))).map((r) => r.result) });

  const date = (await ack(sys.manager, 'get_settings', {})).data.business_date;
  const menu = (await ack(orders, 'list_menu', {})).data;
  const latte = menu.products.find((p) => p.name === 'Latte').id;
  await ack(staff, 'clock_in', {});
  const order = (await ack(orders, 'create_order', {
    customer_name: 'Wire Report', items: [{ product_id: latte, quantity: 2 }], tip_amount: 1.5,
  })).data.order;
  const started = (await ack(payments, 'start_payment', { order_id: order.id, method: 'cash' })).data.payment;
  await ack(payments, 'confirm_payment', { transaction_id: started.transaction_id, amount_received: 20 });
  await ack(staff, 'clock_out', { break_minutes: 0 });

  out({ step: 'refused', date,
    employee: await ack(sys.employee, 'get_report', { report: 'day', date }),
    unknownReport: await ack(sys.manager, 'get_report', { report: 'weekly', date }),
    noDate: await ack(sys.manager, 'get_report', { report: 'day' }),
    badDate: await ack(sys.manager, 'get_report', { report: 'day', date: '07/12/2026' }),
    badTo: await ack(sys.manager, 'get_report', { report: 'day', date, to: 'soon' }),
    backwards: await ack(sys.manager, 'get_report', { report: 'day', date: '2026-01-10', to: '2026-01-01' }),
    tooLong: await ack(sys.manager, 'get_report', { report: 'staff', date: '2026-01-01', to: '2026-06-01' }),
  });
  out({ step: 'reports', date, order,
    day: await ack(sys.manager, 'get_report', { report: 'day', date }),
    service: await ack(sys.manager, 'get_report', { report: 'service', date, to: date }),
    staff: await ack(sys.admin, 'get_report', { report: 'staff', date }),
  });
  for (const s of all) s.close();
  done();
})();
