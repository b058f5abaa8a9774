/**
 * A time zone said with a time: "at 3 eastern", "9am est", "noon pacific time", "at 9 berlin time",
 * "3pm utc". The hours around it are that zone's wall clock, not the asker's. Only names people say and
 * that mean one zone: abbreviations of daylight and standard time name the same zone ("est" in July is
 * still New York's clock, which is what people mean).
 */
const ZONES: Readonly<Record<string, string>> = {
  eastern: 'America/New_York', est: 'America/New_York', edt: 'America/New_York', et: 'America/New_York', 'new york': 'America/New_York',
  central: 'America/Chicago', cst: 'America/Chicago', cdt: 'America/Chicago', ct: 'America/Chicago', chicago: 'America/Chicago',
  mountain: 'America/Denver', mst: 'America/Denver', mdt: 'America/Denver', mt: 'America/Denver', denver: 'America/Denver',
  pacific: 'America/Los_Angeles', pst: 'America/Los_Angeles', pdt: 'America/Los_Angeles', pt: 'America/Los_Angeles', 'los angeles': 'America/Los_Angeles', 'san francisco': 'America/Los_Angeles', seattle: 'America/Los_Angeles',
  utc: 'UTC', gmt: 'Europe/London', london: 'Europe/London', uk: 'Europe/London', bst: 'Europe/London',
  cet: 'Europe/Berlin', cest: 'Europe/Berlin', berlin: 'Europe/Berlin', paris: 'Europe/Paris', amsterdam: 'Europe/Amsterdam', madrid: 'Europe/Madrid', rome: 'Europe/Rome', zurich: 'Europe/Zurich',
  india: 'Asia/Kolkata', ist: 'Asia/Kolkata', singapore: 'Asia/Singapore', tokyo: 'Asia/Tokyo', japan: 'Asia/Tokyo', sydney: 'Australia/Sydney', toronto: 'America/Toronto',
};

const NAMES = Object.keys(ZONES).sort((a, b) => b.length - a.length).join('|');
// Only after a clock time: a number said after "at", "from", "to", "until", "by" (or with am/pm; "at 1500" typed
// on a 24-hour clock), or noon and
// midnight; and only where the zone word ends the phrase (the end, punctuation, "time", a day, "for",
// "with"): "lunch at 12 central park", "2 ct scans", "the 3 eastern reps" are no zones.
const CLOCK = String.raw`(?:(?:at|from|to|until|till|by|@)\s+(?:\d{1,2}(?::\d\d)?(?:\s?[ap]\.?m\.?)?|(?:[01]\d|2[0-3])[0-5]\d)|\d{1,2}(?::\d\d)?\s?[ap]\.?m\.?|noon|midnight)`;
const AFTER_HOUR = new RegExp(String.raw`(${CLOCK})\s+(${NAMES})(\s+time)?(?=$|\s*[,.?!]|\s+(?:today|tomorrow|tonight|on|this|next|monday|tuesday|wednesday|thursday|friday|saturday|sunday|for|with|and|please|every|each|until|till|through|thru|starting|beginning|weekly|daily|monthly|biweekly|in|about|re|\d+ times)\b)`, 'i');
// Cities only with "time": "9 berlin time". The two-letter abbreviations ("et", "pt") with "time" or right
// after am/pm ("3pm ET", "10 am pt"), where nothing else can they be.
const NEEDS_TIME = /^(new york|chicago|denver|los angeles|san francisco|seattle|london|uk|berlin|paris|amsterdam|madrid|rome|zurich|india|singapore|tokyo|japan|sydney|toronto|et|ct|mt|pt)$/;
const TWO_LETTERS = /^(et|ct|mt|pt)$/;
const ENDS_IN_MERIDIEM = /[ap]\.?m\.?$/i;

export interface SaidZone {
  /** IANA name. */
  readonly zone: string;
  /** The text without the zone's words ("at 3 eastern" -> "at 3"), for everything else to read. */
  readonly text: string;
}

export function saidZone(text: string): SaidZone | undefined {
  const m = AFTER_HOUR.exec(text);
  if (!m) return undefined;
  const name = m[2]!.toLowerCase();
  if (NEEDS_TIME.test(name) && !m[3] && !(TWO_LETTERS.test(name) && ENDS_IN_MERIDIEM.test(m[1]!))) return undefined;
  const from = m.index + m[1]!.length;
  return { zone: ZONES[name]!, text: `${text.slice(0, from)}${text.slice(m.index + m[0].length)}` };
}
