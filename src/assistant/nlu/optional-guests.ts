/**
 * Guests said to be optional: "with ann and dave as optional", "dave optional", "and optionally dave",
 * "with dave as an optional attendee". The words that say so are cut out, so the guest list reads as
 * usual, and the names are kept: Exchange invites them as optional attendees.
 */
const AFTER_NAME = /\b([a-z][a-z'.-]*(?: [a-z][a-z'.-]*)?),? (?:as )?(?:an? )?optional(?: (?:attendees?|guests?|invitees?|participants?))?\b(?!ly)/i;
const BEFORE_NAME = /\boptional(?:ly)?(?: (?:attendees?|guests?|invitees?))?:? ([a-z][a-z'.-]*(?: [a-z][a-z'.-]*)?)\b/i;
/** Words before "optional" that are no name: "make it optional", "the meeting is optional". */
const NOT_A_GUEST = /^(?:it|is|are|be|make|the|this|that|meeting|event|call|attendance|and|with)$/i;

/** The request without the words that make guests optional, and the optional names (as said); undefined when none. */
export function optionalGuests(text: string): { readonly rest: string; readonly names: readonly string[] } | undefined {
  const names: string[] = [];
  let rest = text;
  for (let guard = 0; guard < 4; guard++) {
    const after = AFTER_NAME.exec(rest);
    const before = after ? null : BEFORE_NAME.exec(rest);
    const m = after ?? before;
    if (!m) break;
    // "ann and dave as optional": the last name said before it ("and", "with" are not names).
    const said = m[1]!.split(' ').filter((w) => !NOT_A_GUEST.test(w));
    const name = after ? said.slice(-1)[0] : said[0];
    if (!name) break;
    names.push(name.toLowerCase());
    // Only the words that say "optional" go; the names and what follows them stay.
    const keep = after ? m[0].slice(0, m[0].toLowerCase().lastIndexOf(name.toLowerCase()) + name.length) : m[1]!;
    rest = `${rest.slice(0, m.index)}${keep}${rest.slice(m.index + m[0].length)}`.replace(/\s+/g, ' ').trim();
  }
  return names.length ? { rest, names } : undefined;
}
