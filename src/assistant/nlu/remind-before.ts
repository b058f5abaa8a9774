/**
 * A reminder asked for the event being made, not a reminder event: "add board meeting thursday at 10,
 * remind me 30 minutes before", "dentist at 3 with a reminder an hour before", "with a 10 minute
 * reminder", "and remind me the day before". The clause is cut out and the rest understood alone, so
 * "remind" no longer makes the event a 15-minute reminder and "30 minutes" no longer its length.
 */
import { normalise, tokenize } from './text.js';

const AMOUNT = String.raw`(?:[a-z0-9.]+[ -]){1,3}?(?:minutes?|mins?|hours?|hrs?|days?|weeks?)|(?:the|a) day|half an hour|an? hour and a half`;
const ASK = String.raw`(?:(?:and |but )?(?:please )?(?:remind|alert|notify|ping|warn) (?:me|us)|(?:with|and|set|add|plus) (?:a |an )?(?:reminder|alert|notification))`;
/** "[,] remind me 30 minutes before [it]", ending the request or a part of it. */
const LEAD = new RegExp(String.raw`[,;]?\s*\b${ASK} (${AMOUNT}) (?:before|beforehand|ahead|ahead of time|earlier|prior)(?: (?:it|that|the (?:meeting|event|start)|it starts))?(?=\s*(?:$|[,;.!]|and\b))[.!]?`, 'i');
/** "with a 10 minute reminder", "and a one hour reminder". */
const ADJECTIVE = new RegExp(String.raw`[,;]?\s*\b(?:with|and|plus|set) (?:a |an )?((?:[a-z0-9]+ ){0,2}?[a-z0-9]+)[ -](minute|min|hour|day)s? (?:reminder|alert|notification)(?=\s*(?:$|[,;.!]|and\b|on\b|at\b|for\b|tomorrow\b|today\b))[.!]?`, 'i');

const UNIT_MINUTES: Record<string, number> = { minute: 1, min: 1, hour: 60, hr: 60, day: 1440, week: 10080 };

/** Minutes in "30 minutes", "thirty minutes", "an hour", "the day", "2 days", "half an hour". */
function minutesOf(amount: string): number | undefined {
  const said = normalise(tokenize(amount.toLowerCase())).text;
  if (/^(the|a) day$/.test(said)) return 1440;
  if (/^half an hour$/.test(said)) return 30;
  if (/^an? hour and a half$/.test(said)) return 90;
  const m = /^(an?|one|\d+(?:\.\d+)?)[ -](minute|min|hour|hr|day|week)s?$/.exec(said);
  if (!m) return undefined;
  const n = /^(an?|one)$/.test(m[1]!) ? 1 : Number(m[1]);
  const minutes = Math.round(n * UNIT_MINUTES[m[2]!]!);
  // Exchange keeps a reminder up to four weeks ahead; past that it is no reminder anyone means.
  return minutes > 0 && minutes <= 4 * 10080 ? minutes : undefined;
}

/** The request without its reminder clause (empty when the clause is all of it), and the minutes asked for; undefined when there is none. */
export function remindBefore(text: string): { readonly rest: string; readonly minutes: number } | undefined {
  for (const [re, amountOf] of [
    [LEAD, (m: RegExpExecArray) => m[1]!],
    [ADJECTIVE, (m: RegExpExecArray) => `${m[1]} ${m[2]}`],
  ] as const) {
    const m = re.exec(text);
    if (!m) continue;
    const minutes = minutesOf(amountOf(m));
    if (minutes === undefined) continue;
    const rest = `${text.slice(0, m.index)} ${text.slice(m.index + m[0].length)}`.replace(/\s+/g, ' ').trim();
    // Said after the event, or alone (to a proposal waiting): "remind me 30 minutes before, add ..." names no event.
    if (m.index === 0 && rest) continue;
    return { rest, minutes };
  }
  return undefined;
}

/** How long before, as typed short: "1h", "30m", "45 mins", "1 hr". */
const SHORT_AMOUNT = String.raw`\d+(?:\.\d+)?\s?(?:h|hrs?|m|mins?)`;
const LEAD_WORDS = String.raw`^(?:(?:please|can you|could you|hey|olly|and|also)\s+)*`;
/** "remind me (30 minutes) before the budget review", "alert me an hour before my 2pm". */
const REMIND_ME_BEFORE = new RegExp(String.raw`${LEAD_WORDS}(?:remind|alert|notify|ping|warn) (?:me|us) (?:(${AMOUNT}|${SHORT_AMOUNT}) )?(?:before|ahead of|prior to) (.+?)[.!?]?$`, 'i');
/** "set a (10 minute) reminder for the budget review", "add a reminder before my 2pm". */
const SET_A_REMINDER = new RegExp(String.raw`${LEAD_WORDS}(?:set|add|put|create|give me) (?:a|an) (?:((?:[a-z0-9]+ ){0,2}?[a-z0-9]+)[ -](minutes?|mins?|hours?|hrs?|days?) )?(?:reminder|alert) (?:for|before|on|ahead of) (.+?)[.!?]?$`, 'i');
/** "set a reminder (for) 5 minutes before the standup": the lead said after the word reminder. */
const SET_A_REMINDER_LEAD = new RegExp(String.raw`${LEAD_WORDS}(?:set|add|put|create|give me) (?:a|an) (?:reminder|alert) (?:for )?(${AMOUNT}|${SHORT_AMOUNT}) (?:before|ahead of|prior to) (.+?)[.!?]?$`, 'i');
/** How long before, said after the event: one number word or figure and a unit (so the event's own words are never taken for it). */
const AMOUNT_AFTER = String.raw`(?:\d+(?:\.\d+)?|an?|one|two|three|four|five|six|ten|fifteen|twenty|thirty|forty five|forty-five|sixty|ninety)[ -](?:minutes?|mins?|hours?|hrs?|days?|weeks?)|(?:the|a) day|half an hour|an? hour and a half`;
/** "remind me about the standup", "remind me of my 2pm (10 minutes before)": an event named so, its own reminder. */
const REMIND_ABOUT = new RegExp(String.raw`${LEAD_WORDS}(?:remind|alert) (?:me|us) (?:about|of) (.+?)(?:,? (${AMOUNT_AFTER}|${SHORT_AMOUNT}) (?:before|beforehand|ahead|earlier|early|prior)(?: (?:it|that|it starts))?)?[.!?]?$`, 'i');
const OFF_VERB = String.raw`(?:cancel|delete|remove|clear|skip|drop|turn off|switch off|disable|stop|kill|mute|silence|get rid of|take off|take away)`;
const REMINDER_WORD = String.raw`(?:reminders?|alerts?|notifications?)`;
/** "cancel the reminder for the budget review", "turn off my reminder on the standup", "remove the reminder". */
const OFF_FIRST = new RegExp(String.raw`${LEAD_WORDS}(?:actually,? |no,? )?${OFF_VERB} (?:the |my |that |its |this |any )?${REMINDER_WORD}(?: off)?(?: (?:for|on|of|from|about|before) (.+?))?[.!?]?$`, 'i');
/** "reminder off for the budget review", "no reminders please". */
const OFF_SAID_SHORT = new RegExp(String.raw`${LEAD_WORDS}(?:the |my )?${REMINDER_WORD} off(?: (?:for|on) (.+?))?[.!?]?$|${LEAD_WORDS}no (?:more )?reminders?(?: please| pls)?[.!?]?$`, 'i');
/** "turn the reminder for the budget review off", "turn it off" said of a reminder. */
const OFF_LAST = new RegExp(String.raw`${LEAD_WORDS}(?:actually,? |no,? )?(?:turn|switch) (?:the |my |that |its )?${REMINDER_WORD}(?: (?:for|on|of) (.+?))? off[.!?]?$`, 'i');
/** "don't remind me about the budget review", "no reminder for the offsite", "i don't need a reminder for the standup". */
const NO_REMINDING = new RegExp(String.raw`${LEAD_WORDS}(?:(?:i )?(?:don't|dont|do not|no need to|stop) (?:remind|alert|notify)(?:ing)? (?:me|us)(?: (?:about|abt|of|for|before) (.+?))?|no (?:more )?${REMINDER_WORD} (?:for|on|before) (.+?)|(?:i )?(?:don't|do not) need (?:a|the|any) ${REMINDER_WORD} (?:for|on|before) (.+?))[.!?]?$`, 'i');

/**
 * A reminder turned off, never the event: "cancel the reminder for the budget review" (`said`: the event as
 * said), "turn off the reminder" (nothing said: the one just talked about). Undefined for anything else, and
 * for a reminder named by what it reminds of or when ("cancel the reminder to call mom", "... for tomorrow at
 * 9"): such a reminder is an event of its own, cancelled as usual.
 */
export function reminderOff(text: string): { readonly said?: string } | undefined {
  const t = text.trim();
  const m = OFF_FIRST.exec(t) ?? OFF_LAST.exec(t) ?? OFF_SAID_SHORT.exec(t) ?? NO_REMINDING.exec(t);
  if (!m) return undefined;
  const said = m.slice(1).find((x) => x !== undefined)?.trim();
  // (Nothing named: only a reminder or being reminded is one; "mute notifications", "delete my alerts" are the device's.)
  if (said === undefined) return /\breminders?\b|\bremind\b/i.test(t) ? {} : undefined;
  if (/^(?:it|that|this|this one|that one|the meeting|the event)$/i.test(said)) return {};
  // (Any name: looked up, and said missing when absent; "the reminder to call mom" and a time are reminders of their own.)
  return !NO_EVENT.test(said) && !NOT_ONLY_AN_EVENT.test(said) && !/^to\b/i.test(said) ? { said } : undefined;
}

/** "turn off the reminder to pay rent": a reminder made as an event of its own ("remind me to pay rent"), named by what it reminds of. */
const OFF_REMINDER_TO = new RegExp(String.raw`${LEAD_WORDS}(?:actually,? |no,? )?${OFF_VERB} (?:the |my |that )?reminders? to (.+?)[.!?]?$`, 'i');

/** The request said as the cancel of that reminder event ("cancel the reminder to pay rent"), or undefined. */
export function reminderEventOff(text: string): string | undefined {
  const m = OFF_REMINDER_TO.exec(text.trim());
  return m ? `cancel the reminder to ${m[1]!}` : undefined;
}

/** Whether a reminder was asked "about" something ("remind me about taxes"), not "to" do it. */
export const remindsAbout = (text: string): boolean => REMIND_ABOUT.test(text.trim());
/** "set the reminder on the budget review to 30 minutes", "change the reminder for my 2pm to an hour". */
const REMINDER_TO = new RegExp(String.raw`${LEAD_WORDS}(?:set|change|make|move) (?:the|my) reminder (?:on|for|of) (.+?) to (${AMOUNT}|${SHORT_AMOUNT})(?: before(?: it)?)?[.!?]?$`, 'i');
/** What stands where an event should: a time or a day alone ("remind me before 5") names none. */
const NO_EVENT = /^(?:(?:it|that|the (?:meeting|event|start)|it starts)$|\d|(?:noon|midnight|tonight|today|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|(?:this|next) (?:morning|afternoon|evening|week|weekend|month))\b(?!'s))/i;
/**
 * Words after the event that make it a reminder at a time, or of something else: "the 15th to pay rent", "the
 * morning to call mom", "the dentist at 3pm tomorrow", "the end of the day".
 */
const NOT_ONLY_AN_EVENT = /\bto \w+|\bat \d|\bat (?:noon|midnight)\b|\b(?:the )?(?:morning|afternoon|evening|night|end of (?:the )?day|eod)\b|\bthe \d{1,2}(?:st|nd|rd|th)\b|^\d/i;
/** "set a reminder for the standup": a reminder *for* something is for an event only when one is named so. */
const AN_EVENT_NAMED = /^(?:the|my|our|this|that|every|each|all|tomorrow's|today's|\w+day's)\b/i;

/** Minutes in a typed short amount ("1h", "30m"), else as said. */
function minutesSaid(amount: string): number | undefined {
  const short = /^(\d+(?:\.\d+)?)\s?(h|hrs?|m|mins?)$/i.exec(amount.trim());
  return short ? minutesOf(`${short[1]} ${/^h/i.test(short[2]!) ? 'hour' : 'minute'}`) : minutesOf(amount);
}

/**
 * A reminder asked before an event already on the calendar, and how long before (undefined: not said, the
 * calendar's usual); undefined unless the request is only that.
 */
export function remindBeforeEvent(text: string): { readonly minutes?: number; readonly said: string; readonly about?: true } | undefined {
  const t = text.trim();
  // ("remind me about the standup", "remind me about taxes": looked up as an event, else a reminder of it.)
  const about = REMIND_ABOUT.exec(t);
  if (about) {
    // ("remind me about the budget review 10 minutes before": that long before it.)
    const lead = about[2] === undefined ? undefined : minutesSaid(about[2]);
    if (about[2] !== undefined && lead === undefined) return undefined;
    // ("remind me about it" after "when is the budget review": the event talked about.)
    if (/^(?:it|that|this|that one|this one|that meeting|this meeting)$/i.test(about[1]!.trim())) return { said: 'it', ...(lead !== undefined ? { minutes: lead } : {}), about: true };
    // (Any name: "remind me about standup" is the standup's own reminder when there is one; else a reminder of it.)
    return !NO_EVENT.test(about[1]!) && !NOT_ONLY_AN_EVENT.test(about[1]!) ? { said: about[1]!.trim(), ...(lead !== undefined ? { minutes: lead } : {}), about: true } : undefined;
  }
  const remind = REMIND_ME_BEFORE.exec(t) ?? SET_A_REMINDER_LEAD.exec(t);
  const set = remind ? null : SET_A_REMINDER.exec(t);
  const to = remind || set ? null : REMINDER_TO.exec(t);
  const [amount, said] = remind ? [remind[1], remind[2]!] : set ? [set[1] ? `${set[1]} ${set[2]!.replace(/s$/, '')}` : undefined, set[3]!] : to ? [to[2], to[1]!] : [undefined, undefined];
  if (said === undefined || NO_EVENT.test(said.trim()) || NOT_ONLY_AN_EVENT.test(said) || (set && !AN_EVENT_NAMED.test(said.trim()))) return undefined;
  const minutes = amount === undefined ? undefined : minutesSaid(amount);
  // A length said that is no length ("remind me 3 blocks before ...") is no such request.
  if (amount !== undefined && minutes === undefined) return undefined;
  return { ...(minutes !== undefined ? { minutes } : {}), said: said.trim() };
}

/** "..., with no reminder", "without a reminder", "and no reminder please": the new event is to alert nobody. */
const NO_REMINDER = /[,;]?\s*\b(?:(?:and|but|with) )?(?:no reminders?|without (?:a |any )?reminders?|(?:and )?don't remind me)(?: please)?(?=\s*$|[.!])[.!]?/i;

/** The request without its "no reminder" clause; undefined when it has none (or is nothing else). */
export function noReminder(text: string): { readonly rest: string } | undefined {
  const m = NO_REMINDER.exec(text);
  if (!m || m.index === 0) return undefined;
  return { rest: `${text.slice(0, m.index)} ${text.slice(m.index + m[0].length)}`.replace(/\s+/g, ' ').trim() };
}

/** "..., and remind me at 1:30": a reminder at a clock time, said after the event. */
const REMIND_AT = /[,;]?\s*\b(?:(?:and|but|also) )?(?:please )?(?:remind|alert|notify|ping) (?:me|us) at (\d{1,2})(?::(\d\d))?\s*(am|pm|a\.m\.|p\.m\.)?(?=\s*$|[.!])[.!]?/i;

/** The request without its "remind me at 1:30" clause, and the clock time said (24-hour when am/pm was said). */
export function remindAt(text: string): { readonly rest: string; readonly hour: number; readonly minute: number; readonly half?: 'am' | 'pm' } | undefined {
  const m = REMIND_AT.exec(text);
  if (!m || m.index === 0) return undefined;
  const hour = Number(m[1]);
  const minute = m[2] ? Number(m[2]) : 0;
  if (hour < 1 || hour > 12 || minute > 59) return undefined;
  const half = m[3] ? (m[3].toLowerCase().startsWith('a') ? 'am' : 'pm') : undefined;
  return { rest: `${text.slice(0, m.index)} ${text.slice(m.index + m[0].length)}`.replace(/\s+/g, ' ').trim(), hour, minute, ...(half ? { half } : {}) };
}
