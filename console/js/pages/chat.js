// /console/chat: the assistant in words. The dialog session is kept between turns so "yes" answers
// the pending confirmation; events are a list; "Why?" shows what the assistant read and how.
import { api } from '../api.js';
import { startPage } from '../shell.js';
import { $, el, fill, fmtDate, fmtDateTime, fmtTime, problemBox, timeZone } from '../ui.js';

let sessionId;
// The buttons of the question still open: once anything else is asked, they answer nothing (a stale "Yes"
// would confirm whatever is waiting by then).
let retireButtons = () => {};

// What the assistant took the request for, in words (the API's `understood` is the intent and its slots).
const INTENT_WORDS = {
  read_events: 'What is on the calendar', next_meeting: 'The next meeting', find_meeting: 'When a meeting is', am_i_free: 'Whether you are free',
  create_event: 'A new event', cancel_event: 'Cancel an event', move_event: 'Move an event', confirm: 'Yes', deny: 'No', why: 'Why?',
  out_of_scope: 'Not a calendar request',
};
const understoodWords = (understood) => {
  const intent = String(understood).split(' ')[0];
  return INTENT_WORDS[intent] ?? intent.replace(/_/g, ' ');
};

function eventItem(e) {
  const when = e.isAllDay ? `${fmtDate(e.start)} (all day)` : `${fmtDateTime(e.start)}–${fmtTime(e.end)}`;
  return el('li', {}, el('strong', {}, e.subject || '(no subject)'), ` · ${when}`, e.location ? ` · ${e.location}` : '', e.isCancelled ? ' · cancelled' : '');
}

function explainBlock(x) {
  return el('div', { class: 'explain' },
    el('dl', { class: 'facts' },
      el('dt', {}, 'Understood'), el('dd', {}, understoodWords(x.understood)),
      el('dt', {}, 'Calendar'), el('dd', {}, `${x.calendar} of ${x.mailbox}`),
      el('dt', {}, 'Time zone'), el('dd', {}, x.timeZone),
      el('dt', {}, 'Read through'), el('dd', {}, `${x.access.account} on ${x.access.server} (${x.access.method})`),
      x.window ? [el('dt', {}, 'Time window'), el('dd', {}, `${fmtDateTime(x.window.start)} – ${fmtDateTime(x.window.end)}`)] : null,
    ),
    x.leftOut && x.leftOut.length ? [el('p', {}, 'Left out:'), el('ul', {}, x.leftOut.map((l) => el('li', {}, `${l.subject} (${fmtDateTime(l.start)}): ${l.reason}`)))] : null,
  );
}

function say(text, mine) {
  const item = el('li', { class: mine ? 'mine' : 'theirs' }, el('span', { class: 'visually-hidden' }, mine ? 'You: ' : 'Concierge: '), text);
  $('#log').append(item);
  return item;
}

function answerItem(a) {
  const item = say(a.text, false);
  if (a.events && a.events.length) item.append(el('ul', { class: 'events', 'aria-label': 'Events' }, a.events.map(eventItem)));
  const actions = el('div', { class: 'row' });
  if (a.pending) {
    // A question gets its answers as buttons: "Yes" to a confirmation, a name to "Which Bob do you mean?";
    // "When should it be?" is answered in the box (a time), so it only offers to drop the request.
    const buttons = answersTo(a.pending).map(([label, said]) => el('button', { type: 'button', class: 'small', onclick: () => { disable(); ask(said); } }, label));
    const asksQuestion = a.pending.kind === 'time' || a.pending.kind === 'person' || a.pending.kind === 'which';
    const no = el('button', { type: 'button', class: 'secondary small', onclick: () => { disable(); ask('no'); } }, asksQuestion ? 'Never mind' : 'No');
    const disable = () => { for (const b of [...buttons, no]) b.disabled = true; };
    retireButtons = disable;
    actions.append(...buttons, no);
  }
  if (a.explain) {
    const panel = el('div', { hidden: true, id: `why-${Math.random().toString(36).slice(2, 8)}` }, explainBlock(a.explain));
    const why = el('button', { type: 'button', class: 'secondary small', 'aria-expanded': 'false', 'aria-controls': panel.id, onclick: () => {
      panel.hidden = !panel.hidden;
      why.setAttribute('aria-expanded', String(!panel.hidden));
    } }, 'Why?');
    actions.append(why);
    item.append(actions, panel);
  } else if (a.pending) item.append(actions);
  if (a.pending?.kind === 'time') $('#question').focus();
  else if (a.pending) actions.querySelector('button').focus();
}

/** [button label, what it says] for each answer the pending question takes. */
function answersTo(pending) {
  if (pending.kind === 'time') return [];
  // "Which one should I cancel?": each event offered, answered by its place in the list.
  if (pending.kind === 'which') return pending.candidates.map((e, i) => [e.subject || 'Untitled', ['the first one', 'the second one', 'the third one', 'the fourth one'][i]]);
  if (pending.kind !== 'person') return [['Yes', 'yes']];
  // Two people of the same name are told apart by their addresses.
  const names = pending.candidates.map((c) => c.name);
  return pending.candidates.map((c) => (names.filter((n) => n === c.name).length > 1 ? [`${c.name} (${c.email})`, c.email] : [c.name, c.name]));
}

async function ask(text) {
  retireButtons();
  retireButtons = () => {};
  const result = $('#result');
  fill(result);
  say(text, true);
  try {
    const a = await api('POST', '/api/v1/assistant/ask', { text, timeZone: timeZone(), ...(sessionId ? { sessionId } : {}) });
    sessionId = a.sessionId;
    answerItem(a);
  } catch (err) {
    fill(result, problemBox(err, 'The assistant could not answer.'));
  }
}

async function start() {
  const session = await startPage('chat');
  if (session.role === 'admin') {
    let mailbox = 'the test mailbox';
    try {
      const link = await api('GET', '/api/v1/exchange');
      if (link.testMailbox) mailbox = link.testMailbox;
    } catch {
      // The note below still holds; the answer to a question will say what is wrong.
    }
    fill($('#whose'), el('strong', {}, 'Administrators try the assistant on the link’s test mailbox only: '), `questions here are answered from ${mailbox}'s calendar, never anyone else’s.`);
  }
  const form = $('#ask-form');
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const input = $('#question');
    const text = input.value.trim();
    if (!text) return;
    input.value = '';
    const button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    try {
      await ask(text);
    } finally {
      button.disabled = false;
      if (!document.activeElement || document.activeElement === document.body) input.focus();
    }
  });
  $('#new-chat').addEventListener('click', () => {
    sessionId = undefined;
    fill($('#log'));
    fill($('#result'));
    $('#question').focus();
  });
}

start();
