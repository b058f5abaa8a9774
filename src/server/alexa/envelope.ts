import type { RequestEnvelope } from 'ask-sdk-model';
import { z } from 'zod';

/**
 * The parts of an Alexa request envelope that Concierge relies on, checked before anything trusts them.
 * Objects are loose: Alexa adds fields over time (viewport, APL, unit), and ask-sdk reads them as they are.
 * https://developer.amazon.com/en-US/docs/alexa/custom-skills/request-and-response-json-reference.html
 */
const application = z.looseObject({ applicationId: z.string().min(1) });
const user = z.looseObject({ userId: z.string().min(1), accessToken: z.string().min(1).optional() });

const slot = z.looseObject({ name: z.string(), value: z.string().optional() });
const intent = z.looseObject({ name: z.string().min(1), slots: z.record(z.string(), slot).optional() });

const envelopeSchema = z.looseObject({
  version: z.string(),
  session: z.looseObject({ new: z.boolean(), sessionId: z.string().min(1), application, user }).optional(),
  context: z.looseObject({
    System: z.looseObject({ application, user, device: z.looseObject({ deviceId: z.string().optional() }).optional() }),
  }),
  request: z.looseObject({
    type: z.string().min(1),
    requestId: z.string().min(1),
    timestamp: z.string().min(1),
    locale: z.string().optional(),
    intent: intent.optional(),
  }),
});

/** Why a body is not an Alexa envelope, or the envelope. */
export type EnvelopeResult = { readonly ok: true; readonly envelope: RequestEnvelope } | { readonly ok: false; readonly why: string };

/**
 * Parses the exact request bytes as an Alexa envelope. `__proto__` keys are dropped while parsing, so a
 * crafted body cannot reach an object's prototype through a later spread or merge.
 */
export function parseEnvelope(body: Buffer): EnvelopeResult {
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'), (key, value: unknown) => (key === '__proto__' ? undefined : value));
  } catch (err) {
    return { ok: false, why: `the body is not JSON (${(err as Error).message})` };
  }
  const parsed = envelopeSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, why: `the body is not an Alexa request: ${issue.path.join('.') || 'body'}: ${issue.message}` };
  }
  // The schema checked every field Concierge reads; the rest is ask-sdk's, in Alexa's own shape.
  return { ok: true, envelope: parsed.data as unknown as RequestEnvelope };
}
