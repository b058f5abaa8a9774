import { HttpProblem } from './problem.js';

/** Built once: Intl lists ~400 zones, too many to rebuild per request. */
const KNOWN_ZONES: ReadonlySet<string> = new Set([...Intl.supportedValuesOf('timeZone'), 'UTC']);

/** An IANA zone this runtime knows (what a person's or request's time zone must be). */
export function isKnownZone(tz: string): boolean {
  return KNOWN_ZONES.has(tz);
}

export const unknownZone = (tz: string) => new HttpProblem(400, 'UnknownTimeZone', `Unknown time zone ${tz}.`, 'Use an IANA name such as Europe/Berlin.');
