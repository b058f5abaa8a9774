import { getAccountLinkingAccessToken, getIntentName, getRequestType, SkillBuilders, type ErrorHandler, type HandlerInput, type RequestHandler, type Skill } from 'ask-sdk-core';
import type { IntentRequest, RequestEnvelope, Response, SessionEndedRequest, Slot } from 'ask-sdk-model';
import type { FastifyBaseLogger } from 'fastify';
import { AppError } from '../../shared/errors.js';
import { EXIT_INTENTS } from './exit-intents.js';
import { failureSpeech } from './failure-speech.js';
import { isRoomDeviceTurn } from './room-turns.js';
import type { AlexaRoomRef, Answer, AssistantReply, AssistantTurn, ResolveRoom, ResolveUser } from './turn.js';

/**
 * The Alexa custom skill: turns launch, intent and session-ended requests into {@link AssistantTurn}s, asks
 * the assistant, and renders its reply. It holds no calendar logic and no dialog state; both are the
 * assistant's. Requests reach it only after {@link AlexaRequestVerifier} accepted them.
 */

export interface AlexaSkillOptions {
  readonly answer: Answer;
  readonly resolveUser: ResolveUser;
  /** Device id -> meeting room; without it no device counts as a room's. */
  readonly resolveRoom?: ResolveRoom;
  /** Alexa waits 8 s for a response; past this, the user hears an apology instead of silence. Default 7000. */
  readonly answerTimeoutMs?: number;
}

/** What `skill.invoke(envelope, context)` is given per request. */
export interface AlexaInvocationContext {
  readonly log: FastifyBaseLogger;
}

export const LINK_ACCOUNT_SPEECH = 'To use Concierge, link your Concierge account in the Alexa app. I sent a card there to get you started.';
/** For a token Concierge no longer knows: it expired, or the link was ended (the person was revoked or removed). */
export const LINK_AGAIN_SPEECH = 'Your Concierge account link has ended. To keep using Concierge, link your account again in the Alexa app; I sent a card there.';

/** The requests a person makes; everything else (AudioPlayer events, System.ExceptionEncountered) is acknowledged silently. */
const CONVERSATION = new Set(['LaunchRequest', 'IntentRequest', 'SessionEndedRequest']);

class AnswerTimeout extends AppError {
  constructor(ms: number) {
    super('AlexaAnswerTimeout', `The assistant did not answer within ${ms} ms.`, 'Check the Exchange link (concierge analyze); Alexa gives a skill 8 seconds.');
  }
}

/** The canonical value when entity resolution matched one (custom types such as ROOM_NAME), else what was heard. */
export function slotValue(slot: Slot | undefined): string | undefined {
  for (const authority of slot?.resolutions?.resolutionsPerAuthority ?? []) {
    const name = authority.status.code === 'ER_SUCCESS_MATCH' ? authority.values[0]?.value.name : undefined;
    if (name) return name;
  }
  return slot?.value;
}

/** The neutral turn for a verified envelope. `userId` is the linked Concierge user, `room` the device's room, if any. */
export function toTurn(envelope: RequestEnvelope, userId: string | undefined, room?: AlexaRoomRef): AssistantTurn {
  const { request, session } = envelope;
  const system = envelope.context.System;
  const accessToken = getAccountLinkingAccessToken(envelope) || undefined;
  let intent: string = request.type;
  let slots: Record<string, string | undefined> = {};
  if (request.type === 'IntentRequest') {
    const r = request as IntentRequest;
    intent = r.intent.name;
    slots = Object.fromEntries(Object.entries(r.intent.slots ?? {}).map(([name, slot]) => [name, slotValue(slot)]));
  } else if (request.type === 'SessionEndedRequest') {
    const r = request as SessionEndedRequest;
    slots = { reason: r.reason, error: r.error?.type };
  }
  return {
    channel: 'alexa',
    userRef: { alexaUserId: system.user.userId, ...(accessToken ? { accessToken } : {}), ...(userId ? { userId } : {}) },
    sessionId: session?.sessionId ?? request.requestId,
    intent,
    slots,
    locale: 'locale' in request && typeof request.locale === 'string' ? request.locale : 'en-US',
    timestamp: request.timestamp,
    ...(system.device?.deviceId ? { deviceId: system.device.deviceId } : {}),
    ...(room ? { room } : {}),
    newSession: session?.new ?? false,
  };
}

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new AnswerTimeout(ms)), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

function render(input: HandlerInput, reply: AssistantReply): Response {
  const rb = input.responseBuilder;
  if (reply.ssml.trim() !== '') rb.speak(reply.ssml);
  if (reply.linkAccount) rb.withLinkAccountCard();
  if (reply.endSession) return rb.withShouldEndSession(true).getResponse();
  if (reply.reprompt) rb.reprompt(reply.reprompt);
  return rb.withShouldEndSession(false).getResponse();
}

function log(input: HandlerInput): FastifyBaseLogger | undefined {
  return (input.context as AlexaInvocationContext | undefined)?.log;
}

function conversationHandler(options: AlexaSkillOptions): RequestHandler {
  const timeoutMs = options.answerTimeoutMs ?? 7_000;
  return {
    canHandle: (input) => CONVERSATION.has(getRequestType(input.requestEnvelope)),
    async handle(input) {
      const envelope = input.requestEnvelope;
      const token = getAccountLinkingAccessToken(envelope);
      const deviceId = envelope.context.System.device?.deviceId;
      const [userId, room] = await Promise.all([token ? options.resolveUser(token) : undefined, deviceId && options.resolveRoom ? options.resolveRoom(deviceId) : undefined]);
      const turn = toTurn(envelope, userId, room);
      const mayAnswer = userId !== undefined || (room !== undefined && isRoomDeviceTurn(turn.intent));
      if (turn.intent === 'SessionEndedRequest') {
        // Alexa accepts no speech here; the assistant may still want to drop its dialog state.
        if (mayAnswer) await withTimeout(options.answer(turn), timeoutMs);
        return input.responseBuilder.getResponse();
      }
      if (!mayAnswer) {
        if (EXIT_INTENTS.has(turn.intent)) return input.responseBuilder.withShouldEndSession(true).getResponse();
        log(input)?.info({ alexaIntent: turn.intent, hadToken: Boolean(token), roomDevice: Boolean(room) }, 'Alexa user not linked; sent a LinkAccount card');
        return input.responseBuilder.speak(token ? LINK_AGAIN_SPEECH : LINK_ACCOUNT_SPEECH).withLinkAccountCard().withShouldEndSession(true).getResponse();
      }
      return render(input, await withTimeout(options.answer(turn), timeoutMs));
    },
  };
}

/** Acknowledges requests that want no speech (AudioPlayer, System.ExceptionEncountered, ...). */
const silentHandler: RequestHandler = {
  canHandle: () => true,
  handle(input) {
    log(input)?.debug({ alexaRequestType: getRequestType(input.requestEnvelope) }, 'Alexa request acknowledged without speech');
    return input.responseBuilder.getResponse();
  },
};

/** One place where a failed answer is logged and turned into words the person can act on (failure-speech.ts). */
const apologyHandler: ErrorHandler = {
  canHandle: () => true,
  handle(input, err) {
    const type = getRequestType(input.requestEnvelope);
    log(input)?.error({ err, code: err instanceof AppError ? err.code : undefined, alexaRequestType: type }, 'Alexa request failed');
    if (type === 'SessionEndedRequest' || !CONVERSATION.has(type)) return input.responseBuilder.getResponse();
    const intent = type === 'IntentRequest' ? getIntentName(input.requestEnvelope) : type;
    const { speech, card } = failureSpeech(err, err instanceof AnswerTimeout, intent);
    const response = input.responseBuilder.speak(speech).withShouldEndSession(true);
    return (card ? response.withSimpleCard(card.title, card.content) : response).getResponse();
  },
};

/** Builds the skill. Invoke it per verified request: `skill.invoke(envelope, { log: req.log })`. */
export function createAlexaSkill(options: AlexaSkillOptions): Skill {
  return SkillBuilders.custom().addRequestHandlers(conversationHandler(options), silentHandler).addErrorHandlers(apologyHandler).withCustomUserAgent('concierge').create();
}
