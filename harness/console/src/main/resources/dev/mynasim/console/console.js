// The MynaSim console page: renders the state and APDU events the server pushes, and posts controls.
'use strict';
(function () {
  const token = document.body.dataset.token;
  const withToken = (path) => path + (path.includes('?') ? '&' : '?') + 'token=' + encodeURIComponent(token);
  const $ = (id) => document.getElementById(id);
  const MAX_ROWS = 500;
  let paused = false;
  let held = [];
  let filter = 'all';
  let faceVersion = null;

  function text(el, value) { el.textContent = value == null ? '' : String(value); }

  function cell(row, value, cls) {
    const td = document.createElement('td');
    if (cls) td.className = cls;
    text(td, value);
    row.appendChild(td);
    return td;
  }

  function renderState(s) {
    const presence = $('presence');
    text(presence, s.present ? 'card present' : (s.presence === 'removed' ? 'no card' : s.presence));
    presence.className = 'badge ' + (s.present ? 'present' : 'absent');
    presence.dataset.present = String(s.present);
    text($('reader'), s.reader);
    text($('connection'), 'vpcd ' + s.vpcd + (s.powered ? ', powered' : ', unpowered'));
    text($('persona'), s.persona);
    text($('atr'), s.atr);
    text($('profile'), s.profile + ' — ' + s.profileLabel);
    text($('latency'), s.latency);
    text($('reader-mode'), s.shortApdusOnly ? 'short APDUs only (extended refused)' : 'short and extended APDUs');
    text($('faults'), s.faults.length ? s.faults.join('; ') : 'none');
    text($('apdu-count'), s.apdus);
    $('short-apdus').classList.toggle('on', s.shortApdusOnly);
    $('short-apdus').dataset.argument = s.shortApdusOnly ? 'off' : 'on';
    const atrChoice = $('atr-choice');
    if (atrChoice.options.length !== s.profiles.length) {
      atrChoice.replaceChildren(...s.profiles.map((p) => { const o = document.createElement('option'); o.textContent = p; return o; }));
    }
    atrChoice.value = s.profile;
    renderFace(s.face);
    renderPins(s.pins);
    renderCertificates(s.certificates);
  }

  function renderFace(face) {
    text($('face-sex'), face.sex);
    text($('face-expiry'), face.expiry);
    text($('face-withheld'), face.withheld ? 'Not shown: ' + face.withheld : '');
    if (face.version !== faceVersion) {
      faceVersion = face.version;
      for (const name of ['name', 'address', 'photo']) {
        const img = $('face-' + name);
        if (face.images.includes(name)) img.src = withToken('/api/face/' + name + '?v=' + face.version);
        else img.removeAttribute('src');
      }
    }
  }

  function renderPins(pins) {
    const body = $('pins').tBodies[0];
    body.replaceChildren(...pins.map((p) => {
      const row = document.createElement('tr');
      row.dataset.pin = p.label;
      row.className = p.status === 'locked' ? 'locked' : (p.status === 'blocked from issuance' ? 'blocked' : '');
      cell(row, p.label);
      cell(row, p.application);
      cell(row, p.fid, 'mono');
      cell(row, p.triesLeft < 0 ? '—' : p.triesLeft + ' / ' + p.maxTries, 'tries').dataset.left = p.triesLeft;
      cell(row, p.status, 'state');
      return row;
    }));
  }

  function renderCertificates(certs) {
    $('certificates').replaceChildren(...certs.map((c) => {
      const box = document.createElement('div');
      box.className = 'cert';
      box.dataset.purpose = c.purpose;
      const h = document.createElement('h3');
      text(h, c.purpose === 'user-proof' ? '利用者証明用 (user-proof)' : '署名用 (signature)');
      box.appendChild(h);
      const dl = document.createElement('dl');
      const add = (k, v, cls) => {
        const dt = document.createElement('dt'); text(dt, k); dl.appendChild(dt);
        const dd = document.createElement('dd'); text(dd, v); if (cls) dd.className = cls; dl.appendChild(dd);
      };
      if (!c.present) {
        add('On the card', c.validity);
      } else {
        add('Subject', c.subject);
        add('Serial', c.serial, 'mono');
        add('Validity', c.notBefore + ' → ' + c.notAfter + ' (' + c.validity + ')');
        add('CA status', c.caStatus, c.caStatus === 'good' ? 'status-good ca-status' : 'status-bad ca-status');
      }
      box.appendChild(dl);
      return box;
    }));
  }

  function exchangeRow(x) {
    const row = document.createElement('tr');
    row.dataset.app = x.application;
    row.dataset.seq = x.seq;
    if (x.failed) row.className = 'failed';
    row.hidden = filter !== 'all' && filter !== x.application;
    cell(row, x.time, 'mono');
    cell(row, x.application);
    cell(row, x.name, 'decoded');
    const bytes = cell(row, '', 'bytes');
    bytes.appendChild(byteLine('→ ', x.command));
    bytes.appendChild(byteLine('← ', x.response));
    cell(row, (x.micros / 1000).toFixed(2) + ' ms');
    return row;
  }

  // Long APDUs show their first bytes and how many follow; the whole line is in the tooltip and the trace.
  const SHOWN_BYTES = 40;
  function byteLine(arrow, hex) {
    const line = document.createElement('div');
    const tokens = hex.split(' ');
    if (tokens.length > SHOWN_BYTES + 2 && !hex.startsWith('(')) {
      text(line, arrow + tokens.slice(0, SHOWN_BYTES).join(' ') + ' … (' + (tokens.length - SHOWN_BYTES - 2) + ' more bytes) ' + tokens.slice(-2).join(' '));
      line.title = hex;
    } else {
      text(line, arrow + hex);
    }
    return line;
  }

  function addExchanges(list) {
    const body = $('stream').tBodies[0];
    for (const x of list) body.insertBefore(exchangeRow(x), body.firstChild);
    while (body.rows.length > MAX_ROWS) body.deleteRow(body.rows.length - 1);
  }

  function onExchange(x) {
    if (paused) {
      held.push(x);
      text($('stream-note'), held.length + ' held while paused');
    } else {
      addExchanges([x]);
    }
  }

  $('pause').addEventListener('click', () => {
    paused = !paused;
    text($('pause'), paused ? 'Resume' : 'Pause');
    $('pause').classList.toggle('on', paused);
    if (!paused) { addExchanges(held); held = []; text($('stream-note'), ''); }
  });

  $('filter').addEventListener('change', () => {
    filter = $('filter').value;
    for (const row of $('stream').tBodies[0].rows) row.hidden = filter !== 'all' && filter !== row.dataset.app;
    updateDownload();
  });

  function updateDownload() { $('download').href = withToken('/api/trace?app=' + encodeURIComponent(filter)); }
  updateDownload();

  for (const button of document.querySelectorAll('button[data-action]')) {
    button.addEventListener('click', async () => {
      let argument = '';
      if (button.dataset.scope) argument = $(button.dataset.scope).value;
      else if (button.dataset.argument && $(button.dataset.argument)) argument = $(button.dataset.argument).value;
      else if (button.dataset.argument) argument = button.dataset.argument;
      const url = withToken('/api/control?action=' + encodeURIComponent(button.dataset.action) + '&argument=' + encodeURIComponent(argument));
      try {
        const answer = await fetch(url, { method: 'POST' });
        text($('control-result'), await answer.text());
      } catch (e) {
        text($('control-result'), 'the console did not answer: ' + e);
      }
    });
  }

  const events = new EventSource(withToken('/api/events'));
  events.addEventListener('state', (e) => renderState(JSON.parse(e.data)));
  events.addEventListener('apdu', (e) => onExchange(JSON.parse(e.data)));
  events.addEventListener('error', () => { text($('presence'), 'console not reachable'); $('presence').className = 'badge absent'; });
})();
