// Olelo's web console: reads the server's JSON-RPC interface (POST /rpc) every two seconds and
// shows registrations, active calls, applications and counters. Everything shown comes from SIP
// traffic (user agents, URIs), so it is only ever put in the page as text, never as markup.
'use strict';

const REFRESH_MILLIS = 2000;
const TOKEN_KEY = 'olelo.management.token';
let requestId = 0;

class RpcError extends Error {
  constructor(code, message) { super(message); this.code = code; }
}

async function rpc(method, params) {
  const headers = { 'Content-Type': 'application/json' };
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (token) headers['Authorization'] = 'Bearer ' + token;
  const body = { jsonrpc: '2.0', method: method, id: ++requestId };
  if (params !== undefined) body.params = params;
  const reply = await fetch('../rpc', { method: 'POST', headers: headers, body: JSON.stringify(body) });
  if (reply.status === 401) {
    throw new RpcError(401, 'the management token is missing or wrong');
  }
  if (!reply.ok) {
    throw new RpcError(reply.status, 'the server answered HTTP ' + reply.status);
  }
  const answer = await reply.json();
  if (answer.error) throw new RpcError(answer.error.code, answer.error.message);
  return answer.result;
}

// Calls a method and gives null when the server does not offer it (a feature turned off).
async function optional(method, params) {
  try {
    return await rpc(method, params);
  } catch (e) {
    if (e.code === -32601) return null;
    throw e;
  }
}

function cell(row, text, className) {
  const td = document.createElement('td');
  td.textContent = text === null || text === undefined ? '' : String(text);
  if (className) td.className = className;
  row.appendChild(td);
  return td;
}

function fill(sectionId, items, render) {
  const section = document.getElementById(sectionId);
  const body = section.querySelector('tbody');
  const rows = [];
  for (const item of items || []) {
    const row = document.createElement('tr');
    render(row, item);
    rows.push(row);
  }
  body.replaceChildren(...rows);
  section.querySelector('.empty').hidden = rows.length > 0;
  section.querySelector('table').hidden = rows.length === 0;
}

function seconds(n) {
  if (n === null || n === undefined) return '';
  const s = Math.max(0, Math.round(n));
  if (s < 60) return s + ' s';
  if (s < 3600) return Math.floor(s / 60) + ' min ' + (s % 60) + ' s';
  return Math.floor(s / 3600) + ' h ' + Math.floor((s % 3600) / 60) + ' min';
}

function showRegistrations(result) {
  const rows = [];
  for (const aor of (result && result.aors) || []) {
    for (const contact of aor.contacts || []) rows.push({ aor: aor.aor, contact: contact });
  }
  document.getElementById('registrations-count').textContent = '(' + rows.length + ')';
  fill('registrations', rows, (row, r) => {
    cell(row, r.aor);
    cell(row, r.contact.uri);
    cell(row, seconds(r.contact.expires));
    cell(row, r.contact.received);
    cell(row, r.contact.user_agent);
  });
}

function showCalls(result) {
  const dialogs = ((result && result.dialogs) || []).filter(d => d.state !== 'ended');
  document.getElementById('calls-count').textContent = '(' + dialogs.length + ')';
  fill('calls', dialogs, (row, d) => {
    row.dataset.dialog = d.id;
    cell(row, d.state);
    cell(row, d.from_uri);
    cell(row, d.to_uri);
    cell(row, d.call_id);
    cell(row, seconds(d.duration_seconds), 'num');
    cell(row, d.application);
    const td = cell(row, '');
    if (d.state === 'confirmed') {
      const button = document.createElement('button');
      button.className = 'end';
      button.textContent = 'End call';
      button.addEventListener('click', () => endCall(d, button));
      td.appendChild(button);
    }
  });
}

async function endCall(dialog, button) {
  if (!confirm('End the call from ' + dialog.from_uri + ' to ' + dialog.to_uri + '?')) return;
  button.disabled = true;
  try {
    await rpc('dlg.end', { id: dialog.id });
    showError(null);
  } catch (e) {
    showError('Could not end the call: ' + e.message);
  }
  refresh();
}

function showApplications(result) {
  fill('applications', (result && result.applications) || [], (row, a) => {
    cell(row, a.name);
    cell(row, a.version);
    cell(row, a.state);
    cell(row, a.sessions, 'num');
  });
}

let lastStatistics = {};

function showCounters() {
  const filter = document.getElementById('counter-filter').value.trim().toLowerCase();
  const names = Object.keys(lastStatistics).filter(n => !filter || n.toLowerCase().includes(filter)).sort();
  fill('counters', names, (row, name) => {
    cell(row, name);
    cell(row, lastStatistics[name], 'num');
  });
}

function showError(message) {
  const p = document.getElementById('error');
  p.textContent = message || '';
  p.hidden = !message;
}

let refreshing = false;

async function refresh() {
  if (refreshing) return;
  refreshing = true;
  try {
    const [version, uptime, ul, dialogs, apps, stats] = await Promise.all([
      optional('core.version'), optional('core.uptime'), optional('ul.dump'),
      optional('dlg.list'), optional('app.list'), optional('stats.get_statistics')]);
    document.getElementById('server').textContent = 'version ' + (version ? version.version : '?')
        + (uptime ? ', up ' + seconds(uptime.uptime_seconds) : '');
    document.getElementById('registrations').hidden = ul === null;
    document.getElementById('calls').hidden = dialogs === null;
    document.getElementById('counters').hidden = stats === null;
    showRegistrations(ul);
    showCalls(dialogs);
    showApplications(apps);
    lastStatistics = (stats && stats.statistics) || {};
    showCounters();
    document.getElementById('refreshed').textContent = 'updated ' + new Date().toLocaleTimeString();
    document.getElementById('token-form').hidden = true;
    showError(null);
  } catch (e) {
    if (e.code === 401) document.getElementById('token-form').hidden = false;
    showError('Cannot read the server: ' + e.message);
  } finally {
    refreshing = false;
  }
}

document.getElementById('token-form').addEventListener('submit', event => {
  event.preventDefault();
  sessionStorage.setItem(TOKEN_KEY, document.getElementById('token').value);
  refresh();
});
document.getElementById('counter-filter').addEventListener('input', showCounters);
refresh();
setInterval(refresh, REFRESH_MILLIS);
