import type { FastifyInstance } from 'fastify';
import { createAlexaSkill, type AlexaInvocationContext } from './skill.js';
import type { Answer, ResolveRoom, ResolveUser } from './turn.js';
import { AlexaRequestVerifier, AlexaVerificationError, type AlexaVerifierOptions } from './verify.js';

export interface AlexaRouteOptions {
  /** The skill id from the Alexa developer console (`amzn1.ask.skill.…`). */
  readonly skillId: string;
  /** The assistant. */
  readonly answer: Answer;
  /** Account linking: access token -> Concierge user id, or undefined when unknown. */
  readonly resolveUser: ResolveUser;
  /** Device id -> the meeting room it stands in (room intents work there without a linked user). */
  readonly resolveRoom?: ResolveRoom;
  /** Default 7000: Alexa waits 8 s, and an apology beats silence. */
  readonly answerTimeoutMs?: number;
  /** Certificate fetcher, trusted roots, clock (tests inject all three; production takes the defaults). */
  readonly verification?: Omit<AlexaVerifierOptions, 'skillId'>;
  /** Default `/alexa`: the endpoint URL configured in skill/skill.json. */
  readonly path?: string;
}

/** Alexa envelopes are a few kilobytes; this leaves room for APL context without inviting abuse. */
const BODY_LIMIT = 256 * 1024;

/** The only thing a refused caller learns. The reason goes to the log. */
const REFUSAL = { type: 'about:blank', title: 'Request verification failed.', status: 400, code: 'AlexaVerificationFailed', detail: 'request verification failed', hint: 'Only Alexa may call this endpoint.' };

/**
 * Adds `POST /alexa`: verification on the exact request bytes, then the skill. Registered as its own
 * encapsulated plugin so its raw-body JSON parser applies to this route only; every other route keeps
 * Fastify's parsed JSON.
 *
 * @example
 * await registerAlexa(app, { skillId: config.alexa.skillId, answer: assistant.answer, resolveUser: links.resolveAlexaToken });
 */
export async function registerAlexa(app: FastifyInstance, options: AlexaRouteOptions): Promise<void> {
  const verifier = new AlexaRequestVerifier({ ...options.verification, skillId: options.skillId });
  const skill = createAlexaSkill({ answer: options.answer, resolveUser: options.resolveUser, ...(options.resolveRoom ? { resolveRoom: options.resolveRoom } : {}), ...(options.answerTimeoutMs ? { answerTimeoutMs: options.answerTimeoutMs } : {}) });

  await app.register(async (scope) => {
    // The signature covers the bytes Alexa sent; re-serialised JSON would not match it.
    scope.removeContentTypeParser('application/json');
    scope.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: BODY_LIMIT }, (_req, body, done) => done(null, body));

    scope.post(options.path ?? '/alexa', async (req, reply) => {
      let envelope;
      try {
        envelope = await verifier.verify(req.headers, req.body);
      } catch (err) {
        if (!(err instanceof AlexaVerificationError)) throw err;
        // Logged once, here. Warn, not info: a run of these is either an attack or a misconfigured skill id or clock.
        req.log.warn({ code: err.code, reason: err.message, hint: err.hint }, 'Alexa request refused');
        return reply.code(400).type('application/problem+json').send({ ...REFUSAL, requestId: req.id });
      }
      const context: AlexaInvocationContext = { log: req.log };
      const response = await skill.invoke(envelope, context);
      return reply.type('application/json; charset=utf-8').send(response);
    });
  });
}
