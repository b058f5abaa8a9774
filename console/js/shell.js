// The frame of every signed-in page: checks the session, sends people without one to sign in, keeps
// users off administrator pages, and draws the shared, role-aware navigation with Sign out.
import { api, currentSession, setCsrf } from './api.js';
import { el, fill, problemBox } from './ui.js';

const ADMIN_PAGES = [
  ['exchange', 'Exchange'],
  ['users', 'Users'],
  ['rooms', 'Rooms'],
  ['chat', 'Chat'],
  ['audit', 'Audit log'],
];
const USER_PAGES = [
  ['chat', 'Chat'],
  ['me', 'Me'],
];

/** Where a role lands after signing in. */
export const homeOf = (role) => (role === 'admin' ? '/console/exchange' : '/console/me');

/**
 * Starts a signed-in page. `page` is its name in the navigation; `adminOnly` pages send users to their
 * own page. Resolves with the session, or never (when it navigates away).
 */
export async function startPage(page, { adminOnly = false } = {}) {
  const main = document.getElementById('main');
  let session;
  try {
    session = await currentSession();
  } catch (err) {
    main.prepend(problemBox(err, 'Loading your session failed.'));
    throw err;
  }
  if (!session) {
    location.replace(`/console/?next=${encodeURIComponent(location.pathname)}`);
    return new Promise(() => {});
  }
  if (adminOnly && session.role !== 'admin') {
    location.replace(homeOf(session.role));
    return new Promise(() => {});
  }
  drawHeader(page, session);
  return session;
}

function drawHeader(current, session) {
  const header = document.getElementById('top');
  const pages = session.role === 'admin' ? ADMIN_PAGES : USER_PAGES;
  const signOut = el('button', { type: 'button', class: 'secondary small', onclick: () => signOutNow(header) }, 'Sign out');
  fill(header,
    el('a', { class: 'brand', href: homeOf(session.role) }, el('span', { class: 'brand-mark', 'aria-hidden': 'true' }, '◷'), 'Concierge'),
    el('nav', { 'aria-label': 'Console' }, el('ul', {}, pages.map(([name, label]) => el('li', {}, el('a', { href: `/console/${name}`, 'aria-current': name === current ? 'page' : undefined }, label))))),
    el('div', { class: 'who' }, el('span', { class: 'muted' }, session.email, session.role === 'admin' ? ' (administrator)' : ''), signOut),
  );
}

async function signOutNow(header) {
  try {
    await api('DELETE', '/api/v1/session');
  } catch (err) {
    // Already signed out (401) is what we wanted; anything else is worth saying.
    if (err.status !== 401) {
      header.after(problemBox(err, 'Signing out failed.'));
      return;
    }
  }
  setCsrf('');
  location.assign('/console/');
}
