import { CALENDAR_ITEM_FIELDS } from '../../../ews/schema/calendar-item-fields.js';
import { attr, child, children, text, type XmlElement } from '../../../ews/xml/index.js';
import { DEFAULT_SHAPE, type CalendarItemKey } from '../item-xml.js';

const BY_URI = new Map<string, CalendarItemKey>(CALENDAR_ITEM_FIELDS.map((f) => [f.fieldUri.toLowerCase(), f.key]));
BY_URI.set('calendar:starttimezoneid', 'startTimeZoneId');
BY_URI.set('calendar:endtimezoneid', 'endTimeZoneId');
const ALL: readonly CalendarItemKey[] = CALENDAR_ITEM_FIELDS.map((f) => f.key);

export interface Shape {
  readonly base: 'IdOnly' | 'Default' | 'AllProperties';
  /** Properties to write; unknown FieldURIs are ignored (this server has no value for them). */
  readonly keys: ReadonlySet<CalendarItemKey>;
  /** Keys named explicitly in AdditionalProperties. */
  readonly requested: ReadonlySet<CalendarItemKey>;
}

/** Reads m:ItemShape: BaseShape plus AdditionalProperties FieldURIs. */
export function readShape(shapeEl: XmlElement | undefined): Shape {
  const baseText = (text(shapeEl, 'BaseShape') ?? 'Default').trim();
  const base = baseText === 'IdOnly' || baseText === 'AllProperties' ? baseText : 'Default';
  const requested = new Set<CalendarItemKey>();
  for (const f of children(child(shapeEl, 'AdditionalProperties'), 'FieldURI')) {
    const key = BY_URI.get((attr(f, 'FieldURI') ?? '').toLowerCase());
    if (key) requested.add(key);
  }
  const keys = new Set<CalendarItemKey>(base === 'IdOnly' ? ['itemId'] : base === 'Default' ? DEFAULT_SHAPE : ALL);
  for (const k of requested) keys.add(k);
  return { base, keys, requested };
}
