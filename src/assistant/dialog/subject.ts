/**
 * The subject a new event gets in Exchange. Titles are understood in lower case, as said; in Outlook, on
 * the asker's calendar and on every guest's, "lunch" and "mtg w/ bob" look careless. So the chat
 * abbreviations are spelled out when the title is proposed, and the first letter is capitalised when the
 * event is created; words typed with capitals ("iOS sync") and acronyms with digits ("Q3") are kept.
 */
import { escapeRegExp } from '../../shared/regexp.js';

const SPELLED: Readonly<Record<string, string>> = { mtg: 'meeting', mtng: 'meeting', mtgs: 'meetings', appt: 'appointment', appts: 'appointments', 'w/': 'with' };

/** "mtg w/ bob" -> "meeting with bob": the title as said, without chat abbreviations. */
export function spelledOut(title: string): string {
  return title
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => SPELLED[w.toLowerCase()] ?? w)
    .join(' ');
}

/**
 * "lunch" -> "Lunch", "q3 planning" -> "Q3 planning", "iPhone launch" stays; a guest named in it is
 * written as the directory writes them ("lunch with bob smith" -> "Lunch with Bob Smith").
 */
export function eventSubject(title: string, guests: readonly { readonly name?: string }[] = []): string {
  let said = spelledOut(title);
  for (const g of guests) {
    if (!g.name) continue;
    said = said.replace(new RegExp(`\\b${escapeRegExp(g.name.toLowerCase())}\\b`, 'gi'), g.name);
  }
  const words = said
    .split(' ')
    .map((w) => (/^[a-z]\d+$/.test(w) ? w.toUpperCase() : w));
  const text = words.join(' ');
  // A first word typed with a capital inside ("iPhone") is a name as written: left alone.
  return /^[a-z]+[A-Z]/.test(words[0] ?? '') ? text : text.charAt(0).toUpperCase() + text.slice(1);
}
