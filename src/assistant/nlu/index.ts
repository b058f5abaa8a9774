/**
 * Concierge's language understanding: `understand(text, { now, timeZone })`.
 *
 * @example
 * understand('add lunch with Bob Friday at noon', { now: new Date('2026-03-04T17:00:00Z'), timeZone: 'America/New_York' })
 * // -> { intent: 'create_event', coarse: 'calendar_set',
 * //      slots: { title: 'lunch', people: ['bob'], start: '2026-03-06T17:00:00Z', end: '2026-03-06T18:00:00Z', durationMinutes: 60, raw: [...] }, ... }
 *
 * The models in ./model were trained by scripts/train-nlu.ts on SLURP and HWU64 text (CC BY 4.0; see
 * ./model/ATTRIBUTION.md).
 */
import intentModel from './model/intent.json' with { type: 'json' };
import taggerModel from './model/tagger.json' with { type: 'json' };
import type { IntentModel, TaggerModel } from './model.js';
import { createUnderstander, type NluModels } from './understand.js';

export const SHIPPED_MODELS: NluModels = {
  intent: intentModel as IntentModel,
  tagger: taggerModel as TaggerModel,
};

/** Understands one utterance with the shipped models. Pure: `ctx.now` is the reference instant. */
export const understand = createUnderstander(SHIPPED_MODELS);

export { createUnderstander, type NluModels, type Understander } from './understand.js';
export { predictSlurp, type SlurpPrediction } from './slurp.js';
export type { CoarseIntent, Intent, RawSlot, Slots, Understanding, UnderstandContext } from './types.js';
export { COARSE_INTENTS, INTENTS } from './types.js';
