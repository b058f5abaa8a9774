/**
 * The name a new event was given, as said between the command and what follows it: "add [budget plan]
 * tomorrow at 10", "add [catch up] with ann", "put [team lunch] on friday", "add [lunch and learn] thursday".
 * The tagger often catches only part of such a name ("budget", "lunch"); Exchange should get all of it.
 */
import type { Span } from './slots.js';
import type { Token } from './text.js';
import { NOT_A_NAME, WHEN_TOKEN } from './name-words.js';

const COMMAND = /^(add|schedule|put|create|book|plan|arrange|organi[sz]e|pencil|stick|pop|slot|jot)$/;
const OPENING = /^(please|can|could|would|you|hey|alexa|kindly|just|go|ahead|and|i|want|to|need|like|i'd)$/;
/** Said before the name, not part of it: an article, "in" of "pencil in", a repeat ("add weekly check-in"). */
const BEFORE_NAME = /^(a|an|the|my|our|in|down|me|us|please|new|daily|weekly|monthly|yearly|annual|fortnightly|biweekly)$/;
/** A length said before the name ("add a 30 minute budget plan", "add one hour focus block"): when, not what. */
const LENGTH_FIRST = /^(?:\d+(?:\.\d+)?|an?|one|two|three|four|five|ten|fifteen|twenty|thirty|forty five|ninety|half an?)[ -](?:minutes?|mins?|hours?|hrs?)$/;
/** Words that alone name no event: a title from them says nothing. */
const NO_NAME = /^(?:events?|meetings?|appointments?|something|anything|it|this|that|one|thing|time|reminder)$/;
/** Words that end the name: what follows says when, with whom, where or how often. */
const ENDS_NAME = /^(last|first|second|third|fourth|fifth|other|at|on|with|w\/|w\/o|without|except|re|regarding|via|called|named|titled|for|from|to|until|till|til|by|in|into|every|each|starting|beginning|this|next|tomorrow|today|tonight|tmrw|tmr|around|about|before|after|please|between|during|later|noon|midnight)$/;
/** A group met is part of a name said before the meeting ("team lunch"), not a guest. */
export const GROUP = /^(team|family|staff|department|company|office|board|class|club|crew|squad)$/;
const WHEN_TYPES = new Set(['date', 'time', 'timeofday', 'general_frequency']);
const WHEN_OR_PLACE = new Set([...WHEN_TYPES, 'place_name']);

const covers = (spans: readonly Span[], i: number, types: ReadonlySet<string>): boolean => spans.some((s) => s.from <= i && i < s.to && types.has(s.type));

/** The tokens [from, to) of the name said after an opening command, or undefined when the request has no such shape. */
export function saidNameSpan(tokens: readonly Token[], spans: readonly Span[]): { from: number; to: number } | undefined {
  const lower = tokens.map((t) => t.lower);
  let from = 0;
  while (from < lower.length && OPENING.test(lower[from]!)) from++;
  const setUp = lower[from] === 'set' && lower[from + 1] === 'up';
  if (!setUp && !COMMAND.test(lower[from] ?? '')) return undefined;
  from += setUp ? 2 : 1;
  for (let moved = true; moved; ) {
    moved = false;
    while (from < lower.length && BEFORE_NAME.test(lower[from]!)) [from, moved] = [from + 1, true];
    const two = `${lower[from] ?? ''} ${lower[from + 1] ?? ''}`;
    const three = `${two} ${lower[from + 2] ?? ''}`;
    if (LENGTH_FIRST.test(three)) [from, moved] = [from + 3, true];
    else if (LENGTH_FIRST.test(two)) [from, moved] = [from + 2, true];
  }
  let to = from;
  for (; to < lower.length; to++) {
    const w = lower[to]!;
    if (ENDS_NAME.test(w) || WHEN_TOKEN.test(w) || !/^[a-z][a-z'&-]*$/.test(w) || covers(spans, to, WHEN_OR_PLACE)) break;
    if (covers(spans, to, new Set(['person', 'relation'])) && !GROUP.test(w)) break;
    // "lunch and learn", but not "lunch and invite bob": an "and" before a command word ends the name.
    if (w === 'and' && (to === from || NOT_A_NAME.test(lower[to + 1] ?? 'at') || ENDS_NAME.test(lower[to + 1] ?? 'at'))) break;
    if (/^(end|close|quarter|half)$/.test(w) && /^(of|to|past)$/.test(lower[to + 1] ?? '')) break;
  }
  while (to > from && /^(and|the|a|an)$/.test(lower[to - 1]!)) to--;
  return to > from && to - from <= 6 ? { from, to } : undefined;
}

/**
 * `title` widened to the whole name said, when the words the tagger (or a rule) took are part of it; else `title`.
 * ("add [budget] plan tomorrow" -> "budget plan"; a title found elsewhere in the request is kept as it is.)
 */
export function widenedToSaidName(tokens: readonly Token[], spans: readonly Span[], title: string | undefined): { title: string | undefined; span?: { from: number; to: number } } {
  const span = saidNameSpan(tokens, spans);
  if (!span) return { title };
  const said = tokens.slice(span.from, span.to).map((t) => t.lower);
  if (said.every((w) => NO_NAME.test(w) || NOT_A_NAME.test(w))) return { title };
  // No title found, or one found only after the when ("add budget plan tomorrow at 10 k thanks bye"): the name said first.
  const at = title === undefined ? -1 : tokens.findIndex((_, i) => title.toLowerCase().split(' ').every((w, k) => tokens[i + k]?.lower === w));
  // (Only past a when: "book fishbowl for a call with ann" names a call, booked in the Fishbowl.)
  const pastAWhen = at > span.to && spans.some((sp) => WHEN_TYPES.has(sp.type) && sp.from >= span.to && sp.from < at);
  if (title === undefined || pastAWhen) return { title: said.join(' '), span };
  const want = title.toLowerCase().split(' ');
  if (want.length >= said.length) return { title };
  const inside = said.some((_, i) => want.every((w, k) => said[i + k] === w));
  return inside ? { title: said.join(' '), span } : { title };
}
