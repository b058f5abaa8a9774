// /console/rooms: add room mailboxes from Exchange's directory; per room its settings (name, list,
// capacity, check-in policy), devices (Alexa ids, room displays) and its day; utilization and check-in report.
import { api } from '../api.js';
import { startPage } from '../shell.js';
import { $, busy, confirmAction, copyField, el, fill, fmtDateTime, fmtTime, isoDay, note, problemBox, table } from '../ui.js';

const MODE_WORD = { off: 'Off', report: 'Report only', enforce: 'Enforce (release unattended meetings)' };
const STATE_WORD = { would_release: 'Would release', released: 'Released', checked_in: 'Checked in' };

/** YYYY-MM-DD plus n days (whole UTC days, as the API counts them). */
function addDays(day, n) {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

async function search() {
  const box = $('#candidates');
  const q = $('#room-search').value.trim();
  try {
    const { candidates } = await api('GET', `/api/v1/rooms/directory${q ? `?q=${encodeURIComponent(q)}` : ''}`);
    if (!candidates.length) return fill(box, el('p', { class: 'muted' }, q ? `No room mailbox matches “${q}”.` : 'Exchange lists no room mailboxes. A room must be in a room list to be found.'));
    fill(box, table(`${candidates.length} room mailbox${candidates.length === 1 ? '' : 'es'} found`, ['Name', 'Address', ''],
      candidates.map((c) => [c.name, c.email, c.added ? el('span', { class: 'muted' }, 'Added') : el('button', { type: 'button', class: 'small', 'aria-label': `Add ${c.name}`, onclick: (e) => addRoom(c, e.currentTarget) }, 'Add')])));
  } catch (err) {
    fill(box, problemBox(err, 'Searching Exchange for rooms failed.'));
  }
}

async function addRoom(c, button) {
  button.disabled = true;
  try {
    await api('POST', '/api/v1/rooms', { email: c.email, name: c.name });
    button.replaceWith(el('span', { class: 'muted' }, 'Added'));
    fill($('#rooms-result'), note(`${c.name} added.`));
    await loadRooms();
  } catch (err) {
    button.disabled = false;
    fill($('#candidates'), problemBox(err, `Adding ${c.name} failed.`), $('#candidates').lastElementChild);
  }
}

function labelled(id, text, input) {
  input.id = id;
  return el('div', {}, el('label', { for: id }, text), input);
}

function settingsForm(room, out) {
  const p = `r-${room.id}`;
  const name = el('input', { type: 'text', value: room.name, required: true });
  const list = el('input', { type: 'text', value: room.roomList || '' });
  const capacity = el('input', { type: 'number', min: '1', value: room.capacity ? String(room.capacity) : '' });
  const mode = el('select', {}, Object.entries(MODE_WORD).map(([v, t]) => el('option', { value: v, selected: room.checkIn.mode === v }, t)));
  const minutes = el('input', { type: 'number', min: '5', max: '20', value: String(room.checkIn.minutes) });
  const form = el('form', { novalidate: true, 'aria-label': `Settings of ${room.name}` },
    el('div', { class: 'grid2' },
      labelled(`${p}-name`, 'Name', name),
      labelled(`${p}-list`, 'Room list', list),
      labelled(`${p}-capacity`, 'Capacity', capacity),
      labelled(`${p}-mode`, 'Check-in', mode),
      labelled(`${p}-minutes`, 'Check-in window (minutes, 5–20)', minutes)),
    el('div', { class: 'actions' }, el('button', { type: 'submit' }, 'Save settings'), el('button', { type: 'button', class: 'danger', onclick: () => removeRoom(room) }, 'Remove room')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const m = Number(minutes.value);
    if (!(m >= 5 && m <= 20)) return fill(out, problemBox({ why: `The check-in window is ${minutes.value || 'empty'}.`, fix: 'Give a number of minutes from 5 to 20.' }, 'The settings were not saved.'));
    busy(form, async () => {
      try {
        await api('PATCH', `/api/v1/rooms/${room.id}`, { name: name.value.trim(), roomList: list.value.trim() || null, capacity: capacity.value ? Number(capacity.value) : null, checkIn: { mode: mode.value, minutes: m } });
        await loadRooms(room.id, note(`Saved the settings of ${name.value.trim()}.`));
      } catch (err) {
        fill(out, problemBox(err, `Saving the settings of ${room.name} failed.`));
      }
    });
  });
  return form;
}

function devicesBlock(room, out) {
  const p = `r-${room.id}`;
  const rows = room.devices.map((d) => [d.kind === 'alexa' ? 'Alexa' : 'Room display', d.label || '—', d.lastSeenAt ? fmtDateTime(d.lastSeenAt) : 'never',
    el('button', { type: 'button', class: 'secondary small', 'aria-label': `Remove ${d.kind === 'alexa' ? 'Alexa device' : 'room display'} ${d.label || d.id}`, onclick: async () => {
      if (!(await confirmAction(`Remove this device from ${room.name}?`, 'Remove device', d.kind === 'display' ? 'Its display link stops working.' : 'The Alexa device stops answering for this room.'))) return;
      try {
        await api('DELETE', `/api/v1/rooms/${room.id}/devices/${d.id}`);
        await loadRooms(room.id, note('Device removed.'));
      } catch (err) {
        fill(out, problemBox(err, 'Removing the device failed.'));
      }
    } }, 'Remove')]);
  const deviceId = el('input', { type: 'text', autocomplete: 'off', placeholder: 'amzn1.ask.device.…' });
  const alexaLabel = el('input', { type: 'text', autocomplete: 'off' });
  const alexa = el('form', { novalidate: true, 'aria-label': `Add an Alexa device to ${room.name}` },
    el('div', { class: 'grid2' }, labelled(`${p}-device`, 'Alexa device id', deviceId), labelled(`${p}-alexa-label`, 'Alexa device label', alexaLabel)),
    el('div', { class: 'actions' }, el('button', { type: 'submit' }, 'Add Alexa device')));
  alexa.addEventListener('submit', (e) => {
    e.preventDefault();
    if (!deviceId.value.trim()) return fill(out, problemBox({ why: 'The device id is empty.', fix: 'Copy the device id from the Alexa request log or the Alexa app, then add it.' }, 'No device was added.'));
    busy(alexa, async () => {
      try {
        await api('POST', `/api/v1/rooms/${room.id}/devices`, { kind: 'alexa', deviceId: deviceId.value.trim(), ...(alexaLabel.value.trim() ? { label: alexaLabel.value.trim() } : {}) });
        await loadRooms(room.id, note('Alexa device added.'));
      } catch (err) {
        fill(out, problemBox(err, 'Adding the Alexa device failed.'));
      }
    });
  });
  const displayLabel = el('input', { type: 'text', autocomplete: 'off', placeholder: 'Tablet by the door' });
  const display = el('form', { novalidate: true, 'aria-label': `Open a room display for ${room.name}` },
    labelled(`${p}-display-label`, 'Display label', displayLabel),
    el('div', { class: 'actions' }, el('button', { type: 'submit' }, 'Open a room display')));
  display.addEventListener('submit', (e) => {
    e.preventDefault();
    busy(display, async () => {
      try {
        const r = await api('POST', `/api/v1/rooms/${room.id}/devices`, { kind: 'display', ...(displayLabel.value.trim() ? { label: displayLabel.value.trim() } : {}) });
        await loadRooms(room.id, note('Room display created. Open this link on the display (it is shown only now):', 'warn'), copyField(`Display link for ${room.name}`, r.displayUrl), el('p', {}, el('a', { href: r.displayUrl, target: '_blank', rel: 'noopener' }, 'Open the display in a new tab')));
      } catch (err) {
        fill(out, problemBox(err, 'Creating the room display failed.'));
      }
    });
  });
  return el('div', {},
    el('h3', {}, 'Devices'),
    rows.length ? table(`Devices in ${room.name}`, ['Kind', 'Label', 'Last seen', ''], rows) : el('p', { class: 'muted' }, 'No devices yet.'),
    alexa, display);
}

function dayBlock(room) {
  const p = `r-${room.id}`;
  const date = el('input', { type: 'date', value: isoDay() });
  const out = el('div', { 'aria-live': 'polite' });
  const form = el('form', { novalidate: true, 'aria-label': `Day of ${room.name}` },
    el('div', { class: 'row' }, labelled(`${p}-date`, 'Day', date), el('button', { type: 'submit' }, 'Show day')));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      const s = await api('GET', `/api/v1/rooms/${room.id}/status?date=${date.value}`);
      const tz = s.room.timeZone;
      fill(out,
        el('p', {}, el('span', { class: `badge s-${s.state === 'free' ? 'ok' : 'warn'}` }, s.state === 'free' ? 'Free' : 'Busy'), ' ',
          s.state === 'free' ? (s.freeUntil ? `until ${fmtTime(s.freeUntil, tz)}` : 'for the rest of the day') : `until ${fmtTime(s.busyUntil, tz)}${s.current ? `: ${s.current.subject}` : ''}`),
        s.day.length
          ? table(`Bookings on ${date.value}`, ['Time', 'Subject', 'Organizer', 'Checked in', 'Released'], s.day.map((b) => [`${fmtTime(b.start, tz)}–${fmtTime(b.end, tz)}`, b.subject, b.organizer?.name || b.organizer?.email || '—', b.checkedIn ? 'Yes' : 'No', b.released ? 'Yes' : 'No']))
          : el('p', { class: 'muted' }, 'No bookings that day.'));
    } catch (err) {
      fill(out, problemBox(err, `Reading the day of ${room.name} failed.`));
    }
  });
  return el('div', {}, el('h3', {}, 'Status and day'), form, out);
}

function removeRoom(room) {
  confirmAction(`Remove ${room.name} from Concierge?`, 'Remove room', 'Its devices stop working. The room mailbox in Exchange is not touched.').then(async (yes) => {
    if (!yes) return;
    try {
      await api('DELETE', `/api/v1/rooms/${room.id}`);
      fill($('#rooms-result'), note(`${room.name} removed.`));
    } catch (err) {
      fill($('#rooms-result'), problemBox(err, `Removing ${room.name} failed.`));
    }
    await loadRooms();
  });
}

/** Redraws the rooms; the room `openId` stays open and shows `notes` (the outcome of what was just done there). */
async function loadRooms(openId, ...notes) {
  const box = $('#rooms');
  try {
    const { rooms } = await api('GET', '/api/v1/rooms');
    if (!rooms.length) return fill(box, el('p', { class: 'muted' }, 'No rooms yet: search Exchange above and add them.'));
    const open = new Set([...box.querySelectorAll('details[open]')].map((d) => d.dataset.id));
    if (openId) open.add(openId);
    fill(box, rooms.map((room) => {
      const out = el('div', { 'aria-live': 'polite' }, room.id === openId ? notes : null);
      return el('details', { class: 'room', open: open.has(room.id), 'data-id': room.id },
        el('summary', {}, el('strong', {}, room.name), el('span', { class: 'muted' }, ` · ${room.email}${room.roomList ? ` · ${room.roomList}` : ''}${room.capacity ? ` · ${room.capacity} seats` : ''} · check-in ${MODE_WORD[room.checkIn.mode].split(' ')[0].toLowerCase()} · ${room.devices.length} device${room.devices.length === 1 ? '' : 's'}`)),
        el('div', {}, out, settingsForm(room, out), devicesBlock(room, out), dayBlock(room)));
    }));
  } catch (err) {
    fill(box, problemBox(err, 'Loading the rooms failed.'));
  }
}

function period(fromId, toId) {
  const from = $(fromId).value;
  const to = $(toId).value;
  if (!from || !to) return undefined;
  return new URLSearchParams({ from, to: addDays(to, 1) });
}

async function showUtilization() {
  const box = $('#util');
  const q = period('#util-from', '#util-to');
  if (!q) return fill(box, problemBox({ why: 'The period needs both dates.', fix: 'Choose From and To.' }, 'No utilization was read.'));
  try {
    const r = await api('GET', `/api/v1/rooms/utilization?${q}`);
    const h = (n) => (Math.round(n * 10) / 10).toFixed(1);
    fill(box, r.rooms.length
      ? table(`Hours from ${$('#util-from').value} to ${$('#util-to').value}`, ['Room', 'Booked', 'Attended', 'Released', 'Recovered'], r.rooms.map((x) => [x.name, h(x.bookedHours), h(x.attendedHours), h(x.releasedHours), h(x.recoveredHours)]))
      : el('p', { class: 'muted' }, 'No rooms to report.'));
  } catch (err) {
    fill(box, problemBox(err, 'Reading the utilization failed.'));
  }
}

async function showReport() {
  const box = $('#report');
  const q = period('#report-from', '#report-to');
  if (!q) return fill(box, problemBox({ why: 'The period needs both dates.', fix: 'Choose both dates.' }, 'No report was read.'));
  try {
    const { entries } = await api('GET', `/api/v1/rooms/check-in/report?${q}`);
    fill(box, entries.length
      ? table(`${entries.length} check-in event${entries.length === 1 ? '' : 's'}`, ['Room', 'Meeting', 'Organizer', 'Time', 'What happened', 'At'], entries.map((x) => [x.room, x.subject || '(no subject)', x.organizer || '—', `${fmtDateTime(x.start)}–${fmtTime(x.end)}`, STATE_WORD[x.state] || x.state, fmtDateTime(x.at)]))
      : el('p', { class: 'muted' }, 'Nothing to report in that period.'));
  } catch (err) {
    fill(box, problemBox(err, 'Reading the check-in report failed.'));
  }
}

function syncCsvLink() {
  const q = period('#util-from', '#util-to');
  const link = $('#util-csv');
  if (q) q.set('format', 'csv');
  link.href = q ? `/api/v1/rooms/utilization?${q}` : '/api/v1/rooms/utilization?format=csv';
}

async function start() {
  await startPage('rooms', { adminOnly: true });
  const today = isoDay();
  const weekAgo = isoDay(new Date(Date.now() - 6 * 86_400_000));
  for (const id of ['#util-from', '#report-from']) $(id).value = weekAgo;
  for (const id of ['#util-to', '#report-to']) $(id).value = today;
  syncCsvLink();
  $('#util-from').addEventListener('change', syncCsvLink);
  $('#util-to').addEventListener('change', syncCsvLink);
  $('#search-form').addEventListener('submit', (e) => {
    e.preventDefault();
    busy($('#search-form'), search);
  });
  $('#util-form').addEventListener('submit', (e) => {
    e.preventDefault();
    busy($('#util-form'), showUtilization);
  });
  $('#report-form').addEventListener('submit', (e) => {
    e.preventDefault();
    busy($('#report-form'), showReport);
  });
  await loadRooms();
}

start();
