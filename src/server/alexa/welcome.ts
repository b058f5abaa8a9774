import { localTime } from '../../assistant/render/local-time.js';
import { spokenTime } from '../../assistant/render/phrases.js';
import type { CalendarEvent } from '../../domain/calendar.js';

/**
 * What "Alexa, open Concierge" says to a linked person: a welcome, how full today is and what comes next, then
 * a question. Opening a skill is the start of a conversation (certification expects the session to stay open),
 * so this is a summary, never the day read out in full: that is one "what's on my calendar today" away.
 */

/** `today`: the day's events the person would want to hear of (cancelled and declined ones already left out). */
export function welcomeText(today: readonly CalendarEvent[], now: Date, timeZone: string): string {
  const count = today.length === 0 ? 'no events' : today.length === 1 ? 'one event' : `${today.length} events`;
  // An all-day event has no "next at": the next is the first timed one still to start.
  const next = today.filter((e) => !e.isAllDay && Date.parse(e.start) >= now.getTime()).sort((a, b) => Date.parse(a.start) - Date.parse(b.start))[0];
  const title = (e: CalendarEvent) => e.subject.trim() || 'an untitled event';
  const rest = next ? `; the next is ${title(next)} at ${spokenTime(localTime(next.start, timeZone))}` : today.length ? ', none still to come' : '';
  return `Welcome to Concierge. You have ${count} today${rest}. What would you like to do?`;
}
