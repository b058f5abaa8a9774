/**
 * How often an event repeats, said as a word of its name: "the weekly planning", "my daily standup", "the
 * monthly review". Asking about, moving or cancelling one names the event, whose subject holds the word
 * ("Weekly planning"): the word stays in the title. Creating one says the repeat (`repeat.ts`), which the
 * series keeps; the title is then the rest ("add weekly planning" -> "planning", every week), as for "add
 * a weekly sync" -> "sync".
 */
import { wordClass } from './features.js';
import type { Span } from './slots.js';
import type { Intent } from './types.js';
import { NOT_A_NAME, TRAILING } from './name-words.js';

/** Frequencies said as one word before a name; not "every" or "each", which say a day or a time after them. */
export const FREQUENCY_WORD = /^(daily|weekly|biweekly|bi-weekly|fortnightly|monthly|quarterly|yearly|annual|nightly)$/;

export interface FrequencyNames {
  /** The spans to describe the request from (SLURP's own spans stay as the tagger said them). */
  readonly spans: readonly Span[];
  /** The frequency words that are words of a name, to be read as name words. */
  readonly nameWords: ReadonlySet<string>;
}

/** Whether the word at `i` can go on a name: a plain word or a kind of event, or a name the tagger found. */
function nameFollows(words: readonly string[], spans: readonly Span[], i: number): boolean {
  const w = words[i];
  if (w === undefined || NOT_A_NAME.test(w) || TRAILING.test(w)) return false;
  return spans.some((s) => s.type === 'event_name' && s.from === i) || ['w', 'eventnoun'].includes(wordClass(w));
}

/**
 * The spans with each frequency word said before a name made part of the name (find, move, cancel, reads),
 * or, for a new event, the name words the tagger took for part of a frequency ("[weekly planning]") made
 * the name, the frequency word left a frequency.
 */
export function frequencyNames(words: readonly string[], spans: readonly Span[], intent: Intent): FrequencyNames {
  const at = words.flatMap((w, i) => (FREQUENCY_WORD.test(w) && nameFollows(words, spans, i + 1) ? [i] : []));
  if (at.length === 0) return { spans, nameWords: new Set() };
  const creating = intent === 'create_event';
  let out = [...spans];
  for (const i of at) {
    const frequency = out.find((s) => s.type === 'general_frequency' && s.from <= i && i < s.to);
    if (creating) {
      // "[weekly planning]" -> "[weekly]" "[planning]".
      if (frequency && frequency.from === i && frequency.to > i + 1) out = [...out.filter((s) => s !== frequency), { ...frequency, to: i + 1 }, { type: 'event_name', from: i + 1, to: frequency.to }];
      continue;
    }
    const named = out.find((s) => s.type === 'event_name' && s.from === i + 1);
    out = out.filter((s) => s !== frequency && s !== named);
    // "the [daily] [standup]" -> "the [daily standup]"; "[weekly planning]" -> the name it is.
    const to = Math.max(named?.to ?? i + 1, frequency?.to ?? i + 1);
    if (named || to > i + 1) out.push({ type: 'event_name', from: i, to });
  }
  out.sort((a, b) => a.from - b.from);
  return { spans: out, nameWords: creating ? new Set() : new Set(at.map((i) => words[i]!)) };
}
