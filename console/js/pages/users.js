// /console/users: invite one person or a CSV of them (progress from the NDJSON stream), and everyone's
// state with resend, revoke and remove (each confirmed first).
import { api, apiStream } from '../api.js';
import { startPage } from '../shell.js';
import { $, busy, confirmAction, copyField, el, fill, fmtDateTime, note, problemBox, table } from '../ui.js';

const STATE_WORD = { invited: 'Invited', accepted: 'Accepted (not linked yet)', linked: 'Linked', failing: 'Failing', revoked: 'Revoked' };

/** What an invitation's answer means for the admin: sent, or a link to forward (and why, when email failed). */
function invitationOutcome(r) {
  const who = r.user.displayName ? `${r.user.displayName} <${r.user.email}>` : r.user.email;
  if (r.delivery === 'email') return [note(`Invitation emailed to ${who}.`)];
  return [
    note(`Invitation for ${who} is ready: copy the link and send it to them yourself.`, 'warn'),
    r.deliveryProblem ? problemBox({ why: r.deliveryProblem.message, fix: r.deliveryProblem.hint }, 'The invitation email was not sent.') : null,
    r.inviteUrl ? copyField(`Invitation link for ${r.user.email}`, r.inviteUrl) : null,
  ];
}

function stateCell(u) {
  return el('div', {},
    el('span', { class: `badge s-${u.state}` }, STATE_WORD[u.state] || u.state),
    u.lastError ? el('p', { class: 'small' }, el('strong', {}, 'Why: '), u.lastError.message, el('br'), el('strong', {}, 'Fix: '), u.lastError.hint) : null,
    u.state === 'invited' && u.invitation ? el('p', { class: 'small muted' }, `${u.invitation.delivery === 'manual' ? 'Link to forward' : 'Emailed'}; expires ${fmtDateTime(u.invitation.expiresAt)}`) : null,
  );
}

function actionsCell(u, result) {
  const who = u.displayName || u.email;
  const act = async (label, question, detail, run) => {
    if (!(await confirmAction(question, label, detail))) return;
    try {
      const r = await run();
      fill(result, ...(r && r.user && r.delivery ? invitationOutcome(r) : [note(`${label}: done for ${u.email}.`)]));
    } catch (err) {
      fill(result, problemBox(err, `${label} ${u.email} failed.`));
    }
    await loadUsers();
  };
  return el('div', { class: 'row' },
    u.state === 'invited' || u.state === 'revoked'
      ? el('button', { type: 'button', class: 'secondary small', 'aria-label': `Resend invitation to ${u.email}`, onclick: () => act('Resend', `Send ${who} a new invitation?`, 'The old link stops working.', () => api('POST', `/api/v1/users/${u.id}/resend`)) }, 'Resend')
      : null,
    u.state !== 'revoked'
      ? el('button', { type: 'button', class: 'secondary small', 'aria-label': `Revoke ${u.email}`, onclick: () => act('Revoke', `Revoke ${who}'s access?`, 'Their open invitation, sessions and Alexa links end now. You can invite them again later.', () => api('POST', `/api/v1/users/${u.id}/revoke`)) }, 'Revoke')
      : null,
    el('button', { type: 'button', class: 'secondary small', 'aria-label': `Remove ${u.email}`, onclick: () => act('Remove', `Remove ${who} completely?`, 'Their account, sessions, conversations and tokens are deleted. This cannot be undone.', () => api('DELETE', `/api/v1/users/${u.id}`)) }, 'Remove'),
  );
}

async function loadUsers() {
  const box = $('#users');
  const result = $('#invite-result');
  try {
    const { users } = await api('GET', '/api/v1/users');
    if (!users.length) return fill(box, el('p', { class: 'muted' }, 'Nobody is invited yet.'));
    fill(box, table(`${users.length} ${users.length === 1 ? 'person' : 'people'}`, ['Email', 'Name', 'State', 'Mailbox', 'Invited', 'Linked', 'Actions'],
      users.map((u) => [u.email, u.displayName || '—', stateCell(u), u.mailbox || '—', fmtDateTime(u.invitedAt), u.linkedAt ? fmtDateTime(u.linkedAt) : '—', actionsCell(u, result)])));
  } catch (err) {
    fill(box, problemBox(err, 'Loading the people failed.'));
  }
}

async function inviteOne() {
  const result = $('#invite-result');
  const email = $('#invite-email').value.trim();
  const displayName = $('#invite-name').value.trim();
  if (!email) return fill(result, problemBox({ why: 'The email is empty.', fix: 'Type the address the person uses for Exchange.' }, 'Nobody was invited.'));
  try {
    const r = await api('POST', '/api/v1/users/invitations', { email, ...(displayName ? { displayName } : {}) });
    fill(result, ...invitationOutcome(r));
    $('#invite-email').value = '';
    $('#invite-name').value = '';
    await loadUsers();
  } catch (err) {
    fill(result, problemBox(err, `Inviting ${email} failed.`));
  }
}

/** Rows the server will work on: non-empty lines, less a header line naming the columns. */
function countRows(csv) {
  const lines = csv.split(/\r?\n/).filter((l) => l.trim());
  return lines.length && /^\s*"?email"?\s*(,|$)/i.test(lines[0]) ? lines.length - 1 : lines.length;
}

async function importCsv() {
  const result = $('#import-result');
  const file = $('#csv-file').files[0];
  if (!file) return fill(result, problemBox({ why: 'No file is chosen.', fix: 'Choose a CSV file, then Import.' }, 'Nothing was imported.'));
  const csv = await file.text();
  const total = Math.max(countRows(csv), 1);
  const bar = $('#import-bar');
  const count = $('#import-count');
  const rows = [];
  $('#import-progress').hidden = false;
  bar.max = total;
  bar.value = 0;
  count.textContent = `0 of ${total} rows done.`;
  fill(result);
  const resultTable = () => table('Import results', ['Line', 'Email', 'Result', 'Message'], rows.map((r) => [String(r.line), r.email || '—', el('span', { class: `badge s-${r.result === 'invited' ? 'ok' : r.result === 'exists' ? 'warn' : 'error'}` }, r.result), [r.message || '', r.inviteUrl ? copyField(`Invitation link for ${r.email}`, r.inviteUrl) : null]]));
  try {
    const last = await apiStream('/api/v1/users/import', { csv }, (line) => {
      if (line.done) return;
      if (Array.isArray(line.rows)) rows.push(...line.rows);
      else rows.push(line);
      bar.value = Math.min(rows.length, total);
      count.textContent = `${rows.length} of ${total} rows done.`;
    });
    bar.value = total;
    const invited = last?.invited ?? rows.filter((r) => r.result === 'invited').length;
    const failed = last?.failed ?? rows.filter((r) => r.result === 'error').length;
    count.textContent = `Done: ${invited} invited, ${failed} failed, ${rows.length} rows.`;
    fill(result, last?.error ? problemBox({ why: last.error.message, fix: last.error.hint }, 'The import stopped.') : null, el('div', { class: 'table-wrap' }, resultTable()));
  } catch (err) {
    fill(result, problemBox(err, 'Importing the CSV failed.'), rows.length ? el('div', { class: 'table-wrap' }, resultTable()) : null);
  }
  await loadUsers();
}

async function start() {
  await startPage('users', { adminOnly: true });
  const inviteForm = $('#invite-form');
  inviteForm.addEventListener('submit', (e) => {
    e.preventDefault();
    busy(inviteForm, inviteOne);
  });
  const importForm = $('#import-form');
  importForm.addEventListener('submit', (e) => {
    e.preventDefault();
    busy(importForm, importCsv);
  });
  $('#refresh').addEventListener('click', loadUsers);
  await loadUsers();
}

start();
