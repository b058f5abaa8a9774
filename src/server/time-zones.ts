import { HttpProblem } from './problem.js';

/** Built once: Intl lists ~400 zones, too many to rebuild per request. */
const KNOWN_ZONES: ReadonlySet<string> = new Set([...Intl.supportedValuesOf('timeZone'), 'UTC']);

/** Links ICU accepts, by name (bounded: made-up names must not grow it without end). */
const LINKS = new Map<string, boolean>();

/**
 * An IANA zone this runtime knows (what a person's or request's time zone must be): a canonical name,
 * or a link the tz database keeps ("US/Pacific", "Etc/GMT+8", and newer names such as "Asia/Kolkata" and
 * "Europe/Kyiv", which this ICU lists under their old names). A name wrong only in its case is not.
 */
export function isKnownZone(tz: string): boolean {
  if (KNOWN_ZONES.has(tz)) return true;
  let link = LINKS.get(tz);
  if (link === undefined) {
    link = zoneByCase(tz) === undefined && acceptedByIcu(tz);
    if (LINKS.size < 1_000) LINKS.set(tz, link);
  }
  return link;
}

function acceptedByIcu(tz: string): boolean {
  // Offsets ("+05:00") are not zone names, whatever a newer runtime accepts.
  if (!/^[A-Za-z]/.test(tz)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** The known zone `tz` means when only its case is wrong ("europe/berlin"), if any. */
export function zoneByCase(tz: string): string | undefined {
  const lower = tz.toLowerCase();
  for (const known of KNOWN_ZONES) if (known.toLowerCase() === lower) return known;
  return undefined;
}

export const unknownZone = (tz: string) => {
  const meant = zoneByCase(tz);
  return new HttpProblem(400, 'UnknownTimeZone', `Unknown time zone ${tz}.`, meant ? `Zone names are case-sensitive: use ${meant}.` : 'Use an IANA name such as Europe/Berlin.');
};
