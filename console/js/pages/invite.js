// /invite#token=…: the invitee's page. Shows whom the invitation is for, or why the link no longer
// works and what to do; then a password, and on to /console/me to link Exchange.
import { api } from '../api.js';
import { $, busy, el, fill, fmtDateTime, note, problemBox } from '../ui.js';

const token = new URLSearchParams(location.hash.slice(1)).get('token') || '';

/** Our own words for a dead link, on top of the server's: who can help and how. */
const DEAD = {
  InvitationExpired: 'This invitation has expired.',
  InvitationRevoked: 'This invitation was withdrawn by your administrator.',
  InvitationUsed: 'This invitation was already used to create an account.',
  InvitationUnknown: 'This invitation link is not known.',
};
const WHAT_TO_DO = {
  InvitationExpired: 'Ask your administrator to resend the invitation; the new email has a fresh link.',
  InvitationRevoked: 'Ask your administrator whether you should have access; they can invite you again.',
  InvitationUsed: 'Sign in with your email and the password you chose.',
  InvitationUnknown: 'Check that you opened the whole link from the email (it is long); otherwise ask for a new invitation.',
};

function dead(err) {
  const what = DEAD[err.code] || 'This invitation cannot be used.';
  return [
    problemBox({ why: err.why, fix: WHAT_TO_DO[err.code] || err.fix, requestId: err.requestId }, what),
    err.code === 'InvitationUsed' ? el('p', {}, el('a', { href: '/console/' }, 'Go to sign-in')) : null,
  ];
}

async function start() {
  const who = $('#who');
  const form = $('#accept-form');
  if (!token) return fill(who, ...dead({ code: 'InvitationUnknown', why: 'The page was opened without the invitation token (the part after #token= in the link).' }));
  let invitation;
  try {
    invitation = await api('GET', `/api/v1/invitations/${encodeURIComponent(token)}`);
  } catch (err) {
    return fill(who, ...dead(err));
  }
  fill(who,
    el('p', {}, 'You are invited as ', el('strong', {}, invitation.email), invitation.displayName ? ` (${invitation.displayName})` : '', '.'),
    el('p', { class: 'muted small' }, `This link works until ${fmtDateTime(invitation.expiresAt)}.`));
  form.hidden = false;
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const result = $('#result');
    const password = $('#password').value;
    if (password.length < 12 || password !== $('#confirm').value) {
      return fill(result, problemBox({ why: password.length < 12 ? 'The password is shorter than 12 characters.' : 'The two passwords differ.', fix: 'Type a password of at least 12 characters in both fields.' }, 'Your account was not created.'));
    }
    await busy(form, async () => {
      try {
        await api('POST', '/api/v1/invitations/accept', { token, password });
        fill(result, note('Your account is ready. Next: link your Exchange calendar…'));
        location.assign('/console/me');
      } catch (err) {
        fill(result, ...(err.status === 410 || err.status === 404 ? dead(err) : [problemBox(err, 'Your account was not created.')]));
      }
    });
  });
  $('#password').focus();
}

start();
