import { HttpProblem } from './problem.js';

/** Built once: Intl lists ~400 zones, too many to rebuild per request. */
const KNOWN_ZONES: ReadonlySet<string> = new Set([...Intl.supportedValuesOf('timeZone'), 'UTC']);

/** An IANA zone this runtime knows (what a person's or request's time zone must be). */
export function isKnownZone(tz: string): boolean {
  return KNOWN_ZONES.has(tz);
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
