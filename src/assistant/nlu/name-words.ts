/**
 * Words as the describers of a request read them: which words end a phrase, which cannot be a name, which
 * are a when; and the small helpers over tokens they share.
 */
import type { Token } from './text.js';

/** Words that end a name or a list: prepositions, articles, and days said relative to today. */
export const TRAILING = /^(at|on|by|for|in|from|to|this|next|the|every|around|about|before|after|tomorrow|today|tonight|and|with|without|except|please)$/;

export function words(tokens: readonly Token[], from: number, to: number, original = false): string {
  return tokens.slice(from, to).map((t) => (original ? t.text : t.lower)).join(' ');
}

/** Possessives and articles are how a name was said, not part of it: "bob's" -> "bob". */
export function cleanName(value: string): string {
  return value.replace(/'s$|s'$/, '').replace(/^(my|the|our) /, '');
}

/** A typed clock, date or length: when or how long, never what or where ("2:30", "3/25", "30m", "1.5h"). */
export const WHEN_TOKEN = /^(\d+h\d{1,2}m?|\d{1,2}(:\d\d)?|\d+(\.\d+)?|\d{1,2}[/.-]\d{1,2}([/.-]\d{2,4})?|am|pm|-|\d+(\.\d+)?(m|min|mins|h|hr|hrs)|hours?|hrs?|minutes?|mins?)$/;

/** Words that open a request or stand for no event: never part of a name recovered from untagged words. */
export const NOT_A_NAME = /^(whole|entire|see|seeing|visit|back|later|earlier|forward|ahead|sooner|out|by|free|busy|available|around|there|here|ok|meet|meeting's|actually|instead|rather|okay|ok|yes|no|wait|sorry|maybe|let's|lets|how|hey|hi|alexa|add|schedule|create|book|put|set|make|plan|arrange|block|hold|reserve|mark|pencil|save|enter|insert|invite|cancel|delete|remove|clear|drop|move|reschedule|postpone|postponed|delay|delayed|push|pull|bring|shift|bump|change|when|where|what|what's|whats|when's|which|who|is|are|was|will|does|do|did|time|find|show|tell|check|look|please|can|could|would|you|i|i'm|want|need|have|has|to|me|my|our|the|a|an|this|that|it|its|those|these|new|next|last|first|upcoming|all|every|everything|anything|something|nothing|event|events|calendar|calender|schedule|agenda|diary|up|about|start|starts|begin|begins|scheduled|planned|again|remind|reminder|note|there|here|any|some|one|of|and|or|so|just|also|then|now|today|tonight|tomorrow|many|much)$/;

/** Whether a comma (or other mark) was typed between token `k` and the one before it: tokens keep no punctuation. */
export const commaBefore = (tokens: readonly Token[], k: number): boolean => k > 0 && tokens[k]!.start - tokens[k - 1]!.end > 1;

/** Days, months and parts of day said as words: a when, never a name. */
export const DAY_OR_MONTH = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|noon|midnight|morning|afternoon|evening|night|weekend|week|month|day|days|o'clock|oclock)$/;
