import { randomUUID } from 'node:crypto';
import type { ResponseEnvelope } from 'ask-sdk-model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/persistence/index.js';
import type { ConciergeServer } from '../../../src/server/app.js';
import { startSimulator, type RunningSimulator } from '../../../src/simulator/host.js';
import { CERT_URL, CLOCK, createAlexaPki, fixture, type AlexaPki, type FixtureEnvelope } from '../../unit/server/alexa/alexa-pki.js';
import { LogCapture } from '../../support/server.js';
import { ALEXA_ALICE, alexaOrganization, ALEXA_SVC, PERSONAL_DEVICE, ROOM_DEVICE, startAlexaEndpoint } from './support.js';

const SVC = ALEXA_SVC;
const ALICE = ALEXA_ALICE;
const PST = 'Pacific Standard Time';
const ev = (subject: string, start: string, end: string) => ({ organizer: 'alice@contoso.com', subject, start, end, timeZone: PST });

type Response = ResponseEnvelope['response'];
interface Turn {
  /** An intent name, or a request type without one (LaunchRequest). */
  readonly intent: string;
  readonly slots?: Record<string, string>;
  readonly token?: string | null;
  readonly device?: string;
  readonly sessionId?: string;
}

/**
 * The conversation around the answers, through the whole server (signed requests, account linking, the
 * assistant, the simulator): opening the skill, what a silent person hears, words Alexa could not place,
 * and slot values a calendar cannot use. The clock is CLOCK: Tuesday 8 December 2026, 1 AM in Los Angeles.
 */
describe('Alexa conversation', () => {
  let pki: AlexaPki;
  let sim: RunningSimulator;
  let database: Database;
  let server: ConciergeServer;
  let alice: string;

  beforeAll(async () => {
    pki = await createAlexaPki();
    sim = await startSimulator({
      port: 0,
      seed: alexaOrganization([
        // Today: 10 AM and 2:30 PM in Los Angeles.
        ev('Quarterly planning', '2026-12-08T18:00:00Z', '2026-12-08T19:00:00Z'),
        ev('Vendor call', '2026-12-08T22:30:00Z', '2026-12-08T23:00:00Z'),
        // Thursday: two design reviews ("which one?").
        ev('Design review', '2026-12-10T17:00:00Z', '2026-12-10T18:00:00Z'),
        ev('Design review', '2026-12-10T21:00:00Z', '2026-12-10T22:00:00Z'),
        // Wednesday: Bob's meeting, Alice invited (to answer).
        { organizer: 'bob@contoso.com', subject: 'Vendor pitch', start: '2026-12-09T21:00:00Z', end: '2026-12-09T22:00:00Z', timeZone: PST, attendees: ['alice@contoso.com'] },
        // Monday the 14th: a long day, read in part.
        ...[16, 17, 18, 19, 20, 21, 22].map((h, i) => ev(`Block ${i + 1}`, `2026-12-14T${h}:00:00Z`, `2026-12-14T${h}:30:00Z`)),
      ]),
    });
    ({ database, server, aliceToken: alice } = await startAlexaEndpoint(sim.ewsUrl, pki, CLOCK, new LogCapture()));
  });
  afterAll(async () => {
    await server?.app.close();
    await database?.close();
    await sim?.close();
  });

  const newSession = () => `amzn1.echo-api.session.${randomUUID()}`;

  /** Sends one signed request, as Alice unless `token` is null. */
  async function say(t: Turn): Promise<Response> {
    const envelope = fixture('read-calendar-intent') as FixtureEnvelope & { session: { sessionId: string; new: boolean }; context: { System: { device: { deviceId: string } } } };
    const token = t.token === undefined ? alice : t.token;
    for (const user of [envelope.context.System.user, envelope.session.user]) {
      if (token) user.accessToken = token;
      else delete user.accessToken;
    }
    envelope.session.sessionId = t.sessionId ?? newSession();
    envelope.context.System.device.deviceId = t.device ?? PERSONAL_DEVICE;
    const request = envelope.request as unknown as Record<string, unknown>;
    if (t.intent === 'LaunchRequest') {
      delete request.intent;
      request.type = 'LaunchRequest';
    } else {
      request.intent = { name: t.intent, confirmationStatus: 'NONE', slots: Object.fromEntries(Object.entries(t.slots ?? {}).map(([k, v]) => [k, { name: k, confirmationStatus: 'NONE', value: v }])) };
    }
    const body = Buffer.from(JSON.stringify(envelope));
    const res = await server.app.inject({ method: 'POST', url: '/alexa', headers: { 'content-type': 'application/json', signaturecertchainurl: CERT_URL, 'signature-256': pki.sign(body) }, payload: body });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as ResponseEnvelope).response;
  }
  const speech = (r: Response) => (r.outputSpeech as { ssml?: string } | undefined)?.ssml ?? '';
  const reprompt = (r: Response) => (r.reprompt?.outputSpeech as { ssml?: string } | undefined)?.ssml ?? '';
  /** The session stays open with a short re-ask; nothing internal is ever spoken. */
  function expectOpen(r: Response) {
    expect(r.shouldEndSession).toBe(false);
    expect(reprompt(r)).toMatch(/\?<\/speak>$/);
    expect(reprompt(r).length).toBeLessThan(80);
    expect(`${speech(r)} ${reprompt(r)}`).not.toMatch(/alexa:|intent/i);
  }

  it('opens with a short welcome and today in brief, and keeps the session open', async () => {
    const r = await say({ intent: 'LaunchRequest' });
    expect(speech(r)).toMatch(/Welcome/);
    expect(speech(r)).toMatch(/2 events today/);
    expect(speech(r)).toMatch(/next is Quarterly planning at 10 AM/);
    // A summary, not the day read out.
    expect(speech(r)).not.toMatch(/Vendor call/);
    expectOpen(r);
  });

  it("opens with the room's help at a room's Echo, for a linked person too", async () => {
    const r = await say({ intent: 'LaunchRequest', device: ROOM_DEVICE });
    expect(speech(r)).toContain('This is Boardroom.');
    expect(speech(r)).not.toMatch(/Quarterly planning/);
    expectOpen(r);
  });

  it('answers words Alexa could not place with short help, the session open; at a room device, with the room help', async () => {
    const r = await say({ intent: 'AMAZON.FallbackIntent' });
    expect(speech(r)).toMatch(/calendar/);
    expectOpen(r);
    for (const token of [null, undefined]) {
      const room = await say({ intent: 'AMAZON.FallbackIntent', device: ROOM_DEVICE, token });
      expect(speech(room)).toContain('This is Boardroom.');
      expect(room.card).toBeUndefined();
      expectOpen(room);
    }
  });

  it('asks "which event?" again when the answer to it was not understood, never saying anything internal', async () => {
    const sessionId = newSession();
    const asked = await say({ intent: 'CancelEventIntent', sessionId });
    expect(speech(asked)).toMatch(/Which event should I cancel\?/);
    const again = await say({ intent: 'AMAZON.FallbackIntent', sessionId });
    expect(speech(again)).toMatch(/Which event should I cancel\?/);
    expect(speech(again)).not.toMatch(/couldn't find/);
    expectOpen(again);
    // The question still waits: a name answers it.
    const named = await say({ intent: 'CancelEventIntent', slots: { query: 'vendor call' }, sessionId });
    expect(speech(named)).toMatch(/Cancel Vendor call/);
  });

  it('re-asks briefly when the person stays silent, fitting the question, never repeating the answer', async () => {
    const long = await say({ intent: 'ReadCalendarIntent', slots: { date: '2026-12-14' } });
    expect(speech(long)).toMatch(/Block 1/);
    expect(reprompt(long)).toMatch(/rest\?/);
    expect(reprompt(long)).not.toMatch(/Block/);
    const which = await say({ intent: 'CancelEventIntent', slots: { query: 'design review' } });
    expect(reprompt(which)).toMatch(/first or the second\?/);
    const when = await say({ intent: 'CreateEventIntent', slots: { title: 'lunch' } });
    expect(reprompt(when)).toMatch(/When should it be\?/);
    const add = await say({ intent: 'CreateEventIntent', slots: { title: 'lunch', date: '2026-12-09', time: '12:00' } });
    expect(speech(add)).toMatch(/Add lunch/);
    expect(reprompt(add)).toMatch(/add it\?/);
    expect(reprompt(add)).not.toMatch(/lunch/i);
    for (const r of [long, which, when, add]) expectOpen(r);
  });

  it('"why?" (WhyIntent) says which calendar, zone and access the last answer read', async () => {
    const sessionId = newSession();
    await say({ intent: 'ReadCalendarIntent', slots: { date: '2026-12-08' }, sessionId });
    const why = await say({ intent: 'WhyIntent', sessionId });
    expect(speech(why)).toMatch(/I read the Calendar of alice@contoso\.com from .* in America\/Los_Angeles time, through svc@contoso\.com using impersonation/);
  });

  it('says "OK." to "no" after a read cut short, not a refusal of a change', async () => {
    const sessionId = newSession();
    await say({ intent: 'ReadCalendarIntent', slots: { date: '2026-12-14' }, sessionId });
    const no = await say({ intent: 'AMAZON.NoIntent', sessionId });
    expect(speech(no)).toMatch(/OK\./);
    expect(speech(no)).not.toMatch(/won't/);
  });

  it.each([['PT0S'], ['PT0M'], ['PT5000H'], ['P3D']])('asks again for a length of %s, never proposing it', async (duration) => {
    const r = await say({ intent: 'CreateEventIntent', slots: { title: 'budget review', date: '2026-12-09', time: '14:00', duration } });
    expect(speech(r)).toMatch(/How long/);
    expect(speech(r)).not.toMatch(/Add budget review|0 hours|5000/);
    expectOpen(r);
  });

  it('"when am I free today" gives the free stretches of the working day', async () => {
    const r = await say({ intent: 'WhenAmIFreeIntent', slots: { date: '2026-12-08' } });
    expect(speech(r)).toBe("<speak>Today you're free from 8 to 10 AM, from 11 AM to 2:30 PM, and from 3 to 6 PM.</speak>");
    const call = await say({ intent: 'WhenAmIFreeIntent', slots: { date: '2026-12-08', duration: 'PT2H' } });
    expect(speech(call)).toBe("<speak>Yes, today you're free from 8 to 10 AM, from 11 AM to 2:30 PM, and from 3 to 6 PM.</speak>");
  });

  it('"decline the vendor pitch" asks first, then tells Bob', async () => {
    const sessionId = newSession();
    const ask = await say({ intent: 'DeclineMeetingIntent', slots: { query: 'the vendor pitch' }, sessionId });
    expect(speech(ask)).toBe('<speak>Decline Vendor pitch tomorrow at 1 PM? Bob Smith will be told.</speak>');
    expectOpen(ask);
    const done = await say({ intent: 'AMAZON.YesIntent', sessionId });
    expect(speech(done)).toBe('<speak>Done. You declined Vendor pitch, and Bob Smith has been told.</speak>');
  });

  it('rooms on a personal Echo: the {room} slot is the room asked about, a room in a title is booked, {people} counts seats', async () => {
    // The Boardroom (12 seats, entered under Rooms) is free on Thursday at 9 AM.
    const free = await say({ intent: 'RoomIsFreeIntent', slots: { room: 'the boardroom', date: '2026-12-10', time: '09:00' } });
    expect(speech(free)).toBe('<speak>Boardroom is free on Thursday between 9 AM and 9:30 AM.</speak>');
    const sessionId = newSession();
    const book = await say({ intent: 'RoomBookIntent', slots: { room: 'boardroom', date: '2026-12-10', time: '11:00' }, sessionId });
    expect(speech(book)).toMatch(/^<speak>Add Meeting on Thursday at 11 AM for one hour in Boardroom\?<\/speak>$/);
    expectOpen(book);
    const titled = await say({ intent: 'CreateEventIntent', slots: { title: 'sync in the boardroom', date: '2026-12-10', time: '15:00' } });
    expect(speech(titled)).toMatch(/Add sync on Thursday at 3 PM for one hour in Boardroom\?/);
    // 20 people: the Boardroom seats 12, so no room is free for them.
    expect(speech(await say({ intent: 'RoomFindIntent', slots: { date: '2026-12-10', time: '16:00', people: '20' } }))).toBe('<speak>None of the rooms I can see seats 20.</speak>');
    // A question asked back keeps the session open.
    expectOpen(await say({ intent: 'RoomFindIntent', slots: { date: '2026-12-10' } }));
  });

  it('takes whole days as the length of an all-day event', async () => {
    const r = await say({ intent: 'CreateEventIntent', slots: { title: 'vacation', date: '2026-12-21', duration: 'P3D' } });
    expect(speech(r)).toMatch(/vacation/i);
    expect(speech(r)).not.toMatch(/How long/);
  });

  it('reads a month, refuses a year, a season or a decade as too broad, and never reads today instead', async () => {
    const month = await say({ intent: 'ReadCalendarIntent', slots: { date: '2026-12-XX' } });
    expect(speech(month)).toMatch(/Design review/);
    for (const date of ['2026', '2026-WI', '202X']) {
      const r = await say({ intent: 'ReadCalendarIntent', slots: { date } });
      expect(speech(r)).toMatch(/too broad/);
      expect(speech(r)).not.toMatch(/Quarterly planning/);
      expectOpen(r);
    }
  });

  it('asks which day for a new event on a month, then takes a day and a time as the answer', async () => {
    const sessionId = newSession();
    const asked = await say({ intent: 'CreateEventIntent', slots: { title: 'lunch', date: '2026-12-XX', time: '12:00' }, sessionId });
    expect(speech(asked)).toMatch(/Which day/);
    expect(speech(asked)).not.toMatch(/today|Add lunch/);
    expectOpen(asked);
    const monthAgain = await say({ intent: 'TimeAnswerIntent', slots: { date: '2026-W51', time: '12:00' }, sessionId });
    expect(speech(monthAgain)).toMatch(/Which day/);
    const propose = await say({ intent: 'TimeAnswerIntent', slots: { date: '2026-12-09', time: '12:00' }, sessionId });
    expect(speech(propose)).toMatch(/Add lunch tomorrow at noon/);
  });

  it.each([
    ['a person slot', { title: 'lunch', person: 'Bob Smith' }, '"Lunch"'],
    ['"with" said inside the title', { title: 'lunch with bob smith' }, '"Lunch with Bob Smith"'],
  ])('invites the guest named in %s, read back from Exchange after "yes"', async (_how, slots, subject) => {
    const sessionId = newSession();
    const propose = await say({ intent: 'CreateEventIntent', slots: { ...slots, date: '2026-12-11', time: '12:00' }, sessionId });
    expect(speech(propose)).toMatch(/Add lunch/);
    expect(speech(propose)).toMatch(/Bob Smith/i);
    const yes = await say({ intent: 'AMAZON.YesIntent', sessionId });
    expect(speech(yes)).toMatch(/^<speak>Done\./);
    const made = sim.exchange.calendar.findItems('alice@contoso.com', 'calendar').map((e) => JSON.stringify(e)).filter((e) => e.includes(subject) && e.includes('2026-12-11T20:00:00'));
    expect(made.length).toBeGreaterThan(0);
    expect(made.at(-1)).toContain('bob@contoso.com');
  });

  it('a title "with" someone the directory does not know is created as said, with nobody invited', async () => {
    const sessionId = newSession();
    const propose = await say({ intent: 'CreateEventIntent', slots: { title: 'dinner with mom', date: '2026-12-12', time: '19:00' }, sessionId });
    expect(speech(propose)).toMatch(/Add dinner with mom on Saturday at 7 PM/);
    expect(speech(await say({ intent: 'AMAZON.YesIntent', sessionId }))).toMatch(/^<speak>Done\. Dinner with mom is on your calendar/);
  });
});
