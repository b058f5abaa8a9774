// /console/: sign in, then go where the role belongs (administrators: Exchange; users: their own page).
import { api, currentSession } from '../api.js';
import { homeOf } from '../shell.js';
import { $, busy, problemBox, fill } from '../ui.js';

/** Only a console path of this server may be the target after sign-in (no open redirect). */
function nextFor(role) {
  const next = new URLSearchParams(location.search).get('next');
  if (next && /^\/console\/[a-z]*$/.test(next) && (role === 'admin' || next === '/console/me' || next === '/console/chat')) return next;
  return homeOf(role);
}

async function start() {
  const form = $('#signin');
  const result = $('#result');
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const email = $('#email').value.trim();
    const password = $('#password').value;
    if (!email || !password) {
      fill(result, problemBox({ why: 'Both the email and the password are needed.', fix: 'Fill in both fields, then choose Sign in.' }, 'Signing in failed.'));
      return;
    }
    await busy(form, async () => {
      try {
        const s = await api('POST', '/api/v1/session', { email, password });
        location.assign(nextFor(s.role));
      } catch (err) {
        fill(result, problemBox(err, 'Signing in failed.'));
        $('#password').focus();
      }
    });
  });
  const s = await currentSession().catch(() => undefined);
  if (s) location.replace(nextFor(s.role));
}

start();
