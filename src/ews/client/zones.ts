import { findIana, findWindows } from 'windows-iana';

/** Windows time zone id -> IANA name (CLDR's default mapping, territory 001), or undefined. */
export function ianaFromWindows(windowsId: string): string | undefined {
  try {
    return findIana(windowsId)[0];
  } catch {
    return undefined;
  }
}

/** IANA name -> Windows time zone id for EWS (TimeZoneContext, StartTimeZone), or undefined. */
export function windowsFromIana(iana: string): string | undefined {
  if (iana === 'UTC' || iana === 'Etc/UTC') return 'UTC';
  try {
    return findWindows(iana)[0];
  } catch {
    return undefined;
  }
}
