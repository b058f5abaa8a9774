/**
 * Which room mailbox a place said in a request is ("in the boardroom", "in the board room", "in the
 * fishbowl"): looked up in the directory as said, then with its spaces closed up (speech splits
 * "boardroom"). Several rooms of the name are a question, never a guess.
 */
import type { CalendarProvider, DirectoryEntry } from '../../providers/calendar-provider.js';

export type RoomLookup = { readonly kind: 'one'; readonly room: DirectoryEntry } | { readonly kind: 'several'; readonly candidates: readonly DirectoryEntry[] } | { readonly kind: 'none' };

/** A place whose words say it is a room: when no room of that name exists, the proposal says so. */
export const ROOM_WORDS = /\b(room|boardroom|conference|annex|huddle)\b/i;

export async function roomFor(provider: Pick<CalendarProvider, 'findPeople'>, place: string): Promise<RoomLookup> {
  const tries = [...new Set([place, place.replace(/\s+/g, '')])];
  for (const name of tries) {
    const found = await provider.findPeople(name);
    const rooms = found.kind === 'one' ? [found.person].filter((p) => p.isRoom) : found.kind === 'several' ? found.candidates.filter((c) => c.isRoom) : [];
    if (rooms.length === 0) continue;
    // "the fishbowl" among Fishbowl and Fishbowl Annex: the room of exactly that name.
    const exact = rooms.filter((r) => squeeze(r.name) === squeeze(name));
    if (rooms.length === 1 || exact.length === 1) return { kind: 'one', room: rooms.length === 1 ? rooms[0]! : exact[0]! };
    return { kind: 'several', candidates: rooms };
  }
  return { kind: 'none' };
}

/** What a room said on a room's own device is: that room, or another (with what the directory found for it). */
export type SaidRoom = { readonly here: true } | { readonly here: false; readonly lookup: RoomLookup };

/**
 * Whether a room said on a room's own device is that room. On the Boardroom's display "the boardroom
 * north" is another room, and on Boardroom North's "the boardroom" is too: names are never compared as
 * parts of each other. The directory decides when it knows the name (it prefers the room of exactly that
 * name); when it cannot tell (no room of the name, or several), the words said must all be words of this
 * room's name ("north" on Boardroom North's display).
 */
export async function roomSaid(provider: Pick<CalendarProvider, 'findPeople'>, here: { readonly email: string; readonly name: string }, said: string): Promise<SaidRoom> {
  if (squeeze(said) === squeeze(here.name)) return { here: true };
  const lookup = await roomFor(provider, said).catch((): RoomLookup => ({ kind: 'none' }));
  if (lookup.kind === 'one') return lookup.room.email.toLowerCase() === here.email.toLowerCase() ? { here: true } : { here: false, lookup };
  const mine = new Set(wordsOf(here.name));
  const words = wordsOf(said).filter((w) => w !== 'the' && w !== 'our');
  return words.length > 0 && words.every((w) => mine.has(w)) ? { here: true } : { here: false, lookup };
}

const wordsOf = (s: string): string[] => s.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
const squeeze = (s: string): string => s.toLowerCase().replace(/^the\s+/, '').replace(/[^a-z0-9]+/g, '');
