import { attr, bool, child, children, el, els, int, Raw, text, type XmlElement } from '../xml/index.js';
import { readRecurrence, writeRecurrence } from './recurrence.js';
import type { Attendee, CalendarItem, CalendarItemInput, EffectiveRights, EmailAddress, ItemId, OccurrenceInfo } from './types.js';
import { versionAtLeast, type ExchangeVersion } from './versions.js';

/**
 * The CalendarItem fields Concierge uses, in types.xsd order (ItemType's, then CalendarItemType's).
 * Order matters: Exchange rejects children out of sequence. One table drives writing (CreateItem
 * children, UpdateItem SetItemField) and reading (GetItem, FindItem), so the two cannot drift apart.
 */
export interface FieldDef<K extends keyof CalendarItem = keyof CalendarItem> {
  readonly key: K;
  /** Local element name inside t:CalendarItem. */
  readonly element: string;
  /** FieldURI for ItemShape/AdditionalProperties and UpdateItem. */
  readonly fieldUri: string;
  /** Oldest schema version that knows the field. */
  readonly since: ExchangeVersion;
  read(item: XmlElement): CalendarItem[K] | undefined;
  /** Present when callers may set the field (CalendarItemInput has the same key). */
  write?(value: NonNullable<CalendarItemInput[K & keyof CalendarItemInput]>): Raw;
}

const str = (name: string) => (e: XmlElement) => text(e, name);
const boo = (name: string) => (e: XmlElement) => bool(e, name);
const num = (name: string) => (e: XmlElement) => int(e, name);
const wText = (tag: string) => (v: unknown) => el(`t:${tag}`, String(v));
const wBool = (tag: string) => (v: unknown) => el(`t:${tag}`, v ? 'true' : 'false');

export function readItemId(e: XmlElement | undefined): ItemId | undefined {
  const id = attr(e, 'Id');
  if (id === undefined) return undefined;
  const changeKey = attr(e, 'ChangeKey');
  return changeKey === undefined ? { id } : { id, changeKey };
}

export function readEmailAddress(e: XmlElement | undefined): EmailAddress | undefined {
  if (!e) return undefined;
  const out: { -readonly [K in keyof EmailAddress]: EmailAddress[K] } = {};
  const name = text(e, 'Name');
  const email = text(e, 'EmailAddress');
  const routingType = text(e, 'RoutingType');
  const mailboxType = text(e, 'MailboxType');
  if (name !== undefined) out.name = name;
  if (email !== undefined && email !== '') out.email = email;
  if (routingType !== undefined) out.routingType = routingType;
  if (mailboxType !== undefined) out.mailboxType = mailboxType;
  return out;
}

export function writeEmailAddress(a: EmailAddress, tag = 't:Mailbox'): Raw {
  return el(tag, els(a.name !== undefined && el('t:Name', a.name), a.email !== undefined && el('t:EmailAddress', a.email), a.routingType !== undefined && el('t:RoutingType', a.routingType)));
}

function readAttendees(list: XmlElement | undefined): Attendee[] | undefined {
  if (!list) return undefined;
  return children(list, 'Attendee').map((a) => {
    const r = text(a, 'ResponseType') as Attendee['responseType'];
    const t = text(a, 'LastResponseTime');
    return { mailbox: readEmailAddress(child(a, 'Mailbox')) ?? {}, ...(r ? { responseType: r } : {}), ...(t ? { lastResponseTime: t } : {}) };
  });
}

const writeAttendees = (tag: string) => (list: readonly EmailAddress[]) => el(`t:${tag}`, list.map((a) => el('t:Attendee', writeEmailAddress(a))));

function readOccurrence(e: XmlElement | undefined): OccurrenceInfo | undefined {
  const itemId = readItemId(child(e, 'ItemId'));
  if (!e || !itemId) return undefined;
  return { itemId, start: text(e, 'Start') ?? '', end: text(e, 'End') ?? '', originalStart: text(e, 'OriginalStart') ?? '' };
}

function readRights(e: XmlElement | undefined): EffectiveRights | undefined {
  if (!e) return undefined;
  const b = (n: string) => bool(e, n) ?? false;
  const vp = bool(e, 'ViewPrivateItems');
  return { createAssociated: b('CreateAssociated'), createContents: b('CreateContents'), createHierarchy: b('CreateHierarchy'), delete: b('Delete'), modify: b('Modify'), read: b('Read'), ...(vp !== undefined ? { viewPrivateItems: vp } : {}) };
}

function tzId(e: XmlElement, tag: string, idField: string): string | undefined {
  return attr(child(e, tag), 'Id') ?? (text(e, idField) || undefined);
}

/** Fields in schema order. */
export const CALENDAR_ITEM_FIELDS: readonly FieldDef[] = [
  { key: 'itemId', element: 'ItemId', fieldUri: 'item:ItemId', since: 'Exchange2007', read: (e) => readItemId(child(e, 'ItemId')) },
  { key: 'parentFolderId', element: 'ParentFolderId', fieldUri: 'item:ParentFolderId', since: 'Exchange2007', read: (e) => readItemId(child(e, 'ParentFolderId')) },
  { key: 'itemClass', element: 'ItemClass', fieldUri: 'item:ItemClass', since: 'Exchange2007', read: str('ItemClass') },
  { key: 'subject', element: 'Subject', fieldUri: 'item:Subject', since: 'Exchange2007', read: str('Subject'), write: wText('Subject') },
  { key: 'sensitivity', element: 'Sensitivity', fieldUri: 'item:Sensitivity', since: 'Exchange2007', read: (e) => text(e, 'Sensitivity') as CalendarItem['sensitivity'], write: wText('Sensitivity') },
  {
    key: 'body', element: 'Body', fieldUri: 'item:Body', since: 'Exchange2007',
    read: (e) => { const b = child(e, 'Body'); return b ? { type: attr(b, 'BodyType') === 'HTML' ? 'HTML' : 'Text', value: text(b) ?? '' } : undefined; },
    write: (b: NonNullable<CalendarItemInput['body']>) => el('t:Body', b.value, { BodyType: b.type }),
  },
  {
    key: 'categories', element: 'Categories', fieldUri: 'item:Categories', since: 'Exchange2007',
    read: (e) => { const c = child(e, 'Categories'); return c ? children(c, 'String').map((s) => text(s) ?? '') : undefined; },
    write: (list: readonly string[]) => el('t:Categories', list.map((s) => el('t:String', s))),
  },
  { key: 'reminderIsSet', element: 'ReminderIsSet', fieldUri: 'item:ReminderIsSet', since: 'Exchange2007', read: boo('ReminderIsSet'), write: wBool('ReminderIsSet') },
  { key: 'reminderMinutesBeforeStart', element: 'ReminderMinutesBeforeStart', fieldUri: 'item:ReminderMinutesBeforeStart', since: 'Exchange2007', read: num('ReminderMinutesBeforeStart'), write: wText('ReminderMinutesBeforeStart') },
  { key: 'effectiveRights', element: 'EffectiveRights', fieldUri: 'item:EffectiveRights', since: 'Exchange2007', read: (e) => readRights(child(e, 'EffectiveRights')) },
  { key: 'preview', element: 'Preview', fieldUri: 'item:Preview', since: 'Exchange2013', read: str('Preview') },
  { key: 'uid', element: 'UID', fieldUri: 'calendar:UID', since: 'Exchange2007_SP1', read: str('UID'), write: wText('UID') },
  { key: 'recurrenceId', element: 'RecurrenceId', fieldUri: 'calendar:RecurrenceId', since: 'Exchange2007_SP1', read: str('RecurrenceId') },
  { key: 'start', element: 'Start', fieldUri: 'calendar:Start', since: 'Exchange2007', read: str('Start'), write: wText('Start') },
  { key: 'end', element: 'End', fieldUri: 'calendar:End', since: 'Exchange2007', read: str('End'), write: wText('End') },
  { key: 'originalStart', element: 'OriginalStart', fieldUri: 'calendar:OriginalStart', since: 'Exchange2007', read: str('OriginalStart') },
  { key: 'isAllDayEvent', element: 'IsAllDayEvent', fieldUri: 'calendar:IsAllDayEvent', since: 'Exchange2007', read: boo('IsAllDayEvent'), write: wBool('IsAllDayEvent') },
  { key: 'legacyFreeBusyStatus', element: 'LegacyFreeBusyStatus', fieldUri: 'calendar:LegacyFreeBusyStatus', since: 'Exchange2007', read: (e) => text(e, 'LegacyFreeBusyStatus') as CalendarItem['legacyFreeBusyStatus'], write: wText('LegacyFreeBusyStatus') },
  { key: 'location', element: 'Location', fieldUri: 'calendar:Location', since: 'Exchange2007', read: str('Location'), write: wText('Location') },
  { key: 'isMeeting', element: 'IsMeeting', fieldUri: 'calendar:IsMeeting', since: 'Exchange2007', read: boo('IsMeeting') },
  { key: 'isCancelled', element: 'IsCancelled', fieldUri: 'calendar:IsCancelled', since: 'Exchange2007', read: boo('IsCancelled') },
  { key: 'isRecurring', element: 'IsRecurring', fieldUri: 'calendar:IsRecurring', since: 'Exchange2007', read: boo('IsRecurring') },
  { key: 'meetingRequestWasSent', element: 'MeetingRequestWasSent', fieldUri: 'calendar:MeetingRequestWasSent', since: 'Exchange2007', read: boo('MeetingRequestWasSent') },
  { key: 'isResponseRequested', element: 'IsResponseRequested', fieldUri: 'calendar:IsResponseRequested', since: 'Exchange2007', read: boo('IsResponseRequested') },
  { key: 'calendarItemType', element: 'CalendarItemType', fieldUri: 'calendar:CalendarItemType', since: 'Exchange2007', read: (e) => text(e, 'CalendarItemType') as CalendarItem['calendarItemType'] },
  { key: 'myResponseType', element: 'MyResponseType', fieldUri: 'calendar:MyResponseType', since: 'Exchange2007', read: (e) => text(e, 'MyResponseType') as CalendarItem['myResponseType'] },
  { key: 'organizer', element: 'Organizer', fieldUri: 'calendar:Organizer', since: 'Exchange2007', read: (e) => readEmailAddress(child(child(e, 'Organizer'), 'Mailbox')) },
  { key: 'requiredAttendees', element: 'RequiredAttendees', fieldUri: 'calendar:RequiredAttendees', since: 'Exchange2007', read: (e) => readAttendees(child(e, 'RequiredAttendees')), write: writeAttendees('RequiredAttendees') as FieldDef['write'] },
  { key: 'optionalAttendees', element: 'OptionalAttendees', fieldUri: 'calendar:OptionalAttendees', since: 'Exchange2007', read: (e) => readAttendees(child(e, 'OptionalAttendees')), write: writeAttendees('OptionalAttendees') as FieldDef['write'] },
  { key: 'resources', element: 'Resources', fieldUri: 'calendar:Resources', since: 'Exchange2007', read: (e) => readAttendees(child(e, 'Resources')), write: writeAttendees('Resources') as FieldDef['write'] },
  { key: 'conflictingMeetingCount', element: 'ConflictingMeetingCount', fieldUri: 'calendar:ConflictingMeetingCount', since: 'Exchange2007', read: num('ConflictingMeetingCount') },
  { key: 'duration', element: 'Duration', fieldUri: 'calendar:Duration', since: 'Exchange2007', read: str('Duration') },
  { key: 'timeZone', element: 'TimeZone', fieldUri: 'calendar:TimeZone', since: 'Exchange2007', read: str('TimeZone') },
  { key: 'appointmentSequenceNumber', element: 'AppointmentSequenceNumber', fieldUri: 'calendar:AppointmentSequenceNumber', since: 'Exchange2007', read: num('AppointmentSequenceNumber') },
  { key: 'recurrence', element: 'Recurrence', fieldUri: 'calendar:Recurrence', since: 'Exchange2007', read: (e) => readRecurrence(child(e, 'Recurrence')), write: writeRecurrence as FieldDef['write'] },
  { key: 'firstOccurrence', element: 'FirstOccurrence', fieldUri: 'calendar:FirstOccurrence', since: 'Exchange2007', read: (e) => readOccurrence(child(e, 'FirstOccurrence')) },
  { key: 'lastOccurrence', element: 'LastOccurrence', fieldUri: 'calendar:LastOccurrence', since: 'Exchange2007', read: (e) => readOccurrence(child(e, 'LastOccurrence')) },
  {
    key: 'modifiedOccurrences', element: 'ModifiedOccurrences', fieldUri: 'calendar:ModifiedOccurrences', since: 'Exchange2007',
    read: (e) => { const m = child(e, 'ModifiedOccurrences'); return m ? children(m, 'Occurrence').map(readOccurrence).filter((o): o is OccurrenceInfo => o !== undefined) : undefined; },
  },
  {
    key: 'deletedOccurrences', element: 'DeletedOccurrences', fieldUri: 'calendar:DeletedOccurrences', since: 'Exchange2007',
    read: (e) => { const d = child(e, 'DeletedOccurrences'); return d ? children(d, 'DeletedOccurrence').map((o) => ({ start: text(o, 'Start') ?? '' })) : undefined; },
  },
  { key: 'startTimeZoneId', element: 'StartTimeZone', fieldUri: 'calendar:StartTimeZone', since: 'Exchange2010', read: (e) => tzId(e, 'StartTimeZone', 'StartTimeZoneId') },
  { key: 'endTimeZoneId', element: 'EndTimeZone', fieldUri: 'calendar:EndTimeZone', since: 'Exchange2010', read: (e) => tzId(e, 'EndTimeZone', 'EndTimeZoneId') },
  { key: 'isOnlineMeeting', element: 'IsOnlineMeeting', fieldUri: 'calendar:IsOnlineMeeting', since: 'Exchange2007', read: boo('IsOnlineMeeting') },
];

const BY_KEY = new Map(CALENDAR_ITEM_FIELDS.map((f) => [f.key, f]));

export function fieldFor(key: keyof CalendarItem): FieldDef {
  const f = BY_KEY.get(key);
  if (!f) throw new Error(`no field table entry for ${String(key)}`);
  return f;
}

/** Reads a `t:CalendarItem` element; absent elements stay absent. */
export function readCalendarItem(e: XmlElement): CalendarItem {
  const out: Record<string, unknown> = {};
  for (const f of CALENDAR_ITEM_FIELDS) {
    const v = f.read(e);
    if (v !== undefined) out[f.key] = v;
  }
  return out as CalendarItem;
}

/** Input keys that are not plain fields of the table. */
const TIMEZONE_KEY = 'timeZoneId';

/**
 * Writes the children of a `t:CalendarItem` for CreateItem, in schema order. The event's Windows time
 * zone becomes StartTimeZone/EndTimeZone (Exchange2010 and later), which is what keeps recurring
 * meetings and all-day events on the right wall-clock times across DST.
 */
export function writeCalendarItem(input: CalendarItemInput, version: ExchangeVersion): Raw {
  const parts: Raw[] = [];
  for (const f of CALENDAR_ITEM_FIELDS) {
    if (f.key === 'startTimeZoneId' || f.key === 'endTimeZoneId') {
      const tz = input[TIMEZONE_KEY];
      if (tz && versionAtLeast(version, 'Exchange2010')) parts.push(el(`t:${f.element}`, undefined, { Id: tz }));
      continue;
    }
    const v = (input as Record<string, unknown>)[f.key];
    if (v === undefined || !f.write) continue;
    parts.push(f.write(v as never));
  }
  return els(...parts);
}

/** Writes one field for UpdateItem's SetItemField (`<t:CalendarItem><t:X>…</t:X></t:CalendarItem>`). */
export function writeSingleField(key: keyof CalendarItemInput, input: CalendarItemInput): Raw | undefined {
  if (key === TIMEZONE_KEY) return undefined;
  const f = BY_KEY.get(key as keyof CalendarItem);
  const v = input[key];
  if (!f?.write || v === undefined) return undefined;
  return f.write(v as never);
}
