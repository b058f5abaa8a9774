import { ianaToWindows, windowsToIana } from '../schema/timezones.js';

/** Windows id -> IANA, or undefined when Exchange sent a zone CLDR does not know (reads stay lenient). */
export function ianaFromWindows(windowsId: string): string | undefined {
  try {
    return windowsToIana(windowsId);
  } catch {
    return undefined;
  }
}

export { ianaToWindows };
