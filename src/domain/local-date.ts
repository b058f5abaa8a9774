/**
 * The calendar date of an instant in an IANA zone, as YYYY-MM-DD: one Intl formatter per zone, made once.
 * (A luxon DateTime in a zone asks Intl for the zone's offset each time one is made, and comparing two
 * local days that way made several; this is one call per instant, on every read's path.)
 */
const formats = new Map<string, Intl.DateTimeFormat>();

export function localDateOf(instantMs: number, zone: string): string {
  let format = formats.get(zone);
  if (!format) {
    // en-CA writes dates as YYYY-MM-DD, whatever the host's locale.
    format = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formats.set(zone, format);
  }
  return format.format(instantMs);
}
