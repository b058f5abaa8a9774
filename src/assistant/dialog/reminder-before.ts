import { MINUTE } from './timing.js';
import type { CalendarEvent } from '../../domain/calendar.js';

/** Outlook's own default: a reminder asked for without a length ("remind me before the standup"). */
export const DEFAULT_REMINDER_MINUTES = 15;

/** Whether a reminder `minutes` before `event` would already be past. */
export function reminderIsPast(event: Pick<CalendarEvent, 'start'>, minutes: number, now: Date): boolean {
  return Date.parse(event.start) - minutes * MINUTE < now.getTime();
}
