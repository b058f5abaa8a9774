import { DateTime } from 'luxon';
import { byStartThenEnd, onlyTheReminder, overlaps, type CalendarEvent, type EventChange, type EventDraft, type TimeWindow } from '../../domain/calendar.js';
import type { EwsClient } from '../../ews/client/ews-client.js';
import { EwsError } from '../../ews/errors.js';
import type { AccessPath, CalendarProvider, DirectoryEntry, MeetingReply, PeopleLookup, SeriesCallOff, SeriesRecord } from '../calendar-provider.js';
import { callOffSeries, moveSeries } from './series.js';

/**
 * The asker's whole days that [from, to) touches: the window itself when it already is whole days.
 * Remembered (a few hundred windows): luxon's zone arithmetic costs more than the rest of a listing's own
 * work, and most questions are about the same few days ("today") in the same few zones.
 */
function wholeDaysAround(from: number, to: number, zone: string): TimeWindow {
  const key = `${zone} ${from} ${to}`;
  const known = daysAround.get(key);
  if (known) return known;
  const first = DateTime.fromMillis(from, { zone }).startOf('day');
  const last = DateTime.fromMillis(Math.max(from, to - 1), { zone }).startOf('day').plus({ days: 1 });
  const days = { start: first.toUTC().toISO({ suppressMilliseconds: true })!, end: last.toUTC().toISO({ suppressMilliseconds: true })! };
  if (daysAround.size >= 512) daysAround.clear();
  daysAround.set(key, days);
  return days;
}
const daysAround = new Map<string, TimeWindow>();

/** An all-day event moved onto the same dates in `zone` (its own zone's midnights become `zone`'s). */
function onLocalDates(e: CalendarEvent, zone: string): CalendarEvent {
  const own = e.timeZone!;
  const first = DateTime.fromISO(e.start, { zone: own });
  const last = DateTime.fromISO(e.end, { zone: own });
  const start = DateTime.fromObject({ year: first.year, month: first.month, day: first.day }, { zone });
  const end = DateTime.fromObject({ year: last.year, month: last.month, day: last.day }, { zone });
  if (!start.isValid || !end.isValid) return e;
  return { ...e, start: start.toUTC().toISO({ suppressMilliseconds: true })!, end: end.toUTC().toISO({ suppressMilliseconds: true })! };
}

/**
 * The calendar provider over Exchange Web Services. `withClient` hands out the client of the current
 * link (the server's pool, so rotations apply), or a fixed client (the CLI).
 */
export class EwsCalendarProvider implements CalendarProvider {
  /** The organization's room addresses, read once per provider (a request) and only when a name is looked up. */
  #rooms: Promise<DirectoryEntry[]> | undefined;

  constructor(
    private readonly withClient: <T>(fn: (client: EwsClient) => Promise<T>) => Promise<T>,
    readonly accessPath: AccessPath,
  ) {}

  async listEvents(mailbox: string, window: TimeWindow, timeZone: string): Promise<CalendarEvent[]> {
    // An all-day event is a date, not an instant: Exchange keeps it as midnight to midnight in the zone it
    // was made in, so "Offsite, Friday" made in Los Angeles spans Friday 09:00 to Saturday 09:00 in Berlin.
    // Said to someone in Berlin it is Friday, all day: its dates are placed on the asker's midnights. A
    // window of whole days in the asker's zone always overlaps such an event's own span on the same date
    // (two zones' midnights are less than 24 hours apart, but for UTC-12 against UTC+12 to +14), so Exchange
    // is asked for the whole days a window touches ("Friday morning" asked in Sydney reads Friday, and
    // finds an all-day Friday made in Los Angeles that starts there at 19:00); events that fall outside the
    // asked window once placed are dropped before their attendees are read.
    const from = Date.parse(window.start);
    const to = Date.parse(window.end);
    const placed = (e: CalendarEvent) => (e.isAllDay && e.timeZone && e.timeZone !== timeZone ? onLocalDates(e, timeZone) : e);
    const inWindow = (e: CalendarEvent) => overlaps(e, from, to);
    const days = wholeDaysAround(from, to, timeZone);
    // Asked for whole days already (most reads): nothing to drop before attendees but a stray all-day event.
    const widened = Date.parse(days.start) !== from || Date.parse(days.end) !== to;
    const events = await this.withClient((c) => c.calendarView(mailbox, days, { withAttendees: true, timeZone, ...(widened ? { keep: (e: CalendarEvent) => inWindow(placed(e)) } : {}) }));
    const all = events.map(placed);
    return (widened ? all : all.filter(inWindow)).sort(byStartThenEnd);
  }

  async getEvent(mailbox: string, id: string): Promise<CalendarEvent | undefined> {
    const [read] = await this.withClient((c) => c.getEvents(mailbox, [id]));
    if (read?.ok) return read.value;
    // Deleted meanwhile (or never there): Exchange says the item is not found.
    if (read && !read.ok && read.error instanceof EwsError && read.error.code === 'ErrorItemNotFound') return undefined;
    if (read && !read.ok) throw read.error;
    return undefined;
  }

  async createEvent(mailbox: string, draft: EventDraft): Promise<CalendarEvent> {
    return this.withClient(async (c) => {
      const created = await c.createEvent(mailbox, draft);
      // Made: a failed read-back must not look like a failed write (a "yes" said again would book it twice).
      const [read] = await c.getEvents(mailbox, [created.id]).catch(() => []);
      if (read?.ok) return read.value;
      // Created, but not readable back (rare): describe it from the draft.
      return { id: created.id, uid: created.uid, subject: draft.subject, start: draft.start, end: draft.end, isAllDay: draft.isAllDay ?? false, attendees: (draft.attendees ?? []).map((a) => ({ ...a, response: 'none' as const })), kind: 'single', isRecurring: false, isCancelled: false, isMeeting: (draft.attendees ?? []).length > 0, freeBusy: 'busy', sensitivity: 'normal', myResponse: 'organizer', ...(draft.location ? { location: draft.location } : {}) };
    });
  }

  async updateEvent(mailbox: string, event: Pick<CalendarEvent, 'id' | 'changeKey'>, change: EventChange): Promise<void> {
    // One's own reminder is nobody else's business: attendees get no update for it (an organizer's would send one).
    const notify = !onlyTheReminder(change);
    await this.withClient((c) => c.updateEvent(mailbox, { id: event.id, ...(event.changeKey ? { changeKey: event.changeKey } : {}) }, change, { notify }));
  }

  async cancelEvent(mailbox: string, event: Pick<CalendarEvent, 'id'>): Promise<void> {
    const [r] = await this.withClient((c) => c.deleteEvents(mailbox, [event.id]));
    if (r && !r.ok) throw r.error;
  }

  getSeries(mailbox: string, occurrence: Pick<CalendarEvent, 'id'>): Promise<SeriesRecord> {
    return this.withClient(async (c) => {
      const { master, changedOnes } = await c.getSeries(mailbox, occurrence.id);
      return { master, changedOnes };
    });
  }

  cancelSeries(mailbox: string, occurrence: Pick<CalendarEvent, 'id'>, from: string, askerZone: string): Promise<SeriesCallOff> {
    return this.withClient((c) => callOffSeries(c, mailbox, occurrence.id, from, askerZone));
  }

  moveSeries(mailbox: string, occurrence: Pick<CalendarEvent, 'id'>, to: TimeWindow, askerZone: string): Promise<void> {
    return this.withClient((c) => moveSeries(c, mailbox, occurrence.id, to, askerZone));
  }

  async updateSeries(mailbox: string, occurrence: Pick<CalendarEvent, 'id'>, change: Omit<EventChange, 'start' | 'end' | 'timeZone'>): Promise<void> {
    // The master, reached through the occurrence (RecurringMasterItemId): one UpdateItem, whatever the series' length.
    await this.withClient((c) => c.updateEvent(mailbox, { seriesOf: occurrence.id }, change, { notify: !onlyTheReminder(change) }));
  }

  async respondToEvent(mailbox: string, event: Pick<CalendarEvent, 'id' | 'changeKey'>, answer: MeetingReply, message?: string): Promise<void> {
    const ews = answer === 'accept' ? 'AcceptItem' : answer === 'tentative' ? 'TentativelyAcceptItem' : 'DeclineItem';
    // (The message is the response's body, as Outlook's "Edit the response before sending" sends it.)
    await this.withClient((c) => c.respondToMeeting(mailbox, { id: event.id, ...(event.changeKey ? { changeKey: event.changeKey } : {}) }, ews, message !== undefined ? { text: message } : {}));
  }

  async busyTimes(email: string, window: TimeWindow): Promise<TimeWindow[] | undefined> {
    try {
      const [answer] = await this.withClient((c) => c.availability([{ email, attendeeType: 'Room' }], window, { timeZone: 'UTC', view: 'FreeBusy' }));
      if (!answer?.ok) return undefined;
      const [from, to] = [Date.parse(window.start), Date.parse(window.end)];
      const clip = (ms: number) => new Date(Math.min(to, Math.max(from, ms))).toISOString().replace('.000Z', 'Z');
      return answer.value.events
        .filter((e) => e.busyType !== 'Free' && e.busyType !== 'NoData' && Date.parse(e.start) < to && Date.parse(e.end) > from)
        .sort((a, b) => Date.parse(a.start) - Date.parse(b.start))
        .map((e) => ({ start: clip(Date.parse(e.start)), end: clip(Date.parse(e.end)) }));
    } catch (err) {
      // A warning we cannot give is no reason to fail the proposal: the room's calendar still answers.
      if (err instanceof EwsError) return undefined;
      throw err;
    }
  }

  async findPeople(query: string): Promise<PeopleLookup> {
    try {
      const r = await this.withClient((c) => c.resolveNames(query));
      const rooms = r.entries.length ? await this.#roomAddresses() : new Set<string>();
      const people: DirectoryEntry[] = r.entries
        .filter((e) => e.mailbox.email)
        .map((e) => ({ email: e.mailbox.email!, name: e.contact?.displayName ?? e.mailbox.name ?? e.mailbox.email!, ...(rooms.has(e.mailbox.email!.toLowerCase()) ? { isRoom: true } : {}) }));
      if (people.length === 0) return { kind: 'none' };
      if (people.length === 1) return { kind: 'one', person: people[0]! };
      return { kind: 'several', candidates: people };
    } catch (err) {
      if (err instanceof EwsError && err.code === 'ErrorNameResolutionNoResults') return { kind: 'none' };
      throw err;
    }
  }

  /**
   * ResolveNames does not say whether a mailbox is a room; the room lists do (GetRoomLists, GetRooms: what
   * Outlook's room finder reads). A room found this way is booked as a resource, so its calendar answers.
   * An organization without room lists has no room recognised by name; a failure reading them fails the
   * lookup (said as such), since answering as if the room were a person would mislead.
   */
  async #roomAddresses(): Promise<ReadonlySet<string>> {
    return new Set((await this.#roomList()).map((r) => r.email.toLowerCase()));
  }

  /** The rooms of every room list, once per provider (one question's lifetime), each once, by name. */
  #roomList(): Promise<DirectoryEntry[]> {
    this.#rooms ??= this.withClient(async (c) => {
      const lists = await c.roomLists();
      const rooms = await Promise.all(lists.filter((l) => l.email).map((l) => c.rooms(l.email!)));
      const byAddress = new Map<string, DirectoryEntry>();
      for (const r of rooms.flat()) if (r.email && !byAddress.has(r.email.toLowerCase())) byAddress.set(r.email.toLowerCase(), { email: r.email, name: r.name || r.email, isRoom: true });
      return [...byAddress.values()].sort((a, b) => a.name.localeCompare(b.name));
    });
    return this.#rooms;
  }

  rooms(): Promise<DirectoryEntry[]> {
    return this.#roomList();
  }
}
