'use strict';
// Stock socket.io-client 4.8.4 against OUR hub: timesheet corrections (correct_timesheet on
// /employees): a clock-in and clock-out moved, a forgotten shift closed, a break added; roles,
// validation errors naming the field, a request_id answering twice the same, timesheet:corrected
// to the managers and to the employee whose sheet it is (not to a colleague, not to another
// cafe), and list_timesheets carrying corrections and warnings (the employee sees only their
// own). usage: node hub-timesheets.js <port>
// '{"manager":..,"admin":..,"employee":..,"employee2":..,"outsider":..}'. One JSON line per
// step, then {"done":true}.
const { out, guard, open, connected, ack, pause, done } = require('./hub-client');

const port = +process.argv[2];
const tokens = JSON.parse(process.argv[3]);
guard();

const ago = (minutes) => new Date(Date.now() - minutes * 60000).toISOString().replace(/\.\d+Z$/, 'Z');

(async () => {
  const names = ['manager', 'admin', 'employee', 'employee2', 'outsider'];
  const s = {};
  const heard = {};
  for (const n of names) {
    s[n] = open(port, '/employees', tokens[n]);
    heard[n] = [];
    s[n].on('timesheet:corrected', (e) => heard[n].push(e.data.timesheet.user_id));
  }
  out({ step: 'connect', results: (await Promise.all(names.map((n) => connected(s[n])))).map((r) => r.result) });
  const { manager, admin, employee, employee2, outsider } = s;

  // A short closed shift of the employee, and an open one of the second employee.
  await ack(employee, 'clock_in', {});
  await pause(50);
  const closed = (await ack(employee, 'clock_out', {})).data.timesheet_id;
  const open2 = (await ack(employee2, 'clock_in', {})).data.timesheet_id;

  out({ step: 'refused', closed, open2,
    employee: await ack(employee, 'correct_timesheet', { timesheet_id: closed, clock_in: ago(60), reason: 'mine' }),
    noReason: await ack(manager, 'correct_timesheet', { timesheet_id: closed, clock_in: ago(60) }),
    blankReason: await ack(manager, 'correct_timesheet', { timesheet_id: closed, clock_in: ago(60), reason: '  ' }),
    nothing: await ack(manager, 'correct_timesheet', { timesheet_id: closed, reason: 'x' }),
    badTime: await ack(manager, 'correct_timesheet', { timesheet_id: closed, clock_in: 'yesterday', reason: 'x' }),
    noOffset: await ack(manager, 'correct_timesheet', { timesheet_id: closed, clock_in: '2024-01-01T08:00:00', reason: 'x' }),
    future: await ack(manager, 'correct_timesheet', { timesheet_id: closed, clock_in: ago(-60), reason: 'x' }),
    outBeforeIn: await ack(manager, 'correct_timesheet', { timesheet_id: closed, clock_in: ago(60), clock_out: ago(90), reason: 'x' }),
    breakTooLong: await ack(manager, 'correct_timesheet', { timesheet_id: closed, clock_in: ago(60), break_minutes: 90, reason: 'x' }),
    breakOnOpen: await ack(manager, 'correct_timesheet', { timesheet_id: open2, break_minutes: 15, reason: 'x' }),
    unknown: await ack(manager, 'correct_timesheet', { timesheet_id: 'no-such-sheet', clock_in: ago(60), reason: 'x' }),
    otherCafe: await ack(outsider, 'correct_timesheet', { timesheet_id: closed, clock_in: ago(60), reason: 'x' }) });

  // The employee's shift really began 9 hours ago and ended an hour ago, without a break.
  const move = { timesheet_id: closed, clock_in: ago(540), clock_out: ago(60), reason: 'clocked in late on the tablet', request_id: 'correct-js-1' };
  const moved = await ack(manager, 'correct_timesheet', move);
  const replay = await ack(manager, 'correct_timesheet', move);
  const unchanged = await ack(manager, 'correct_timesheet', { timesheet_id: closed, clock_out: move.clock_out, reason: 'again' });
  const breakAdded = await ack(admin, 'correct_timesheet', { timesheet_id: closed, break_minutes: 30, reason: 'took a break', request_id: 'correct-js-2' });
  // The forgotten shift: open since 13 hours, then closed half an hour ago with a break.
  const longOpen = await ack(manager, 'correct_timesheet', { timesheet_id: open2, clock_in: ago(780), reason: 'clocked in on paper' });
  // A second shift of the employee may not be moved into the first.
  await ack(employee, 'clock_in', {});
  await pause(50);
  const second = (await ack(employee, 'clock_out', {})).data.timesheet_id;
  const overlap = await ack(manager, 'correct_timesheet', { timesheet_id: second, clock_in: ago(300), reason: 'x' });
  const listedOpen = (await ack(manager, 'list_timesheets', {})).data.timesheets.find((t) => t.timesheet_id === open2);
  const closedForgotten = await ack(manager, 'correct_timesheet', { timesheet_id: open2, clock_out: ago(30), break_minutes: 45, reason: 'forgot to clock out' });
  await pause(300);
  out({ step: 'corrected', second, moved, replay, unchanged, breakAdded, longOpen, overlap, listedOpen, closedForgotten,
    heard: Object.fromEntries(names.map((n) => [n, heard[n]])) });

  const own = await ack(employee, 'list_timesheets', {});
  const other = await ack(employee, 'list_timesheets', { user_id: JSON.parse(Buffer.from(tokens.employee2.split('.')[1], 'base64url')).sub || 'x' });
  const all = await ack(manager, 'list_timesheets', {});
  out({ step: 'listed', own, other, all });
  for (const n of names) s[n].close();
  done();
})();
