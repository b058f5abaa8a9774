import { DateTime } from 'luxon';
import type { Seed, SeedEvent } from './seed.js';

/** The demo users' password (a simulator, not a real organization: documented in the README). */
export const DEMO_USER_PASSWORD = 'Passw0rd!';

const ZONES = { pacific: { win: 'Pacific Standard Time', iana: 'America/Los_Angeles' }, eastern: { win: 'Eastern Standard Time', iana: 'America/New_York' }, berlin: { win: 'W. Europe Standard Time', iana: 'Europe/Berlin' } } as const;

/**
 * The standup books Room 101 for 100 occurrences (20 weeks): inside the room's 180-day booking window,
 * so Exchange's Resource Booking Assistant accepts it (a series with no end would be declined).
 *
 * Contoso: five people in three time zones, three rooms, and this week's meetings (a daily standup,
 * a weekly 1:1, a review in the boardroom, an all-day offsite, a cancelled meeting, a Berlin team sync).
 * No service account: the admin creates one by following the guide. Basic authentication starts off on
 * the EWS virtual directory, as on a new Exchange 2016, so the guide's first check has something to find.
 */
export function demoSeed(now: Date = new Date()): Seed {
  const d = 'contoso.com';
  const at = (zone: keyof typeof ZONES, weekday: number, time: string, minutes: number): { start: string; end: string; timeZone: string } => {
    const [h, m] = time.split(':').map(Number) as [number, number];
    const monday = DateTime.fromJSDate(now, { zone: ZONES[zone].iana }).startOf('week');
    const start = monday.plus({ days: weekday - 1 }).set({ hour: h, minute: m });
    return { start: start.toISO({ suppressMilliseconds: true })!, end: start.plus({ minutes }).toISO({ suppressMilliseconds: true })!, timeZone: ZONES[zone].win };
  };
  const mondayPacific = DateTime.fromJSDate(now, { zone: ZONES.pacific.iana }).startOf('week');
  const events: SeedEvent[] = [
    { organizer: `alice@${d}`, subject: 'Team standup', ...at('pacific', 1, '09:00', 15), attendees: [`bob@${d}`, `carol@${d}`], rooms: [`room.101@${d}`], recurrence: { pattern: { type: 'Weekly', interval: 1, daysOfWeek: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'] }, range: { type: 'Numbered', startDate: mondayPacific.toISODate()!, numberOfOccurrences: 100 } } },
    { organizer: `alice@${d}`, subject: '1:1 Alice / Bob', ...at('pacific', 2, '10:00', 30), attendees: [`bob@${d}`], recurrence: { pattern: { type: 'Weekly', interval: 1, daysOfWeek: ['Tuesday'] }, range: { type: 'Numbered', startDate: mondayPacific.plus({ days: 1 }).toISODate()!, numberOfOccurrences: 12 } } },
    { organizer: `alice@${d}`, subject: 'Budget review', ...at('pacific', 3, '11:00', 60), location: 'Boardroom', attendees: [`bob@${d}`, `dave@${d}`], rooms: [`boardroom@${d}`], body: 'Q1 budget: travel, hiring, tools.' },
    { organizer: `bob@${d}`, subject: 'Lunch with Carol', ...at('pacific', 4, '12:00', 60), location: 'Cafe Roma', attendees: [`carol@${d}`] },
    { organizer: `bob@${d}`, subject: 'Design sync', ...at('pacific', 4, '15:00', 45), attendees: [`alice@${d}`], rooms: [`room.202@${d}`], cancelled: true },
    { organizer: `carol@${d}`, subject: 'Offsite planning day', ...at('eastern', 5, '00:00', 24 * 60), isAllDay: true, location: 'New York office' },
    { organizer: `dave@${d}`, subject: 'Berlin team sync', ...at('berlin', 2, '16:00', 30), attendees: [`erin@${d}`, `alice@${d}`], recurrence: { pattern: { type: 'Weekly', interval: 1, daysOfWeek: ['Tuesday', 'Thursday'] }, range: { type: 'NoEnd', startDate: DateTime.fromJSDate(now, { zone: ZONES.berlin.iana }).startOf('week').plus({ days: 1 }).toISODate()! } } },
    { organizer: `erin@${d}`, subject: 'Customer call: Fabrikam', ...at('pacific', 3, '14:00', 30), attendees: [`alice@${d}`] },
  ];
  return {
    domain: d,
    version: 'Exchange2016',
    basicAuth: false,
    mailboxes: [
      { smtp: `alice@${d}`, name: 'Alice Wong', firstName: 'Alice', lastName: 'Wong', password: DEMO_USER_PASSWORD, type: 'UserMailbox', timeZone: ZONES.pacific.win, department: 'Finance' },
      { smtp: `bob@${d}`, name: 'Bob Smith', firstName: 'Bob', lastName: 'Smith', password: DEMO_USER_PASSWORD, type: 'UserMailbox', timeZone: ZONES.pacific.win, department: 'Engineering' },
      { smtp: `carol@${d}`, name: 'Carol Diaz', firstName: 'Carol', lastName: 'Diaz', password: DEMO_USER_PASSWORD, type: 'UserMailbox', timeZone: ZONES.eastern.win, department: 'Sales' },
      { smtp: `dave@${d}`, name: 'Dave Kim', firstName: 'Dave', lastName: 'Kim', password: DEMO_USER_PASSWORD, type: 'UserMailbox', timeZone: ZONES.berlin.win, department: 'Engineering' },
      { smtp: `erin@${d}`, name: 'Erin Patel', firstName: 'Erin', lastName: 'Patel', password: DEMO_USER_PASSWORD, type: 'UserMailbox', timeZone: ZONES.pacific.win, department: 'Sales' },
      { smtp: `room.101@${d}`, name: 'Room 101', alias: 'room.101', type: 'RoomMailbox', capacity: 8, timeZone: ZONES.pacific.win },
      { smtp: `room.202@${d}`, name: 'Room 202', alias: 'room.202', type: 'RoomMailbox', capacity: 20, timeZone: ZONES.pacific.win },
      { smtp: `boardroom@${d}`, name: 'Boardroom', alias: 'boardroom', type: 'RoomMailbox', capacity: 12, timeZone: ZONES.pacific.win },
    ],
    shell: [],
    events,
  };
}
