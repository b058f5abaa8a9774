import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import type { FastifyBaseLogger } from 'fastify';
import { describe, expect, it, vi } from 'vitest';
import { createAlexaSkill, LINK_ACCOUNT_SPEECH, LINK_AGAIN_SPEECH, slotValue, type AlexaSkillOptions } from '../../../../src/server/alexa/skill.js';
import type { AssistantReply, AssistantTurn } from '../../../../src/server/alexa/turn.js';
import { EwsError } from '../../../../src/ews/errors.js';
import { fixture } from './alexa-pki.js';

const SAID: AssistantReply = { text: 'Done.', ssml: 'Done.', endSession: true };

function harness(options: Partial<AlexaSkillOptions> & { reply?: AssistantReply } = {}) {
  const turns: AssistantTurn[] = [];
  const log = { error: vi.fn(), warn: vi.fn(), info: vi.fn(), debug: vi.fn() };
  const skill = createAlexaSkill({
    resolveUser: async (token) => (token === 'linked-token-alice' ? 'user-alice' : undefined),
    answer: async (turn) => {
      turns.push(turn);
      return options.reply ?? SAID;
    },
    ...options,
  });
  const invoke = (envelope: unknown): Promise<ResponseEnvelope> => skill.invoke(envelope as RequestEnvelope, { log: log as unknown as FastifyBaseLogger });
  return { turns, log, invoke };
}

/** A fixture as a different (or no) linked user. */
function withToken(name: string, token: string | undefined) {
  const envelope = fixture(name);
  for (const user of [envelope.context.System.user, envelope.session?.user]) {
    if (!user) continue;
    if (token) user.accessToken = token;
    else delete user.accessToken;
  }
  return envelope;
}

describe('the Alexa skill', () => {
  it('turns a LaunchRequest into a turn named after the request type', async () => {
    const { turns, invoke } = harness();
    const out = await invoke(fixture('launch-request'));
    expect(turns[0]).toMatchObject({ intent: 'LaunchRequest', slots: {}, newSession: true, userRef: { userId: 'user-alice' } });
    expect(out.response.outputSpeech).toEqual({ type: 'SSML', ssml: '<speak>Done.</speak>' });
  });

  it('passes every declared slot, filled or not', async () => {
    const { turns, invoke } = harness();
    await invoke(fixture('create-event-intent'));
    expect(turns[0]?.intent).toBe('CreateEventIntent');
    expect(turns[0]?.slots).toEqual({ title: 'budget review', date: '2026-12-09', time: '14:00', duration: 'PT30M', person: 'bob' });
    expect(turns[0]?.newSession).toBe(false);
  });

  it('passes built-in intents by their names', async () => {
    const { turns, invoke } = harness();
    await invoke(fixture('yes-intent'));
    expect(turns[0]).toMatchObject({ intent: 'AMAZON.YesIntent', slots: {} });
  });

  it('tells the assistant a session ended, and says nothing', async () => {
    const { turns, invoke } = harness();
    const out = await invoke(fixture('session-ended-request'));
    expect(turns[0]).toMatchObject({ intent: 'SessionEndedRequest', slots: { reason: 'USER_INITIATED', error: undefined } });
    expect(out.response).toEqual({});
  });

  it('keeps the session open with a reprompt when the assistant asks a question', async () => {
    const { invoke } = harness({ reply: { text: 'Book it?', ssml: '<speak>Shall I book it?</speak>', reprompt: 'Shall I book it? Say yes or no.', endSession: false } });
    const out = await invoke(fixture('create-event-intent'));
    expect(out.response).toEqual({
      outputSpeech: { type: 'SSML', ssml: '<speak>Shall I book it?</speak>' },
      reprompt: { outputSpeech: { type: 'SSML', ssml: '<speak>Shall I book it? Say yes or no.</speak>' } },
      shouldEndSession: false,
    });
  });

  it('adds a LinkAccount card when the assistant asks for one', async () => {
    const { invoke } = harness({ reply: { ...SAID, linkAccount: true } });
    const out = await invoke(fixture('read-calendar-intent'));
    expect(out.response.card).toEqual({ type: 'LinkAccount' });
  });

  it.each([
    ['no access token', undefined, LINK_ACCOUNT_SPEECH],
    ['an unknown access token', 'revoked-token', LINK_AGAIN_SPEECH],
  ])('asks a user with %s to link, without asking the assistant', async (_what, token, speech) => {
    const { turns, invoke } = harness();
    const out = await invoke(withToken('read-calendar-intent', token));
    expect(out.response).toEqual({ outputSpeech: { type: 'SSML', ssml: `<speak>${speech}</speak>` }, card: { type: 'LinkAccount' }, shouldEndSession: true });
    expect(speech).toMatch(/link your (Concierge )?account.* in the Alexa app/);
    expect(turns).toEqual([]);
  });

  const BOARDROOM = { id: 'room-1', email: 'boardroom@contoso.com', name: 'Boardroom' };
  const resolveRoom = async (deviceId: string) => (deviceId === 'amzn1.ask.device.AFTESTDEVICE0000BOARDROOM' ? BOARDROOM : undefined);

  it("answers a room intent on a room's device without a linked user, and says which room", async () => {
    const { turns, invoke } = harness({ resolveRoom });
    const envelope = withToken('read-calendar-intent', undefined);
    envelope.request.intent = { name: 'RoomIsFreeIntent', slots: {} } as never;
    const out = await invoke(envelope);
    expect(out.response.card).toBeUndefined();
    expect(turns).toHaveLength(1);
    expect(turns[0]).toMatchObject({ intent: 'RoomIsFreeIntent', room: BOARDROOM, deviceId: 'amzn1.ask.device.AFTESTDEVICE0000BOARDROOM' });
    expect(turns[0]?.userRef.userId).toBeUndefined();
  });

  it("still asks to link for a personal calendar question on a room's device", async () => {
    const { turns, invoke } = harness({ resolveRoom });
    const out = await invoke(withToken('read-calendar-intent', undefined));
    expect(out.response.card).toEqual({ type: 'LinkAccount' });
    expect(turns).toEqual([]);
  });

  it('passes both the linked user and the room when a linked user speaks to a room device', async () => {
    const { turns, invoke } = harness({ resolveRoom });
    await invoke(fixture('read-calendar-intent'));
    expect(turns[0]).toMatchObject({ userRef: { userId: 'user-alice' }, room: BOARDROOM });
  });

  it('lets an unlinked user stop without a lecture', async () => {
    const { invoke } = harness();
    const stop = withToken('yes-intent', undefined);
    stop.request.intent = { name: 'AMAZON.StopIntent' };
    expect((await invoke(stop)).response).toEqual({ shouldEndSession: true });
    expect((await invoke(withToken('session-ended-request', undefined))).response).toEqual({});
  });

  it('lets an unlinked user, or anyone at a room device, go home (NavigateHomeIntent) without a link card', async () => {
    for (const options of [{}, { resolveRoom }]) {
      const { turns, invoke } = harness(options);
      const home = withToken('yes-intent', undefined);
      home.request.intent = { name: 'AMAZON.NavigateHomeIntent' };
      const out = await invoke(home);
      expect(out.response.card).toBeUndefined();
      expect(out.response.outputSpeech).toBeUndefined();
      expect(out.response.shouldEndSession).toBe(true);
      expect(turns).toEqual([]);
    }
  });

  it('apologises, and logs once, when the assistant fails', async () => {
    const { invoke, log } = harness({ answer: async () => Promise.reject(new Error('EWS down')) });
    const out = await invoke(fixture('read-calendar-intent'));
    expect(out.response.outputSpeech).toEqual({ type: 'SSML', ssml: '<speak>Sorry, I could not get to your calendar just now. Please try again in a moment.</speak>' });
    expect(out.response.shouldEndSession).toBe(true);
    expect(log.error).toHaveBeenCalledTimes(1);
  });

  it('says who can fix a failure that trying again will not mend, with the details on a card', async () => {
    const refused = new EwsError('ErrorImpersonateUserDenied', 'The service account may not impersonate alice@contoso.com.', 'Run New-ManagementRoleAssignment -Role ApplicationImpersonation -User svc.', { mailbox: 'alice@contoso.com' });
    const { invoke } = harness({ answer: async () => Promise.reject(refused) });
    const out = await invoke(fixture('read-calendar-intent'));
    expect(out.response.outputSpeech).toMatchObject({ ssml: expect.stringContaining('needs your Concierge administrator') });
    expect(out.response.outputSpeech).not.toMatchObject({ ssml: expect.stringContaining('try again') });
    expect(out.response.card).toEqual({ type: 'Simple', title: 'Concierge could not reach your calendar', content: expect.stringContaining('New-ManagementRoleAssignment') });
    expect(out.response.shouldEndSession).toBe(true);
  });

  it('asks to try again when Exchange is only busy or unreachable, without a card', async () => {
    for (const code of ['ErrorServerBusy', 'ConnectionRefused'] as const) {
      const { invoke } = harness({ answer: async () => Promise.reject(new EwsError(code, 'Exchange is busy.', 'Wait.')) });
      const out = await invoke(fixture('read-calendar-intent'));
      expect(out.response.outputSpeech).toMatchObject({ ssml: expect.stringContaining('Exchange is not answering just now') });
      expect(out.response.card).toBeUndefined();
    }
  });

  it('names a missing mailbox as the address to fix', async () => {
    const { invoke } = harness({ answer: async () => Promise.reject(new EwsError('ErrorNonExistentMailbox', 'No mailbox alice@contoso.com.', 'Check the address.')) });
    const out = await invoke(fixture('read-calendar-intent'));
    expect(out.response.outputSpeech).toMatchObject({ ssml: expect.stringContaining('no mailbox at the address') });
  });

  it('a slow "yes" is not "try again": the change may still land, and asking again could make it twice', async () => {
    const { invoke } = harness({ answerTimeoutMs: 20, answer: () => new Promise((resolve) => setTimeout(() => resolve(SAID), 500)) });
    const out = await invoke(fixture('yes-intent'));
    expect(out.response.outputSpeech).toMatchObject({ ssml: expect.stringContaining('may still go through. Check the calendar before you ask again') });
  });

  it('apologises before Alexa gives up when the assistant is slow', async () => {
    const { invoke, log } = harness({ answerTimeoutMs: 20, answer: () => new Promise((resolve) => setTimeout(() => resolve(SAID), 500)) });
    const out = await invoke(fixture('read-calendar-intent'));
    expect(out.response.outputSpeech).toMatchObject({ ssml: expect.stringContaining('taking too long') });
    expect(log.error.mock.calls[0]?.[0]).toMatchObject({ code: 'AlexaAnswerTimeout' });
  });

  it('acknowledges requests that are not conversation without speech', async () => {
    const { turns, invoke } = harness();
    const envelope = fixture('launch-request');
    envelope.request = { type: 'System.ExceptionEncountered', requestId: 'amzn1.echo-api.request.x', timestamp: '2026-12-08T09:00:00Z', locale: 'en-US', error: { type: 'INVALID_RESPONSE', message: 'bad' } };
    expect((await invoke(envelope)).response).toEqual({});
    expect(turns).toEqual([]);
  });

  it('prefers the canonical value of a resolved custom slot', () => {
    const resolved = { status: { code: 'ER_SUCCESS_MATCH' }, values: [{ value: { name: 'board room', id: 'board-room' } }], authority: 'amzn1.er-authority.echo-sdk.x.ROOM_NAME' };
    const slot = { name: 'room', value: 'boardroom', confirmationStatus: 'NONE', resolutions: { resolutionsPerAuthority: [resolved] } } as const;
    expect(slotValue(slot as never)).toBe('board room');
    expect(slotValue({ ...slot, resolutions: { resolutionsPerAuthority: [{ ...resolved, status: { code: 'ER_SUCCESS_NO_MATCH' }, values: [] }] } } as never)).toBe('boardroom');
    expect(slotValue(undefined)).toBeUndefined();
  });
});
