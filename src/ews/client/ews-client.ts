import { byStartThenEnd, type CalendarEvent, type EventChange, type EventDraft, type Person, type TimeWindow } from '../../domain/calendar.js';
import { CreateCalendarItems, CreateMessage } from '../operations/create-item.js';
import { DeleteItems } from '../operations/delete-item.js';
import { UpdateCalendarItems } from '../operations/update-item.js';
import { changeToDeletes, changeToInput, draftToInput, newUid } from './drafts.js';
import { EwsError } from '../errors.js';
import { EwsEngine, type CallOptions } from '../operations/engine.js';
import { FindItemCalendarView } from '../operations/find-item.js';
import { GetFolder, type Folder } from '../operations/get-folder.js';
import { GetItem } from '../operations/get-item.js';
import type { FolderRef, ItemRef } from '../operations/common.js';
import type { ItemResult } from '../operations/operation.js';
import type { CalendarItem, Recurrence } from '../schema/types.js';
import type { ExchangeVersion, ServerVersionInfo } from '../schema/versions.js';
import type { AuthStrategy } from '../transport/auth.js';
import type { RetryPolicy } from '../transport/retry.js';
import type { Transport } from '../transport/types.js';
import { withWireLog, type WireEntry } from '../transport/wire-log.js';
import { UndiciTransport, type UndiciTransportOptions } from '../transport/undici-transport.js';
import { toCalendarEvent } from './mapping.js';
import { ianaToWindows } from './zones.js';
import { ResolveNames, type ResolveNamesResult } from '../operations/resolve-names.js';
import { GetUserAvailability, MAX_AVAILABILITY_MAILBOXES, type Availability, type AvailabilityMailbox, type AvailabilityView } from '../operations/get-user-availability.js';
import { GetRoomLists, GetRooms } from '../operations/get-rooms.js';
import { RespondToMeetings, type MeetingAnswer } from '../operations/respond-to-meeting.js';
import type { EmailAddress } from '../schema/types.js';

/** How the service account reaches a user's mailbox (the admin guide's two methods). */
export type AccessMethod = 'impersonation' | 'delegation';

export interface EwsClientOptions {
  /** https://mail.example.com/EWS/Exchange.asmx */
  readonly url: string;
  readonly auth: AuthStrategy;
  readonly access: AccessMethod;
  /** RequestServerVersion; Exchange2013 unless configured (the oldest Concierge supports). */
  readonly version?: ExchangeVersion;
  /** Base transport (before auth); an UndiciTransport with `transportOptions` when absent. */
  readonly transport?: Transport;
  readonly transportOptions?: UndiciTransportOptions;
  readonly retry?: RetryPolicy;
  readonly onAttempt?: (e: { operation: string; outcome: string; ms: number }) => void;
  readonly sleep?: (ms: number) => Promise<void>;
  /** Receives every request and response with secrets removed (the `ews:wire` debug log). */
  readonly wireLog?: (entry: WireEntry) => void;
}

/** Fields a CalendarView can return (FindItem never returns attendee lists or bodies). */
export const VIEW_FIELDS: readonly (keyof CalendarItem)[] = [
  'subject', 'sensitivity', 'preview', 'uid', 'start', 'end', 'originalStart', 'isAllDayEvent', 'legacyFreeBusyStatus',
  'location', 'isMeeting', 'isCancelled', 'isRecurring', 'calendarItemType', 'myResponseType', 'organizer', 'startTimeZoneId',
];

/** Fields only GetItem gives. */
export const DETAIL_FIELDS: readonly (keyof CalendarItem)[] = ['requiredAttendees', 'optionalAttendees', 'resources'];

/** Exchange's own default cap on one FindItem page (EWSFindCountLimit is 1000). */
const DEFAULT_PAGE_SIZE = 1000;
const GET_ITEM_BATCH = 100;

export interface CalendarViewOptions {
  readonly pageSize?: number;
  /** Also read attendees (one batched GetItem per 100 meetings); off when only times are needed. */
  readonly withAttendees?: boolean;
  /** IANA zone of the caller, sent as TimeZoneContext. */
  readonly timeZone?: string;
  readonly signal?: AbortSignal;
  /**
   * Which events to return, decided before attendees are read: a caller that asks for a wider window than
   * it needs (to find all-day events made in other zones) pays no GetItem for the margins.
   */
  readonly keep?: (event: CalendarEvent) => boolean;
}

/**
 * A calendar client for one Exchange server and one service account. Knows nothing of Concierge
 * beyond the domain types it returns.
 */
export class EwsClient {
  readonly engine: EwsEngine;
  readonly access: AccessMethod;
  readonly #transport: Transport;
  /** The service account itself: its own mailbox needs neither impersonation nor delegate access. */
  readonly #self: string;

  constructor(opts: EwsClientOptions) {
    this.#self = opts.auth.principal.trim().toLowerCase();
    const base = opts.transport ?? new UndiciTransport(opts.transportOptions);
    const authed = opts.auth.wrap(base);
    this.#transport = opts.wireLog ? withWireLog(authed, opts.wireLog) : authed;
    this.access = opts.access;
    this.engine = new EwsEngine({
      url: opts.url,
      transport: this.#transport,
      version: opts.version ?? 'Exchange2013',
      account: opts.auth.principal,
      ...(opts.retry ? { retry: opts.retry } : {}),
      ...(opts.onAttempt ? { onAttempt: opts.onAttempt } : {}),
      ...(opts.sleep ? { sleep: opts.sleep } : {}),
    });
  }

  /** The version of the last response, once any call has been made. */
  get serverVersion(): ServerVersionInfo | undefined {
    return this.engine.serverVersion;
  }

  /** Who the call acts as and which folder means "their calendar", per access method. */
  target(mailbox: string, timeZone?: string, signal?: AbortSignal): { call: CallOptions; calendar: FolderRef } {
    const tz = timeZone ? ianaToWindows(timeZone) : undefined;
    const common = { ...(tz ? { timeZone: tz } : {}), ...(signal ? { signal } : {}) };
    // Acting on its own mailbox (room bookings it organizes), the account is itself: impersonating
    // itself would need a scope that includes it, which an admin's room-free scope may not.
    if (mailbox.trim().toLowerCase() === this.#self) return { call: common, calendar: { distinguished: 'calendar' } };
    if (this.access === 'impersonation') return { call: { impersonate: mailbox, ...common }, calendar: { distinguished: 'calendar' } };
    return { call: { mailbox, ...common }, calendar: { distinguished: 'calendar', mailbox } };
  }

  /** The mailbox's Calendar folder, with what the caller may do in it (EffectiveRights). */
  async getCalendarFolder(mailbox: string): Promise<Folder> {
    const { call, calendar } = this.target(mailbox);
    const { result } = await this.engine.call(GetFolder, { folders: [calendar] }, call);
    return unwrapOne(result);
  }

  /**
   * Every event overlapping the window, occurrences of recurring series expanded (CalendarView),
   * oldest first. Pages past Exchange's cap by restarting the view at the last start seen.
   */
  async calendarView(mailbox: string, window: TimeWindow, opts: CalendarViewOptions = {}): Promise<CalendarEvent[]> {
    const { call, calendar } = this.target(mailbox, opts.timeZone, opts.signal);
    const pageSize = opts.pageSize ?? DEFAULT_PAGE_SIZE;
    const seen = new Map<string, CalendarItem>();
    let start = window.start;
    for (;;) {
      const { result: page } = await this.engine.call(FindItemCalendarView, { folder: calendar, start, end: window.end, maxEntries: pageSize, fields: VIEW_FIELDS }, call);
      let added = 0;
      for (const item of page.items) {
        const key = item.itemId?.id ?? `${item.uid}|${item.start}`;
        if (!seen.has(key)) {
          seen.set(key, item);
          added++;
        }
      }
      const last = page.items[page.items.length - 1];
      if (page.includesLastItemInRange || !last?.start) break;
      // A page of events that all start at the same instant cannot move the window forward.
      if (added === 0 || Date.parse(last.start) <= Date.parse(start)) {
        throw new EwsError('ErrorCalendarViewRangeTooBig', `More than ${pageSize} events start at ${last.start}; the calendar cannot be paged past them.`, 'Ask for a larger page size.', { operation: 'FindItem', mailbox });
      }
      start = last.start;
    }
    let items = [...seen.values()];
    if (opts.keep) items = items.filter((i) => opts.keep!(toCalendarEvent(i)));
    if (opts.withAttendees) items = await this.#withDetails(items, call);
    return items.map(toCalendarEvent).sort(byStartThenEnd);
  }

  /** Reads attendee lists for meetings only: appointments have none, so they cost no request. */
  async #withDetails(items: CalendarItem[], call: CallOptions): Promise<CalendarItem[]> {
    const meetings = items.filter((i) => i.isMeeting && i.itemId);
    if (meetings.length === 0) return items;
    const details = new Map<string, CalendarItem>();
    for (let i = 0; i < meetings.length; i += GET_ITEM_BATCH) {
      const batch = meetings.slice(i, i + GET_ITEM_BATCH);
      const { result } = await this.engine.call(GetItem, { ids: batch.map((m) => ({ id: m.itemId!.id })), fields: DETAIL_FIELDS }, call);
      result.forEach((r, j) => {
        if (r.ok) details.set(batch[j]!.itemId!.id, r.value);
      });
    }
    return items.map((i) => {
      const d = i.itemId ? details.get(i.itemId.id) : undefined;
      return d ? { ...i, requiredAttendees: d.requiredAttendees, optionalAttendees: d.optionalAttendees, resources: d.resources } : i;
    });
  }

  /** Events by id, one result per id in order; many ids per call. */
  async getEvents(mailbox: string, ids: readonly string[]): Promise<ItemResult<CalendarEvent>[]> {
    const { call } = this.target(mailbox);
    const out: ItemResult<CalendarEvent>[] = [];
    for (let i = 0; i < ids.length; i += GET_ITEM_BATCH) {
      const { result } = await this.engine.call(GetItem, { ids: ids.slice(i, i + GET_ITEM_BATCH).map((id) => ({ id })), fields: [...VIEW_FIELDS, ...DETAIL_FIELDS] }, call);
      for (const r of result) out.push(r.ok ? { ok: true, value: toCalendarEvent(r.value) } : r);
    }
    return out;
  }

  /**
   * Creates an event (a meeting when it has attendees; rooms as resources so their calendars decide).
   * Never creates twice: the UID is chosen here, and when the answer is lost the calendar is searched
   * for that UID before anything is sent again.
   */
  async createEvent(mailbox: string, draft: EventDraft, opts: { readonly sendInvitations?: boolean } = {}): Promise<CreatedEvent> {
    const uid = draft.uid ?? newUid();
    const { call, calendar } = this.target(mailbox, draft.timeZone);
    const args = {
      items: [draftToInput({ ...draft, uid })],
      ...(this.access === 'delegation' ? { savedItemFolder: calendar } : {}),
      sendMeetingInvitations: opts.sendInvitations === false || !draft.attendees?.length ? ('SendToNone' as const) : ('SendToAllAndSaveCopy' as const),
    };
    for (let attempt = 1; ; attempt++) {
      try {
        const { result } = await this.engine.call(CreateCalendarItems, args, call);
        const id = unwrapOne(result);
        return { id: id.id, ...(id.changeKey ? { changeKey: id.changeKey } : {}), uid };
      } catch (err) {
        if (!(err instanceof EwsError) || !ANSWER_LOST.has(err.code) || attempt > 1) throw err;
        // (A search that fails too leaves it unknown whether the item was made: the lost answer is what is said.)
        const found = await this.findByUid(mailbox, uid, { start: draft.start, end: draft.end }).catch(() => {
          throw err;
        });
        if (found) return { id: found.id, ...(found.changeKey ? { changeKey: found.changeKey } : {}), uid };
      }
    }
  }

  /** The event with this UID overlapping the window, if any (CalendarView returns the UID). */
  async findByUid(mailbox: string, uid: string, window: TimeWindow): Promise<CalendarEvent | undefined> {
    const events = await this.calendarView(mailbox, window);
    return events.find((e) => e.uid === uid);
  }

  /** Changes an event, or a whole series (`{ seriesOf }`); attendees hear about it when `notify` (the default for meetings). */
  async updateEvent(mailbox: string, ref: ItemRef, change: EventChange, opts: { readonly notify?: boolean } = {}): Promise<{ id: string; changeKey?: string }> {
    const { call } = this.target(mailbox, change.timeZone);
    const deletes = changeToDeletes(change);
    const { result } = await this.engine.call(
      UpdateCalendarItems,
      { changes: [{ item: ref, set: changeToInput(change), ...(deletes.length ? { delete: deletes } : {}) }], conflictResolution: 'AutoResolve', sendMeetingInvitationsOrCancellations: opts.notify === false ? 'SendToNone' : 'SendToAllAndSaveCopy' },
      call,
    );
    const id = unwrapOne(result);
    return { id: id.id, ...(id.changeKey ? { changeKey: id.changeKey } : {}) };
  }

  /** Deletes events (cancelling meetings for their attendees when `notify`); one result per id. */
  async deleteEvents(mailbox: string, ids: readonly string[], opts: { readonly notify?: boolean } = {}): Promise<ItemResult<void>[]> {
    const { call } = this.target(mailbox);
    const { result } = await this.engine.call(DeleteItems, { ids: ids.map((id) => ({ id })), deleteType: 'MoveToDeletedItems', sendMeetingCancellations: opts.notify === false ? 'SendToNone' : 'SendToAllAndSaveCopy' }, call);
    return result;
  }

  /**
   * The series an occurrence (or exception) belongs to: its master, read through RecurringMasterItemId,
   * with its guests and recurrence (the master's start is the first occurrence's), and how many of its
   * occurrences were changed or cancelled on their own.
   */
  async getSeries(mailbox: string, occurrenceId: string): Promise<{ readonly master: CalendarEvent; readonly recurrence: Recurrence | undefined; readonly changedOnes: number }> {
    const { call } = this.target(mailbox);
    const { result } = await this.engine.call(GetItem, { ids: [{ seriesOf: occurrenceId }], fields: [...VIEW_FIELDS, ...DETAIL_FIELDS, 'recurrence', 'modifiedOccurrences', 'deletedOccurrences'] }, call);
    const item = unwrapOne(result);
    return { master: toCalendarEvent(item), recurrence: item.recurrence, changedOnes: (item.modifiedOccurrences?.length ?? 0) + (item.deletedOccurrences?.length ?? 0) };
  }

  /** Gives a series (its master) a new recurrence, such as an earlier end; attendees are sent the update. */
  async setRecurrence(mailbox: string, master: { readonly id: string; readonly changeKey?: string }, recurrence: Recurrence): Promise<void> {
    const { call } = this.target(mailbox);
    const { result } = await this.engine.call(
      UpdateCalendarItems,
      { changes: [{ item: master, set: { recurrence } }], conflictResolution: 'AutoResolve', sendMeetingInvitationsOrCancellations: 'SendToAllAndSaveCopy' },
      call,
    );
    unwrapOne(result);
  }

  /**
   * Sends a plain email from `mailbox` (invitations to Concierge, password warnings). With delegation
   * the service account sends as the mailbox, which needs Send As.
   */
  async sendMessage(mailbox: string, message: { readonly to: readonly Person[]; readonly cc?: readonly Person[]; readonly subject: string; readonly body: string; readonly html?: boolean }, opts: { readonly asSelf?: boolean } = {}): Promise<void> {
    // The service account's own mail (warnings to admins) goes as itself: no impersonation, no Send As.
    if (opts.asSelf) {
      const addr = (p: Person) => ({ ...(p.name ? { name: p.name } : {}), ...(p.email ? { email: p.email } : {}) });
      const { result } = await this.engine.call(CreateMessage, { messages: [{ subject: message.subject, body: { type: message.html ? 'HTML' : 'Text', value: message.body }, to: message.to.map(addr) }], messageDisposition: 'SendAndSaveCopy', savedItemFolder: { distinguished: 'sentitems' } }, {});
      const [first] = result;
      if (first && !first.ok) throw first.error;
      return;
    }
    const { call } = this.target(mailbox);
    const addr = (p: Person) => ({ ...(p.name ? { name: p.name } : {}), ...(p.email ? { email: p.email } : {}) });
    const { result } = await this.engine.call(
      CreateMessage,
      {
        messages: [{ subject: message.subject, body: { type: message.html ? 'HTML' : 'Text', value: message.body }, to: message.to.map(addr), ...(message.cc ? { cc: message.cc.map(addr) } : {}), ...(this.access === 'delegation' ? { from: { email: mailbox } } : {}) }],
        messageDisposition: 'SendAndSaveCopy',
        ...(this.access === 'delegation' ? { savedItemFolder: { distinguished: 'sentitems', mailbox } } : { savedItemFolder: { distinguished: 'sentitems' } }),
      },
      call,
    );
    const [first] = result;
    if (first && !first.ok) throw first.error;
  }

  /**
   * Looks a name or address up in the directory (as the service account, like Outlook's address book).
   * Several matches come back with `ambiguous: true`, so the caller can ask rather than guess.
   */
  async resolveNames(query: string): Promise<ResolveNamesResult> {
    const { result } = await this.engine.call(ResolveNames, { entry: query, returnFullContactData: true, searchScope: 'ActiveDirectory' }, {});
    return result;
  }

  /**
   * Free/busy for any number of mailboxes (people or rooms), asked 100 at a time as Exchange allows;
   * one result per mailbox, in order.
   */
  async availability(mailboxes: readonly AvailabilityMailbox[], window: TimeWindow, opts: { readonly timeZone: string; readonly view?: AvailabilityView; readonly intervalMinutes?: number }): Promise<ItemResult<Availability>[]> {
    const out: ItemResult<Availability>[] = [];
    for (let i = 0; i < mailboxes.length; i += MAX_AVAILABILITY_MAILBOXES) {
      const { result } = await this.engine.call(
        GetUserAvailability,
        { mailboxes: mailboxes.slice(i, i + MAX_AVAILABILITY_MAILBOXES), start: window.start, end: window.end, timeZone: opts.timeZone, view: opts.view ?? 'FreeBusyMerged', mergedIntervalMinutes: opts.intervalMinutes ?? 30 },
        { timeZone: ianaToWindows(opts.timeZone) },
      );
      out.push(...result);
    }
    return out;
  }

  /** The organization's room lists (GetRoomLists); none when it has no lists. */
  async roomLists(): Promise<EmailAddress[]> {
    const { result } = await this.engine.call(GetRoomLists, {}, {});
    return result;
  }

  /** The rooms of one room list (GetRooms); none for a list Exchange does not know. */
  async rooms(roomList: string): Promise<EmailAddress[]> {
    const { result } = await this.engine.call(GetRooms, { roomList }, {});
    return result;
  }

  /**
   * Answers a meeting as `mailbox` (an attendee, e.g. a room releasing a booking nobody checked into);
   * with `notify` the organizer receives the answer.
   */
  async respondToMeeting(mailbox: string, item: { readonly id: string; readonly changeKey?: string }, answer: MeetingAnswer, opts: { readonly text?: string; readonly notify?: boolean } = {}): Promise<void> {
    const { call } = this.target(mailbox);
    const { result } = await this.engine.call(RespondToMeetings, { responses: [{ answer, item, ...(opts.text !== undefined ? { text: opts.text } : {}) }], messageDisposition: opts.notify === false ? 'SaveOnly' : 'SendAndSaveCopy' }, call);
    const [first] = result;
    if (first && !first.ok) throw first.error;
  }

  close(): Promise<void> {
    return this.#transport.close();
  }
}

export interface CreatedEvent {
  readonly id: string;
  readonly changeKey?: string;
  readonly uid: string;
}

/** Failures after which a create may or may not have happened. */
const ANSWER_LOST = new Set(['RequestTimeout', 'ConnectionReset', 'XmlMalformed']);

export function unwrapOne<T>(results: readonly ItemResult<T>[]): T {
  const [first] = results;
  if (!first) throw new EwsError('ErrorInvalidRequest', 'Exchange answered without a result.', 'Report it with the wire log.', {});
  if (!first.ok) throw first.error;
  return first.value;
}

