// /setup#token=…: the first administrator. The token travels in the fragment, so it never reaches a
// server log; it is posted with the new email and password to /api/v1/setup (once).
import { api } from '../api.js';
import { $, busy, fill, note, problemBox } from '../ui.js';

const token = new URLSearchParams(location.hash.slice(1)).get('token') || '';
const msg = $('#msg');
const form = $('#setup');

if (!token) {
  fill(msg, problemBox({ why: 'This page was opened without the setup token (the part after #token= in the link).', fix: 'Open the full link Concierge printed at its first start; if it is lost or expired, restart Concierge with no administrator to get a new one, or sign in at /console/ if setup is done.' }, 'Setup cannot start.'));
}

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  const email = $('#email').value.trim();
  const password = $('#password').value;
  if (password.length < 12 || password !== $('#confirm').value) {
    fill(msg, problemBox({ why: password.length < 12 ? 'The password is shorter than 12 characters.' : 'The two passwords differ.', fix: 'Type a password of at least 12 characters in both fields.' }, 'The administrator was not created.'));
    return;
  }
  await busy(form, async () => {
    try {
      const s = await api('POST', '/api/v1/setup', { token, email, password });
      fill(msg, note(`Done: you are signed in as ${s.email}. Opening the Exchange page…`));
      location.assign('/console/exchange');
    } catch (err) {
      fill(msg, problemBox(err, 'The administrator was not created.'));
    }
  });
});
