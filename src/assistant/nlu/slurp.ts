/** The SLURP view of an understanding: what `concierge nlu` prints and the shared scorer reads. */
import type { Understander } from './understand.js';
import type { UnderstandContext } from './types.js';

export interface SlurpPrediction {
  readonly id: string;
  readonly intent: string;
  readonly slots: readonly { readonly type: string; readonly value: string }[];
}

/**
 * One prediction line for the scorer. The slot spans are printed even when the line is judged out of
 * scope: they are what was heard, and a consumer that trusts the intent ignores them.
 */
export function predictSlurp(understand: Understander, id: string, text: string, ctx: UnderstandContext): SlurpPrediction {
  const u = understand(text, ctx);
  return { id, intent: u.coarse, slots: u.slots.raw.map((s) => ({ type: s.type, value: s.value })) };
}
