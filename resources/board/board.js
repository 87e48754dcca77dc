// The ready board: reads the cafe's open orders through a read-only board token and keeps two
// columns current. Everything from the network goes into the page as text (textContent), never
// as markup. The token comes from the address's fragment (#token=...), which the browser never
// sends to any server, so it stays out of logs and Referer headers.
'use strict';

(function () {
  const texts = {
    en: {
      orders: 'Orders', preparing: 'Preparing', ready: 'Ready for pickup',
      connecting: 'Connecting…', reconnecting: 'Connection lost, reconnecting…', live: '',
      noToken: 'This board has no token: open it as /board#token=… (tabletap-hub board-token).',
      refused: 'The hub refused this board\'s token: ', retry: ' Trying again in 30 s.',
      speechOn: 'Call-out: on', speechOff: 'Call-out: off', noSpeech: 'Call-out: not available',
      callout: (name, ticket) => (name ? name + ', order ' + ticket + ' is ready.'
                                       : 'Order ' + ticket + ' is ready.'),
    },
    de: {
      orders: 'Bestellungen', preparing: 'In Zubereitung', ready: 'Zur Abholung bereit',
      connecting: 'Verbinde…', reconnecting: 'Verbindung verloren, verbinde neu…', live: '',
      noToken: 'Dieser Anzeige fehlt das Token: als /board#token=… öffnen (tabletap-hub board-token).',
      refused: 'Der Hub hat das Token dieser Anzeige abgelehnt: ',
      retry: ' Neuer Versuch in 30 s.',
      speechOn: 'Ansage: an', speechOff: 'Ansage: aus', noSpeech: 'Ansage: nicht verfügbar',
      callout: (name, ticket) => (name ? name + ', Bestellung ' + ticket + ' ist fertig.'
                                       : 'Bestellung ' + ticket + ' ist fertig.'),
    },
  };
  const lang = (navigator.language || 'en').toLowerCase().startsWith('de') ? 'de' : 'en';
  const t = texts[lang];
  document.documentElement.lang = lang;

  const $ = (id) => document.getElementById(id);
  const orders = new Map(); // order_number -> row {order_number, ticket, name, status, ...}
  let cafeName = '';
  let speaking = false;

  function setStatus(text, problem) {
    $('status').textContent = text;
    $('status').classList.toggle('problem', !!problem);
  }

  function setTitle() {
    $('title').textContent = cafeName || t.orders;
    document.title = cafeName ? cafeName + ' – ' + t.orders : t.orders;
  }

  function item(row, newest) {
    const li = document.createElement('li');
    li.dataset.orderNumber = String(row.order_number);
    li.dataset.status = String(row.status);
    if (newest) li.classList.add('newest');
    const ticket = document.createElement('span');
    ticket.className = 'ticket';
    ticket.textContent = String(row.ticket);
    const name = document.createElement('span');
    name.className = 'name';
    name.textContent = String(row.name || '');
    li.append(ticket, name);
    return li;
  }

  function render() {
    const rows = Array.from(orders.values());
    const preparing = rows.filter((r) => r.status === 'pending' || r.status === 'preparing')
      .sort((a, b) => String(a.created_at).localeCompare(String(b.created_at)));
    // Newest ready first: the one just called is on top and highlighted.
    const ready = rows.filter((r) => r.status === 'ready')
      .sort((a, b) => String(b.updated_at).localeCompare(String(a.updated_at)));
    $('preparing-list').replaceChildren(...preparing.map((r) => item(r, false)));
    $('ready-list').replaceChildren(...ready.map((r, i) => item(r, i === 0)));
  }

  function callOut(row) {
    if (!speaking || !('speechSynthesis' in window)) return;
    const u = new SpeechSynthesisUtterance(t.callout(String(row.name || ''), String(row.ticket)));
    u.lang = lang === 'de' ? 'de-DE' : 'en-US';
    window.speechSynthesis.speak(u);
  }

  function apply(row) {
    if (!row || typeof row !== 'object' || row.order_number === undefined) return;
    const key = String(row.order_number);
    const before = orders.get(key);
    if (row.status === 'pending' || row.status === 'preparing' || row.status === 'ready') {
      orders.set(key, row);
    } else {
      orders.delete(key); // completed or cancelled: off the board
    }
    if (row.status === 'ready' && (!before || before.status !== 'ready')) callOut(row);
    render();
  }

  function setUpSpeech() {
    const button = $('speech');
    if (!('speechSynthesis' in window)) {
      button.textContent = t.noSpeech;
      button.disabled = true;
      return;
    }
    const show = () => {
      button.textContent = speaking ? t.speechOn : t.speechOff;
      button.setAttribute('aria-pressed', speaking ? 'true' : 'false');
    };
    // Off until someone at the TV turns it on: the click is what lets the browser speak.
    button.addEventListener('click', () => {
      speaking = !speaking;
      if (!speaking) window.speechSynthesis.cancel();
      show();
    });
    show();
  }

  function start() {
    $('preparing-title').textContent = t.preparing;
    $('ready-title').textContent = t.ready;
    setTitle();
    setUpSpeech();
    const token = new URLSearchParams(location.hash.slice(1)).get('token');
    if (!token) {
      setStatus(t.noToken, true);
      return;
    }
    setStatus(t.connecting, false);
    // Default transports and the manager's own reconnection (forever, with back-off).
    const socket = io(location.origin + '/orders', { auth: { token: token } });
    let retry = null;
    const connectLater = (ms) => {
      if (retry === null) retry = setTimeout(() => { retry = null; socket.connect(); }, ms);
    };
    socket.on('connect', () => {
      setStatus(t.live, false);
      socket.timeout(10000).emitWithAck('list_board', {}).then((answer) => {
        if (!answer || !answer.ok) return;
        cafeName = String(answer.data.cafe_name || '');
        setTitle();
        orders.clear();
        for (const row of answer.data.orders || []) {
          if (row && row.order_number !== undefined) orders.set(String(row.order_number), row);
        }
        render();
      }, () => socket.disconnect().connect());
    });
    socket.on('board:order', apply);
    socket.on('connect_error', (error) => {
      if (socket.active) {
        setStatus(t.reconnecting, true); // the manager tries again by itself
      } else {
        // Refused by the hub (expired or replaced token): say so, and ask again now and then.
        const reason = error && error.data && error.data.reason ? ' (' + String(error.data.reason) + ')' : '';
        setStatus(t.refused + String(error && error.message) + reason + '.' + t.retry, true);
        connectLater(30000);
      }
    });
    socket.on('disconnect', (reason) => {
      setStatus(t.reconnecting, true);
      if (!socket.active) connectLater(3000); // the hub sent us away (restart): come back
    });
  }

  start();
})();
