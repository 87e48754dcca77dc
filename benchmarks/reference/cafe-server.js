// The cafe-realistic reference: stock socket.io 4.8 + better-sqlite3 doing what the hub does for
// `create_order` in /orders: verify the handshake token (HS256 JWT, cafe from the token, query
// must agree), rate-limit per user, validate the payload against the menu, compute totals, pick
// the least-loaded counter, store order, items, stock movement, history and the event in one
// durable transaction (WAL, synchronous=FULL, like the hub), ack, then emit order:created to
// the cafe's room. One transaction per command, the way better-sqlite3 code is usually written.
//
// Env: PORT (0 picks one), DB (file), SECRET (JWT key), CAFE_ID, MENU (tabletap-menu JSON).
// Prints {"ready":true,"port":N} when listening.
'use strict';
const crypto = require('crypto');
const fs = require('fs');
const http = require('http');
const Database = require('better-sqlite3');
const { Server } = require('socket.io');

const secret = process.env.SECRET || 'bench-secret';
const cafeId = process.env.CAFE_ID || 'bench';
const db = new Database(process.env.DB || ':memory:');
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('foreign_keys = ON');

db.exec(`
CREATE TABLE IF NOT EXISTS ingredients (id TEXT PRIMARY KEY, sku TEXT UNIQUE, name TEXT, unit TEXT,
  stock INTEGER NOT NULL, reorder_level INTEGER, max_stock INTEGER);
CREATE TABLE IF NOT EXISTS products (id TEXT PRIMARY KEY, name TEXT UNIQUE, category TEXT,
  price_cents INTEGER NOT NULL, auto_disabled INTEGER NOT NULL DEFAULT 0, retired INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS recipe_lines (product_id TEXT, item_id TEXT, quantity INTEGER);
CREATE TABLE IF NOT EXISTS customizations (id TEXT PRIMARY KEY, product_id TEXT, name TEXT, price_cents INTEGER);
CREATE TABLE IF NOT EXISTS customization_lines (customization_id TEXT, item_id TEXT, quantity INTEGER);
CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, active INTEGER NOT NULL DEFAULT 1);
CREATE TABLE IF NOT EXISTS orders (id TEXT PRIMARY KEY, order_number TEXT UNIQUE, business_date TEXT,
  daily_seq INTEGER, customer_name TEXT, customer_phone TEXT, status TEXT, counter TEXT,
  subtotal_cents INTEGER, tax_cents INTEGER, tip_cents INTEGER, total_cents INTEGER,
  estimated_ready_at INTEGER, created_at INTEGER, created_by_id TEXT, created_by_name TEXT,
  created_by_role TEXT, notes TEXT, updated_at INTEGER);
CREATE INDEX IF NOT EXISTS orders_by_date ON orders(business_date, daily_seq);
CREATE INDEX IF NOT EXISTS orders_by_counter ON orders(counter, status);
CREATE TABLE IF NOT EXISTS order_items (id TEXT PRIMARY KEY, order_id TEXT, product_id TEXT,
  product_name TEXT, quantity INTEGER, unit_price_cents INTEGER, customizations TEXT);
CREATE TABLE IF NOT EXISTS order_history (order_id TEXT, status TEXT, at INTEGER, user_id TEXT, notes TEXT);
CREATE TABLE IF NOT EXISTS stock_movements (item_id TEXT, change INTEGER, reason TEXT, order_id TEXT, at INTEGER);
CREATE TABLE IF NOT EXISTS events (id TEXT PRIMARY KEY, name TEXT, nsp TEXT, rooms TEXT, envelope TEXT, at INTEGER);
`);

// The menu, loaded once into an empty database.
if (db.prepare('SELECT COUNT(*) AS n FROM products').get().n === 0) {
  const menu = JSON.parse(fs.readFileSync(process.env.MENU || `${__dirname}/bench-menu.json`, 'utf8'));
  const load = db.transaction(() => {
    const bySku = new Map();
    for (const i of menu.ingredients) {
      const id = crypto.randomUUID();
      bySku.set(i.sku, id);
      db.prepare('INSERT INTO ingredients VALUES (?,?,?,?,?,?,?)')
        .run(id, i.sku, i.name, i.unit, i.stock, i.reorder_level, i.max_stock);
    }
    for (const p of menu.products) {
      const id = crypto.randomUUID();
      db.prepare('INSERT INTO products (id, name, category, price_cents) VALUES (?,?,?,?)')
        .run(id, p.name, p.category || 'other', Math.round(p.price * 100));
      for (const r of p.recipe || [])
        db.prepare('INSERT INTO recipe_lines VALUES (?,?,?)').run(id, bySku.get(r.sku), r.quantity);
      for (const c of p.customizations || []) {
        const cid = crypto.randomUUID();
        db.prepare('INSERT INTO customizations VALUES (?,?,?,?)')
          .run(cid, id, c.name, Math.round((c.price || 0) * 100));
        for (const r of c.recipe || [])
          db.prepare('INSERT INTO customization_lines VALUES (?,?,?)').run(cid, bySku.get(r.sku), r.quantity);
      }
    }
    for (const name of ['Counter 1', 'Counter 2'])
      db.prepare('INSERT INTO counters (name) VALUES (?)').run(name);
  });
  load();
}

const q = {
  product: db.prepare('SELECT name, price_cents, auto_disabled, retired FROM products WHERE id = ?'),
  recipe: db.prepare('SELECT item_id, quantity FROM recipe_lines WHERE product_id = ?'),
  custom: db.prepare('SELECT id, name, price_cents FROM customizations WHERE product_id = ? AND (id = ? OR name = ?)'),
  customLines: db.prepare('SELECT item_id, quantity FROM customization_lines WHERE customization_id = ?'),
  stock: db.prepare('SELECT name, stock FROM ingredients WHERE id = ?'),
  takeStock: db.prepare('UPDATE ingredients SET stock = stock - ? WHERE id = ?'),
  movement: db.prepare('INSERT INTO stock_movements VALUES (?,?,?,?,?)'),
  loads: db.prepare(`SELECT c.name AS name, (SELECT COUNT(*) FROM orders o WHERE o.counter = c.name
                       AND o.status IN ('pending','preparing')) AS n FROM counters c WHERE c.active = 1`),
  nextSeq: db.prepare('SELECT COALESCE(MAX(daily_seq), 0) + 1 AS seq FROM orders WHERE business_date = ?'),
  insertOrder: db.prepare(`INSERT INTO orders VALUES (?,?,?,?,?,?,'pending',?,?,?,?,?,?,?,?,?,?,?,?)`),
  insertItem: db.prepare('INSERT INTO order_items VALUES (?,?,?,?,?,?,?)'),
  history: db.prepare('INSERT INTO order_history VALUES (?,?,?,?,?)'),
  event: db.prepare('INSERT INTO events VALUES (?,?,?,?,?,?)'),
};

class CommandError extends Error {
  constructor(type, message, field) {
    super(message);
    this.type = type;
    this.field = field;
  }
}

const iso = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const money = (cents) => Math.round(cents) / 100;
const hasControl = (s) => /[\u0000-\u001f\u007f]/.test(s);

function requireString(o, key, max, optional) {
  const v = o[key];
  if (v === undefined || v === null) {
    if (optional) return undefined;
    throw new CommandError('INVALID_DATA', `${key} is required`, key);
  }
  if (typeof v !== 'string' || (!optional && v.length === 0) || v.length > max || hasControl(v))
    throw new CommandError('INVALID_DATA', `${key} must be a string of at most ${max} characters`, key);
  return v;
}

const createOrder = db.transaction((actor, p) => {
  if (typeof p !== 'object' || p === null || Array.isArray(p))
    throw new CommandError('INVALID_DATA', 'the payload must be an object', 'payload');
  const customerName = requireString(p, 'customer_name', 100);
  const phone = requireString(p, 'customer_phone', 32, true);
  if (phone && !/^\+?[0-9][0-9 ()-]{2,30}$/.test(phone))
    throw new CommandError('INVALID_DATA', 'customer_phone must be a phone number', 'customer_phone');
  const notes = requireString(p, 'notes', 500, true);
  if (!Array.isArray(p.items) || p.items.length < 1 || p.items.length > 50)
    throw new CommandError('INVALID_DATA', 'items must be an array of 1 to 50 items', 'items');
  let tipCents = 0;
  if (p.tip_amount !== undefined) {
    if (typeof p.tip_amount !== 'number' || p.tip_amount < 0 || p.tip_amount > 1000
        || Math.abs(p.tip_amount * 100 - Math.round(p.tip_amount * 100)) > 1e-6)
      throw new CommandError('INVALID_DATA', 'tip_amount must be money up to 1000.00', 'tip_amount');
    tipCents = Math.round(p.tip_amount * 100);
  }
  const needs = new Map();
  const lines = [];
  let subtotal = 0;
  p.items.forEach((item, i) => {
    const at = `items[${i}]`;
    if (typeof item !== 'object' || item === null)
      throw new CommandError('INVALID_DATA', `${at} must be an object`, at);
    const productId = requireString(item, 'product_id', 64);
    const quantity = item.quantity;
    if (!Number.isInteger(quantity) || quantity < 1 || quantity > 99)
      throw new CommandError('INVALID_DATA', `${at}.quantity must be an integer from 1 to 99`, `${at}.quantity`);
    const product = q.product.get(productId);
    if (!product || product.retired)
      throw new CommandError('NOT_FOUND', `product ${productId} is not on the menu`, `${at}.product_id`);
    if (product.auto_disabled)
      throw new CommandError('CONFLICT', `${product.name} is unavailable (out of stock)`, `${at}.product_id`);
    let unit = product.price_cents;
    for (const r of q.recipe.all(productId))
      needs.set(r.item_id, (needs.get(r.item_id) || 0) + r.quantity * quantity);
    const customs = item.customizations || [];
    if (!Array.isArray(customs) || customs.length > 10)
      throw new CommandError('INVALID_DATA', `${at}.customizations must be at most 10 names`, `${at}.customizations`);
    const chosen = [];
    customs.forEach((c, k) => {
      const field = `${at}.customizations[${k}]`;
      if (typeof c !== 'string' || c.length === 0 || c.length > 64)
        throw new CommandError('INVALID_DATA', `${field} must be a customization name or id`, field);
      const row = q.custom.get(productId, c, c);
      if (!row) throw new CommandError('NOT_FOUND', `${product.name} has no customization "${c}"`, field);
      if (chosen.includes(row.name))
        throw new CommandError('INVALID_DATA', `customization "${row.name}" given twice`, field);
      chosen.push(row.name);
      unit += row.price_cents;
      for (const l of q.customLines.all(row.id))
        needs.set(l.item_id, (needs.get(l.item_id) || 0) + l.quantity * quantity);
    });
    subtotal += unit * quantity;
    lines.push({ productId, name: product.name, quantity, unit, chosen });
  });
  for (const [itemId, need] of needs) {
    const s = q.stock.get(itemId);
    if (!s || s.stock < need)
      throw new CommandError('CONFLICT', `not enough ${s ? s.name : itemId} for this order`, 'items');
  }
  const loads = q.loads.all();
  if (loads.length === 0) throw new CommandError('CONFLICT', 'no active counter can take orders');
  loads.sort((a, b) => a.n - b.n || a.name.localeCompare(b.name));
  const counter = loads[0].name;
  const now = Date.now();
  const date = new Date(now).toISOString().slice(0, 10);
  const seq = q.nextSeq.get(date).seq;
  const number = `ORD${date.replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
  const tax = Math.round((subtotal * 80000) / 1000000); // 8 %
  const total = subtotal + tax + tipCents;
  const estimate = now + (5 + loads[0].n) * 60000;
  const orderId = crypto.randomUUID();
  q.insertOrder.run(orderId, number, date, seq, customerName, phone || null, counter, subtotal, tax,
    tipCents, total, estimate, now, actor.id, actor.name, actor.role, notes || null, now);
  const items = lines.map((l) => {
    const id = crypto.randomUUID();
    q.insertItem.run(id, orderId, l.productId, l.name, l.quantity, l.unit, JSON.stringify(l.chosen));
    return { id, product_name: l.name, quantity: l.quantity, unit_price: money(l.unit),
             total_price: money(l.unit * l.quantity), customizations: l.chosen };
  });
  for (const [itemId, need] of needs) {
    q.takeStock.run(need, itemId);
    q.movement.run(itemId, -need, 'sale', orderId, now);
  }
  q.history.run(orderId, 'pending', now, actor.id, null);
  const order = {
    id: orderId, order_number: number, cafe_id: cafeId, customer_name: customerName,
    customer_phone: phone || null, status: 'pending', assigned_counter: counter, items,
    totals: { subtotal: money(subtotal), tax_amount: money(tax), tip_amount: money(tipCents),
              total_amount: money(total) },
    estimated_ready_at: iso(estimate), created_at: iso(now),
    created_by: { id: actor.id, name: actor.name, role: actor.role },
    proxy_order_info: { is_proxy: false, ordered_for: null },
  };
  const eventId = `evt_${crypto.randomUUID()}`;
  const envelope = { event: 'order:created', data: { order },
                     meta: { timestamp: iso(now), cafe_id: cafeId, event_id: eventId } };
  q.event.run(eventId, 'order:created', '/orders', `cafe:${cafeId}`, JSON.stringify(envelope), now);
  return { order, envelope };
});

// HS256 tokens as the hub mints them: {sub, name, role, cafe_id, token_type, iat, exp}.
function verifyToken(token) {
  if (typeof token !== 'string') return null;
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const expected = crypto.createHmac('sha256', secret).update(`${parts[0]}.${parts[1]}`).digest();
  const given = Buffer.from(parts[2], 'base64url');
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null;
  let header, claims;
  try {
    header = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8'));
    claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (header.alg !== 'HS256' || claims.token_type !== 'access') return null;
  if (typeof claims.exp !== 'number' || claims.exp * 1000 < Date.now()) return null;
  if (!['employee', 'manager', 'admin'].includes(claims.role) || claims.cafe_id !== cafeId) return null;
  return claims;
}

// Per user: a bucket of 100 commands refilled at 50 per second (the hub's defaults).
const buckets = new Map();
function allow(userId) {
  const now = Date.now();
  const b = buckets.get(userId) || { tokens: 100, at: now };
  b.tokens = Math.min(100, b.tokens + ((now - b.at) / 1000) * 50);
  b.at = now;
  buckets.set(userId, b);
  if (b.tokens < 1) return false;
  b.tokens -= 1;
  return true;
}

const httpServer = http.createServer();
const io = new Server(httpServer, { cors: { origin: '*' } });
const orders = io.of('/orders');
orders.use((socket, next) => {
  const auth = socket.handshake.auth || {};
  let token = auth.token;
  if (typeof token === 'string' && token.startsWith('Bearer ')) token = token.slice(7);
  const claims = verifyToken(token);
  const query = socket.handshake.query || {};
  if (!claims || (query.cafe_id && query.cafe_id !== claims.cafe_id)
      || (query.user_role && query.user_role !== claims.role)) {
    const err = new Error('Authentication error');
    err.data = { type: 'INVALID_TOKEN' };
    return next(err);
  }
  socket.data.actor = { id: claims.sub, name: claims.name, role: claims.role };
  next();
});
const menuQuery = db.prepare(`SELECT id, name, category, price_cents, auto_disabled FROM products
                              WHERE retired = 0 ORDER BY name`);
orders.on('connection', (socket) => {
  const actor = socket.data.actor;
  socket.on('list_menu', (payload, ack) => {
    if (typeof ack !== 'function') return;
    const products = menuQuery.all().map((p) => ({
      id: p.id, name: p.name, category: p.category, price: money(p.price_cents),
      available: !p.auto_disabled, disabled: !!p.auto_disabled,
    }));
    ack({ ok: true, data: { currency: 'USD', tax_rate: 0.08, products } });
  });
  socket.join([`cafe:${cafeId}`, `cafe:${cafeId}:orders`, `cafe:${cafeId}:role:${actor.role}`,
               `user:${actor.id}`]);
  socket.on('create_order', (payload, ack) => {
    let answer;
    let envelope = null;
    if (!allow(actor.id)) {
      answer = { ok: false, error: { type: 'RATE_LIMITED', message: 'too many commands' } };
    } else {
      try {
        const r = createOrder(actor, payload);
        answer = { ok: true, data: { order: r.order } };
        envelope = r.envelope;
      } catch (e) {
        if (!(e instanceof CommandError)) throw e;
        answer = { ok: false, error: { type: e.type, message: e.message, field: e.field } };
      }
    }
    if (typeof ack === 'function') ack(answer);
    else if (!answer.ok) socket.emit('error', { ...answer.error, command: 'create_order' });
    if (envelope) orders.to(`cafe:${cafeId}`).emit('order:created', envelope);
  });
});

httpServer.listen(Number(process.env.PORT || 0), '127.0.0.1', () => {
  const { port } = httpServer.address();
  console.log(JSON.stringify({ ready: true, pid: process.pid, port, impl: 'socket.io+better-sqlite3' }));
});
