/**
 * A request read by its shape, where the tagger's spans fall short: the guests of a list ("with ann,
 * bob smith and dave kim", "invite ann and dave"), the place after "in the" ("in the huddle room", "in
 * room 101"), and the name said before them ("add all hands with ..."). The tagger learned lists and
 * room names from few lines; it takes "bob jones" or "huddle room" for the event's name.
 */
import { wordClass } from './features.js';
import { EVENT_NOUNS } from './lexicon.js';
import { cleanName, commaBefore, DAY_OR_MONTH, NOT_A_NAME, TRAILING, WHEN_TOKEN, words } from './name-words.js';
import type { Token } from './text.js';

export interface GuestList {
  /** The names as said, one per guest ("bob smith", "ann"). */
  readonly names: readonly string[];
  /** The word that opened the list ("with", "invite"). */
  readonly anchor: number;
  /** Tokens [from, to) of the names. */
  readonly from: number;
  readonly to: number;
}

/** Words that say who in general, not which person ("with the team", "with everyone"), or what about ("re:"). */
const NOBODY_IN_PARTICULAR = /^(re|regarding|team|everyone|everybody|people|them|him|her|us|you|friends|family|folks|guys|all|client|clients|customer|customers|vendor|vendors|boss|manager)$/;

/** A word that may be (part of) a person's name as said. */
function nameLike(w: string | undefined): w is string {
  return w !== undefined && /^[a-z][a-z'.-]*$/.test(w) && !NOT_A_NAME.test(w) && !TRAILING.test(w) && !DAY_OR_MONTH.test(w) && !WHEN_TOKEN.test(w) && !EVENT_NOUNS.has(w) && !NOBODY_IN_PARTICULAR.test(w) && ['w', 'name'].includes(wordClass(w));
}

/** Where a list of names may end: the end, a when, or a word that starts another part of the request. */
const endsList = (w: string | undefined): boolean => w === undefined || TRAILING.test(w) || WHEN_TOKEN.test(w) || DAY_OR_MONTH.test(w) || w === 're';

/**
 * The guests listed after "with" or "invite" (at the start of a request, or after "and": "... and invite
 * ann and dave"): names of one or two words, parted by commas or "and", ending where the request goes
 * on. None when anything in it cannot be a name ("with the team", "with ann and the client").
 */
export function guestList(tokens: readonly Token[]): GuestList | undefined {
  for (let i = 0; i < tokens.length; i++) {
    const w = tokens[i]!.lower;
    // ("add budget plan tomorrow at 10, invite ann and dave": after the when, "invite" opens the guests too.)
    const prev = tokens[i - 1]?.lower ?? '';
    const afterWhen = WHEN_TOKEN.test(prev) || DAY_OR_MONTH.test(prev) || /^(today|tomorrow|tonight|noon|am|pm)$/.test(prev) || commaBefore(tokens, i);
    const opens = w === 'with' || ((w === 'invite' || w === 'inviting') && (i === 0 || /^(and|please|also|then)$/.test(prev) || afterWhen));
    if (!opens) continue;
    const list = namesFrom(tokens, i + 1);
    if (list) return { ...list, anchor: i };
  }
  return undefined;
}

function namesFrom(tokens: readonly Token[], from: number): { names: string[]; from: number; to: number } | undefined {
  const names: string[] = [];
  let j = from;
  while (j < tokens.length) {
    let k = j;
    while (k < tokens.length && k - j < 2 && (k === j || !commaBefore(tokens, k)) && nameLike(tokens[k]!.lower)) k++;
    if (k === j) return undefined;
    names.push(cleanName(words(tokens, j, k)));
    const next = tokens[k]?.lower;
    if ((next === 'and' || next === '&') && !commaBefore(tokens, k + 1) && nameLike(tokens[k + 1]?.lower)) j = k + 1;
    else if (next !== undefined && commaBefore(tokens, k)) j = next === 'and' ? k + 1 : k;
    else return endsList(next) ? { names, from, to: k } : undefined;
  }
  return undefined;
}

/** Words that end the name of a place people meet in ("the huddle room", "the fishbowl annex"). */
const ROOM_WORD = /^(room|rooms|boardroom|annex|lounge|hall|suite|studio|lab|library|auditorium|atrium|theater|theatre|pod|den|cafe|cafeteria|kitchen|office)$/;

export interface SaidPlace {
  /** The place's words as said, without "the" ("huddle room", "room 101"). */
  readonly name: string;
  /** The token of "in"/"at" before it. */
  readonly at: number;
  /** Whether its last word says it is a room ("room", "boardroom", "annex"). */
  readonly isRoom: boolean;
}

/**
 * A place said after "in the" or "at the" (or "in room 101"): one to three words, then the end, a when,
 * or "with". Days, times and lengths are no place ("in the morning", "in 2 hours").
 */
export function placeAfterIn(tokens: readonly Token[]): SaidPlace | undefined {
  for (let i = tokens.length - 2; i >= 0; i--) {
    const prep = tokens[i]!.lower;
    if (prep !== 'in' && prep !== 'at') continue;
    const from = tokens[i + 1]?.lower === 'the' ? i + 2 : i + 1;
    // "at" names a place only with "the" ("at the lounge"); "at 3" is a time.
    if (prep === 'at' && from === i + 1) continue;
    for (const len of [3, 2, 1]) {
      const to = from + len;
      if (to > tokens.length) continue;
      const ws = tokens.slice(from, to).map((t) => t.lower);
      const numbered = len > 1 && /^\d+[a-z]?$/.test(ws[len - 1]!) && ws.slice(0, -1).every((w) => nameLike(w) || ROOM_WORD.test(w));
      if (!numbered && !ws.every((w) => nameLike(w) || ROOM_WORD.test(w))) continue;
      const next = tokens[to]?.lower;
      if (!(endsList(next) || next === 'with' || next === 'for')) continue;
      return { name: words(tokens, from, to), at: i, isRoom: ws.some((w) => ROOM_WORD.test(w)) || numbered };
    }
  }
  return undefined;
}

/** The openings of a request to add something ("add", "set up", "pencil in", "can you schedule"). */
const COMMAND = /^(add|schedule|book|create|set|put|plan|arrange|organize|organise|make|hold|reserve|pencil|block)$/;
const AFTER_COMMAND = /^(up|in|me|us|a|an|the|my|our|new)$/;

/**
 * The name said between the command and `end` ("add [all hands] with ...", "schedule [sync] in the
 * huddle room ..."): plain words only, nothing when it is empty or holds a when.
 */
export function titleBefore(tokens: readonly Token[], end: number): string | undefined {
  let from = -1;
  for (let i = 0; i < end; i++) if (COMMAND.test(tokens[i]!.lower)) from = i + 1;
  if (from < 0) return undefined;
  while (from < end && AFTER_COMMAND.test(tokens[from]!.lower)) from++;
  if (from >= end) return undefined;
  const ws = tokens.slice(from, end).map((t) => t.lower);
  if (ws.some((w) => WHEN_TOKEN.test(w) || DAY_OR_MONTH.test(w) || TRAILING.test(w) || !/^[a-z0-9][a-z0-9:'&-]*$/.test(w))) return undefined;
  return words(tokens, from, end);
}

/** "move X to thursday in the huddle room": a place said after a move's last "to" (a new place, not which event). */
export function placeInMoveTarget(tokens: readonly Token[]): boolean {
  let to = -1;
  tokens.forEach((t, i) => {
    if (t.lower === 'to') to = i;
  });
  const place = to < 0 ? undefined : placeAfterIn(tokens);
  return place !== undefined && place.at > to;
}
