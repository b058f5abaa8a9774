/**
 * What an event is about, from the tagger's spans: its title, the people (names as said), the place,
 * and whether it is a reminder ("remind me to call mom at 5" -> title "call mom", reminder).
 */
import { wordClass } from './features.js';
import { EVENT_NOUNS } from './lexicon.js';
import type { Span } from './slots.js';
import type { Token } from './text.js';
import type { Intent } from './types.js';
import { guestList, placeAfterIn, titleBefore } from './request-shape.js';
import { FREQUENCY_WORD } from './frequency-names.js';
import { widenedToSaidName } from './said-name.js';
import { cleanName, commaBefore, DAY_OR_MONTH, NOT_A_NAME, TRAILING, WHEN_TOKEN, words } from './name-words.js';

export interface About {
  title?: string;
  people?: string[];
  /** Single untagged words after "with" that may be people ("with ann"): the dialog keeps those the directory knows. */
  maybePeople?: string[];
  location?: string;
  reminder?: boolean;
}

const WHEN_TYPES = new Set(['date', 'time', 'timeofday', 'general_frequency']);
const PERSON_TYPES = new Set(['person', 'relation']);
const FREQUENCY = new Set(['general_frequency']);
/** "on weekdays", "mondays": how often, which the tagger may take for a place; the repeat reader has it. */
const REPEAT_WORD = /^(weekdays|weekends|workdays|daily|weekly|monthly|yearly|mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays)$/;
/** "without carol", "w/o bob", "everyone except dana": people said so that they are left out. */
const LEAVES_OUT = /^(without|except|excluding)$/;
const REMIND = /\b(remind|reminder|remember|notify|alert)\b(?: me| us)?(?: to| that i (?:need|have) to| about| of)?\b/;

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

/**
 * Words of a time said in words, which the tagger may take for a name or a place: "end of day", "close of
 * business" ("add call end of day friday": the call, at 5 PM), "quarter to three", "half past two".
 */
function inSpokenTime(tokens: readonly Token[], i: number): boolean {
  const w = tokens[i]?.lower;
  const next = tokens[i + 1]?.lower;
  if (/^(end|close)$/.test(w ?? '')) return next === 'of';
  return /^(quarter|half)$/.test(w ?? '') && /^(to|past|after|till|til|of|before)$/.test(next ?? '');
}

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
    if (onCalendar < 2 || !/^(add|put|place|enter|write|stick|pop)$/.test(lower[0] ?? '')) return undefined;
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

const COMMAND_VERB = /^(set|line|sign|hook|book|add|schedule|create|make|put|plan|cancel|delete|remove|move|reschedule|push)$/;

/** Whether token `i` lies in a span, or in a span of one of `types`. */
function covered(spans: readonly Span[], i: number, types?: ReadonlySet<string>): boolean {
  return spans.some((s) => s.from <= i && i < s.to && (!types || types.has(s.type)));
}

/**
 * A name the tagger did not find, from the words it left untagged after the request's opening:
 * "when is the project kickoff", "add project kickoff monday at 10", "cancel the offsite prep".
 */
function untaggedTitle(tokens: readonly Token[], spans: readonly Span[], classOf: (w: string) => string = wordClass): string | undefined {
  const lower = tokens.map((t) => t.lower);
  let from = 0;
  // "add weekly check-in ...": a repeat said before the name is no word of it (the series keeps it).
  // ("how long is the customer demo": "long" is the question's, not the name's.)
  const opening = (i: number) => (!covered(spans, i) && (NOT_A_NAME.test(lower[i]!) || (/^long(?:'s)?$/.test(lower[i]!) && lower[i - 1] === 'how'))) || (FREQUENCY_WORD.test(lower[i]!) && covered(spans, i, FREQUENCY));
  while (from < lower.length && opening(from)) from++;
  let to = from;
  // "focus time", "family time": "time" after a name word is part of the name.
  while (to < lower.length && !covered(spans, to) && !TRAILING.test(lower[to]!) && !WHEN_TOKEN.test(lower[to]!) && !inSpokenTime(tokens, to) && ((!NOT_A_NAME.test(lower[to]!) && classOf(lower[to]!) === 'w') || (lower[to] === 'time' && to > from))) to++;
  // One stray word in a long request is more likely noise than a name ("add xyz ..." keeps it; "i think ..." does not start here).
  return to > from ? words(tokens, from, to) : undefined;
}

/**
 * A generic name widened over the untagged words around it: "my wrap up [meeting]" -> "wrap up meeting",
 * "the [offsite] prep" -> "offsite prep". Stops at an article, a possessive, a time, a tagged word, or a
 * verb's particle ("set up meeting"). `anyName`: widen any tagged name, not only a generic noun (a new
 * event's title is written as said: "add project [plan review] tomorrow" is "project plan review").
 */
function widenedName(tokens: readonly Token[], spans: readonly Span[], event: Span, classOf: (w: string) => string = wordClass, anyName = false): Span {
  if (!anyName && (event.to - event.from !== 1 || !EVENT_NOUNS.has(tokens[event.from]!.lower))) return event;
  // (In a new event's title, other event words, meals and groups are name words too: "standup notes review", "team lunch".)
  const nameWord = (w: string) => classOf(w) === 'w' || (anyName && /^(eventnoun|meal|relation)$/.test(classOf(w)));
  let from = event.from;
  while (from > 0 && from > event.from - 3) {
    const w = tokens[from - 1]!.lower;
    if (covered(spans, from - 1) || (NOT_A_NAME.test(w) && w !== 'up') || TRAILING.test(w) || WHEN_TOKEN.test(w) || /'s$|s'$/.test(w) || !nameWord(w)) break;
    from--;
  }
  // "set up meeting with bob": "up" belongs to the verb before it, not to the name.
  if (from < event.from && tokens[from]!.lower === 'up' && (from === 0 || COMMAND_VERB.test(tokens[from - 1]!.lower))) return event;
  // "cancel the offsite prep": a word after the noun that nothing else claims qualifies it too.
  let to = event.to;
  while (to < tokens.length && to < event.to + 2) {
    const w = tokens[to]!.lower;
    if (covered(spans, to) || NOT_A_NAME.test(w) || TRAILING.test(w) || WHEN_TOKEN.test(w) || !nameWord(w) || !/^[a-z][a-z'-]*$/.test(w) || inSpokenTime(tokens, to)) break;
    to++;
  }
  return { ...event, from, to };
}

/**
 * Guests said as a list after "with" where the tagger caught only some: "a call with dana and bob" ->
 * dana, bob; "with Bob Smith and Ann Lee" -> Ann Lee too. Each item is a name of one or two words, ended
 * by "and", a comma or the end of the list. Items join only a list that holds a tagged person, and only
 * if each word could be a name; items holding a tagged person are that person's (see withSurname).
 */
function listedGuests(tokens: readonly Token[], spans: readonly Span[]): { name: string; at: number; takes: number[] }[] {
  const out: { name: string; at: number; takes: number[] }[] = [];
  const isPerson = (k: number) => covered(spans, k, PERSON_TYPES);
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.lower !== 'with') continue;
    const items: { from: number; to: number }[] = [];
    let j = i + 1;
    while (j < tokens.length) {
      let k = j;
      while (k < tokens.length && k - j < 2 && (k === j || !commaBefore(tokens, k)) && (isPerson(k) || couldBeName(spans, k, tokens[k]!.lower))) k++;
      if (k === j) break;
      const next = tokens[k]?.lower;
      if (next === 'and' || next === '&') {
        items.push({ from: j, to: k });
        j = k + 1;
      } else if (next !== undefined && commaBefore(tokens, k)) {
        items.push({ from: j, to: k });
        j = k;
      } else {
        if (endsBefore(spans, k, next)) items.push({ from: j, to: k });
        break;
      }
    }
    const range = (it: { from: number; to: number }) => Array.from({ length: it.to - it.from }, (_, n) => it.from + n);
    if (!items.some((it) => range(it).some(isPerson))) continue;
    // An item whose tagged word is not its first ("dave [kim]", "ann [carol]") is said whole: the
    // directory decides whether it is one person or two (see the dialog). Its tagged word is then taken.
    for (const it of items) if (!isPerson(it.from)) out.push({ name: cleanName(words(tokens, it.from, it.to)), at: it.from, takes: range(it).filter(isPerson) });
  }
  return out;
}

/** Whether the untagged word `w` at `i` could be (part of) a person's name: a plain word, not an opening, a stop word or a when. */
function couldBeName(spans: readonly Span[], i: number, w: string | undefined): w is string {
  return w !== undefined && !covered(spans, i) && !NOT_A_NAME.test(w) && !TRAILING.test(w) && !WHEN_TOKEN.test(w) && /^[a-z][a-z'-]+$/.test(w) && ['w', 'name'].includes(wordClass(w));
}

/** Whether a phrase ends before the word `w` at `i`: nothing more, a tagged word, a preposition or a when. */
function endsBefore(spans: readonly Span[], i: number, w: string | undefined): boolean {
  return w === undefined || covered(spans, i) || TRAILING.test(w) || WHEN_TOKEN.test(w);
}

/**
 * "Dave" "Kim" tagged as two people side by side are one, Dave Kim, when typed as a name is (capitals,
 * nothing between them); "bob, carol" and a spoken "bob carol and dana" stay a list.
 */
function adjacentJoined(tokens: readonly Token[], persons: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const p of persons) {
    const last = out[out.length - 1];
    const left = last && tokens[last.to - 1];
    const right = tokens[p.from];
    const typedName = left && right && right.start - left.end === 1 && /^[A-Z]/.test(left.text) && /^[A-Z]/.test(right.text);
    if (last && last.to === p.from && typedName) out[out.length - 1] = { ...last, to: p.to };
    else out.push(p);
  }
  return out;
}

/** A tagged person's next word, when it can only be their surname: "bob jones", "carol diaz tomorrow". */
function withSurname(tokens: readonly Token[], spans: readonly Span[], person: Span): Span {
  const next = tokens[person.to]?.lower;
  const after = tokens[person.to + 1]?.lower;
  if (!couldBeName(spans, person.to, next) || commaBefore(tokens, person.to)) return person;
  return after === ',' || endsBefore(spans, person.to + 1, after) ? { ...person, to: person.to + 1 } : person;
}

/**
 * "with ann friday at 2", "when am i meeting carol", "when do i see bob": one untagged word after "with" (or
 * after "i meet/see"), then a time, a preposition or the end.
 */
function untaggedGuests(tokens: readonly Token[], spans: readonly Span[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    const w0 = tokens[i]!.lower;
    const meets = /^(meet|meeting|see|seeing|visit|visiting)$/.test(w0) && /^(i|i'm|am|we)$/.test(tokens[i - 1]?.lower ?? '');
    // ("call bob": a call opening the request is a call with Bob, who the directory may know.)
    const calls = w0 === 'call' && i === 0;
    if (w0 !== 'with' && !meets && !calls) continue;
    const w = tokens[i + 1]!.lower;
    if (!couldBeName(spans, i + 1, w)) continue;
    if (endsBefore(spans, i + 2, tokens[i + 2]?.lower)) out.push(cleanName(w));
    // "with ann lee saturday": a first name and a surname, then the when.
    else if (couldBeName(spans, i + 2, tokens[i + 2]?.lower) && endsBefore(spans, i + 3, tokens[i + 3]?.lower)) out.push(`${w} ${cleanName(tokens[i + 2]!.lower)}`);
  }
  return out;
}

/**
 * "at 10 tomorrow in the boardroom", "in the boardroom thursday at 2": a place after "in/at (the)" that the
 * tagger left untagged, ending the request or followed by its when.
 */
function trailingPlace(tokens: readonly Token[], spans: readonly Span[]): string | undefined {
  const n = tokens.length;
  const whenAt = (i: number) => i >= n || (covered(spans, i) && spans.some((s) => WHEN_TYPES.has(s.type) && s.from <= i && i < s.to)) || WHEN_TOKEN.test(tokens[i]!.lower) || /^(on|at|this|next|tomorrow|today|tonight|from|for)$/.test(tokens[i]!.lower);
  for (let i = 1; i < n; i++) {
    const prep = tokens[i - 1]!.lower === 'the' ? tokens[i - 2]?.lower : tokens[i - 1]!.lower;
    if (!/^(in|at)$/.test(prep ?? '')) continue;
    for (const len of [2, 1]) {
      if (i + len > n || !whenAt(i + len)) continue;
      const ws = tokens.slice(i, i + len).map((t) => t.lower);
      if (ws.some((w, k) => covered(spans, i + k) || NOT_A_NAME.test(w) || TRAILING.test(w) || WHEN_TOKEN.test(w) || !['w', 'placecue'].includes(wordClass(w)))) continue;
      return ws.join(' ');
    }
  }
  return undefined;
}

/** "in building 5", "in room 12b", "on the 3rd floor": a place named with its number (which is no time). */
export const NUMBERED_PLACE = /\b(?:in|at|on) (?:the )?((?:building|bldg|room|rm|suite|gate|level|hall|studio|lab|conference room|meeting room|auditorium) \d+[a-z]?|\d+(?:st|nd|rd|th) floor|floor \d+)\b/;

/** "block 2-4 friday for focus time": what the time is for, said last after "for". */
function forTitle(tokens: readonly Token[], spans: readonly Span[], classOf: (w: string) => string): string | undefined {
  const at = tokens.map((t) => t.lower).lastIndexOf('for');
  if (at < 0) return undefined;
  // Up to the day or time said after it ("for writing on thursday").
  let to = at + 1;
  while (to < tokens.length && !TRAILING.test(tokens[to]!.lower) && !spans.some((s) => WHEN_TYPES.has(s.type) && s.from <= to && to < s.to)) to++;
  const ws = tokens.slice(at + 1, to).map((t) => t.lower);
  // ("focus time" is a name; "time" alone is not.)
  if (ws.length === 0 || ws.some((w) => (NOT_A_NAME.test(w) && w !== 'time') || WHEN_TOKEN.test(w) || !['w', 'timeword'].includes(classOf(w))) || ws.every((w) => classOf(w) === 'timeword' || w === 'time')) return undefined;
  return ws.join(' ');
}

const TOPIC_END = /^(at|on|by|for|in|from|to|with|tomorrow|today|tonight|next|this|every|around|before|after|and|please)$/;

/**
 * What follows a kind of event and belongs to its name: "about the budget", "regarding q3", "with the
 * vendor" (a group, not a person: no name was tagged there), up to the when, a preposition or the end.
 */
function topicOf(tokens: readonly Token[], spans: readonly Span[], title: number): string | undefined {
  // Guests may come first: "1:1 with bob re: roadmap" is about the roadmap (the guests stay guests).
  let at = title;
  if (tokens[at + 1]?.lower === 'with' && covered(spans, at + 2, PERSON_TYPES)) {
    let k = at + 2;
    while (k < tokens.length && (covered(spans, k, PERSON_TYPES) || tokens[k]!.lower === 'and')) k++;
    if (/^(about|regarding|re)$/.test(tokens[k]?.lower ?? '')) at = k - 1;
  }
  const first = tokens[at + 1]?.lower;
  const opener = first === 'about' || first === 'regarding' || first === 're' ? 1 : first === 'with' && /^(the|our|a|an)$/.test(tokens[at + 2]?.lower ?? '') ? 2 : 0;
  if (!opener) return undefined;
  let to = at + 1 + opener;
  while (to < tokens.length && !TOPIC_END.test(tokens[to]!.lower) && !WHEN_TOKEN.test(tokens[to]!.lower) && !covered(spans, to, WHEN_TYPES) && !covered(spans, to, PERSON_TYPES)) to++;
  // Only the article ("with the"), or a name was tagged there: not a topic.
  if (to <= at + 2 || (opener === 2 && to === at + 3)) return undefined;
  return words(tokens, at + 1, to);
}

/**
 * The title with the capitals it was typed with ("add Sprint Review friday" -> "Sprint Review"), when its
 * words are consecutive tokens as said; otherwise as understood (lower case).
 */
function asTyped(tokens: readonly Token[], title: string): string {
  const want = title.split(' ');
  for (let i = 0; i + want.length <= tokens.length; i++) {
    if (want.every((w, k) => tokens[i + k]!.lower === w)) return tokens.slice(i, i + want.length).map((t, k) => (t.lower === t.text.toLowerCase() ? t.text : want[k])).join(' ');
  }
  return title;
}

const FIXED_NAMES = /\b(day off|days off|happy hour|book club|book group|date night|game night|movie night|poker night|trivia night|quiz night|karaoke night|girls'? night|guys'? night|night out|parents'? evening|open house|office hours?)\b/;

/** "q4", "v2", "3.1", "2nd", "10th": a number that is a word of a name wherever it stands next to one. */
const NAME_NUMBER_SHAPE = /^(?=[a-z0-9.]*\d)(?=[a-z0-9.]*[a-z])[a-z]{0,2}\d+(\.\d+)*[a-z]{0,2}$|^\d+\.\d+(\.\d+)*$/;
/** Not "30m", "1h", "2pm", "3d": lengths and times typed short. */
const nameNumber = (w: string): boolean => NAME_NUMBER_SHAPE.test(w) && (/^\d+\.\d+$/.test(w) || !WHEN_TOKEN.test(w)) && !/^\d+(\.\d+)?([ap]m?|d|days?|w|wks?|hrs?)$/.test(w);
/** A word that can be part of a name: letters, not a time word, a function word or a command. */
const nameWord = (w: string | undefined): boolean => w !== undefined && /^[a-z][a-z'-]*$/.test(w) && !NOT_A_NAME.test(w) && !TRAILING.test(w) && !WHEN_TOKEN.test(w) && !DAY_OR_MONTH.test(w);

/**
 * The numbers of a name that no model keeps in it: "sprint 2 planning", "top 10 review", "release 3.1
 * planning", "Q4 OKR review", "v2 launch party", "2nd interview". A bare number counts only between name
 * words ("sprint 2" alone, or "review at 2", stay as they were): the date reader reads it otherwise.
 */
function withNameNumbers(tokens: readonly Token[], title: string): string {
  const want = title.toLowerCase().split(' ');
  const lower = tokens.map((t) => t.lower);
  const at = lower.findIndex((_, i) => want.every((w, k) => lower[i + k] === w));
  if (at < 0) return title;
  let from = at;
  let to = at + want.length;
  for (let n = 0; n < 2; n++) {
    const before = lower[from - 1];
    if (before && nameNumber(before)) from--;
    else if (before && /^\d+$/.test(before) && nameWord(lower[from - 2]) && !COMMAND_VERB.test(lower[from - 2]!)) from -= 2;
    else break;
  }
  const after = lower[to];
  if (after && (nameNumber(after) || /^\d+$/.test(after)) && nameWord(lower[to + 1])) to += 2;
  if (from === at && to === at + want.length) return title;
  return [...lower.slice(from, at), ...want, ...lower.slice(at + want.length, to)].join(' ');
}

/** A place said where a name is expected ("add gym at 6pm"), with no "at/in" before it, is what the event is. */
function placeAsName(tokens: readonly Token[], place: Span): boolean {
  const before = tokens[place.from - 1]?.lower;
  return before === undefined || /^(add|schedule|book|put|create|plan|cancel|delete|remove|move|reschedule|my|the|a|an)$/.test(before);
}

/** Whether `span` is said as a group met by the kind of event said before it: "[call] with the [client]", "sync with our [vendor]". */
function isGroupMet(tokens: readonly Token[], span: Span, kindAt: number): boolean {
  return kindAt >= 0 && kindAt < span.from - 2 && tokens[span.from - 2]!.lower === 'with' && /^(the|our)$/.test(tokens[span.from - 1]!.lower);
}

/**
 * A "place" the tagger found right after "with" is someone to meet ("a call with ann in 2 hours": it learned
 * "with" before names rarely enough to call Ann a place); with a word that says where after the name ("with
 * ann downtown", "with bob home"), the name is the guest and the rest the place.
 */
function guestOrPlace(tokens: readonly Token[], tagged: Span | undefined): { guest?: string; place?: Span } {
  if (!tagged || tokens[tagged.from - 1]?.lower !== 'with' || tagged.to - tagged.from > 2) return { place: tagged };
  const cue = tokens.slice(tagged.from, tagged.to).findIndex((t) => wordClass(t.lower) === 'placecue');
  if (cue <= 0) return { guest: words(tokens, tagged.from, tagged.to) };
  return { guest: words(tokens, tagged.from, tagged.from + cue), place: { ...tagged, from: tagged.from + cue } };
}

/**
 * `nameParts`: parts of day said as words of a name ("movie night", "the morning standup"), which count as
 * name words here.
 */
export function describe(tokens: readonly Token[], spans: readonly Span[], intent: Intent, nameParts: ReadonlySet<string> = new Set()): About {
  const classOf = (w: string): string => (nameParts.has(w) ? 'w' : wordClass(w));
  const about: About = {};
  const of = (type: string): Span[] => spans.filter((s) => s.type === type);
  // "team lunch", "board dinner": a name tagged right before a meal is one name with it.
  const [tagged1, meal] = [of('event_name')[0], of('meal_type')[0]];
  const taggedEvent = tagged1 && meal && meal.from === tagged1.to ? { ...tagged1, to: meal.to } : tagged1 ?? meal;
  const reminder = intent === 'create_event' && REMIND.test(tokens.map((t) => t.lower).join(' '));
  if (reminder) about.reminder = true;
  const remindTitle = reminder ? reminderTitle(tokens, spans) : undefined;
  // Without a tagged name, a known kind of event said in the request is the title ("set up a call with Dave").
  const noun = tokens.find((t) => EVENT_NOUNS.has(t.lower) && !/^(events?|reminders?|date)$/.test(t.lower));
  // "a call with the client": the group met, tagged as a name, is what the call is about (see topicOf).
  const event = taggedEvent && noun && isGroupMet(tokens, taggedEvent, tokens.indexOf(noun)) ? undefined : taggedEvent;
  // "mary's birthday", "my brother's graduation": whose event it is belongs to its title, not to the guests.
  const owner = event && [...of('person'), ...of('relation')].find((s) => s.to === event.from && /'s$|s'$/.test(tokens[s.to - 1]!.lower));
  const named = event ? eventName(tokens, owner ? event : widenedName(tokens, spans, event, classOf, intent === 'create_event')) : undefined;
  // An untagged kind of event takes the words that qualify it as a tagged one would ("add sprint review").
  const nounAt = noun ? tokens.indexOf(noun) : -1;
  const nounName = noun ? eventName(tokens, widenedName(tokens, spans, { type: 'event_name', from: nounAt, to: nounAt + 1 }, classOf)) ?? noun.lower : undefined;
  // "a call with ann in 2 hours": a "place" right after "with" is someone to meet, not where (the tagger
  // learned "with" before names rarely enough to call Ann a place).
  const { guest: placeGuest, place } = guestOrPlace(tokens, of('place_name')[0]);
  const placeWords = place && !tokens.slice(place.from, place.to).every((t, k) => WHEN_TOKEN.test(t.lower) || REPEAT_WORD.test(t.lower) || inSpokenTime(tokens, place.from + k)) ? words(tokens, place.from, place.to) : undefined;
  // What the tagger left untagged names the event only for requests about one event.
  const aboutOne = intent === 'create_event' || intent === 'find_meeting' || intent === 'cancel_event' || intent === 'move_event';
  const placeTitle = aboutOne && !event && !noun && place && placeWords && placeAsName(tokens, place) ? placeWords : undefined;
  // "out of office from the 15th to the 19th": a fixed phrase, not "out" at a place called "office".
  const outOfOffice = /\b(out of (the )?office|ooo|pto)\b/.test(tokens.map((t) => t.lower).join(' ')) ? 'Out of office' : undefined;
  const called = calledTitle(tokens, spans);
  const given =
    outOfOffice ??
    remindTitle ??
    called ??
    (named && owner ? `${words(tokens, owner.from, owner.to)} ${named}` : named ?? nounName) ??
    placeTitle ??
    (aboutOne ? untaggedTitle(tokens, spans, classOf) : undefined) ??
    (intent === 'create_event' ? forTitle(tokens, spans, classOf) : undefined);
  // A new event's name as said in full ("add budget plan tomorrow": "budget plan", where the tagger took "budget").
  // (Not a title given outright, a reminder's, or one whose owner was said: those are read as said already.)
  const said = intent === 'create_event' && !outOfOffice && !remindTitle && !called && !owner ? widenedToSaidName(tokens, spans, given) : undefined;
  const title = said?.title ?? given;
  const inName = (at: number) => said?.span !== undefined && at >= said.span.from && at < said.span.to;
  // "a call about the budget", "lunch with the team": a kind of event and what it is about, not the kind alone.
  // (The title a single word as said, tagged or not: "add 1:1 w/ bob re: roadmap".)
  const titleAt = title && !title.includes(' ') ? (noun && title === noun.lower ? nounAt : tokens.findIndex((t) => t.lower === title)) : -1;
  const topic = intent === 'create_event' && titleAt >= 0 ? topicOf(tokens, spans, titleAt) : undefined;
  // "a two-day offsite", "a conference starting thursday": the length and the "starting" say when, not what.
  // "happy hour", "book club", "date night": names made of words that alone are a time or a command.
  const fixed = FIXED_NAMES.exec(tokens.map((t) => t.lower).join(' '))?.[0];
  const spoken = (fixed && (!title || fixed.includes(title.toLowerCase())) ? fixed : title)?.replace(/^(?:\d+|two|three|four|five)-(?:day|hour|minute) /, '').replace(/ (?:starting|beginning|from)$/, '');
  // ("cancel next monday's standup": the day is when, read as such; the name is "standup". A new event keeps what was said.)
  const what = intent === 'create_event' ? spoken : spoken?.replace(/^(?:today|tomorrow|yesterday|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday)'s (?=\S)/, '');
  // "an appointment for a haircut": what it is for names it ("haircut appointment"); a haircut is nobody to invite.
  const forWhat = of('person').find((sp) => /^(a|an)$/.test(tokens[sp.from - 1]?.lower ?? '') && tokens[sp.from - 2]?.lower === 'for');
  const generic = what && /^(appointment|meeting|event|call|session|booking)$/i.test(what);
  if (what) about.title = asTyped(tokens, withNameNumbers(tokens, forWhat && generic ? `${words(tokens, forWhat.from, forWhat.to)} ${what}` : topic ? `${what} ${topic}` : what));
  // "add dentist 3/25": what the event is, not someone to invite (SLURP tags "dentist" a relation).
  // "meeting at Starbucks": a "person" after "at" or "in" is where, not who.
  const placed = (sp: Span) => /^(at|in)$/.test(tokens[sp.from - 1]?.lower ?? '');
  const personAsPlace = intent === 'create_event' ? of('person').find(placed) : undefined;
  const tagged = [...adjacentJoined(tokens, of('person')).filter((sp) => sp !== personAsPlace && !/^(a|an)$/.test(tokens[sp.from - 1]?.lower ?? '')).map((s) => withSurname(tokens, spans, s)), ...of('relation')].filter((s) => s !== owner && !LEAVES_OUT.test(tokens[s.from - 1]?.lower ?? '')).map((s) => ({ name: cleanName(words(tokens, s.from, s.to)), at: s.from }));
  const listed = tagged.length ? listedGuests(tokens, spans) : [];
  const taken = new Set(listed.flatMap((l) => l.takes));
  const people = [...tagged.filter((t) => !taken.has(t.at) && !inName(t.at)), ...listed].sort((a, b) => a.at - b.at).map((p) => p.name).filter((p) => p !== title);
  const typed = people.length ? [] : typedPeople(tokens);
  // "with dave" that no model tagged: a filter for reads, finds and changes; for a new event, a guest only
  // if the directory knows the word (the dialog asks it).
  const untagged = people.length || typed.length ? [] : [...untaggedGuests(tokens, spans), ...(placeGuest ? [placeGuest] : [])].filter((p) => p !== title);
  const found = people.length ? people : typed.length ? typed : intent === 'create_event' ? [] : untagged;
  if (found.length) about.people = found;
  // ("add sync with ann and the fishbowl": the room tagged as a person, Ann untagged: she may be a guest too.)
  const besides = intent === 'create_event' && people.length ? untaggedGuests(tokens, spans).filter((p) => p !== title && !people.includes(p)) : [];
  if (intent === 'create_event' && (untagged.length || besides.length)) about.maybePeople = [...untagged, ...besides];
  const numbered = NUMBERED_PLACE.exec(tokens.map((t) => t.lower).join(' '))?.[1] ?? (personAsPlace ? words(tokens, personAsPlace.from, personAsPlace.to) : undefined);
  const location = placeTitle || outOfOffice ? undefined : (numbered && (!placeWords || numbered.includes(placeWords)) ? numbered : placeWords) ?? (intent === 'create_event' ? numbered ?? trailingPlace(tokens, spans) : undefined);
  // "book this room": the room is where the panel is, not a place that was named.
  // Kept as typed ("Café Rouge", "Building 5"), as titles are.
  if (location && !(intent.startsWith('room_') && /^(this |the |a )?room$/.test(location))) about.location = asTyped(tokens, location);
  return byShape(tokens, intent, about);
}

/** Whether every word of `part` is a word of `whole` ("huddle" of "huddle room", "bob jones" of itself). */
const wordsOf = (part: string, whole: string): boolean => {
  const have = new Set(whole.toLowerCase().split(' '));
  return part.toLowerCase().split(' ').every((w) => have.has(w));
};

/**
 * The guests of a list and the room after "in the", read by the request's shape (request-shape.ts) where
 * the tagger's spans missed them: "with bob smith and [bob jones]" (taken for the name), "invite ann and
 * dave to ...", "add sync in the [huddle room]" (taken for the name, the place lost).
 */
function byShape(tokens: readonly Token[], intent: Intent, about: About): About {
  const out: About = { ...about };
  // "move 1:1 with ann to friday": the verb the tagger swept into the name is the request, not the name.
  if (out.title && (intent === 'move_event' || intent === 'cancel_event')) {
    const bare = out.title.replace(/^(?:move|moving|reschedule|postpone|push|shift|bump|delay|cancel|delete|remove|drop)\s+(?=\S)/i, '');
    if (bare !== out.title) out.title = bare;
  }
  const list = guestList(tokens);
  // One name after "with" is the tagger's to read (a place, a team, a surname); a list or an "invite" is not.
  if (list && (list.names.length > 1 || tokens[list.anchor]!.lower !== 'with')) {
    const listed = list.names.join(' ');
    out.people = [...list.names, ...(about.people ?? []).filter((p) => !wordsOf(p, listed))];
    if (about.maybePeople) {
      const rest = about.maybePeople.filter((p) => !wordsOf(p, listed));
      if (rest.length) out.maybePeople = rest;
      else delete out.maybePeople;
    }
    if (about.title && wordsOf(about.title, listed)) {
      const named = titleBefore(tokens, list.anchor);
      if (named) out.title = asTyped(tokens, named);
      else delete out.title;
    }
  }
  const place = intent === 'create_event' ? placeAfterIn(tokens) : undefined;
  if (place) {
    const titleIsPlace = out.title !== undefined && wordsOf(out.title, place.name);
    if (titleIsPlace || (place.isRoom && (!out.location || wordsOf(out.location, place.name)))) {
      out.location = asTyped(tokens, place.name);
      if (titleIsPlace) {
        const named = titleBefore(tokens, Math.min(place.at, list?.anchor ?? place.at));
        if (named) out.title = asTyped(tokens, named);
        else delete out.title;
      }
      if (out.people) out.people = out.people.filter((p) => !wordsOf(p, place.name));
      if (out.people?.length === 0) delete out.people;
    }
  }
  // "with ann in the fishbowl": the tagger took the room for the person and left Ann untagged; with the room
  // now where, the one name after "with" is a guest again (invited if the directory knows it).
  const single = list && list.names.length === 1 && tokens[list.anchor]!.lower === 'with' ? list.names[0]! : undefined;
  // "a meeting called roadmap review with dave": the name ends before "with"; Dave is a guest, not a word of it.
  const named = out.title ? /^(.+?) with (.+)$/i.exec(out.title) : null;
  if (intent === 'create_event' && single && named && named[2]!.toLowerCase() === single) {
    out.title = named[1]!;
    if (![...(out.people ?? []), ...(out.maybePeople ?? [])].some((p) => wordsOf(single, p))) out.maybePeople = [...(out.maybePeople ?? []), single];
    return out;
  }
  const said = [...(out.people ?? []), ...(out.maybePeople ?? [])];
  if (single && place && !wordsOf(single, place.name) && !said.some((p) => wordsOf(single, p) || wordsOf(p, single)) && !(out.title && wordsOf(single, out.title))) {
    if (intent === 'create_event') out.maybePeople = [...(out.maybePeople ?? []), single];
    else out.people = [...(out.people ?? []), single];
  }
  return out;
}
