/**
 * A `t:CalendarItem` of a request (CreateItem, or the value of an UpdateItem SetItemField) as the
 * store's CalendarItemInput. Reading goes through the shared field table (readCalendarItem); what
 * only a server does is here: time zone precedence, directory resolution of attendees, enum checks.
 */
import { readCalendarItem } from '../../../ews/schema/calendar-item-fields.js';
import type { Attendee, CalendarItem, CalendarItemInput, EmailAddress } from '../../../ews/schema/types.js';
import { attr, child, type XmlElement } from '../../../ews/xml/index.js';
import { StoreError } from '../../store/calendar/index.js';
import { EwsFault, type EwsContext } from '../context.js';
import { toInstant } from './time.js';
import { resolveAddress } from './write.js';

const SENSITIVITY = ['Normal', 'Personal', 'Private', 'Confidential'];
const FREE_BUSY = ['Free', 'Tentative', 'Busy', 'OOF', 'WorkingElsewhere', 'NoData'];

function checkEnum(value: string | undefined, allowed: readonly string[], element: string): void {
  if (value !== undefined && !allowed.includes(value)) {
    throw new EwsFault('ErrorSchemaValidation', `The request failed schema validation: The '${element}' element is invalid - The value '${value}' is invalid according to its datatype.`);
  }
}

/** The item's fields, with enumerations checked as the schema would. */
export function readItem(element: XmlElement): CalendarItem {
  const item = readCalendarItem(element);
  checkEnum(item.sensitivity, SENSITIVITY, 'Sensitivity');
  checkEnum(item.legacyFreeBusyStatus, FREE_BUSY, 'LegacyFreeBusyStatus');
  if (child(element, 'Recurrence') && !item.recurrence) throw new StoreError('ErrorCalendarInvalidRecurrence', 'The recurrence pattern or range is not valid.');
  return item;
}

/**
 * The Windows zone the item's Start is given in: StartTimeZone (Exchange 2010+), else
 * MeetingTimeZone/@TimeZoneName (Exchange 2007 SP1 requests), else none.
 */
export function startZoneOf(item: CalendarItem, element: XmlElement): string | undefined {
  return item.startTimeZoneId ?? (attr(child(element, 'MeetingTimeZone'), 'TimeZoneName') || undefined);
}

export const addresses = (ctx: EwsContext, list: readonly Attendee[] | undefined): EmailAddress[] | undefined => list?.map((a) => resolveAddress(ctx, a.mailbox));

/**
 * CreateItem's calendar item as the store's input. A dateTime without offset is read in
 * StartTimeZone/EndTimeZone, else the request's TimeZoneContext, else UTC; the item keeps that zone
 * (what recurrence and all-day events are laid out in).
 */
export function readCalendarInput(ctx: EwsContext, element: XmlElement): CalendarItemInput {
  const item = readItem(element);
  const zone = startZoneOf(item, element) ?? ctx.request.timeZone;
  const endZone = item.endTimeZoneId ?? zone;
  const input: { -readonly [K in keyof CalendarItemInput]: CalendarItemInput[K] } = {};
  if (item.subject !== undefined) input.subject = item.subject;
  if (item.body !== undefined) input.body = item.body;
  if (item.sensitivity !== undefined) input.sensitivity = item.sensitivity;
  if (item.categories !== undefined) input.categories = item.categories;
  if (item.reminderIsSet !== undefined) input.reminderIsSet = item.reminderIsSet;
  if (item.reminderMinutesBeforeStart !== undefined) input.reminderMinutesBeforeStart = item.reminderMinutesBeforeStart;
  if (item.uid !== undefined && item.uid !== '') input.uid = item.uid;
  if (item.start !== undefined) input.start = toInstant(item.start, zone);
  if (item.end !== undefined) input.end = toInstant(item.end, endZone);
  if (item.isAllDayEvent !== undefined) input.isAllDayEvent = item.isAllDayEvent;
  if (item.legacyFreeBusyStatus !== undefined) input.legacyFreeBusyStatus = item.legacyFreeBusyStatus;
  if (item.location !== undefined) input.location = item.location;
  const required = addresses(ctx, item.requiredAttendees);
  const optional = addresses(ctx, item.optionalAttendees);
  const resources = addresses(ctx, item.resources);
  if (required) input.requiredAttendees = required;
  if (optional) input.optionalAttendees = optional;
  if (resources) input.resources = resources;
  if (item.recurrence) input.recurrence = item.recurrence;
  if (zone) input.timeZoneId = zone;
  return input;
}

export const hasAttendees = (input: CalendarItemInput): boolean =>
  (input.requiredAttendees?.length ?? 0) + (input.optionalAttendees?.length ?? 0) + (input.resources?.length ?? 0) > 0;
