import { CALENDAR_ITEM_FIELDS } from '../../ews/schema/calendar-item-fields.js';
import { writeRecurrence } from '../../ews/schema/recurrence.js';
import type { Attendee, CalendarItem, EmailAddress, OccurrenceInfo } from '../../ews/schema/types.js';
import { el, els, type Raw } from '../../ews/xml/index.js';

export type CalendarItemKey = keyof CalendarItem;

/** The properties each BaseShape returns for a calendar item (what Exchange itself sends). */
export const DEFAULT_SHAPE: readonly CalendarItemKey[] = ['itemId', 'parentFolderId', 'itemClass', 'subject', 'start', 'end', 'legacyFreeBusyStatus', 'location', 'calendarItemType', 'organizer', 'isAllDayEvent', 'isRecurring', 'isCancelled', 'isMeeting', 'myResponseType'];
/** FindItem never returns these (Exchange answers ErrorInvalidPropertyRequest when they are asked for). */
export const NOT_IN_FIND_ITEM: ReadonlySet<CalendarItemKey> = new Set(['body', 'requiredAttendees', 'optionalAttendees', 'resources', 'modifiedOccurrences', 'deletedOccurrences', 'conflictingMeetingCount']);

const mailbox = (a: EmailAddress, tag = 't:Mailbox'): Raw =>
  el(tag, els(a.name !== undefined && el('t:Name', a.name), a.email !== undefined && el('t:EmailAddress', a.email), el('t:RoutingType', a.routingType ?? 'SMTP'), el('t:MailboxType', a.mailboxType ?? 'Mailbox')));

const attendees = (tag: string, list: readonly Attendee[] | undefined): Raw | undefined =>
  list && list.length > 0
    ? el(`t:${tag}`, list.map((a) => el('t:Attendee', els(mailbox(a.mailbox), a.responseType !== undefined && el('t:ResponseType', a.responseType), a.lastResponseTime !== undefined && el('t:LastResponseTime', a.lastResponseTime)))))
    : undefined;

const occurrence = (tag: string, o: OccurrenceInfo): Raw => el(`t:${tag}`, els(el('t:ItemId', undefined, { Id: o.itemId.id, ChangeKey: o.itemId.changeKey }), el('t:Start', o.start), el('t:End', o.end), el('t:OriginalStart', o.originalStart)));
const bool = (v: boolean) => (v ? 'true' : 'false');

/** One property as Exchange writes it, or undefined when the item has no value for it. */
function writeField(key: CalendarItemKey, item: CalendarItem): Raw | undefined {
  const v = item[key];
  if (v === undefined) return undefined;
  switch (key) {
    case 'itemId':
    case 'parentFolderId': {
      const id = v as CalendarItem['itemId'] & object;
      return el(key === 'itemId' ? 't:ItemId' : 't:ParentFolderId', undefined, { Id: id.id, ChangeKey: id.changeKey });
    }
    case 'body': {
      const b = v as NonNullable<CalendarItem['body']>;
      return el('t:Body', b.value, { BodyType: b.type });
    }
    case 'categories':
      return (v as readonly string[]).length > 0 ? el('t:Categories', (v as readonly string[]).map((s) => el('t:String', s))) : undefined;
    case 'effectiveRights': {
      const r = v as NonNullable<CalendarItem['effectiveRights']>;
      return el('t:EffectiveRights', els(el('t:CreateAssociated', bool(r.createAssociated)), el('t:CreateContents', bool(r.createContents)), el('t:CreateHierarchy', bool(r.createHierarchy)), el('t:Delete', bool(r.delete)), el('t:Modify', bool(r.modify)), el('t:Read', bool(r.read)), r.viewPrivateItems !== undefined && el('t:ViewPrivateItems', bool(r.viewPrivateItems))));
    }
    case 'organizer':
      return el('t:Organizer', mailbox(v as EmailAddress));
    case 'requiredAttendees':
      return attendees('RequiredAttendees', v as readonly Attendee[]);
    case 'optionalAttendees':
      return attendees('OptionalAttendees', v as readonly Attendee[]);
    case 'resources':
      return attendees('Resources', v as readonly Attendee[]);
    case 'recurrence':
      return writeRecurrence(v as NonNullable<CalendarItem['recurrence']>);
    case 'firstOccurrence':
      return occurrence('FirstOccurrence', v as OccurrenceInfo);
    case 'lastOccurrence':
      return occurrence('LastOccurrence', v as OccurrenceInfo);
    case 'modifiedOccurrences':
      return (v as readonly OccurrenceInfo[]).length > 0 ? el('t:ModifiedOccurrences', (v as readonly OccurrenceInfo[]).map((o) => occurrence('Occurrence', o))) : undefined;
    case 'deletedOccurrences':
      return (v as readonly { start: string }[]).length > 0 ? el('t:DeletedOccurrences', (v as readonly { start: string }[]).map((o) => el('t:DeletedOccurrence', el('t:Start', o.start)))) : undefined;
    case 'startTimeZoneId':
      return el('t:StartTimeZone', undefined, { Id: String(v) });
    case 'endTimeZoneId':
      return el('t:EndTimeZone', undefined, { Id: String(v) });
    default: {
      const f = CALENDAR_ITEM_FIELDS.find((d) => d.key === key);
      return f ? el(`t:${f.element}`, typeof v === 'boolean' ? bool(v) : String(v)) : undefined;
    }
  }
}

/** Writes `<t:CalendarItem>` with the requested properties, in types.xsd order (the shared field table's). */
export function writeCalendarItemXml(item: CalendarItem, keys: ReadonlySet<CalendarItemKey>): Raw {
  const parts: Raw[] = [];
  for (const f of CALENDAR_ITEM_FIELDS) {
    if (!keys.has(f.key)) continue;
    const x = writeField(f.key, item);
    if (x) parts.push(x);
  }
  return el('t:CalendarItem', parts);
}
