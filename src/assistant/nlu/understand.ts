/**
 * `understand(text, ctx)`: the coarse intent from the trained classifier, slot spans from the trained
 * tagger, the fine-grained Concierge intent from rules over both, and dates and times resolved with
 * chrono in the user's zone. Pure and deterministic: the reference instant and zone are parameters.
 */
import { DateTime } from 'luxon';
import { lastsAllDay } from '../../domain/all-day.js';
import type { Repeat } from '../../domain/repeat.js';
import { sentenceFeatures, tokenFeatures, wordClass } from './features.js';
import { resizeSaid } from './resize.js';
import { ASKS_ABOUT, coarseOfRoom, dialogIntent, fineIntent, lexicalCoarse, lexicalOther, ONE_EVENT_QUESTION, roomIntent, stillOnName, unsupportedChange } from './intents.js';
import { classify, tag, type IntentModel, type TaggerModel } from './model.js';
import { describe } from './describe.js';
import { frequencyNames } from './frequency-names.js';
import { optionalGuests } from './optional-guests.js';
import { noReminder, remindAt, remindBefore, remindBeforeEvent, reminderEventOff, reminderOff, remindsAbout } from './remind-before.js';
import { placeInMoveTarget } from './request-shape.js';
import { rawSlots } from './slots.js';
import { modelToken, normalise, tokenize, type Normalised } from './text.js';
import type { CoarseIntent, Intent, Slots, Understanding, UnderstandContext } from './types.js';
import { pastTheGap, saidRepeat, type SaidRepeat } from './repeat.js';
import { saidZone } from './said-zone.js';
import { partOfName, resolveMove, resolveWhen, shiftMinutes, timeTokenKinds, type When } from './when.js';

export interface NluModels {
  readonly intent: IntentModel;
  readonly tagger: TaggerModel;
}

export type Understander = (text: string, ctx: UnderstandContext) => Understanding;

const CALENDAR = ['calendar_query', 'calendar_set', 'calendar_remove'] as const;
/** Words of a bare "when": "friday at noon", "the 3rd", "2pm please", "make it ten thirty". */
const WHEN_ONLY_WORD = new Set(['month', 'weekday', 'relday', 'num', 'ord', 'numdate', 'clock', 'ampm', 'partofday', 'noon', 'timeword', 'prep']);
const WHEN_FILLER = /^(at|on|the|this|next|in|of|and|to|-|please|ok|okay|make|it|say|let's|lets|how|about|maybe|then|morning|afternoon|evening|tonight|o'clock|oclock|a|an|actually|instead|rather|no|change|wait|sorry|do|better|what|how|and|about|can|could|would|we|you|time|that|works|work|i|mean|meant|hmm|um|uh|oh|well|try|switch|go|with|yes|yeah|yep|sure|but)$/;
const RULE_CONFIDENCE = 0.95;
/** "decline the product review", "accept my 3pm", "rsvp no to the offsite", "say no to ann's invite". */
const REPLY = /^(decline|reject|turn down|say no to|rsvp no to|accept|say yes to|rsvp yes to|tentatively accept|rsvp maybe to)\s+(.+)$/;
/** What a reply is to: a meeting (by a kind of meeting, an invitation, a time, or "it"), never lights, offers or terms. */
const MEETING_REPLIED = /\b(it|that|this one|(?:first|second|third|fourth|fifth|last|\d(?:st|nd|rd|th)) (?:one|1)|meeting|invite|invitation|review|sync|standup|stand-up|interview|appointment|lunch|dinner|breakfast|1:1|one on one|offsite|workshop|session|kickoff|retro|planning|demo|huddle|call|\d{1,2}(:\d\d)? ?(am|pm))\b/;
const NOT_A_MEETING = /\b(lights?|volume|music|tv|heat|heating|temperature|offer|job|cookies?|terms|payment|friend|request|call from|calls? from|connection|transaction|package|delivery|order|charges?|card|update|changes|suggestion|recommendation|alarm|timer)\b/;
const FIND_FREE = /\b(when|what times?|which times?) (am i|are we|i'm|im|will i be|do i have) (free|available|open)\b|\bwhen do i have (time|a gap|an opening|a free)\b|\bfree (time|slots?|windows?|gaps?)\b|\bopen (slots?|time)\b|\b(gaps?|openings?) in my\b/;
/** What may be said around a repeat alone ("make it every week", "actually, weekly"). */
const REPEAT_FILLER = /^(?:(?:make|it|actually|no|let's|lets|can|could|we|you|do|please|instead|then|and|so|ok|okay|yes|but|how|about|what|add|set|schedule)\s*)*$/;
const WHEN_SPAN = new Set(['date', 'time', 'timeofday']);
/** The first number of a bare answer ("3", "3:30", "10.30"), to be read as a clock time. */
const BARE_NUMBER = /\b(\d{1,2}(?::\d\d)?)\b/;
const ASKED_BUSY = /\b(busy|booked|occupied|tied up|do i have|have i got|is there|are there|anything|something|any (meetings?|events?|plans|appointments?|calls?))\b/;
const COUNT_ASKED = /\bhow many\b/;
/** What "how many ... do i have" counts: "how many standups do i have this week" -> "standups". */
const COUNTED = /\bhow many (?!(?:times|hours?|minutes?|more|people|days|weeks|of)\b)([a-z][a-z -]*?) (?:do|did|will|have|are|is|am)\b/;
/** "when does the budget review end", "what time will my 1:1 be over", "when is the offsite over". */
const END_ASKED = /^(?:(?:please|hey|ok|okay|so|and|can you tell me|tell me)\s+)*(?:when|what time)(?:'s| does| do| will| is| would) .+ (?:end|ends|finish|finishes|wrap up|be over|be done|over|done)\??$/;
/** The words of a status question ("is the design sync still on") that the untagged-title reader may have swept into the name. */
const STATUS_WORDS = /(?:\s+(?:still|on|happening|scheduled|going ahead|planned|been|get|got|cancelled|canceled|called off|removed|gone|there|disappeared|disappear|showing|on my calendar|on my schedule|anymore))+$/;
/** The words of the end question that the untagged-title reader may have swept into the name. */
const END_WORDS = /\s+(?:end|ends|finish|finishes|wrap up|be over|be done|over|done)$/;
/** "my 9", "my 2 o'clock": a bare hour said for an event, not a length, a count or a date ("my 2 kids", "my 3rd"). */
const MY_BARE_HOUR = /\bmy (\d{1,2})(?: o'?clock)?(?= tomorrow| today| on | this | next |$| to | meeting| call| appointment| event)/;
/** Words for events in general: no name to look for. */
const GENERIC_EVENTS = /^(meetings?|events?|appointments?|appts?|things?|mtgs?)$/i;
const ASKED_FREE = /\b(free|available|open|availability|time)\b/;

/** Coarse intent probabilities from the classifier. */
function coarseProbabilities(model: IntentModel, features: readonly string[]): Record<CoarseIntent, number> {
  const p = classify(model, features).probabilities;
  return { calendar_query: p.calendar_query ?? 0, calendar_set: p.calendar_set ?? 0, calendar_remove: p.calendar_remove ?? 0, other: p.other ?? 0 };
}

/**
 * SLURP's coarse intent for lower-case words: the classifier, then the rules. Unmistakable openings
 * overrule the classifier (to overrule "other" they must also name calendar things); unmistakable other
 * domains (alarms, date arithmetic, local events) overrule both. Room requests are decided later, by `roomIntent`.
 */
/** A question about an event that is over: "when was", "when did i (last) meet", "my last meeting" said with "was/did". */
const PAST_FIND = /\b(when (was|were|did)|what was my (last|previous|most recent))\b|\b(was|did)\b.*\b(last|previous|most recent) (meeting|event|appointment|call|one)\b/;

export function decideCoarse(model: IntentModel, words: readonly string[]): { coarse: CoarseIntent; confidence: number; probabilities: Record<CoarseIntent, number> } {
  const probabilities = coarseProbabilities(model, sentenceFeatures(words));
  let coarse = (Object.keys(probabilities) as CoarseIntent[]).reduce((a, b) => (probabilities[b] > probabilities[a] ? b : a));
  let confidence = probabilities[coarse];
  const lexical = lexicalCoarse(words, coarse === 'other');
  if (lexical) {
    coarse = lexical;
    confidence = Math.max(confidence, RULE_CONFIDENCE);
  }
  if (coarse !== 'other' && lexicalOther(words)) {
    coarse = 'other';
    confidence = Math.max(probabilities.other, RULE_CONFIDENCE);
  }
  return { coarse, confidence, probabilities };
}

const iso = (d: DateTime | undefined): string | undefined => d?.toUTC().toISO({ suppressMilliseconds: true }) ?? undefined;

/** "no, move it to 5 instead", "actually, make it 4": a correction; what follows the "no" is the request. */
const CORRECTION = /^\s*(?:no|nope|nah|actually|wait|sorry|oops|hmm|um|uh)\b[,.!]?\s+(?=(?:move|make|change|push|put|add|book|schedule|cancel|can we|could we|let's|lets|how about|what about|do|invite|call it)\b)/i;

/** "not wednesday, thursday", "no, not at 2 but 3": the when that was wrong, said before the right one. */
const NOT_THIS_WHEN = /^\s*(?:no|nope|actually)?[,.!]?\s*not (?:on |at )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tomorrow|tonight|noon|\d{1,2}(?::\d\d)?\s*(?:am|pm)?(?!\s*(?:minutes?|mins?|hours?|hrs?|days?|weeks?|people|of)\b)|the \d{1,2}(?:st|nd|rd|th)|(?:this |tomorrow )?(?:morning|afternoon|evening))[,;]?\s+(?:but |make it |rather |instead )?(?=\S)/i;

/** A yes and nothing else, left when a reminder clause is cut from "yes, and remind me 10 minutes before". */
const YES_ALONE = /^(?:yes|yeah|yep|sure|ok|okay|great|perfect|sounds good)?[,.!]?(?: (?:and|but|also|please|just))*[,.!]?$/i;

export function createUnderstander(models: NluModels): Understander {
  const understandOne = understander(models);
  return (text, ctx) => {
    const correction = CORRECTION.exec(text) ?? NOT_THIS_WHEN.exec(text);
    let said = correction ? text.slice(correction[0].length) : text;
    // "with ann and dave as optional": Dave invited as optional; the rest read as a usual guest list.
    const optional = optionalGuests(said);
    const withOptional = (u: Understanding): Understanding => (optional && u.intent === 'create_event' ? { ...u, slots: { ...u.slots, optionalPeople: optional.names } } : u);
    if (optional && understandOne(optional.rest, ctx).intent === 'create_event') said = optional.rest;
    // "cancel the reminder for the budget review": that event's reminder off, never the event (SLURP's view is the words').
    // ("turn off the reminder to pay rent": that reminder is an event of its own, cancelled as one.)
    const reminderEvent = reminderEventOff(said);
    if (reminderEvent) return understandOne(reminderEvent, ctx);
    const off = reminderOff(said);
    if (off) {
      const read = understandOne(said, ctx);
      return { ...read, intent: 'create_event', slots: { ...read.slots, reminderOff: true, ...(off.said ? { beforeEvent: off.said } : {}) } };
    }
    // "add board meeting thursday at 10, remind me 30 minutes before": the event's own reminder.
    const lead = remindBefore(said);
    // "yes, and remind me 10 minutes before": nothing but the reminder, for the proposal waiting (the dialog
    // proposes it again with the reminder; the yes alone never writes an edited event).
    if (lead && YES_ALONE.test(lead.rest)) return { intent: 'create_event', coarse: 'calendar_set', slots: { raw: [], remindBefore: lead.minutes }, confidence: RULE_CONFIDENCE };
    if (lead) {
      const event = understandOne(lead.rest, ctx);
      if (event.intent === 'create_event' && !event.slots.reminder) return withOptional({ ...event, slots: { ...event.slots, remindBefore: lead.minutes } });
    }
    // "add gym tomorrow at 6am with no reminder": the event alerts nobody (the word "reminder" makes no reminder event).
    const quiet = noReminder(said);
    if (quiet) {
      const event = understandOne(quiet.rest, ctx);
      if (event.intent === 'create_event' && !event.slots.reminder) return withOptional({ ...event, slots: { ...event.slots, noReminder: true } });
    }
    // "add a call with bob tomorrow at 2 and remind me at 1:30": the event's own reminder, that long before it.
    const at = remindAt(said);
    if (at) {
      const event = understandOne(at.rest, ctx);
      const minutes = event.intent === 'create_event' && !event.slots.reminder && event.slots.start ? minutesBefore(event.slots.start, at, ctx.timeZone) : undefined;
      if (minutes !== undefined) return withOptional({ ...event, slots: { ...event.slots, remindBefore: minutes } });
    }
    // "remind me 30 minutes before the budget review": the words are read as usual (SLURP's view is theirs),
    // and the dialog is told which event the reminder goes before.
    const before = remindBeforeEvent(said);
    const read = understandOne(said, ctx);
    if (before && read.intent === 'create_event') return { ...read, slots: { ...read.slots, ...(before.minutes !== undefined ? { remindBefore: before.minutes } : {}), beforeEvent: before.said, ...(before.about ? { remindAbout: true } : {}) } };
    // ("remind me about taxes": a reminder of something, asked "about", not "to".)
    if (read.intent === 'create_event' && read.slots.reminder && remindsAbout(said)) return { ...read, slots: { ...read.slots, remindAbout: true } };
    return withOptional(read);
  };
}

/** Minutes from the latest moment at `clock` (on the event's day or the day before) to the event's start; within a day. */
function minutesBefore(start: string, clock: { readonly hour: number; readonly minute: number; readonly half?: 'am' | 'pm' }, zone: string): number | undefined {
  const begins = DateTime.fromISO(start, { zone });
  const hours = clock.half === 'am' ? [clock.hour % 12] : clock.half === 'pm' ? [(clock.hour % 12) + 12] : [clock.hour % 12, (clock.hour % 12) + 12];
  const moments = [0, -1].flatMap((d) => hours.map((h) => begins.plus({ days: d }).set({ hour: h, minute: clock.minute, second: 0, millisecond: 0 })));
  const before = moments.filter((m) => m < begins).sort((a, b) => b.toMillis() - a.toMillis())[0];
  const minutes = before ? Math.round(begins.diff(before, 'minutes').minutes) : undefined;
  return minutes !== undefined && minutes > 0 && minutes <= 1440 ? minutes : undefined;
}

function understander(models: NluModels): Understander {
  return (text, ctx) => {
    const tokens = tokenize(text);
    const words = tokens.map((t) => modelToken(t.lower));
    const decided = decideCoarse(models.intent, words);
    const probs = decided.probabilities;
    let { coarse, confidence } = decided;
    // The tagger knows calendar intents only: for a line judged out of scope, tag as the likeliest calendar intent.
    const tagIntent = coarse !== 'other' ? coarse : CALENDAR.reduce((a, b) => (probs[b] > probs[a] ? b : a));
    const labels = words.length ? tag(models.tagger, tokenFeatures(words, tagIntent, timeTokenKinds(words))) : [];
    // (SLURP's spans are the words as said: a misspelling corrected for reading stays as typed there.)
    const { raw, spans } = rawSlots(tokens.some((t) => t.misspelled) ? tokens.map((t, i) => t.misspelled ?? words[i]!) : words, labels);

    const room = roomIntent(words);
    const dialog = room ? undefined : dialogIntent(words);
    if (room) {
      coarse = coarseOfRoom(room);
      confidence = RULE_CONFIDENCE;
    }
    const normalised = normalise(tokens);
    // "when is my movie night": a part of day that is a word of a name is no time, whatever the tagger says
    // (SLURP's spans, `raw`, keep what it said).
    const nameParts = new Set([...normalised.text.matchAll(/\b(morning|afternoon|evening|night)\b/g)].filter((m) => partOfName(normalised.text, m.index, m.index + m[0].length)).map((m) => m[0]));
    let spansSaid = nameParts.size ? spans.filter((sp) => !(WHEN_SPAN.has(sp.type) && words.slice(sp.from, sp.to).every((w) => nameParts.has(w)))) : spans;
    const zoned = saidZone(normalised.text);
    const zone = zoned?.zone ?? ctx.timeZone;
    // "at 3 eastern": the hours are that zone's clock, the days the asker's ("tomorrow" said in Kolkata is
    // Kolkata's tomorrow); the rest is read without the zone's words.
    const whenSaid = (said: string, future: boolean, n?: Normalised) => resolveWhen(said, ctx.now, ctx.timeZone, { future, clockZone: zone }, n);
    const readWhen = (future: boolean) => (zoned ? whenSaid(zoned.text, future) : whenSaid(text, future, normalised));
    // "every monday at 10": a new event's repeat is cut out, so the date reader sees the first one's time.
    const repeated = saidRepeat(zoned?.text ?? normalised.text);
    // "make it every week", "actually weekly": a repeat alone, for the proposal waiting for "yes".
    const repeatAlone = repeated !== undefined && REPEAT_FILLER.test(repeated.text);
    // "shorten the review", "add bob to the review": not a new event, and not something the assistant does.
    let unsupported = room || dialog ? undefined : unsupportedChange(words);
    const intentFor = (said: readonly { type: string }[]): Intent => {
      const types = said.map((sp) => sp.type);
      const hasDateOrTime = types.some((t) => t === 'date' || t === 'time' || t === 'timeofday');
      const named = types.some((t) => t === 'event_name' || t === 'person' || t === 'relation' || t === 'meal_type');
      const fine = room ?? dialog ?? (unsupported ? 'out_of_scope' : fineIntent(coarse, words, hasDateOrTime, named));
      // "push it back 30 minutes", "make it an hour later": a shift of whatever was just proposed, not a length.
      return !room && !dialog && !unsupported && fine !== 'move_event' && !named && shiftMinutes(normalised.text) !== undefined && !/\b(to|until|till)\b/.test(normalised.text) ? 'move_event' : fine;
    };
    let intent: Intent = intentFor(spansSaid);
    // "move the budget review to thursday in the huddle room": the assistant moves, but does not change
    // where; half of it done would be worse than a refusal that says so.
    if (intent === 'move_event' && placeInMoveTarget(tokens)) {
      unsupported = 'location';
      intent = 'out_of_scope';
    }
    // "decline the product review", "accept ann's invite", "tentatively accept my 3pm": an answer to a meeting.
    const replyWords = room || dialog ? null : REPLY.exec(normalised.text.replace(/^(?:(?:please|can you|could you|would you|go ahead and|i want to|i'd like to|let's|lets)\s+)+/, ''));
    // ("decline the vendor pitch": "the" or "my" and a name will do, but for "turn down", which is said of lights.)
    const replied = replyWords && (MEETING_REPLIED.test(replyWords[2]!) || spansSaid.some((sp) => sp.type === 'event_name') || (replyWords[1] !== 'turn down' && /^(the|my|\S+'s) \S/.test(replyWords[2]!))) && !NOT_A_MEETING.test(replyWords[2]!) ? replyWords : null;
    if (replied) {
      intent = 'respond_event';
      if (coarse === 'other') coarse = 'calendar_set';
      confidence = RULE_CONFIDENCE;
    }
    if (dialog) confidence = RULE_CONFIDENCE;
    const readFor = (i: Intent) => {
      // A zone said in a move is the new time's ("move my 3pm to 4 eastern"): the event is found in the asker's.
      const m = i === 'move_event' ? resolveMove(zoned?.text ?? text, ctx.now, ctx.timeZone, zone) : undefined;
      if (i === 'create_event' && repeated) {
        // "rent due on the 1st of every month": no day left to read; the series starts from today.
        const first = whenSaid(repeated.text, true);
        const said = first.start || first.window || repeatAlone ? first : whenSaid(`${repeated.text} today`, true);
        return { move: m, when: startingFrom(repeated, pastTheGap(said, repeated.repeat, zone), ctx.now, zone) };
      }
      return { move: m, when: m?.current ?? readWhen(i !== 'read_events') };
    };
    let { move, when } = readFor(intent);
    // "when is my one on one", "when is sprint 2 review": numbers the tagger called a time that no date or
    // time reader can read are words of a name; the question is asked again without them (rarely: the
    // usual path reads the words once).
    const hasNumber = (sp: { from: number; to: number }) => words.slice(sp.from, sp.to).some((w) => /^\d+$|^(one|two|three|four|five|six|seven|eight|nine|ten)$/.test(w));
    const numbersAreNames = !move && !when.start && !when.window && when.durationMinutes === undefined && when.extensionMinutes === undefined && !when.hasDate && spansSaid.some((sp) => WHEN_SPAN.has(sp.type) && hasNumber(sp));
    if (numbersAreNames) {
      spansSaid = spansSaid.filter((sp) => !(WHEN_SPAN.has(sp.type) && hasNumber(sp)));
      const again = intentFor(spansSaid);
      // (An answer to a meeting stays one: "decline the last one" names its meeting by place.)
      if (again !== intent && intent !== 'respond_event') ({ move, when } = readFor((intent = again)));
    }
    // "make it 3", "2", "let's do four thirty": a bare number where nothing but a time is said is a clock time.
    const onlyWhenWords = words.every((w) => WHEN_ONLY_WORD.has(wordClass(w)) || WHEN_FILLER.test(w));
    // So is the number in "is 2 free" and "is 3 ok": a free check names an hour.
    // ("the second one", "the last one": a place in a list, whose "one" is no hour.)
    if (!move && !when.start && !when.window && (onlyWhenWords || intent === 'am_i_free') && words.some((w) => wordClass(w) === 'num') && !/\b(?:\d{1,2}(?:st|nd|rd|th)|last|next|other) 1\b/.test(normalised.text)) {
      const at = normalised.text.replace(BARE_NUMBER, 'at $1');
      if (at !== normalised.text) when = whenSaid(at, intent !== 'read_events');
    }
    // (An answer names its meeting as a cancel does.)
    const describedAs = intent === 'respond_event' ? 'cancel_event' : intent;
    // "when is my weekly planning": a frequency said before a name is a word of it, but for a new event.
    const frequencyIn = frequencyNames(words, spansSaid, describedAs);
    const about = withNumberedName(describe(tokens, frequencyIn.spans, describedAs, new Set([...nameParts, ...frequencyIn.nameWords])), normalised.text, numbersAreNames);
    const slots: { -readonly [K in keyof Slots]: Slots[K] } = { ...about, raw, ...(unsupported ? { unsupported } : {}) };
    // "extend the budget review by 15 minutes": by how much, for the dialog to propose.
    const resize = unsupported === 'length' ? resizeSaid(normalised.text) : undefined;
    if (resize) slots.resize = resize;
    const isRead = intent === 'read_events' || intent === 'am_i_free' || intent === 'find_meeting' || intent === 'next_meeting' || intent === 'cancel_event';
    if (when.window && (isRead || intent === 'room_is_free' || intent === 'room_find' || intent === 'move_event' || !when.start)) {
      slots.window = { start: iso(when.window.start)!, end: iso(when.window.end)! };
    }
    // ("am i free all morning": a window to ask about, not a time something starts.)
    if (when.start && !(when.allPart && intent !== 'create_event')) slots.start = iso(when.start);
    if (zoned && zoned.zone !== ctx.timeZone && (when.start || when.window)) slots.saidZone = zoned.zone;
    if (when.after && intent === 'read_events') slots.after = when.after;
    // "what do i have until friday": from now to the end of Friday.
    if (when.untilEnd && (intent === 'read_events' || intent === 'am_i_free')) slots.window = { start: iso(DateTime.fromJSDate(ctx.now))!, end: iso(when.untilEnd)! };
    if (when.end && !(when.allPart && intent !== 'create_event')) slots.end = iso(when.end);
    if (move?.newStart) slots.newStart = iso(move.newStart);
    if (move?.shiftedBy) slots.shiftedBy = { said: move.shiftedBy.said, minutes: move.shiftedBy.minutes };
    // "move the vendor call to 6pm london time": the new time is on that clock, on the event's day.
    if (move?.newStart && zoned && zoned.zone !== ctx.timeZone) slots.saidZone = zoned.zone;
    if (move?.newDay) slots.newDay = iso(move.newDay);
    if (move?.newPart) slots.newPart = { start: iso(move.newPart.start)!, end: iso(move.newPart.end)! };
    if (move?.shiftMinutes) slots.shiftMinutes = move.shiftMinutes;
    if (move?.newTimeOnly) slots.newTimeOnly = true;
    if (move?.newWeek) slots.newWeek = true;
    if (when.hasDate) slots.saidDay = true;
    if ((when.end && !(when.allPart && intent !== 'create_event')) || when.durationMinutes !== undefined) slots.lengthSaid = true;
    if ((when.start || when.window) && onlyWhenWords) slots.whenOnly = true;
    if (when.endOnly) slots.endOnly = true;
    if (when.durationMinutes !== undefined && !move?.shiftMinutes) slots.durationMinutes = when.durationMinutes;
    if (intent === 'room_extend' && when.extensionMinutes !== undefined) slots.durationMinutes = when.extensionMinutes;

    // "my first meeting tomorrow", "the last one today": the day's first or last event.
    const pick = /\b(first|earliest) (meeting|event|appointment|call|thing|one)\b/.test(normalised.text) ? 'first' : /\b(last|latest|final) (meeting|event|appointment|call|thing|one)\b(?! (week|month|year|monday|tuesday|wednesday|thursday|friday|saturday|sunday))/.test(normalised.text) && (when.hasDate || !/\bwas\b|\bdid\b/.test(normalised.text)) ? 'last' : undefined;
    if (pick && (intent === 'find_meeting' || intent === 'read_events' || intent === 'next_meeting')) {
      slots.pick = pick;
      if (intent === 'read_events') intent = 'find_meeting';
    }
    // "when was the budget review", "what was my last meeting with bob": the latest one before now.
    if ((intent === 'find_meeting' || intent === 'read_events' || intent === 'next_meeting') && !when.hasDate && !when.start && !when.window && PAST_FIND.test(normalised.text)) {
      intent = 'find_meeting';
      slots.past = true;
      delete slots.pick;
    }
    // "cancel my next meeting", "delay my next meeting by 15 minutes": the next one, whatever its name.
    if ((intent === 'cancel_event' || intent === 'move_event') && /\bnext (meeting|event|appointment|call|one)\b/.test(normalised.text)) slots.pick = 'next';
    // "move tomorrow's huddle to 6pm", "cancel friday's bug triage": the words after a day's possessive name the
    // event when no model tagged them (a name it never saw in training).
    if ((intent === 'cancel_event' || intent === 'move_event') && !slots.title && !slots.people?.length) {
      // (The text is normalised: "tomorrow's huddle" reads "tomorrow huddle".)
      const owned = /^(?:\S+ )*?(?:cancel|delete|remove|call off|drop|move|push|reschedule|shift|bump|postpone)\s+(?:today|tonight|tomorrow|yesterday|monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:'s)?\s+(.+?)(?:\s+(?:to|at|until|till|by|back|forward|from|for|on|in)\b.*)?$/.exec(normalised.text)?.[1];
      // (A part of the day is when, not what: "move tomorrow morning meeting to 3".)
      if (owned && !GENERIC_EVENTS.test(owned) && !/^(?:\d|morning|afternoon|evening|night|noon|lunchtime)\b/.test(owned)) slots.title = owned;
    }
    // ("tentatively accept my 3pm": the verb is no name.)
    if (replied && slots.title) {
      const title = slots.title.replace(/^(?:tentatively\s+)?(?:decline|accept|reject|turn down)\b\s*/i, '');
      if (title) slots.title = title;
      else delete slots.title;
    }
    // "decline the vendor pitch": what follows the verb names the meeting when no model tagged it.
    if (replied && !slots.title && !slots.people?.length && !/^(it|that|this)\b/.test(replied[2]!)) {
      const named = replied[2]!.replace(/^(?:the|my|our)\s+/, '').split(/\s+(?:on|at|for|this|next|tomorrow|today|tonight|from|invite|invitation|meeting)\b/)[0]!.replace(/\b(invite|invitation)$/, '').trim();
      if (named && !/^\d/.test(named)) slots.title = named;
    }
    if (replied) slots.reply = /^(tentatively|maybe|rsvp maybe)/.test(replied[1]!) ? 'tentative' : /^(accept|say yes|rsvp yes|confirm)/.test(replied[1]!) ? 'accept' : 'decline';
    // "a room for 6 people", "for ten of us": the seats asked for (numbers said in words are digits by now).
    const seats = /\bfor (\d+) (?:people|persons|attendees|participants|guests|of us|seats)\b/.exec(normalised.text)?.[1];
    if (seats && (intent.startsWith('room_') || intent === 'create_event')) slots.seats = Number(seats);
    // "where is the budget review", "who is in my 2pm", "how long is my next meeting": what the answer says.
    if (intent === 'find_meeting' || intent === 'next_meeting' || intent === 'read_events') {
      const asked = /^(?:\S+ ){0,3}?(where|what room|which room|who|how long)\b/.exec(normalised.text)?.[1];
      const opened = normalised.text.replace(/^(?:(?:please|hey|ok|okay|so|and|can you tell me|tell me)\s+)*/, '');
      // "how long until the budget review", "who organized the berlin sync": the time left, the organizer.
      if (ONE_EVENT_QUESTION.test(opened) && /^(?:how|who (?:organi|set up|scheduled|called|runs|is running|booked))/.test(opened)) slots.asked = opened.startsWith('how') ? 'until' : 'organizer';
      else if (asked && ASKS_ABOUT.test(opened)) slots.asked = asked === 'who' ? 'who' : asked === 'how long' ? 'length' : 'where';
      // "when does the budget review end", "what time is my 1:1 over": its end, not its start.
      else if (END_ASKED.test(normalised.text)) {
        slots.asked = 'end';
        const title = slots.title?.replace(END_WORDS, '');
        if (title) slots.title = title;
        else delete slots.title;
        if (slots.people) slots.people = slots.people.map((p) => p.replace(END_WORDS, '')).filter(Boolean);
      }
    }
    // "is the design sync still on", "was it cancelled": the status words are the question's, not the name's.
    const asked = intent === 'find_meeting' ? stillOnName(normalised.text.replace(/^(?:(?:please|hey|ok|okay|so|and)\s+)*/, '')) : undefined;
    if (asked && slots.title) {
      const title = slots.title.replace(STATUS_WORDS, '');
      if (title) slots.title = title;
    }
    // "how many meetings do i have today": a number of the events read; "meetings" names none of them.
    if (intent === 'read_events' && COUNT_ASKED.test(normalised.text)) {
      slots.count = true;
      // "how many standups do i have this week": what is counted is named (the tagger leaves such plurals untagged).
      const counted = COUNTED.exec(normalised.text)?.[1];
      if (!slots.title && counted && !GENERIC_EVENTS.test(counted)) slots.title = counted;
      if (slots.title && GENERIC_EVENTS.test(slots.title)) delete slots.title;
    }
    // ("nxt mtg", "my next meeting": the next of any, not one called "next mtg".)
    if (intent === 'next_meeting' && slots.title && /^(?:next|nxt)\s+(?:meetings?|mtgs?|events?|appointments?|appts?|one|call)$/i.test(slots.title)) delete slots.title;
    // "when is my mtg w/ bob", "cancel my meeting with ann": a word for any event, said with someone, names none
    // of them; the person does (a new event keeps it as its subject).
    if (intent !== 'create_event' && slots.people?.length && slots.title && GENERIC_EVENTS.test(slots.title)) delete slots.title;
    // "cancel my 9 tomorrow", "move my 2 on friday to 4": a bare hour after "my" is when the event starts, read
    // in working hours (7 to 11 in the morning, 12 to 6 in the afternoon), on the day said or else the next such hour.
    const myHour = (intent === 'cancel_event' || intent === 'move_event') && !slots.start ? MY_BARE_HOUR.exec(normalised.text) : null;
    if (myHour) {
      const hour = Number(myHour[1]);
      const h24 = hour >= 7 && hour <= 11 ? hour : hour === 12 ? 12 : hour <= 6 ? hour + 12 : undefined;
      const day = slots.window ? DateTime.fromISO(slots.window.start, { zone: ctx.timeZone }) : DateTime.fromJSDate(ctx.now, { zone: ctx.timeZone });
      let at = h24 === undefined ? undefined : day.startOf('day').set({ hour: h24 });
      if (at && !slots.window && at.toMillis() <= ctx.now.getTime()) at = at.plus({ days: 1 });
      if (at) {
        slots.start = iso(at)!;
        slots.window = { start: slots.start, end: iso(at.plus({ hours: 1 }))! };
      }
    }
    // "when am i free tomorrow", "any free time this afternoon", "my next free slot": the free stretches.
    if (intent === 'am_i_free' && FIND_FREE.test(normalised.text)) slots.findFree = true;
    // "am i busy at 3", "do i have anything at 3": the answer's yes and no are the other way round.
    if (intent === 'am_i_free' && ASKED_BUSY.test(normalised.text) && !ASKED_FREE.test(normalised.text)) slots.askedBusy = true;

    if (intent === 'create_event' && repeated) slots.repeat = untilSaid(repeated, ctx.now, zone);
    else if (repeated && repeatAlone) slots.repeat = untilSaid(repeated, ctx.now, zone);
    // "add focus time until noon", "book the boardroom until 1": from now (to the minute) until then; an edit of
    // a proposal keeps its start.
    // On another day ("tomorrow until noon") the start is asked for, the end kept.
    if ((intent === 'create_event' || intent === 'room_book') && when.endOnly) {
      const nowHere = DateTime.fromJSDate(ctx.now, { zone });
      if (when.endOnly > nowHere && when.endOnly.hasSame(nowHere, 'day')) {
        slots.start = iso(nowHere.startOf('minute'));
        slots.lengthSaid = true;
      } else {
        delete slots.start;
        delete slots.durationMinutes;
        slots.window = { start: iso(when.endOnly.startOf('day'))!, end: iso(when.endOnly.startOf('day').plus({ days: 1 }))! };
      }
      slots.end = iso(when.endOnly);
      slots.endOnly = true;
    }
    if (intent === 'create_event' || intent === 'room_book') {
      // A reminder is a moment, not an hour blocked: 15 minutes unless a length is said.
      const minutes = when.durationMinutes ?? (about.reminder ? 15 : 60);
      // "book this room (for the next hour)": from now. ("book this room tomorrow": a day said is not now; the
      // dialog asks for, or refuses, a time in it.)
      const fromNow = when.window && Math.abs(when.window.start.toMillis() - ctx.now.getTime()) < 60_000;
      if (!when.start && (!when.window || fromNow) && intent === 'room_book') {
        slots.start = iso(DateTime.fromJSDate(ctx.now, { zone: ctx.timeZone }));
        if (fromNow && !slots.end) slots.end = iso(when.window!.end);
      }
      // "book this room": a room's own desk books its walk-up length (30 minutes), a proposal from one's own
      // calendar an hour; only a length said is passed on, so each can tell.
      const lengthless = intent === 'room_book' && when.durationMinutes === undefined && !slots.end;
      if (slots.start && !slots.end && !lengthless) slots.end = new Date(Date.parse(slots.start) + minutes * 60_000).toISOString().replace('.000Z', 'Z');
      if (slots.start && slots.end) slots.durationMinutes = Math.round((Date.parse(slots.end) - Date.parse(slots.start)) / 60_000);
      // A day without a time is all day only for what lasts all day ("mary's birthday on friday") or when
      // said; "lunch with carol on friday" keeps its day and the dialog asks "When should it be?".
      // ("a 2 day workshop": days said as its length are all day too.)
      const allDay = /\ball[ -]day\b/.test(normalised.text) || lastsAllDay(about.title) || (when.durationMinutes !== undefined && when.durationMinutes % 1440 === 0);
      if (intent === 'create_event' && !when.start && when.isAllDay && when.window && allDay) {
        slots.isAllDay = true;
        slots.start = iso(when.window.start);
        slots.end = iso(when.window.end);
        delete slots.durationMinutes;
      }
    }
    // "tomorrow at 2:30am" on the day clocks spring forward: the instant is 3:30, and the dialog may say why.
    if (when.shiftedBy && slots.start === iso(when.start)) slots.shiftedBy = { said: when.shiftedBy.said, minutes: when.shiftedBy.minutes };
    return { intent, coarse, slots, confidence };
  };
}

/**
 * The name the numbers were part of, once they are known not to be a time: "my one on one" is the
 * meeting called one on one; "sprint 2 review" is named with its number, not just "review".
 */
function withNumberedName<T extends { title?: string }>(about: T, text: string, numbersWereNames: boolean): T {
  // "one on one" is a meeting's name wherever it stands ("cancel my 1 on 1 at 3", "add a one on one with ann").
  if (/\b(one on one|1 on 1|one-on-one)\b/.test(text) && (!about.title || /^(meeting|one|1)$/.test(about.title))) return { ...about, title: 'one on one' };
  if (!numbersWereNames) return about;
  if (about.title && !about.title.includes(' ')) {
    const m = new RegExp(`\\b([a-z]+ (?:\\d+|one|two|three|four|five|six|seven|eight|nine|ten)) ${about.title}\\b`).exec(text);
    if (m && !/^(my|the|is|at|on|in|a|an)\b/.test(m[1]!)) return { ...about, title: `${m[1]} ${about.title}` };
  }
  return about;
}

/**
 * The repeat, with "until june 30" read as its last day in the event's zone. A month or a coming period
 * alone is where it stops ("until june": the last day of May; "until next month": the last of this one);
 * "through june" and "the end of june" take that month in.
 */
function untilSaid(said: SaidRepeat, now: Date, zone: string): Repeat {
  if (!said.untilText) return said.repeat;
  const at = (d: DateTime) => ({ ...said.repeat, until: d.toISODate()! });
  const today = DateTime.fromJSDate(now, { zone }).startOf('day');
  const period = /^(?:(the end of) )?(?:(next|this|the) )?(week|month|year)$/.exec(said.untilText);
  if (period) {
    const unit = period[3] as 'week' | 'month' | 'year';
    const thisOne = today.startOf(unit);
    // "the end of the month", "through this week": to its end; "until next month": to the end of this one.
    return at(period[2] === 'next' && !period[1] && !said.through ? thisOne.plus({ [`${unit}s`]: 1 }).minus({ days: 1 }) : thisOne.plus({ [`${unit}s`]: period[2] === 'next' ? 2 : 1 }).minus({ days: 1 }));
  }
  const month = /^(?:(the end of) )?((?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*)$/.exec(said.untilText);
  const w = resolveWhen(month ? `${month[2]} 1` : said.untilText, now, zone, { future: true });
  const first = w.window?.start ?? w.start;
  if (month && first) return at(month[1] || said.through ? first.endOf('month') : first.minus({ days: 1 }));
  const last = w.window ? w.window.end.minus({ milliseconds: 1 }) : w.start;
  return last ? at(last) : said.repeat;
}

/** "every tuesday at 7pm starting next month": the first event no earlier than that period's start. */
function startingFrom(said: SaidRepeat, first: When, now: Date, zone: string): When {
  if (!said.startText) return first;
  const from = resolveWhen(said.startText, now, zone, { future: true }).window?.start;
  const at = first.start ?? first.window?.start;
  if (!from || !at || at >= from) return first;
  const moved = (d: DateTime) => from.set({ hour: d.hour, minute: d.minute });
  const shift = moved(at).toMillis() - at.toMillis();
  return {
    ...first,
    ...(first.start ? { start: moved(first.start) } : {}),
    ...(first.end ? { end: first.end.plus({ milliseconds: shift }) } : {}),
    ...(first.window ? { window: { start: first.window.start.plus({ milliseconds: shift }), end: first.window.end.plus({ milliseconds: shift }) } } : {}),
  };
}
