/** Instants and zones: Windows ids in, IANA zones for the arithmetic, UTC strings out. */
import { DateTime } from 'luxon';
import { findIana } from 'windows-iana';
import { StoreError } from './errors.js';

const zoneCache = new Map<string, string>();

/**
 * The IANA zone for a Windows time zone id (CLDR windowsZones territory 001 is the first answer).
 * An IANA name is accepted as is, because clients occasionally send one; anything else is UTC,
 * which is what Exchange falls back to when no zone applies (time-zones-and-ews-in-exchange, Table 2).
 */
export function ianaZone(windowsId: string | undefined): string {
  if (!windowsId) return 'UTC';
  const cached = zoneCache.get(windowsId);
  if (cached) return cached;
  const mapped = findIana(windowsId)[0];
  const valid = (z: string) => DateTime.now().setZone(z).isValid;
  const zone = mapped && valid(mapped) ? mapped : valid(windowsId) ? windowsId : 'UTC';
  zoneCache.set(windowsId, zone);
  return zone;
}

/** Formats epoch milliseconds the way EWS writes dateTimes by default (second precision, `Z`). */
export function isoUtc(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

const OFFSET = /(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * Reads an ISO 8601 dateTime. With `Z` or an offset it is taken as given; without, it is wall-clock
 * time in `zoneWindowsId`, as EWS reads Start/End against StartTimeZone.
 */
export function parseInstant(value: string, zoneWindowsId?: string): number {
  const v = value.trim();
  const dt = OFFSET.test(v) ? DateTime.fromISO(v, { setZone: true }) : DateTime.fromISO(v, { zone: ianaZone(zoneWindowsId) });
  if (!dt.isValid) throw new StoreError('ErrorInvalidRequest', `'${value}' is not a valid xs:dateTime.`);
  return dt.toMillis();
}

/** Normalizes any accepted dateTime to the stored form. */
export function toUtc(value: string, zoneWindowsId?: string): string {
  return isoUtc(parseInstant(value, zoneWindowsId));
}

export function ms(iso: string): number {
  return Date.parse(iso);
}

/**
 * Half-open overlap, as CalendarView defines it: items ending at or before the window start and items
 * starting at or after its end are left out. A zero-length item counts when it sits inside the window.
 */
export function overlaps(start: number, end: number, winStart: number, winEnd: number): boolean {
  if (start === end) return start >= winStart && start < winEnd;
  return start < winEnd && end > winStart;
}
