/**
 * UpdateItem's t:Updates (SetItemField, AppendToItemField, DeleteItemField by FieldURI) as the
 * store's CalendarItemPatch. https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/updates-item
 *
 * Properties the simulator does not keep (Importance, ReminderDueBy, extended and indexed properties,
 * …) are accepted and dropped, so clients that write every field (exchangelib's save()) keep working.
 * The reader groups siblings by name, so document order across the three kinds is lost; they are
 * applied delete, then set, then append (clear-then-fill, the order a client would mean).
 */
import type { Body, CalendarItem, EmailAddress } from '../../../ews/schema/types.js';
import { attr, bool, child, children, type XmlElement } from '../../../ews/xml/index.js';
import type { CalendarItemPatch, StoreEntry } from '../../store/calendar/index.js';
import { ItemError, type EwsContext } from '../context.js';
import { addresses, readItem, startZoneOf } from './calendar-input.js';
import { isCalendarEntry } from './items.js';
import { toInstant } from './time.js';
import { elementsOf } from './write.js';

type Patch = { -readonly [K in keyof CalendarItemPatch]: CalendarItemPatch[K] };
type Key = keyof Patch;
type Op = 'set' | 'append' | 'delete';

const FIELDS: Readonly<Record<string, Key>> = {
  'item:subject': 'subject',
  'item:body': 'body',
  'item:sensitivity': 'sensitivity',
  'item:categories': 'categories',
  'item:reminderisset': 'reminderIsSet',
  'item:reminderminutesbeforestart': 'reminderMinutesBeforeStart',
  'calendar:start': 'start',
  'calendar:end': 'end',
  'calendar:isalldayevent': 'isAllDayEvent',
  'calendar:legacyfreebusystatus': 'legacyFreeBusyStatus',
  'calendar:location': 'location',
  'calendar:requiredattendees': 'requiredAttendees',
  'calendar:optionalattendees': 'optionalAttendees',
  'calendar:resources': 'resources',
  'calendar:recurrence': 'recurrence',
  'calendar:starttimezone': 'timeZoneId',
  'calendar:endtimezone': 'timeZoneId',
  'calendar:meetingtimezone': 'timeZoneId',
};

/** Properties Exchange computes: setting, appending or deleting them is refused. */
const READ_ONLY = new Set([
  'item:itemid', 'item:parentfolderid', 'item:datetimereceived', 'item:datetimesent', 'item:datetimecreated', 'item:size', 'item:effectiverights',
  'item:lastmodifiedname', 'item:lastmodifiedtime', 'item:preview', 'item:hasattachments', 'item:isfromme', 'item:issubmitted', 'item:isunmodified',
  'calendar:ismeeting', 'calendar:iscancelled', 'calendar:isrecurring', 'calendar:meetingrequestwassent', 'calendar:calendaritemtype', 'calendar:myresponsetype',
  'calendar:organizer', 'calendar:conflictingmeetingcount', 'calendar:adjacentmeetingcount', 'calendar:conflictingmeetings', 'calendar:adjacentmeetings',
  'calendar:duration', 'calendar:timezone', 'calendar:appointmentreplytime', 'calendar:appointmentsequencenumber', 'calendar:appointmentstate',
  'calendar:firstoccurrence', 'calendar:lastoccurrence', 'calendar:modifiedoccurrences', 'calendar:deletedoccurrences', 'calendar:originalstart', 'calendar:recurrenceid',
]);

const APPENDABLE = new Set<Key>(['body', 'requiredAttendees', 'optionalAttendees', 'resources']);

/** What DeleteItemField leaves behind; fields without an entry cannot be deleted. */
const CLEARED: Partial<Record<Key, Patch[Key] | null>> = {
  subject: '',
  body: { type: 'Text', value: '' },
  location: '',
  categories: [],
  requiredAttendees: [],
  optionalAttendees: [],
  resources: [],
  recurrence: null,
  reminderIsSet: false,
};

const CODE: Record<Op, string> = { set: 'ErrorInvalidPropertySet', append: 'ErrorInvalidPropertyAppend', delete: 'ErrorInvalidPropertyDelete' };
const URI_TAGS = ['FieldURI', 'IndexedFieldURI', 'ExtendedFieldURI'];
const onePropertyOnly = () => new ItemError('ErrorIncorrectUpdatePropertyCount', 'An object within a change description must contain one and only one property to modify.');

/** The new value a SetItemField/AppendToItemField carries for `key`, or undefined when it has none. */
function valueOf(ctx: EwsContext, key: Key, uri: string, item: CalendarItem, element: XmlElement): Patch[Key] | undefined {
  switch (key) {
    case 'requiredAttendees':
    case 'optionalAttendees':
    case 'resources':
      return addresses(ctx, item[key]);
    case 'timeZoneId':
      return uri === 'calendar:endtimezone' ? item.endTimeZoneId : startZoneOf(item, element);
    default:
      return item[key] as Patch[Key];
  }
}

function appended(key: Key, value: Patch[Key], current: Patch[Key] | undefined): Patch[Key] {
  if (key === 'body') {
    const [was, add] = [current as Body | undefined, value as Body];
    if (was && was.value !== '' && was.type !== add.type) throw new ItemError('ErrorInvalidPropertyAppend', 'The body to append is not in the format of the item body.');
    return { type: add.type, value: `${was?.value ?? ''}${add.value}` };
  }
  return [...((current as readonly EmailAddress[] | undefined) ?? []), ...(value as readonly EmailAddress[])];
}

/** The item's value of a patch key, for appends. */
function currentOf(entry: StoreEntry, key: Key): Patch[Key] | undefined {
  if (!isCalendarEntry(entry)) return undefined;
  if (key === 'body') return entry.body;
  if (key === 'requiredAttendees' || key === 'optionalAttendees' || key === 'resources') return entry[key].map((a) => a.mailbox);
  return undefined;
}

export interface ReadUpdates {
  readonly patch: CalendarItemPatch;
  /** message:IsRead, the one message property the simulator changes. */
  readonly isRead?: boolean;
}

/** Reads the Updates of one ItemChange against the item they change. */
export function readUpdates(ctx: EwsContext, updates: XmlElement | undefined, entry: StoreEntry): ReadUpdates {
  const patch: Patch = {};
  const raw: { start?: string; end?: string } = {};
  let isRead: boolean | undefined;
  const ops: [string, Op][] = [['DeleteItemField', 'delete'], ['SetItemField', 'set'], ['AppendToItemField', 'append']];
  for (const [tag, op] of ops) {
    for (const change of children(updates, tag)) {
      const uri = (attr(child(change, 'FieldURI'), 'FieldURI') ?? '').trim().toLowerCase();
      // IndexedFieldURI / ExtendedFieldURI: properties the simulator does not keep.
      if (!uri) continue;
      if (READ_ONLY.has(uri)) throw new ItemError(CODE[op], `The property ${uri} cannot be changed with ${tag}.`);
      const value = op === 'delete' ? undefined : elementsOf(change, URI_TAGS)[0]?.element;
      if (op !== 'delete' && !value) throw onePropertyOnly();
      if (uri === 'message:isread') {
        if (op !== 'set' || isCalendarEntry(entry)) throw new ItemError(op === 'set' ? 'ErrorInvalidPropertyRequest' : CODE[op], 'IsRead can only be set, and only on messages.');
        isRead = bool(value, 'IsRead') ?? false;
        continue;
      }
      const key = FIELDS[uri];
      if (!key) continue;
      if (!isCalendarEntry(entry) && uri.startsWith('calendar:')) throw new ItemError('ErrorInvalidPropertyRequest', `The property ${uri} is not valid for this item type.`);
      if (op === 'delete') {
        if (!(key in CLEARED)) throw new ItemError('ErrorInvalidPropertyDelete', `The property ${uri} cannot be deleted.`);
        (patch as Record<string, unknown>)[key] = CLEARED[key];
        continue;
      }
      if (op === 'append' && !APPENDABLE.has(key)) throw new ItemError('ErrorInvalidPropertyAppend', `The property ${uri} does not support appending.`);
      const v = valueOf(ctx, key, uri, readItem(value!), value!);
      if (v === undefined) {
        // A legacy MeetingTimeZone given only by its bias names no zone the store could keep.
        if (uri === 'calendar:meetingtimezone') continue;
        throw onePropertyOnly();
      }
      if (key === 'start' || key === 'end') raw[key] = v as string;
      else (patch as Record<string, unknown>)[key] = op === 'append' ? appended(key, v, patch[key] ?? currentOf(entry, key)) : v;
    }
  }
  // Start/End without an offset are read in the zone set with them, else the request's TimeZoneContext.
  const zone = patch.timeZoneId ?? ctx.request.timeZone;
  if (raw.start !== undefined) patch.start = toInstant(raw.start, zone);
  if (raw.end !== undefined) patch.end = toInstant(raw.end, zone);
  return { patch, ...(isRead !== undefined ? { isRead } : {}) };
}
