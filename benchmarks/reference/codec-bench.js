// The codec reference: socket.io-parser 4.2 and engine.io-parser 5.2 (what socket.io 4.8 and
// socket.io-client 4.8 use) on the contract's 17 envelopes, measured like tt_bench_codec: encode
// (envelope -> EVENT packet -> websocket frame text) and decode (frame text -> Engine.IO packet ->
// Socket.IO packet with its JSON, whose shape the decoder checks). Prints Google Benchmark's JSON
// shape (cpu_time in ns).
//   node codec-bench.js FIXTURES_DIR [--min-time SECONDS]
'use strict';
const fs = require('fs');
const path = require('path');
const parser = require('socket.io-parser');
const eio = require('engine.io-parser');

const dir = process.argv[2];
const minTimeArg = process.argv.indexOf('--min-time');
const minTime = minTimeArg > 0 ? Number(process.argv[minTimeArg + 1]) : 0.5;

function namespaceOf(event) {
  if (event.startsWith('order:')) return '/orders';
  if (event.startsWith('payment:') || event.startsWith('qr:')) return '/payments';
  if (event.startsWith('inventory:')) return '/inventory';
  if (event.startsWith('employee:')) return '/employees';
  return '/system';
}

const encoder = new parser.Encoder();
function encodeFrame(packet) {
  let frame;
  for (const part of encoder.encode(packet)) {
    // encodePacket is synchronous for strings.
    eio.encodePacket({ type: 'message', data: part }, true, (f) => { frame = f; });
  }
  return frame;
}
// One decoder for every call, as a socket.io client or server keeps one per connection (a new
// Decoder and listener per call would time their construction too).
const decoder = new parser.Decoder();
let decoded;
decoder.on('decoded', (p) => { decoded = p; });
function decodeFrame(frame) {
  const packet = eio.decodePacket(frame);
  decoded = undefined;
  decoder.add(packet.data);
  return decoded;
}

// Runs fn in batches until minTime has passed; CPU ns per call (process.cpuUsage, like the
// cpu_time column of Google Benchmark).
function measure(fn) {
  for (let i = 0; i < 2000; ++i) fn(); // warm up the JIT
  let iterations = 0;
  const wall0 = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  let batch = 1000;
  while (Number(process.hrtime.bigint() - wall0) / 1e9 < minTime) {
    for (let i = 0; i < batch; ++i) fn();
    iterations += batch;
  }
  const cpu = process.cpuUsage(cpu0);
  const wall = Number(process.hrtime.bigint() - wall0);
  return { iterations, cpu_time: ((cpu.user + cpu.system) * 1000) / iterations, real_time: wall / iterations };
}

const benchmarks = [];
for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
  const envelope = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
  const event = envelope.event;
  if (!event) continue;
  const packet = { type: parser.PacketType.EVENT, nsp: namespaceOf(event), data: [event, envelope] };
  const frame = encodeFrame(packet);
  let sink = 0;
  for (const [kind, fn] of [
    ['encode', () => { sink += encodeFrame(packet).length; }],
    ['decode', () => { sink += decodeFrame(frame).data.length; }],
  ]) {
    const m = measure(fn);
    benchmarks.push({ name: `${kind}/${event}`, iterations: m.iterations, real_time: m.real_time,
                      cpu_time: m.cpu_time, time_unit: 'ns', bytes: frame.length });
  }
  if (sink === 0) console.error('unexpected');
}
console.log(JSON.stringify({ context: { library: 'socket.io-parser 4.2 + engine.io-parser 5.2', node: process.version },
                             benchmarks }, null, 1));
