// /console/audit: the audit trail, newest first, with filters, paging (nextBefore) and export.
import { api } from '../api.js';
import { startPage } from '../shell.js';
import { $, el, fill, fmtDateTime, problemBox, table } from '../ui.js';

let before;

function filters() {
  const q = new URLSearchParams();
  for (const [id, key] of [['f-actor', 'actor'], ['f-action', 'action'], ['f-target', 'target'], ['f-result', 'result']]) {
    const v = $(`#${id}`).value.trim();
    if (v) q.set(key, v);
  }
  for (const [id, key] of [['f-since', 'since'], ['f-until', 'until']]) {
    const v = $(`#${id}`).value;
    if (v) q.set(key, new Date(v).toISOString());
  }
  return q;
}

function detailText(d) {
  if (d === null || d === undefined) return '';
  return typeof d === 'string' ? d : JSON.stringify(d);
}

async function load() {
  const box = $('#entries');
  const q = filters();
  q.set('limit', String(Math.min(Math.max(Number($('#f-limit').value) || 50, 1), 500)));
  if (before) q.set('before', String(before));
  for (const format of ['csv', 'ndjson']) {
    const e = filters();
    e.set('format', format);
    $(`#export-${format}`).href = `/api/v1/audit/export?${e}`;
  }
  try {
    const r = await api('GET', `/api/v1/audit?${q}`);
    fill(box, r.entries.length
      ? table(`${r.entries.length} entries${before ? ' (older page)' : ', newest first'}`, ['When', 'Actor', 'Action', 'Target', 'Result', 'Detail'],
          r.entries.map((e) => [fmtDateTime(e.at), e.actor, e.action, e.target || '—', el('span', { class: `badge s-${e.result === 'ok' ? 'ok' : 'fail'}` }, e.result), el('code', { class: 'small' }, detailText(e.detail))]))
      : el('p', { class: 'muted' }, 'No entries match.'));
    $('#older').disabled = !r.nextBefore;
    $('#older').dataset.next = r.nextBefore || '';
    $('#newest').disabled = !before;
  } catch (err) {
    fill(box, problemBox(err, 'Loading the audit log failed.'));
  }
}

async function start() {
  await startPage('audit', { adminOnly: true });
  const form = $('#filter-form');
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    before = undefined;
    load();
  });
  form.addEventListener('reset', () => setTimeout(() => { before = undefined; load(); }));
  $('#older').addEventListener('click', () => {
    before = Number($('#older').dataset.next);
    load();
  });
  $('#newest').addEventListener('click', () => {
    before = undefined;
    load();
  });
  await load();
}

start();
