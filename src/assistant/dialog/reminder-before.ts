import { iso, MINUTE } from './timing.js';
import type { CalendarEvent, EventDraft } from '../../domain/calendar.js';

/** How long a reminder event lasts: a moment to be alerted, not an hour blocked ("remind me to ..." makes the same). */
export const REMINDER_MINUTES = 15;

/** "in 30 minutes", "in an hour", "in 2 hours", "in a day": how far off the event is when the reminder comes. */
function inTime(minutes: number): string {
  if (minutes % 1440 === 0) return minutes === 1440 ? 'in a day' : `in ${minutes / 1440} days`;
  if (minutes % 60 === 0) return minutes === 60 ? 'in an hour' : `in ${minutes / 60} hours`;
  return `in ${minutes} minutes`;
}

/**
 * The reminder event `minutes` before `event`: named for what it reminds of ("Budget review in 30 minutes", what
 * the alert then says), shown as free, alerting at its own start; undefined when that moment has passed.
 */
export function reminderBefore(event: CalendarEvent, minutes: number, now: Date, timeZone: string): EventDraft | undefined {
  const at = Date.parse(event.start) - minutes * MINUTE;
  if (at < now.getTime()) return undefined;
  return { subject: `${event.subject || 'Your event'} ${inTime(minutes)}`, start: iso(at), end: iso(at + REMINDER_MINUTES * MINUTE), timeZone, reminderMinutes: 0, freeBusy: 'free' };
}
