import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { RunningSimulator } from '../../../src/simulator/host.js';
import { startSimulator } from '../../../src/simulator/host.js';
import { parseSeed } from '../../../src/simulator/seed.js';
import { adminRequest, SVC, type Signed } from '../../support/server.js';

const d = 'contoso.com';
/** Monday 2026-12-07 in Pacific time (UTC-8): 10:00 PT is 18:00Z. */
export const PT = (hhmm: string, day = '2026-12-07') => new Date(`${day}T${hhmm}:00-08:00`);

/** A meeting in a room on the known Monday (Pacific time), with Carol invited. */
export const roomMeeting = (organizer: string, subject: string, room: string, from: string, to: string) => ({ organizer: `${organizer}@${d}`, subject, start: PT(from).toISOString(), end: PT(to).toISOString(), timeZone: 'Pacific Standard Time', attendees: [`carol@${d}`], rooms: [`${room}@${d}`] });

/** Room 101 (8 seats), Room 202 (20) and the Boardroom (12), with a known Monday of meetings. */
const THREE_ROOMS = [{ alias: 'room.101', name: 'Room 101', capacity: 8 }, { alias: 'room.202', name: 'Room 202', capacity: 20 }, { alias: 'boardroom', name: 'Boardroom', capacity: 12 }];
const THREE_ROOMS_MONDAY = [
  roomMeeting('alice', 'Planning', 'room.101', '10:00', '11:00'),
  roomMeeting('bob', 'Interviews', 'room.101', '11:00', '11:30'),
  roomMeeting('alice', 'Budget', 'boardroom', '09:00', '10:00'),
  roomMeeting('bob', 'Roadmap', 'boardroom', '13:00', '14:00'),
];

/**
 * Contoso with rooms in Exchange's room list (Pacific time) and the service account with
 * ApplicationImpersonation. By default three rooms and a known Monday: in Room 101 Alice 10:00-11:00 then
 * Bob 11:00-11:30; in the Boardroom Alice 9:00-10:00 and Bob 13:00-14:00; Room 202 free.
 */
export function roomsSimulator(opts: { scopeExcludesRooms?: boolean; rooms?: readonly { alias: string; name: string; capacity: number }[]; events?: readonly ReturnType<typeof roomMeeting>[] } = {}): Promise<RunningSimulator> {
  return startSimulator({
    port: 0,
    seed: parseSeed({
      domain: d,
      basicAuth: true,
      adminPassword: 'Adm1n-Passw0rd!',
      mailboxes: [
        { smtp: `alice@${d}`, name: 'Alice Wong', password: 'Passw0rd!', timeZone: 'Pacific Standard Time' },
        { smtp: `bob@${d}`, name: 'Bob Smith', password: 'Passw0rd!', timeZone: 'Pacific Standard Time' },
        { smtp: `carol@${d}`, name: 'Carol Diaz', password: 'Passw0rd!', timeZone: 'Pacific Standard Time' },
        { smtp: SVC.upn, name: 'Concierge Service', password: SVC.password },
        ...(opts.rooms ?? THREE_ROOMS).map((r) => ({ smtp: `${r.alias}@${d}`, name: r.name, type: 'RoomMailbox', capacity: r.capacity, timeZone: 'Pacific Standard Time' })),
      ],
      shell: opts.scopeExcludesRooms
        ? ['New-ManagementScope -Name PeopleOnly -RecipientRestrictionFilter "RecipientTypeDetails -eq \'UserMailbox\'"', 'New-ManagementRoleAssignment -Name imp1 -Role ApplicationImpersonation -User svc -CustomRecipientWriteScope PeopleOnly']
        : ['New-ManagementRoleAssignment -Name imp1 -Role ApplicationImpersonation -User svc'],
      events: [...(opts.events ?? THREE_ROOMS_MONDAY)],
    }),
  });
}

export async function linkExchange(app: FastifyInstance, admin: Signed, sim: RunningSimulator): Promise<void> {
  const res = await adminRequest(app, admin, 'POST', '/api/v1/exchange/link', { url: sim.ewsUrl, upn: SVC.upn, password: SVC.password, access: 'impersonation', mailbox: `alice@${d}` });
  expect(res.statusCode, res.body).toBe(200);
}

/** Adds a room through the API and returns its id. */
export async function addRoom(app: FastifyInstance, admin: Signed, email: string, roomList?: string): Promise<string> {
  const res = await adminRequest(app, admin, 'POST', '/api/v1/rooms', { email, ...(roomList ? { roomList } : {}) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().room.id as string;
}

const iso = (v: string) => new Date(v).toISOString().replace('.000Z', 'Z');

/** The room's calendar straight from the simulator's store: [subject, organizer, start, end], for checks that do not trust our reader. */
export function roomCalendar(sim: RunningSimulator, room: string, day = '2026-12-07'): { organizer: string | undefined; start: string; end: string }[] {
  const start = new Date(`${day}T00:00:00-08:00`).toISOString();
  const end = new Date(new Date(start).getTime() + 86_400_000).toISOString();
  const view = sim.exchange.calendar.calendarView(room, 'calendar', start, end);
  return view.items
    .filter((i) => !i.isCancelled)
    .map((i) => ({ organizer: i.organizer?.email?.toLowerCase(), start: iso(i.start), end: iso(i.end) }));
}
