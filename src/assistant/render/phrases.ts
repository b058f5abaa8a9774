import type { CalendarEvent, Person } from '../../domain/calendar.js';
import { daysBetween, monthDayName, weekdayName, type LocalDate, type LocalTime } from './local-time.js';

/** "9 AM", "11:30 AM", "noon", "midnight"; the meridiem is dropped when `previous` shares it ("At 11"). */
export function spokenTime(t: LocalTime, previous?: LocalTime): string {
  if (t.hour === 12 && t.minute === 0) return 'noon';
  if (t.hour === 0 && t.minute === 0) return 'midnight';
  const h = t.hour % 12 === 0 ? 12 : t.hour % 12;
  const base = t.minute === 0 ? `${h}` : `${h}:${String(t.minute).padStart(2, '0')}`;
  const mer = t.hour < 12 ? 'AM' : 'PM';
  const prevMer = previous && !(previous.hour === 12 && previous.minute === 0) ? (previous.hour < 12 ? 'AM' : 'PM') : undefined;
  return prevMer === mer ? base : `${base} ${mer}`;
}

/** "today", "tomorrow", "yesterday", "on Friday" (within the week ahead), else "on December 11" (with the year when not this year's). */
export function dayLabel(date: LocalDate, today: LocalDate): string {
  const days = daysBetween(today, date);
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  if (days > 1 && days < 7) return `on ${weekdayName(date)}`;
  return `on ${monthDayName(date, date.year !== today.year)}`;
}

/** A day label without its "on", for "between Friday and December 11". */
export const bareDayLabel = (date: LocalDate, today: LocalDate): string => dayLabel(date, today).replace(/^on /, '');

/** "one hour", "30 minutes", "an hour and a half", "2 hours". */
/** "A", "A and B", "A, B and C": a list as said (nothing for none). */
export const andList = (xs: readonly string[]): string => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);

export function spokenDuration(minutes: number): string {
  if (minutes === 60) return 'one hour';
  if (minutes === 90) return 'an hour and a half';
  if (minutes % 60 === 0) return `${minutes / 60} hours`;
  if (minutes > 60) return `${Math.floor(minutes / 60)} hour${minutes >= 120 ? 's' : ''} and ${minutes % 60} minutes`;
  return `${minutes} minutes`;
}

/** "30 minutes", "an hour", "a day", "2 days": how long before something. */
export function howLong(minutes: number): string {
  if (minutes % 1440 === 0) return minutes === 1440 ? 'a day' : `${minutes / 1440} days`;
  return minutes === 60 ? 'an hour' : spokenDuration(minutes);
}

/** "with a reminder 30 minutes before", "with a reminder the day before": an event's own reminder. */
export function reminderWords(minutes: number): string {
  if (minutes === 1440) return 'with a reminder the day before';
  if (minutes % 10080 === 0) return `with a reminder ${minutes === 10080 ? 'a week' : `${minutes / 10080} weeks`} before`;
  return `with a reminder ${howLong(minutes)} before`;
}

/**
 * "Bob Smith", "Bob Smith and Carol Diaz", "Bob Smith, Carol Diaz and 3 others": never the user. `named`: how
 * many are named before the rest are counted (a write's read-back and "who is in it" name everyone asked).
 */
export function peopleList(people: readonly Person[], user: string, named = 2): string {
  const names = people.filter((p) => p.email?.toLowerCase() !== user.toLowerCase()).map((p) => p.name || p.email || 'someone');
  if (names.length === 0) return '';
  if (names.length === 1) return names[0]!;
  if (names.length <= named) return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return `${names.slice(0, named).join(', ')} and ${names.length - named} other${names.length - named === 1 ? '' : 's'}`;
}

/** Who an event is with, when that helps: the other people (attendees and organizer), no rooms. */
export function withWhom(e: CalendarEvent, user: string): string {
  // "Breakfast with Carol" already says who: no "with Carol Lee" after it.
  if (/\bwith\b/i.test(e.subject)) return '';
  const others = [...(e.organizer && e.organizer.email?.toLowerCase() !== user.toLowerCase() ? [e.organizer] : []), ...e.attendees.filter((a) => a.kind !== 'resource')];
  const seen = new Set<string>();
  const unique = others.filter((p) => {
    const k = (p.email ?? p.name ?? '').toLowerCase();
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  const list = peopleList(unique, user);
  return list ? ` with ${list}` : '';
}

export function escapeSsml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
