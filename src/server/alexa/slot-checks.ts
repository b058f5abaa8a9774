import { Duration } from 'luxon';
import { lastsAllDay } from '../../domain/all-day.js';
import type { AssistantTurn } from './turn.js';

/**
 * Alexa's built-in slots resolve more than a calendar can use: AMAZON.DATE gives a month, a season, a year or a
 * decade ("2026-12-XX", "2026-WI", "2026", "202X"), AMAZON.DURATION "PT0S" or "PT5000H". None of these may
 * become a guess (today, an event of no length): the turn is checked here, before the dialog sees it, and the
 * person is asked again with the session open.
 * https://developer.amazon.com/en-US/docs/alexa/custom-skills/slot-type-reference.html#date
 */

/** What an AMAZON.DATE value spans. */
export type DateSpan = 'day' | 'week' | 'month' | 'too_broad' | 'unknown';

export function dateSpan(value: string): DateSpan {
  if (value === 'PRESENT_REF' || /^\d{4}-\d{2}-\d{2}$/.test(value)) return 'day';
  if (/^\d{4}-W\d{2}(-WE)?$/.test(value)) return 'week';
  if (/^\d{4}-\d{2}(-XX)?$/.test(value)) return 'month';
  // A year, a season of one, a decade.
  if (/^\d{4}$/.test(value) || /^\d{4}-(WI|SP|SU|FA)$/.test(value) || /^\d{3}X$/.test(value)) return 'too_broad';
  return 'unknown';
}

/** Intents whose {date} says when something happens: it has to be one day, not a span to look in. */
const ON_ONE_DAY: ReadonlySet<string> = new Set(['CreateEventIntent', 'MoveEventIntent', 'TimeAnswerIntent', 'RoomBookIntent']);
/** Intents whose {duration} is how long an event (or a booking) lasts; elsewhere it is a window or a shift. */
const LENGTH_OF_EVENT: ReadonlySet<string> = new Set(['CreateEventIntent', 'RoomBookIntent', 'RoomExtendIntent', 'RoomFindIntent', 'TimeAnswerIntent']);
const MAX_EVENT_MINUTES = 24 * 60;
/** A read ("the next 10 hours") or a move ("push it by 2 days") reaches at most a month. */
const MAX_SPAN_MINUTES = 31 * 24 * 60;

export const CHECK_SPEECH = {
  tooBroad: "That's too broad. Ask about a day, a week or a month.",
  unknownDate: "I didn't get which day you mean. Ask about a day, a week or a month.",
  whichDay: 'Which day? Say one day and a time, like Friday at 10 AM.',
  badLength: 'How long should it be? An event can last from a minute to 24 hours; ask again with its length, like for 30 minutes.',
  badSpan: 'How far should I go? Ask again with a length from a minute to a month, like the next 3 hours.',
} as const;

/**
 * `ok`: ask the dialog. `say`: answer this instead, keeping the session open. `day_needed`: a new event or a
 * move was asked for on a span, not a day; the dialog is asked without the date and time (so it asks when,
 * and waits for the answer) and the question is "which day".
 */
export type SlotCheck = { readonly kind: 'ok' } | { readonly kind: 'say'; readonly text: string } | { readonly kind: 'day_needed'; readonly turn: AssistantTurn };

function durationProblem(turn: AssistantTurn): string | undefined {
  const value = turn.slots.duration;
  if (!value) return undefined;
  const length = LENGTH_OF_EVENT.has(turn.intent);
  const d = Duration.fromISO(value);
  const minutes = d.isValid ? d.as('minutes') : Number.NaN;
  const problem = length ? CHECK_SPEECH.badLength : CHECK_SPEECH.badSpan;
  // NaN fails this too: a duration Alexa could not resolve ("PT?H") is asked again, never read as zero.
  if (!(minutes >= 1)) return problem;
  // "vacation friday for 3 days": whole days are an all-day event's length.
  const allDay = turn.intent === 'CreateEventIntent' && Boolean(turn.slots.date) && !turn.slots.time && lastsAllDay(turn.slots.title) && minutes % (24 * 60) === 0;
  if (length && minutes > MAX_EVENT_MINUTES && !(allDay && minutes <= MAX_SPAN_MINUTES)) return problem;
  if (!length && minutes > MAX_SPAN_MINUTES) return problem;
  return undefined;
}

/** Checks the date and duration slots of `turn` (see {@link SlotCheck}). */
export function checkSlots(turn: AssistantTurn): SlotCheck {
  const length = durationProblem(turn);
  if (length) return { kind: 'say', text: length };
  const date = turn.slots.date;
  const span = date ? dateSpan(date) : 'day';
  if (ON_ONE_DAY.has(turn.intent) && span !== 'day') {
    // An answer to "When should it be?" keeps that question waiting: ask again without the dialog.
    if (turn.intent !== 'CreateEventIntent' && turn.intent !== 'MoveEventIntent') return { kind: 'say', text: CHECK_SPEECH.whichDay };
    return { kind: 'day_needed', turn: { ...turn, slots: { ...turn.slots, date: undefined, time: undefined } } };
  }
  // Where to look (a read, or where the event to change is): a week or a month is fine, a year is not.
  for (const where of ON_ONE_DAY.has(turn.intent) ? [turn.slots.fromDate] : [date, turn.slots.fromDate]) {
    const s = where ? dateSpan(where) : 'day';
    if (s === 'too_broad') return { kind: 'say', text: CHECK_SPEECH.tooBroad };
    if (s === 'unknown') return { kind: 'say', text: CHECK_SPEECH.unknownDate };
  }
  return { kind: 'ok' };
}
