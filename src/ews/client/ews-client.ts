import type { CalendarEvent, TimeWindow } from '../../domain/calendar.js';
import { EwsError } from '../errors.js';
import { EwsEngine, type CallOptions } from '../operations/engine.js';
import { FindItemCalendarView } from '../operations/find-item.js';
import { GetFolder, type Folder } from '../operations/get-folder.js';
import { GetItem } from '../operations/get-item.js';
import type { FolderRef } from '../operations/common.js';
import type { ItemResult } from '../operations/operation.js';
import type { CalendarItem } from '../schema/types.js';
import type { ExchangeVersion, ServerVersionInfo } from '../schema/versions.js';
import type { AuthStrategy } from '../transport/auth.js';
import type { RetryPolicy } from '../transport/retry.js';
import type { Transport } from '../transport/types.js';
import { withWireLog, type WireEntry } from '../transport/wire-log.js';
import { UndiciTransport, type UndiciTransportOptions } from '../transport/undici-transport.js';
import { toCalendarEvent } from './mapping.js';
import { windowsFromIana } from './zones.js';

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
}

/**
 * A calendar client for one Exchange server and one service account. Knows nothing of Concierge
 * beyond the domain types it returns.
 */
export class EwsClient {
  readonly engine: EwsEngine;
  readonly access: AccessMethod;
  readonly #transport: Transport;

  constructor(opts: EwsClientOptions) {
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
    const tz = timeZone ? windowsFromIana(timeZone) : undefined;
    const common = { ...(tz ? { timeZone: tz } : {}), ...(signal ? { signal } : {}) };
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
    if (opts.withAttendees) items = await this.#withDetails(items, call);
    return items.map(toCalendarEvent).sort((a, b) => a.start.localeCompare(b.start) || a.end.localeCompare(b.end));
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

  close(): Promise<void> {
    return this.#transport.close();
  }
}

export function unwrapOne<T>(results: readonly ItemResult<T>[]): T {
  const [first] = results;
  if (!first) throw new EwsError('ErrorInvalidRequest', 'Exchange answered without a result.', 'Report it with the wire log.', {});
  if (!first.ok) throw first.error;
  return first.value;
}
