import type { CalendarEvent, EventChange, EventDraft, TimeWindow } from '../domain/calendar.js';
import type { AccessPath, CalendarProvider, DirectoryEntry, MeetingReply, PeopleLookup, SeriesCallOff, SeriesRecord } from './calendar-provider.js';

/**
 * A provider that hands every call to another: the base of decorators that change one or two calls (audit
 * the writes, start a listing early, add what the server knows of rooms) and must pass the rest through.
 */
export class ForwardingProvider implements CalendarProvider {
  constructor(protected readonly inner: CalendarProvider) {}

  get accessPath(): AccessPath {
    return this.inner.accessPath;
  }

  listEvents(mailbox: string, window: TimeWindow, timeZone: string): Promise<CalendarEvent[]> {
    return this.inner.listEvents(mailbox, window, timeZone);
  }

  getEvent(mailbox: string, id: string): Promise<CalendarEvent | undefined> {
    return this.inner.getEvent(mailbox, id);
  }

  createEvent(mailbox: string, draft: EventDraft): Promise<CalendarEvent> {
    return this.inner.createEvent(mailbox, draft);
  }

  updateEvent(mailbox: string, event: Pick<CalendarEvent, 'id' | 'changeKey'>, change: EventChange): Promise<void> {
    return this.inner.updateEvent(mailbox, event, change);
  }

  cancelEvent(mailbox: string, event: Pick<CalendarEvent, 'id'>): Promise<void> {
    return this.inner.cancelEvent(mailbox, event);
  }

  getSeries(mailbox: string, occurrence: Pick<CalendarEvent, 'id'>): Promise<SeriesRecord> {
    return this.inner.getSeries(mailbox, occurrence);
  }

  cancelSeries(mailbox: string, occurrence: Pick<CalendarEvent, 'id'>, from: string, askerZone: string): Promise<SeriesCallOff> {
    return this.inner.cancelSeries(mailbox, occurrence, from, askerZone);
  }

  moveSeries(mailbox: string, occurrence: Pick<CalendarEvent, 'id'>, to: TimeWindow, askerZone: string): Promise<void> {
    return this.inner.moveSeries(mailbox, occurrence, to, askerZone);
  }

  updateSeries(mailbox: string, occurrence: Pick<CalendarEvent, 'id'>, change: Omit<EventChange, 'start' | 'end' | 'timeZone'>): Promise<void> {
    return this.inner.updateSeries(mailbox, occurrence, change);
  }

  respondToEvent(mailbox: string, event: Pick<CalendarEvent, 'id' | 'changeKey'>, answer: MeetingReply, message?: string): Promise<void> {
    return this.inner.respondToEvent(mailbox, event, answer, message);
  }

  findPeople(query: string): Promise<PeopleLookup> {
    return this.inner.findPeople(query);
  }

  busyTimes(email: string, window: TimeWindow): Promise<TimeWindow[] | undefined> {
    return this.inner.busyTimes(email, window);
  }

  rooms(): Promise<DirectoryEntry[]> {
    return this.inner.rooms();
  }
}
