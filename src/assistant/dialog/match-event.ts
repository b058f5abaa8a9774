/**
 * Which events a request names: by the words of its title, by the people said, or both. Words are matched
 * whole ("al" is not "alice", "call" does not contain a guest called Al), and the asker is never one of
 * the people named ("my meeting with al" is not every meeting Alice organizes).
 */
import type { CalendarEvent, Person } from '../../domain/calendar.js';
import type { DialogSlots } from './understanding.js';

/** Words that say nothing about which event: every event is a meeting, on "my" calendar. */
const NOT_DISTINCTIVE = new Set(['the', 'my', 'a', 'an', 'our', 'with', 'meeting', 'meetings', 'mtg', 'mtgs', 'event', 'events', 'appointment', 'appointments', 'appt', 'appts', 'and', 'of', 'for', 'to', 'on', 'at', 'in']);

/**
 * The words of a name, as compared: "1:1", "one on one", "1-on-1" and "1on1" are one word; a hyphenated
 * word is also itself joined ("stand-up" is "stand", "up" and "standup"); plural "reviews" is "review".
 */
export function nameWords(text: string): string[] {
  const joined = text.toLowerCase().replace(/\b(1|one)\s*(?::|-on-|\s+on\s+|on)\s*(1|one)\b/g, ' oneonone ');
  const hyphenated = [...joined.matchAll(/[a-z0-9]+(?:-[a-z0-9]+)+/g)].map((m) => m[0].replace(/-/g, ''));
  return [...new Set([...joined.split(/[^a-z0-9']+/), ...hyphenated])]
    .map((w) => w.replace(/'s$/, '').replace(/^(.{3,}[^s])s$/, '$1'))
    .filter((w) => w.length > 0 && !NOT_DISTINCTIVE.has(w));
}

/** Whether the words said name this person: each is a word of their name or of their address ("bob", "bob smith", "bjones"). */
export function namesPerson(said: string, p: { readonly name?: string; readonly email?: string }): boolean {
  const theirs = nameWords(`${p.name ?? ''} ${p.email?.split('@')[0] ?? ''}`);
  return nameWords(said).every((w) => theirs.includes(w));
}

/** Words of the title that single an event out; empty when the title names nothing ("my meeting"). */
export const titleWords = (title: string | undefined): string[] => (title ? nameWords(title) : []);

function personWords(p: Person | undefined): string[] {
  if (!p) return [];
  const local = p.email?.split('@')[0] ?? '';
  return [...nameWords(p.name ?? ''), ...nameWords(local.replace(/[._-]+/g, ' '))];
}

/** Whether `said` ("bob", "bob jones", "carol's") names this person: each word said is a word of their name. */
function names(said: string, p: Person | undefined): boolean {
  const want = nameWords(said);
  const have = new Set(personWords(p));
  return want.length > 0 && want.every((w) => have.has(w));
}

const isAsker = (p: Person | undefined, user: string): boolean => Boolean(p?.email && p.email.toLowerCase() === user.toLowerCase());

/** Whether the event is with this person: a participant other than the asker, or named in the subject ("Call with Carol"). */
export function isWith(e: CalendarEvent, said: string, user: string): boolean {
  const others = [e.organizer, ...e.attendees].filter((p) => !isAsker(p, user));
  if (others.some((p) => names(said, p))) return true;
  const subject = new Set(nameWords(e.subject));
  const want = nameWords(said);
  return want.length > 0 && want.every((w) => subject.has(w));
}

/** How often a series meets: said of it ("the daily standup"), seldom in its name ("Team standup"). */
const FREQUENCY = new Set(['daily', 'weekly', 'biweekly', 'fortnightly', 'monthly', 'quarterly', 'yearly', 'annual', 'recurring', 'regular']);

function titleMatches(e: CalendarEvent, words: readonly string[]): boolean {
  const subject = new Set(nameWords(e.subject));
  // "the weekly planning" is the Planning series: a frequency word need not be in a series' name.
  return words.every((w) => subject.has(w) || (FREQUENCY.has(w) && e.isRecurring && words.some((o) => !FREQUENCY.has(o))));
}

/**
 * Whether the event is the one the request names. A title and people said together must both hold
 * ("lunch with carol" is not Roadmap planning with Carol). A title that matches no subject may be a
 * person's name ("when do i meet dave": the tagger took "dave" for the title).
 */
export function eventMatches(e: CalendarEvent, slots: Pick<DialogSlots, 'title' | 'people'>, user: string): boolean {
  const people = slots.people ?? [];
  // A name heard in both ("meeting dave" as the title, "dave" as the person) is the person's.
  const peopleWords = new Set(people.flatMap(nameWords));
  const words = titleWords(slots.title).filter((w) => !peopleWords.has(w));
  const byTitle = words.length === 0 || titleMatches(e, words) || (people.length === 0 && isWith(e, words.join(' '), user));
  return byTitle && people.every((p) => isWith(e, p, user));
}

const ORDINAL: Readonly<Record<string, number>> = { first: 0, '1st': 0, second: 1, '2nd': 1, third: 2, '3rd': 2, fourth: 3, '4th': 3 };
/** Words of an answer to "Which one?" that do not name an event. */
const CHOICE_FILLER = new Set(['cancel', 'move', 'delete', 'remove', 'one', 'it', 'that', 'this', 'please', 'yes', 'i', 'mean', 'meant', 'thing', 'am', 'pm', 'at', 'o', 'clock', "o'clock", 'oclock']);

/**
 * Which of the offered events an answer names: "the second one" or "the last one" by position, "the 9am
 * one" by its local time of day (`minuteOfDay`, with each event's), or the words of its name ("the lunch").
 * None when the answer fits several or none: the question is asked again, never guessed.
 */
export function chooseEvent(answer: string, candidates: readonly CalendarEvent[], said?: { readonly minuteOfDay?: number; readonly minuteOf: (e: CalendarEvent) => number }): CalendarEvent | undefined {
  const words = answer.toLowerCase().split(/[^a-z0-9']+/).filter(Boolean);
  const positions = [...new Set(words.flatMap((w) => (w in ORDINAL ? [ORDINAL[w]!] : w === 'last' ? [candidates.length - 1] : [])))];
  if (positions.length === 1) return candidates[positions[0]!];
  if (said?.minuteOfDay !== undefined) {
    const at = candidates.filter((e) => said.minuteOf(e) === said.minuteOfDay);
    if (at.length === 1) return at[0];
  }
  // A number is a time ("the 9am one", read above) unless it is a word of an offered name ("sprint 2 planning").
  const subjectWords = new Set(candidates.flatMap((e) => nameWords(e.subject)));
  const named = nameWords(answer).filter((w) => !CHOICE_FILLER.has(w) && (!/^\d/.test(w) || subjectWords.has(w)));
  if (named.length === 0) return undefined;
  const fits = candidates.filter((e) => {
    const have = new Set([...nameWords(e.subject), ...[e.organizer, ...e.attendees].flatMap(personWords)]);
    return named.every((w) => have.has(w));
  });
  return fits.length === 1 ? fits[0] : undefined;
}

/** Whether the request names any event at all (a title with distinctive words, or a person). */
export const namesAnEvent = (slots: Pick<DialogSlots, 'title' | 'people'>): boolean => titleWords(slots.title).length > 0 || (slots.people?.length ?? 0) > 0;
