import type { CalendarEvent } from '../../domain/calendar.js';

/**
 * Whether `user` organizes the event: Exchange says so, or it names no one else. Only the organizer cancels,
 * moves or adds a room for everyone; an attendee answers instead.
 */
export function organizes(user: string, event: Pick<CalendarEvent, 'myResponse' | 'organizer'>): boolean {
  return event.myResponse === 'organizer' || !event.organizer?.email || event.organizer.email.toLowerCase() === user.toLowerCase();
}
