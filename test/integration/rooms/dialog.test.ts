import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { defaultUnderstand } from '../../../src/assistant/understand.js';
import { linkedServerOnNewDatabase, stopRoomSweeper } from '../../support/linked-server.js';
import { adminRequest, type Signed } from '../../support/server.js';
import { useSimulator } from '../../support/use-simulator.js';
import { addRoom, PT, roomCalendar, roomsSimulator } from './support.js';

const Z = (d: Date) => d.toISOString().replace('.000Z', 'Z');

/** The assistant in a room: the display's "ask" carries the room context, and the dialog uses the room's desk. */
describe('rooms: the assistant dialog with a room context', () => {
  const sim = useSimulator(() => roomsSimulator());
  let app: FastifyInstance;
  let admin: Signed;
  let close: () => Promise<void>;
  let display: { cookie: string; csrf: string };

  beforeAll(async () => {
    ({ app, admin, close } = await linkedServerOnNewDatabase(sim, { understand: await defaultUnderstand(), beforeLink: stopRoomSweeper }));
    const room101 = await addRoom(app, admin, 'room.101@contoso.com', 'Floor 1');
    await addRoom(app, admin, 'boardroom@contoso.com', 'Floor 2');
    await addRoom(app, admin, 'room.202@contoso.com', 'Floor 1');
    const made = await adminRequest(app, admin, 'POST', `/api/v1/rooms/${room101}/devices`, { kind: 'display' });
    const token = (made.json().displayUrl as string).split('#token=')[1]!;
    const session = await app.inject({ method: 'POST', url: '/api/v1/display/session', payload: { token } });
    display = { cookie: String(session.headers['set-cookie']).split(';')[0]!, csrf: session.json().csrfToken };
  });
  afterAll(() => close?.());

  const ask = async (text: string, at: Date) => {
    app.rooms.clock = () => at;
    const res = await app.inject({ method: 'POST', url: '/api/v1/display/ask', headers: { cookie: display.cookie, 'x-csrf-token': display.csrf }, payload: { text } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { intent: string; text: string; ssml: string };
  };

  it('answers "is this room free", "when is this room free" and "who booked this room" from the room\'s calendar', async () => {
    const free = await ask('is this room free', PT('10:10'));
    expect(free.intent).toBe('room_is_free');
    expect(free.text).toBe('No. Room 101 is booked until 11:30 AM.');
    expect(free.ssml).toMatch(/^<speak>No\. Room 101 is booked until 11:30 AM\.<\/speak>$/);
    expect((await ask('when is this room free', PT('10:10'))).text).toBe('It will be free at 11:30 AM.');
    expect((await ask('who booked this room', PT('10:10'))).text).toBe('Alice Wong booked Room 101 now, until 11 AM.');
    expect((await ask('is this room free', PT('08:00'))).text).toBe('Yes. Room 101 is free until 10 AM.');
  });

  it('"book this room for 30 minutes" books from now with the room\'s acceptance; "extend the meeting by 15 minutes" and "end the meeting" change it', async () => {
    const booked = await ask('book this room for 30 minutes', PT('12:01'));
    expect(booked.intent).toBe('room_book');
    expect(booked.text).toBe('Done. Room 101 accepted the booking from noon to 12:30 PM.');
    expect(roomCalendar(sim, 'room.101@contoso.com')).toContainEqual({ organizer: 'svc@contoso.com', start: Z(PT('12:00')), end: Z(PT('12:30')) });
    const ext = await ask('extend the meeting by 15 minutes', PT('12:20'));
    expect(ext.intent).toBe('room_extend');
    expect(ext.text).toBe('Done. The meeting now ends at 12:45 PM.');
    const end = await ask('end the meeting', PT('12:33'));
    expect(end.intent).toBe('room_end');
    expect(end.text).toBe('Done. The meeting in Room 101 has ended, and the room is free.');
    expect(roomCalendar(sim, 'room.101@contoso.com')).toContainEqual({ organizer: 'svc@contoso.com', start: Z(PT('12:00')), end: Z(PT('12:33')) });
  });

  it('"book this room" with no length books the desk\'s own 30 minutes, not an hour', async () => {
    const booked = await ask('book this room', PT('16:00'));
    expect(booked.text).toBe('Done. Room 101 accepted the booking from 4 PM to 4:30 PM.');
    expect(roomCalendar(sim, 'room.101@contoso.com')).toContainEqual({ organizer: 'svc@contoso.com', start: Z(PT('16:00')), end: Z(PT('16:30')) });
  });

  it('a later time is answered for that time, and never booked as now', async () => {
    expect((await ask('is this room free at 10:30', PT('08:00'))).text).toBe('No, Room 101 is booked then, from 10 AM to 11 AM by Alice Wong.');
    expect((await ask('is this room free at 2pm', PT('08:00'))).text).toBe('Yes, Room 101 is free at 2 PM.');
    const before = roomCalendar(sim, 'room.101@contoso.com').length;
    const later = await ask('book this room at 3pm for 30 minutes', PT('08:00'));
    expect(later.intent).toBe('room_book');
    expect(later.text).toMatch(/^I can book Room 101 only from now, so I didn't book it for 3 PM\./);
    expect(roomCalendar(sim, 'room.101@contoso.com')).toHaveLength(before);
  });

  it('a day asked about is the whole day, not its midnight, and is never booked as now', async () => {
    expect((await ask('is this room free tomorrow', PT('08:00'))).text).toBe('Yes, Room 101 is free all day tomorrow.');
    // (Bookings made in the tests before follow Alice's and Bob's.)
    expect((await ask('is this room free tomorrow', PT('20:00', '2026-12-06'))).text).toMatch(/^Tomorrow, Room 101 is booked from 10 AM to 11 AM by Alice Wong, from 11 AM to 11:30 AM by Bob Smith .*, and free the rest of the time\.$/);
    const before = roomCalendar(sim, 'room.101@contoso.com').length;
    expect((await ask('book this room tomorrow', PT('08:00'))).text).toMatch(/^I can book Room 101 only from now, so I didn't book it for tomorrow\./);
    expect(roomCalendar(sim, 'room.101@contoso.com')).toHaveLength(before);
    // ("for the next hour" is from now: an hour.)
    expect((await ask('book this room for the next hour', PT('17:00'))).text).toBe('Done. Room 101 accepted the booking from 5 PM to 6 PM.');
  });

  it('"extend the meeting" is refused when the next booking starts, naming until when the room is free', async () => {
    const r = await ask('extend the meeting by 15 minutes', PT('10:40'));
    expect(r.text).toBe("I can't extend it: Room 101 is booked by Bob Smith from 11 AM, so it is free only until then.");
    expect(roomCalendar(sim, 'room.101@contoso.com').find((b) => b.organizer === 'alice@contoso.com')?.end).toBe(Z(PT('11:00')));
  });

  it('"find me a room for an hour" lists free rooms, the asking room\'s list first, by free/busy', async () => {
    const r = await ask('find me a room for an hour', PT('09:30'));
    expect(r.intent).toBe('room_find');
    // Room 101 is free until 10 (only 30 minutes), the Boardroom is busy until 10; Room 202 (same list) is free.
    expect(r.text).toBe('Room 202 is free for the next one hour.');
    const later = await ask('find me a room for an hour', PT('14:00'));
    expect(later.text).toBe('Room 101, Room 202 and Boardroom are free for the next one hour.');
    // "for 10 people": Room 101 seats 8 (as entered under Rooms) and is left out; a room of unknown size is said.
    const room101 = (await adminRequest(app, admin, 'GET', '/api/v1/rooms')).json().rooms.find((r: { email: string }) => r.email === 'room.101@contoso.com').id as string;
    expect((await adminRequest(app, admin, 'PATCH', `/api/v1/rooms/${room101}`, { capacity: 8 })).statusCode).toBe(200);
    expect((await ask('find me a room for 10 people', PT('14:00'))).text).toBe("Room 202 and Boardroom are free for the next one hour. I don't know how many seats they have, so check that they fit 10.");
    // From one's own calendar too: the seats entered here leave Room 101 out of "for 10 people".
    const personal = await adminRequest(app, admin, 'POST', '/api/v1/assistant/ask', { user: 'alice@contoso.com', text: 'find me a room for 10 people today at 2pm', now: '2026-12-07T08:00:00-08:00', timeZone: 'America/Los_Angeles' });
    expect(personal.json().text).toMatch(/^Free then: (?!.*Room 101)/);
    // A later time is answered for then; this device books from now only, and says so.
    expect((await ask('find me a room tomorrow at 2', PT('09:30'))).text).toBe('Room 101, Room 202 and Boardroom are free at 2 PM tomorrow for one hour. This display books only from now; to book one for then, ask from your own calendar.');
    // Another room is never proposed here (nothing but this room can be confirmed on its display).
    expect((await ask('book the boardroom for 30 minutes', PT('14:05'))).text).toBe('This display books Room 101 only. To book the boardroom, ask from your own calendar or from its own display.');
  });

  it('"check in" said to the room\'s device checks in to the current meeting', async () => {
    const r = await ask('check in', PT('10:03'));
    expect(r.text).toBe("You're checked in. The room is yours until 11 AM.");
    const state = await app.inject({ method: 'GET', url: '/api/v1/display/state', headers: { cookie: display.cookie } });
    expect(state.json().current).toMatchObject({ organizer: { email: 'alice@contoso.com' }, checkedIn: true });
  });

  it('ending or extending someone else\'s meeting changes the room\'s calendar only, and says their own calendar still shows the old end', async () => {
    const end = await ask('end the meeting', PT('10:20'));
    expect(end.text).toBe("Done: the room is free from 10:20 AM. Alice Wong's own calendar still shows it until 11 AM.");
    expect(roomCalendar(sim, 'room.101@contoso.com')).toContainEqual({ organizer: 'alice@contoso.com', start: Z(PT('10:00')), end: Z(PT('10:20')) });
    const ext = await ask('extend the meeting by 15 minutes', PT('11:20'));
    expect(ext.text).toBe("Done: the room is booked for the meeting until 11:45 AM. Bob Smith's own calendar still shows it ending at 11:30 AM.");
    // What was said is so: the organizers' own meetings keep their times.
    const own = (who: string, subject: string) => sim.exchange.calendar.calendarView(who, 'calendar', Z(PT('09:00')), Z(PT('13:00'))).items.filter((i) => i.subject === subject).map((i) => [i.start, i.end].map((t) => new Date(t).toISOString()));
    expect(own('alice@contoso.com', 'Planning')).toEqual([[PT('10:00').toISOString(), PT('11:00').toISOString()]]);
    expect(own('bob@contoso.com', 'Interviews')).toEqual([[PT('11:00').toISOString(), PT('11:30').toISOString()]]);
  });

  it('without a room context, "this room" asks which room, and how to place a device', async () => {
    const res = await adminRequest(app, admin, 'POST', '/api/v1/assistant/ask', { user: 'alice@contoso.com', text: 'is this room free', now: '2026-12-07T10:10:00-08:00', timeZone: 'America/Los_Angeles' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ intent: 'room_is_free', text: 'Which room do you mean? Name it, for example "is the boardroom free at 3" or "book the boardroom tomorrow at 2". (On a device in a room, an administrator places the device under Rooms.)' });
  });
});
