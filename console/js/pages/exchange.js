// /console/exchange: link the Exchange service account. "Test connection" streams the analyzer's steps
// (POST /api/v1/exchange/test/stream) so each appears as it completes; "Link account" stores the link
// only when nothing fails; then the link's status, rotation and the password's expiry.
import { api, apiStream } from '../api.js';
import { startPage } from '../shell.js';
import { $, busy, copyButton, el, fill, fmtDate, fmtDateTime, note, problemBox } from '../ui.js';

const STATUS_WORD = { pass: 'Passed', warn: 'Warning', fail: 'Failed', skip: 'Skipped' };

/** One analyzer step: status, title, what was seen, and for a failure the command that fixes it. */
function stepItem(step) {
  const fixId = `fix-${step.id}`;
  return el('li', { class: step.status },
    el('div', { class: 'step-head' }, el('span', { class: `badge s-${step.status}` }, STATUS_WORD[step.status] || step.status), el('strong', {}, step.title)),
    el('p', {}, step.detail),
    step.fix
      ? el('div', { class: 'fix-block' },
          el('p', { class: 'small', id: `${fixId}-label` }, step.status === 'fail' ? 'How to fix (Exchange Management Shell):' : 'Suggested (Exchange Management Shell):'),
          el('pre', { class: 'fix', id: fixId, 'aria-labelledby': `${fixId}-label` }, el('code', {}, step.fix)),
          copyButton(() => step.fix, `Copy command for ${step.title}`))
      : null,
  );
}

function formInput() {
  const access = document.querySelector('input[name="access"]:checked')?.value || 'impersonation';
  const body = { url: $('#ews-url').value.trim(), upn: $('#upn').value.trim(), password: $('#svc-password').value, access, mailbox: $('#test-mailbox').value.trim() };
  const ca = $('#ca').value.trim();
  if (ca) body.ca = ca;
  return body;
}

/** Says which required field is empty before the server has to. */
function missing(body) {
  const names = { url: 'EWS URL', upn: 'Service account UPN', password: 'Password', mailbox: 'Test mailbox' };
  const empty = Object.keys(names).filter((k) => !body[k]);
  return empty.length ? { why: `${empty.map((k) => names[k]).join(', ')} ${empty.length > 1 ? 'are' : 'is'} empty.`, fix: 'Fill in every field not marked optional.' } : undefined;
}

function summarize(steps, ok) {
  const failed = steps.filter((s) => s.status === 'fail');
  const warned = steps.filter((s) => s.status === 'warn');
  if (ok) return `All checks passed${warned.length ? ` (${warned.length} warning${warned.length > 1 ? 's' : ''})` : ''}. You can link this account.`;
  return `${failed.map((s) => s.title).join(', ')} failed: see the fix below, then test again.`;
}

function expiryIso(dateValue) {
  return dateValue ? new Date(`${dateValue}T00:00:00`).toISOString() : undefined;
}

async function testConnection() {
  const body = formInput();
  const result = $('#link-result');
  const list = $('#steps');
  const summary = $('#steps-summary');
  const problem = missing(body);
  if (problem) return fill(result, problemBox(problem, 'The test did not start.'));
  fill(result);
  fill(list);
  summary.textContent = 'Testing… each check appears as it completes.';
  const steps = [];
  try {
    const last = await apiStream('/api/v1/exchange/test/stream', body, (line) => {
      if (line.done) return;
      if (Array.isArray(line.steps)) line.steps.forEach((s) => { steps.push(s); list.append(stepItem(s)); });
      else { steps.push(line); list.append(stepItem(line)); }
    });
    if (last && last.error) {
      summary.textContent = '';
      fill(result, problemBox({ why: last.error.message, fix: last.error.hint }, 'The test stopped.'));
      return;
    }
    summary.textContent = summarize(steps, Boolean(last && last.ok));
  } catch (err) {
    summary.textContent = '';
    fill(result, problemBox(err, 'Testing the connection failed.'));
  }
}

async function linkAccount() {
  const body = formInput();
  const result = $('#link-result');
  const problem = missing(body);
  if (problem) return fill(result, problemBox(problem, 'The account was not linked.'));
  const expires = expiryIso($('#expires').value);
  if (expires) body.passwordExpiresAt = expires;
  $('#steps-summary').textContent = 'Linking: the analyzer runs again first…';
  try {
    const r = await api('POST', '/api/v1/exchange/link', body);
    fill($('#steps'), r.steps.map(stepItem));
    $('#steps-summary').textContent = summarize(r.steps, true);
    fill(result, note(`Linked ${r.link?.upn ?? body.upn}. Concierge now reaches calendars through it.`));
    $('#svc-password').value = '';
    await loadStatus();
  } catch (err) {
    if (err.status === 422 && Array.isArray(err.body.steps)) {
      fill($('#steps'), err.body.steps.map(stepItem));
      $('#steps-summary').textContent = summarize(err.body.steps, false);
      fill(result, problemBox({ why: 'A check failed, so nothing was stored.', fix: 'Apply the fix shown under the failing step, then choose Link account again.' }, 'The account was not linked.'));
    } else {
      $('#steps-summary').textContent = '';
      fill(result, problemBox(err, 'Linking the account failed.'));
    }
  }
}

function fact(term, ...value) {
  return [el('dt', {}, term), el('dd', {}, ...value)];
}

function renderStatus(s) {
  const box = $('#status');
  $('#rotate-section').hidden = !s.linked;
  $('#expiry-section').hidden = !s.linked;
  if (!s.linked) {
    fill(box, el('p', {}, el('span', { class: 'badge s-skip' }, 'Not linked'), ' ', (s.warnings || [])[0] || 'No service account is linked yet.'));
    return;
  }
  const failing = s.status === 'failing';
  fill(box,
    el('p', {}, el('span', { class: `badge s-${failing ? 'failing' : 'active'}` }, failing ? 'Failing' : 'Linked and working')),
    failing && s.lastError ? problemBox({ why: s.lastError.message, fix: s.lastError.hint }, `Exchange refused the service account (since ${fmtDateTime(s.lastError.at)}).`) : null,
    (s.warnings || []).length ? el('ul', { class: 'note note-warn', 'aria-label': 'Warnings' }, s.warnings.map((w) => el('li', {}, w))) : null,
    el('dl', { class: 'facts' },
      fact('EWS URL', el('span', { class: 'mono' }, s.ewsUrl)),
      fact('Service account', s.upn),
      fact('Access method', s.access === 'delegation' ? 'Delegation (full access)' : 'Impersonation'),
      fact('Server version', s.serverVersion || 'unknown'),
      fact('Test mailbox', s.testMailbox || '—'),
      fact('Linked', fmtDateTime(s.linkedAt)),
      fact('Last success', s.lastSuccessAt ? fmtDateTime(s.lastSuccessAt) : 'not yet'),
      fact('Password expires', s.passwordExpiresAt ? `${fmtDate(s.passwordExpiresAt)} (${s.passwordExpiresInDays < 0 ? `${-s.passwordExpiresInDays} days ago` : `in ${s.passwordExpiresInDays} days`})` : 'not recorded'),
    ),
  );
  if (s.passwordExpiresAt) $('#expiry-date').value = s.passwordExpiresAt.slice(0, 10);
  if (!$('#ews-url').value && s.ewsUrl) {
    $('#ews-url').value = s.ewsUrl;
    $('#upn').value = s.upn || '';
    $('#test-mailbox').value = s.testMailbox || '';
    const radio = document.querySelector(`input[name="access"][value="${s.access}"]`);
    if (radio) radio.checked = true;
  }
}

async function loadStatus() {
  try {
    renderStatus(await api('GET', '/api/v1/exchange'));
  } catch (err) {
    fill($('#status'), problemBox(err, 'Loading the link status failed.'));
  }
}

async function rotate() {
  const result = $('#rotate-result');
  const password = $('#rotate-password').value;
  if (!password) return fill(result, problemBox({ why: 'The new password is empty.', fix: 'Type the new password of the service account (or of the new account).' }, 'Nothing was rotated.'));
  const body = { password };
  const upn = $('#rotate-upn').value.trim();
  const mailbox = $('#rotate-mailbox').value.trim();
  const expires = expiryIso($('#rotate-expires').value);
  if (upn) body.upn = upn;
  if (mailbox) body.mailbox = mailbox;
  if (expires) body.passwordExpiresAt = expires;
  try {
    const r = await api('POST', '/api/v1/exchange/rotate', body);
    fill(result, note(`Switched to the new credentials of ${r.link?.upn ?? upn}. The old password is erased.`));
    $('#rotate-password').value = '';
    await loadStatus();
  } catch (err) {
    if (err.status === 422 && Array.isArray(err.body.steps)) {
      fill(result,
        problemBox({ why: 'The new credentials failed a check, so the old ones stay in use.', fix: 'Apply the fix shown under the failing step, then try again.' }, 'The credentials were not rotated.'),
        el('ol', { class: 'steps', 'aria-label': 'Rotation checks' }, err.body.steps.map(stepItem)));
    } else fill(result, problemBox(err, 'Rotating the credentials failed.'));
  }
}

async function saveExpiry(value) {
  const result = $('#expiry-result');
  try {
    const s = await api('PUT', '/api/v1/exchange/password-expiry', { expiresAt: value ? new Date(`${value}T00:00:00`).toISOString() : null });
    renderStatus(s);
    fill(result, note(value ? `Saved: the password expires on ${fmtDate(s.passwordExpiresAt)}.` : 'Cleared: no expiry date is recorded.'));
  } catch (err) {
    fill(result, problemBox(err, 'Saving the expiry date failed.'));
  }
}

async function start() {
  await startPage('exchange', { adminOnly: true });
  const form = $('#link-form');
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    busy(form, testConnection);
  });
  $('#link-button').addEventListener('click', () => busy(form, linkAccount));
  const rotateForm = $('#rotate-form');
  rotateForm.addEventListener('submit', (e) => {
    e.preventDefault();
    busy(rotateForm, rotate);
  });
  const expiryForm = $('#expiry-form');
  expiryForm.addEventListener('submit', (e) => {
    e.preventDefault();
    busy(expiryForm, () => saveExpiry($('#expiry-date').value));
  });
  $('#expiry-clear').addEventListener('click', () => busy(expiryForm, () => saveExpiry('')));
  await loadStatus();
}

start();
