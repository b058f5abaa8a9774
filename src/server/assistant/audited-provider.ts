import type { Kysely } from 'kysely';
import { onlyTheReminder, type CalendarEvent, type EventChange, type EventDraft, type TimeWindow } from '../../domain/calendar.js';
import { auditLog, type Json, type Tables } from '../../persistence/index.js';
import type { CalendarProvider, MeetingReply, SeriesCallOff } from '../../providers/calendar-provider.js';
import { ForwardingProvider } from '../../providers/forwarding-provider.js';

/** Who acts on whose calendar, for the audit trail. */
export interface AuditSubject {
  /** The signed-in account's e-mail. */
  readonly actor: string;
  /** The mailbox written to. */
  readonly mailbox: string;
}

/**
 * A calendar provider whose writes are written to the audit log, result 'ok' or 'failed': calendar.create,
 * calendar.cancel, calendar.move (a series' new time or length too), calendar.edit (guests, name, place),
 * calendar.respond and calendar.reminder; a change of a whole series carries `series: true`. The assistant
 * writes only after a "yes", so these are exactly the confirmed writes. Reads pass straight through. The
 * detail names the event, never a secret.
 */
export class AuditedProvider extends ForwardingProvider {
  constructor(
    inner: CalendarProvider,
    private readonly db: Kysely<Tables>,
    private readonly who: AuditSubject,
  ) {
    super(inner);
  }

  override createEvent(mailbox: string, draft: EventDraft): Promise<CalendarEvent> {
    const detail = { subject: draft.subject, start: draft.start, end: draft.end, attendees: (draft.attendees ?? []).map((a) => a.email ?? a.name ?? '') };
    return this.#audited('calendar.create', mailbox, detail, async () => {
      const event = await this.inner.createEvent(mailbox, draft);
      return { value: event, detail: { eventId: event.id } };
    });
  }

  override cancelEvent(mailbox: string, event: Pick<CalendarEvent, 'id'>): Promise<void> {
    const about = event as Partial<CalendarEvent>;
    const detail = { eventId: event.id, ...(about.subject ? { subject: about.subject } : {}), ...(about.start ? { start: about.start } : {}) };
    return this.#audited('calendar.cancel', mailbox, detail, async () => ({ value: await this.inner.cancelEvent(mailbox, event) }));
  }

  override cancelSeries(mailbox: string, occurrence: Pick<CalendarEvent, 'id'>, from: string, askerZone: string): Promise<SeriesCallOff> {
    const about = occurrence as Partial<CalendarEvent>;
    const detail = { eventId: occurrence.id, series: true, from, ...(about.subject ? { subject: about.subject } : {}) };
    return this.#audited('calendar.cancel', mailbox, detail, async () => {
      const done = await this.inner.cancelSeries(mailbox, occurrence, from, askerZone);
      const outcome: Record<string, Json> = done.kind === 'ended' ? { seriesEnds: done.lastDate } : { seriesDeleted: true };
      return { value: done, detail: outcome };
    });
  }

  override moveSeries(mailbox: string, occurrence: Pick<CalendarEvent, 'id'>, to: TimeWindow, askerZone: string): Promise<void> {
    const about = occurrence as Partial<CalendarEvent>;
    const detail = { eventId: occurrence.id, series: true, ...(about.subject ? { subject: about.subject } : {}), ...(about.start ? { from: about.start } : {}), to: to.start, toEnd: to.end };
    return this.#audited('calendar.move', mailbox, detail, async () => ({ value: await this.inner.moveSeries(mailbox, occurrence, to, askerZone) }));
  }

  override updateSeries(mailbox: string, occurrence: Pick<CalendarEvent, 'id'>, change: Omit<EventChange, 'start' | 'end' | 'timeZone'>): Promise<void> {
    const about = occurrence as Partial<CalendarEvent>;
    const base = { eventId: occurrence.id, series: true, ...(about.subject ? { subject: about.subject } : {}) };
    const write = async () => ({ value: await this.inner.updateSeries(mailbox, occurrence, change) });
    if (onlyTheReminder(change)) return this.#audited('calendar.reminder', mailbox, { ...base, reminder: change.noReminder ? 'off' : `${change.reminderMinutes} minutes before` }, write);
    return this.#audited('calendar.edit', mailbox, { ...base, ...(change.subject !== undefined ? { newSubject: change.subject } : {}), ...(change.location !== undefined ? { location: change.location } : {}), ...(change.attendees ? { attendees: change.attendees.map((a) => a.email ?? a.name ?? '?') } : {}) }, write);
  }

  override respondToEvent(mailbox: string, event: Pick<CalendarEvent, 'id' | 'changeKey'>, answer: MeetingReply, message?: string): Promise<void> {
    const about = event as Partial<CalendarEvent>;
    // (The message is recorded as sent: it went to the organizer in the asker's name.)
    const detail = { eventId: event.id, answer, ...(about.subject ? { subject: about.subject } : {}), ...(about.start ? { start: about.start } : {}), ...(message !== undefined ? { message } : {}) };
    return this.#audited('calendar.respond', mailbox, detail, async () => ({ value: await this.inner.respondToEvent(mailbox, event, answer, message) }));
  }

  override updateEvent(mailbox: string, event: Pick<CalendarEvent, 'id' | 'changeKey'>, change: EventChange): Promise<void> {
    const about = event as Partial<CalendarEvent>;
    // (A reminder set or turned off is its own kind of change: the event did not move.)
    if (onlyTheReminder(change)) {
      const reminder = { eventId: event.id, ...(about.subject ? { subject: about.subject } : {}), ...(about.start ? { start: about.start } : {}), reminder: change.noReminder ? 'off' : `${change.reminderMinutes} minutes before` };
      return this.#audited('calendar.reminder', mailbox, reminder, async () => ({ value: await this.inner.updateEvent(mailbox, event, change) }));
    }
    const detail = { eventId: event.id, ...(about.subject ? { subject: about.subject } : {}), ...(about.start ? { from: about.start } : {}), ...(change.start ? { to: change.start } : {}), ...(change.end ? { toEnd: change.end } : {}) };
    if (change.start !== undefined) return this.#audited('calendar.move', mailbox, detail, async () => ({ value: await this.inner.updateEvent(mailbox, event, change) }));
    // Not a move: its guests, name, place or end changed (a room booked for it, a guest added, a new name).
    const edited = { ...detail, ...(change.subject !== undefined ? { newSubject: change.subject } : {}), ...(change.location !== undefined ? { location: change.location } : {}), ...(change.attendees ? { attendees: change.attendees.map((a) => a.email ?? a.name ?? '?') } : {}) };
    return this.#audited('calendar.edit', mailbox, edited, async () => ({ value: await this.inner.updateEvent(mailbox, event, change) }));
  }

  async #audited<T>(action: string, mailbox: string, detail: Record<string, Json>, write: () => Promise<{ value: T; detail?: Record<string, Json> }>): Promise<T> {
    let out: { value: T; detail?: Record<string, Json> };
    try {
      out = await write();
    } catch (err) {
      const e = err as { code?: unknown; message?: unknown };
      await auditLog.append(this.db, { actor: this.who.actor, action, target: mailbox, result: 'failed', detail: { ...detail, ...(typeof e.code === 'string' ? { error: e.code } : {}) } });
      throw err;
    }
    await auditLog.append(this.db, { actor: this.who.actor, action, target: mailbox, result: 'ok', detail: { ...detail, ...out.detail } });
    return out.value;
  }
}
