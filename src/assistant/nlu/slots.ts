/** SLURP-style slot spans from the tagger's labels, with convention fixes the data is consistent about. */
import { wordClass } from './features.js';
import { spansFromBio } from './model.js';
import type { RawSlot } from './types.js';

export interface Span {
  readonly type: string;
  readonly from: number;
  readonly to: number;
}

const HEADS = /^(meeting|meetings|appointment|appointments|appt|party|parties|conference|call|calls|review|class|lesson|practice|game|match|concert|dinner|lunch|anniversary|birthday|session|interview|checkup|check-up|festival|reunion|ceremony)$/;
const NOT_MODIFIER = /^(what|which|whose|how|many|much|as|so|up|out|off|down|it|them|a|an|the|my|our|your|his|her|their|this|that|these|those|next|last|first|every|each|all|any|some|no|new|upcoming|future|other|scheduled|recurring|repeating|daily|weekly|monthly|today|tomorrow|tonight|set|add|delete|remove|cancel|schedule|book|create|make|have|had|is|are|was|i|me|with|for|at|on|in|to|of|from|about|and|or|remind|reminder|event|events|calendar)$/;

/** "office [meeting]" -> "[office meeting]": SLURP's event names keep the words that qualify a generic head. */
function extendCompounds(words: readonly string[], spans: Span[]): Span[] {
  return spans.map((s) => {
    if (s.type !== 'event_name' || s.to - s.from !== 1 || !HEADS.test(words[s.from]!)) return s;
    const prev = words[s.from - 1];
    if (prev === undefined || NOT_MODIFIER.test(prev) || prev.endsWith("'s") || wordClass(prev) !== 'w' && wordClass(prev) !== 'eventnoun' && wordClass(prev) !== 'relation' && wordClass(prev) !== 'meal') return s;
    if (spans.some((o) => o !== s && o.to === s.from)) return s;
    return { ...s, from: s.from - 1 };
  });
}

/** Slot spans as SLURP writes them: the original words, lower case. */
export function rawSlots(words: readonly string[], labels: readonly string[]): { raw: RawSlot[]; spans: Span[] } {
  const spans = extendCompounds(words, spansFromBio(labels));
  return { spans, raw: spans.map((s) => ({ type: s.type, value: words.slice(s.from, s.to).join(' ') })) };
}
