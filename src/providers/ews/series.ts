/**
 * Changes of a whole series. "cancel the standup series": called off from now on, as Outlook's "this and all
 * following" does it. The occurrences already held stay on everyone's calendar (they happened); the rest go,
 * and the attendees are sent the series' new end. A series none of whose occurrences has begun is deleted
 * whole. "move all my standups to 10": the series' master moves, so every occurrence does.
 */
import { DateTime } from 'luxon';
import type { TimeWindow } from '../../domain/calendar.js';
import type { EwsClient } from '../../ews/client/ews-client.js';
import type { SeriesCallOff } from '../calendar-provider.js';

export async function callOffSeries(client: EwsClient, mailbox: string, occurrenceId: string, from: string, askerZone: string): Promise<SeriesCallOff> {
  const { master, recurrence } = await client.getSeries(mailbox, occurrenceId);
  const fromMs = Date.parse(from);
  // Nothing of it has begun (its master starts with its first occurrence): an end before its start is no
  // series, so it is deleted, and its attendees are sent the cancellation.
  if (!recurrence || Date.parse(master.start) >= fromMs) return deleteWhole(client, mailbox, master.id);
  // A recurrence's dates are days in the series' own zone. It has one occurrence a day at most, so the new
  // last day is today, unless today's is still to come (then it goes too, and yesterday is the last).
  const zone = master.timeZone ?? askerZone;
  const today = DateTime.fromMillis(fromMs, { zone });
  const restOfToday = { start: new Date(fromMs).toISOString(), end: today.startOf('day').plus({ days: 1 }).toUTC().toISO()! };
  const later = await client.calendarView(mailbox, restOfToday);
  // (An item without a UID is matched by its name only when the series has none either.)
  const todayAhead = later.some((e) => (master.uid !== undefined ? e.uid === master.uid : e.uid === undefined && e.subject === master.subject) && Date.parse(e.start) >= fromMs);
  const lastDate = (todayAhead ? today.minus({ days: 1 }) : today).toISODate()!;
  const { range } = recurrence;
  // (Its first one moved to later today: nothing of it is left before the new end, so it goes whole.)
  if (lastDate < range.startDate) return deleteWhole(client, mailbox, master.id);
  await client.setRecurrence(mailbox, { id: master.id, ...(master.changeKey ? { changeKey: master.changeKey } : {}) }, { pattern: recurrence.pattern, range: { type: 'EndDate', startDate: range.startDate, endDate: lastDate } });
  return { kind: 'ended', lastDate };
}

/** The whole series deleted through its master, its attendees sent the cancellation. */
async function deleteWhole(client: EwsClient, mailbox: string, masterId: string): Promise<SeriesCallOff> {
  const [deleted] = await client.deleteEvents(mailbox, [masterId]);
  if (deleted && !deleted.ok) throw deleted.error;
  return { kind: 'deleted' };
}

/**
 * Every occurrence at the time of day, and for the length, `to` gives one of them: the master (whose start is
 * the first occurrence's) moves to that wall-clock time on its own first day, in the series' zone, so the
 * series keeps its days and stays on the clock across daylight-saving changes.
 */
export async function moveSeries(client: EwsClient, mailbox: string, occurrenceId: string, to: TimeWindow, askerZone: string): Promise<void> {
  const { master } = await client.getSeries(mailbox, occurrenceId);
  const zone = master.timeZone ?? askerZone;
  const wall = DateTime.fromISO(to.start, { zone });
  const first = DateTime.fromISO(master.start, { zone }).set({ hour: wall.hour, minute: wall.minute, second: 0, millisecond: 0 });
  const length = Date.parse(to.end) - Date.parse(to.start);
  const start = first.toUTC().toISO({ suppressMilliseconds: true })!;
  const end = first.plus({ milliseconds: length }).toUTC().toISO({ suppressMilliseconds: true })!;
  await client.updateEvent(mailbox, { id: master.id, ...(master.changeKey ? { changeKey: master.changeKey } : {}) }, { start, end, timeZone: zone });
}
