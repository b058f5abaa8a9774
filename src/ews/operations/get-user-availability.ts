import { DateTime } from 'luxon';
import { AppError } from '../../shared/errors.js';
import { ewsError } from '../error-catalog.js';
import { legacyTimeZone, readLegacyTimeZone, UnknownTimeZoneError, writeLegacyTimeZone, isIanaZone, type LegacyTimeZone } from '../schema/timezones.js';
import type { DayOfWeek, LegacyFreeBusy } from '../schema/types.js';
import { bool, child, children, el, els, int, text, type XmlElement } from '../xml/index.js';
import { messageError, readResponseMessage } from './envelope.js';
import type { ItemResult, Operation, ParseContext } from './operation.js';

/** Exchange answers at most 100 mailboxes per GetUserAvailability request. */
export const MAX_AVAILABILITY_MAILBOXES = 100;
/** Default server limit on the TimeWindow (admins can raise it), so it is documented, not enforced. */
export const DEFAULT_MAX_WINDOW_DAYS = 42;

export type AttendeeType = 'Organizer' | 'Required' | 'Optional' | 'Room' | 'Resource';
export type AvailabilityView = 'FreeBusy' | 'MergedOnly' | 'FreeBusyMerged' | 'Detailed' | 'DetailedMerged';

export interface AvailabilityMailbox {
  /** SMTP address of a user, room or resource mailbox. */
  readonly email: string;
  /** Default Required. */
  readonly attendeeType?: AttendeeType;
  /** Leave this mailbox out of suggestions' conflict counts (sent only when set). */
  readonly excludeConflicts?: boolean;
}

export interface GetUserAvailabilityArgs {
  /** 1 to 100 mailboxes; results come back in this order. */
  readonly mailboxes: readonly AvailabilityMailbox[];
  /** ISO 8601 instants; a value without offset is read in `timeZone`. */
  readonly start: string;
  readonly end: string;
  /** IANA zone the request (and therefore Exchange's answer) is expressed in. */
  readonly timeZone: string;
  /** Slot length of MergedFreeBusy, 5 to 1440; default 30. */
  readonly mergedIntervalMinutes?: number;
  readonly view: AvailabilityView;
}

export interface AvailabilityEventDetails {
  readonly id?: string;
  readonly subject?: string;
  readonly location?: string;
  readonly isMeeting?: boolean;
  readonly isRecurring?: boolean;
  readonly isException?: boolean;
  readonly isReminderSet?: boolean;
  readonly isPrivate?: boolean;
}

export interface AvailabilityEvent {
  /** ISO 8601 instants in UTC (`…Z`). */
  readonly start: string;
  readonly end: string;
  readonly busyType: LegacyFreeBusy;
  /** Only in the Detailed views, and only when the caller may see them. */
  readonly details?: AvailabilityEventDetails;
}

export interface WorkingPeriod {
  readonly days: readonly DayOfWeek[];
  /** Minutes after local midnight, in the working hours' own time zone. */
  readonly startMinutes: number;
  readonly endMinutes: number;
}

export interface WorkingHours {
  /** The mailbox owner's zone for working hours, which may differ from the request's. */
  readonly timeZone: LegacyTimeZone;
  readonly periods: readonly WorkingPeriod[];
}

export interface Availability {
  /** The view Exchange actually gave, which is coarser than asked when rights are limited. */
  readonly view: AvailabilityView | 'None' | (string & {});
  /** One digit per slot from the window start: 0 free, 1 tentative, 2 busy, 3 OOF, 4 no data. */
  readonly mergedFreeBusy?: string;
  readonly events: readonly AvailabilityEvent[];
  readonly workingHours?: WorkingHours;
}

const BUSY_TYPES: ReadonlySet<string> = new Set<LegacyFreeBusy>(['Free', 'Tentative', 'Busy', 'OOF', 'WorkingElsewhere', 'NoData']);
const VIEWS: ReadonlySet<string> = new Set<AvailabilityView>(['FreeBusy', 'MergedOnly', 'FreeBusyMerged', 'Detailed', 'DetailedMerged']);
const LOCAL_FORMAT = "yyyy-MM-dd'T'HH:mm:ss";

function invalid(message: string, hint: string): AppError {
  return new AppError('InvalidArgument', `GetUserAvailability: ${message}`, hint);
}

/** Checks the arguments and returns the window as wall-clock times in the request zone. */
function checkWindow(a: GetUserAvailabilityArgs): { start: DateTime; end: DateTime; interval: number } {
  const n = a.mailboxes.length;
  if (n === 0) throw invalid('no mailboxes given.', 'Ask for at least one mailbox.');
  if (n > MAX_AVAILABILITY_MAILBOXES) throw invalid(`${n} mailboxes in one request; Exchange accepts at most ${MAX_AVAILABILITY_MAILBOXES}.`, `Split the list into batches of ${MAX_AVAILABILITY_MAILBOXES}.`);
  const empty = a.mailboxes.findIndex((m) => m.email.trim() === '');
  if (empty >= 0) throw invalid(`mailbox #${empty + 1} has no address.`, 'Give every mailbox its SMTP address.');
  if (!VIEWS.has(a.view)) throw invalid(`unknown view "${a.view}".`, `Use one of ${[...VIEWS].join(', ')}.`);
  if (!isIanaZone(a.timeZone)) throw new UnknownTimeZoneError(a.timeZone, 'iana', 'not in the tz database');
  // An instant with an offset is converted into the zone; one without is taken as wall-clock there.
  const start = DateTime.fromISO(a.start, { zone: a.timeZone });
  const end = DateTime.fromISO(a.end, { zone: a.timeZone });
  if (!start.isValid || !end.isValid) throw invalid(`start "${a.start}" or end "${a.end}" is not an ISO 8601 date-time.`, 'Pass ISO 8601 instants such as 2025-03-10T09:00:00Z.');
  if (end <= start) throw invalid('the window ends before it starts.', 'Give an end after the start.');
  const interval = a.mergedIntervalMinutes ?? 30;
  if (!Number.isInteger(interval) || interval < 5 || interval > 1440) throw invalid(`merged interval ${interval} min is outside 5..1440.`, 'Use a whole number of minutes from 5 to 1440 (Microsoft\'s documented range).');
  return { start, end, interval };
}

function writeMailbox(m: AvailabilityMailbox) {
  return el(
    't:MailboxData',
    els(
      // MailboxData/Email is types.xsd `EmailAddress` (Name, Address, RoutingType), not EmailAddressType.
      el('t:Email', el('t:Address', m.email.trim())),
      el('t:AttendeeType', m.attendeeType ?? 'Required'),
      m.excludeConflicts !== undefined && el('t:ExcludeConflicts', m.excludeConflicts ? 'true' : 'false'),
    ),
  );
}

/**
 * GetUserAvailability, free/busy only (no suggestions): one result per mailbox, in order.
 *
 * The request carries the legacy `t:TimeZone` computed from the IANA zone, and TimeWindow as wall-clock
 * times in that zone, because Exchange reads the window in it and answers event times in it, mostly
 * without an offset. Callers that also send a TimeZoneContext header should name the same zone
 * (`ianaToWindows(args.timeZone)`), so that the two cannot disagree.
 * https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/getuseravailability-operation
 */
export const GetUserAvailability: Operation<GetUserAvailabilityArgs, ItemResult<Availability>[]> = {
  name: 'GetUserAvailability',
  minVersion: 'Exchange2007',
  reference: 'https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/getuseravailability-operation',
  idempotent: true,
  build(a) {
    const w = checkWindow(a);
    return el(
      'm:GetUserAvailabilityRequest',
      els(
        writeLegacyTimeZone(legacyTimeZone(a.timeZone, w.start.year)),
        el('m:MailboxDataArray', a.mailboxes.map(writeMailbox)),
        el(
          't:FreeBusyViewOptions',
          els(
            el('t:TimeWindow', els(el('t:StartTime', w.start.toFormat(LOCAL_FORMAT)), el('t:EndTime', w.end.toFormat(LOCAL_FORMAT)))),
            el('t:MergedFreeBusyIntervalInMinutes', String(w.interval)),
            el('t:RequestedView', a.view),
          ),
        ),
      ),
    );
  },
  parse(response: XmlElement, ctx: ParseContext, args?: GetUserAvailabilityArgs) {
    // Without the request's zone, offset-less times cannot be placed on the timeline at all.
    if (!args) throw new AppError('InvalidArgument', 'GetUserAvailability: the response cannot be read without the request arguments.', 'Run the operation through EwsEngine.call, which passes them.');
    const responses = children(child(response, 'FreeBusyResponseArray'), 'FreeBusyResponse');
    const count = Math.max(responses.length, args.mailboxes.length);
    const out: ItemResult<Availability>[] = [];
    for (let i = 0; i < count; i++) {
      const mailbox = args.mailboxes[i]?.email;
      const errors = mailbox !== undefined ? { ...ctx.errors, mailbox } : ctx.errors;
      const r = responses[i];
      if (!r) {
        out.push({ ok: false, error: ewsError('ErrorFreeBusyGenerationFailed', { operation: ctx.operation, serverMessage: 'Exchange sent no FreeBusyResponse for this mailbox', ...(mailbox ? { mailbox } : {}) }, errors) });
        continue;
      }
      const msg = readResponseMessage(child(r, 'ResponseMessage'));
      if (msg.responseClass === 'Error') {
        out.push({ ok: false, error: messageError(msg, ctx.operation, errors) });
        continue;
      }
      try {
        out.push({ ok: true, value: readView(child(r, 'FreeBusyView'), args.timeZone) });
      } catch (err) {
        if (!(err instanceof BadTime)) throw err;
        out.push({ ok: false, error: ewsError('XmlMalformed', { operation: ctx.operation, serverMessage: err.message, ...(mailbox ? { mailbox } : {}) }, errors) });
      }
    }
    return out;
  },
};

// FreeBusyResponse carries a bare ResponseMessage (not the usual container): envelope.readResponseMessage reads it.

class BadTime extends Error {}

/**
 * Exchange writes event times in the request's zone, without offset (2010 and later) or with one
 * (2007 did); both become UTC instants. A wall-clock time inside a DST gap or overlap resolves as
 * luxon does (gap: moved forward; overlap: the earlier instant).
 */
function instant(value: string | undefined, zone: string): string {
  const v = (value ?? '').trim();
  const hasOffset = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(v);
  const dt = hasOffset ? DateTime.fromISO(v, { setZone: true }) : DateTime.fromISO(v, { zone });
  const iso = dt.isValid ? dt.toUTC().toISO({ suppressMilliseconds: true }) : null;
  if (iso === null) throw new BadTime(`event time "${v}" is not an ISO 8601 date-time`);
  return iso;
}

function readDetails(d: XmlElement | undefined): AvailabilityEventDetails | undefined {
  if (!d) return undefined;
  const s = (name: string, key: keyof AvailabilityEventDetails) => (text(d, name) !== undefined ? { [key]: text(d, name) } : {});
  const b = (name: string, key: keyof AvailabilityEventDetails) => (bool(d, name) !== undefined ? { [key]: bool(d, name) } : {});
  return {
    ...s('ID', 'id'),
    ...s('Subject', 'subject'),
    ...s('Location', 'location'),
    ...b('IsMeeting', 'isMeeting'),
    ...b('IsRecurring', 'isRecurring'),
    ...b('IsException', 'isException'),
    ...b('IsReminderSet', 'isReminderSet'),
    ...b('IsPrivate', 'isPrivate'),
  };
}

function readEvent(e: XmlElement, zone: string): AvailabilityEvent {
  const busy = text(e, 'BusyType')?.trim() ?? '';
  const details = readDetails(child(e, 'CalendarEventDetails'));
  return {
    start: instant(text(e, 'StartTime'), zone),
    end: instant(text(e, 'EndTime'), zone),
    // The schema lists every value; anything else is unknown to us, which is what NoData says.
    busyType: BUSY_TYPES.has(busy) ? (busy as LegacyFreeBusy) : 'NoData',
    ...(details ? { details } : {}),
  };
}

function readWorkingHours(w: XmlElement | undefined): WorkingHours | undefined {
  const timeZone = readLegacyTimeZone(child(w, 'TimeZone'));
  if (!w || !timeZone) return undefined;
  const periods = children(child(w, 'WorkingPeriodArray'), 'WorkingPeriod').map((p) => ({
    // DaysOfWeekType is an xs:list: one element, days separated by spaces.
    days: (text(p, 'DayOfWeek') ?? '').trim().split(/\s+/).filter(Boolean) as DayOfWeek[],
    startMinutes: int(p, 'StartTimeInMinutes') ?? 0,
    endMinutes: int(p, 'EndTimeInMinutes') ?? 0,
  }));
  return { timeZone, periods };
}

function readView(v: XmlElement | undefined, zone: string): Availability {
  const merged = text(v, 'MergedFreeBusy')?.trim();
  const workingHours = readWorkingHours(child(v, 'WorkingHours'));
  return {
    view: text(v, 'FreeBusyViewType')?.trim() ?? 'None',
    ...(merged !== undefined && merged !== '' ? { mergedFreeBusy: merged } : {}),
    events: children(child(v, 'CalendarEventArray'), 'CalendarEvent').map((e) => readEvent(e, zone)),
    ...(workingHours ? { workingHours } : {}),
  };
}
