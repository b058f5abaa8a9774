/**
 * Words that shape a turn before any lookup: a repeat the assistant cannot make, several events or whole
 * series in one change, "it", "wait", and what happens in the evening. Kept apart from the dialog's steps.
 */
/** Words that ask for a series ("every monday", "weekly", "each morning"): the assistant makes single events. */
export const REPEAT_WORDS = /\b((every|each) (other )?(day|week|month|year|morning|afternoon|evening|night|weekday|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(every|each) (\d+(st|nd|rd|th)?|first|second|third|fourth|fifth|last|alternate)|(a |an )?(weekly|daily|biweekly|fortnightly|recurring|repeating) (meeting|sync|call|standup|check-?in|one on one|1:1|review|catch ?up|lunch)|on (mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays|weekdays))\b/i;

/** "... and my 3pm (to 4)", "... and the offsite", "lunch and dinner": a second event named in a change of one. */
export const SEVERAL_EVENTS = /\s*,?\s+(?:and\s+then|and|then|also|plus)\s+(?:also\s+)?(?:my|the)\s+(?!(?:same|next|following|day|week|one|other)\b)\S+|(?<=\b(?:lunch|dinner|breakfast|brunch|coffee|drinks|standup|call|meeting|review|sync|appointment)s?)\s+and\s+(?=(?:lunch|dinner|breakfast|brunch|coffee|drinks|standup|call|meeting|review|sync|appointment)s?\b)/i;
/**
 * A whole series ("all my standups", "every standup", "the standup series", "the remaining standups", "from
 * now on", "to 10 every day") or everything in a window
 * ("everything on friday", "all my meetings tomorrow", "clear my afternoon"). Words of names ("the all
 * hands", "the speaker series talk", "for all attendees") are not: a determiner or the end must frame them.
 */
export const SERIES_WORDS = /\b(?:all|each)(?: of)? (?:my|the|our)(?: future| upcoming| remaining| other)? (?!meetings\b|events\b|appointments\b)\S+s\b|\b(?:every|each) (?!day\b|week\b|other\b|one\b|time\b)\S+\b|\bseries(?= *$| (?:to|on|at|for|from|by|until|please)\b)|\ball (?:future|upcoming) \S+|\b(?:the|my|our) remaining\b|\bfrom now on\b|\bgoing forward\b|\b(?:every|each) (?:day|week)\b/i;
export const MANY_EVENTS = new RegExp(String.raw`${SERIES_WORDS.source}|\beverything\b|\ball (?:of )?(?:my|the|our) (?:meetings|events|appointments)\b|\ball (?:meetings|events|appointments)\b|\bclear (?:my|the) (?:day|morning|afternoon|evening|calendar|schedule|week)\b|\bthe whole (?:day|morning|afternoon|evening|week)\b`, 'i');

/** Words around a series' name in a change of the whole series: "cancel all of my future ... from now on". */
const AROUND_SERIES_NAME = /\b(?:please|cancel|delete|remove|call off|drop|scrap|all|every|each|of|my|the|our|future|upcoming|remaining|other|whole|entire|series|recurring|repeating|weekly|daily|from now on|going forward|for good|from here on|anymore)\b/gi;

/** "from now on", "going forward": a whole series meant, in words the model would read as a time. */
export const FROM_NOW_ON = /\s*\b(?:from now on|going forward|from here on(?: out)?|from today on)\b/gi;
/** The same said last ("cancel the standup from now on", "... for good"): the change is of the series. */
const FROM_NOW_ON_LAST = /\b(?:from now on|going forward|from here on(?: out)?|from today on|for good)(?: please)?[.!?]*$/i;
/**
 * Words that frame an event's name as a whole series: "all (of) my", "every", "each", "the remaining", "all
 * future" before it, "series" after it. Only around the name itself: "the review with all the interns" and
 * "rename it to ... for all the teams" name one event.
 */
const SERIES_FRAME = /^(?:all(?: of)? (?:my|the|our)(?: (?:future|upcoming|remaining|other))?|(?:each|every)(?: one)?(?: of)?(?: (?:my|the|our))?(?: (?:future|upcoming|remaining))?(?! other\b)|(?:all )?(?:(?:my|the|our) )?(?:future|upcoming|remaining)) \S|\bseries$/i;

/**
 * The series a change names, when its words frame the name as a whole series (`said`: the words naming the
 * event; `text`: the whole request, for a "from now on" said last); else undefined, one event being meant.
 */
export function wholeSeriesNamed(said: string | undefined, text: string): string | undefined {
  if (said === undefined) return undefined;
  const name = said.trim().replace(/[?.!,]+$/, '').replace(FROM_NOW_ON, '').replace(/\s+(?:from|off|on) (?:my|the) (?:calendar|schedule)$/i, '').trim();
  return SERIES_FRAME.test(name) || FROM_NOW_ON_LAST.test(text.trim()) ? seriesNamed(name) : undefined;
}

/** The words naming what a cancel calls off: "cancel all my standups" -> "all my standups". */
export function cancelled(text: string): string | undefined {
  const m = /^(?:(?:please|can you|could you|and|also|go ahead and|i want to|i'd like to)\s+)*(?:cancel|delete|remove|call off|drop|scrap|clear)\s+(?:off\s+)?(.+)$/i.exec(text.trim());
  return m?.[1];
}

/**
 * The words naming what a move moves: between the verb and where it goes ("push all my standups back 30
 * minutes" -> "all my standups"). Undefined when where it goes says days ("to 10 this week": some occurrences).
 */
export function moved(text: string): string | undefined {
  const m = /^.*?\b(?:move|push|shift|reschedule|bump|change|put|make)\b(.*?)(\b(?:to|until|till|back|ahead|later|earlier|by|an? (?:hour|half hour)|\d+ (?:minutes?|hours?))\b.*)?$/i.exec(text.trim());
  if (!m || (m[2] !== undefined && PICKS_SOME.test(m[2].replace(FROM_NOW_ON, '')))) return undefined;
  return m[1]!.trim() || undefined;
}

/** Where a move goes, said of some occurrences ("to 10 this week", "until friday"); a weekday alone is another day for all. */
const PICKS_SOME = /\b(?:today|tonight|tomorrow|this|next|weeks?|until|till|through|between)\b|\b\d{1,2}(?:st|nd|rd|th)\b/i;
/** Days: words that pick some occurrences of a series ("this week", "on the 15th", "3/25", "until friday"). */
const SOME_DAYS = /\b(?:today|tonight|tomorrow|yesterday|this|next|last|weeks?|days?|months?|weekend|(?:mon|tues|wednes|thurs|fri|satur|sun)days?|january|february|march|april|may|june|july|august|september|october|november|december|until|till|through|between)\b|\b\d{1,2}(?:st|nd|rd|th)\b|\b\d{1,2}\/\d{1,2}\b/i;
/** Days, parts of days and times: words that pick some occurrences of a series. */
const SOME_OCCURRENCES = new RegExp(String.raw`${SOME_DAYS.source}|\b(?:before|after)\b|\b\d{1,2}(?::\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.)|\bat \d`, 'i');

/**
 * The series a change of a whole series names, from its words ("cancel all my team standups" -> "team
 * standup", "delete every 1:1" -> "1:1"): the model's event name drops words of such requests. Undefined
 * when only series words are left, or words for any meeting ("all my meetings").
 */
export function seriesNamed(text: string): string | undefined {
  const words = text.toLowerCase().replace(/[?.!,]/g, ' ').replace(AROUND_SERIES_NAME, ' ').replace(/\s+/g, ' ').trim();
  // "cancel the standups this week", "every day until friday": some occurrences, not the series from now on.
  if (SOME_OCCURRENCES.test(words)) return undefined;
  const one = oneOf(words);
  return one === '' || /^(?:meetings?|events?|appointments?|everything|them|those|these|it)\b/.test(one) ? undefined : one;
}

/** The name of one of several said in the plural: "standups" -> "standup", "lunches" -> "lunch", "syncs" -> "sync". */
export const oneOf = (plural: string): string => plural.replace(/(?<=\b\S*(?:ch|sh|ss|x))es$/, '').replace(/(?<=\S{2}[^s])s$/, '');

/** An event named by pointing at the one just talked about. */
export const IT = /\b(it|that|this|that one|this one|that meeting|this meeting)\b/i;

/** Words that ask for time to think, not a change of mind. */
export const HOLD_ON = /^(?:wait|hold on|hang on|one (?:sec|second|moment|minute)|just a (?:sec|second|moment|minute)|give me a (?:sec|second|moment|minute)|let me (?:think|check)(?: about it)?|hmm+|um+|uh+)(?: a (?:sec|second|moment|minute))?[.!…]*$/i;

/** What happens in the evening: a bare hour given for it is PM (as the date reader does for "dinner at 7"). */
export const EVENING_THING = /\b(dinner|supper|drinks|cocktails|happy hour|night)\b/i;

/** A question about when something is ("when is book club", "what time's the recital"). */
export const WHEN_IS = /^\s*(?:and |so |ok |okay |hey )?(?:when(?:'s| is| are| does| do)|what time(?:'s| is| does| do))\b/i;
