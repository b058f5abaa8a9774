/**
 * What an event is about, from the tagger's spans: its title, the people (names as said), the place,
 * and whether it is a reminder ("remind me to call mom at 5" -> title "call mom", reminder).
 */
import { EVENT_NOUNS } from './lexicon.js';
import type { Span } from './slots.js';
import type { Token } from './text.js';
import type { Intent } from './types.js';

export interface About {
  title?: string;
  people?: string[];
  location?: string;
  reminder?: boolean;
}

const WHEN_TYPES = new Set(['date', 'time', 'timeofday', 'general_frequency']);
const TRAILING = /^(at|on|by|for|in|from|to|this|next|the|every|around|about|before|after|tomorrow|today|tonight|and|with|please)$/;
const REMIND = /\b(remind|reminder|remember|notify|alert)\b(?: me| us)?(?: to| that i (?:need|have) to| about| of)?\b/;

function words(tokens: readonly Token[], from: number, to: number, original = false): string {
  return tokens.slice(from, to).map((t) => (original ? t.text : t.lower)).join(' ');
}

/** Possessives and articles are how a name was said, not part of it: "bob's" -> "bob". */
function cleanName(value: string): string {
  return value.replace(/'s$|s'$/, '').replace(/^(my|the|our) /, '');
}

/** The words after "remind me to", up to the first date or time. */
function reminderTitle(tokens: readonly Token[], spans: readonly Span[]): string | undefined {
  const text = tokens.map((t) => t.lower).join(' ');
  const m = REMIND.exec(text);
  if (!m) return undefined;
  const before = text.slice(0, m.index + m[0].length).trim();
  let from = before ? before.split(' ').length : 0;
  // "remind me at 9am tomorrow to send the report": the when comes first, then "to" and the what.
  if (!/\b(to|that)$/.test(m[0])) {
    const inWhen = (i: number) => spans.some((s) => WHEN_TYPES.has(s.type) && s.from <= i && i < s.to) || TRAILING.test(tokens[i]!.lower) || /^(am|pm)$/.test(tokens[i]!.lower);
    let k = from;
    while (k < tokens.length && tokens[k]!.lower !== 'to' && inWhen(k)) k++;
    if (k === from || tokens[k]?.lower !== 'to') return undefined;
    from = k + 1;
  }
  let to = tokens.length;
  for (const s of spans) if (WHEN_TYPES.has(s.type) && s.from >= from && s.from < to) to = s.from;
  while (to > from && TRAILING.test(tokens[to - 1]!.lower)) to--;
  while (from < to && /^(go|to)$/.test(tokens[from]!.lower) && to - from > 1 && tokens[from]!.lower === 'to') from++;
  return to > from ? words(tokens, from, to) : undefined;
}

/** A typed clock, date or length: when or how long, never what or where ("2:30", "3/25", "30m", "1.5h"). */
const WHEN_TOKEN = /^(\d{1,2}(:\d\d)?|\d+(\.\d+)?|\d{1,2}[/.-]\d{1,2}([/.-]\d{2,4})?|am|pm|-|\d+(\.\d+)?(m|min|mins|h|hr|hrs)|hours?|hrs?|minutes?|mins?)$/;

/** A typed clock, date or length at the front of a name is not part of it: "my 2:30 meeting" -> "meeting". */
function eventName(tokens: readonly Token[], span: Span): string | undefined {
  let from = span.from;
  while (from < span.to && WHEN_TOKEN.test(tokens[from]!.lower)) from++;
  // Nothing but a length or a time ("block 1.5 hours"): no name was said.
  if (from === span.to) return undefined;
  // "push the standup back by 30 minutes": the direction of a move is not part of the name.
  let to = span.to;
  while (to > from + 1 && /^(back|up|out|forward|ahead|later|earlier|by)$/.test(tokens[to - 1]!.lower)) to--;
  return words(tokens, from, to);
}

/**
 * A title given outright: "an event called board prep on wednesday", "put quarterly planning on my
 * calendar": the words after "called/named/titled", or between "add/put" and "on/to my calendar", up to
 * the first date, time or trailing preposition.
 */
function calledTitle(tokens: readonly Token[], spans: readonly Span[]): string | undefined {
  const lower = tokens.map((t) => t.lower);
  let from = lower.findIndex((w) => w === 'called' || w === 'named' || w === 'titled') + 1;
  let to = tokens.length;
  if (from === 0) {
    const onCalendar = lower.findIndex((w, i) => /^(on|to|in|into)$/.test(w) && /^(my|the)$/.test(lower[i + 1] ?? '') && /^(calendar|calender|schedule|agenda)$/.test(lower[i + 2] ?? ''));
    if (onCalendar < 2 || !/^(add|put|place|enter|write)$/.test(lower[0] ?? '')) return undefined;
    [from, to] = [1, onCalendar];
    // "add lunch with bob to my calendar": the guests are not part of the title.
    const withAt = lower.indexOf('with', from);
    if (withAt > from && withAt < to) to = withAt;
  }
  for (const s of spans) if (WHEN_TYPES.has(s.type) && s.from >= from && s.from < to) to = s.from;
  while (to > from && TRAILING.test(lower[to - 1]!)) to--;
  while (from < to && /^(a|an|the)$/.test(lower[from]!)) from++;
  return to > from ? words(tokens, from, to) : undefined;
}

/** People typed with capitals after "with" ("Lunch with Bob and Ann"), when the tagger found none. */
function typedPeople(tokens: readonly Token[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.lower !== 'with') continue;
    for (let j = i + 1; j < tokens.length; j++) {
      const t = tokens[j]!;
      if (t.lower === 'and' || t.text === ',') continue;
      if (!/^[A-Z][a-z'-]+$/.test(t.text) || /^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Today|Tomorrow|January|February|March|April|May|June|July|August|September|October|November|December)$/.test(t.text)) break;
      out.push(cleanName(t.lower));
    }
  }
  return out;
}

export function describe(tokens: readonly Token[], spans: readonly Span[], intent: Intent): About {
  const about: About = {};
  const of = (type: string): Span[] => spans.filter((s) => s.type === type);
  const event = of('event_name')[0] ?? of('meal_type')[0];
  const reminder = intent === 'create_event' && REMIND.test(tokens.map((t) => t.lower).join(' '));
  if (reminder) about.reminder = true;
  const remindTitle = reminder ? reminderTitle(tokens, spans) : undefined;
  // Without a tagged name, a known kind of event said in the request is the title ("set up a call with Dave").
  const noun = tokens.find((t) => EVENT_NOUNS.has(t.lower) && !/^(events?|reminders?|date)$/.test(t.lower));
  // "mary's birthday", "my brother's graduation": whose event it is belongs to its title, not to the guests.
  const owner = event && [...of('person'), ...of('relation')].find((s) => s.to === event.from && /'s$|s'$/.test(tokens[s.to - 1]!.lower));
  const named = event ? eventName(tokens, event) : undefined;
  const title = remindTitle ?? calledTitle(tokens, spans) ?? (named && owner ? `${words(tokens, owner.from, owner.to)} ${named}` : named ?? noun?.lower);
  if (title) about.title = title;
  // "add dentist 3/25": what the event is, not someone to invite (SLURP tags "dentist" a relation).
  const people = [...of('person'), ...of('relation')].filter((s) => s !== owner).sort((a, b) => a.from - b.from).map((s) => cleanName(words(tokens, s.from, s.to))).filter((p) => p !== title);
  const typed = people.length ? [] : typedPeople(tokens);
  if (people.length || typed.length) about.people = people.length ? people : typed;
  const place = of('place_name')[0];
  const location = place && !tokens.slice(place.from, place.to).every((t) => WHEN_TOKEN.test(t.lower)) ? words(tokens, place.from, place.to) : undefined;
  // "book this room": the room is where the panel is, not a place that was named.
  if (location && !(intent.startsWith('room_') && /^(this |the |a )?room$/.test(location))) about.location = location;
  return about;
}
