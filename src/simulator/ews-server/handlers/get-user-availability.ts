import { legacyTimeZone, readLegacyTimeZone, writeLegacyTimeZone } from '../../../ews/schema/timezones.js';
import { child, children, el, els, NS, text, type Raw, type XmlElement } from '../../../ews/xml/index.js';
import { ianaZone, type BusyEvent } from '../../store/calendar/index.js';
import type { MailboxRecord } from '../../store/directory/index.js';
import { roleOn, same } from '../access.js';
import { EwsFault, type EwsContext } from '../context.js';
import { responseMessage } from '../soap-response.js';
import { legacyClock, windowsClock, type RequestClock } from './request-clock.js';

/**
 * GetUserAvailability, free/busy part (https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/getuseravailability-operation).
 * exchangelib sends the element as `GetUserAvailabilityRequest` (its real name in messages.xsd); the
 * answer is `GetUserAvailabilityResponse` either way. Free/busy is readable by every authenticated
 * user (the Default folder permission is AvailabilityOnly), so no impersonation is needed.
 *
 * Request-level mistakes have no ResponseMessage to go in (GetUserAvailabilityResponseType holds only
 * per-mailbox messages), so they are SOAP faults; codes and limits per web-service-reference/responsecode:
 * ErrorMailboxDataArrayEmpty, ErrorMailboxDataArrayTooBig (> 100), ErrorInvalidTimeInterval,
 * ErrorTimeIntervalTooBig (> 42 days, web-service-reference/timewindow), ErrorInvalidMergedFreeBusyInterval
 * (5..1440), ErrorInvalidFreeBusyViewType (None).
 */

const MAX_MAILBOXES = 100;
const MAX_WINDOW_DAYS = 42;
const DAY_MS = 86_400_000;
const VIEWS = ['MergedOnly', 'FreeBusy', 'FreeBusyMerged', 'Detailed', 'DetailedMerged'] as const;
type View = (typeof VIEWS)[number];

interface Options {
  readonly start: number;
  readonly end: number;
  readonly interval: number;
  readonly view: View;
}

function readOptions(el: XmlElement, clock: RequestClock): Options {
  const window = child(el, 'TimeWindow');
  const startText = text(window, 'StartTime');
  const endText = text(window, 'EndTime');
  if (startText === undefined || endText === undefined) throw new EwsFault('ErrorSchemaValidation', 'The request failed schema validation: TimeWindow needs StartTime and EndTime.');
  const start = clock.instant(startText);
  const end = clock.instant(endText);
  if (end <= start) throw new EwsFault('ErrorInvalidTimeInterval', 'The specified time interval is invalid: EndTime must be later than StartTime.');
  const days = Math.ceil((end - start) / DAY_MS);
  // Wording as Exchange's availability service words it (seen through Graph getSchedule, microsoftgraph/microsoft-graph-docs#19703).
  if (days > MAX_WINDOW_DAYS) throw new EwsFault('ErrorTimeIntervalTooBig', `The requested time duration specified for FreeBusyViewOptions.TimeWindow is too long. The allowed limit = ${MAX_WINDOW_DAYS} days; the actual limit = ${days} days.`);
  const intervalText = text(el, 'MergedFreeBusyIntervalInMinutes')?.trim();
  const interval = intervalText === undefined || intervalText === '' ? 30 : Number(intervalText);
  if (!Number.isInteger(interval) || interval < 5 || interval > 1440) throw new EwsFault('ErrorInvalidMergedFreeBusyInterval', 'The merged free/busy interval must be between 5 and 1440 minutes.');
  const viewText = (text(el, 'RequestedView') ?? 'FreeBusy').trim();
  if (viewText === 'None') throw new EwsFault('ErrorInvalidFreeBusyViewType', 'The requested free/busy view type is not valid: None is only used in responses.');
  const view = VIEWS.find((v) => v === viewText);
  if (!view) throw new EwsFault('ErrorSchemaValidation', `The request failed schema validation: '${viewText}' is not a FreeBusyViewType.`);
  return { start, end, interval, view };
}

/** What a requester may see of a calendar's items, from its folder role (Owner for the mailbox itself). */
type Detail = 'none' | 'limited' | 'full';

function detailFor(ctx: EwsContext, mailbox: MailboxRecord): Detail | undefined {
  const role = roleOn(ctx, mailbox);
  if (role === 'None') return undefined;
  if (role === 'AvailabilityOnly' || role === 'Contributor') return 'none';
  // LimitedDetails is Exchange's "free/busy time, subject, location".
  return role === 'LimitedDetails' ? 'limited' : 'full';
}

/** The view actually returned: Detailed views fall back to FreeBusy ones without detail rights (msdocs-getuseravailability-ref.response.xml). */
function answeredView(requested: View, detail: Detail): View {
  if (detail !== 'none') return requested;
  return requested === 'Detailed' ? 'FreeBusy' : requested === 'DetailedMerged' ? 'FreeBusyMerged' : requested;
}

const bool = (b: boolean): string => (b ? 'true' : 'false');

function eventXml(ev: BusyEvent, clock: RequestClock, detail: Detail, own: boolean): Raw {
  const d = ev.details;
  // Private items keep their busy time but not what they are, except for the owner.
  const hidden = d.isPrivate && !own;
  const details =
    detail === 'none'
      ? undefined
      : el('t:CalendarEventDetails', els(
          detail === 'full' && !hidden && el('t:ID', d.id),
          !hidden && el('t:Subject', d.subject),
          !hidden && el('t:Location', d.location),
          el('t:IsMeeting', bool(d.isMeeting)),
          el('t:IsRecurring', bool(d.isRecurring)),
          el('t:IsException', bool(d.isException)),
          el('t:IsReminderSet', bool(d.isReminderSet)),
          el('t:IsPrivate', bool(d.isPrivate)),
        ));
  return el('t:CalendarEvent', els(el('t:StartTime', clock.local(Date.parse(ev.start))), el('t:EndTime', clock.local(Date.parse(ev.end))), el('t:BusyType', ev.busyType), details));
}

/** The mailbox's working hours: its own zone as a legacy t:TimeZone, Monday to Friday 08:00-17:00 (Exchange's default). */
function workingHours(mailbox: MailboxRecord, year: number): Raw {
  const period = el('t:WorkingPeriod', els(el('t:DayOfWeek', 'Monday Tuesday Wednesday Thursday Friday'), el('t:StartTimeInMinutes', '480'), el('t:EndTimeInMinutes', '1020')));
  return el('t:WorkingHours', els(writeLegacyTimeZone(legacyTimeZone(ianaZone(mailbox.timeZone), year)), el('t:WorkingPeriodArray', period)));
}

function failure(code: string, message: string, messageXml?: Raw): Raw {
  const view = el('m:FreeBusyView', el('t:FreeBusyViewType', 'None'));
  return el('m:FreeBusyResponse', els(responseMessage('', 'Error', code, undefined, message, messageXml), view));
}

function freeBusyResponse(ctx: EwsContext, data: XmlElement, options: Options, clock: RequestClock): Raw {
  const address = (text(child(data, 'Email'), 'Address') ?? '').trim();
  const mailbox = ctx.exchange.directory.mailboxes().find((m) => same(m.smtp, address));
  if (!mailbox) {
    // As Exchange answers an unknown address (Exchange 2007 capture quoted in openchange/openchange
    // mapiproxy/services/ocsmanager/ocsmanager/controllers/as.py): class Error, FreeBusyViewType None.
    const messageXml = els(
      el('ExceptionType', 'Microsoft.Exchange.InfoWorker.Common.Availability.MailRecipientNotFoundException', { xmlns: NS.errors }),
      el('ExceptionCode', '5009', { xmlns: NS.errors }),
    );
    return failure('ErrorMailRecipientNotFound', `Unable to resolve e-mail address <>SMTP:${address} to an Active Directory object.`, messageXml);
  }
  const detail = detailFor(ctx, mailbox);
  if (detail === undefined) return failure('ErrorNoFreeBusyAccess', 'The caller does not have free/busy viewing rights on the Calendar folder of this mailbox.');
  const view = answeredView(options.view, detail);
  const { mergedFreeBusy, events } = ctx.exchange.calendar.freeBusy(mailbox.smtp, new Date(options.start).toISOString(), new Date(options.end).toISOString(), options.interval);
  const own = same(mailbox.smtp, ctx.actAs.smtp);
  const shownDetail = view.startsWith('Detailed') ? detail : 'none';
  const merged = view === 'MergedOnly' || view.endsWith('Merged');
  const eventsXml = view === 'MergedOnly' ? [] : events.map((ev) => eventXml(ev, clock, shownDetail, own));
  // legacyTimeZone takes years from 1970 on; windows outside that are absurd but should not fail.
  const year = Math.min(9999, Math.max(1970, Number(clock.local(options.start).slice(0, 4))));
  const fbView = el('m:FreeBusyView', els(
    el('t:FreeBusyViewType', view),
    merged && el('t:MergedFreeBusy', mergedFreeBusy),
    eventsXml.length > 0 && el('t:CalendarEventArray', eventsXml),
    workingHours(mailbox, year),
  ));
  return el('m:FreeBusyResponse', els(responseMessage('', 'Success', 'NoError'), fbView));
}

/** The request's zone: the legacy t:TimeZone in the body, else TimeZoneContext (ews-javascript-api sends only that), else UTC. */
function requestClock(ctx: EwsContext, body: XmlElement): RequestClock {
  const legacy = readLegacyTimeZone(child(body, 'TimeZone'));
  return legacy ? legacyClock(legacy) : windowsClock(ctx.request.timeZone);
}

export function getUserAvailability(ctx: EwsContext, body: XmlElement): Raw {
  const clock = requestClock(ctx, body);
  const mailboxes = children(child(body, 'MailboxDataArray'), 'MailboxData');
  if (mailboxes.length === 0) throw new EwsFault('ErrorMailboxDataArrayEmpty', 'The MailboxDataArray in the request is empty: supply at least one mailbox.');
  // Wording as Graph relays it from the availability service (microsoftgraph/microsoft-graph-docs#7047).
  if (mailboxes.length > MAX_MAILBOXES) throw new EwsFault('ErrorMailboxDataArrayTooBig', `There are too many target users in the EmailAddress array. The allowed size = ${MAX_MAILBOXES}; the actual size = ${mailboxes.length}.`);
  const optionsEl = child(body, 'FreeBusyViewOptions');
  const options = optionsEl ? readOptions(optionsEl, clock) : undefined;
  // Meeting suggestions are not simulated; a client asking for them is told so instead of getting silence.
  const suggestions =
    child(body, 'SuggestionsViewOptions') &&
    el('m:SuggestionsResponse', responseMessage('', 'Error', 'ErrorMeetingSuggestionGenerationFailed', undefined, 'Meeting suggestions are not available from this server.'));
  return els(
    options && el('m:FreeBusyResponseArray', mailboxes.map((m) => freeBusyResponse(ctx, m, options, clock))),
    suggestions,
  );
}
