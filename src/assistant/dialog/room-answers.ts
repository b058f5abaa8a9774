/**
 * Answers about rooms and people other than the asker, away from a room's own device: who booked a room,
 * and whether someone is free. Both read only what Exchange shares of another mailbox: a room's calendar
 * when the service account may read it, else free/busy times, which say nothing of what is done then.
 */
import type { DialogSlots } from './understanding.js';
import type { Act } from './acts.js';
import type { CalendarProvider, DirectoryEntry } from '../../providers/calendar-provider.js';
import { dayWindow, iso, MINUTE } from './timing.js';

/**
 * "who booked the fishbowl (tomorrow at 2)", "who has the boardroom at 3", "who's in room 101": the room
 * named. A day said ends the name ("who booked the boardroom friday at 10" is about the Boardroom).
 */
export const WHO_BOOKED = /^\s*who(?:'s| has| is)?\s+(?:booked|reserved|has|got|using|holding|in)\s+(?:the\s+)?(.+?)(?:\s+(?:at|on|from|for|tomorrow|today|tonight|yesterday|this|next|now|right now|the day after|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b.*)?\s*\??$/i;

/** Words after "is" that name a time or the asker's day, not someone ("is tomorrow free", "is my afternoon free"). */
export const NOT_SOMEONE = /\b(?:today|tomorrow|tonight|morning|afternoon|evening|night|noon|midnight|monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|weekend|day|calendar|schedule|my|that|this|it|there|here|everyone|anyone|anybody|everybody)\b/i;

interface Asked {
  readonly now: Date;
  readonly timeZone: string;
}

/**
 * "who booked the fishbowl tomorrow at 2": the room's bookings then (the hour said, else the rest of the
 * day), with their organizers when the room's calendar can be read, else only when it is taken.
 */
export async function roomBookers(provider: CalendarProvider, input: Asked, s: DialogSlots, room: DirectoryEntry): Promise<Act> {
  const day = s.window && !s.start ? s.window : dayWindow(input.now, input.timeZone);
  const window = s.start ? { start: s.start, end: s.end ?? iso(Date.parse(s.start) + 30 * MINUTE) } : { start: iso(Math.max(Date.parse(day.start), input.now.getTime())), end: day.end };
  const events = await provider.listEvents(room.email, window, input.timeZone).catch(() => undefined);
  const bookings = events
    ? events.filter((e) => !e.isCancelled && e.freeBusy !== 'free').map((e) => ({ start: e.start, end: e.end, ...(e.organizer?.name || e.organizer?.email ? { by: e.organizer.name || e.organizer.email! } : {}) }))
    : (await provider.busyTimes(room.email, window))?.map((b) => ({ ...b }));
  if (!bookings) return { kind: 'named_room_free', room: room.name, window };
  return { kind: 'room_bookers', room: room.name, window, bookings, ...(events ? {} : { timesOnly: true }) };
}

/** "is ann free tomorrow at 2": her free/busy then (times only: free/busy shows nothing of what she does). */
export async function someoneFree(provider: CalendarProvider, input: Asked, s: DialogSlots, person: DirectoryEntry): Promise<Act> {
  const start = s.window?.start ?? s.start ?? iso(input.now.getTime());
  const window = s.window ?? { start, end: iso(Date.parse(start) + (s.durationMinutes ?? 60) * MINUTE) };
  const busy = await provider.busyTimes(person.email, window);
  return { kind: 'named_room_free', room: person.name, window, person: true, ...(busy === undefined ? {} : { free: busy.length === 0, busy }) };
}
