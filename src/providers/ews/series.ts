/**
 * "cancel the standup series": a series called off from now on, as Outlook's "this and all following"
 * does it. The occurrences already held stay on everyone's calendar (they happened); the rest go, and the
 * attendees are sent the series' new end. A series none of whose occurrences has begun is deleted whole.
 */
import { DateTime } from 'luxon';
import type { EwsClient } from '../../ews/client/ews-client.js';
import type { SeriesCallOff } from '../calendar-provider.js';

export async function callOffSeries(client: EwsClient, mailbox: string, occurrenceId: string, from: string): Promise<SeriesCallOff> {
  const { master, recurrence } = await client.getSeries(mailbox, occurrenceId);
  const fromMs = Date.parse(from);
  // Nothing of it has begun (its master starts with its first occurrence): an end before its start is no
  // series, so it is deleted, and its attendees are sent the cancellation.
  if (!recurrence || Date.parse(master.start) >= fromMs) {
    const [deleted] = await client.deleteEvents(mailbox, [master.id]);
    if (deleted && !deleted.ok) throw deleted.error;
    return { kind: 'deleted' };
  }
  // A recurrence's dates are days in the series' own zone. It has one occurrence a day at most, so the new
  // last day is today, unless today's is still to come (then it goes too, and yesterday is the last).
  const zone = master.timeZone ?? 'UTC';
  const today = DateTime.fromMillis(fromMs, { zone });
  const restOfToday = { start: new Date(fromMs).toISOString(), end: today.startOf('day').plus({ days: 1 }).toUTC().toISO()! };
  const later = await client.calendarView(mailbox, restOfToday);
  const todayAhead = later.some((e) => (e.uid !== undefined ? e.uid === master.uid : e.subject === master.subject) && Date.parse(e.start) >= fromMs);
  const lastDate = (todayAhead ? today.minus({ days: 1 }) : today).toISODate()!;
  const { range } = recurrence;
  await client.setRecurrence(mailbox, { id: master.id, ...(master.changeKey ? { changeKey: master.changeKey } : {}) }, { pattern: recurrence.pattern, range: { type: 'EndDate', startDate: range.startDate, endDate: lastDate } });
  return { kind: 'ended', lastDate };
}
