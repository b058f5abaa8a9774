/**
 * Features for the two trained models: sentence features for the intent classifier and per-token
 * features for the slot tagger. Both read lower-case tokens; spelled-out and typed numbers share a class
 * ("ten" and "10" are both `num`), so typed input looks like the spoken training data to the models.
 */
import { isNumberWord, ordinalSuffix, readNumber, spelledOrdinal } from './numbers.js';
import { dottedReading } from './text.js';
import {
  CALENDAR_DOMAIN_WORDS, EVENT_NOUNS, FIRST_NAMES, OTHER_DOMAIN_WORDS, FREQUENCY, MEALS, MONTHS, PARTS_OF_DAY, PLACE_CUES, RELATIONS, RELATIVE_DAYS, TIME_PREPS,
  TIME_WORDS, WEEKDAYS,
} from './lexicon.js';

const ORDINAL_WORD = /^(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)$/;

/** A coarse class of a word: what kind of thing it is, independent of how it was spelled. */
export function wordClass(w: string): string {
  if (/^\d{1,2}(:\d\d)?(am|pm|a\.m\.?|p\.m\.?)$/.test(w)) return 'clock';
  if (/^\d{1,2}:\d\d$/.test(w)) return 'clock';
  if (/^\d{1,2}[/.-]\d{1,2}([/.-]\d{2,4})?$/.test(w) || /^\d{4}-\d{1,2}-\d{1,2}$/.test(w)) return 'numdate';
  if (/^\d+(st|nd|rd|th)$/.test(w) || ORDINAL_WORD.test(w)) return 'ord';
  if (/^\d+$/.test(w) || isNumberWord(w)) return 'num';
  if (w === 'am' || w === 'pm' || w === 'a.m' || w === 'p.m' || w === 'a.m.' || w === 'p.m.') return 'ampm';
  if (MONTHS.has(w)) return 'month';
  if (WEEKDAYS.has(w)) return 'weekday';
  if (w === 'noon' || w === 'midnight') return 'noon';
  if (PARTS_OF_DAY.has(w)) return 'partofday';
  if (RELATIVE_DAYS.has(w)) return 'relday';
  if (TIME_WORDS.has(w)) return 'timeword';
  if (MEALS.has(w)) return 'meal';
  if (RELATIONS.has(w)) return 'relation';
  if (FREQUENCY.has(w)) return 'freq';
  if (EVENT_NOUNS.has(w)) return 'eventnoun';
  if (FIRST_NAMES.has(w.replace(/'s$/, ''))) return 'name';
  if (TIME_PREPS.has(w)) return 'prep';
  if (PLACE_CUES.has(w)) return 'placecue';
  return 'w';
}

/** The word as the models see it: numbers collapse to their class so "ten" and "10" share weights. */
export function modelWord(w: string): string {
  const c = wordClass(w);
  // A typed "3:30" is said as numbers; a typed "3/25" stands where a spoken date would.
  if (c === 'num' || c === 'clock') return '<num>';
  if (c === 'numdate') return '<numdate>';
  if (c === 'ord') return '<ord>';
  return w;
}

/** Keyword groups: hand-made classes of words that decide intents, so one example teaches the whole group. */
const GROUPS: readonly (readonly [string, RegExp])[] = [
  ['cal', /^(calendar|calender|calendars|meetings?|appointments?|appt|appts|remind|reminders?|reminding|schedule[ds]?|agenda|events?|diary|planner)$/],
  ['remove', /^(delete[ds]?|deleting|remove[ds]?|removing|cancel+(ed|s)?|erase[ds]?|clear(ed)?|rid|wipe|drop|dismiss|disregard|destroy|empty|format|reset|rm)$/],
  ['set', /^(add|set|schedule|put|create|make|book|remind|remember|mark|note|block|flag|plan|arrange|enter|insert|save|organi[sz]e|notify|alert|reserve|pencil|invite|need|want)$/],
  ['ask', /^(what|what's|whats|when|when's|who|which|where|how|show|tell|list|check|view|display|do|does|did|is|are|any|anything|am)$/],
  ['alarm', /^(alarms?|wake|timer|snooze)$/],
  ['nocal', /^(lists?|e-?mails?|mail|news|weather|play|music|songs?|tweet|facebook|twitter|post|local|area|around|nearby|city|town|train|bus|taxi|uber|lights?|volume|order|recipe|stock|currency|joke|radio|podcast|audiobook)$/],
  ['free', /^(free|busy|available|availability|booked|occupied)$/],
  ['move', /^(move|reschedule|postpone|push|shift|bump|rearrange|prepone|change|update|modify|edit)$/],
];

/** Multi-word cues, matched on the lower-case sentence. */
const PHRASES: readonly (readonly [string, RegExp])[] = [
  ['whatday', /^(what|which) (day|date)\b|^what's the date|\bwhat day (is|of)\b|\bcomes? on what day/],
  ['agenda', /\bwhat(?:'s| is) on\b|\b(do|did|will) i have\b|\bhave i got\b|\b(going on|happening|planned|coming up|look like|lined up)\b|\b(am|are) (i|we) (free|busy|available|booked)\b|\bmy (day|week|morning|afternoon|evening|weekend)\b/],
  ['remindme', /\b(remind|remember|notify|alert|ping) (me|us)\b|\bdon't (let me )?forget\b|\bset (a |an )?(reminder|remainder|notification)\b|\btell me (to|when)\b/],
  ['onmycal', /\b(on|in|to|from|off) (my|the) (calendar|calender|schedule|agenda|diary)\b/],
  ['wakeup', /\bwake (me )?up\b|\balarm\b/],
];

function groupFeatures(words: readonly string[], feats: Set<string>): void {
  const lead = new Set(['please', 'olly', 'hey', 'hi', 'ok', 'okay', 'can', 'could', 'would', 'will', 'you', 'i', 'want', 'to', 'go', 'ahead', 'and', 'google', 'alexa', 'siri', 'pls', 'kindly']);
  let firstContent = true;
  for (const w of words) {
    for (const [name, re] of GROUPS) {
      if (!re.test(w)) continue;
      feats.add(`g=${name}`);
      if (firstContent) feats.add(`g1=${name}`);
    }
    if (firstContent && !lead.has(w)) firstContent = false;
  }
  for (const w of words) {
    if (OTHER_DOMAIN_WORDS.has(w)) feats.add('g=otherdomain');
    if (CALENDAR_DOMAIN_WORDS.has(w)) feats.add('g=calendardomain');
  }
  const has = (g: string): boolean => feats.has(`g=${g}`);
  const personal = words.some((w) => /^(i|my|me|i'm|im|am|i've|i'll|mine|we|our|us)$/.test(w));
  const when = words.some((w) => /^(date|day|time|month|year|week|weekend|today|tomorrow|tonight|morning|afternoon|evening|night)$/.test(w) || /^(weekday|month|relday|partofday|clock|ord|noon)$/.test(wordClass(w)));
  if (personal && when) feats.add('g=personal+when');
  if (personal) feats.add('g=personal');
  const text = words.join(' ');
  for (const [name, re] of PHRASES) if (re.test(text)) feats.add(`ph=${name}`);
  if (has('cal') && !has('nocal') && !has('alarm')) feats.add('g=cal-only');
  if (has('cal') && has('remove')) feats.add('g=cal+remove');
  if (has('cal') && has('set')) feats.add('g=cal+set');
  if (has('cal') && has('ask')) feats.add('g=cal+ask');
}

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/**
 * A typed date as the words said for it ("3/25" -> "march twenty fifth", "3/25/2027" -> "march twenty fifth 2027";
 * month first, as chrono reads it, unless only day-first makes sense): the training lines say dates,
 * so the intent model knows "what's on march twenty fifth" and nothing of "3/25". Other words pass.
 */
export function spokenDate(w: string, prev?: string, next?: string): string[] {
  // "at 12.30" is a clock time, "on 12.24" a date: the same reading chrono gets (text.ts dottedReading).
  if (w.includes('.') && dottedReading(w, prev, next) !== 'date') return [w];
  const d = /^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2}|\d{4}))?$/.exec(w);
  if (!d) return [w];
  let [month, day] = [Number(d[1]), Number(d[2])];
  if (month > 12 && day <= 12) [month, day] = [day, month];
  if (month < 1 || month > 12 || day < 1 || day > 31) return [w];
  return [MONTH_NAMES[month - 1]!, ...(spelledOrdinal(day) ?? [ordinalSuffix(day)]), ...(d[3] ? [d[3]] : [])];
}

/**
 * Sentence features for the intent classifier: words, word pairs, the opening words, word classes.
 * (Skip-bigrams were tried and dropped: in cross-validation they cost in-scope accuracy at every
 * rejection rate, as the extra sparse pairs mostly memorised training lines.)
 */
export function sentenceFeatures(typed: readonly string[]): string[] {
  const words = typed.flatMap((w, i) => spokenDate(w, typed[i - 1], typed[i + 1]));
  const m = words.map(modelWord);
  const feats = new Set<string>(['bias']);
  const padded = ['<s>', ...m, '</s>'];
  for (const w of m) feats.add(`u=${w}`);
  for (let i = 0; i + 1 < padded.length; i++) feats.add(`b=${padded[i]}|${padded[i + 1]}`);
  feats.add(`first=${padded[1] ?? ''}`);
  feats.add(`first2=${padded[1] ?? ''}|${padded[2] ?? ''}`);
  for (const w of words) {
    const c = wordClass(w);
    if (c !== 'w') feats.add(`c=${c}`);
  }
  feats.add(`len=${Math.min(words.length, 8)}`);
  groupFeatures(words, feats);
  return [...feats];
}

function shape(w: string): string {
  return w.replace(/[a-z]+/g, 'a').replace(/\d+/g, '0');
}

/** Per-token features for the slot tagger (the label-transition weights are kept separately). */
export function tokenFeatures(words: readonly string[], intent: string, timeKinds?: readonly string[]): string[][] {
  const m = words.map(modelWord);
  const cls = words.map(wordClass);
  const at = (arr: readonly string[], i: number, pad: string): string => (i < 0 ? `<s${pad}>` : i >= arr.length ? `</s${pad}>` : arr[i]!);
  const numberSpans = words.map((_, i) => (isNumberWord(words[i]!) ? readNumber(words, i)?.length ?? 0 : 0));
  return words.map((w, i) => {
    const f: string[] = [
      'bias',
      `w=${m[i]}`,
      `w-1=${at(m, i - 1, '')}`,
      `w+1=${at(m, i + 1, '')}`,
      `w-2=${at(m, i - 2, '')}`,
      `w+2=${at(m, i + 2, '')}`,
      `w-1w=${at(m, i - 1, '')}|${m[i]}`,
      `ww+1=${m[i]}|${at(m, i + 1, '')}`,
      `w-2w-1=${at(m, i - 2, '')}|${at(m, i - 1, '')}`,
      `c=${cls[i]}`,
      `c-1=${at(cls, i - 1, '')}`,
      `c+1=${at(cls, i + 1, '')}`,
      `c-1c=${at(cls, i - 1, '')}|${cls[i]}`,
      `cc+1=${cls[i]}|${at(cls, i + 1, '')}`,
      `c-1w=${at(cls, i - 1, '')}|${m[i]}`,
      `wc+1=${m[i]}|${at(cls, i + 1, '')}`,
      `s3=${w.slice(-3)}`,
      `p3=${w.slice(0, 3)}`,
      `shape=${shape(w)}`,
      `intent=${intent}`,
      `intent|c=${intent}|${cls[i]}`,
      `intent|w=${intent}|${m[i]}`,
    ];
    if (timeKinds) {
      const k = timeKinds[i] ?? '';
      f.push(`tk=${k}`, `tk-1=${timeKinds[i - 1] ?? '<s>'}|${k}`, `tk+1=${k}|${timeKinds[i + 1] ?? '</s>'}`, `tkw=${k}|${m[i]}`);
    }
    if (w.endsWith("'s")) f.push('poss');
    if (i === 0) f.push('first');
    if (i === words.length - 1) f.push('last');
    if ((numberSpans[i] ?? 0) > 1) f.push('numrun');
    return f;
  });
}
