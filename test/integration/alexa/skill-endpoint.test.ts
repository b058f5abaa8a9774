import { randomUUID } from 'node:crypto';
import type { ResponseEnvelope } from 'ask-sdk-model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, oauth, type Database } from '../../../src/persistence/index.js';
import { SPEECH } from '../../../src/server/alexa/calendar-answer.js';
import { LINK_ACCOUNT_SPEECH, LINK_AGAIN_SPEECH } from '../../../src/server/alexa/skill.js';
import type { ConciergeServer } from '../../../src/server/app.js';
import { startSimulator, type RunningSimulator } from '../../../src/simulator/host.js';
import { CERT_URL, CLOCK, createAlexaPki, fixture, type AlexaPki, type FixtureEnvelope } from '../../unit/server/alexa/alexa-pki.js';
import { LogCapture } from '../../support/server.js';
import { ALEXA_ALICE, alexaOrganization, ALEXA_SVC, linkedTokens, PERSONAL_DEVICE, ROOM_DEVICE, startAlexaEndpoint } from './support.js';

const SVC = ALEXA_SVC;
const ALICE = ALEXA_ALICE;

/** Signed Alexa requests through the whole server: verification, account linking, the assistant, EWS (simulator). */
describe('POST /alexa with account linking and room devices', () => {
  let pki: AlexaPki;
  let sim: RunningSimulator;
  let database: Database;
  let server: ConciergeServer;
  let aliceToken: string;
  const logs = new LogCapture();

  beforeAll(async () => {
    pki = await createAlexaPki();
    sim = await startSimulator({
      port: 0,
      seed: alexaOrganization([
        // 2026-12-08 is the day the fixtures ask about (CLOCK); 10:00 and 14:30 in Los Angeles.
        { organizer: 'alice@contoso.com', subject: 'Quarterly planning', start: '2026-12-08T18:00:00Z', end: '2026-12-08T19:00:00Z', timeZone: 'Pacific Standard Time' },
        { organizer: 'alice@contoso.com', subject: 'Vendor call', start: '2026-12-08T22:30:00Z', end: '2026-12-08T23:00:00Z', timeZone: 'Pacific Standard Time' },
        { organizer: 'bob@contoso.com', subject: 'Bob private review', start: '2026-12-08T18:00:00Z', end: '2026-12-08T19:00:00Z', timeZone: 'Pacific Standard Time' },
        // The boardroom is in use at CLOCK (01:00 in Los Angeles): 00:30 to 01:30.
        { organizer: 'bob@contoso.com', subject: 'Night deploy', start: '2026-12-08T08:30:00Z', end: '2026-12-08T09:30:00Z', timeZone: 'Pacific Standard Time', rooms: ['boardroom@contoso.com'] },
      ]),
    });
    ({ database, server, aliceToken: aliceToken } = await startAlexaEndpoint(sim.ewsUrl, pki, CLOCK, logs));
  });
  afterAll(async () => {
    await server?.app.close();
    await database?.close();
    await sim?.close();
  });

  interface Ask {
    readonly token?: string | undefined;
    readonly device?: string;
    readonly sessionId?: string;
    readonly edit?: (e: FixtureEnvelope) => void;
  }

  /** Sends a fixture, signed like Alexa signs, as `token`'s user from `device`. */
  async function ask(name: string, opts: Ask = {}): Promise<ResponseEnvelope['response']> {
    const envelope = fixture(name) as FixtureEnvelope & { session: { sessionId: string }; context: { System: { device: { deviceId: string } } } };
    for (const user of [envelope.context.System.user, envelope.session.user]) {
      if (opts.token) user.accessToken = opts.token;
      else delete user.accessToken;
    }
    envelope.session.sessionId = opts.sessionId ?? `amzn1.echo-api.session.${randomUUID()}`;
    envelope.context.System.device.deviceId = opts.device ?? PERSONAL_DEVICE;
    opts.edit?.(envelope);
    const body = Buffer.from(JSON.stringify(envelope));
    const res = await server.app.inject({ method: 'POST', url: '/alexa', headers: { 'content-type': 'application/json', signaturecertchainurl: CERT_URL, 'signature-256': pki.sign(body) }, payload: body });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as ResponseEnvelope).response;
  }
  const speech = (r: ResponseEnvelope['response']) => (r.outputSpeech as { ssml?: string } | undefined)?.ssml ?? '';
  /** An edit of a fixture into `name` with these slot values (the other slots absent). */
  const asking = (name: string, values: Record<string, string>) => (e: FixtureEnvelope) => {
    const intent = e.request.intent as unknown as { name: string; slots: Record<string, { name: string; confirmationStatus: string; value?: string }> };
    intent.name = name;
    intent.slots = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { name: k, confirmationStatus: 'NONE', value: v }]));
  };

  it("answers a linked user from their own calendar in the simulator", async () => {
    const r = await ask('read-calendar-intent', { token: aliceToken });
    expect(r.card).toBeUndefined();
    expect(speech(r)).toMatch(/Quarterly planning/);
    expect(speech(r)).toMatch(/10 AM/);
    expect(speech(r)).toMatch(/Vendor call/);
    expect(speech(r)).not.toMatch(/Bob private review/);
    expect(r.shouldEndSession).toBe(true);
  });

  it('refuses a forged request before anything else', async () => {
    const body = Buffer.from(JSON.stringify(fixture('read-calendar-intent')));
    const res = await server.app.inject({ method: 'POST', url: '/alexa', headers: { 'content-type': 'application/json', signaturecertchainurl: CERT_URL, 'signature-256': pki.signWithStrangerKey(body) }, payload: body });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'AlexaVerificationFailed' });
  });

  it.each([
    ['no token', undefined, LINK_ACCOUNT_SPEECH],
    ['a token Concierge never issued', 'never-issued-token', LINK_AGAIN_SPEECH],
  ])('answers %s with the LinkAccount card and a spoken explanation', async (_what, token, said) => {
    const r = await ask('read-calendar-intent', { token });
    expect(r.card).toEqual({ type: 'LinkAccount' });
    expect(speech(r)).toBe(`<speak>${said}</speak>`);
    expect(speech(r)).not.toMatch(/Quarterly planning/);
    expect(r.shouldEndSession).toBe(true);
  });

  it('asks to link again once the tokens are revoked', async () => {
    const other = await linkedTokens(server.app, ALICE);
    expect(speech(await ask('read-calendar-intent', { token: other.access_token }))).toMatch(/Quarterly planning/);
    const accountId = (await oauth.accountForAccessToken(database.db, other.access_token))!;
    await oauth.revokeAllFor(database.db, accountId);
    const r = await ask('read-calendar-intent', { token: other.access_token });
    expect(r.card).toEqual({ type: 'LinkAccount' });
    aliceToken = (await linkedTokens(server.app, ALICE)).access_token;
  });

  it('explains, without a link card, when the person\'s calendar link is failing', async () => {
    await database.db.updateTable('people').set({ state: 'failing' }).where('email', '=', ALICE.email).execute();
    try {
      const r = await ask('read-calendar-intent', { token: aliceToken });
      expect(speech(r)).toContain(SPEECH.calendarFailing);
      expect(r.card).toBeUndefined();
    } finally {
      await database.db.updateTable('people').set({ state: 'linked' }).where('email', '=', ALICE.email).execute();
    }
  });

  it('books after "yes" in the same session, and audits the write as alexa:<account>', async () => {
    const sessionId = `amzn1.echo-api.session.${randomUUID()}`;
    const propose = await ask('create-event-intent', {
      token: aliceToken,
      sessionId,
      edit: (e) => {
        // No attendee: the point here is the confirmation and the audit, not name resolution.
        (e.request.intent as unknown as { slots: Record<string, unknown> }).slots.person = { name: 'person', confirmationStatus: 'NONE' };
      },
    });
    expect(speech(propose)).toMatch(/budget review/i);
    expect(propose.shouldEndSession).toBe(false);
    expect(propose.reprompt).toBeDefined();
    const yes = await ask('yes-intent', { token: aliceToken, sessionId });
    expect(speech(yes)).toMatch(/^<speak>Done\./);
    const audit = await auditLog.list(database.db, { action: 'calendar.create' });
    expect(audit[0]).toMatchObject({ actor: 'alexa:alice@contoso.com', target: 'alice@contoso.com', result: 'ok', detail: { subject: 'Budget review', start: '2026-12-09T22:00:00Z' } });
    const read = await ask('read-calendar-intent', { token: aliceToken, edit: (e) => void ((e.request.intent as unknown as { slots: { date: { value: string } } }).slots.date.value = '2026-12-09') });
    expect(speech(read)).toMatch(/budget review/i);
  });

  it('asks when for an event on a day but at no time, and takes "noon" as the answer (TimeAnswerIntent)', async () => {
    const sessionId = `amzn1.echo-api.session.${randomUUID()}`;
    type Slots = Record<string, { name: string; confirmationStatus: string; value?: string }>;
    const slotsOf = (e: FixtureEnvelope) => (e.request.intent as unknown as { name: string; slots: Slots });
    const asked = await ask('create-event-intent', {
      token: aliceToken,
      sessionId,
      edit: (e) => {
        const intent = slotsOf(e);
        intent.slots.title!.value = 'lunch';
        for (const name of ['time', 'duration', 'person']) intent.slots[name] = { name, confirmationStatus: 'NONE' };
      },
    });
    expect(speech(asked)).toMatch(/What time tomorrow should lunch be\?/);
    expect(asked.shouldEndSession).toBe(false);
    const propose = await ask('create-event-intent', {
      token: aliceToken,
      sessionId,
      edit: (e) => {
        const intent = slotsOf(e);
        intent.name = 'TimeAnswerIntent';
        intent.slots = { date: { name: 'date', confirmationStatus: 'NONE' }, time: { name: 'time', confirmationStatus: 'NONE', value: '12:00' } };
      },
    });
    // The day asked about (Wednesday 9 December, tomorrow at the fixture's time) is kept; the time is the answer's.
    expect(speech(propose)).toMatch(/Add lunch tomorrow at noon for one hour\?/);
    const no = await ask('create-event-intent', { token: aliceToken, sessionId, edit: (e) => void (slotsOf(e).name = 'AMAZON.NoIntent') });
    expect(speech(no)).toMatch(/OK, I won't/);
  });

  it('"am I busy at 10" (AmIBusyIntent) says yes when "am I free at 10" (AmIFreeIntent) says no', async () => {
    const at10 = { date: '2026-12-08', time: '10:00' };
    expect(speech(await ask('read-calendar-intent', { token: aliceToken, edit: asking('AmIBusyIntent', at10) }))).toMatch(/Yes, you have Quarterly planning/);
    expect(speech(await ask('read-calendar-intent', { token: aliceToken, edit: asking('AmIFreeIntent', at10) }))).toMatch(/No, you have Quarterly planning/);
  });

  it('names the event to cancel ({query}), moves one by a length said ("push my 10 o\'clock by 30 minutes"), and reads the next hours', async () => {
    expect(speech(await ask('read-calendar-intent', { token: aliceToken, edit: asking('CancelEventIntent', { query: 'quarterly planning' }) }))).toMatch(/Cancel Quarterly planning/);
    expect(speech(await ask('read-calendar-intent', { token: aliceToken, edit: asking('MoveEventIntent', { fromDate: '2026-12-08', fromTime: '10:00', duration: 'PT30M' }) }))).toMatch(/Move Quarterly planning to today at 10:30 AM\?/);
    const next = await ask('read-calendar-intent', { token: aliceToken, edit: asking('ReadCalendarIntent', { duration: 'PT10H' }) });
    expect(speech(next)).toMatch(/Quarterly planning/);
    expect(speech(next)).not.toMatch(/Vendor call/);
  });

  it('asks which Bob, and takes "Bob Jones" or "the second one" as the answer (PersonAnswerIntent)', async () => {
    type Slots = Record<string, { name: string; confirmationStatus: string; value?: string }>;
    const intentOf = (e: FixtureEnvelope) => e.request.intent as unknown as { name: string; slots: Slots };
    for (const [answer, who] of [[{ person: 'bob jones' }, 'Bob Jones'], [{ ordinal: '2' }, 'Bob Smith']] as const) {
      const sessionId = `amzn1.echo-api.session.${randomUUID()}`;
      const asked = await ask('create-event-intent', { token: aliceToken, sessionId }); // "budget review" with bob, Wednesday at 2 for 30 minutes
      expect(speech(asked)).toMatch(/Which bob do you mean: Bob Jones, or Bob Smith\?/i);
      const propose = await ask('create-event-intent', {
        token: aliceToken,
        sessionId,
        edit: (e) => {
          const intent = intentOf(e);
          intent.name = 'PersonAnswerIntent';
          intent.slots = Object.fromEntries(['person', 'ordinal'].map((name) => [name, { name, confirmationStatus: 'NONE', ...(name in answer ? { value: (answer as Record<string, string>)[name] } : {}) }]));
        },
      });
      expect(speech(propose)).toContain(`with ${who}`);
      expect(propose.shouldEndSession).toBe(false);
      await ask('create-event-intent', { token: aliceToken, sessionId, edit: (e) => void (intentOf(e).name = 'AMAZON.NoIntent') });
    }
  });

  it("welcomes anyone at a room's Echo by the room's name, without a linked account", async () => {
    const r = await ask('launch-request', { device: ROOM_DEVICE });
    expect(r.card).toBeUndefined();
    expect(speech(r)).toContain('This is Boardroom.');
    expect(r.shouldEndSession).toBe(false);
    const seen = await database.db.selectFrom('room_devices').select('last_seen_at').where('id', '=', 'dev-1').executeTakeFirstOrThrow();
    expect(seen.last_seen_at).not.toBeNull();
  });

  const roomIntent = (name: string) => (e: FixtureEnvelope) => void (e.request.intent = { name, slots: {} } as never);

  it('answers "is this room free" on a room device without a linked user, from the room\'s calendar', async () => {
    const sessionId = `amzn1.echo-api.session.${randomUUID()}`;
    const r = await ask('read-calendar-intent', { device: ROOM_DEVICE, sessionId, edit: roomIntent('RoomIsFreeIntent') });
    expect(r.card).toBeUndefined();
    expect(speech(r)).toBe('<speak>No. Boardroom is booked until 1:30 AM.</speak>');
    // The turn reached the assistant for the room's mailbox: its dialog state is keyed by session and room.
    const state = await database.db.selectFrom('dialog_state').select('user_id').where('session_id', '=', sessionId).execute();
    expect(state.map((s) => s.user_id)).toEqual(['boardroom@contoso.com']);
    const who = await ask('read-calendar-intent', { device: ROOM_DEVICE, edit: roomIntent('RoomWhoBookedIntent') });
    expect(speech(who)).toMatch(/Bob Smith booked Boardroom now, until 1:30 AM/);
  });

  it('lets a linked user at a room device ask about the room too', async () => {
    const r = await ask('read-calendar-intent', { token: aliceToken, device: ROOM_DEVICE, edit: roomIntent('RoomIsFreeIntent') });
    expect(speech(r)).toMatch(/Boardroom is booked until 1:30 AM/);
    const mine = await ask('read-calendar-intent', { token: aliceToken, device: ROOM_DEVICE });
    expect(speech(mine)).toMatch(/Quarterly planning/);
  });

  it("still needs a linked account for a personal question on a room's Echo", async () => {
    const r = await ask('read-calendar-intent', { device: ROOM_DEVICE });
    expect(r.card).toEqual({ type: 'LinkAccount' });
  });
});
