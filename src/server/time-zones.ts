import { UnknownTimeZoneError, windowsToIana } from '../ews/schema/timezones.js';
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

/** The IANA zone CLDR maps a Windows zone name to ("Pacific Standard Time" -> America/Los_Angeles), if `tz` is one. */
export function ianaOfWindowsName(tz: string): string | undefined {
  try {
    return windowsToIana(tz);
  } catch (err) {
    if (err instanceof UnknownTimeZoneError) return undefined;
    throw err;
  }
}

/**
 * What to give instead of a zone name that is not known: the right case, the IANA name of a Windows name
 * (people copy those from Outlook and Exchange), else an example. `flag` is put before the name ("--tz ").
 */
export function zoneHint(tz: string, flag = ''): string {
  const meant = zoneByCase(tz);
  if (meant) return `Zone names are case-sensitive: use ${flag}${meant}.`;
  const iana = ianaOfWindowsName(tz);
  if (iana) return `${tz} is a Windows zone name; use ${flag}${iana}.`;
  return 'Use an IANA name such as Europe/Berlin.';
}

export const unknownZone = (tz: string) =>
  tz.trim() === ''
    ? new HttpProblem(400, 'UnknownTimeZone', 'The time zone (timeZone) is empty.', 'Give an IANA name such as Europe/Berlin, or leave timeZone out.')
    : new HttpProblem(400, 'UnknownTimeZone', `Unknown time zone ${tz}.`, zoneHint(tz));
