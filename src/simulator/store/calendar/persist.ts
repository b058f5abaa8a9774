/**
 * The store as JSON (for `--data` persistence) and back. Loading parses with zod rather than casting,
 * because the file is outside the program's control and a bad one should fail at load, not later.
 */
import { z } from 'zod';
import type { CalendarItemRecord, FolderName, MessageRecord, StoredItem } from './model.js';
import { FOLDER_NAMES } from './model.js';
import type { StoreCore } from './core.js';

export const CALENDAR_STORE_FORMAT = 1;

export interface CalendarStoreJson {
  readonly format: typeof CALENDAR_STORE_FORMAT;
  readonly sequence: number;
  readonly mailboxes: readonly {
    readonly address: string;
    /** `drafts` came later than the other folders; files written before it load without one. */
    readonly folders: Readonly<Record<Exclude<FolderName, 'drafts'>, readonly StoredItem[]>> & { readonly drafts?: readonly StoredItem[] };
  }[];
}

const email = z.object({ name: z.string().optional(), email: z.string().optional(), routingType: z.string().optional(), mailboxType: z.string().optional() });
const body = z.object({ type: z.enum(['Text', 'HTML']), value: z.string() });
const responseType = z.enum(['Unknown', 'Organizer', 'Tentative', 'Accept', 'Decline', 'NoResponseReceived']);
const freeBusy = z.enum(['Free', 'Tentative', 'Busy', 'OOF', 'WorkingElsewhere', 'NoData']);
const sensitivity = z.enum(['Normal', 'Personal', 'Private', 'Confidential']);
const attendee = z.object({ mailbox: email, responseType: responseType.optional(), lastResponseTime: z.string().optional() });
const day = z.enum(['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Day', 'Weekday', 'WeekendDay']);
const dayIndex = z.enum(['First', 'Second', 'Third', 'Fourth', 'Last']);
const month = z.enum(['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']);

const pattern = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Daily'), interval: z.number() }),
  z.object({ type: z.literal('Weekly'), interval: z.number(), daysOfWeek: z.array(day), firstDayOfWeek: day.optional() }),
  z.object({ type: z.literal('AbsoluteMonthly'), interval: z.number(), dayOfMonth: z.number() }),
  z.object({ type: z.literal('RelativeMonthly'), interval: z.number(), daysOfWeek: day, dayOfWeekIndex: dayIndex }),
  z.object({ type: z.literal('AbsoluteYearly'), dayOfMonth: z.number(), month }),
  z.object({ type: z.literal('RelativeYearly'), daysOfWeek: day, dayOfWeekIndex: dayIndex, month }),
]);
const range = z.discriminatedUnion('type', [
  z.object({ type: z.literal('NoEnd'), startDate: z.string() }),
  z.object({ type: z.literal('EndDate'), startDate: z.string(), endDate: z.string() }),
  z.object({ type: z.literal('Numbered'), startDate: z.string(), numberOfOccurrences: z.number() }),
]);

const occurrenceFields = z.object({
  subject: z.string().optional(),
  body: body.optional(),
  start: z.string().optional(),
  end: z.string().optional(),
  location: z.string().optional(),
  legacyFreeBusy: freeBusy.optional(),
  sensitivity: sensitivity.optional(),
  isAllDay: z.boolean().optional(),
  reminderIsSet: z.boolean().optional(),
  reminderMinutesBeforeStart: z.number().optional(),
  categories: z.array(z.string()).optional(),
  isCancelled: z.boolean().optional(),
  myResponseType: responseType.optional(),
  requiredAttendees: z.array(attendee).optional(),
  optionalAttendees: z.array(attendee).optional(),
  resources: z.array(attendee).optional(),
});

const calendarItem: z.ZodType<CalendarItemRecord> = z.object({
  kind: z.literal('calendarItem'),
  id: z.string(),
  changeKey: z.string(),
  uid: z.string(),
  subject: z.string(),
  body,
  start: z.string(),
  end: z.string(),
  startTimeZone: z.string(),
  endTimeZone: z.string(),
  isAllDay: z.boolean(),
  location: z.string(),
  legacyFreeBusy: freeBusy,
  intendedFreeBusy: freeBusy.optional(),
  sensitivity,
  organizer: email,
  requiredAttendees: z.array(attendee),
  optionalAttendees: z.array(attendee),
  resources: z.array(attendee),
  isMeeting: z.boolean(),
  isCancelled: z.boolean(),
  myResponseType: responseType,
  meetingRequestWasSent: z.boolean(),
  appointmentSequenceNumber: z.number(),
  reminderIsSet: z.boolean(),
  reminderMinutesBeforeStart: z.number(),
  categories: z.array(z.string()),
  recurrence: z.object({ pattern, range }).optional(),
  exceptions: z.array(z.object({ originalStart: z.string(), changeKey: z.string(), lastModified: z.string(), fields: occurrenceFields })),
  deletedOccurrences: z.array(z.string()),
  created: z.string(),
  lastModified: z.string(),
});

const messageClass = z.enum([
  'IPM.Note',
  'IPM.Schedule.Meeting.Request',
  'IPM.Schedule.Meeting.Canceled',
  'IPM.Schedule.Meeting.Resp.Pos',
  'IPM.Schedule.Meeting.Resp.Tent',
  'IPM.Schedule.Meeting.Resp.Neg',
]);

const message: z.ZodType<MessageRecord> = z.object({
  kind: z.literal('message'),
  id: z.string(),
  changeKey: z.string(),
  itemClass: messageClass,
  subject: z.string(),
  body,
  from: email,
  toRecipients: z.array(email),
  ccRecipients: z.array(email),
  sent: z.string(),
  received: z.string(),
  isRead: z.boolean(),
  meeting: z
    .object({
      uid: z.string(),
      start: z.string(),
      end: z.string(),
      location: z.string(),
      associatedItemId: z.string().optional(),
      originalStart: z.string().optional(),
      responseType: responseType.optional(),
    })
    .optional(),
  created: z.string(),
  lastModified: z.string(),
});

const item = z.union([calendarItem, message]);
const folder = z.array(item);

const storeJson = z.object({
  format: z.literal(CALENDAR_STORE_FORMAT),
  sequence: z.number().int().nonnegative(),
  mailboxes: z.array(
    z.object({
      address: z.string(),
      folders: z.object({ calendar: folder, inbox: folder, drafts: folder.optional(), sentitems: folder, deleteditems: folder }),
    }),
  ),
});

export function dump(core: StoreCore): CalendarStoreJson {
  const mailboxes = [...core.mailboxes.values()].map((m) => ({
    address: m.address,
    folders: {
      calendar: structuredClone([...m.folders.calendar.values()]),
      inbox: structuredClone([...m.folders.inbox.values()]),
      drafts: structuredClone([...m.folders.drafts.values()]),
      sentitems: structuredClone([...m.folders.sentitems.values()]),
      deleteditems: structuredClone([...m.folders.deleteditems.values()]),
    },
  }));
  return { format: CALENDAR_STORE_FORMAT, sequence: core.sequence, mailboxes };
}

/** Fills an empty core from JSON; throws a zod error naming the first bad path. */
export function load(core: StoreCore, json: unknown): void {
  const data = storeJson.parse(json);
  core.sequence = data.sequence;
  for (const m of data.mailboxes) {
    const target = core.mailbox(m.address);
    for (const name of FOLDER_NAMES) {
      for (const stored of m.folders[name] ?? []) target.folders[name].set(stored.id, stored);
    }
  }
  core.reindex();
}
