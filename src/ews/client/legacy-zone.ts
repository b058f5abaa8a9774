import { WINDOWS_TO_IANA_MAP } from 'windows-iana';
import type { LegacyTimeZone } from '../schema/timezones.js';
import { legacyTimeZone } from '../schema/timezones.js';
import { ianaFromWindows } from './zones.js';

const cache = new Map<string, string | undefined>();

const rule = (r: LegacyTimeZone['standardTime']) => [r.bias, r.time.slice(0, 8), r.dayOrder, r.month, r.dayOfWeek].join(' ');
/** Same offsets and the same changes; a zone without changes matches on its bias alone. */
function sameClock(a: LegacyTimeZone, b: LegacyTimeZone): boolean {
  const fixedA = a.standardTime.month === 0 || a.daylightTime.month === 0;
  const fixedB = b.standardTime.month === 0 || b.daylightTime.month === 0;
  if (fixedA || fixedB) return fixedA && fixedB && a.bias + a.standardTime.bias === b.bias + b.standardTime.bias;
  return a.bias === b.bias && rule(a.standardTime) === rule(b.standardTime) && rule(a.daylightTime) === rule(b.daylightTime);
}

/**
 * An IANA zone that keeps the same clock as a legacy `t:TimeZone` (Bias + yearly rules), as
 * GetUserAvailability's WorkingHours report a mailbox's zone without naming it. Several zones share
 * rules (any of them tells the same time); the first in CLDR's Windows table wins.
 */
export function ianaFromLegacy(tz: LegacyTimeZone, year: number): string | undefined {
  const key = `${year}|${JSON.stringify(tz)}`;
  if (cache.has(key)) return cache.get(key);
  let found: string | undefined;
  for (const entry of WINDOWS_TO_IANA_MAP) {
    const iana = ianaFromWindows(entry.windowsName);
    if (!iana) continue;
    try {
      if (sameClock(legacyTimeZone(iana, year), tz)) {
        found = iana;
        break;
      }
    } catch {
      // A zone this runtime cannot express in the legacy shape: not a candidate.
    }
  }
  cache.set(key, found);
  return found;
}
