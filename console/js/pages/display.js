// /display#token=…: a room display (kiosk). Signs in with the link's token, then shows the room now and
// its day, polls every 12 s and after each action, and says "offline" while the server cannot be reached.
import { api, ApiError, setCsrf } from '../api.js';
import { $, el, fill, fmtTime } from '../ui.js';

const POLL_MS = 12_000;
const token = new URLSearchParams(location.hash.slice(1)).get('token') || '';
let zone;
let sessionId;
let lastGood;
let pollTimer;

const BUTTONS = ['#book-15', '#book-30', '#book-60', '#check-in', '#extend-15', '#end'];

function tick() {
  $('#clock').textContent = fmtTime(new Date().toISOString(), zone);
}

function setMessage(text) {
  $('#message').textContent = text;
}

function show(selector, visible) {
  $(selector).hidden = !visible;
}

/** Who booked it; empty when the room already shows it as the subject (Exchange's AddOrganizerToSubject). */
function who(b) {
  const name = b.organizer ? b.organizer.name || b.organizer.email : '';
  return name && name !== b.subject ? name : '';
}

function renderTimeline(s) {
  const box = $('#timeline');
  const now = Date.parse(s.now);
  const times = s.day.flatMap((b) => [Date.parse(b.start), Date.parse(b.end)]);
  const hour = 3_600_000;
  const from = Math.floor(Math.min(now, ...times) / hour) * hour - hour;
  const to = Math.ceil(Math.max(now, ...times) / hour) * hour + hour;
  const pct = (t) => `${(((t - from) / (to - from)) * 100).toFixed(2)}%`;
  fill(box, s.day.map((b) => {
    const block = el('div', { class: `block${b.released ? ' released' : ''}` });
    // CSSOM writes, not style attributes: allowed by the page's style-src 'self'.
    block.style.left = pct(Date.parse(b.start));
    block.style.width = `${(((Date.parse(b.end) - Date.parse(b.start)) / (to - from)) * 100).toFixed(2)}%`;
    return block;
  }));
  const line = el('div', { class: 'now-line' });
  line.style.left = pct(now);
  box.append(line);
}

function render(s) {
  lastGood = s;
  zone = s.room.timeZone;
  tick();
  document.title = `${s.room.name} · ${s.state === 'free' ? 'Free' : 'Busy'}`;
  $('#room-name').textContent = s.room.name;
  document.body.classList.toggle('free', s.state === 'free');
  document.body.classList.toggle('busy', s.state === 'busy');
  document.body.classList.remove('offline');
  show('#offline', false);
  $('#state-word').textContent = s.state === 'free' ? 'Free' : 'Busy';
  $('#state-until').textContent = s.state === 'free'
    ? (s.freeUntil ? `until ${fmtTime(s.freeUntil, zone)}` : 'for the rest of the day')
    : (s.busyUntil ? `until ${fmtTime(s.busyUntil, zone)}` : '');
  const c = s.current;
  $('#current').textContent = c ? `${c.subject}${who(c) ? ` · ${who(c)}` : ''} · ${fmtTime(c.start, zone)}–${fmtTime(c.end, zone)}` : (s.next ? `Next: ${s.next.subject} at ${fmtTime(s.next.start, zone)}` : 'Nothing else booked today.');
  const ending = s.endingSoon && s.state === 'busy';
  show('#ending-soon', ending);
  $('#ending-soon').textContent = ending ? `Ending soon: this meeting ends at ${fmtTime(s.busyUntil || c?.end, zone)}${s.next ? `; ${s.next.subject} follows` : ''}.` : '';
  const prompt = $('#check-in-prompt');
  prompt.hidden = !s.checkIn.required;
  fill(prompt, s.checkIn.required ? `Please check in${s.checkIn.deadline ? ` by ${fmtTime(s.checkIn.deadline, zone)}` : ''}${s.checkIn.mode === 'enforce' ? ', or the room is released for others.' : '.'}` : '');
  const canAct = !s.limited;
  for (const m of ['15', '30', '60']) show(`#book-${m}`, canAct && s.state === 'free');
  show('#check-in', canAct && s.checkIn.required);
  show('#extend-15', canAct && s.state === 'busy');
  show('#end', canAct && s.state === 'busy');
  renderTimeline(s);
  const now = Date.parse(s.now);
  fill($('#day'), s.day.length ? s.day.map((b) => el('li', { class: [Date.parse(b.end) <= now ? 'past' : '', b === c || (c && b.id === c.id) ? 'current' : '', b.released ? 'released' : ''].join(' ').trim() },
    el('span', { class: 't' }, `${fmtTime(b.start, zone)}–${fmtTime(b.end, zone)}`), b.subject, who(b) ? el('span', { class: 'muted' }, ` · ${who(b)}`) : '', b.checkedIn ? ' · checked in' : '', b.released ? ' · released' : '')) : el('li', { class: 'past' }, 'No meetings today.'));
}

function offline(err) {
  document.body.classList.add('offline');
  const since = lastGood ? ` Showing the state from ${fmtTime(lastGood.now, zone)}.` : '';
  const text = err.status === 401
    ? `This display is signed out: ${err.why} ${err.fix}`
    : `Offline: ${err.why}${since} Retrying every ${POLL_MS / 1000} seconds.`;
  $('#offline').textContent = text;
  show('#offline', true);
  if (!lastGood) $('#state-word').textContent = 'Offline';
}

async function poll() {
  clearTimeout(pollTimer);
  try {
    render(await api('GET', '/api/v1/display/state'));
  } catch (err) {
    offline(err);
  } finally {
    pollTimer = setTimeout(poll, POLL_MS);
  }
}

async function act(path, body, doing) {
  setMessage(doing);
  BUTTONS.forEach((b) => ($(b).disabled = true));
  try {
    const r = await api('POST', path, body);
    setMessage(r.message);
    render(r.status);
    clearTimeout(pollTimer);
    pollTimer = setTimeout(poll, POLL_MS);
  } catch (err) {
    setMessage(`${err.why} ${err.fix}`);
    await poll();
  } finally {
    BUTTONS.forEach((b) => ($(b).disabled = false));
  }
}

async function signIn() {
  if (!token) throw new ApiError(401, { detail: 'The page was opened without the display token (the part after #token= in its link).', hint: 'Open the full display link the administrator created under Rooms (Open a room display).' });
  const s = await api('POST', '/api/v1/display/session', { token });
  setCsrf(s.csrfToken);
  $('#room-name').textContent = s.room.name;
}

async function start() {
  tick();
  setInterval(tick, 15_000);
  for (const m of [15, 30, 60]) $(`#book-${m}`).addEventListener('click', () => act('/api/v1/display/book', { minutes: m }, `Booking ${m} minutes…`));
  $('#end').addEventListener('click', () => act('/api/v1/display/end', undefined, 'Ending the meeting…'));
  $('#extend-15').addEventListener('click', () => act('/api/v1/display/extend', { minutes: 15 }, 'Extending by 15 minutes…'));
  $('#check-in').addEventListener('click', () => act('/api/v1/display/check-in', undefined, 'Checking in…'));
  $('#ask-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const input = $('#ask-text');
    const text = input.value.trim();
    if (!text) return;
    $('#answer').textContent = 'Thinking…';
    try {
      const a = await api('POST', '/api/v1/display/ask', { text, ...(sessionId ? { sessionId } : {}) });
      sessionId = a.sessionId;
      $('#answer').textContent = a.text;
      input.value = '';
      await poll();
    } catch (err) {
      $('#answer').textContent = `${err.why} ${err.fix}`;
    }
  });
  BUTTONS.forEach((b) => show(b, false));
  await connect();
}

async function connect() {
  try {
    await signIn();
  } catch (err) {
    offline(err);
    // A network failure may pass: keep trying to sign in; a refused token will not.
    if (err.status === 0 || err.status >= 500) setTimeout(connect, POLL_MS);
    return;
  }
  await poll();
}

start();
