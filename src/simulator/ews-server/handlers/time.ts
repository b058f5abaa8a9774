import { DateTime } from 'luxon';
import { ianaZone } from '../../store/calendar/index.js';
import { ItemError } from '../context.js';

/**
 * An xs:dateTime from a request as a UTC instant. A value without Z or an offset is read in the
 * given Windows zone (StartTimeZone, else TimeZoneContext), else as UTC: EWS's documented precedence.
 */
export function toInstant(value: string, windowsZone?: string): string {
  const v = value.trim();
  const hasZone = /(Z|[+-]\d\d:?\d\d)$/.test(v);
  const zone = hasZone ? 'utc' : windowsZone ? ianaZone(windowsZone) : 'utc';
  const dt = DateTime.fromISO(v, { zone, setZone: false });
  if (!dt.isValid) throw new ItemError('ErrorSchemaValidation', `The value '${value}' is not a valid xs:dateTime.`);
  return dt.toUTC().toISO({ suppressMilliseconds: true })!;
}
