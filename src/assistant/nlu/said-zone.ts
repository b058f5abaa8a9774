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
// After an hour ("3", "3pm", "3:30 pm", "noon"), optionally "time" after the name; the city names need
// "time" ("9 berlin time"), the zone names and abbreviations do not ("3 eastern", "9am est").
const AFTER_HOUR = new RegExp(String.raw`\b(\d{1,2}(?::\d\d)?(?:\s?[ap]\.?m\.?)?|noon|midnight)\s+((?:${NAMES}))(\s+time)?\b`, 'i');
const CITY = /^(new york|chicago|denver|los angeles|san francisco|seattle|london|uk|berlin|paris|amsterdam|madrid|rome|zurich|india|singapore|tokyo|japan|sydney|toronto)$/;

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
  if (CITY.test(name) && !m[3]) return undefined;
  const from = m.index + m[1]!.length;
  return { zone: ZONES[name]!, text: `${text.slice(0, from)}${text.slice(m.index + m[0].length)}` };
}
