// /console/me: a person's own page: their state, "Link Microsoft Exchange" (with the browser's time
// zone), the reason in full when linking fails, and unlink.
import { api } from '../api.js';
import { startPage } from '../shell.js';
import { $, confirmAction, el, fill, fmtDateTime, note, problemBox, timeZone } from '../ui.js';

const STATE_TEXT = {
  invited: 'Invited: choose a password from your invitation link first.',
  accepted: 'Signed up. Your Exchange calendar is not linked yet.',
  linked: 'Linked: Concierge can read and (after you confirm) change your calendar.',
  failing: 'Linking your calendar failed. The reason and the fix are below.',
  revoked: 'Your access was revoked by an administrator.',
};

function render(me) {
  const p = me.person;
  const linkButton = $('#link-button');
  const unlinkButton = $('#unlink-button');
  if (!p) {
    linkButton.hidden = true;
    unlinkButton.hidden = true;
    return fill($('#state'),
      el('p', {}, `Signed in as ${me.email}.`),
      el('p', { class: 'muted' }, me.role === 'admin' ? 'Administrators have no calendar of their own here: the service account is managed on the Exchange page, and Chat tries the assistant on the link\'s test mailbox.' : 'Your account has no enrolment. Ask your administrator to invite you.'));
  }
  linkButton.hidden = p.state === 'revoked' || p.state === 'invited';
  linkButton.textContent = p.state === 'linked' ? 'Link Microsoft Exchange again' : 'Link Microsoft Exchange';
  unlinkButton.hidden = p.state !== 'linked';
  fill($('#state'),
    el('p', {}, el('span', { class: `badge s-${p.state}` }, p.state), ' ', STATE_TEXT[p.state] || ''),
    el('dl', { class: 'facts' },
      el('dt', {}, 'Signed in as'), el('dd', {}, me.email),
      el('dt', {}, 'Mailbox'), el('dd', {}, p.mailbox || 'not linked'),
      el('dt', {}, 'Time zone'), el('dd', {}, p.timeZone || `${timeZone()} (this browser's; saved when you link)`),
    ),
    p.lastError ? problemBox({ why: p.lastError.message, fix: p.lastError.hint }, 'The last attempt to link your calendar failed.') : null,
  );
}

async function load() {
  try {
    render(await api('GET', '/api/v1/me'));
  } catch (err) {
    fill($('#state'), problemBox(err, 'Loading your account failed.'));
  }
}

async function link() {
  const result = $('#result');
  const button = $('#link-button');
  button.disabled = true;
  fill(result, note('Linking: finding your mailbox in Exchange…', 'warn'));
  try {
    const { person } = await api('POST', '/api/v1/me/exchange', { timeZone: timeZone() });
    fill(result, note(`Linked to ${person.mailbox}. You can ask about your calendar now.`));
  } catch (err) {
    fill(result, problemBox(err, 'Linking your Exchange calendar failed.'));
  } finally {
    button.disabled = false;
  }
  await load();
}

async function unlink() {
  if (!(await confirmAction('Unlink your calendar?', 'Unlink', 'Concierge stops reading your calendar until you link it again.'))) return;
  const result = $('#result');
  try {
    await api('DELETE', '/api/v1/me/exchange');
    fill(result, note('Unlinked. Concierge no longer reads your calendar.'));
  } catch (err) {
    fill(result, problemBox(err, 'Unlinking failed.'));
  }
  await load();
}

async function start() {
  await startPage('me');
  $('#link-button').addEventListener('click', link);
  $('#unlink-button').addEventListener('click', unlink);
  await load();
}

start();
