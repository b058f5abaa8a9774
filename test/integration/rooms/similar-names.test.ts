import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { defaultUnderstand } from '../../../src/assistant/understand.js';
import { linkedServerOnNewDatabase, stopRoomSweeper } from '../../support/linked-server.js';
import { adminRequest, SVC, type Signed } from '../../support/server.js';
import { useSimulator } from '../../support/use-simulator.js';
import { addRoom, PT, roomCalendar, roomMeeting, roomsSimulator } from './support.js';

const d = 'contoso.com';

/**
 * Two rooms, one's name inside the other's: the Boardroom and Boardroom North, each with a display. A room
 * named on a display is that room only when it is (never because one name contains the other): the other
 * one is never booked here, and questions about it are answered about it.
 */
describe('rooms: on a display, a room whose name contains this one\'s (or is inside it) is another room', () => {
  const sim = useSimulator(() =>
    roomsSimulator({
      rooms: [{ alias: 'boardroom', name: 'Boardroom', capacity: 12 }, { alias: 'boardroom.north', name: 'Boardroom North', capacity: 4 }],
      events: [roomMeeting('alice', 'Planning', 'boardroom', '10:00', '11:00'), roomMeeting('bob', 'North sync', 'boardroom.north', '09:00', '12:00')],
    }),
  );
  let app: FastifyInstance;
  let admin: Signed;
  let close: () => Promise<void>;
  const displays: Record<'boardroom' | 'north', { cookie: string; csrf: string }> = {} as never;

  beforeAll(async () => {
    ({ app, admin, close } = await linkedServerOnNewDatabase(sim, { understand: await defaultUnderstand(), beforeLink: stopRoomSweeper }));
    const ids = { boardroom: await addRoom(app, admin, `boardroom@${d}`, 'Floor 1'), north: await addRoom(app, admin, `boardroom.north@${d}`, 'Floor 1') };
    for (const k of ['boardroom', 'north'] as const) {
      const made = await adminRequest(app, admin, 'POST', `/api/v1/rooms/${ids[k]}/devices`, { kind: 'display' });
      const token = (made.json().displayUrl as string).split('#token=')[1]!;
      const session = await app.inject({ method: 'POST', url: '/api/v1/display/session', payload: { token } });
      displays[k] = { cookie: String(session.headers['set-cookie']).split(';')[0]!, csrf: session.json().csrfToken };
    }
  });
  afterAll(() => close?.());

  const ask = async (on: 'boardroom' | 'north', text: string, at: Date) => {
    app.rooms.clock = () => at;
    const res = await app.inject({ method: 'POST', url: '/api/v1/display/ask', headers: { cookie: displays[on].cookie, 'x-csrf-token': displays[on].csrf }, payload: { text } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { intent: string; text: string };
  };
  const walkIns = () => [...roomCalendar(sim, `boardroom@${d}`), ...roomCalendar(sim, `boardroom.north@${d}`)].filter((b) => b.organizer === SVC.upn);

  it('"book the boardroom north" on the Boardroom\'s display books neither room, and says where to book it', async () => {
    const r = await ask('boardroom', 'book the boardroom north for 30 minutes', PT('12:05'));
    expect(r.text).toBe('This display books Boardroom only. To book the boardroom north, ask from your own calendar or from its own display.');
    expect(walkIns()).toEqual([]);
  });

  it('"book the boardroom" on Boardroom North\'s display books neither room either', async () => {
    const r = await ask('north', 'book the boardroom for 30 minutes', PT('14:05'));
    expect(r.text).toBe('This display books Boardroom North only. To book the boardroom, ask from your own calendar or from its own display.');
    expect(walkIns()).toEqual([]);
  });

  it('"who booked the boardroom north" on the Boardroom\'s display answers about Boardroom North; "the boardroom" is this room', async () => {
    expect((await ask('boardroom', 'who booked the boardroom north', PT('10:10'))).text).toBe('For the rest of today, Boardroom North is booked by Bob Smith from 9 AM to noon.');
    expect((await ask('boardroom', 'who booked the boardroom', PT('10:10'))).text).toBe('Alice Wong booked Boardroom now, until 11 AM.');
    expect((await ask('north', 'who booked the boardroom north', PT('10:10'))).text).toBe('Bob Smith booked Boardroom North now, until noon.');
  });
});
